import DatelineCore

/// What the status line says when a browser opens on a load, written once for the browser
/// (BrowseSession.firstState) and for `screen`, which draws the same first state.
enum OpeningMessage {
  /// The status line for `configWarnings` warnings of the config and `result`'s errors
  /// (the errors win: they change what is shown); nil when there is nothing to say.
  static func text(configWarnings: Int, result: CorpusLoader.Result?) -> String?
  {
    if let result, !result.errors.isEmpty {
      let (errors, leftOut) = (result.errors.count, result.leftOut)
      return
        "\(errors) error\(errors == 1 ? "" : "s"), \(leftOut) item\(leftOut == 1 ? "" : "s") left out: ! lists them"
    }
    guard configWarnings > 0 else { return nil }
    return
      "config: \(configWarnings) warning\(configWarnings == 1 ? "" : "s"): see `dateline validate`"
  }
}
