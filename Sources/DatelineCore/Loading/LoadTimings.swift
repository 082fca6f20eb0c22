import Dispatch
import Synchronization

/// Phase times of a load, kept as values for the CLI to print (`DATELINE_TIMING`): Core
/// writes nothing to stderr and reads no environment.
public final class LoadTimings: Sendable {
  /// One phase: `load.scan`, `cache.read`, … with its milliseconds and the anonymous
  /// (not file-backed) memory after it, when the system says.
  public struct Lap: Sendable, CustomStringConvertible {
    public var phase: String
    public var milliseconds: UInt64
    public var anonymousMemory: String?
    public var description: String {
      "timing \(phase): \(milliseconds) ms, anon \(anonymousMemory ?? "")"
    }
  }

  private let laps = Mutex<[Lap]>([])

  public init() {}

  func add(_ lap: Lap) { laps.withLock { $0.append(lap) } }

  /// The laps recorded since the last call, in order.
  public func drain() -> [Lap] {
    laps.withLock { l in
      defer { l.removeAll() }
      return l
    }
  }
}

/// Times the phases of one piece of work into `timings` (nothing when it is nil).
struct LoadTimer {
  let name: String
  let timings: LoadTimings?
  var last: UInt64

  init(_ name: String, _ timings: LoadTimings?) {
    self.name = name
    self.timings = timings
    last = timings == nil ? 0 : DispatchTime.now().uptimeNanoseconds
  }

  mutating func lap(_ what: String) {
    guard let timings else { return }
    let now = DispatchTime.now().uptimeNanoseconds
    timings.add(
      .init(
        phase: "\(name).\(what)", milliseconds: (now - last) / 1_000_000,
        anonymousMemory: Platform.anonymousMemory()))
    last = now
  }
}
