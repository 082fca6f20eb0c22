import Foundation
import Synchronization

/// A source's full text, held or loaded on first use.
///
/// Why lazy: a million records cite ~50 000 sources whose texts are ~160 MB; the loader
/// checks every quote against them once, in place in the mapped file, and keeps only
/// where each text is. The text is decoded again when a pane shows it (and kept while
/// it is the last one asked for, so scrolling a pane does not decode it again).
final class SourceText: Sendable, Hashable {
  enum Origin: Sendable {
    case value(String)
    /// The raw bytes in a mapping are the normalized text (no escapes, NFC-stable).
    case verbatim(MappedFile, Range<Int>)
    /// A JSON string body with escapes whose decoded text is NFC-stable: unescape only.
    case escaped(MappedFile, Range<Int>)
    /// A JSON string literal (quotes included) to decode and normalize.
    case literal(MappedFile, Range<Int>)
    /// A `text_path` file inside the data directory.
    case file(path: String, directory: String)
  }

  let origin: Origin
  private let cache = Mutex<String?>(nil)

  init(_ origin: Origin) { self.origin = origin }

  var text: String {
    if case .value(let s) = origin { return s }
    if let s = cache.withLock({ $0 }) { return s }
    let s: String
    switch origin {
    case .value(let v): s = v
    case .verbatim(let f, let r):
      s = String(decoding: UnsafeRawBufferPointer(rebasing: f.bytes[r]), as: UTF8.self)
    case .escaped(let f, let r):
      let b = JSONUnescape.bytes(f.base!.assumingMemoryBound(to: UInt8.self) + r.lowerBound, count: r.count)
      s = String(decoding: b, as: UTF8.self)
    case .literal(let f, let r):
      let raw = UnsafeRawBufferPointer(rebasing: f.bytes[r])
      let node = try? JSONParser.parse(raw)
      if case .string(let t)? = node?.value { s = ItemDecoding.normalizeText(t) } else { s = "" }
    case .file(let path, let directory):
      s = (try? TextPathReader.read(path, in: directory).get()) ?? ""
    }
    cache.withLock { $0 = s }
    return s
  }

  static func == (a: SourceText, b: SourceText) -> Bool { a === b || a.text == b.text }
  func hash(into h: inout Hasher) { h.combine(text) }
}
