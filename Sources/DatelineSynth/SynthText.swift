/// Words and sentences for generated parties, headlines and source texts.
///
/// Sentences are a pure function of (source, index), so a record can quote a sentence of
/// its source without the generator keeping every text in memory. Each sentence carries
/// its own numbers, so a quote taken from it occurs once in its source.
enum SynthText {
  static let subjects = [
    "Officials", "The ministry", "A spokesperson", "Negotiators",
    "The delegation", "Mediators",
    "The council", "Local authorities", "Observers", "The envoy",
    "Senior aides", "The committee",
    "Representatives", "The agency", "Witnesses", "The prime minister's office",
    "Diplomats",
  ]
  static let verbs = [
    "said", "confirmed", "denied", "reported", "announced", "rejected",
    "proposed", "warned",
    "estimated", "acknowledged", "insisted", "claimed", "suggested", "disputed",
    "welcomed",
  ]
  static let objects = [
    "that talks would resume", "a new ceasefire proposal",
    "that the convoy had been delayed",
    "the release of detainees", "the figures published earlier",
    "an agreement on aid deliveries",
    "that the border crossing would reopen",
    "the account given by the other side",
    "a plan for elections", "that the meeting had been postponed",
    "new sanctions",
    "the terms of the truce", "reports of casualties",
    "the withdrawal of forces",
  ]
  static let places = [
    "in Doha", "in Cairo", "in Geneva", "near the border", "in the capital",
    "at the summit",
    "in Zürich", "in São Paulo", "in Kraków", "in Reykjavík", "in Tōkyō",
    "in Île-de-France",
    "in 北京", "in Tel Aviv", "in Beirut", "in Montréal", "in Ankara",
    "at the United Nations",
  ]
  static let tags = [
    "ceasefire", "talks", "aid", "detainees", "casualties", "elections",
    "sanctions", "border",
    "truce", "convoy", "summit", "figures", "withdrawal", "crossing",
    "negotiations",
  ]
  static let attributionTexts = [
    ("a spokesperson said", "official"),
    ("according to a source familiar with the talks", "anonymous"),
    ("the minister told reporters", "named"),
    ("reported without attribution", "unattributed"),
    ("an official who asked not to be named said", "anonymous"),
    ("in a statement", "official"),
  ]
  static let outlets = [
    "Reuters", "Associated Press", "Agence France-Presse", "BBC", "Al Jazeera",
    "Le Monde",
    "Haaretz", "The Guardian", "Deutsche Welle", "NHK", "El País",
    "Der Spiegel",
  ]
  static let nonASCIIHeadlines = [
    "Négociations reprises à Genève après une pause",
    "Gespräche in Zürich ohne Ergebnis",
    "北京で協議が再開された", "Переговоры возобновятся на следующей неделе",
    "المفاوضات تستأنف في الدوحة",
    "Conversações em São Paulo terminam sem acordo",
    "השיחות יתחדשו בשבוע הבא", "Ceasefire talks 🕊️ resume in Doha",
  ]

  /// The sentence number `k` of source `s`: deterministic, unique within the source.
  static func sentence(source s: Int, index k: Int) -> String {
    var r = SynthRandom(
      seed: UInt64(s) &* 0x1000_0001 &+ UInt64(k) &* 7919 &+ 17)
    let subject = r.pick(subjects)
    let verb = r.pick(verbs)
    let object = r.pick(objects)
    let place = r.pick(places)
    let n = 100 + r.below(9900)
    return
      "\(subject) \(verb) \(object) \(place) on day \(k + 1), citing \(n) cases (file \(s)-\(k))."
  }

  /// How many sentences source `s` has: mostly 10–40, a few hundred for some (skewed).
  static func sentenceCount(source s: Int, seed: UInt64) -> Int {
    var r = SynthRandom(seed: seed ^ (UInt64(s) &* 0x9E37_79B9))
    let u = r.unit()
    if u < 0.005 { return 300 + r.below(600) }
    if u < 0.08 { return 50 + r.below(80) }
    return 8 + r.below(26)
  }
}
