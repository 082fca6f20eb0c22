import Foundation

/// The generated sources: inline texts built from `SynthText.sentence`, skewed in size.
enum SynthSources {
  static func id(_ s: Int) -> String { "s" + pad(s, 7) }

  /// The text of source `s` as it is meant to read (NFC, LF line ends).
  static func text(_ s: Int, seed: UInt64) -> String {
    let n = SynthText.sentenceCount(source: s, seed: seed)
    var out = ""
    out.reserveCapacity(n * 100)
    for k in 0..<n {
      if k > 0 { out += k % 5 == 0 ? "\n\n" : " " }
      out += SynthText.sentence(source: s, index: k)
    }
    return out
  }

  /// Writes `sources.json`; returns extra files (text_path texts) to write beside it.
  static func write(options: CorpusSynth.Options, into w: inout SynthWriter)
    -> [(String, [UInt8])]
  {
    var extra: [(String, [UInt8])] = []
    let corrupt = options.corruption > 0
    w.raw("{\"schema\": 1, \"type\": \"sources\", \"items\": [\n")
    for s in 0..<options.sources {
      var r = SynthRandom(seed: options.seed &+ UInt64(s) &* 31)
      w.raw(s == 0 ? "{" : ",\n{")
      let special = corrupt ? s % 50 : -1
      w.field("id", special == 4 && s > 4 ? id(s - 4) : id(s), first: true)
      if special != 5 { w.field("outlet", r.pick(SynthText.outlets)) }
      w.field("title", "Report \(s): " + r.pick(SynthText.objects))
      if r.chance(0.5) { w.field("url", "https://example.org/reports/\(s)") }
      if r.chance(0.8) {
        w.field(
          "published",
          "\(2005 + r.below(20))-\(pad(1 + r.below(12), 2))-\(pad(1 + r.below(28), 2))"
        )
      }
      let text = self.text(s, seed: options.seed)
      switch special {
      case 1:
        let name = "source-\(s).txt"
        extra.append(
          (name, Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)))
        w.field("text_path", name)
      case 2: w.field("text", text.replacingOccurrences(of: "\n", with: "\r\n"))
      case 3: w.field("text", text.decomposedStringWithCanonicalMapping)
      case 6:
        // Escapes that decode to the same text: \u00fc for ü, \/ for /.
        w.key("text")
        var esc = SynthWriter.escapeBytes(text)
        esc = esc.replacing(Array("ü".utf8), with: Array("\\u00fc".utf8))
        w.raw(esc)
      default: w.field("text", text)
      }
      w.raw("}")
      w.flush()
    }
    w.raw("\n]}\n")
    return extra
  }
}

/// `n` as a decimal string padded with zeros to `width`.
func pad(_ n: Int, _ width: Int) -> String {
  let s = String(n)
  return s.count >= width
    ? s : String(repeating: "0", count: width - s.count) + s
}

extension SynthWriter {
  /// The JSON string literal for `s`, as bytes.
  static func escapeBytes(_ s: String) -> [UInt8] {
    var w = SynthWriter()
    w.string(s)
    return w.bytes
  }
}

extension Array where Element == UInt8 {
  /// Every occurrence of `a` replaced by `b`.
  func replacing(_ a: [UInt8], with b: [UInt8]) -> [UInt8] {
    guard !a.isEmpty else { return self }
    var out: [UInt8] = []
    out.reserveCapacity(count)
    var i = 0
    while i < count {
      if i + a.count <= count && self[i..<(i + a.count)].elementsEqual(a) {
        out.append(contentsOf: b)
        i += a.count
      } else {
        out.append(self[i])
        i += 1
      }
    }
    return out
  }
}
