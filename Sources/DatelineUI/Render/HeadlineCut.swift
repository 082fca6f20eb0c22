import DatelineCore

/// A headline's window (`HeadlineWindow`, scrolled by ← →) that keeps search matches in
/// sight.
///
/// Where a match lies in a cut-off part, that side's `…` is drawn as a match, so the row
/// says "there is more to find here". The selected row goes further (`follow`): when none
/// of its matches shows, its text slides right until the first hidden one does, as less
/// does for a match right of the screen. A match only ever moves the text further than
/// the reader's own scroll, never back over what they scrolled past.
struct HeadlineCut {
  /// The window drawn, and the text it is a window on (sanitized).
  let window: HeadlineWindow
  let headline: String
  /// The matches, as ranges of `drawn` (the marks included).
  let matches: [Range<String.Index>]
  /// Whether a match lies (even in part) beyond the left / right cut.
  let matchLeft: Bool
  let matchRight: Bool

  /// Columns a followed match keeps of text before it, for context.
  static let context = 6

  /// `headline` must be sanitized; `words` are folded search words (`TextSearch.words`).
  init(
    _ headline: String, words: [String], columns: Int, offset: Int = 0,
    follow: Bool = false
  ) {
    let found =
      words.isEmpty ? [] : TextSearch.highlights(of: words, in: headline)
    var window = HeadlineWindow(headline, offset: offset, width: columns)
    if follow, columns >= 3,
      let shift = HeadlineCut.followed(
        headline, found, window, columns: columns, offset: offset)
    {
      window = HeadlineWindow(headline, offset: shift, width: columns)
    }
    self.window = window
    self.headline = headline
    matches = window.rebase(found, in: headline)
    matchLeft =
      window.cutLeft
      && found.contains { $0.lowerBound < window.shown.lowerBound }
    matchRight =
      window.cutRight
      && found.contains { $0.upperBound > window.shown.upperBound }
  }

  /// The text as drawn, with its `…` marks.
  var drawn: String { window.drawn(headline) }

  /// The offset that shows the first match right of `window` when none is wholly shown.
  static func followed(
    _ text: String, _ found: [Range<String.Index>], _ window: HeadlineWindow,
    columns: Int, offset: Int
  ) -> Int? {
    let shown = window.shown
    guard
      !found.contains(where: {
        $0.lowerBound >= shown.lowerBound && $0.upperBound <= shown.upperBound
      }),
      let target = found.filter({ $0.upperBound > shown.upperBound }).min(by: {
        $0.lowerBound < $1.lowerBound
      })
    else { return nil }
    let a = DisplayWidth.of(String(text[..<target.lowerBound]))
    let b = a + DisplayWidth.of(String(text[target]))
    let total = DisplayWidth.of(text)
    // Between the two marks, with some text before the match; the window's first drawn
    // column is `offset + 1`.
    let room = max(1, columns - 2)
    let shift = min(a - min(context, room / 3), b - room) - 1
    return min(max(offset, shift), max(0, total - columns))
  }

  /// Draws the cut at `position`; returns the columns used.
  @discardableResult
  func draw(
    at position: Position, style: Style, match: Style, into frame: inout Frame
  ) -> Int {
    let text = drawn
    let last = text.isEmpty ? text.endIndex : text.index(before: text.endIndex)
    return frame.put(text, at: position) { i in
      if i == text.startIndex && window.cutLeft {
        return matchLeft ? match : style
      }
      if i == last && window.cutRight { return matchRight ? match : style }
      return matches.contains { $0.contains(i) } ? match : style
    }
  }
}
