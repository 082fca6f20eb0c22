import Foundation

/// The fast scan of one source object: its fields, and where its text is, undecoded.
///
/// As with records, a scan that succeeds means the reference would find nothing to say;
/// `text_path` sources always go to the reference (they read another file).
struct SourceItemScan {
  var id: ScannedString
  var outlet: String
  var title: String
  var url: String?
  var published: RecordDate?
  var publishedInferred: Bool
  var updated: RecordDate?
  var via: String?
  /// The text's JSON string, and whether its raw bytes are already the normalized text.
  var text: ScannedString
  var verbatim: Bool { !text.escaped && text.nfcStable }

  /// Scans one source object; nil when anything is unusual (the reference then reads it
  /// and says what is wrong).
  static func scan(_ bytes: UnsafeRawBufferPointer, depthBase: Int)
    -> SourceItemScan?
  {
    guard bytes.count < Int(UInt32.max) else { return nil }
    var s = ByteScanner(bytes, depthBase: depthBase)
    var members = Members()
    let ok = s.object(depth: 1) { s, key in members.read(&s, key: key) }
    s.skipSpace()
    guard ok, s.pos == s.end, let id = members.id,
      let outlet = members.outlet, let title = members.title,
      let text = members.text
    else { return nil }
    return SourceItemScan(
      id: id, outlet: outlet, title: title, url: members.url,
      published: members.published, publishedInferred: members.inferred,
      updated: members.updated, via: members.via, text: text)
  }

  /// The members of one source object read so far.
  private struct Members {
    var id: ScannedString?
    var outlet: String?
    var title: String?
    var url: String?
    var published: RecordDate?
    var inferred = false
    var updated: RecordDate?
    var via: String?
    var text: ScannedString?

    /// Reads the value of member `key`: its bit in the object's seen-set, or nil when
    /// the key is unknown or its value is not one the fast scan accepts.
    mutating func read(_ s: inout ByteScanner, key: ScannedString) -> UInt64? {
      switch key.rawCount {
      case 2 where s.equals(key, "id"):
        id = s.id()
        return id == nil ? nil : 1
      case 6 where s.equals(key, "outlet"):
        outlet = Self.string(&s, visible: true)
        return outlet == nil ? nil : 2
      case 5 where s.equals(key, "title"):
        title = Self.string(&s, visible: true)
        return title == nil ? nil : 4
      case 3 where s.equals(key, "url"):
        url = Self.string(&s)
        return url == nil ? nil : 8
      case 9 where s.equals(key, "published"):
        published = s.date()
        return published == nil ? nil : 16
      case 18 where s.equals(key, "published_inferred"):
        guard let b = s.bool() else { return nil }
        inferred = b
        return 32
      case 7 where s.equals(key, "updated"):
        updated = s.date()
        return updated == nil ? nil : 64
      case 3 where s.equals(key, "via"):
        via = Self.string(&s)
        return via == nil ? nil : 128
      case 4 where s.equals(key, "text"):
        s.skipSpace()
        guard let v = s.string(), !v.hasControl else { return nil }
        text = v
        return 256
      default: return nil
      }
    }

    /// A string value decoded (escapes resolved); nil when it is not a string, or
    /// `visible` is asked and it is blank.
    static func string(_ s: inout ByteScanner, visible: Bool = false) -> String?
    {
      guard let v = s.text(), !visible || v.visible else { return nil }
      return v.escaped
        ? RecordItemScan.decodeString(
          s.base + v.start - 1, count: v.rawCount + 2)
        : String(
          decoding: UnsafeBufferPointer(
            start: s.base + v.start, count: v.rawCount), as: UTF8.self)
    }
  }
}
