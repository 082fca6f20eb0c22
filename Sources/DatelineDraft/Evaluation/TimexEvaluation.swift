import DatelineCore

/// Scores found temporal expressions against expected ones (text and value in text order).
public struct TimexEvaluation: Sendable {
  public struct Expected: Sendable {
    public var text: String
    public var value: String?
    public init(text: String, value: String?) {
      self.text = text
      self.value = value
    }
  }

  /// A difference worth reading: what was expected or found, and where.
  public struct Miss: Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): \(message)" }
  }

  public var spans = Score()
  public var values = Score()
  public var misses: [Miss] = []

  public init() {}

  /// Places the expected texts in `text` in order (each after the previous one's start)
  /// and compares them with `found` by exact span, then by value.
  public mutating func add(
    file: String, text: String, expected: [Expected],
    found: [TemporalExpression]
  ) {
    let scalars = Array(text.unicodeScalars)
    var from = 0
    var gold: [(start: Int, end: Int, value: String?)] = []
    for e in expected {
      let needle = Array(e.text.unicodeScalars)
      guard let at = Self.find(needle, in: scalars, from: from) else {
        misses.append(
          Miss(file: file, message: "expected text not in the file: \(e.text)"))
        continue
      }
      gold.append((at, at + needle.count, e.value))
      from = at + 1
    }
    spans.predicted += found.count
    values.predicted += found.count
    spans.expected += gold.count
    values.expected += gold.count
    for g in gold {
      guard
        let f = found.first(where: { $0.start == g.start && $0.end == g.end })
      else {
        let near = found.first { $0.start < g.end && g.start < $0.end }
        misses.append(
          Miss(
            file: file,
            message: "missed \"\(slice(scalars, g.start, g.end))\""
              + (near.map { " (found \"\($0.text)\")" } ?? "")))
        continue
      }
      spans.truePositives += 1
      if f.value.value == g.value {
        values.truePositives += 1
      } else {
        misses.append(
          Miss(
            file: file,
            message:
              "\"\(f.text)\": value \(f.value.value ?? "null"), expected \(g.value ?? "null")"
          ))
      }
    }
    for f in found
    where !gold.contains(where: { $0.start < f.end && f.start < $0.end }) {
      misses.append(
        Miss(
          file: file,
          message: "extra \"\(f.text)\" = \(f.value.value ?? "null")"))
    }
  }

  private func slice(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
    var t = ""
    t.unicodeScalars.append(contentsOf: s[a..<b])
    return t
  }

  static func find(
    _ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int
  ) -> Int? {
    guard !needle.isEmpty, hay.count >= needle.count,
      from <= hay.count - needle.count
    else { return nil }
    for i in from...(hay.count - needle.count) where hay[i] == needle[0] {
      if Array(hay[i..<(i + needle.count)]) == needle { return i }
    }
    return nil
  }
}
