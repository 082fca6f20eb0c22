import CDatelineScan

/// The C record walk's struct for one scanning thread: allocated once per chunk and filled
/// again for each item (`dl_record_walk_run` sets what it reads).
final class RecordWalkSpace: @unchecked Sendable {
  let record = UnsafeMutablePointer<dl_record_walk>.allocate(capacity: 1)

  init() { record.initialize(to: dl_record_walk()) }
  deinit { record.deallocate() }
}

extension RecordItemScan {
  /// The record object's members, read by the C walk where it can and by the Swift walk
  /// (`member`) otherwise.
  ///
  /// Guarantees: true when the object is well formed with nothing after it, its members
  /// read into `m` and its lists into `lists` (empty before; each value checked alone;
  /// how they fit together is the caller's); both walks fill them alike
  /// (RecordWalkTests). `cWalk` false: the Swift walk only.
  static func members(
    _ s: inout ByteScanner, _ parties: PartyLookup.View,
    _ space: RecordWalkSpace, cWalk: Bool, _ m: inout Members,
    _ lists: inout RecordScanChunk.Scratch
  ) -> Bool {
    if cWalk && walked(s, space.record, parties, &m, &lists) { return true }
    m = Members()
    lists.clear()
    let ok = s.object(depth: 1) { s, key in member(&s, key, parties, &m, &lists)
    }
    s.skipSpace()
    return ok && s.pos == s.end
  }

  /// The members as the C walk found them.
  ///
  /// Guarantees: true only where the Swift walk succeeds and fills `m` and `lists` with
  /// the same values; false where the C walk gave up, or a date, time or offset it passed
  /// on does not parse (`m` then holds part of the members: the caller starts again).
  static func walked(
    _ s: ByteScanner, _ r: UnsafeMutablePointer<dl_record_walk>,
    _ parties: PartyLookup.View, _ m: inout Members,
    _ lists: inout RecordScanChunk.Scratch
  ) -> Bool {
    guard dl_record_walk_run(s.base, s.end, Int32(s.depthBase), r) != 0 else {
      return false
    }
    let seen = r.pointee.seen
    func has(_ bit: UInt32) -> Bool { seen & 1 << bit != 0 }
    func span(_ c: dl_str) -> (UnsafePointer<UInt8>, Int) {
      (s.base + Int(c.at), Int(c.len))
    }
    if has(1) {
      guard let d = ByteScanner.date(span(r.pointee.date)) else { return false }
      m.date = d
    }
    if has(3) {
      guard let t = ByteScanner.time(span(r.pointee.time)) else { return false }
      m.time = t
    }
    if has(4) {
      guard ByteScanner.utcOffset(span(r.pointee.utc_offset)) else {
        return false
      }
      m.utc = true
    }
    if has(8) {
      guard let d = ByteScanner.date(span(r.pointee.end_date)) else {
        return false
      }
      m.end = d
    }
    if has(0) { m.id = ScannedString(r.pointee.id) }
    if has(14) { m.source = ScannedString(r.pointee.source) }
    (m.week, m.approx, m.kind) = (has(2), r.pointee.approx != 0, has(9))
    (m.partiesSeen, m.headline) = (has(10), has(11))
    m.figureCount = Int(r.pointee.figures)
    if has(15) { m.quote = quote(r) }
    walkedLists(s, r, parties, &m, &lists)
    return true
  }

  /// The walk's quote, its fields read in place (a copy of the walk's struct is 4 KB).
  static func quote(_ r: UnsafeMutablePointer<dl_record_walk>) -> QuoteText {
    QuoteText(
      exact: ScannedString(r.pointee.exact),
      prefix: r.pointee.has_prefix != 0 ? ScannedString(r.pointee.prefix) : nil,
      suffix: r.pointee.has_suffix != 0 ? ScannedString(r.pointee.suffix) : nil,
      start: r.pointee.start >= 0 ? Int(r.pointee.start) : nil)
  }

  /// The walk's parties, claimants (with the attribution's basis) and links, as the
  /// Swift walk appends them.
  static func walkedLists(
    _ s: ByteScanner, _ r: UnsafeMutablePointer<dl_record_walk>,
    _ parties: PartyLookup.View, _ m: inout Members,
    _ lists: inout RecordScanChunk.Scratch
  ) {
    for k in 0..<r.pointee.parties_count {
      let p = dl_record_walk_party(r, k).pointee
      if let found = parties.find(s.base + Int(p.at), Int(p.len)) {
        lists.parties.append(found)
      } else {
        m.partyUnknown = true
      }
    }
    if r.pointee.seen & 1 << 13 != 0 {
      m.basisIndex = Int(r.pointee.basis)
      for k in 0..<r.pointee.claimants_count {
        let c = dl_record_walk_claimant(r, k).pointee
        lists.claimants.append(parties.find(s.base + Int(c.at), Int(c.len)))
      }
    }
    for k in 0..<r.pointee.links_count {
      let l = dl_record_walk_link(r, k).pointee
      lists.links.append((l.kind, l.index, ScannedString(l.id)))
    }
  }
}

extension ScannedString {
  /// A string the C walk read (escaped texts flagged as ByteScanner flags them).
  init(_ c: dl_str) {
    self.init(
      start: Int(c.at), rawCount: Int(c.len),
      escaped: Int(c.flags) & DL_STR_ESCAPED != 0,
      hasControl: Int(c.flags) & DL_STR_CONTROL != 0,
      nfcStable: Int(c.flags) & DL_STR_NFC_STABLE != 0,
      widthBound: Int(c.width),
      visible: Int(c.flags) & DL_STR_VISIBLE != 0)
  }
}
