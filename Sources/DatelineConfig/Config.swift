import DatelineUI

/// The settings of `config.toml`: the default data directory, the browser's preferences
/// (layout, colours per party kind, key remaps) and where citations go.
///
/// Why its own target: reading TOML needs TOMLKit (C++), which neither the pure model nor
/// the UI state machine should carry; the command line reads the file and passes these
/// values on.
public struct Config: Sendable, Hashable {
  /// Where `y` sends a citation.
  public struct Citations: Sendable, Hashable {
    /// Copy through the terminal (OSC 52). Off unless the config says so: a terminal
    /// may refuse or show the sequence, and a clipboard write should be the user's choice.
    public var osc52: Bool
    /// Append citations to this file; when nil (and without OSC 52) they are printed on
    /// stdout when the browser exits.
    public var file: String?

    public init(osc52: Bool = false, file: String? = nil) {
      self.osc52 = osc52
      self.file = file
    }
  }

  /// `[annotations]`: who annotates, where the annotations file goes, whether the browser
  /// re-opens the last view.
  public struct Annotating: Sendable, Hashable {
    /// The author of new annotations; nil means `$USER`.
    public var author: String?
    /// Keep this user's annotations outside the data directory (`location = "user"`:
    /// under `$XDG_DATA_HOME/dateline/`) even when it is writable.
    public var outsideData: Bool
    /// Re-open the last view and selected record (`restore = false` turns it off).
    public var restore: Bool

    public init(
      author: String? = nil, outsideData: Bool = false, restore: Bool = true
    ) {
      self.author = author
      self.outsideData = outsideData
      self.restore = restore
    }
  }

  /// `data`: an absolute path (`~` and relative paths resolved against the config file).
  public var dataDirectory: String?
  public var preferences: Preferences
  public var citations: Citations
  /// `follow`: whether the browser watches its data directory and reloads by itself.
  public var follow: Bool
  /// `mouse`: whether the browser asks the terminal for clicks and the wheel (tig's
  /// `set mouse`); off, the terminal keeps its own text selection.
  public var mouse = true
  public var annotating: Annotating

  public init(
    dataDirectory: String? = nil, preferences: Preferences = Preferences(),
    citations: Citations = Citations(),
    follow: Bool = true, annotating: Annotating = Annotating()
  ) {
    self.dataDirectory = dataDirectory
    self.preferences = preferences
    self.citations = citations
    self.follow = follow
    self.annotating = annotating
  }
}
