import Foundation

/// The fast scan of one record object: proves it clean and appends its columns to a chunk.
///
/// Every rule of ItemDecoding.record is checked here in its strict form; whatever the
/// reference would report (an error or a warning) makes the scan return false and the
/// chunk is left as it was, so the caller sends the item to the reference decoder.
struct RecordItemScan {
  static let kinds: InlineArray<5, StaticString> = [
    "event", "statement", "claim", "denial", "figure",
  ]
  static let roles: InlineArray<5, StaticString> = [
    "actor", "target", "mediator", "participant", "subject",
  ]
  static let bases: InlineArray<4, StaticString> = [
    "named", "official", "anonymous", "unattributed",
  ]
  static let qualifiers: InlineArray<5, StaticString> = [
    "about", "at least", "more than", "at most", "fewer than",
  ]

  struct QuoteText {
    var exact: ScannedString
    var prefix: ScannedString?
    var suffix: ScannedString?
    var start: Int?
  }

  /// What the members of one record object said: the scan's state between its steps.
  /// Plain values only (the lists are the chunk's `scratch`), so that passing it on costs
  /// no retain or release.
  struct Members {
    var id: ScannedString?
    var date: RecordDate?
    var week = false
    var time: Int16?
    var utc = false
    var end: RecordDate?
    var kind = false
    var headline = false
    var source: ScannedString?
    var quote: QuoteText?
    var partyUnknown = false
    var partiesSeen = false
    var basisIndex = 3
    var approx = false
    var figureCount = 0
  }

  /// Scans `bytes` (one item; `offset` is where it starts in its file): its members read
  /// by the C walk where it can, else by the Swift walk (`cWalk` false: always by Swift).
  ///
  /// Guarantees: on true, the item broke no rule of `ItemDecoding.record` and one item with
  /// its involved parties, quote checks and links was appended to `chunk`; on false,
  /// `chunk` holds what it held before (its scratch lists aside), so the caller can hand
  /// the item to the reference decoder.
  static func scan(
    _ bytes: UnsafeRawBufferPointer, offset: Int, depthBase: Int,
    ordinal: Int32,
    parties: PartyLookup.View, into chunk: inout RecordScanChunk,
    cWalk: Bool = true
  ) -> Bool {
    guard bytes.count < Int(UInt32.max) else { return false }
    var s = ByteScanner(bytes, depthBase: depthBase)
    var m = Members()
    let walk = chunk.walk
    // The chunk's lists, reused from item to item (no allocation per item).
    chunk.scratch.clear()
    guard members(&s, parties, walk, cWalk: cWalk, &m, &chunk.scratch),
      let id = m.id, let date = checkedDate(m), m.kind, m.partiesSeen,
      m.headline,
      let source = m.source
    else { return false }
    // Counts beyond the columns' widths go to the reference (never truncated).
    let linkCount = chunk.scratch.links.count
    if chunk.scratch.also.count > 250 || linkCount > Int(UInt16.max) {
      return false
    }
    let itemIndex = Int32(chunk.items.count)
    let involvedStart = chunk.involved.count
    let byReference = appendInvolved(m, parties, &chunk)
    let quoteStart = chunk.quotes.count
    let (sourceCount, quoted) = appendSourceChecks(
      m, source: source, offset: offset, item: itemIndex, &s, &chunk)
    // Interned once: where the record has a quote, its check already did it.
    let sourceIndex = quoted ?? chunk.sourceRef(source, s)
    for j in 0..<linkCount {
      let (k, i, t) = chunk.scratch.links[j]
      chunk.links.append(
        .init(item: itemIndex, kind: k, index: i, id: chunk.ref(t, s)))
    }
    chunk.items.append(
      .init(
        start: offset, id: chunk.ref(id, s), length: Int32(bytes.count),
        ordinal: ordinal, linkCount: UInt16(linkCount),
        quoteCount: UInt8(clamping: chunk.quotes.count - quoteStart),
        clean: true, checkByReference: byReference,
        basis: UInt8(m.basisIndex),
        sourceCount: UInt8(clamping: sourceCount),
        figureCount: UInt8(clamping: m.figureCount)))
    chunk.itemSources.append(sourceIndex)
    chunk.dates.append(
      .init(
        firstDay: date.firstDay.dayNumber,
        lastDay: (m.end?.lastDay ?? date.lastDay).dayNumber,
        involvedStart: UInt32(involvedStart), time: m.time ?? -1,
        involvedCount: UInt16(chunk.involved.count - involvedStart),
        precision: UInt8(date.precision.rawValue),
        dateFlags: RecordStore.dateFlags(approx: m.approx, end: m.end)))
    return true
  }

  /// The record's date, `date_precision: week` applied.
  ///
  /// Guarantees: nil wherever the date members contradict each other as the reference
  /// sees it (no date; a week on a date that is not a day; a time without a day or a UTC
  /// offset without a time; an end date before the start).
  static func checkedDate(_ m: Members) -> RecordDate? {
    guard var date = m.date else { return nil }
    if m.week {
      guard date.precision == .day else { return nil }
      date = RecordDate(firstDay: date.firstDay, precision: .week)
    }
    if m.time != nil && date.precision != .day { return nil }
    if m.utc && m.time == nil { return nil }
    if let e = m.end, e.firstDay < date.firstDay { return nil }
    return date
  }

  /// Appends the item's involved parties (in `chunk.scratch`) to `chunk.involved`: each
  /// listed party, then its ancestors, each party once, in the order `Corpus` gives them.
  ///
  /// Guarantees: returns true when the item needs the reference's cross-item check (an
  /// unknown party, or a claimant that is not involved). Index loops, not slices: a slice
  /// of the chunk's list cost a retain and a release.
  static func appendInvolved(
    _ m: Members, _ parties: PartyLookup.View, _ chunk: inout RecordScanChunk
  ) -> Bool {
    let involvedStart = chunk.involved.count
    func involves(_ p: UInt16, before end: Int) -> Bool {
      var k = involvedStart
      while k < end {
        if chunk.involved[k] == p { return true }
        k += 1
      }
      return false
    }
    func involves(_ p: UInt16) -> Bool {
      involves(p, before: chunk.involved.count)
    }
    // A party already involved came with all its ancestors, so a walk up the chain stops
    // at the first one. The ancestors of one party are distinct, so each is looked for only
    // among the parties involved before this walk: a 10,000-level chain costs 10,000 steps.
    for j in 0..<chunk.scratch.parties.count {
      let p = chunk.scratch.parties[j]
      guard !involves(UInt16(p)) else { continue }
      let before = chunk.involved.count
      chunk.involved.append(UInt16(p))
      var a = Int(parties.parentOf[p])
      while a >= 0 && !involves(UInt16(a), before: before) {
        chunk.involved.append(UInt16(a))
        a = Int(parties.parentOf[a])
      }
    }
    if m.partyUnknown { return true }
    for j in 0..<chunk.scratch.claimants.count {
      guard let c = chunk.scratch.claimants[j], involves(UInt16(c)) else {
        return true
      }
    }
    return false
  }

  /// Queues the item's source checks in `chunk.quotes`: the `source` quote, then each
  /// `also` entry (in `chunk.scratch`: its quote, or a check that the source exists).
  ///
  /// Guarantees: returns the number of distinct sources as `Record.sourceIDs` counts them
  /// (`source`, then each `also` source once), and the record's source index where its
  /// quote's check interned it.
  static func appendSourceChecks(
    _ m: Members, source: ScannedString, offset: Int, item: Int32,
    _ s: inout ByteScanner,
    _ chunk: inout RecordScanChunk
  ) -> (count: Int, source: UInt32?) {
    // The sources are interned in the order the checks name them (the record's own
    // first where it has a quote), as they were when each check interned its own.
    var quoted: UInt32?
    if let quote = m.quote {
      let named = chunk.sourceRef(source, s)
      addQuote(quote, source: named, offset: offset, item: item, &s, &chunk)
      quoted = named
    }
    let also = chunk.scratch.also
    let base = s.base
    var sourceCount = 1
    for (k, a) in also.enumerated() {
      let named = chunk.sourceRef(a.0, s)
      if let q = a.1 {
        addQuote(q, source: named, offset: offset, item: item, &s, &chunk)
      } else {
        chunk.quotes.append(
          .init(item: item, source: named, needle: 0, needleLength: -1))
      }
      let same = { (x: ScannedString) in
        x.rawCount == a.0.rawCount
          && memcmp(base + x.start, base + a.0.start, x.rawCount) == 0
      }
      if !same(source) && !also[..<k].contains(where: { same($0.0) }) {
        sourceCount += 1
      }
    }
    return (sourceCount, quoted)
  }

  static func quoteValue(_ s: inout ByteScanner, depth: Int) -> QuoteText? {
    var exact: ScannedString?
    var prefix: ScannedString?
    var suffix: ScannedString?
    var start: Int?
    let ok = s.object(depth: depth) { s, key in
      switch key.rawCount {
      case 5 where s.equals(key, "exact"):
        exact = s.text()
        return (exact?.rawCount ?? 0) == 0 ? nil : 1
      case 6 where s.equals(key, "prefix"):
        prefix = s.text()
        return prefix == nil ? nil : 2
      case 6 where s.equals(key, "suffix"):
        suffix = s.text()
        return suffix == nil ? nil : 4
      case 5 where s.equals(key, "start"):
        guard let n = s.number(), n >= 0, n == n.rounded(), n < 1e12 else {
          return nil
        }
        start = Int(n)
        return 8
      default: return nil
      }
    }
    guard ok, let exact else { return nil }
    return QuoteText(exact: exact, prefix: prefix, suffix: suffix, start: start)
  }

  static func figure(_ s: inout ByteScanner) -> Bool {
    var label = false
    var value: Double?
    var valueMax: Double?
    let ok = s.object(depth: 3) { s, key in
      switch key.rawCount {
      case 5 where s.equals(key, "label"):
        guard let v = s.text(), v.visible else { return nil }
        label = true
        return 1
      case 5 where s.equals(key, "value"):
        value = s.number()
        return value == nil ? nil : 2
      case 9 where s.equals(key, "value_max"):
        valueMax = s.number()
        return valueMax == nil ? nil : 4
      case 9 where s.equals(key, "qualifier"):
        guard let v = s.plainString(), s.oneOf(v, qualifiers) != nil else {
          return nil
        }
        return 8
      case 4 where s.equals(key, "unit"):
        return s.text() == nil ? nil : 16
      default: return nil
      }
    }
    guard ok, label, let value else { return false }
    if let m = valueMax, m < value { return false }
    return true
  }
}
