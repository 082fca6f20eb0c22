/// Every record as one complete JSON line: all its fields, `x_` extensions included.
///
/// Why from the item's bytes and not from `Record.jsonObject`: a `Record` holds only the
/// fields SCHEMA.md names, so an envelope item's extensions were dropped on export
/// (SCHEMA.md "Queries": an export read back gives the same records). The same line is
/// what reload fingerprints a record by (`RecordFingerprints` reads `writeJSONLines`), so
/// an edit to an extension counts as a change, and a reformatted envelope (white space
/// only) does not.
extension RecordStore {
  /// Record `i` as one JSON line without its newline: a `.jsonl` line as it is, an
  /// envelope item with the white space between its tokens taken out, or (when its
  /// bytes hold a character `JSONWriter` escapes) parsed and written again; nil for a
  /// record held in memory. Call only after the item's bytes were read (`readAll`).
  func completeLine(_ i: Int) -> [UInt8]? {
    guard let p = items[i] else { return nil }
    let bytes = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
    let compact = RecordStore.compacted(bytes)
    if compact.withUnsafeBytes(RecordStore.printsRaw) { return compact }
    guard
      let node = try? JSONParser.parse(
        bytes, depthLimit: 64 - Int(depthBases[i]))
    else { return nil }
    return Array(node.compactText.utf8)
  }

  /// The `x_` members of record `i`'s item as compact JSON pairs (empty for none or a
  /// held record). Call only after the item's bytes were read (`readAll`).
  func extensionMembers(_ i: Int) -> String {
    guard let p = items[i] else { return "" }
    let bytes = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
    // Most records have none: no `"x_` anywhere means no such key.
    guard RecordStore.mayHoldExtension(bytes),
      let node = try? JSONParser.parse(
        bytes, depthLimit: 64 - Int(depthBases[i]))
    else { return "" }
    return node.extensionMembersText
  }

  static func mayHoldExtension(_ b: UnsafeRawBufferPointer) -> Bool {
    guard b.count >= 3 else { return false }
    for k in 0..<(b.count - 2)
    where b[k] == UInt8(ascii: "\"") && b[k + 1] == UInt8(ascii: "x")
      && b[k + 2] == UInt8(ascii: "_")
    {
      return true
    }
    return false
  }

  /// JSON text without the white space between tokens (strings kept byte for byte).
  static func compacted(_ b: UnsafeRawBufferPointer) -> [UInt8] {
    var out = [UInt8]()
    out.reserveCapacity(b.count)
    var inString = false
    var k = 0
    while k < b.count {
      let c = b[k]
      if inString {
        out.append(c)
        if c == UInt8(ascii: "\\"), k + 1 < b.count {
          out.append(b[k + 1])
          k += 1
        } else if c == UInt8(ascii: "\"") {
          inString = false
        }
      } else if c == UInt8(ascii: "\"") {
        inString = true
        out.append(c)
      } else if c != 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
        out.append(c)
      }
      k += 1
    }
    return out
  }
}

extension Corpus {
  /// The `x_` members of the record at timeline index `i` as compact JSON pairs
  /// (`"x_a":1`), empty when it has none; the problem if its file changed first.
  public func extensionMembers(at i: Int) -> Result<String, DataReadProblem> {
    if let problem = store.readAll([i][...]) ?? store.checkPlacement([i][...]) {
      return .failure(problem)
    }
    return .success(store.extensionMembers(i))
  }
}
