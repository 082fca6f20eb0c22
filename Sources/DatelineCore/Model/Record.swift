/// One dated report: who did or said what, when, according to whom.
public struct Record: Sendable, Hashable, Identifiable {
  public typealias ID = TypedID<Record>

  public enum Kind: String, Sendable, CaseIterable {
    case event, statement, claim, denial, figure
  }

  public enum Role: String, Sendable, CaseIterable {
    case actor, target, mediator, participant, subject
  }

  public struct PartyRef: Sendable, Hashable {
    public var id: Party.ID
    public var role: Role
    public init(id: Party.ID, role: Role = .participant) {
      self.id = id
      self.role = role
    }
  }

  /// Another report carrying the same fact.
  public struct Corroboration: Sendable, Hashable {
    public var source: Source.ID
    public var quote: Quote?
    public init(source: Source.ID, quote: Quote? = nil) {
      self.source = source
      self.quote = quote
    }
  }

  public var id: ID
  public var date: RecordDate
  public var endDate: RecordDate?
  public var time: TimeOfDay?
  public var utcOffset: String?
  public var dateApprox: Bool
  public var dateInferred: Bool
  public var dateNote: String?
  public var kind: Kind
  public var parties: [PartyRef]
  public var headline: String
  public var summary: String?
  public var attribution: Attribution?
  public var source: Source.ID
  public var quote: Quote?
  public var also: [Corroboration]
  public var tags: [String]
  public var related: [ID]
  public var disputes: [ID]
  public var revises: [ID]
  public var figures: [Figure]
  /// `x_` fields as compact JSON members (`"x_a":1,"x_b":[2]`), written by `jsonObject`;
  /// set by an import (`x_fields` column). A record decoded from a file leaves it empty:
  /// its exports copy the file's bytes instead (`RecordStore.completeLine`).
  public var extensions = ""

  public init(
    id: ID, date: RecordDate, endDate: RecordDate? = nil,
    time: TimeOfDay? = nil,
    utcOffset: String? = nil, dateApprox: Bool = false,
    dateInferred: Bool = false,
    dateNote: String? = nil, kind: Kind, parties: [PartyRef], headline: String,
    summary: String? = nil, attribution: Attribution? = nil, source: Source.ID,
    quote: Quote? = nil, also: [Corroboration] = [], tags: [String] = [],
    related: [ID] = [],
    disputes: [ID] = [], revises: [ID] = [], figures: [Figure] = []
  ) {
    self.id = id
    self.date = date
    self.endDate = endDate
    self.time = time
    self.utcOffset = utcOffset
    self.dateApprox = dateApprox
    self.dateInferred = dateInferred
    self.dateNote = dateNote
    self.kind = kind
    self.parties = parties
    self.headline = headline
    self.summary = summary
    self.attribution = attribution
    self.source = source
    self.quote = quote
    self.also = also
    self.tags = tags
    self.related = related
    self.disputes = disputes
    self.revises = revises
    self.figures = figures
  }

  /// The first day the record covers.
  public var firstDay: CalendarDay { date.firstDay }
  /// The last day it covers: the end of `end_date`, or of its own day, week, month or year.
  public var lastDay: CalendarDay { endDate?.lastDay ?? date.lastDay }
}

/// Who says so, and on what footing.
public struct Attribution: Sendable, Hashable {
  public enum Basis: String, Sendable, CaseIterable {
    case named, official, anonymous, unattributed
  }
  public var claimants: [Party.ID]
  /// Whether `claimant` was written as an array (paths and round trips keep the form).
  public var claimantIsList: Bool
  public var text: String
  public var basis: Basis
  public init(
    claimants: [Party.ID] = [], claimantIsList: Bool? = nil, text: String,
    basis: Basis
  ) {
    self.claimants = claimants
    self.claimantIsList = claimantIsList ?? (claimants.count != 1)
    self.text = text
    self.basis = basis
  }
}

/// A number a record states, e.g. hostages remaining: 135.
public struct Figure: Sendable, Hashable {
  public enum Qualifier: String, Sendable, CaseIterable {
    case about
    case atLeast = "at least"
    case moreThan = "more than"
    case atMost = "at most"
    case
      fewerThan = "fewer than"
  }
  public var label: String
  public var value: Double
  public var valueMax: Double?
  public var qualifier: Qualifier?
  public var unit: String?
  /// `value` and `valueMax` as written in the data, when loaded from it: a double cannot
  /// hold 9007199254740993 or a 30-digit count, and `-0` is not `0` in the text. JSON output
  /// writes these back, so `list --format json` round-trips; equality is by value.
  public var valueLiteral: String?
  public var valueMaxLiteral: String?
  public init(
    label: String, value: Double, valueMax: Double? = nil,
    qualifier: Qualifier? = nil,
    unit: String? = nil
  ) {
    self.label = label
    self.value = value
    self.valueMax = valueMax
    self.qualifier = qualifier
    self.unit = unit
  }

  /// Equal values are equal figures, however they were written (`1e3`, `1000`).
  public static func == (a: Figure, b: Figure) -> Bool {
    (a.label, a.value, a.valueMax, a.qualifier, a.unit) == (
      b.label, b.value, b.valueMax, b.qualifier, b.unit
    )
  }

  public func hash(into h: inout Hasher) {
    h.combine(label)
    h.combine(value)
    h.combine(valueMax)
    h.combine(qualifier)
    h.combine(unit)
  }

  /// "more than 100", "200–250 people", "135"; a plain decimal as written in the data
  /// (exact beyond a double's 15 digits), any other number as the double prints it.
  public var displayValue: String {
    func num(_ v: Double, _ literal: String?) -> String {
      if let literal, literal.utf8.count <= 40,
        literal.utf8.allSatisfy({
          ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x2E
        })
      {
        return literal
      }
      return v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
    var s = num(value, valueLiteral)
    if let m = valueMax { s += "–" + num(m, valueMaxLiteral) }
    if let q = qualifier { s = q.rawValue + " " + s }
    if let u = unit { s += " " + u }
    return s
  }
}
