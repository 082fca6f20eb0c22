import DatelineCore
import DatelineUI
import Foundation
import XCTest

/// The seed corpus in `Data/` at the root of the package, and states built on it.
///
/// Located from this file (`Tests/DatelineUITests/` → `../../Data`) so the tests run from
/// any working directory.
enum Seed {
  static let directory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .appendingPathComponent("../../Data")
    .standardizedFileURL.path

  /// Loads the seed data, failing the test (not crashing) when it cannot be read.
  static func corpus(file: StaticString = #filePath, line: UInt = #line) throws
    -> Corpus
  {
    let result: CorpusLoader.Result
    do {
      result = try CorpusLoader.load(directory: directory)
    } catch {
      XCTFail(
        "cannot load the seed data at \(directory): \(error)", file: file,
        line: line)
      throw error
    }
    XCTAssertEqual(
      result.errors.map(\.description), [],
      "the seed data loads without errors", file: file, line: line)
    return result.corpus
  }

  /// A fresh browser on the seed data, as `dateline screen` builds it.
  static func state(
    _ size: Size = Size(columns: 80, rows: 24), file: StaticString = #filePath,
    line: UInt = #line
  )
    throws -> BrowserState
  {
    BrowserState(
      corpus: try corpus(file: file, line: line), dataLabel: "Data", size: size)
  }
}

/// Presses keys written as words (`"j j Enter / hamas Enter"`) and returns the new state.
///
/// The same fold as `dateline screen --keys`: each key goes through `KeyMap` to an `Event`
/// and through `update`; a key that maps to nothing is ignored, and a quit stops the fold.
func press(_ keys: String, from state: BrowserState) -> BrowserState {
  press(KeyNames.parse(keys), from: state)
}

/// Presses decoded keys (for keys that have no name, such as `.resize`).
func press(_ keys: [Key], from state: BrowserState) -> BrowserState {
  var s = state
  for key in keys {
    // As typed with a pause after each key: a pending incremental search finishes.
    if let event = KeyMap.event(for: key, in: s) {
      s = settle(update(s, event))
    }
    if s.quit { break }
  }
  return s
}

/// The state with `id` selected and scrolled into view, without touching anything else.
///
/// Tests use it to start from a particular record; the `resize` to the same size runs the
/// reducer's own "keep the selection visible".
func selecting(
  _ id: Record.ID, in state: BrowserState, file: StaticString = #filePath,
  line: UInt = #line
)
  -> BrowserState
{
  var s = state
  guard let index = s.corpus.position(of: id),
    let row = s.rows.firstIndex(of: index)
  else {
    XCTFail("record \(id) is not shown", file: file, line: line)
    return s
  }
  s.selection = row
  return update(s, .resize(s.size))
}

extension BrowserState {
  /// The id of the selected record, for short assertions.
  var selectedID: String? { selectedRecord?.id.rawValue }

  /// The ids of the shown records, in order.
  var shownIDs: [String] { rows.map { corpus.records[$0].id.rawValue } }
}

extension Frame {
  /// The status line, trailing spaces trimmed.
  var statusLine: String { text.components(separatedBy: "\n").last ?? "" }

  /// The text of each row of `rect`, trimmed at the end (continuation cells skipped).
  func rowTexts(in rect: Rect) -> [String] {
    (rect.row..<min(size.rows, rect.row + rect.rows)).map { r in
      var s = ""
      for c in rect.column..<min(size.columns, rect.column + rect.columns)
      where self[c, r].width > 0 {
        s += self[c, r].grapheme
      }
      while s.hasSuffix(" ") { s.removeLast() }
      return s
    }
  }

  /// Rows (0-based) whose cells all have `style`, over the full width of `rect`.
  func rows(styled style: Style, in rect: Rect) -> [Int] {
    (rect.row..<min(size.rows, rect.row + rect.rows)).filter { r in
      (rect.column..<min(size.columns, rect.column + rect.columns)).allSatisfy {
        self[$0, r].style == style
      }
    }
  }

  /// One row of the screen, trimmed at the end.
  func row(_ r: Int) -> String {
    lines[r].replacingOccurrences(
      of: "\\s+$", with: "", options: .regularExpression)
  }
}

let size80x24 = Size(columns: 80, rows: 24)
let size120x40 = Size(columns: 120, rows: 40)
let size40x10 = Size(columns: 40, rows: 10)
let size20x5 = Size(columns: 20, rows: 5)
/// The four sizes every seed screen is recorded at.
let goldenSizes = [size80x24, size120x40, size40x10, size20x5]
