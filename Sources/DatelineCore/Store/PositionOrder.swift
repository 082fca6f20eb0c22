/// The order of items by where their bytes lie in memory (the mapped files), for passes
/// that should read the files front to back: a permutation of `pointers`' indexes, by
/// address, those without bytes (records held in memory) last.
///
/// Why a radix sort on the addresses: a comparison sort of a million took longer than the
/// sweep it serves; this is three passes of 11 bits over a 495 MB span.
enum PositionOrder {
  static func of(_ pointers: [UnsafeRawPointer?]) -> [Int32] {
    let n = pointers.count
    var lowest = UInt.max
    var highest: UInt = 0
    for p in pointers {
      guard let p else { continue }
      let a = UInt(bitPattern: p)
      lowest = min(lowest, a)
      highest = max(highest, a)
    }
    guard highest >= lowest else { return (0..<n).map { Int32($0) } }
    // Offsets from the lowest address; an item without bytes sorts last.
    let keys = pointers.map {
      $0.map { UInt(bitPattern: $0) - lowest } ?? (highest - lowest + 1)
    }
    let bitsNeeded = UInt.bitWidth - (highest - lowest + 1).leadingZeroBitCount
    var order = (0..<n).map { Int32($0) }
    var other = order
    let digit = 11
    var shift = 0
    while shift < bitsNeeded {
      var counts = [Int](repeating: 0, count: (1 << digit) + 1)
      for i in order {
        counts[Int(keys[Int(i)] >> UInt(shift)) & ((1 << digit) - 1) + 1] += 1
      }
      for d in 1..<counts.count { counts[d] += counts[d - 1] }
      for i in order {
        let d = Int(keys[Int(i)] >> UInt(shift)) & ((1 << digit) - 1)
        other[counts[d]] = i
        counts[d] += 1
      }
      swap(&order, &other)
      shift += digit
    }
    return order
  }
}
