import DatelineCore

/// What the user chose in the config file that changes the browser: where the pane
/// opens, colours per party kind, remapped keys.
///
/// Why a value in the state: `render` and `KeyMap` stay pure functions of what they are
/// given; the shell reads the file and hands this in (and NO_COLOR still wins, because
/// colours are drawn only when `BrowserState.useColor` is set).
public struct Preferences: Sendable, Hashable {
  /// Where the detail or source pane opens.
  public enum Split: String, Sendable, CaseIterable {
    /// Right on wide terminals, below on narrow or tall ones.
    case auto
    case right
    case below
  }

  public var split: Split
  /// Colour of a party by its kind (SCHEMA.md party `kind`); before the data's hint.
  public var kindColors: [Party.Kind: Style.Color]
  public var keys: KeyRemap

  public init(
    split: Split = .auto, kindColors: [Party.Kind: Style.Color] = [:],
    keys: KeyRemap = KeyRemap()
  ) {
    self.split = split
    self.kindColors = kindColors
    self.keys = keys
  }
}
