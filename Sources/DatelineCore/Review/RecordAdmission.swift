/// Would a record join a directory's data without an error? The check `s` (accept) makes
/// before a draft is appended to a records file.
///
/// The record was decoded by the loader's own item rules (`DraftFile.decode`), so what is
/// left are the rules between items (SCHEMA.md): a new id, parties and sources that
/// exist, a quote found in its source's text, links to records that exist.
public enum RecordAdmission {
  /// The loader's item rules alone (a changed draft must still be a record it reads).
  public static func itemProblem(_ record: Record) -> String? {
    DraftFile.decodeProblem(record)
  }

  /// The first reason the record would be refused by `directory`'s data, or nil.
  public static func problem(_ record: Record, joining directory: Corpus)
    -> String?
  {
    if let problem = DraftFile.decodeProblem(record) { return problem }
    if directory.record(record.id) != nil {
      return "a record \(record.id.rawValue) exists already"
    }
    for ref in record.parties where directory.party(ref.id) == nil {
      return "no party \(ref.id.rawValue) in the data (P sets the parties)"
    }
    for id in record.attribution?.claimants ?? []
    where directory.party(id) == nil {
      return "no party \(id.rawValue) for the claimant"
    }
    let sources =
      [(record.source, record.quote)]
      + record.also.map { ($0.source, $0.quote) }
    for (id, quote) in sources {
      guard let source = directory.source(id) else {
        return "no source \(id.rawValue) in the data"
      }
      if let quote,
        case .failure(let failure) = QuoteLocator.locate(
          quote, in: ItemDecoding.normalizeText(source.text))
      {
        switch failure {
        case .notFound: return "the quote is not in the text of \(id.rawValue)"
        case .noOccurrenceFits:
          return
            "the quote's prefix, suffix or start fit none of its places in \(id.rawValue)"
        }
      }
    }
    for id in record.related + record.disputes + record.revises
    where directory.record(id) == nil {
      return "it links to \(id.rawValue), which is not in the data"
    }
    return nil
  }
}

extension DraftFile {
  /// The loader's item rules on a record as it would be written (a changed date or kind
  /// must still be one the loader reads).
  static func decodeProblem(_ record: Record) -> String? {
    switch decode(Array(record.jsonObject.utf8)) {
    case .success: return nil
    case .failure(let p): return p.message
    }
  }
}
