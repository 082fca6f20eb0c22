/// Cutting and padding text to a number of terminal columns, by grapheme.
public enum Truncation {
  /// The longest prefix of `text` that fits `columns`, ending in `marker` when cut.
  ///
  /// A wide grapheme that would straddle the edge is dropped whole, never split.
  public static func truncate(
    _ text: String, toColumns columns: Int, marker: String = "…"
  )
    -> String
  {
    guard columns > 0 else { return "" }
    let total = DisplayWidth.of(text)
    if total <= columns { return text }
    let markerWidth = DisplayWidth.of(marker)
    let budget = max(0, columns - markerWidth)
    var out = ""
    var used = 0
    for c in text {
      let w = DisplayWidth.of(c)
      if used + w > budget { break }
      out.append(c)
      used += w
    }
    while out.last == " " { out.removeLast() }
    return markerWidth <= columns ? out + marker : out
  }

  /// `text` cut to `columns` and padded with spaces to exactly that width.
  public static func fit(
    _ text: String, toColumns columns: Int, marker: String = "…"
  ) -> String {
    let cut = truncate(text, toColumns: columns, marker: marker)
    let w = DisplayWidth.of(cut)
    return w < columns ? cut + String(repeating: " ", count: columns - w) : cut
  }

  /// Splits `text` into lines of at most `columns`, breaking at spaces where it can.
  ///
  /// Newlines in `text` end lines; a word longer than a line is broken by grapheme.
  /// Widths are those of the sanitized text, so the result fits once drawn.
  public static func wrap(_ text: String, toColumns columns: Int) -> [String] {
    wrapRanges(text, toColumns: columns).map { String(text[$0]) }
  }

  /// The ranges of `text` that `wrap` makes into lines (without the breaking space or
  /// newline), so a caller can map positions in `text`, such as a quote, to lines.
  public static func wrapRanges(_ text: String, toColumns columns: Int)
    -> [Range<String.Index>]
  {
    guard columns > 0 else { return [] }
    var lines: [Range<String.Index>] = []
    var lineStart = text.startIndex
    var lineWidth = 0
    var lastSpace: (index: String.Index, width: Int)? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      let next = text.index(after: i)
      // Sanitized ASCII (controls become one picture or space) is always one column.
      let w = c.isASCII ? 1 : DisplayWidth.of(Sanitizer.clean(String(c)))
      let overflows = lineWidth + w > columns && lineWidth > 0
      // A newline ends the line; so does a space that would not fit (it is dropped).
      if c == "\n" || c == "\r\n" || (overflows && c == " ") {
        lines.append(lineStart..<i)
        lineStart = next
        lineWidth = 0
        lastSpace = nil
        i = next
        continue
      }
      if overflows {
        if let sp = lastSpace, lineWidth - sp.width - 1 + w <= columns {
          lines.append(lineStart..<sp.index)
          lineStart = text.index(after: sp.index)
          lineWidth -= sp.width + 1
        } else {
          lines.append(lineStart..<i)
          lineStart = i
          lineWidth = 0
        }
        lastSpace = nil
      }
      // A space at the start of a line is no place to break (it would leave an empty line).
      if c == " " && lineWidth > 0 { lastSpace = (i, lineWidth) }
      lineWidth += w
      i = next
    }
    lines.append(lineStart..<text.endIndex)
    return lines
  }
}
