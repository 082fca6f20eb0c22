import Foundation
import XCTest

/// A scratch directory, and a tiny tmpfs inside it for full-disk tests.
///
/// Why tmpfs: a real "No space left on device" from write(2), at a size the test chooses,
/// with rename and temporaries on the same file system; only root can mount one, so the
/// tests that need it skip (saying why) elsewhere.
final class ScratchVolume {
  let path: String
  private var mounted: [String] = []

  init() throws {
    path =
      NSTemporaryDirectory()
      + "dateline-io-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    for m in mounted.reversed() { _ = Self.run("/bin/umount", [m]) }
    try? FileManager.default.removeItem(atPath: path)
  }

  /// A directory of `path` backed by a tmpfs of `kilobytes`, or a skip when it cannot be mounted.
  func fullDisk(kilobytes: Int = 64) throws -> String {
    guard geteuid() == 0 else { throw XCTSkip("mounting a tmpfs needs root") }
    let dir = path + "/tmpfs"
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    guard
      Self.run(
        "/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", dir])
        == 0
    else {
      throw XCTSkip("cannot mount a tmpfs here")
    }
    mounted.append(dir)
    return dir
  }

  static func run(_ tool: String, _ arguments: [String]) -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = arguments
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    do { try p.run() } catch { return -1 }
    p.waitUntilExit()
    return p.terminationStatus
  }
}
