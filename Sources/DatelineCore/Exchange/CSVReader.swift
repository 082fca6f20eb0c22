/// Reads RFC 4180 CSV (or TSV) text into rows that remember where they came from.
///
/// Why its own reader: an importer must report every rejected row by its line in the
/// file, and a quoted field may span lines, so each row keeps the line it starts on and
/// its raw text (the importer quotes that text as the record's evidence). Works on UTF-8
/// bytes: the delimiter, quote and line ends are ASCII, so no multi-byte character is split.
public enum CSVReader {
  /// One row as read: its fields, where it starts, its verbatim text.
  public struct Row: Sendable, Hashable {
    /// 1-based line of the file on which the row starts.
    public var line: Int
    public var fields: [String]
    /// The row's text without its line end (quotes and all, as in the file).
    public var raw: String
    /// Why the row is malformed (a quote never closed, text after a closing quote).
    public var problem: String?
  }

  /// Splits `text` into rows. A UTF-8 BOM is dropped; CRLF and LF both end a row; blank
  /// lines are skipped (they hold no event).
  public static func rows(_ text: String, delimiter: UInt8 = UInt8(ascii: ","))
    -> [Row]
  {
    rows(bytes: Array(text.utf8), delimiter: delimiter)
  }

  /// `rows` for a file's bytes as read: a row with invalid UTF-8 gets a problem naming the
  /// byte offset in the file (never a silent U+FFFD).
  public static func rows(
    bytes input: [UInt8], delimiter: UInt8 = UInt8(ascii: ",")
  ) -> [Row] {
    var bytes = input
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if bom > 0 { bytes.removeFirst(bom) }
    var rows: [Row] = []
    var i = 0
    var line = 1
    while i < bytes.count {
      if let row = nextRow(
        bytes, at: &i, line: &line, delimiter: delimiter, bom: bom)
      {
        rows.append(row)
      }
    }
    return rows
  }

  /// The fields of one row as they are read, and what the reader knows of the field
  /// being read.
  struct RowScan {
    var fields: [String] = []
    var field: [UInt8] = []
    var problem: String?
    var inQuotes = false
    var wasQuoted = false
    var afterQuote = false
    /// Where the row's text ends (before its line end) and the next row starts.
    var end: Int
    var next: Int
  }

  /// The row that starts at `i`, nil for a blank line.
  ///
  /// Guarantees: `i` moves past the row and its line end (so the caller's loop ends),
  /// `line` past every line end in it (quoted ones too); the row's problem is the
  /// invalid UTF-8 first, then an unclosed quote, then text after a closing quote.
  static func nextRow(
    _ bytes: [UInt8], at i: inout Int, line: inout Int, delimiter: UInt8,
    bom: Int
  ) -> Row? {
    let start = i
    let startLine = line
    var scan = scanRow(bytes, at: &i, line: &line, delimiter: delimiter)
    let n = bytes.count
    if scan.inQuotes {
      scan.problem =
        "a quoted field is never closed (it runs to the end of the file)"
    }
    if let bad = firstInvalidUTF8(bytes[start..<min(scan.end, n)]) {
      scan.problem = String(
        format: "invalid UTF-8 (byte 0x%02X at byte offset %d of the file)",
        bytes[bad], bad + bom)
    }
    scan.fields.append(String(decoding: scan.field, as: UTF8.self))
    i = scan.next
    let raw = String(decoding: bytes[start..<min(scan.end, n)], as: UTF8.self)
    if scan.fields.count == 1 && scan.fields[0].isEmpty && !scan.wasQuoted {
      return nil
    }
    return Row(
      line: startLine, fields: scan.fields, raw: raw, problem: scan.problem)
  }

  /// Reads the fields of the row at `i` up to its line end (RFC 4180: a quoted field
  /// may hold delimiters, doubled quotes and line ends), the last field left in `field`.
  static func scanRow(
    _ bytes: [UInt8], at i: inout Int, line: inout Int, delimiter: UInt8
  ) -> RowScan {
    let n = bytes.count
    let quote = UInt8(ascii: "\"")
    var s = RowScan(end: n, next: n)
    while i < n {
      let b = bytes[i]
      if s.inQuotes {
        if b == quote {
          if i + 1 < n && bytes[i + 1] == quote {
            s.field.append(quote)
            i += 2
            continue
          }
          s.inQuotes = false
          s.afterQuote = true
        } else {
          if b == 0x0A { line += 1 }
          s.field.append(b)
        }
        i += 1
        continue
      }
      switch b {
      case delimiter:
        s.fields.append(String(decoding: s.field, as: UTF8.self))
        s.field.removeAll(keepingCapacity: true)
        s.wasQuoted = false
        s.afterQuote = false
      case 0x0A, 0x0D:
        s.end = i
        if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
        s.next = i + 1
        line += 1
        return s
      case quote where s.field.isEmpty && !s.wasQuoted:
        s.inQuotes = true
        s.wasQuoted = true
      default:
        if s.afterQuote && s.problem == nil {
          s.problem =
            "text after a closing quote in field \(s.fields.count + 1)"
        }
        s.field.append(b)
      }
      i += 1
    }
    return s
  }

  /// The index of the first byte of `bytes` that is not part of valid UTF-8, or nil.
  static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = bytes.startIndex
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
