/// An id of one kind of item: `Party.ID`, `Source.ID`, `Record.ID` never mix.
///
/// SCHEMA.md: ids match `^[a-z0-9][a-z0-9._-]{0,63}$` and are unique within their type.
public struct TypedID<Owner>: Hashable, Comparable, Sendable,
  CustomStringConvertible,
  ExpressibleByStringLiteral
{
  public let rawValue: String

  public init(_ rawValue: String) { self.rawValue = rawValue }
  public init(stringLiteral value: String) { self.rawValue = value }

  /// Byte order, as SCHEMA.md "Order" asks for the last tie-break.
  public static func < (a: TypedID, b: TypedID) -> Bool {
    a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
  }

  public var description: String { rawValue }

  /// Whether `text` is a well-formed id.
  public static func isValid(_ text: String) -> Bool {
    let u = text.utf8
    guard !u.isEmpty, u.count <= 64 else { return false }
    for (i, b) in u.enumerated() {
      let alnum = (0x61...0x7A).contains(b) || (0x30...0x39).contains(b)
      if i == 0 {
        if !alnum { return false }
      } else if !(alnum || b == 0x2E || b == 0x5F || b == 0x2D) {
        return false
      }
    }
    return true
  }
}
