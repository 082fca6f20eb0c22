/// A reported local time of day, `HH:MM`, used only to order and label records within a day.
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible
{
  /// Minutes after midnight, 0…1439.
  public let minutes: Int16

  public init?(_ text: String) {
    let u = Array(text.utf8)
    guard u.count == 5, u[2] == 0x3A else { return nil }
    func d(_ i: Int) -> Int? {
      (0x30...0x39).contains(u[i]) ? Int(u[i] - 0x30) : nil
    }
    guard let h1 = d(0), let h2 = d(1), let m1 = d(3), let m2 = d(4) else {
      return nil
    }
    let h = h1 * 10 + h2
    let m = m1 * 10 + m2
    guard h < 24, m < 60 else { return nil }
    minutes = Int16(h * 60 + m)
  }

  public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
    a.minutes < b.minutes
  }

  public var description: String {
    "\(pad(Int(minutes) / 60, 2)):\(pad(Int(minutes) % 60, 2))"
  }

  /// Validates a `utc_offset` such as `+02:00` or `-05:30`.
  public static func isValidOffset(_ text: String) -> Bool {
    let u = Array(text.utf8)
    guard u.count == 6, u[0] == 0x2B || u[0] == 0x2D, u[3] == 0x3A else {
      return false
    }
    for i in [1, 2, 4, 5] where !(0x30...0x39).contains(u[i]) { return false }
    let h = Int(u[1] - 0x30) * 10 + Int(u[2] - 0x30)
    let m = Int(u[4] - 0x30) * 10 + Int(u[5] - 0x30)
    return h <= 14 && m < 60
  }
}
