/// Scores drafts against expected records: a draft matches an expected record when their
/// quotes overlap in the article; then its date (with precision), basis and parties are
/// compared. Precision counts the expected records some draft covers, recall all of them. `recovered` counts expected records whose overlapping draft has the same
/// date, precision and basis (the seed target of issue 16).
public struct RecordEvaluation: Sendable {
  public struct Expected: Sendable {
    public var quote: String
    public var date: String
    public var week: Bool
    public var basis: String
    public var parties: [String]?
    public var id: String

    public init(
      id: String, quote: String, date: String, week: Bool, basis: String,
      parties: [String]?
    ) {
      self.id = id
      self.quote = quote
      self.date = date
      self.week = week
      self.basis = basis
      self.parties = parties
    }
  }

  public var dates = Score()
  public var basis = Score()
  public var parties = Score()
  public var recovered = 0
  public var expectedCount = 0
  public var misses: [TimexEvaluation.Miss] = []

  public init() {}

  public mutating func add(
    file: String, text: String, expected: [Expected], drafts: [DraftRecord]
  ) {
    let scalars = Array(text.unicodeScalars)
    expectedCount += expected.count
    dates.expected += expected.count
    basis.expected += expected.count
    for e in expected {
      let needle = Array(e.quote.unicodeScalars)
      guard let at = TimexEvaluation.find(needle, in: scalars, from: 0) else {
        misses.append(
          .init(file: file, message: "\(e.id): quote not in the text"))
        continue
      }
      let span = at..<(at + needle.count)
      let overlapping = drafts.indices.filter { drafts[$0].span.overlaps(span) }
      let right = overlapping.first {
        drafts[$0].date == e.date && drafts[$0].datePrecisionWeek == e.week
      }
      let rightBasis = overlapping.first { drafts[$0].basis == e.basis }
      if right != nil { dates.truePositives += 1 }
      if rightBasis != nil { basis.truePositives += 1 }
      if overlapping.contains(where: {
        drafts[$0].date == e.date && drafts[$0].datePrecisionWeek == e.week
          && drafts[$0].basis == e.basis
      }) {
        recovered += 1
      } else if let d = overlapping.first.map({ drafts[$0] }) {
        misses.append(
          .init(
            file: file,
            message:
              "\(e.id): drafted \(d.date)\(d.datePrecisionWeek ? " (week)" : "") \(d.basis), expected \(e.date)\(e.week ? " (week)" : "") \(e.basis)"
          ))
      } else {
        misses.append(
          .init(
            file: file,
            message: "\(e.id): no draft overlaps \"\(e.quote.prefix(50))\""))
      }
      if !overlapping.isEmpty {
        dates.predicted += 1
        basis.predicted += 1
      }
      if let want = e.parties, let d = overlapping.first.map({ drafts[$0] }) {
        let got = Set(d.parties.map(\.id)).subtracting(["unidentified"])
        parties.predicted += got.count
        parties.expected += want.count
        parties.truePositives += got.intersection(want).count
      } else if let want = e.parties {
        parties.expected += want.count
      }
    }
  }
}
