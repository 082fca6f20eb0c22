/// Keys the user has moved: a key from the config acts as another key, or as none.
///
/// Why key to key and not key to action: the browser's actions change with what is open
/// (a pane, the party list), and KeyMap already decides that per context; a remap only
/// says "this key is that key", so it keeps working as KeyMap grows. It is data passed to
/// `KeyMap.event(for:in:remap:)`, never a global, and it does not apply while typing in a
/// prompt (a search for "x" must type an x).
public struct KeyRemap: Sendable, Hashable {
  /// Key pressed to the key it stands for; nil unbinds the key.
  public var table: [Key: Key?]

  public init(_ table: [Key: Key?] = [:]) { self.table = table }

  public var isEmpty: Bool { table.isEmpty }

  /// The key `key` acts as: itself when not remapped, nil when unbound.
  public func apply(_ key: Key) -> Key? {
    guard let target = table[key] else { return key }
    return target
  }
}
