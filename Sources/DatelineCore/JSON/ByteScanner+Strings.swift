import CDatelineScan
import Foundation

/// What the scanner learned about one JSON string without decoding it.
///
/// 16 bytes (32-bit offsets, flags in one byte): the item scan keeps several of these per
/// record (a quote's exact, prefix and suffix), and copies of wider ones cost 8% of the
/// scan. Items of 4 GB or more never get here (the scans give them to the reference).
struct ScannedString {
  private var at: UInt32
  private var raw: UInt32
  private var width: UInt32
  private var flags: UInt8

  init(
    start: Int, rawCount: Int, escaped: Bool, hasControl: Bool, nfcStable: Bool,
    widthBound: Int, visible: Bool
  ) {
    at = UInt32(truncatingIfNeeded: start)
    raw = UInt32(truncatingIfNeeded: rawCount)
    width = UInt32(truncatingIfNeeded: widthBound)
    flags = 0
    self.escaped = escaped
    self.hasControl = hasControl
    self.nfcStable = nfcStable
    self.visible = visible
  }

  /// Offset of the first byte after the opening quote, and the raw byte count to the
  /// closing quote (escapes included).
  var start: Int {
    get { Int(at) }
    set { at = UInt32(truncatingIfNeeded: newValue) }
  }
  var rawCount: Int {
    get { Int(raw) }
    set { raw = UInt32(truncatingIfNeeded: newValue) }
  }
  /// An upper bound of the display width once sanitized (see `ByteScanner.string`).
  var widthBound: Int {
    get { Int(width) }
    set { width = UInt32(truncatingIfNeeded: newValue) }
  }

  @inline(__always) private func bit(_ k: UInt8) -> Bool {
    flags & (1 << k) != 0
  }
  @inline(__always) private mutating func set(_ k: UInt8, _ v: Bool) {
    if v { flags |= 1 << k } else { flags &= ~(1 << k) }
  }

  /// Contains a backslash escape: the raw bytes are not the decoded text.
  var escaped: Bool {
    get { bit(0) }
    set { set(0, newValue) }
  }
  /// A control character would be decoded (the reference warns; C0 other than tab and
  /// newline, DEL, C1, or CR).
  var hasControl: Bool {
    get { bit(1) }
    set { set(1, newValue) }
  }
  /// Every scalar is one whose NFC form is itself whatever follows (see `isNFCStable`).
  var nfcStable: Bool {
    get { bit(2) }
    set { set(2, newValue) }
  }
  /// Holds a character that is not white space, so a trimmed copy is not empty.
  var visible: Bool {
    get { bit(3) }
    set { set(3, newValue) }
  }
}

extension ByteScanner {
  /// Scans a string at `pos` (after white space), validating UTF-8 and escapes.
  ///
  /// Returns nil where the reference parser reports a syntax error (raw control bytes,
  /// invalid UTF-8, a bad escape, no closing quote). Runs of plain text are taken 32 bytes
  /// at a time by `dl_string_run` (printable ASCII and the common scalars that need no
  /// closer look); the byte it stops at is read here, strictly.
  mutating func string() -> ScannedString? {
    guard pos < end, base[pos] == 0x22 else { return nil }
    pos += 1
    var s = ScannedString(
      start: pos, rawCount: 0, escaped: false, hasControl: false,
      nfcStable: true, widthBound: 0,
      visible: false)
    var i = pos
    while true {
      var visible: Int32 = s.visible ? 1 : 0
      var width: UInt32 = 0
      i += dl_string_run(base + i, end - i, &width, &visible)
      if visible != 0 { s.visible = true }
      s.widthBound += Int(width)
      guard i < end else { return nil }
      let b = base[i]
      if b == 0x22 {
        s.rawCount = i - s.start
        pos = i + 1
        return s
      }
      if b < 0x20 { return nil }
      if b < 0x7F {
        if b == 0x5C {
          guard let next = escape(at: i, &s) else { return nil }
          i = next
          continue
        }
        if b != 0x20 { s.visible = true }
        s.widthBound += 1
        i += 1
        continue
      }
      guard let next = multibyte(at: i, &s) else { return nil }
      i = next
    }
  }

  /// One escape at `i` (the backslash); returns the offset after it.
  private func escape(at i: Int, _ s: inout ScannedString) -> Int? {
    guard i + 1 < end else { return nil }
    s.escaped = true
    switch base[i + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
      s.visible = true
      s.widthBound += 1
      return i + 2
    case UInt8(ascii: "n"), UInt8(ascii: "t"):
      s.widthBound += 1
      return i + 2
    case UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "r"):
      s.hasControl = true
      s.widthBound += 1
      return i + 2
    case UInt8(ascii: "u"):
      guard
        case .success(let scalar) = JSONEscape.scalar(
          base, count: end, at: i + 2)
      else { return nil }
      account(scalar.value, &s)
      return scalar.next
    default:
      return nil
    }
  }

  /// One multi-byte UTF-8 scalar at `i`, validated by the parser's own decoder.
  private func multibyte(at i: Int, _ s: inout ScannedString) -> Int? {
    guard let decoded = decodeUTF8Scalar(base, at: i, end: end) else {
      return nil
    }
    account(decoded.scalar, &s)
    return decoded.next
  }

  /// Adds one decoded scalar to what is known of the string.
  private func account(_ v: UInt32, _ s: inout ScannedString) {
    if v < 0x20 {
      if v != 0x09 && v != 0x0A { s.hasControl = true }
    } else if v == 0x7F || (0x80..<0xA0).contains(v) {
      s.hasControl = true
    }
    if !ScannedString.isWhiteSpace(v) && v > 0x20 { s.visible = true }
    if !ScannedString.isNFCStable(v) { s.nfcStable = false }
    s.widthBound += v < 0x800 ? 1 : 2
  }
}

extension ScannedString {
  /// Foundation's `whitespacesAndNewlines` outside ASCII: Z* plus U+0085.
  static func isWhiteSpace(_ v: UInt32) -> Bool { dl_scalar_is_space(v) != 0 }

  /// Scalars that are their own NFC and never compose with a neighbour that is also one of
  /// these (NFC_Quick_Check=Yes, canonical combining class 0, not a composition partner).
  ///
  /// Why a list: a text made only of these is already NFC, so the reference's
  /// `precomposedStringWithCanonicalMapping` would return it unchanged and the raw bytes
  /// can be searched in place. Anything else (combining marks, Hangul jamo, singletons)
  /// goes through Foundation. The table is C's (`dl_scalar_is_nfc_stable`): the record
  /// walk reads it too.
  static func isNFCStable(_ v: UInt32) -> Bool {
    dl_scalar_is_nfc_stable(v) != 0
  }
}
