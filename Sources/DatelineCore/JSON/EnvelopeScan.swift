import CDatelineScan
import Foundation

/// Finds the items of a standard envelope without building a tree.
///
/// Succeeds only for `{"schema": 1, "type": T, "items": [...]}` with exactly those three
/// keys and a file that is valid JSON throughout; anything else (a syntax error, an odd
/// root) returns nil and the file goes to the reference reader, which words the message.
struct EnvelopeScan {
  var type: CorpusLoader.ItemType
  /// Byte ranges of the elements of `items`, in order.
  var items: [Range<Int>]

  /// The `type` an envelope declares before its `items` (only `schema` may come first),
  /// without reading the items; nil when it is not written that way. A guess to plan the
  /// work by: `scan` still checks the whole envelope.
  static func declaredType(_ bytes: UnsafeRawBufferPointer) -> CorpusLoader
    .ItemType?
  {
    guard bytes.count > 0, bytes.count < Int(UInt32.max) else { return nil }
    var s = ByteScanner(bytes)
    guard s.expect(UInt8(ascii: "{")) else { return nil }
    for _ in 0..<2 {
      s.skipSpace()
      guard let key = s.string(), !key.escaped, s.expect(UInt8(ascii: ":"))
      else { return nil }
      if s.equals(key, "type") {
        guard let v = s.plainString() else { return nil }
        if s.equals(v, "sources") { return .sources }
        if s.equals(v, "records") { return .records }
        if s.equals(v, "parties") { return .parties }
        return nil
      }
      guard s.equals(key, "schema"), s.number() != nil,
        s.expect(UInt8(ascii: ","))
      else { return nil }
    }
    return nil
  }

  /// `onItem` is told each item's range as soon as the item is skipped, while the
  /// bytes up to its end are the last the scan read (a caller reading the file as the
  /// scan goes reads ahead and hands back behind there).
  ///
  /// `checkStrings` false: the strings inside the items are only delimited (their UTF-8,
  /// controls and escapes not checked), for a caller that checks each item itself and
  /// scans again with the check when an item fails its own (the sources job: a text is
  /// then checked once, by the item scan, instead of twice).
  static func scan(
    _ bytes: UnsafeRawBufferPointer, checkStrings: Bool = true,
    onItem: (Range<Int>) -> Void = { _ in }
  ) -> EnvelopeScan? {
    // Offsets in ScannedString are 32-bit: a 4 GB envelope goes to the reference reader.
    guard bytes.count > 0, bytes.count < Int(UInt32.max) else { return nil }
    var s = ByteScanner(bytes)
    var type: CorpusLoader.ItemType?
    var items: [Range<Int>]?
    var schema = false
    let ok = s.object(depth: 1) { s, key in
      if s.equals(key, "schema") {
        schema = s.number() == 1
        return schema ? 1 : nil
      }
      if s.equals(key, "type") {
        guard let v = s.plainString() else { return nil }
        type =
          s.equals(v, "parties")
          ? .parties
          : s.equals(v, "sources")
            ? .sources : s.equals(v, "records") ? .records : nil
        return type == nil ? nil : 2
      }
      if s.equals(key, "items") {
        var list: [Range<Int>] = []
        guard s.expect(UInt8(ascii: "[")) else { return nil }
        if s.expect(UInt8(ascii: "]")) {
          items = list
          return 4
        }
        repeat {
          s.skipSpace()
          let start = s.pos
          guard s.skipSyntax(checkStrings: checkStrings) else { return nil }
          list.append(start..<s.pos)
          onItem(start..<s.pos)
        } while s.expect(UInt8(ascii: ","))
        guard s.expect(UInt8(ascii: "]")) else { return nil }
        items = list
        return 4
      }
      return nil
    }
    // `object` lets x_ keys through; the reference accepts them silently at the root too,
    // but with them the root is not the plain shape: leave it to the reference.
    s.skipSpace()
    guard ok, s.pos == s.end, schema, let type, let items else { return nil }
    return EnvelopeScan(type: type, items: items)
  }
}

extension ByteScanner {
  /// Skips one value checking only its syntax (any depth, with an explicit stack); with
  /// `checkStrings` false its strings are only delimited (`skipStringUnchecked`).
  mutating func skipSyntax(checkStrings: Bool = true) -> Bool {
    func str(_ s: inout ByteScanner) -> Bool {
      checkStrings ? s.string() != nil : s.skipStringUnchecked()
    }
    var stack: [UInt8] = []
    repeat {
      skipSpace()
      guard pos < end else { return false }
      switch base[pos] {
      case UInt8(ascii: "{"):
        pos += 1
        if expect(UInt8(ascii: "}")) { break }
        stack.append(UInt8(ascii: "}"))
        skipSpace()
        guard str(&self), expect(UInt8(ascii: ":")) else { return false }
        continue
      case UInt8(ascii: "["):
        pos += 1
        if expect(UInt8(ascii: "]")) { break }
        stack.append(UInt8(ascii: "]"))
        continue
      case UInt8(ascii: "\""):
        guard str(&self) else { return false }
      case UInt8(ascii: "t"): guard literal("true") else { return false }
      case UInt8(ascii: "f"): guard literal("false") else { return false }
      case UInt8(ascii: "n"): guard literal("null") else { return false }
      default:
        guard syntaxNumber() else { return false }
      }
      // After a value: a comma (then the next member or element) or closing brackets.
      while let close = stack.last {
        skipSpace()
        guard pos < end else { return false }
        if base[pos] == UInt8(ascii: ",") {
          pos += 1
          if close == UInt8(ascii: "}") {
            skipSpace()
            guard str(&self), expect(UInt8(ascii: ":")) else {
              return false
            }
          }
          break
        }
        guard base[pos] == close else { return false }
        pos += 1
        stack.removeLast()
      }
    } while !stack.isEmpty
    return true
  }

  /// Skips a string at `pos` to its closing quote, a backslash taking the byte after it,
  /// without checking its content: where it is valid, the end `string()` finds.
  mutating func skipStringUnchecked() -> Bool {
    guard pos < end, base[pos] == 0x22 else { return false }
    var i = pos + 1
    while i < end {
      i += dl_quote_or_backslash(base + i, end - i)
      guard i < end else { return false }
      if base[i] == 0x22 {
        pos = i + 1
        return true
      }
      i += 2
    }
    return false
  }

  /// A number's syntax only (its range is an item's problem, not the file's).
  mutating func syntaxNumber() -> Bool {
    let save = pos
    if number() != nil { return true }
    // number() also refuses literals beyond a double: accept those if the syntax holds.
    pos = save
    if pos < end && base[pos] == UInt8(ascii: "-") { pos += 1 }
    func digit(_ i: Int) -> Bool {
      i < end && base[i] >= 0x30 && base[i] <= 0x39
    }
    guard digit(pos) else { return false }
    if base[pos] == 0x30 {
      pos += 1
      if digit(pos) { return false }
    } else {
      while digit(pos) { pos += 1 }
    }
    if pos < end && base[pos] == UInt8(ascii: ".") {
      pos += 1
      guard digit(pos) else { return false }
      while digit(pos) { pos += 1 }
    }
    if pos < end
      && (base[pos] == UInt8(ascii: "e") || base[pos] == UInt8(ascii: "E"))
    {
      pos += 1
      if pos < end
        && (base[pos] == UInt8(ascii: "+") || base[pos] == UInt8(ascii: "-"))
      {
        pos += 1
      }
      guard digit(pos) else { return false }
      while digit(pos) { pos += 1 }
    }
    return true
  }
}
