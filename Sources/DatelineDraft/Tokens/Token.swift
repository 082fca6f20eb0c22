/// One word, number or punctuation mark of a text, with its place in Unicode scalars.
///
/// Offsets are scalar indexes because the `--timexes` interface counts in code points.
/// `lower` is the folded form the rules compare against; `capitalized` keeps the one bit
/// of case the rules need ("May 5" against "may be").
public struct Token: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    case word
    case number
    case punctuation
  }

  public var start: Int
  public var end: Int
  public var lower: String
  public var kind: Kind
  public var capitalized: Bool
  /// Whitespace (or the start of the text) comes right before this token.
  public var spaceBefore: Bool
  /// A line break lies between the previous token and this one.
  public var newlineBefore: Bool
  /// A blank line lies between the previous token and this one (a paragraph break).
  public var paragraphBefore: Bool
}
