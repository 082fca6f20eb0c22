import DatelineTestSupport
import DatelineUI
import Foundation
import XCTest

/// The scripted screen itself: a loop test can only fail honestly if a wait that never
/// ends, a stale frame and a script that runs out are each reported.
final class ScriptedScreenTests: XCTestCase {
  let size = Size(columns: 20, rows: 2)

  func testKeysAndResizesComeOutInOrder() {
    let bigger = Size(columns: 30, rows: 4)
    var screen = ScriptedScreen(
      size: size, steps: [.key(.character("j")), .resize(bigger), .key(.enter)])
    XCTAssertEqual(screen.readKey(timeoutMilliseconds: 0), .character("j"))
    XCTAssertEqual(screen.readKey(timeoutMilliseconds: 0), .resize(bigger))
    XCTAssertEqual(screen.size, bigger)
    XCTAssertEqual(screen.readKey(timeoutMilliseconds: 0), .enter)
  }

  func testAWaitIsAnsweredOnlyByAFrameDrawnAfterTheLastKey() {
    var screen = ScriptedScreen(
      size: size, steps: [.key(.character("j")), .waitFor("after")])
    screen.draw(frame("after"))
    XCTAssertEqual(screen.readKey(timeoutMilliseconds: 0), .character("j"))
    // The frame from before the key does not count.
    XCTAssertNil(screen.readKey(timeoutMilliseconds: 0))
    XCTAssertNil(screen.pendingSignal)
    screen.draw(frame("after"))
    // Answered; the script then ends without a quit, which is a failure too.
    XCTAssertNil(screen.readKey(timeoutMilliseconds: 0))
    XCTAssertEqual(screen.pendingSignal, SIGHUP)
    XCTAssertEqual(
      screen.failure, "the script ended before the program quit")
  }

  func testAWaitThatIsNeverAnsweredHangsUpWithTheText() {
    var screen = ScriptedScreen(
      size: size, steps: [.waitFor("never")], patience: .milliseconds(30))
    screen.draw(frame("something else"))
    var reads = 0
    while screen.pendingSignal == nil && reads < 10_000 {
      _ = screen.readKey(timeoutMilliseconds: 5)
      reads += 1
    }
    XCTAssertEqual(screen.pendingSignal, SIGHUP)
    XCTAssertTrue(
      screen.failure?.hasPrefix("no frame showed \"never\"") ?? false,
      screen.failure ?? "no failure")
  }

  func testASignalAndAnActionArePlayedWhenReached() {
    var acted = false
    var screen = ScriptedScreen(
      size: size,
      steps: [.perform { acted = true }, .signal(SIGTERM), .key(.enter)])
    XCTAssertNil(screen.readKey(timeoutMilliseconds: 0))
    XCTAssertTrue(acted)
    XCTAssertEqual(screen.pendingSignal, SIGTERM)
    XCTAssertNil(screen.failure)
    // Nothing after the signal is played: the loop has ended.
    XCTAssertNil(screen.readKey(timeoutMilliseconds: 0))
  }

  /// A frame of `size` with `text` on its first row.
  func frame(_ text: String) -> Frame {
    var f = Frame(size: size)
    f.put(text, at: Position(column: 0, row: 0))
    return f
  }
}
