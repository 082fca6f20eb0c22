import DatelineUI
import Foundation

/// A `TerminalScreen` that plays a script and keeps every frame: keys, resizes and
/// signals in, frames out, so that the browse loop runs in an ordinary test (as
/// bubbletea's teatest feeds a program with `Send` and waits with `WaitForOutput`, and
/// ratatui's `TestBackend` keeps the buffer).
///
/// Waiting is polling with a bound, never a fixed sleep: a `.waitFor` step holds the
/// script until a frame drawn since the last key (resize, signal, action) shows its
/// text, so a frame from before the key cannot answer it. Each `readKey` with no key to
/// give waits its timeout (10 ms at most), as a terminal would; a wait that outlasts
/// `patience` ends the run as a closed terminal does (SIGHUP), with `failure` saying
/// which text never came. A script that runs out before the program quits ends the
/// same way.
public struct ScriptedScreen: TerminalScreen {
  /// One step of the script, played in order as the loop reads keys.
  public enum Step {
    /// A key, as the terminal would decode it.
    case key(Key)
    /// The terminal changes size (the loop reads `.resize` as a key, as from curses).
    case resize(Size)
    /// A signal arrives (SIGINT, SIGTERM, SIGHUP): `pendingSignal` says so from now on.
    case signal(Int32)
    /// Holds the script until a frame drawn since the last step that was not a wait
    /// contains `text` (any such frame when `text` is empty).
    case waitFor(String)
    /// Runs `action` (append to a data file, say) when the script reaches it.
    case perform(() -> Void)
  }

  public private(set) var size: Size
  public private(set) var pendingSignal: Int32?
  /// Every frame drawn, the first one first.
  public private(set) var frames: [Frame] = []
  /// Why the script could not be played to its end, or nil.
  public private(set) var failure: String?
  /// Every sequence sent to the terminal between frames (`send`), in order.
  public private(set) var sent: [String] = []
  /// How many times the terminal was given to another program (`suspend`).
  public private(set) var suspensions = 0
  /// How long a `.waitFor` step may wait for its text.
  public var patience: Duration

  private var steps: ArraySlice<Step>
  private var waitingSince: ContinuousClock.Instant?
  /// The frames from this index on were drawn after the last step that was not a wait.
  private var firstFresh = 0

  public init(
    size: Size, steps: [Step], patience: Duration = .seconds(20)
  ) {
    self.size = size
    self.steps = steps[...]
    self.patience = patience
  }

  /// The text of the last frame drawn ("" before the first).
  public var lastText: String { frames.last?.text ?? "" }

  public mutating func draw(_ frame: Frame) {
    frames.append(frame)
  }

  /// The next key of the script; nil while a `.waitFor` waits, after a signal, and at
  /// the end of the script (which hangs up).
  public mutating func readKey(timeoutMilliseconds: Int) -> Key? {
    while pendingSignal == nil, let step = steps.first {
      if case .waitFor = step {} else { firstFresh = frames.count }
      switch step {
      case .key(let key):
        steps.removeFirst()
        return key
      case .resize(let newSize):
        steps.removeFirst()
        size = newSize
        return .resize(newSize)
      case .signal(let number):
        steps.removeFirst()
        pendingSignal = number
      case .perform(let action):
        steps.removeFirst()
        action()
      case .waitFor(let text):
        guard
          frames[firstFresh...].contains(where: {
            text.isEmpty || $0.text.contains(text)
          })
        else {
          wait(for: text, milliseconds: timeoutMilliseconds)
          return nil
        }
        steps.removeFirst()
        waitingSince = nil
      }
    }
    if pendingSignal == nil {
      hangUp("the script ended before the program quit")
    }
    return nil
  }

  public mutating func send(_ sequence: String) -> Int32? {
    sent.append(sequence)
    return nil
  }

  public mutating func suspend() {
    suspensions += 1
  }

  public mutating func resume() {}

  /// One poll of a `.waitFor`: up to the loop's timeout (at most 10 ms) passes, as it
  /// would on a terminal with no key; past `patience` the run ends.
  private mutating func wait(for text: String, milliseconds: Int) {
    let clock = ContinuousClock()
    let since = waitingSince ?? clock.now
    waitingSince = since
    if clock.now - since > patience {
      hangUp("no frame showed \"\(text)\" within \(patience)")
      return
    }
    let pause = min(max(milliseconds, 1), 10)
    usleep(useconds_t(pause * 1000))
  }

  /// Ends the run as a closed terminal does, with `why` kept for the test to report.
  private mutating func hangUp(_ why: String) {
    failure = failure ?? why
    pendingSignal = SIGHUP
  }
}

extension ScriptedScreen.Step {
  /// Each character of `text` as a key (`"/soldiers"`); use `.key(.enter)` for Enter.
  public static func type(_ text: String) -> [ScriptedScreen.Step] {
    text.map { .key(.character($0)) }
  }
}
