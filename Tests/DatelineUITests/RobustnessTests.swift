import DatelineCore
import DatelineUI
import XCTest

/// No size and no sequence of keys crashes `update` or `render`, and every frame is whole:
/// exactly columns × rows cells, every row as wide as the screen.
final class RobustnessTests: XCTestCase {
  /// Column and row counts around every threshold in Layout and the panes, from 1 to the
  /// largest size asked for (300×100).
  static let columns = [
    1, 2, 3, 5, 19, 20, 21, 39, 40, 41, 49, 50, 69, 70, 79, 80, 81, 99, 100,
    101, 120, 121, 200, 299, 300,
  ]
  static let rows = [1, 2, 3, 4, 5, 6, 9, 10, 11, 23, 24, 25, 34, 40, 99, 100]
  /// A state of every kind: panes, focus, maximised, overlays, prompts, filters.
  static let scenarios = [
    "", "G", "j j Enter", "j j Enter j", "o", "o j j j", "j j Enter z", "o z",
    "p j j", "?",
    "/ hamas", "/ hamas Enter", "t 2023-1", "1 2 a", "G 2", "9 9 9 1",
  ]

  func testEverySizeFrom1x1To300x100GivesAWholeFrameInEveryState() throws {
    let base = try Seed.state()
    var sweep = SoundnessSweep()
    for keys in Self.scenarios {
      let pressed = press(keys, from: base)
      for c in Self.columns {
        for r in Self.rows {
          let size = Size(columns: c, rows: r)
          let state = update(pressed, .resize(size))
          let frame = render(state)
          XCTAssertEqual(frame.size, size)
          XCTAssertEqual(frame.cells.count, c * r, "keys \(keys) at \(size)")
          sweep.check(frame, "keys \"\(keys)\" at \(size)")
        }
      }
    }
    XCTAssertEqual(
      sweep.frames, Self.scenarios.count * Self.columns.count * Self.rows.count)
    sweep.assertNoProblems()
  }

  func testEveryColumnCountUpTo300AtEveryRowCountUpTo8Renders() throws {
    // Small heights are where the layout arithmetic goes negative; try every width there.
    let base = press("j j Enter", from: try Seed.state())
    for r in 1...8 {
      for c in 1...300 {
        let frame = render(update(base, .resize(Size(columns: c, rows: r))))
        XCTAssertEqual(frame.cells.count, c * r)
        XCTAssertEqual(frame.lines.count, r)
      }
    }
  }

  func testRandomKeysAndResizesOnTheSeedDataNeverBreakAFrame() throws {
    try randomWalk(try Seed.state(), seed: 0x5EED_DA7E, steps: 1500)
  }

  func testRandomKeysAndResizesOnWideTextNeverBreakAFrame() throws {
    try randomWalk(
      try WideFixture.state(size80x24), seed: 0xC0FF_EE00_1234, steps: 1000,
      checkCells: false)
  }

  /// Presses random keys, with a random resize one time in eight, rendering after each.
  ///
  /// Quitting starts again from `start`. Each step's keys are kept so a failure names the
  /// exact sequence to replay. `checkCells` adds the per-cell rules (off for the wide
  /// fixture, whose known cell problems `WideTextScreenTests` reports on their own).
  func randomWalk(
    _ start: BrowserState, seed: UInt64, steps: Int, checkCells: Bool = true,
    file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    var rng = SplitMix64(seed: seed)
    let keys: [Key] = [
      .character("j"), .character("k"), .character("g"), .character("G"),
      .character(" "), .character("b"),
      .character("o"), .character("z"), .character("p"), .character("a"),
      .character("0"), .character("1"),
      .character("2"), .character("3"), .character("5"), .character("9"),
      .character("/"), .character("n"),
      .character("N"), .character("t"), .character("?"), .character("q"),
      .character("h"), .character("2"),
      .character("-"), .character("é"), .character("日"), .up, .down, .pageUp,
      .pageDown, .home, .end,
      .enter, .enter, .escape, .tab, .backTab, .backspace, .wheelUp, .wheelDown,
      .left, .function(1),
      .control("f"), .control("b"), .control("g"),
    ]
    var state = start
    var history: [String] = []
    var sweep = SoundnessSweep()
    for step in 0..<steps {
      let key: Key
      if rng.next() % 8 == 0 {
        key = .resize(
          Size(
            columns: Int(rng.next() % 300) + 1, rows: Int(rng.next() % 100) + 1)
        )
      } else {
        key = keys[Int(rng.next() % UInt64(keys.count))]
      }
      history.append("\(key)")
      if let event = KeyMap.event(for: key, in: state) {
        state = update(state, event)
      }
      if state.quit {
        state = update(start, .resize(state.size))
        history.append("(restart)")
      }
      let frame = render(state)
      let context =
        "step \(step) of seed \(seed), last keys \(history.suffix(12).joined(separator: " "))"
      XCTAssertEqual(
        frame.cells.count, state.size.columns * state.size.rows, context,
        file: file, line: line)
      XCTAssertTrue(
        state.rows.isEmpty || state.rows.indices.contains(state.selection),
        "selection in range: \(context)",
        file: file, line: line)
      if checkCells {
        sweep.check(frame, context)
      } else if frame.lines.count != state.size.rows {
        XCTFail("rows: \(context)", file: file, line: line)
      }
    }
    sweep.assertNoProblems(file: file, line: line)
  }
}
