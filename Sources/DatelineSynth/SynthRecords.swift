import DatelineCore

/// Generates the records of `records.jsonl`, one JSON object per line, in id order (which
/// is not date order): dates over 20 years with bursts, every precision, spans, times,
/// 1–3 parties, quotes taken verbatim from the cited source, some links.
struct SynthRecords {
  let options: CorpusSynth.Options
  let parties: [SynthParty]
  let zipf: [Double]
  var r: SynthRandom
  /// Burst windows: (first day number, length in days).
  let bursts: [(Int, Int)]

  static let kinds = ["event", "statement", "claim", "denial", "figure"]
  static let roles = ["actor", "target", "mediator", "participant", "subject"]
  /// 2005-01-01 as a day number (days since 1970-01-01), and the span of 20 years.
  static let firstDay = 12_784
  static let days = 7_305

  init(options: CorpusSynth.Options, parties: [SynthParty]) {
    self.options = options
    self.parties = parties
    zipf = SynthRandom.zipfTable(parties.count)
    var r = SynthRandom(seed: options.seed ^ 0x5EED_0F_DA7E)
    bursts = (0..<40).map { _ in
      (SynthRecords.firstDay + r.below(SynthRecords.days - 30), 3 + r.below(20))
    }
    self.r = r
  }

  static func id(_ i: Int) -> String { "r" + pad(i, 7) }

  /// Writes every record; returns how many were corrupted.
  mutating func write(into w: inout SynthWriter) -> Int {
    var corrupted = 0
    for i in 0..<options.records {
      var line = SynthWriter()
      record(i, into: &line)
      if options.corruption > 0 && r.chance(options.corruption) {
        line.bytes = SynthCorruption.apply(
          r.below(SynthCorruption.count), to: line.bytes, index: i, rng: &r)
        corrupted += 1
      }
      w.raw(line.bytes)
      w.byte(0x0A)
      if options.corruption > 0 && i % 997 == 3 {
        w.raw(i % 2 == 0 ? "\n" : "  \t\n")
      }
      w.flush()
    }
    return corrupted
  }

  mutating func dayNumber() -> Int {
    if r.chance(0.3) {
      let b = bursts[r.below(bursts.count)]
      return b.0 + r.below(b.1)
    }
    return SynthRecords.firstDay + r.below(SynthRecords.days)
  }

  /// One record as a JSON object. The steps draw from `r` in a fixed order, so a seed
  /// gives the same corpus whatever the steps are.
  mutating func record(_ i: Int, into w: inout SynthWriter) {
    w.raw("{")
    w.field("id", SynthRecords.id(i), first: true)
    dates(into: &w)
    let kind = SynthRecords.kinds[r.below(5)]
    w.field("kind", kind)
    let chosen = involvedParties(into: &w)
    let source = r.below(options.sources)
    let sentenceIndex = r.below(
      SynthText.sentenceCount(source: source, seed: options.seed))
    let sentence = SynthText.sentence(source: source, index: sentenceIndex)
    w.field("headline", headline(sentence, party: parties[chosen[0]].name))
    if r.chance(0.45) {
      w.field(
        "summary",
        "\(parties[chosen[0]].name) and others: " + sentence
          + " No further details.")
    }
    if r.chance(0.7) { attribution(chosen, into: &w) }
    w.field("source", SynthSources.id(source))
    quote(sentence, into: &w)
    if r.chance(0.5) { tags(into: &w) }
    if i > 10 {
      if r.chance(0.05) { link("related", i, &w) }
      if kind == "denial" && r.chance(0.3) { link("disputes", i, &w) }
      if kind == "figure" && r.chance(0.1) { link("revises", i, &w) }
    }
    w.raw("}")
  }

  /// The date members: a date of any precision (80% a day, some with a time and an
  /// offset), the approx and inferred flags, and some spans (`end_date`).
  mutating func dates(into w: inout SynthWriter) {
    let day = dayNumber()
    let (y, m, d) = civil(day)
    let p = r.unit()
    var isDay = false
    if p < 0.80 {
      w.field("date", "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
      isDay = true
    } else if p < 0.86 {
      w.field("date", "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))")
      w.field("date_precision", "week")
    } else if p < 0.96 {
      w.field("date", "\(pad(y, 4))-\(pad(m, 2))")
    } else {
      w.field("date", pad(y, 4))
    }
    if isDay && r.chance(0.2) {
      w.field("time", "\(pad(r.below(24), 2)):\(pad(r.below(60), 2))")
      if r.chance(0.3) {
        w.field("utc_offset", r.pick(["+02:00", "-05:00", "+03:00", "+00:00"]))
      }
    }
    if r.chance(0.1) {
      w.key("date_approx")
      w.raw("true")
    }
    if r.chance(0.05) {
      w.key("date_inferred")
      w.raw("true")
      w.field(
        "date_note",
        "Worked out from the report's reference to the previous day.")
    }
    if r.chance(0.1) {
      let (ey, em, ed) = civil(day + 1 + r.below(60))
      w.field(
        "end_date",
        r.chance(0.5)
          ? "\(pad(max(ey, y), 4))-\(pad(em, 2))-\(pad(ed, 2))"
          : "\(pad(ey + 1, 4))-\(pad(em, 2))")
    }
  }

  /// The `parties` member: 1–3 distinct parties, Zipf-like, each an id or an object
  /// with a role. Returns their indexes in `parties`, in the order written.
  mutating func involvedParties(into w: inout SynthWriter) -> [Int] {
    var chosen: [Int] = []
    let n = 1 + r.below(3)
    while chosen.count < n {
      let k = r.zipf(zipf)
      if !chosen.contains(k) { chosen.append(k) }
    }
    w.key("parties")
    w.raw("[")
    for (k, pi) in chosen.enumerated() {
      if k > 0 { w.raw(",") }
      if r.chance(0.65) {
        w.string(parties[pi].id)
      } else {
        w.raw("{")
        w.field("id", parties[pi].id, first: true)
        w.field("role", SynthRecords.roles[r.below(5)])
        w.raw("}")
      }
    }
    w.raw("]")
    return chosen
  }

  /// The `attribution` member: a text and a basis, and a claimant among `chosen`
  /// unless the basis is unattributed.
  mutating func attribution(_ chosen: [Int], into w: inout SynthWriter) {
    let a = r.pick(SynthText.attributionTexts)
    w.key("attribution")
    w.raw("{")
    var first = true
    if a.1 != "unattributed" {
      w.field(
        "claimant", parties[chosen[r.below(chosen.count)]].id, first: true)
      first = false
    }
    w.field("text", a.0, first: first)
    w.field("basis", a.1)
    w.raw("}")
  }

  /// The `quote` member: the end of `sentence` from a word boundary, which is unique in
  /// its source.
  mutating func quote(_ sentence: String, into w: inout SynthWriter) {
    let words = sentence.split(separator: " ")
    let from = r.below(max(1, words.count - 4))
    w.key("quote")
    w.raw("{")
    w.field("exact", words[from...].joined(separator: " "), first: true)
    w.raw("}")
  }

  /// The `tags` member: one or two tags.
  mutating func tags(into w: inout SynthWriter) {
    w.key("tags")
    w.raw("[")
    w.string(r.pick(SynthText.tags))
    if r.chance(0.5) {
      w.raw(",")
      w.string(r.pick(SynthText.tags))
    }
    w.raw("]")
  }

  mutating func link(_ key: String, _ i: Int, _ w: inout SynthWriter) {
    w.key(key)
    w.raw("[")
    w.string(SynthRecords.id(i - 1 - r.below(min(i - 1, 5000))))
    w.raw("]")
  }

  mutating func headline(_ sentence: String, party: String) -> String {
    if r.chance(0.03) { return r.pick(SynthText.nonASCIIHeadlines) }
    let cut = sentence.split(separator: ",").first.map(String.init) ?? sentence
    let h = party + ": " + cut
    return h.count > 95 ? String(h.prefix(95)) : h
  }

  /// Year, month, day of a day number: the core's calendar, so both agree by construction.
  func civil(_ day: Int) -> (Int, Int, Int) {
    let c = CalendarDay(dayNumber: Int32(day)).civil
    return (c.year, c.month, c.day)
  }
}
