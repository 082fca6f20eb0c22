import Foundation

/// Where the quote phase reads its texts: a batch's reads, the files they came from,
/// and the pages it hands back after.
extension QuoteCheckPhase {
  /// The bytes of one batch's texts in their file: a file read window by window hands
  /// them back after the batch. Texts of one file come in file order, so no other batch
  /// reads within the span; a batch with texts in two files keeps them.
  struct TextSpan {
    var file: FileBytes?
    var range: Range<Int>?
    var mixed = false

    mutating func add(_ text: SourceText) {
      switch text.origin {
      case .verbatim(let f, let r), .escaped(let f, let r),
        .literal(let f, let r):
        guard f.isDeferred, file == nil || file === f else {
          mixed = mixed || file != nil
          return
        }
        file = f
        range =
          range.map {
            min($0.lowerBound, r.lowerBound)..<max($0.upperBound, r.upperBound)
          } ?? r
      default: break
      }
    }

    func release() {
      guard !mixed, let file, let range else { return }
      file.release(range)
    }
  }

  /// The bytes of range `r` of `f`: in place for a file in memory; for a file read
  /// window by window, read by `pread` into `buffer` (reused from text to text, so its
  /// pages are not cleared again for each: the file's own windows, handed back after
  /// the scan, would be), the file noted in `reads`.
  ///
  /// Guarantees: nil when a byte is not in the file or a read came short; the bytes
  /// read are the file's as it was opened only if `reads.unchanged()` after them (the
  /// batch asks once, after its last read, as `FileBytes.ensure` does after each).
  static func textBytes(
    _ f: FileBytes, _ r: Range<Int>, into buffer: TextBuffer,
    _ reads: inout TextReads
  ) -> UnsafeRawBufferPointer? {
    guard f.isDeferred else {
      return f.ensure(r) ? UnsafeRawBufferPointer(rebasing: f.bytes[r]) : nil
    }
    let at = buffer.room(r.count)
    guard
      f.copyBytes(
        at: r.lowerBound, length: r.count, to: at,
        descriptor: reads.descriptor(f))
    else { return nil }
    return UnsafeRawBufferPointer(start: at, count: r.count)
  }

  /// The files a batch read texts from by `pread`, with their descriptors: each file's
  /// identity is asked once, after the batch's reads, rather than after each text (an
  /// `fstat` and two turns of the file's lock per text, which both cores contended for).
  struct TextReads {
    private var files: [FileBytes] = []
    private var descriptors: [Int32] = []

    /// `f`'s descriptor for reads, asked of it once per batch.
    mutating func descriptor(_ f: FileBytes) -> Int32 {
      if let i = files.lastIndex(where: { $0 === f }) { return descriptors[i] }
      let fd = f.readDescriptor
      files.append(f)
      descriptors.append(fd)
      return fd
    }

    /// Whether every file read from is still the one opened (`unchangedSinceOpen`).
    func unchanged() -> Bool { files.allSatisfy { $0.unchangedSinceOpen() } }
  }

  /// Memory a batch reads its texts into: grown as needed, never shrunk, freed with
  /// the batch.
  final class TextBuffer {
    private var base: UnsafeMutableRawPointer?
    private var capacity = 0

    /// At least `count` bytes (what they held before is not kept).
    func room(_ count: Int) -> UnsafeMutableRawPointer {
      if let base, count <= capacity { return base }
      base?.deallocate()
      capacity = max(count, 2 * capacity, 1 << 16)
      let fresh = UnsafeMutableRawPointer.allocate(
        byteCount: capacity, alignment: 16)
      base = fresh
      return fresh
    }

    deinit { base?.deallocate() }
  }
}
