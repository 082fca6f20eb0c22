import Foundation
import XCTest

/// `dateline report`: Markdown and a self-contained HTML file, parsed with python3's
/// html.parser to check it is well formed, has no scripts and no external assets, and
/// shows hostile text as text.
extension CLITests {
  static let hostileRecords =
    #"{"schema":1,"type":"records","items":["#
    + #"{"id":"r1","date":"2023-12","kind":"claim","parties":["a"],"headline":"<script>alert(1)</script> & \u001b[31mred","source":"s","attribution":{"text":"Alpha's spokesman","basis":"named","claimant":"a"},"quote":{"exact":"Alpha said yes."},"disputes":["r2"],"figures":[{"label":"hostages","value":135}]},"#
    + #"{"id":"r2","date":"2023-12-02","kind":"denial","parties":["b"],"headline":"Beta says <img src=x onerror=alert(1)>","source":"s","quote":{"exact":"Beta said no."}}]}"#

  func testTheHTMLReportIsSelfContainedWellFormedAndEscaped() throws {
    let data = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": Self.hostileRecords,
    ])
    let out = data + "/report.html"
    let r = try run([
      "report", "--data", data, "--format", "html", "--out", out,
    ])
    XCTAssertEqual(r.status, 0, r.stderr)
    let checker = """
      import sys
      from html.parser import HTMLParser
      VOID = {"meta", "br", "img", "link", "input", "hr"}
      class P(HTMLParser):
          def __init__(self):
              super().__init__(); self.stack = []; self.problems = []; self.text = []
          def handle_starttag(self, tag, attrs):
              if tag in ("script", "iframe", "object", "embed", "img", "link"): self.problems.append("tag " + tag)
              for k, v in attrs:
                  if k.startswith("on"): self.problems.append("handler " + k)
                  if k in ("src",): self.problems.append("external " + str(v))
              if tag not in VOID: self.stack.append(tag)
          def handle_endtag(self, tag):
              if not self.stack or self.stack[-1] != tag: self.problems.append("unbalanced " + tag)
              else: self.stack.pop()
          def handle_data(self, d): self.text.append(d)
      p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read()); p.close()
      if p.stack: p.problems.append("unclosed " + ",".join(p.stack))
      text = "".join(p.text)
      for needle in ["<script>alert(1)</script> & ␛[31mred", "Beta says <img src=x onerror=alert(1)>", "hostages", "135", "Alpha said yes."]:
          if needle not in text: p.problems.append("missing text " + needle)
      if "\\x1b" in text: p.problems.append("raw ESC")
      print("\\n".join(p.problems) or "OK")
      """
    let script = data + "/check.py"
    try Data(checker.utf8).write(to: URL(fileURLWithPath: script))
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, out]
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let result = String(
      decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    XCTAssertEqual(result, "OK\n")
    // Disputes side by side: r1's table names r2.
    let html = try String(contentsOfFile: out, encoding: .utf8)
    XCTAssertTrue(html.contains("<th>Disputed with</th>"))
    XCTAssertTrue(
      html.contains("2023-12-02: Beta says &lt;img src=x onerror=alert(1)&gt;"))
  }

  func testTheMarkdownReportHasEachRecordWithDateAttributionQuoteAndFigures()
    throws
  {
    let data = try tempData([
      "parties.json": Self.parties, "sources.json": Self.sources,
      "records.json": Self.hostileRecords,
    ])
    let r = try run(["report", "--data", data])
    XCTAssertEqual(r.status, 0, r.stderr)
    XCTAssertTrue(
      r.stdout.contains(
        "## 2023-12 (month) — \\<script\\>alert(1)\\</script\\> & ␛\\[31mred"),
      r.stdout)
    XCTAssertTrue(
      r.stdout.contains("**According to:** Alpha's spokesman — Alpha (named)"),
      r.stdout)
    XCTAssertTrue(r.stdout.contains("> Alpha said yes."), r.stdout)
    XCTAssertTrue(r.stdout.contains("| hostages | 135 |"), r.stdout)
    XCTAssertFalse(r.stdout.contains("\u{1B}"))
  }
}
