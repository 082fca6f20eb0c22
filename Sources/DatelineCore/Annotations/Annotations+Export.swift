/// Annotations in the outputs of `list` (json, jsonl, csv, md) and exports.
///
/// Why `x_annotations` in JSON: SCHEMA.md keeps fields starting with `x_` silently, so a
/// listed record with its annotations still loads as data, and a reader's stars never
/// pass for a fact of the record. CSV and Markdown get three extra columns, added only
/// when a listed record is annotated, so unannotated output is byte for byte as before.
extension Annotations.Entry {
  /// `{"starred":true,"tags":["a","b"],"note":"…"}` (only what is set).
  public var jsonObject: String {
    var o = JSONWriter()
    if starred { o.raw("starred", "true") }
    if !tags.isEmpty { o.raw("tags", JSONWriter.array(tags)) }
    if let note { o.field("note", note) }
    return o.object
  }

  /// The extra CSV / Markdown cells, in the order of `Annotations.columnNames`.
  public var columnValues: [String] {
    [
      starred ? "true" : "",
      tags.joined(separator: RecordColumns.listSeparator), note ?? "",
    ]
  }
}

extension Annotations {
  /// The extra CSV / Markdown columns.
  public static let columnNames = ["starred", "annotation_tags", "note"]

  /// Whether any of `rows` (indexes into `corpus.records`) is annotated.
  public func annotatesAny(_ rows: [Int], in corpus: Corpus) -> Bool {
    guard !entries.isEmpty else { return false }
    if entries.count < rows.count {
      return entries.keys.contains {
        corpus.recordIndex[$0].map { i in BinarySearch.contains(rows, i) }
          ?? false
      }
    }
    return rows.contains { entries[corpus.records[$0].id] != nil }
  }

  /// A JSON object (a record as listed) with `"x_annotations": …` as its last member
  /// when `entry` is set; the object as it was otherwise.
  public static func inserting(_ entry: Entry?, into object: [UInt8]) -> [UInt8]
  {
    guard let entry, !entry.isEmpty,
      let close = object.lastIndex(of: UInt8(ascii: "}"))
    else { return object }
    let empty =
      object[..<close].last(where: {
        $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09
      }) == UInt8(ascii: "{")
    var out = Array(object[..<close])
    out += Array(
      ((empty ? "" : ",") + "\"x_annotations\":" + entry.jsonObject).utf8)
    out += object[close...]
    return out
  }
}

/// Binary search over a sorted array of record indexes (a result's rows).
public enum BinarySearch {
  /// The first position whose value is not below `v` (`sorted.count` when none is).
  public static func lowerBound(_ sorted: [Int], _ v: Int) -> Int {
    var lo = 0
    var hi = sorted.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if sorted[mid] < v { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Whether `v` is in `sorted`.
  public static func contains(_ sorted: [Int], _ v: Int) -> Bool {
    let i = lowerBound(sorted, v)
    return i < sorted.count && sorted[i] == v
  }
}
