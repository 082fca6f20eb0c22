/// Two texts in two columns with a bar between, each wrapped to its half: the two sides
/// of a dispute read across, as a reader compares them.
public enum SideBySide {
  /// The rows for `width` columns; each text is sanitized and wrapped to its half.
  public static func rows(left: String, right: String, width: Int) -> [String] {
    let half = max(1, (width - 3) / 2)
    let l = Truncation.wrap(Sanitizer.clean(left), toColumns: half)
    let r = Truncation.wrap(Sanitizer.clean(right), toColumns: half)
    return (0..<max(l.count, r.count)).map { i in
      let a = i < l.count ? l[i] : ""
      let b = i < r.count ? r[i] : ""
      return Truncation.fit(a, toColumns: half) + " │ " + b
    }
  }
}
