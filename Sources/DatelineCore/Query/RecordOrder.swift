/// Timeline order, exactly as SCHEMA.md "Order" gives it.
///
/// First day covered, then finer precision first, then last day covered (a point before
/// the span that starts with it), then time (records with a time first, earlier first,
/// as written), then id in byte order.
public enum RecordOrder {
  public static func precedes(_ a: Record, _ b: Record) -> Bool {
    if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
    if a.date.precision != b.date.precision { return a.date.precision < b.date.precision }
    if a.lastDay != b.lastDay { return a.lastDay < b.lastDay }
    switch (a.time, b.time) {
    case (let x?, let y?) where x != y: return x < y
    case (.some, nil): return true
    case (nil, .some): return false
    default: break
    }
    return a.id < b.id
  }
}
