/// The record ids closest to one that was mistyped, for "did you mean" messages.
///
/// Like git's "The most similar command is": ids that start with what was typed come
/// first (shortest first), then ids that contain it, then ids within a small edit
/// distance. Ids are read from the store's id column, so a million records cost one pass
/// of byte comparisons and nothing is decoded.
public enum NearestIDs {
  public static func suggest(
    _ typed: String, in index: RecordIndex, limit: Int = 5
  ) -> [String] {
    let want = Array(typed.lowercased().utf8)
    guard !want.isEmpty, limit > 0 else { return [] }
    // An edit distance above a third of the typed length is no longer "nearly".
    let maxDistance = max(1, want.count / 3)
    var best: [(score: Int, id: String)] = []
    for i in 0..<index.count {
      let id = index.id(at: i)
      let bytes = Array(id.lowercased().utf8)
      let score: Int
      if bytes.starts(with: want) {
        score = bytes.count - want.count
      } else if contains(bytes, want) {
        score = 1000 + bytes.count - want.count
      } else if abs(bytes.count - want.count) <= maxDistance,
        let d = distance(bytes, want, limit: maxDistance)
      {
        score = 2000 + d
      } else {
        continue
      }
      if best.count == limit, let worst = best.last,
        (worst.score, worst.id) <= (score, id)
      {
        continue
      }
      best.append((score, id))
      best.sort { ($0.score, $0.id) < ($1.score, $1.id) }
      if best.count > limit { best.removeLast() }
    }
    return best.map(\.id)
  }

  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard needle.count <= haystack.count else { return false }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] {
      if haystack[start..<(start + needle.count)].elementsEqual(needle) {
        return true
      }
    }
    return false
  }

  /// Levenshtein distance, or nil when it exceeds `limit` (ids are short; two rows).
  static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...max(1, a.count) where !a.isEmpty {
      current[0] = i
      var rowMin = current[0]
      for j in 1...max(1, b.count) where !b.isEmpty {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMin = min(rowMin, current[j])
      }
      if rowMin > limit { return nil }
      swap(&previous, &current)
    }
    let d = a.isEmpty ? b.count : previous[b.count]
    return d <= limit ? d : nil
  }
}
