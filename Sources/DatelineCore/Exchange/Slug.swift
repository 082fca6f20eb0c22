import Foundation

/// Turns a name into an id that SCHEMA.md accepts (`^[a-z0-9][a-z0-9._-]{0,63}$`).
///
/// Why: event tables name actors in prose ("Military Forces of Israel (2022-)"), and the
/// same actor must get the same id in every row. Accents are folded, everything else that
/// is not a letter or digit becomes one `-`. A name with no Latin letter or digit at all
/// (Arabic, CJK) gets a stable hash instead of an empty id.
public enum Slug {
  public static func make(_ name: String, fallbackPrefix: String = "party")
    -> String
  {
    if TypedID<Party>.isValid(name) { return name }
    let folded = name.folding(
      options: [.diacriticInsensitive, .caseInsensitive], locale: nil
    ).lowercased()
    var out = ""
    var dash = false
    for s in folded.unicodeScalars {
      let v = s.value
      if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
        if dash && !out.isEmpty { out += "-" }
        out.unicodeScalars.append(s)
        dash = false
      } else {
        dash = true
      }
    }
    if out.count > 64 { out = String(out.prefix(64)) }
    while out.hasSuffix("-") { out.removeLast() }
    if out.isEmpty { return fallbackPrefix + "-" + hash(name) }
    return out
  }

  /// FNV-1a over the UTF-8 bytes, as 8 hex digits: the same name, the same id, every run.
  static func hash(_ s: String) -> String {
    var h: UInt32 = 0x811C_9DC5
    for b in s.utf8 {
      h ^= UInt32(b)
      h = h &* 0x0100_0193
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }
}
