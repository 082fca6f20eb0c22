import Foundation

/// The fast scan of one record object: proves it clean and appends its columns to a chunk.
///
/// Every rule of ItemDecoding.record is checked here in its strict form; whatever the
/// reference would report (an error or a warning) makes the scan return false and the
/// chunk is left as it was, so the caller sends the item to the reference decoder.
struct RecordItemScan {
  static let kinds: InlineArray<5, StaticString> = ["event", "statement", "claim", "denial", "figure"]
  static let roles: InlineArray<5, StaticString> = ["actor", "target", "mediator", "participant", "subject"]
  static let bases: InlineArray<4, StaticString> = ["named", "official", "anonymous", "unattributed"]
  static let qualifiers: InlineArray<5, StaticString> = ["about", "at least", "more than", "at most", "fewer than"]

  struct QuoteText {
    var exact: ScannedString
    var prefix: ScannedString?
    var suffix: ScannedString?
    var start: Int?
  }

  /// Scans `bytes` (one item; `offset` is where it starts in its file).
  static func scan(
    _ bytes: UnsafeRawBufferPointer, offset: Int, depthBase: Int, ordinal: Int32,
    parties: PartyLookup.View, into chunk: inout RecordScanChunk
  ) -> Bool {
    guard bytes.count < Int(UInt32.max) else { return false }
    var s = ByteScanner(bytes, depthBase: depthBase)
    let itemIndex = Int32(chunk.items.count)
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
    // Lists reused from item to item (moved out of the chunk and back: no allocation).
    var also = chunk.scratch.also
    var partyIndexes = chunk.scratch.parties
    var claimants = chunk.scratch.claimants
    var links = chunk.scratch.links
    chunk.scratch = .init()
    also.removeAll(keepingCapacity: true)
    partyIndexes.removeAll(keepingCapacity: true)
    claimants.removeAll(keepingCapacity: true)
    links.removeAll(keepingCapacity: true)
    defer { chunk.scratch = .init(also: also, parties: partyIndexes, claimants: claimants, links: links) }
    var partyUnknown = false
    var partiesSeen = false
    var basisIndex = 3
    var approx = false
    var figureCount = 0

    let ok = s.object(depth: 1) { s, key in
      switch key.rawCount {
      case 2 where s.equals(key, "id"):
        id = s.id()
        return id == nil ? nil : 1 << 0
      case 4 where s.equals(key, "date"):
        date = s.date()
        return date == nil ? nil : 1 << 1
      case 14 where s.equals(key, "date_precision"):
        guard let v = s.plainString(), s.equals(v, "week") else { return nil }
        week = true
        return 1 << 2
      case 4 where s.equals(key, "time"):
        time = s.time()
        return time == nil ? nil : 1 << 3
      case 10 where s.equals(key, "utc_offset"):
        utc = s.utcOffset()
        return utc ? 1 << 4 : nil
      case 11 where s.equals(key, "date_approx"):
        guard let b = s.bool() else { return nil }
        approx = b
        return 1 << 5
      case 13 where s.equals(key, "date_inferred"):
        return s.bool() == nil ? nil : 1 << 6
      case 9 where s.equals(key, "date_note"):
        return s.text() == nil ? nil : 1 << 7
      case 8 where s.equals(key, "end_date"):
        end = s.date()
        return end == nil ? nil : 1 << 8
      case 4 where s.equals(key, "kind"):
        guard let v = s.plainString(), s.oneOf(v, kinds) != nil else { return nil }
        kind = true
        return 1 << 9
      case 7 where s.equals(key, "parties"):
        let ok = s.array(depth: 2) { s, _ in
          s.skipSpace()
          let ref: ScannedString?
          if s.peek() == UInt8(ascii: "\"") {
            ref = s.id()
          } else {
            var pid: ScannedString?
            let ok = s.object(depth: 3) { s, key in
              if s.equals(key, "id") {
                pid = s.id()
                return pid == nil ? nil : 1
              }
              if s.equals(key, "role") {
                guard let v = s.plainString(), s.oneOf(v, roles) != nil else { return nil }
                return 2
              }
              return nil
            }
            ref = ok ? pid : nil
          }
          guard let ref else { return false }
          if let p = parties.find(s.base + ref.start, ref.rawCount) { partyIndexes.append(p) } else {
            partyUnknown = true
          }
          return true
        }
        partiesSeen = ok && (partyIndexes.count > 0 || partyUnknown)
        return partiesSeen ? 1 << 10 : nil
      case 8 where s.equals(key, "headline"):
        guard let v = s.text(), v.visible, v.widthBound <= 100 else { return nil }
        headline = true
        return 1 << 11
      case 7 where s.equals(key, "summary"):
        return s.text() == nil ? nil : 1 << 12
      case 11 where s.equals(key, "attribution"):
        var text = false
        var basis = false
        let ok = s.object(depth: 2) { s, key in
          if s.equals(key, "claimant") {
            s.skipSpace()
            if s.peek() == UInt8(ascii: "[") {
              return s.array(depth: 3) { s, _ in
                guard let c = s.id() else { return false }
                claimants.append(parties.find(s.base + c.start, c.rawCount))
                return true
              } ? 1 : nil
            }
            guard let c = s.id() else { return nil }
            claimants.append(parties.find(s.base + c.start, c.rawCount))
            return 1
          }
          if s.equals(key, "text") {
            text = s.text() != nil
            return text ? 2 : nil
          }
          if s.equals(key, "basis") {
            guard let v = s.plainString(), let b = s.oneOf(v, bases) else { return nil }
            basisIndex = b
            basis = true
            return 4
          }
          return nil
        }
        return ok && text && basis ? 1 << 13 : nil
      case 6 where s.equals(key, "source"):
        source = s.id()
        return source == nil ? nil : 1 << 14
      case 5 where s.equals(key, "quote"):
        quote = quoteValue(&s, depth: 2)
        return quote == nil ? nil : 1 << 15
      case 4 where s.equals(key, "also"):
        let ok = s.array(depth: 2) { s, _ in
          var src: ScannedString?
          var q: QuoteText?
          let ok = s.object(depth: 3) { s, key in
            if s.equals(key, "source") {
              src = s.id()
              return src == nil ? nil : 1
            }
            if s.equals(key, "quote") {
              q = quoteValue(&s, depth: 4)
              return q == nil ? nil : 2
            }
            return nil
          }
          guard ok, let src else { return false }
          also.append((src, q))
          return true
        }
        return ok ? 1 << 16 : nil
      case 4 where s.equals(key, "tags"):
        return s.array(depth: 2) { s, _ in s.text() != nil } ? 1 << 17 : nil
      case 7 where s.equals(key, "related"), 8 where s.equals(key, "disputes"),
        7 where s.equals(key, "revises"):
        let k: UInt8 = key.rawCount == 8 ? 1 : s.base[key.start + 2] == UInt8(ascii: "l") ? 0 : 2
        let ok = s.array(depth: 2) { s, i in
          guard let t = s.id() else { return false }
          links.append((k, UInt16(truncatingIfNeeded: i), t))
          return true
        }
        return ok ? 1 << (18 + UInt64(k)) : nil
      case 7 where s.equals(key, "figures"):
        return s.array(depth: 2) { s, _ in
          figureCount += 1
          return figure(&s)
        } ? 1 << 21 : nil
      default:
        return nil
      }
    }
    s.skipSpace()
    guard ok, s.pos == s.end, let id, var date, kind, partiesSeen, headline, let source else { return false }
    if week {
      guard date.precision == .day else { return false }
      date = RecordDate(firstDay: date.firstDay, precision: .week)
    }
    if time != nil && date.precision != .day { return false }
    if utc && time == nil { return false }
    if let e = end, e.firstDay < date.firstDay { return false }
    // Counts beyond the columns' widths go to the reference (never truncated).
    if also.count > 250 || links.count > Int(UInt16.max) { return false }

    // Involved parties (each listed party and its ancestors), and the claimant check.
    // Index loops, not slices: a slice of the chunk's list cost a retain and a release.
    let involvedStart = chunk.involved.count
    func involves(_ p: UInt16, before end: Int) -> Bool {
      var k = involvedStart
      while k < end {
        if chunk.involved[k] == p { return true }
        k += 1
      }
      return false
    }
    func involves(_ p: UInt16) -> Bool { involves(p, before: chunk.involved.count) }
    // A party already involved came with all its ancestors, so a walk up the chain stops
    // at the first one. The ancestors of one party are distinct, so each is looked for only
    // among the parties involved before this walk: a 10,000-level chain costs 10,000 steps.
    for p in partyIndexes {
      guard !involves(UInt16(p)) else { continue }
      let before = chunk.involved.count
      chunk.involved.append(UInt16(p))
      var a = Int(parties.parentOf[p])
      while a >= 0 && !involves(UInt16(a), before: before) {
        chunk.involved.append(UInt16(a))
        a = Int(parties.parentOf[a])
      }
    }
    var byReference = partyUnknown
    for c in claimants {
      guard let c, involves(UInt16(c)) else {
        byReference = true
        break
      }
    }
    let quoteStart = chunk.quotes.count
    if let quote { addQuote(quote, source: source, offset: offset, item: itemIndex, &s, &chunk) }
    var sourceCount = 1
    for (k, a) in also.enumerated() {
      if let q = a.1 {
        addQuote(q, source: a.0, offset: offset, item: itemIndex, &s, &chunk)
      } else {
        chunk.quotes.append(.init(item: itemIndex, source: chunk.ref(a.0, s), needle: 0, needleLength: -1))
      }
      // Record.sourceIDs: `source`, then each `also` source once.
      let same = { (x: ScannedString) in x.rawCount == a.0.rawCount && memcmp(s.base + x.start, s.base + a.0.start, x.rawCount) == 0 }
      if !same(source) && !also[..<k].contains(where: { same($0.0) }) { sourceCount += 1 }
    }
    let linkStart = chunk.links.count
    for (k, i, t) in links {
      chunk.links.append(.init(item: itemIndex, kind: k, index: i, id: chunk.ref(t, s)))
    }
    chunk.items.append(
      .init(
        start: offset, length: Int32(bytes.count), ordinal: ordinal, clean: true, checkByReference: byReference,
        precision: UInt8(date.precision.rawValue), time: time ?? -1, firstDay: date.firstDay.dayNumber, lastDay: (end?.lastDay ?? date.lastDay).dayNumber,
        id: chunk.ref(id, s), source: chunk.ref(source, s), involvedStart: UInt32(involvedStart),
        involvedCount: UInt16(chunk.involved.count - involvedStart), linkCount: UInt16(links.count),
        quoteStart: UInt32(quoteStart), linkStart: UInt32(linkStart), quoteCount: UInt8(clamping: chunk.quotes.count - quoteStart),
        basis: UInt8(basisIndex), sourceCount: UInt8(clamping: sourceCount), figureCount: UInt8(clamping: figureCount),
        dateFlags: RecordStore.dateFlags(approx: approx, end: end)))
    return true
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
        return exact == nil || exact!.rawCount == 0 ? nil : 1
      case 6 where s.equals(key, "prefix"):
        prefix = s.text()
        return prefix == nil ? nil : 2
      case 6 where s.equals(key, "suffix"):
        suffix = s.text()
        return suffix == nil ? nil : 4
      case 5 where s.equals(key, "start"):
        guard let n = s.number(), n >= 0, n == n.rounded(), n < 1e12 else { return nil }
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
        guard let v = s.plainString(), s.oneOf(v, qualifiers) != nil else { return nil }
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
