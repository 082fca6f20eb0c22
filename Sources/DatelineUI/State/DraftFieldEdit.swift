import DatelineCore

/// A draft with one field changed from what the reviewer typed (`D`, `K`, `P`, `B`), or
/// why the text is no such value.
enum DraftFieldEdit {
  struct Problem: Error {
    var message: String
  }

  static func apply(
    _ field: DraftField, _ text: String, to record: Record, parties: Corpus
  ) -> Result<Record, Problem> {
    var r = record
    let t = text.trimmingCharacters(in: .whitespaces)
    switch field {
    case .date:
      let sides = t.components(separatedBy: "..")
      guard sides.count <= 2, let date = RecordDate.parse(sides[0]) else {
        return .failure(
          Problem(
            message:
              "not a date: \(t) (use YYYY-MM-DD, YYYY-MM, YYYY or since..until)"
          ))
      }
      var end: RecordDate?
      if sides.count == 2 {
        guard let e = RecordDate.parse(sides[1]), e.lastDay >= date.firstDay
        else {
          return .failure(
            Problem(message: "not an end date after \(sides[0]): \(sides[1])"))
        }
        end = e
      }
      if date != r.date || end != r.endDate {
        r.date = date
        r.endDate = end
        // The reviewer chose it: no longer inferred; the note says so.
        r.dateInferred = false
        r.dateNote =
          "Set in review"
          + (r.dateNote.map { "; the draft said: " + $0 } ?? ".")
      }
    case .kind:
      guard let kind = Record.Kind(rawValue: t) else {
        return .failure(
          Problem(
            message: "a kind is one of "
              + Record.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
      }
      r.kind = kind
    case .parties:
      let ids = t.split(separator: " ").map { Party.ID(String($0)) }
      guard !ids.isEmpty else {
        return .failure(Problem(message: "a record names at least one party"))
      }
      let unknown = ids.filter { parties.party($0) == nil }
      guard unknown.isEmpty else {
        return .failure(
          Problem(
            message: "no party "
              + unknown.map(\.rawValue).joined(separator: ", ")
              + " (Tab completes party ids)")
        )
      }
      var seen = Set<Party.ID>()
      r.parties = ids.filter { seen.insert($0).inserted }.map { id in
        record.parties.first { $0.id == id } ?? Record.PartyRef(id: id)
      }
      // A claimant that is no longer among the parties is dropped with it.
      if var a = r.attribution {
        a.claimants = a.claimants.filter { seen.contains($0) }
        r.attribution = a
      }
    case .basis:
      guard let basis = Attribution.Basis(rawValue: t) else {
        return .failure(
          Problem(
            message: "a basis is one of "
              + Attribution.Basis.allCases.map(\.rawValue).joined(
                separator: ", ")))
      }
      var a = r.attribution ?? Attribution(text: "", basis: basis)
      a.basis = basis
      r.attribution = a
    }
    return .success(r)
  }
}
