/// The reference's checks of one decoded record against the loaded parties and sources.
extension LoadState {
  /// The reference's check of one record: its parties, its claimants, its source and
  /// quote, and each `also` source and quote.
  ///
  /// Guarantees: every problem is added to `r` in that order, worded as the reference
  /// words it; a missing id says "was left out" when an item with it was seen.
  func checkRecord(
    _ rec: Record, parties: [Party.ID: Party], seenParties: Set<String>,
    sources: [Source.ID: Source],
    seenSources: Set<String>, _ r: inout ItemReader
  ) {
    for (i, ref) in rec.parties.enumerated() where parties[ref.id] == nil {
      r.error(
        "$.parties[\(i)]",
        Self.missing("party", ref.id.rawValue, seen: seenParties))
    }
    if let a = rec.attribution {
      checkClaimants(
        a, involved: rec.parties.map(\.id), parties: parties,
        seenParties: seenParties, &r)
    }
    checkSources(rec, sources: sources, seenSources: seenSources, &r)
  }

  /// How a reference to an id that did not load is worded.
  static func missing(_ what: String, _ id: String, seen: Set<String>) -> String
  {
    seen.contains(id)
      ? "\(what) \(quoted(id)) was left out (see its error)"
      : "unknown \(what) id \(quoted(id))"
  }

  /// The attribution's claimants: each must be a loaded party, and one not involved
  /// (itself or through a descendant among the record's parties) gets a warning.
  ///
  /// Guarantees: walks each parent chain at most `parties.count` steps (a cycle cannot
  /// hang it).
  func checkClaimants(
    _ a: Attribution, involved list: [Party.ID], parties: [Party.ID: Party],
    seenParties: Set<String>, _ r: inout ItemReader
  ) {
    let involved = Set(list)
    for (i, c) in a.claimants.enumerated() {
      let path =
        a.claimantIsList
        ? "$.attribution.claimant[\(i)]" : "$.attribution.claimant"
      guard parties[c] != nil else {
        r.error(path, Self.missing("party", c.rawValue, seen: seenParties))
        continue
      }
      // The claimant counts as involved through itself or one of its descendants.
      let covered = involved.contains { id in
        var cur: Party.ID? = id
        var steps = 0
        while let x = cur, steps <= parties.count {
          if x == c { return true }
          cur = parties[x]?.parent
          steps += 1
        }
        return false
      }
      if !covered {
        r.warning(
          path,
          "claimant \(quoted(c.rawValue)) is not among the record's parties (it will not count as involved)"
        )
      }
    }
  }

  /// The record's source and quote, then each `also` source and quote.
  ///
  /// Guarantees: an unknown source is an error at its path; a quote is located as
  /// `checkQuote` says only when its source loaded.
  func checkSources(
    _ rec: Record, sources: [Source.ID: Source], seenSources: Set<String>,
    _ r: inout ItemReader
  ) {
    if let source = sources[rec.source] {
      if let q = rec.quote { checkQuote(q, in: source, path: "$.quote", &r) }
    } else {
      r.error(
        "$.source",
        Self.missing("source", rec.source.rawValue, seen: seenSources))
    }
    for (i, a) in rec.also.enumerated() {
      guard let s = sources[a.source] else {
        r.error(
          "$.also[\(i)].source",
          Self.missing("source", a.source.rawValue, seen: seenSources))
        continue
      }
      if let q = a.quote {
        checkQuote(q, in: s, path: "$.also[\(i)].quote", &r)
      }
    }
  }

  /// A quote located in its source's text (`QuoteLocator`).
  ///
  /// Guarantees: not found or no occurrence fitting prefix/suffix/start is an error; an
  /// ambiguous one a warning (the first occurrence is used).
  func checkQuote(
    _ q: Quote, in source: Source, path: String, _ r: inout ItemReader
  ) {
    switch QuoteLocator.locate(q, in: source.text) {
    case .success(let m):
      if m.ambiguous {
        r.warning(
          "\(path).exact",
          "occurs more than once in source \(quoted(source.id.rawValue)) and prefix/suffix/start do not pick one; the first is used"
        )
      }
    case .failure(.notFound):
      r.error(
        "\(path).exact",
        "not found in the text of source \(quoted(source.id.rawValue)): \(quoted(q.exact))"
      )
    case .failure(.noOccurrenceFits(let n)):
      r.error(
        path,
        "prefix/suffix/start match none of the \(n) occurrence\(n == 1 ? "" : "s") of the quote in source \(quoted(source.id.rawValue))"
      )
    }
  }
}
