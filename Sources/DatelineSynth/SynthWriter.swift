import Foundation

/// Appends JSON text to a byte buffer and writes it to a file in large blocks.
///
/// Why not `String` concatenation: a million records are about 470 MB; building them as
/// bytes and flushing every few MB keeps the generator at a few seconds and little memory.
public struct SynthWriter {
  var bytes: [UInt8] = []
  let handle: FileHandle?

  /// A writer into `path` (created or truncated), or into memory when `path` is nil.
  init(path: String?) throws {
    if let path {
      FileManager.default.createFile(atPath: path, contents: nil)
      guard let h = FileHandle(forWritingAtPath: path) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
      }
      handle = h
    } else {
      handle = nil
    }
    bytes.reserveCapacity(1 << 22)
  }

  /// A writer that only collects bytes.
  init() { handle = nil }

  mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }
  mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }
  mutating func byte(_ b: UInt8) { bytes.append(b) }

  /// A JSON string literal with `"`, `\` and control characters escaped.
  mutating func string(_ s: String) {
    bytes.append(0x22)
    for b in s.utf8 {
      switch b {
      case 0x22: bytes.append(0x5C); bytes.append(0x22)
      case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
      case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
      case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
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
    guard let handle, force || bytes.count >= 1 << 22 else { return }
    handle.write(Data(bytes))
    bytes.removeAll(keepingCapacity: true)
  }

  mutating func close() {
    flush(force: true)
    try? handle?.close()
  }
}
