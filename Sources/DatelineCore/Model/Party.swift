/// An actor in the reports: a state, a group, a body, a person.
public struct Party: Sendable, Hashable, Identifiable {
  public typealias ID = TypedID<Party>

  /// Spelled as SCHEMA.md's `kind` values, which the raw values must equal.
  // swift-format-ignore: AlwaysUseLowerCamelCase
  public enum Kind: String, Sendable, CaseIterable {
    case state, government_body, armed_group, political_group, person,
      civilian_group,
      intl_org, ngo, media, other
  }

  /// The 8 curses colour names; SCHEMA.md calls `color` a hint only.
  public enum Color: String, Sendable, CaseIterable {
    case black, red, green, yellow, blue, magenta, cyan, white
  }

  public var id: ID
  public var name: String
  /// Short name for narrow columns (≤ 12 columns); defaults to `name` cut to fit.
  public var label: String
  public var kind: Kind
  public var aliases: [String]
  public var parent: ID?
  /// The digit from the data, if any; the effective key is in `Corpus.filterKeys`.
  public var key: Int?
  public var color: Color?

  public init(
    id: ID, name: String, label: String? = nil, kind: Kind = .other,
    aliases: [String] = [],
    parent: ID? = nil, key: Int? = nil, color: Color? = nil
  ) {
    self.id = id
    self.name = name
    self.label = label ?? Truncation.truncate(name, toColumns: 12, marker: "")
    self.kind = kind
    self.aliases = aliases
    self.parent = parent
    self.key = key
    self.color = color
  }
}
