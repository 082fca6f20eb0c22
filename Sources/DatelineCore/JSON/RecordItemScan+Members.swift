/// The members of a record object, one key at a time (see `RecordItemScan.scan`).
///
/// Each function returns the member's bit in the object's seen-set (a key twice is a
/// duplicate the scanner refuses), or nil when the value breaks a rule of
/// `ItemDecoding.record` or the key is not one of the schema's: the item then goes to the
/// reference decoder, which words the problem.
extension RecordItemScan {
  /// One member of the record object, its value checked and noted in `m` (its lists in
  /// `lists`).
  static func member(
    _ s: inout ByteScanner, _ key: ScannedString, _ parties: PartyLookup.View,
    _ m: inout Members, _ lists: inout RecordScanChunk.Scratch
  ) -> UInt64? {
    switch key.rawCount {
    case 2 where s.equals(key, "id"):
      m.id = s.id()
      return m.id == nil ? nil : 1 << 0
    case 4 where s.equals(key, "kind"):
      guard let v = s.plainString(), s.oneOf(v, kinds) != nil else {
        return nil
      }
      m.kind = true
      return 1 << 9
    case 7 where s.equals(key, "parties"):
      return partiesMember(&s, parties, &m, &lists) ? 1 << 10 : nil
    case 8 where s.equals(key, "headline"):
      guard let v = s.text(), v.visible, v.widthBound <= 100 else { return nil }
      m.headline = true
      return 1 << 11
    case 7 where s.equals(key, "summary"):
      return s.text() == nil ? nil : 1 << 12
    case 11 where s.equals(key, "attribution"):
      return attributionMember(&s, parties, &m, &lists) ? 1 << 13 : nil
    case 6 where s.equals(key, "source"):
      m.source = s.id()
      return m.source == nil ? nil : 1 << 14
    case 5 where s.equals(key, "quote"):
      m.quote = quoteValue(&s, depth: 2)
      return m.quote == nil ? nil : 1 << 15
    case 4 where s.equals(key, "also"):
      return alsoMember(&s, &lists) ? 1 << 16 : nil
    case 4 where s.equals(key, "tags"):
      return s.array(depth: 2) { s, _ in s.text() != nil } ? 1 << 17 : nil
    case 7 where s.equals(key, "related"), 8 where s.equals(key, "disputes"),
      7 where s.equals(key, "revises"):
      return linksMember(&s, key, &lists)
    case 7 where s.equals(key, "figures"):
      return s.array(depth: 2) { s, _ in
        m.figureCount += 1
        return figure(&s)
      } ? 1 << 21 : nil
    default:
      return dateMember(&s, key, &m)
    }
  }

  /// The date members: `date`, `date_precision`, `time`, `utc_offset`, `date_approx`,
  /// `date_inferred`, `date_note`, `end_date`. Each value is checked alone here; how they
  /// fit together is `checkedDate`'s.
  static func dateMember(
    _ s: inout ByteScanner, _ key: ScannedString, _ m: inout Members
  ) -> UInt64? {
    switch key.rawCount {
    case 4 where s.equals(key, "date"):
      m.date = s.date()
      return m.date == nil ? nil : 1 << 1
    case 14 where s.equals(key, "date_precision"):
      guard let v = s.plainString(), s.equals(v, "week") else { return nil }
      m.week = true
      return 1 << 2
    case 4 where s.equals(key, "time"):
      m.time = s.time()
      return m.time == nil ? nil : 1 << 3
    case 10 where s.equals(key, "utc_offset"):
      m.utc = s.utcOffset()
      return m.utc ? 1 << 4 : nil
    case 11 where s.equals(key, "date_approx"):
      guard let b = s.bool() else { return nil }
      m.approx = b
      return 1 << 5
    case 13 where s.equals(key, "date_inferred"):
      return s.bool() == nil ? nil : 1 << 6
    case 9 where s.equals(key, "date_note"):
      return s.text() == nil ? nil : 1 << 7
    case 8 where s.equals(key, "end_date"):
      m.end = s.date()
      return m.end == nil ? nil : 1 << 8
    default:
      return nil
    }
  }

  /// `parties`: ids, or `{"id", "role"}` objects. Guarantees: true only for a well-formed
  /// list with at least one entry; known parties are in `lists.parties` (indexes in
  /// `parties`), and an unknown one sets `m.partyUnknown` (the reference check words it).
  static func partiesMember(
    _ s: inout ByteScanner, _ parties: PartyLookup.View, _ m: inout Members,
    _ lists: inout RecordScanChunk.Scratch
  ) -> Bool {
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
            guard let v = s.plainString(), s.oneOf(v, roles) != nil else {
              return nil
            }
            return 2
          }
          return nil
        }
        ref = ok ? pid : nil
      }
      guard let ref else { return false }
      if let p = parties.find(s.base + ref.start, ref.rawCount) {
        lists.parties.append(p)
      } else {
        m.partyUnknown = true
      }
      return true
    }
    m.partiesSeen = ok && (lists.parties.count > 0 || m.partyUnknown)
    return m.partiesSeen
  }

  /// `attribution`: `claimant` (an id or a list of ids), `text`, `basis`. Guarantees: true
  /// only with a text and a known basis (its index in `m.basisIndex`); each claimant's party
  /// index (nil when unknown) is in `lists.claimants` for the involvement check.
  static func attributionMember(
    _ s: inout ByteScanner, _ parties: PartyLookup.View, _ m: inout Members,
    _ lists: inout RecordScanChunk.Scratch
  ) -> Bool {
    var text = false
    var basis = false
    let ok = s.object(depth: 2) { s, key in
      if s.equals(key, "claimant") {
        s.skipSpace()
        if s.peek() == UInt8(ascii: "[") {
          return s.array(depth: 3) { s, _ in
            guard let c = s.id() else { return false }
            lists.claimants.append(parties.find(s.base + c.start, c.rawCount))
            return true
          } ? 1 : nil
        }
        guard let c = s.id() else { return nil }
        lists.claimants.append(parties.find(s.base + c.start, c.rawCount))
        return 1
      }
      if s.equals(key, "text") {
        text = s.text() != nil
        return text ? 2 : nil
      }
      if s.equals(key, "basis") {
        guard let v = s.plainString(), let b = s.oneOf(v, bases) else {
          return nil
        }
        m.basisIndex = b
        basis = true
        return 4
      }
      return nil
    }
    return ok && text && basis
  }

  /// `also`: `{"source", "quote"?}` entries. Guarantees: true only when every entry has a
  /// well-formed source id; each entry is in `lists.also` in order.
  static func alsoMember(
    _ s: inout ByteScanner, _ lists: inout RecordScanChunk.Scratch
  ) -> Bool {
    s.array(depth: 2) { s, _ in
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
      lists.also.append((src, q))
      return true
    }
  }

  /// `related`, `disputes` or `revises`: a list of record ids. Guarantees: each id is in
  /// `lists.links` with its kind (0 related, 1 disputes, 2 revises) and index; the bit
  /// returned is the kind's own (18 + kind).
  static func linksMember(
    _ s: inout ByteScanner, _ key: ScannedString,
    _ lists: inout RecordScanChunk.Scratch
  ) -> UInt64? {
    let k: UInt8 =
      key.rawCount == 8 ? 1 : s.base[key.start + 2] == UInt8(ascii: "l") ? 0 : 2
    let ok = s.array(depth: 2) { s, i in
      guard let t = s.id() else { return false }
      lists.links.append((k, UInt16(truncatingIfNeeded: i), t))
      return true
    }
    return ok ? 1 << (18 + UInt64(k)) : nil
  }
}
