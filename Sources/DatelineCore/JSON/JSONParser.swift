import Foundation

/// A strict RFC 8259 parser over UTF-8 bytes that never recurses without bound.
///
/// Why our own: Foundation's parsers drop duplicate keys silently, give no line and column,
/// and recurse on deep nesting. Containers deeper than `depthLimit` are skipped with an
/// explicit stack and come back as `.tooDeep`, so 10 000 nested brackets cannot overflow.
public struct JSONParser {
  let bytes: UnsafeRawBufferPointer
  var pos: Int
  let depthLimit: Int

  /// Parses exactly one JSON value filling `bytes` (surrounding white space allowed).
  ///
  /// `depthLimit` counts levels from the top of the buffer, `baseDepth` those outside it.
  public static func parse(
    _ bytes: UnsafeRawBufferPointer, depthLimit: Int = 64
  ) throws(JSONSyntaxError) -> JSONNode {
    var p = JSONParser(bytes: bytes, pos: 0, depthLimit: depthLimit)
    p.skipSpace()
    if p.pos >= bytes.count {
      throw p.error("expected a JSON value, got end of file")
    }
    let v = try p.value(depth: 0)
    p.skipSpace()
    if p.pos < bytes.count {
      throw p.error("unexpected \(p.describeHere()) after the JSON value")
    }
    return v
  }

  func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? pos, message: message)
  }

  func describeHere() -> String {
    guard pos < bytes.count else { return "end of file" }
    let b = bytes[pos]
    if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
    return String(format: "byte 0x%02X", b)
  }

  @inline(__always) mutating func skipSpace() {
    while pos < bytes.count {
      let b = bytes[pos]
      guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { break }
      pos += 1
    }
  }

  mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    let start = pos
    guard pos < bytes.count else {
      throw error("expected a value, got end of file")
    }
    switch bytes[pos] {
    case UInt8(ascii: "{"):
      if depth + 1 > depthLimit {
        try skipContainer()
        return JSONNode(.tooDeep, offset: start)
      }
      return try object(depth: depth + 1)
    case UInt8(ascii: "["):
      if depth + 1 > depthLimit {
        try skipContainer()
        return JSONNode(.tooDeep, offset: start)
      }
      return try array(depth: depth + 1)
    case UInt8(ascii: "\""):
      return JSONNode(.string(try string()), offset: start)
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONNode(.bool(true), offset: start)
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONNode(.bool(false), offset: start)
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONNode(.null, offset: start)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      var node = JSONNode(.number(try number()), offset: start)
      node.literal = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<pos]),
        as: UTF8.self)
      return node
    default:
      throw error("expected a value, got \(describeHere())")
    }
  }

  mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
    let n = word.utf8CodeUnitCount
    let w = UnsafeRawBufferPointer(start: word.utf8Start, count: n)
    guard pos + n <= bytes.count,
      memcmp(bytes.start + pos, w.start, n) == 0
    else {
      throw error("expected a value, got \(describeHere())")
    }
    pos += n
  }

  mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    let start = pos
    pos += 1
    var members: [JSONMember] = []
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
      pos += 1
      return JSONNode(.object(members), offset: start)
    }
    while true {
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
        throw error("expected a string key, got \(describeHere())")
      }
      let key = try string()
      skipSpace()
      guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
        throw error("expected ':' after a key, got \(describeHere())")
      }
      pos += 1
      skipSpace()
      let v = try value(depth: depth)
      members.append(JSONMember(key: key, value: v))
      skipSpace()
      guard pos < bytes.count else {
        throw error("expected ',' or '}', got end of file")
      }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "}") {
        pos += 1
        return JSONNode(.object(members), offset: start)
      }
      throw error("expected ',' or '}', got \(describeHere())")
    }
  }

  mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONNode {
    let start = pos
    pos += 1
    var items: [JSONNode] = []
    skipSpace()
    if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
      pos += 1
      return JSONNode(.array(items), offset: start)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth))
      skipSpace()
      guard pos < bytes.count else {
        throw error("expected ',' or ']', got end of file")
      }
      if bytes[pos] == UInt8(ascii: ",") {
        pos += 1
        continue
      }
      if bytes[pos] == UInt8(ascii: "]") {
        pos += 1
        return JSONNode(.array(items), offset: start)
      }
      throw error("expected ',' or ']', got \(describeHere())")
    }
  }

  /// Skips a container too deep to keep, checking its syntax with an explicit stack.
  mutating func skipContainer() throws(JSONSyntaxError) {
    var stack: [UInt8] = []
    repeat {
      skipSpace()
      guard pos < bytes.count else {
        throw error("unexpected end of file inside nesting")
      }
      let b = bytes[pos]
      switch b {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        stack.append(
          b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        pos += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        guard stack.last == b else {
          throw error("unexpected \(describeHere())")
        }
        stack.removeLast()
        pos += 1
      case UInt8(ascii: "\""):
        _ = try string()
      case UInt8(ascii: ","), UInt8(ascii: ":"):
        pos += 1
      default:
        // scalars only: containers are handled above
        _ = try value(depth: depthLimit)
      }
    } while !stack.isEmpty
  }

  /// A number as JSON writes it (RFC 8259 §6), read past; its value as a Double.
  mutating func number() throws(JSONSyntaxError) -> Double {
    let start = pos
    try numberSyntax()
    return JSONParser.numberValue(
      UnsafeRawBufferPointer(rebasing: bytes[start..<pos]))
  }

  @inline(__always) func digit(_ i: Int) -> Bool {
    i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39
  }

  /// Moves `pos` past a number: an optional minus, an integer part without leading
  /// zeros, an optional fraction and an optional exponent; throws where one is cut.
  mutating func numberSyntax() throws(JSONSyntaxError) {
    if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
    guard digit(pos) else {
      throw error("expected a digit in a number, got \(describeHere())")
    }
    if bytes[pos] == 0x30 {
      pos += 1
      if digit(pos) {
        throw error("a number may not start with 0 followed by digits")
      }
    } else {
      while digit(pos) { pos += 1 }
    }
    if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
      pos += 1
      guard digit(pos) else {
        throw error("expected a digit after '.', got \(describeHere())")
      }
      while digit(pos) { pos += 1 }
    }
    if pos < bytes.count,
      bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")
    {
      pos += 1
      if pos < bytes.count,
        bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")
      {
        pos += 1
      }
      guard digit(pos) else {
        throw error("expected a digit in the exponent, got \(describeHere())")
      }
      while digit(pos) { pos += 1 }
    }
  }

  /// The value of a number's valid text: integers that fit are exact without strtod;
  /// the rest go through the C library.
  static func numberValue(_ text: UnsafeRawBufferPointer) -> Double {
    if text.count <= 15 {
      var n = 0
      var neg = false
      var simple = true
      for b in text {
        if b == UInt8(ascii: "-") {
          neg = true
        } else if b >= 0x30 && b <= 0x39 {
          n = n * 10 + Int(b - 0x30)
        } else {
          simple = false
          break
        }
      }
      if simple { return Double(neg ? -n : n) }
    }
    return strtod(String(decoding: text, as: UTF8.self), nil)
  }

  mutating func string() throws(JSONSyntaxError) -> String {
    let open = pos
    pos += 1
    let start = pos
    // Fast path: no escapes, no controls: validate the slice as UTF-8 in one go.
    while pos < bytes.count {
      let b = bytes[pos]
      if b == UInt8(ascii: "\"") {
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<pos])
        pos += 1
        if let s = String(validating: slice, as: UTF8.self) { return s }
        throw error(
          "invalid UTF-8 in a string",
          at: start + (firstInvalidUTF8(slice) ?? 0))
      }
      if b == UInt8(ascii: "\\") || b < 0x20 { break }
      pos += 1
    }
    var buf: [UInt8] = Array(
      UnsafeRawBufferPointer(rebasing: bytes[start..<pos]))
    while pos < bytes.count {
      let b = bytes[pos]
      if b == UInt8(ascii: "\"") {
        pos += 1
        if let s = buf.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }
        ) {
          return s
        }
        throw error("invalid UTF-8 in a string", at: open)
      }
      if b < 0x20 {
        throw error(
          String(
            format:
              "control character 0x%02X in a string (write it as \\u%04X)", b, b
          ))
      }
      if b != UInt8(ascii: "\\") {
        buf.append(b)
        pos += 1
        continue
      }
      // not empty: pos < count
      let p = bytes.start.assumingMemoryBound(to: UInt8.self)
      switch JSONEscape.decode(p, count: bytes.count, at: pos, into: &buf) {
      case .decoded(let next): pos = next
      case .truncated: pos = bytes.count
      case .badHex(let at):
        throw error("expected 4 hex digits after \\u", at: at)
      case .unknown(let at):
        throw error(
          "invalid escape '\\\(Character(Unicode.Scalar(bytes[at])))' in a string",
          at: at - 1)
      }
    }
    throw error("unterminated string", at: open)
  }
}
