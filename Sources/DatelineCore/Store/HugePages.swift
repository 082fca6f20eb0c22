import Foundation

/// Asks the kernel for huge pages (2 MB) over memory that is about to be written whole.
///
/// Why: the first pass's sort keys and store columns are written once, ten million rows
/// at a time, and the columns gathered in timeline order; in 4 KB pages each page was a
/// fault to clear and nearly every random access a TLB miss as well. Only the 2 MB-aligned
/// part of a range is asked for, so memory malloc placed next to it is not touched.
/// (Tried and not kept: the bucket order and the id tables in huge pages too; 10M and
/// 1M CPU did not move beyond the noise of a loaded machine, 1M page faults 20k -> 12k.)
enum HugePages {
  /// Huge pages for the aligned part of `bytes` at `p` (MADV_HUGEPAGE; a no-op where the
  /// kernel does not give them).
  static func prefer(_ p: UnsafeRawPointer, bytes: Int) {
    let huge = 2 << 20
    let start = (UInt(bitPattern: p) + UInt(huge - 1)) & ~UInt(huge - 1)
    let end = (UInt(bitPattern: p) + UInt(bytes)) & ~UInt(huge - 1)
    guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start)
    else { return }
    // MADV_HUGEPAGE (14), as FileBytes.allocate asks for its windows.
    madvise(aligned, Int(end - start), 14)
  }

  /// Huge pages for a column's values (one allocated, not yet written).
  static func prefer<T>(_ column: Column<T>) {
    prefer(
      UnsafeRawPointer(column.values),
      bytes: column.count * MemoryLayout<T>.stride)
  }
}
