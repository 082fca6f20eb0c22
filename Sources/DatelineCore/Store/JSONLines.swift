import Foundation

/// Records as JSON lines for `list --format jsonl`, without decoding what need not be.
///
/// A record read from a `.jsonl` file is written as its own line, byte for byte (its
/// extensions and spelling kept), unless the line holds a character that `JSONWriter`
/// escapes so no terminal acts on it (DEL, C1 controls, line and paragraph separators,
/// bidi controls): that line, and every record from an envelope or built in code, is
/// decoded and written as `Record.jsonObject`. Either way the line loads back as the same
/// record. Why: decoding a record takes tens of microseconds, copying its line well under one.
extension Corpus {
  /// Calls `write` with the JSON lines of `rows` (each ending in a newline), in blocks of
  /// about `block` bytes, in order.
  public func writeJSONLines(_ rows: [Int], block: Int = 1 << 20, _ write: (UnsafeRawBufferPointer) -> Void) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(block + 4096)
    var sinceRelease = 0
    for i in rows {
      if let line = store.verbatimLine(i) {
        buffer.append(contentsOf: line)
        sinceRelease += line.count
      } else {
        buffer.append(contentsOf: records[i].jsonObject.utf8)
      }
      buffer.append(0x0A)
      if buffer.count >= block {
        buffer.withUnsafeBytes { write($0) }
        buffer.removeAll(keepingCapacity: true)
      }
      // The lines come from all over the mapped files: hand their pages back now and
      // then, so the resident set stays small (they stay in the page cache).
      if sinceRelease >= 64 << 20 {
        store.releaseMappedPages()
        sinceRelease = 0
      }
    }
    if !buffer.isEmpty { buffer.withUnsafeBytes { write($0) } }
  }
}

extension RecordStore {
  /// The bytes of record `i` when they are a whole `.jsonl` line safe to print as they are.
  func verbatimLine(_ i: Int) -> UnsafeRawBufferPointer? {
    guard depthBases[i] == 0, let p = items[i] else { return nil }
    let line = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
    return RecordStore.printsRaw(line) ? line : nil
  }

  /// No byte sequence that `JSONWriter.string` would escape beyond what JSON must: DEL,
  /// C1 (C2 80–9F), U+061C (D8 9C), U+200E/F (E2 80 8E/8F), U+2028/9 (E2 80 A8/A9),
  /// U+202A–E (E2 80 AA–AE), U+2066–9 (E2 81 A6–A9). Raw C0 controls cannot be in a
  /// loaded line (JSON forbids them in strings; outside strings only white space).
  static func printsRaw(_ b: UnsafeRawBufferPointer) -> Bool {
    let n = b.count
    var i = 0
    let highs: UInt64 = 0x8080_8080_8080_8080
    while i < n {
      // Eight plain ASCII bytes below DEL at a time.
      if i + 8 <= n {
        let w = b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let del = w ^ 0x7F7F_7F7F_7F7F_7F7F
        if (w | ((del &- 0x0101_0101_0101_0101) & ~del)) & highs == 0 {
          i += 8
          continue
        }
      }
      let c = b[i]
      if c < 0x7F {
        i += 1
        continue
      }
      if c == 0x7F { return false }
      let c1: UInt8 = i + 1 < n ? b[i + 1] : 0
      let c2: UInt8 = i + 2 < n ? b[i + 2] : 0
      switch c {
      case 0xC2 where c1 >= 0x80 && c1 <= 0x9F: return false
      case 0xD8 where c1 == 0x9C: return false
      case 0xE2 where c1 == 0x80 && (c2 == 0x8E || c2 == 0x8F || (c2 >= 0xA8 && c2 <= 0xAE)): return false
      case 0xE2 where c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9: return false
      default: i += 1
      }
    }
    return true
  }

  /// Drops the pages of every mapped data file from the resident set (they are read
  /// again from the page cache when needed).
  func releaseMappedPages() {
    for case let f as MappedFile in owners { f.release(0..<f.count) }
  }
}
