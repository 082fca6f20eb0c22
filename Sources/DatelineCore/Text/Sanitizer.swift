/// The one gate between data and the terminal: every string from a data file passes here.
///
/// Why: a viewer that writes data bytes raw lets the data drive the terminal (OSC 52
/// writes the clipboard, OSC 0 the title, CSI forges what is on screen). Controls become
/// visible pictures (ESC → `␛`), C1 controls, lone surrogates and bidi overrides become
/// `�`, so a reader sees that something was there and nothing reorders the line.
public enum Sanitizer {
  /// How line breaks in the input are treated.
  public enum Newlines: Sendable {
    /// For one-line fields (headlines, labels, table cells): newlines and tabs become
    /// spaces, so the line never breaks.
    case flatten
    /// For multi-line text (summaries, source texts): `\n` stays, CR is dropped.
    case keep
  }

  public static let replacement: Character = "\u{FFFD}"

  /// Returns `text` with nothing left that a terminal would interpret.
  public static func clean(_ text: String, newlines: Newlines = .flatten)
    -> String
  {
    // Fast path: plain printable ASCII (most data) needs no work.
    var needsWork = false
    for b in text.utf8 where b < 0x20 || b >= 0x7F {
      needsWork = true
      break
    }
    if !needsWork { return text }

    var out = String.UnicodeScalarView()
    out.reserveCapacity(text.unicodeScalars.count)
    for s in text.unicodeScalars {
      let v = s.value
      switch v {
      case 0x0A:
        if newlines == .keep { out.append(s) } else { out.append(" ") }
      case 0x09:
        if newlines == .keep {
          out.append(contentsOf: "    ".unicodeScalars)
        } else {
          out.append(" ")
        }
      case 0x0D:
        if newlines == .flatten { out.append(" ") }
      case 0x00..<0x20:
        // U+2400 Control Pictures: ␀ … ␟, so ESC shows as ␛.
        out.append(Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}")
      case 0x7F:
        out.append("\u{2421}")  // ␡
      case 0x80..<0xA0, 0xFFFE, 0xFFFF:
        out.append("\u{FFFD}")
      case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        // Bidi marks, embeddings, overrides and isolates could reorder the rest of the line.
        out.append("\u{FFFD}")
      case 0x2028, 0x2029:
        out.append(newlines == .keep ? "\n" : " ")
      default:
        out.append(s)
      }
    }
    return String(out)
  }

  /// Whether `text` holds a control character that `clean` would change (for warnings).
  public static func hasControlCharacters(_ text: String) -> Bool {
    var previous: UInt32 = 0
    for s in text.unicodeScalars.reversed() {
      let v = s.value
      defer { previous = v }
      // CRLF is a line end (SCHEMA.md compares texts with CRLF as LF), not a control.
      if v == 0x09 || v == 0x0A || (v == 0x0D && previous == 0x0A) { continue }
      if v < 0x20 || v == 0x7F || (0x80..<0xA0).contains(v) { return true }
    }
    return false
  }
}
