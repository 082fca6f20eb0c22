import Foundation

/// The XDG base directories dateline uses, from an environment passed in: the cache
/// (`$XDG_CACHE_HOME`, default `~/.cache`) and the state (`$XDG_STATE_HOME`, default
/// `~/.local/state`), each with `dateline` appended. The spec says a relative value is to
/// be ignored; without HOME there is none.
enum XDGDirectory {
  case cache, state

  var variable: String { self == .cache ? "XDG_CACHE_HOME" : "XDG_STATE_HOME" }
  var fallback: String { self == .cache ? ".cache" : ".local/state" }

  /// `$XDG_…/dateline`, or `$HOME/<fallback>/dateline`; nil when neither is absolute.
  func path(_ environment: [String: String]) -> String? {
    if let xdg = environment[variable], xdg.hasPrefix("/") {
      return xdg + "/dateline"
    }
    guard let home = environment["HOME"], home.hasPrefix("/") else {
      return nil
    }
    return home + "/" + fallback + "/dateline"
  }
}
