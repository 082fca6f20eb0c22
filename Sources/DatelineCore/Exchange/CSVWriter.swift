/// Writes CSV rows (RFC 4180) that spreadsheets open safely and `CSVReader` reads back.
///
/// Why the guard on the first character: a spreadsheet runs a cell that starts with `=`,
/// `+`, `-` or `@` as a formula ("CSV injection"), and data from hostile reports can
/// carry one. Such a cell gets a leading `'`, which spreadsheets hide and which
/// `CSVWriter.unguard` (used by the importer) removes again.
public enum CSVWriter {
  /// The first characters a spreadsheet would treat as a formula.
  static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

  /// One line, ending in CRLF as RFC 4180 asks (every spreadsheet accepts it).
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// One field: guarded, then quoted when it holds a comma, a quote, a line break or
  /// leading or trailing spaces.
  public static func field(_ value: String) -> String {
    var v = value
    if let first = v.first, formulaStarts.contains(first) { v = "'" + v }
    let needsQuotes =
      v.contains(where: {
        $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n"
      })
      || v.first == " " || v.last == " "
    guard needsQuotes else { return v }
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Undoes the formula guard: `'=x` reads as `=x`; any other text is left as it is.
  public static func unguard(_ value: String) -> String {
    guard value.first == "'", value.count > 1 else { return value }
    let second = value[value.index(after: value.startIndex)]
    return formulaStarts.contains(second) ? String(value.dropFirst()) : value
  }
}
