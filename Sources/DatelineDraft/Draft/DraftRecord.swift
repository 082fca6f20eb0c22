import DatelineCore

/// A record drafted from a sentence, for a person to accept, change or reject.
///
/// Fields are the schema's (SCHEMA.md "Record"); `x_draft` says where in the article it
/// came from and that it has not been reviewed.
public struct DraftRecord: Sendable, Equatable {
  public struct PartyRole: Sendable, Equatable {
    public var id: String
    public var role: String
  }

  public struct Figure: Sendable, Equatable {
    public var label: String
    public var value: Double
    public var literal: String
    public var qualifier: String?
    public var unit: String?
  }

  public var id: String
  public var date: String
  public var datePrecisionWeek = false
  public var endDate: String?
  public var dateApprox = false
  public var dateInferred = false
  public var dateNote: String
  public var kind: String
  public var parties: [PartyRole]
  public var headline: String
  public var claimant: [String] = []
  public var attributionText: String
  public var basis: String
  public var source: String
  public var quote: String
  /// The quote's offset in Unicode scalars, given only when the text repeats the quote.
  public var quoteStart: Int?
  public var figures: [Figure] = []
  /// The quote's span in the article (scalars), for review and evaluation.
  public var span: Range<Int>

  /// The record as one line of JSON (schema 1), keys in the schema's order.
  public var jsonLine: String {
    var f: [(String, String)] = [("id", q(id)), ("date", q(date))]
    if datePrecisionWeek { f.append(("date_precision", q("week"))) }
    if let endDate { f.append(("end_date", q(endDate))) }
    if dateApprox { f.append(("date_approx", "true")) }
    if dateInferred { f.append(("date_inferred", "true")) }
    f.append(("date_note", q(dateNote)))
    f.append(("kind", q(kind)))
    f.append(
      (
        "parties",
        "["
          + parties.map { "{\"id\": \(q($0.id)), \"role\": \(q($0.role))}" }
          .joined(separator: ", ") + "]"
      ))
    f.append(("headline", q(headline)))
    var attribution = ""
    if claimant.count == 1 {
      attribution += "\"claimant\": \(q(claimant[0])), "
    }
    if claimant.count > 1 {
      attribution +=
        "\"claimant\": [" + claimant.map(q).joined(separator: ", ") + "], "
    }
    f.append(
      (
        "attribution",
        "{" + attribution
          + "\"text\": \(q(attributionText)), \"basis\": \(q(basis))}"
      ))
    f.append(("source", q(source)))
    f.append(
      (
        "quote",
        "{\"exact\": \(q(quote))"
          + (quoteStart.map { ", \"start\": \($0)" } ?? "") + "}"
      ))
    if !figures.isEmpty {
      f.append(
        ("figures", "[" + figures.map(figureJSON).joined(separator: ", ") + "]")
      )
    }
    f.append(
      (
        "x_draft",
        "{\"status\": \"draft\", \"start\": \(span.lowerBound), \"end\": \(span.upperBound)}"
      ))
    return "{" + f.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  private func figureJSON(_ fig: Figure) -> String {
    var s = "{\"label\": \(q(fig.label)), \"value\": \(fig.literal)"
    if let qualifier = fig.qualifier { s += ", \"qualifier\": \(q(qualifier))" }
    if let unit = fig.unit { s += ", \"unit\": \(q(unit))" }
    return s + "}"
  }

  private func q(_ s: String) -> String { JSONWriter.string(s) }
}
