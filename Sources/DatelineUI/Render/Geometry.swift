/// A terminal size in columns and rows; always a parameter, never looked up.
public struct Size: Hashable, Sendable, CustomStringConvertible {
  public var columns: Int
  public var rows: Int
  public init(columns: Int, rows: Int) {
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }
  public var description: String { "\(columns)x\(rows)" }

  /// Parses `80x24`.
  public init?(parsing text: String) {
    let parts = text.lowercased().split(separator: "x")
    guard parts.count == 2, let c = Int(parts[0]), let r = Int(parts[1]), c > 0,
      r > 0, c <= 2000,
      r <= 2000
    else { return nil }
    self.init(columns: c, rows: r)
  }
}

/// A cell position: column and row from the top left, 0-based.
public struct Position: Hashable, Sendable {
  public var column: Int
  public var row: Int
  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }
}

/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
  public var column: Int
  public var row: Int
  public var columns: Int
  public var rows: Int
  public init(column: Int, row: Int, columns: Int, rows: Int) {
    self.column = column
    self.row = row
    self.columns = max(0, columns)
    self.rows = max(0, rows)
  }
  public var isEmpty: Bool { columns <= 0 || rows <= 0 }
}
