import Foundation

/// Would the loader accept what an import writes for one row? The import asks before it
/// keeps the row, so a row the loader would refuse is rejected with the loader's reason.
///
/// Why through the loader's own decoding: its rules (strings within 1 MiB, id syntax,
/// dates, control characters) are the ones the written directory will meet, and copying
/// them here would let the two drift. Each item is encoded as it will be written, parsed
/// and decoded exactly as `validate` would.
enum LoadBackCheck {
  /// The first error the loader would give for the record, its new parties or its source.
  static func problem(record: Record, parties: [Party], source: Source)
    -> String?
  {
    for party in parties {
      if let p = problem(
        party.jsonObject, { ItemDecoding.party($0, &$1) != nil })
      {
        return "party: " + p
      }
    }
    if let p = problem(
      source.jsonObject, { ItemDecoding.source($0, &$1) != nil })
    {
      return "source: " + p
    }
    // Links are settled later (dropDanglingLinks keeps only ids of the import).
    var unlinked = record
    unlinked.related = []
    unlinked.disputes = []
    unlinked.revises = []
    return problem(unlinked.jsonObject, { ItemDecoding.record($0, &$1) != nil })
  }

  static func problem(
    _ json: String, _ decode: (JSONNode, inout ItemReader) -> Bool
  ) -> String? {
    let bytes = Array(json.utf8)
    let parsed: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBytes {
      raw in
      do throws(JSONSyntaxError) {
        return .success(try JSONParser.parse(raw))
      } catch { return .failure(error) }
    }
    let node: JSONNode
    switch parsed {
    case .success(let n): node = n
    case .failure(let e): return "the item would not parse: \(e.message)"
    }
    var reader = ItemReader()
    _ = decode(node, &reader)
    guard let first = reader.problems.first(where: { $0.severity == .error })
    else { return nil }
    let path =
      first.path.hasPrefix("$.") ? String(first.path.dropFirst(2)) : first.path
    return "the loader would refuse it: \(path): \(first.message)"
  }
}
