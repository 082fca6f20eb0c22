import DatelineUI
import XCTest

/// `EditorCommand`: the argv for `$VISUAL`/`$EDITOR`, table-driven.
final class EditorCommandTests: XCTestCase {
  func testArgvForEachEditorAndSetting() {
    let cases:
      [(visual: String?, editor: String?, line: Int?, expected: [String])] = [
        (nil, nil, 12, ["vi", "+12", "data/records.jsonl"]),
        (nil, nil, nil, ["vi", "data/records.jsonl"]),
        ("", "  ", 3, ["vi", "+3", "data/records.jsonl"]),
        (nil, "nano", 7, ["nano", "+7", "data/records.jsonl"]),
        ("nvim", "nano", 7, ["nvim", "+7", "data/records.jsonl"]),
        ("", "vim", 7, ["vim", "+7", "data/records.jsonl"]),
        (
          nil, "/usr/bin/emacs -nw", 9,
          ["/usr/bin/emacs", "-nw", "+9", "data/records.jsonl"]
        ),
        (nil, "micro", 1, ["micro", "+1", "data/records.jsonl"]),
        (nil, "kak", 40, ["kak", "+40", "data/records.jsonl"]),
        (nil, "code --wait", 40, ["code", "--wait", "data/records.jsonl"]),
        (nil, "ed", 2, ["ed", "data/records.jsonl"]),
        (nil, "vi", 0, ["vi", "data/records.jsonl"]),
        (nil, "vi", -4, ["vi", "data/records.jsonl"]),
        (
          nil, "'/opt/My Editor/bin/vim' -u NONE", 5,
          ["/opt/My Editor/bin/vim", "-u", "NONE", "+5", "data/records.jsonl"]
        ),
        (
          nil, "\"/opt/x y/nano\"", 5,
          ["/opt/x y/nano", "+5", "data/records.jsonl"]
        ),
        (
          nil, "/opt/x\\ y/kak", 5,
          ["/opt/x y/kak", "+5", "data/records.jsonl"]
        ),
        (
          nil, "vim; rm -rf ~", 5,
          ["vim;", "rm", "-rf", "~", "data/records.jsonl"]
        ),
        (nil, "vim $(id)", nil, ["vim", "$(id)", "data/records.jsonl"]),
      ]
    for c in cases {
      XCTAssertEqual(
        EditorCommand.argv(
          visual: c.visual, editor: c.editor, file: "data/records.jsonl",
          line: c.line), c.expected,
        "VISUAL=\(c.visual ?? "unset") EDITOR=\(c.editor ?? "unset") line \(c.line.map(String.init) ?? "none")"
      )
    }
  }

  func testAFileNameThatLooksLikeAnOptionIsMadeAPath() {
    XCTAssertEqual(
      EditorCommand.argv(visual: nil, editor: "vi", file: "-c:q", line: 2),
      ["vi", "+2", "./-c:q"])
    XCTAssertEqual(
      EditorCommand.argv(visual: nil, editor: "vi", file: "+5", line: nil),
      ["vi", "./+5"])
    XCTAssertEqual(
      EditorCommand.argv(
        visual: nil, editor: "vi", file: "d/x; rm y", line: nil),
      ["vi", "d/x; rm y"])
  }

  func testWordsSplitLikeAShellWithoutExpanding() {
    let cases: [(String, [String])] = [
      ("", []),
      ("   ", []),
      ("a  b\tc", ["a", "b", "c"]),
      ("'a b' c", ["a b", "c"]),
      ("\"a \\\"b\\\" \\$x \\n\" c", ["a \"b\" $x \\n", "c"]),
      ("a\\ b", ["a b"]),
      ("''", [""]),
      ("x'y z'w", ["xy zw"]),
      ("'unclosed quote", ["unclosed quote"]),
      ("$EDITOR ~/x *", ["$EDITOR", "~/x", "*"]),
    ]
    for (text, expected) in cases {
      XCTAssertEqual(EditorCommand.words(of: text), expected, text)
    }
  }
}
