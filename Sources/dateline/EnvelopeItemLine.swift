import DatelineCore
import Foundation

/// The line an envelope's item starts on, for opening the editor at an error of that item.
///
/// Why here and not in the load: the store keeps no file positions, and Enter on an
/// error is rare, so the file is parsed again when asked. Only a regular file of at most
/// `limit` bytes is read (a FIFO named `x.json` must not block the browser, nor a huge
/// file stall it); anything else, or a file that changed so the item is gone, gives nil
/// and the editor opens at the top.
enum EnvelopeItemLine {
  static let limit = 256 << 20

  /// The 1-based line of `items[item]` in the envelope at `path`.
  static func find(item: Int, in path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG,
      Int(st.st_size) <= limit,
      let data = FileManager.default.contents(atPath: path)
    else { return nil }
    let bytes = [UInt8](data)
    let root = bytes.withUnsafeBytes { try? JSONParser.parse($0) }
    guard case .object(let members)? = root?.value,
      case .array(let items)? = members.last(where: { $0.key == "items" })?
        .value.value,
      items.indices.contains(item)
    else { return nil }
    let offset = min(items[item].offset, bytes.count)
    return 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
}
