import Foundation

/// `DATELINE_TIMING` for `dateline screen`: what each step costs (the load, the first
/// frame, each key's update and frame), on stderr, in wall time and in the CPU time of
/// the whole process (both cores), which a loaded machine does not inflate as it does
/// wall time: `timing screen.key 1: 41.2 ms (CPU 63.5 ms)`.
struct StepClock {
  /// Whether DATELINE_TIMING is set (else `lap` writes nothing).
  let on = ProcessInfo.processInfo.environment["DATELINE_TIMING"] != nil
  private var wall = DispatchTime.now().uptimeNanoseconds
  private var cpu = StepClock.processCPU()

  /// Writes the time since the last lap (or the start) under `what`.
  mutating func lap(_ what: String) {
    guard on else { return }
    let wallNow = DispatchTime.now().uptimeNanoseconds
    let cpuNow = StepClock.processCPU()
    Output.note(
      "timing screen.\(what): \(StepClock.ms(wallNow - wall)) ms"
        + " (CPU \(StepClock.ms(cpuNow &- cpu)) ms)\n")
    wall = wallNow
    cpu = cpuNow
  }

  /// Nanoseconds as milliseconds with two decimals.
  static func ms(_ ns: UInt64) -> Double { Double(ns / 10_000) / 100 }

  /// CPU time of the whole process so far (user + system, every thread).
  static func processCPU() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }
}
