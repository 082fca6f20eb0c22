import DatelineCore
import DatelineUI
import Foundation
import XCTest

/// A data directory written by the test: CJK, emoji, combining marks, RTL text and raw
/// control sequences in headlines, party labels and the source text.
///
/// Like tig's emoji-test and escape-control-characters-test, it exists to break column
/// arithmetic and to try to reach the terminal with data: ESC sequences (SGR, OSC 52 that
/// writes the clipboard), BEL, a C1 CSI, DEL and bidi overrides must all arrive as harmless
/// cells.
enum WideFixture {
  /// Headlines by record id, each at most 100 columns once sanitized (SCHEMA.md).
  static let headlines:
    [(id: String, date: String, parties: [String], headline: String)] = [
      ("cjk", "2024-01-05", ["jp"], "日本語のニュース：東京で記者会見が開かれた"),
      (
        "emoji", "2024-01-09", ["emoji", "jp"],
        "Emoji 😀 family 👨‍👩‍👧 thumbs 👍🏽 flag 🇯🇵 end"
      ),
      (
        "combining", "2024-01-12", ["emoji"],
        "Cafe\u{301} re\u{301}sume\u{301}: e\u{301} and a\u{308}\u{304} stacked"
      ),
      ("arabic", "2024-02-01", ["rtl"], "بيان صحفي: مرحبا بالعالم (Arabic)"),
      (
        "hebrew", "2024-02-02", ["rtl", "esc"],
        "הודעה לעיתונות: שלום עולם (Hebrew)"
      ),
      (
        "sgr", "2024-02-10", ["esc"],
        "Red \u{1B}[31mALERT\u{1B}[0m and clear \u{1B}[2J screen"
      ),
      (
        "osc52", "2024-02-11", ["esc", "bidi"],
        "Clipboard \u{1B}]52;c;SGVsbG8=\u{07} grab, bell \u{07} done"
      ),
      (
        "c1", "2024-03-01", ["c1"],
        "C1 CSI \u{9B}31m red, DEL \u{7F} and NEL \u{85} here"
      ),
      (
        "bidi", "2024-03-02", ["bidi"],
        "Bidi \u{202E}desrever\u{202C} and isolate \u{2066}x\u{2069} end"
      ),
      (
        "wide-long", "2024-03-03", ["jp", "emoji"],
        String(repeating: "日本語", count: 16)
      ),
      ("tabs", "2024-03-04", ["c1"], "Tab\there, newline\nthere, CR\rhere"),
      (
        "lone-mark", "2024-03-05", ["jp"],
        "\u{301}starts with a combining mark, then 한국어"
      ),
    ]

  /// Party id, label (≤ 12 columns sanitized) and name.
  static let parties: [(id: String, label: String, name: String)] = [
    ("jp", "日本政府", "日本国政府 (Government of Japan)"),
    ("emoji", "😀👍🏽 fans", "Emoji 👨‍👩‍👧 fans"),
    ("esc", "\u{1B}[31mRed", "Escape \u{1B}[31mred\u{1B}[0m party"),
    ("rtl", "עברית", "עברית و العربية"),
    ("bidi", "Bidi\u{202E}x", "Bidi \u{202E}override\u{202C} party"),
    ("c1", "C1\u{9B}\u{07}", "C1 \u{9B}2J and BEL \u{07} party"),
  ]

  static let sourceText = """
    日本語のニュース：東京で記者会見が開かれた。全角の文字は二列を占める。
    Emoji 😀 family 👨‍👩‍👧 thumbs 👍🏽 in running text, then Cafe\u{301}.
    Arabic بيان صحفي and Hebrew שלום עולם sit in the same paragraph.
    An attacker writes \u{1B}]52;c;SGVsbG8=\u{07} and \u{1B}[2J and \u{9B}31m here.
    The quoted passage: 記者会見は😀で終わった, as reported.
    """

  /// The quote of the `cjk` record, inside `sourceText`.
  static let quote = "記者会見は😀で終わった"

  /// Writes the three JSON files into a new temporary directory and returns its path.
  static func write() throws -> String {
    let dir = FileManager.default.temporaryDirectory
      .appendingPathComponent("dateline-wide-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir, withIntermediateDirectories: true)
    let partyItems = parties.enumerated().map { i, p in
      "{\"id\": \(json(p.id)), \"name\": \(json(p.name)), \"label\": \(json(p.label))"
        + (i == 0 ? ", \"key\": \"1\", \"color\": \"red\"" : "") + "}"
    }
    let recordItems = headlines.map { r in
      "{\"id\": \(json(r.id)), \"date\": \(json(r.date)), \"kind\": \"statement\", "
        + "\"parties\": [\(r.parties.map(json).joined(separator: ", "))], "
        + "\"headline\": \(json(r.headline)), \"summary\": \(json("Summary of " + r.headline)), "
        + "\"source\": \"wide\""
        + (r.id == "cjk"
          ? ", \"quote\": {\"exact\": \(json(quote))}, \"related\": [\"emoji\"]"
          : "")
        + "}"
    }
    let source =
      "{\"id\": \"wide\", \"outlet\": \(json("東京新聞 😀")), \"title\": \(json("Wide \u{1B}[1mtitle\u{1B}[0m 日本語")), "
      + "\"published\": \"2024-03-05\", \"text\": \(json(sourceText))}"
    try envelope("parties", partyItems).write(
      to: dir.appendingPathComponent("parties.json"), atomically: true,
      encoding: .utf8)
    try envelope("sources", [source]).write(
      to: dir.appendingPathComponent("sources.json"), atomically: true,
      encoding: .utf8)
    try envelope("records", recordItems).write(
      to: dir.appendingPathComponent("records.json"), atomically: true,
      encoding: .utf8)
    return dir.path
  }

  /// Loads the fixture and removes its directory; fails the test on any load error.
  static func corpus(file: StaticString = #filePath, line: UInt = #line) throws
    -> Corpus
  {
    let dir = try write()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try CorpusLoader.load(directory: dir)
    XCTAssertEqual(
      result.errors.map(\.description), [], "the fixture loads without errors",
      file: file, line: line)
    XCTAssertEqual(
      result.corpus.records.count, headlines.count, file: file, line: line)
    XCTAssertEqual(
      result.corpus.parties.count, parties.count, file: file, line: line)
    return result.corpus
  }

  static func state(
    _ size: Size, file: StaticString = #filePath, line: UInt = #line
  ) throws -> BrowserState {
    BrowserState(
      corpus: try corpus(file: file, line: line), dataLabel: "wide", size: size)
  }

  static func envelope(_ type: String, _ items: [String]) -> String {
    "{\"schema\": 1, \"type\": \"\(type)\", \"items\": [\n  "
      + items.joined(separator: ",\n  ") + "\n]}\n"
  }

  /// A JSON string literal: controls, DEL, C1 and bidi controls escaped as `\uXXXX`, the rest
  /// as UTF-8 (so the file itself holds no raw control bytes).
  static func json(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if FrameChecks.isForbidden(u) || u.value == 0x85 {
          out += "\\u" + FrameChecks.hex(u)
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out + "\""
  }
}
