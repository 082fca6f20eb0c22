/// A record's position in the store (`Corpus.records`), which is timeline order.
///
/// Why a type: the browser holds three kinds of integer side by side (rows on screen,
/// positions in the current result, positions in the store), and mixing two of them
/// shows the wrong record without failing. Like lnav's `vis_line_t` and `content_line_t`,
/// each gets its own type; Core's own loops still use `Int` and convert at the boundary.
public struct RecordPosition: Hashable, Comparable, Sendable,
  CustomStringConvertible
{
  /// The position as an index into the store's columns.
  public var offset: Int

  public init(_ offset: Int) { self.offset = offset }

  public static func < (a: RecordPosition, b: RecordPosition) -> Bool {
    a.offset < b.offset
  }
  public var description: String { String(offset) }
}

extension RecordList {
  public subscript(p: RecordPosition) -> Record { self[p.offset] }
}

extension Corpus {
  /// `firstDay(at:)` of the record at store position `p`.
  public func firstDay(at p: RecordPosition) -> CalendarDay {
    firstDay(at: p.offset)
  }
  /// `compactDateLabelWidth(at:)` of the record at store position `p`.
  public func compactDateLabelWidth(at p: RecordPosition) -> DateLabel.Width {
    compactDateLabelWidth(at: p.offset)
  }
  /// `lastDay(at:)` of the record at store position `p`.
  public func lastDay(at p: RecordPosition) -> CalendarDay {
    lastDay(at: p.offset)
  }
  /// The store position of the record with id `id`, if it is loaded.
  public func position(of id: Record.ID) -> RecordPosition? {
    recordIndex[id].map(RecordPosition.init)
  }
}
