extension RecordItemScan {
  /// Queues a quote check: the quote's strings in normalized form (NFC, CRLF as LF) go to
  /// the chunk's arena, as `QuoteLocator` would normalize them.
  static func addQuote(
    _ q: QuoteText, source: UInt32, offset: Int, item: Int32,
    _ s: inout ByteScanner,
    _ chunk: inout RecordScanChunk
  ) {
    var check = RecordScanChunk.QuoteCheck(
      item: item, source: source, needle: 0, needleLength: 0)
    let (at, n) = normalized(q.exact, s, &chunk.arena)
    (check.needle, check.needleLength) = (UInt32(at), n)
    if q.prefix != nil || q.suffix != nil || q.start != nil {
      var extra = RecordScanChunk.QuoteExtra()
      if let p = q.prefix {
        (extra.prefix, extra.prefixLength) = normalized(p, s, &chunk.arena)
      }
      if let x = q.suffix {
        (extra.suffix, extra.suffixLength) = normalized(x, s, &chunk.arena)
      }
      extra.startScalar = q.start ?? -1
      check.extra = Int32(chunk.extras.count)
      chunk.extras.append(extra)
    }
    check.unescaped =
      !q.exact.escaped && q.prefix?.escaped != true && q.suffix?.escaped != true
    chunk.quotes.append(check)
  }

  /// Appends the normalized bytes of a scanned string; returns where they are.
  static func normalized(
    _ str: ScannedString, _ s: ByteScanner, _ arena: inout [UInt8]
  ) -> (Int, Int32) {
    let at = arena.count
    if !str.escaped && str.nfcStable {
      arena.append(
        contentsOf: UnsafeBufferPointer(
          start: s.base + str.start, count: str.rawCount))
    } else {
      let text = decodeString(s.base + str.start - 1, count: str.rawCount + 2)
      arena.append(contentsOf: ItemDecoding.normalizeText(text).utf8)
    }
    return (at, Int32(arena.count - at))
  }

  /// The text of a JSON string literal (quotes included), by the reference parser.
  static func decodeString(_ p: UnsafePointer<UInt8>, count: Int) -> String {
    let node = try? JSONParser.parse(
      UnsafeRawBufferPointer(start: p, count: count))
    if case .string(let text)? = node?.value { return text }
    return ""
  }
}

extension RecordScanChunk {
  /// A scanned id copied to the arena.
  func ref(_ str: ScannedString, _ s: ByteScanner) -> ByteRef {
    ByteRef(ids.copy(s.base + str.start, str.rawCount), str.rawCount)
  }

  /// A scanned source id's index in `sources` (see `sourceIndex`).
  mutating func sourceRef(_ str: ScannedString, _ s: ByteScanner) -> UInt32 {
    sourceIndex(s.base + str.start, str.rawCount)
  }
}
