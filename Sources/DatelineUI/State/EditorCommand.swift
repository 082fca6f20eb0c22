/// The argument vector that opens a file in the user's editor: pure, so it is tested
/// table-driven and the shell only spawns it.
///
/// Why no `/bin/sh -c`: a file name from the data directory could hold `;` or `$(…)`.
/// The variable is split like a shell word list, simply (blanks separate words; single
/// and double quotes group; a backslash takes the next character as it is), with no
/// expansion of any kind, and the file is one argument of its own.
public enum EditorCommand {
  /// The editor used when neither `VISUAL` nor `EDITOR` names one (POSIX's choice).
  public static let fallback = "vi"

  /// Editors known to take `+LINE` before the file to open it at that line.
  public static let takesLineArgument: Set<String> = [
    "vi", "vim", "nvim", "nano", "emacs", "emacsclient", "micro", "kak", "view",
    "vim.basic",
    "vim.tiny", "nvi", "gvim",
  ]

  /// `[program, arguments…, (+LINE,) file]` for the values of `VISUAL` and `EDITOR`.
  ///
  /// An unset or blank `VISUAL` falls through to `EDITOR`, then to `vi`. A file name that
  /// starts with `-` or `+` gets `./` in front, so the editor cannot read it as an option.
  public static func argv(
    visual: String?, editor: String?, file: String, line: Int?
  ) -> [String] {
    var words = words(of: visual ?? "")
    if words.isEmpty { words = self.words(of: editor ?? "") }
    if words.isEmpty { words = [fallback] }
    let program =
      words[0].split(separator: "/").last.map(String.init) ?? words[0]
    if let line, line > 0, takesLineArgument.contains(program) {
      words.append("+\(line)")
    }
    words.append(
      file.hasPrefix("-") || file.hasPrefix("+") ? "./" + file : file)
    return words
  }

  /// The words of `text`, split on blanks, with quotes and backslashes taken as a shell
  /// takes them but nothing expanded; an unclosed quote runs to the end.
  public static func words(of text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for c in text {
      if escaped {
        // Inside double quotes a backslash escapes only what a shell lets it escape.
        if quote == "\"" && !"\"\\$`".contains(c) { word.append("\\") }
        word.append(c)
        escaped = false
      } else if let q = quote {
        if c == q {
          quote = nil
        } else if c == "\\" && q == "\"" {
          escaped = true
        } else {
          word.append(c)
        }
      } else if c == " " || c == "\t" || c == "\n" {
        if inWord { words.append(word) }
        word = ""
        inWord = false
        continue
      } else if c == "'" || c == "\"" {
        quote = c
      } else if c == "\\" {
        escaped = true
      } else {
        word.append(c)
      }
      inWord = true
    }
    if inWord { words.append(word) }
    return words
  }
}
