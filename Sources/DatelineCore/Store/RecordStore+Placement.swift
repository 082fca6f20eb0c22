/// Checks of a record read through the re-open cache: its bytes must be an item where the
/// cache says, and decode to the record the columns describe.
///
/// Why: the cache's checksums prove that its file is whole, not that it was written by
/// dateline from these data files. A planted cache with valid checksums (or a rewrite of
/// a data file within one timestamp tick, which keeps the key) can point a row at other
/// bytes of the same files. Then a record is refused (`DataReadProblem.cacheMismatch`)
/// unless its bytes start and end where an item can (a whole `.jsonl` line; an envelope
/// item between `[`/`,` and `,`/`]`), parse, pass the item rules, and carry the row's id,
/// first day and precision: at worst a row shows another item of the files that is a
/// record, never a part of one, a nested object or text that is not a record.
extension RecordStore {
  /// Whether the `length` bytes at `at` of `f` are a whole line (`depthBase` 0) or an
  /// object between the delimiters of an array (reading the windows around them).
  static func isInPlace(_ f: FileBytes, at: Int, length: Int, depthBase: Int)
    -> Bool
  {
    let end = at + length
    guard length > 0, at >= 0, end <= f.count,
      f.ensure(max(0, at - 1)..<min(f.count, end + 1)), let base = f.base
    else { return false }
    func byte(_ k: Int) -> UInt8 {
      base.load(fromByteOffset: k, as: UInt8.self)
    }
    if depthBase == 0 {
      return isWholeLine(at: at, end: end, fileSize: f.count) { k in
        k >= 0 && k < f.count && f.ensure(k..<(k + 1)) ? byte(k) : nil
      }
    }
    guard byte(at) == UInt8(ascii: "{"), byte(end - 1) == UInt8(ascii: "}")
    else { return false }
    // The nearest bytes that are not white space, at most 4 KB away.
    func neighbour(from k: Int, step: Int) -> UInt8? {
      var k = k
      var left = 4096
      while k >= 0 && k < f.count && left > 0 {
        guard f.ensure(k..<(k + 1)) else { return nil }
        let b = byte(k)
        if b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D { return b }
        k += step
        left -= 1
      }
      return nil
    }
    let before = neighbour(from: at - 1, step: -1)
    let after = neighbour(from: end, step: 1)
    return (before == UInt8(ascii: "[") || before == UInt8(ascii: ","))
      && (after == UInt8(ascii: "]") || after == UInt8(ascii: ","))
  }

  /// Whether bytes `at..<end` of a file of `fileSize` bytes are a whole line: after the
  /// file's start, its UTF-8 BOM or a newline, and before its end, a newline or CR LF
  /// (a CR at the very end too). `byte(k)` reads byte `k` of the file, nil when it
  /// cannot (outside what was read): such a place is not a line.
  static func isWholeLine(
    at: Int, end: Int, fileSize: Int, byte: (Int) -> UInt8?
  ) -> Bool {
    let bom = at == 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF
    let starts = at == 0 || bom || byte(at - 1) == 0x0A
    let ends =
      end == fileSize || byte(end) == 0x0A
      || (byte(end) == 0x0D && (end + 1 == fileSize || byte(end + 1) == 0x0A))
    return starts && ends
  }

  /// Record `i` decoded from `bytes` (read from a deferred file `f`), or nil when the
  /// bytes are not the item the row describes.
  func verifiedRecord(
    _ i: Int, _ bytes: UnsafeRawBufferPointer, in f: FileBytes
  ) -> Record? {
    guard
      RecordStore.isInPlace(
        f, at: f.bytes.start.distance(to: bytes.start), length: bytes.count,
        depthBase: Int(depthBases[i]))
    else { return nil }
    return describedRecord(i, bytes)
  }

  /// `bytes` decoded, when they are an item that passes the item rules and carries row
  /// `i`'s id, first day and precision (nil otherwise).
  func describedRecord(_ i: Int, _ bytes: UnsafeRawBufferPointer) -> Record? {
    let depth = Int(depthBases[i])
    guard let node = try? JSONParser.parse(bytes, depthLimit: 64 - depth)
    else { return nil }
    var reader = ItemReader()
    guard let r = ItemDecoding.record(node, &reader), !reader.hasError else {
      return nil
    }
    let id = UnsafeBufferPointer(start: ids[i].pointer, count: ids[i].count)
    guard r.id.rawValue.utf8.elementsEqual(id),
      r.firstDay.dayNumber == firstDay[i],
      r.date.precision.rawValue == Int(precision[i])
    else { return nil }
    return r
  }

  /// Whether `bytes` (row `i`'s item) carry row `i`'s id: its top-level `"id"` string
  /// compared byte for byte, or, when that is written with escapes, the item decoded.
  func carriesID(_ i: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    let id = UnsafeRawBufferPointer(start: ids[i].pointer, count: ids[i].count)
    return RecordStore.topLevelID(bytes).map { $0.elementsEqual(id) }
      ?? (describedRecord(i, bytes) != nil)
  }

  /// Whether `bytes` (row `i`'s item) carry row `i`'s date: the top-level `"date"`
  /// string parses to the row's first day and precision (a week is a day's date with
  /// `date_precision`), or, when it is written with escapes or is not found, the item
  /// decodes to the row's record. Why: with the id alone, a planted cache could list a
  /// line the load left out that carries the row's id (a later duplicate, a bad date).
  func carriesDate(_ i: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard let member = TopLevelID.find(in: bytes, key: "date"),
      !member.escaped
    else { return describedRecord(i, bytes) != nil }
    let text = String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[member.range]),
      as: UTF8.self)
    guard let date = RecordDate.parse(text),
      let stored = DatePrecision(rawValue: Int(precision[i]))
    else { return false }
    return date.firstDay.dayNumber == firstDay[i]
      && (date.precision == stored
        || (stored == .week && date.precision == .day))
  }

  /// For a store read through the cache: the problem if one of `rows` is not where its
  /// row says (whole line or delimited item, carrying the row's id), checked without
  /// decoding unless the id is written with escapes. Call after `readAll`.
  func checkPlacement(_ rows: ArraySlice<Int>) -> DataReadProblem? {
    guard hasUnprovenPlacement else { return nil }
    for i in rows {
      // A file this process's load scanned holds its items where they were validated.
      guard let p = items[i], let f = file(of: i), !f.wasScanned else {
        continue
      }
      let bytes = UnsafeRawBufferPointer(start: p, count: Int(lengths[i]))
      let placed = RecordStore.isInPlace(
        f, at: f.bytes.start.distance(to: p), length: bytes.count,
        depthBase: Int(depthBases[i]))
      if !placed || !carriesID(i, bytes) {
        let problem = DataReadProblem.cacheMismatch(file: f.path)
        firstReadProblem.withLock { if $0 == nil { $0 = problem } }
        return problem
      }
    }
    return nil
  }

  /// The raw bytes of the top-level `"id"` string of an object, when they hold no escape
  /// (nil otherwise: the caller decodes). Walks strings and nesting as JSON has them.
  static func topLevelID(_ b: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer?
  {
    guard let id = TopLevelID.find(in: b), !id.escaped else { return nil }
    return UnsafeRawBufferPointer(rebasing: b[id.range])
  }

}
