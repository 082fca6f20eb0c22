extension ChronologyReport {
  var markdown: String {
    var out =
      "# " + MarkdownTable.cell(title)
      + "\n\n\(entries.count) record\(entries.count == 1 ? "" : "s").\n"
    for e in entries {
      out +=
        "\n## " + MarkdownTable.cell(e.date) + " — "
        + MarkdownTable.cell(e.headline) + (e.starred ? " ★" : "") + "\n\n"
      if let a = e.attribution {
        out += "**According to:** " + MarkdownTable.cell(a) + "\n\n"
      }
      if let q = e.quote { out += "> " + MarkdownTable.cell(q) + "\n\n" }
      if let s = e.source {
        out +=
          "Source: " + MarkdownTable.cell(s)
          + (e.link.map {
            " <" + $0.replacingOccurrences(of: ">", with: "%3E") + ">"
          } ?? "") + "\n\n"
      }
      if !e.tags.isEmpty {
        out +=
          "Tags: "
          + e.tags.map {
            "`" + $0.replacingOccurrences(of: "`", with: "'") + "`"
          }.joined(separator: ", ")
          + "\n\n"
      }
      if let n = e.note { out += "Note: " + MarkdownTable.cell(n) + "\n\n" }
      if !e.figures.isEmpty {
        out +=
          "| Figure | Value |\n|---|---|\n"
          + e.figures.map {
            "| " + MarkdownTable.cell($0.label) + " | "
              + MarkdownTable.cell($0.value) + " |\n"
          }
          .joined() + "\n"
      }
      if !e.disputes.isEmpty {
        out +=
          "| This record | Disputed with |\n|---|---|\n"
          + e.disputes.map {
            "| " + MarkdownTable.cell($0.mine) + " | "
              + MarkdownTable.cell($0.theirs) + " |\n"
          }
          .joined() + "\n"
      }
      out += "<sub>id: " + MarkdownTable.cell(e.id) + "</sub>\n"
    }
    return out
  }

  var html: String {
    func h(_ s: String) -> String { ChronologyReport.escape(s) }
    var out = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <title>\(h(title))</title>
      <style>body{font:16px/1.5 serif;max-width:46em;margin:2em auto;padding:0 1em}blockquote{border-left:3px solid #999;margin:0;padding-left:1em;color:#333}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}.meta{color:#555;font-size:.9em}</style>
      </head><body>
      <h1>\(h(title))</h1>
      <p class="meta">\(entries.count) record\(entries.count == 1 ? "" : "s").</p>

      """
    for e in entries {
      out +=
        "<section id=\"r-\(h(e.id))\">\n<h2><time>\(h(e.date))</time> — \(h(e.headline))\(e.starred ? " ★" : "")</h2>\n"
      if let a = e.attribution {
        out += "<p><strong>According to:</strong> \(h(a))</p>\n"
      }
      if let q = e.quote { out += "<blockquote><p>\(h(q))</p></blockquote>\n" }
      if let s = e.source {
        out +=
          "<p class=\"meta\">Source: \(h(s))"
          + (e.link.map { " <a href=\"\(h($0))\">\(h($0))</a>" } ?? "")
          + "</p>\n"
      }
      if !e.tags.isEmpty {
        out +=
          "<p class=\"meta\">Tags: \(e.tags.map(h).joined(separator: ", "))</p>\n"
      }
      if let n = e.note {
        out +=
          "<p><strong>Note:</strong> \(h(n).replacingOccurrences(of: "\n", with: "<br>"))</p>\n"
      }
      if !e.figures.isEmpty {
        out +=
          "<table><tr><th>Figure</th><th>Value</th></tr>\n"
          + e.figures.map {
            "<tr><td>\(h($0.label))</td><td>\(h($0.value))</td></tr>\n"
          }.joined() + "</table>\n"
      }
      if !e.disputes.isEmpty {
        out +=
          "<table><tr><th>This record</th><th>Disputed with</th></tr>\n"
          + e.disputes.map {
            "<tr><td>\(h($0.mine))</td><td>\(h($0.theirs))</td></tr>\n"
          }.joined() + "</table>\n"
      }
      out += "</section>\n"
    }
    return out + "</body></html>\n"
  }

  /// HTML text and attribute escaping: `&`, `<`, `>`, `"`, `'`.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}
