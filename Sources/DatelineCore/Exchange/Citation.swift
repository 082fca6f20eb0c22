import Foundation

/// A record written as a citation: what was reported, when (and how precisely), who was
/// involved, who says so on what footing, the quote, and where it was published.
///
/// Why one formatter: `y` in the browser and `dateline show ID --cite` must hand on the
/// same text. The text is sanitized here, once, because it leaves the program through
/// channels that reach a terminal or a clipboard (stdout, OSC 52); a citation never
/// carries a control character from the data.
public struct Citation: Sendable, Hashable {
  /// The citation as lines, sanitized, without a trailing newline.
  public let text: String

  public init(record r: Record, corpus: Corpus) {
    var lines: [String] = []
    lines.append(r.headline)
    lines.append(
      "Date: " + DateLabel.long(r) + " (precision: \(r.date.precision))")
    let parties = r.parties.map { ref in
      "\(corpus.party(ref.id)?.name ?? ref.id.rawValue) (\(ref.role.rawValue))"
    }
    lines.append("Parties: " + parties.joined(separator: "; "))
    if let a = r.attribution {
      var line = "Attribution: \(a.text) (basis: \(a.basis.rawValue))"
      let who = a.claimants.map { corpus.party($0)?.name ?? $0.rawValue }
      if !who.isEmpty { line += " — " + who.joined(separator: ", ") }
      lines.append(line)
    }
    if let q = r.quote { lines.append("Quote: “\(q.exact)”") }
    if let s = corpus.source(r.source) {
      var line = "Source: \(s.outlet), “\(s.title)”"
      if let v = s.via { line += ", via \(v)" }
      lines.append(line)
      if let p = s.published {
        lines.append(
          "Published: \(DateLabel.base(p))"
            + (s.publishedInferred ? " (inferred)" : ""))
      }
      if let u = s.url { lines.append("URL: \(u)") }
    } else {
      lines.append("Source: \(r.source.rawValue)")
    }
    lines.append("Record: \(r.id.rawValue)")
    // Each line is one field: a newline inside a value would forge a field of its own.
    text = lines.map { Sanitizer.clean($0, newlines: .flatten) }.joined(
      separator: "\n")
  }

  /// The OSC 52 sequence that asks the terminal to put `text` on the clipboard.
  ///
  /// The payload is base64 of the sanitized text, so nothing in it can end the sequence
  /// early; BEL terminates it (understood by xterm, tmux, kitty, iTerm2 and foot).
  public var osc52: String {
    "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
  }
}
