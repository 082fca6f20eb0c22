import DatelineCore

/// The part of a headline the timeline shows when scrolled sideways (← →, `h` `l`).
///
/// Like lnav, the offset belongs to the view: every row is shifted by the same number of
/// columns, so the headlines stay lined up, and moving the selection keeps the offset. A
/// row cut on the left starts with `…`, a row cut on the right ends with one, so the reader
/// sees on which side more text is.
public struct HeadlineWindow: Sendable, Hashable {
  /// The sign drawn where the text is cut.
  public static let cutMark = "…"

  /// Whether the text is cut on the left (the first column holds `cutMark`).
  public var cutLeft: Bool
  /// The characters of the text that are drawn, after the left mark.
  public var shown: Range<String.Index>
  /// Whether the text is cut on the right (a `cutMark` follows `shown`).
  public var cutRight: Bool

  /// The window on `text` (already sanitized) scrolled `offset` columns, `width` wide.
  ///
  /// A wide character that would be split by either edge is left out whole.
  public init(_ text: String, offset: Int, width: Int) {
    var start = text.startIndex
    cutLeft = offset > 0 && width > 0
    if cutLeft {
      // The mark takes the first column: what is drawn starts one column further on.
      var skipped = 0
      while start < text.endIndex, skipped < offset + 1 {
        skipped += DisplayWidth.of(text[start])
        start = text.index(after: start)
      }
    }
    let room = max(0, width - (cutLeft ? 1 : 0))
    var end = start
    var used = 0
    while end < text.endIndex, used + DisplayWidth.of(text[end]) <= room {
      used += DisplayWidth.of(text[end])
      end = text.index(after: end)
    }
    cutRight = end < text.endIndex && room > 0
    if cutRight {
      // Give back characters until the right mark fits too.
      while used + 1 > room, end > start {
        end = text.index(before: end)
        used -= DisplayWidth.of(text[end])
      }
    }
    // No blank next to a mark: `…October`, `captivity…` (as `Truncation` cuts).
    if cutLeft {
      while start < end, text[start] == " " { start = text.index(after: start) }
    }
    if cutRight {
      while end > start, text[text.index(before: end)] == " " {
        end = text.index(before: end)
      }
    }
    shown = start..<end
  }

  /// The text as drawn: marks and the shown part.
  public func drawn(_ text: String) -> String {
    (cutLeft ? Self.cutMark : "") + text[shown] + (cutRight ? Self.cutMark : "")
  }

  /// `ranges` of `text` (search matches) as ranges of `drawn(text)`, clipped to what is shown.
  public func rebase(_ ranges: [Range<String.Index>], in text: String)
    -> [Range<String.Index>]
  {
    let drawnText = drawn(text)
    let lead = cutLeft ? 1 : 0
    var out: [Range<String.Index>] = []
    for r in ranges {
      let lower = max(r.lowerBound, shown.lowerBound)
      let upper = min(r.upperBound, shown.upperBound)
      guard lower < upper else { continue }
      let a = lead + text.distance(from: shown.lowerBound, to: lower)
      let b = lead + text.distance(from: shown.lowerBound, to: upper)
      // Limited: a combining mark right after the left mark joins it into one character.
      guard
        let from = drawnText.index(
          drawnText.startIndex, offsetBy: a, limitedBy: drawnText.endIndex),
        let to = drawnText.index(
          drawnText.startIndex, offsetBy: b, limitedBy: drawnText.endIndex),
        from < to
      else { continue }
      out.append(from..<to)
    }
    return out
  }
}
