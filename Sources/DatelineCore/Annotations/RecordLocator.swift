import Foundation

/// Where a record is written: its data file and line, for `E` (the editor at the record).
///
/// Why a search and not a column: the store keeps no file positions (a million records
/// would pay for them on every open), and `E` is pressed rarely. The files are read in
/// the loader's order (byte order of names) and the first record with the id wins, as
/// the first of a duplicate id does when loading. Only a record's own `id` counts, not a
/// party reference inside it or a party with the same id.
public enum RecordLocator {
  public struct Place: Sendable, Hashable {
    public var path: String
    /// 1-based.
    public var line: Int
  }

  public static func locate(_ id: Record.ID, in directory: String) -> Place? {
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory)
    else { return nil }
    let files = names.filter { $0.hasSuffix(".json") || $0.hasSuffix(".jsonl") }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    let needle = Data(("\"" + id.rawValue + "\"").utf8)
    for name in files {
      let path = directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path),
        data.range(of: needle) != nil
      else { continue }
      let bytes = [UInt8](data)
      let offset =
        name.hasSuffix(".jsonl")
        ? inLines(bytes, id: id.rawValue) : inEnvelope(bytes, id: id.rawValue)
      if let offset {
        return Place(
          path: path,
          line: 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
      }
    }
    return nil
  }

  /// The offset of the item of a records envelope whose `id` is `id`.
  static func inEnvelope(_ bytes: [UInt8], id: String) -> Int? {
    let root = bytes.withUnsafeBytes { try? JSONParser.parse($0) }
    guard case .object(let members)? = root?.value,
      members.contains(where: {
        $0.key == "type" && $0.value.stringValue == "records"
      }),
      case .array(let items)? = members.first(where: { $0.key == "items" })?
        .value.value
    else { return nil }
    // The line of the id itself: an item written over several lines starts with `{`.
    guard let item = items.first(where: { ownID($0) == id }),
      case .object(let fields) = item.value
    else { return nil }
    return fields.first { $0.key == "id" }?.value.offset ?? item.offset
  }

  /// The offset of the line of a `.jsonl` file whose record has the id.
  static func inLines(_ bytes: [UInt8], id: String) -> Int? {
    let needle = Array(("\"" + id + "\"").utf8)
    var start = 0
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      let line = bytes[start..<end]
      if line.count >= needle.count, contains(line, needle) {
        let node = line.withUnsafeBytes { try? JSONParser.parse($0) }
        if let node, ownID(node) == id { return start }
      }
      start = end + 1
    }
    return nil
  }

  static func ownID(_ node: JSONNode) -> String? {
    guard case .object(let members) = node.value else { return nil }
    return members.first { $0.key == "id" }?.value.stringValue
  }

  static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool
  {
    var i = haystack.startIndex
    while i + needle.count <= haystack.endIndex {
      if haystack[i] == needle[0]
        && haystack[i..<(i + needle.count)].elementsEqual(needle)
      {
        return true
      }
      i += 1
    }
    return false
  }
}

extension JSONNode {
  /// The string, when the value is one.
  var stringValue: String? {
    if case .string(let s) = value { return s }
    return nil
  }
}
