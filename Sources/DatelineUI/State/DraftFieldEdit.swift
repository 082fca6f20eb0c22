import DatelineCore

/// A draft with one field changed from what the reviewer typed (`D`, `K`, `P`, `B`), or
/// why the text is no such value.
enum DraftFieldEdit {
  struct Problem: Error {
    var message: String
  }

  /// `record` with `field` set from `text` (trimmed), or why `text` is no such value;
  /// `parties` is the data the party ids must name.
  static func apply(
    _ field: DraftField, _ text: String, to record: Record, parties: Corpus
  ) -> Result<Record, Problem> {
    var r = record
    let t = text.trimmingCharacters(in: .whitespaces)
    do throws(Problem) {
      switch field {
      case .date: try setDate(t, of: &r)
      case .kind: try setKind(t, of: &r)
      case .parties: try setParties(t, of: &r, known: parties)
      case .basis: try setBasis(t, of: &r)
      }
    } catch {
      return .failure(error)
    }
    return .success(r)
  }

  /// `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `since..until` (the end not before the start);
  /// a changed date is no longer inferred, and its note says it was set in review.
  static func setDate(_ t: String, of r: inout Record) throws(Problem) {
    let sides = t.components(separatedBy: "..")
    guard sides.count <= 2, let date = RecordDate.parse(sides[0]) else {
      throw Problem(
        message:
          "not a date: \(t) (use YYYY-MM-DD, YYYY-MM, YYYY or since..until)")
    }
    var end: RecordDate?
    if sides.count == 2 {
      guard let e = RecordDate.parse(sides[1]), e.lastDay >= date.firstDay
      else {
        throw Problem(
          message: "not an end date after \(sides[0]): \(sides[1])")
      }
      end = e
    }
    guard date != r.date || end != r.endDate else { return }
    r.date = date
    r.endDate = end
    r.dateInferred = false
    r.dateNote =
      "Set in review" + (r.dateNote.map { "; the draft said: " + $0 } ?? ".")
  }

  /// One of SCHEMA's kinds, as spelled there.
  static func setKind(_ t: String, of r: inout Record) throws(Problem) {
    guard let kind = Record.Kind(rawValue: t) else {
      throw Problem(
        message: "a kind is one of "
          + Record.Kind.allCases.map(\.rawValue).joined(separator: ", "))
    }
    r.kind = kind
  }

  /// Party ids separated by spaces, each one `known` has, repeats dropped; a party
  /// kept keeps its role, and a claimant no longer among the parties is dropped too.
  static func setParties(
    _ t: String, of r: inout Record, known: Corpus
  ) throws(Problem) {
    let ids = t.split(separator: " ").map { Party.ID(String($0)) }
    guard !ids.isEmpty else {
      throw Problem(message: "a record names at least one party")
    }
    let unknown = ids.filter { known.party($0) == nil }
    guard unknown.isEmpty else {
      throw Problem(
        message: "no party " + unknown.map(\.rawValue).joined(separator: ", ")
          + " (Tab completes party ids)")
    }
    let before = r.parties
    var seen = Set<Party.ID>()
    r.parties = ids.filter { seen.insert($0).inserted }.map { id in
      before.first { $0.id == id } ?? Record.PartyRef(id: id)
    }
    if var a = r.attribution {
      a.claimants = a.claimants.filter { seen.contains($0) }
      r.attribution = a
    }
  }

  /// One of SCHEMA's attribution bases; a draft without an attribution gets one with
  /// that basis and no text.
  static func setBasis(_ t: String, of r: inout Record) throws(Problem) {
    guard let basis = Attribution.Basis(rawValue: t) else {
      throw Problem(
        message: "a basis is one of "
          + Attribution.Basis.allCases.map(\.rawValue).joined(separator: ", "))
    }
    var a = r.attribution ?? Attribution(text: "", basis: basis)
    a.basis = basis
    r.attribution = a
  }
}
