import Foundation
import Synchronization

/// A source's full text, held or loaded on first use.
///
/// Why lazy: a million records cite ~50 000 sources whose texts are ~160 MB; the loader
/// checks every quote against them once, in place in the file's bytes, and keeps only
/// where each text is. The text is decoded again when a pane shows it (and kept while
/// it is the last one asked for, so scrolling a pane does not decode it again).
final class SourceText: Sendable, Hashable {
  enum Origin: Sendable {
    case value(String)
    /// The raw bytes in a file are the normalized text (no escapes, NFC-stable).
    case verbatim(FileBytes, Range<Int>)
    /// A JSON string body with escapes whose decoded text is NFC-stable: unescape only.
    case escaped(FileBytes, Range<Int>)
    /// A JSON string literal (quotes included) to decode and normalize.
    case literal(FileBytes, Range<Int>)
    /// A `text_path` file inside the data directory.
    case file(path: String, directory: String)
  }

  let origin: Origin
  private let cache = Mutex<String?>(nil)

  init(_ origin: Origin) { self.origin = origin }

  /// The text; the notice that the data changed when its file changed before it could be
  /// read (see `read`, which says so as a value).
  var text: String { (try? read().get()) ?? DataReadProblem.notice }

  /// The text as it was loaded, or the file that changed before it could be read.
  func read() -> Result<String, DataReadProblem> {
    if case .value(let s) = origin { return .success(s) }
    if let s = cache.withLock({ $0 }) { return .success(s) }
    let s: String
    switch origin {
    case .value(let v): s = v
    case .verbatim(let f, let r):
      guard f.ensure(r) else { return .failure(.dataChanged(file: f.path)) }
      s = String(
        decoding: UnsafeRawBufferPointer(rebasing: f.bytes[r]), as: UTF8.self)
    case .escaped(let f, let r):
      guard f.ensure(r), let base = f.base else {
        return .failure(.dataChanged(file: f.path))
      }
      let b = JSONEscape.unescaped(
        base.assumingMemoryBound(to: UInt8.self) + r.lowerBound, count: r.count)
      s = String(decoding: b, as: UTF8.self)
    case .literal(let f, let r):
      guard f.ensure(r) else { return .failure(.dataChanged(file: f.path)) }
      let raw = UnsafeRawBufferPointer(rebasing: f.bytes[r])
      guard case .string(let t)? = (try? JSONParser.parse(raw))?.value else {
        return .failure(.dataChanged(file: f.path))
      }
      s = ItemDecoding.normalizeText(t)
    case .file(let path, let directory):
      // A text_path file is read when shown; what it holds now is what is shown.
      s = (try? TextPathReader.read(path, in: directory).get()) ?? ""
    }
    cache.withLock { $0 = s }
    return .success(s)
  }

  static func == (a: SourceText, b: SourceText) -> Bool {
    a === b || a.text == b.text
  }
  func hash(into h: inout Hasher) { h.combine(text) }
}
