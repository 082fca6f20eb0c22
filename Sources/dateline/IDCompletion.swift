import DatelineCore
import Foundation

/// Party and record ids for shell completion, read from the data directory the command
/// line being completed points at.
///
/// Why the words are parsed here: the shell calls `dateline ---completion …` with the
/// words typed so far, before ArgumentParser has parsed anything, so `--data DIR` (or
/// `--data=DIR`, or `--config FILE`) is picked out by hand; without it the same defaults
/// as every command apply (DATELINE_DATA, the config, ./Data). Loading problems are
/// silent: a completion prints candidates or nothing, never an error into the prompt.
enum IDCompletion {
  /// `--party` values: party ids starting with what is typed.
  static func parties(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    guard let corpus = corpus(for: words) else { return [] }
    return corpus.parties.map(\.id.rawValue).filter { $0.hasPrefix(prefix) }
  }

  /// `show ID`: record ids starting with what is typed.
  static func records(_ words: [String], _ index: Int, _ prefix: String)
    -> [String]
  {
    guard let corpus = corpus(for: words) else { return [] }
    return (0..<corpus.records.count).map { corpus.records[$0].id.rawValue }
      .filter { $0.hasPrefix(prefix) }
  }

  static func corpus(for words: [String]) -> Corpus? {
    var options = DataOptions()
    options.data = value(of: "--data", in: words)
    options.config = value(of: "--config", in: words)
    return try? CorpusLoader.load(directory: options.directory).corpus
  }

  /// The value after `name` (or in `name=value`), unquoted, with `~/` expanded.
  static func value(of name: String, in words: [String]) -> String? {
    var found: String?
    for (i, w) in words.enumerated() {
      if w == name, i + 1 < words.count { found = words[i + 1] }
      if w.hasPrefix(name + "=") { found = String(w.dropFirst(name.count + 1)) }
    }
    guard var v = found else { return nil }
    if v.count >= 2, let f = v.first, f == v.last, f == "\"" || f == "'" {
      v = String(v.dropFirst().dropLast())
    }
    v = v.replacingOccurrences(of: "\\ ", with: " ")
    if v.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"]
    {
      v = home + v.dropFirst(1)
    }
    return v.isEmpty ? nil : v
  }
}
