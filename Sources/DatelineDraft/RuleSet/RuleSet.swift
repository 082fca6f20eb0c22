/// Every rule of one language: word classes (`*.words`), temporal patterns
/// (`timex.patterns`) and the drafting phrase lists (`*.phrases`).
///
/// The files are compiled into the binary by the EmbedRules plugin (see its comment for
/// why not `Bundle.module`); `RuleSet(language:files:)` also reads any other set of files,
/// so tests and a future `--rules DIR` can bring their own.
public struct RuleSet: Sendable {
  public var language: String
  public var classes: [String: WordClass] = [:]
  public var patterns: [TimexPattern] = []
  /// Patterns by the words their first element can start with; `anyStart` for the rest.
  var patternsByWord: [String: [Int]] = [:]
  var patternsByShape: [Int] = []

  /// The English rules built into the program.
  ///
  /// A rule file that does not parse is a programming error caught by RuleSetTests;
  /// at run time the program then drafts with an empty rule set rather than crash.
  public static let english: RuleSet =
    (try? RuleSet(language: "en")) ?? RuleSet(empty: "en")

  public init(empty language: String) { self.language = language }

  public init(language: String) throws {
    try self.init(language: language, files: EmbeddedRules.files)
  }

  /// Builds the rules from files keyed "<language>/<file name>".
  public init(language: String, files: [String: String]) throws {
    self.language = language
    let prefix = language + "/"
    for (key, text) in files.sorted(by: { $0.key < $1.key })
    where key.hasPrefix(prefix) {
      let name = String(key.dropFirst(prefix.count))
      if name.hasSuffix(".words") || name.hasSuffix(".phrases") {
        let base = String(name.prefix { $0 != "." })
        classes[base] = try WordClass.parse(name: base, text: text, file: key)
      } else if name.hasSuffix(".patterns") {
        patterns += try Self.parsePatterns(text, file: key)
      }
    }
    guard !patterns.isEmpty else {
      throw RuleError(
        file: prefix + "timex.patterns", line: 0, message: "no patterns")
    }
    try checkClasses()
    index()
  }

  public func wordClass(_ name: String) -> WordClass {
    classes[name] ?? WordClass(name: name)
  }

  private static func parsePatterns(_ text: String, file: String) throws
    -> [TimexPattern]
  {
    var result: [TimexPattern] = []
    for (number, raw) in text.split(
      separator: "\n", omittingEmptySubsequences: false
    ).enumerated() {
      let line = raw.trimmingSpaces
      // "# " starts a comment; "#year" starts a pattern.
      if line.isEmpty || line == "#" || line.hasPrefix("# ") { continue }
      result.append(
        try TimexPattern.parse(line, number: number + 1, file: file))
    }
    return result
  }

  private func checkClasses() throws {
    for pattern in patterns {
      for element in pattern.elements {
        for case .wordClass(let name) in element.alternatives
        where classes[name] == nil {
          throw RuleError(
            file: language + "/timex.patterns", line: pattern.line,
            message: "unknown class <\(name)>")
        }
      }
    }
  }

  /// Indexes each pattern under every word its leading elements can begin with.
  private mutating func index() {
    for (i, pattern) in patterns.enumerated() {
      var words: Set<String> = []
      var shape = false
      for element in pattern.elements {
        for atom in element.alternatives {
          switch atom {
          case .word(let w): words.insert(w)
          case .wordClass(let name):
            if let keys = classes[name]?.byFirstToken.keys {
              words.formUnion(keys)
            }
          case .shape: shape = true
          }
        }
        if !element.optional { break }
      }
      for w in words { patternsByWord[w, default: []].append(i) }
      if shape { patternsByShape.append(i) }
    }
  }
}
