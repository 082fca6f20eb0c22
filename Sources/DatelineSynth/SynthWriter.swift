import DatelineCore
import Foundation

/// Appends JSON text to a byte buffer and writes it to a file in large blocks.
///
/// Why not `String` concatenation: a million records are about 470 MB; building them as
/// bytes and flushing every few MB keeps the generator at a few seconds and little memory.
public struct SynthWriter {
  var bytes: [UInt8] = []
  /// The file written to, or nil to collect bytes only.
  let file: AtomicFile?
  /// The first write that failed (`close` throws it).
  var failure: FileWriteError?

  /// A writer into `path` (replaced when complete), or into memory when `path` is nil.
  init(path: String?) throws {
    file = try path.map { path throws(FileWriteError) in try AtomicFile(path) }
    bytes.reserveCapacity(1 << 22)
  }

  /// A writer that only collects bytes.
  init() { file = nil }

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
  mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
  mutating func byte(_ b: UInt8) { bytes.append(b) }

  /// A JSON string literal with `"`, `\` and control characters escaped.
  mutating func string(_ s: String) {
    bytes.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22:
        bytes.append(0x5C)
        bytes.append(0x22)
      case 0x5C:
        bytes.append(0x5C)
        bytes.append(0x5C)
      case 0x0A:
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "n"))
      case 0x09:
        bytes.append(0x5C)
        bytes.append(UInt8(ascii: "t"))
      case 0..<0x20:
        bytes.append(contentsOf: Array(String(format: "\\u%04x", b).utf8))
      default: bytes.append(b)
      }
    }
    bytes.append(0x22)
  }

  /// `"key":"value"` with a leading comma unless it is the first member.
  mutating func field(_ key: String, _ value: String, first: Bool = false) {
    if !first { bytes.append(0x2C) }
    string(key)
    bytes.append(0x3A)
    string(value)
  }

  /// `"key":` followed by raw JSON.
  mutating func key(_ key: String, first: Bool = false) {
    if !first { bytes.append(0x2C) }
    string(key)
    bytes.append(0x3A)
  }

  /// Writes what is buffered when it passes a few MB (or always with `force`).
  mutating func flush(force: Bool = false) {
    guard let file, failure == nil, force || bytes.count >= 1 << 22 else {
      return
    }
    do { try file.append(bytes) } catch { failure = error }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Writes the rest and puts the file in place; the first failed write is thrown.
  mutating func close() throws {
    flush(force: true)
    if let failure { throw failure }
    try file?.commit()
  }
}
