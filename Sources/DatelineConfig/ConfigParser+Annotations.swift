import Foundation
import TOMLKit

extension ConfigParser.Reader {
  static let annotationKeys = ["author", "location", "restore"]

  /// `[annotations]`: `author = "ana"`, `location = "data" | "user"`, `restore = false`.
  mutating func readAnnotations(_ table: TOMLTable?, path: String) {
    guard let table else {
      return warn(path, "annotations must be a table: [annotations]")
    }
    for key in table.keys {
      let p = path + "." + key
      switch key {
      case "author":
        guard let s = table[key]?.string,
          !s.trimmingCharacters(in: .whitespaces).isEmpty
        else {
          warn(p, "author must be a name in quotes")
          continue
        }
        config.annotating.author = s
      case "location":
        switch table[key]?.string {
        case "data": config.annotating.outsideData = false
        case "user": config.annotating.outsideData = true
        default:
          warn(
            p,
            "location must be \"data\" (annotations/ in the data directory) or \"user\" ($XDG_DATA_HOME/dateline)"
          )
        }
      case "restore":
        guard let b = table[key]?.bool else {
          warn(p, "restore must be true or false")
          continue
        }
        config.annotating.restore = b
      default:
        let known = ConfigParser.Reader.annotationKeys.joined(separator: ", ")
        warn(p, "unknown setting \"\(key)\" in [annotations] (known: \(known))")
      }
    }
  }
}
