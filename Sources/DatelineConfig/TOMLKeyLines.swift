import Foundation

/// The line on which each key of a TOML document is written, for warnings.
///
/// Why a scan of our own: TOMLKit gives positions for syntax errors but not for keys, and
/// a warning about an unknown key is only useful with its line. The scan follows table
/// headers (`[colors]`), dotted and quoted keys (`"C-n" = …`, `colors.state = …`) and
/// skips multi-line strings; keys inside inline tables get the line of their table.
/// It runs only on text TOMLKit has already accepted, so it need not judge syntax.
enum TOMLKeyLines {
  /// Dotted key path (`colors.state`, `keys.C-n`) to 1-based line.
  static func locate(_ text: String) -> [String: Int] {
    var lines: [String: Int] = [:]
    var table: [String] = []
    var inMultiline: String?
    for (n, raw) in text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let line = raw.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
      if let delimiter = inMultiline {
        if line.contains(delimiter) { inMultiline = nil }
        continue
      }
      if line.hasPrefix("#") || line.isEmpty { continue }
      if line.hasPrefix("[") {
        let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
        table = keyPath(String(inner))
        if lines[table.joined(separator: ".")] == nil {
          lines[table.joined(separator: ".")] = n + 1
        }
        continue
      }
      guard let eq = equalsOutsideQuotes(line) else { continue }
      let key = keyPath(String(line[..<eq]))
      let path = (table + key).joined(separator: ".")
      if lines[path] == nil { lines[path] = n + 1 }
      let value = line[line.index(after: eq)...]
      for d in ["\"\"\"", "'''"]
      where value.components(separatedBy: d).count == 2 { inMultiline = d }
    }
    return lines
  }

  /// `a."b.c" . d` → ["a", "b.c", "d"].
  static func keyPath(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var quote: Character?
    for c in text {
      if let q = quote {
        if c == q { quote = nil } else { current.append(c) }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "." {
        parts.append(current)
        current = ""
      } else if c != " " && c != "\t" {
        current.append(c)
      }
    }
    parts.append(current)
    return parts
  }

  static func equalsOutsideQuotes(_ line: Substring) -> Substring.Index? {
    var quote: Character?
    for i in line.indices {
      let c = line[i]
      if let q = quote {
        if c == q { quote = nil }
      } else if c == "\"" || c == "'" {
        quote = c
      } else if c == "=" {
        return i
      }
    }
    return nil
  }
}
