import Foundation

/// The generator's random source: SplitMix64, so one seed always gives the same corpus.
///
/// Steele, Lea and Flood, "Fast splittable pseudorandom number generators" (2014); the
/// constants are those of Java's SplittableRandom. Deterministic across platforms, unlike
/// `SystemRandomNumberGenerator`.
public struct SynthRandom: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform integer in `0..<n` (n > 0).
  public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// True with probability `p`.
  public mutating func chance(_ p: Double) -> Bool {
    Double(next() >> 11) / Double(1 << 53) < p
  }

  /// A uniform double in `0..<1`.
  public mutating func unit() -> Double {
    Double(next() >> 11) / Double(1 << 53)
  }

  public mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// An index in `0..<n` with Zipf-like weights (1/(i+1)): a few items are picked often.
  public mutating func zipf(_ cumulative: [Double]) -> Int {
    let x = unit() * (cumulative.last ?? 1)
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) / 2
      if cumulative[mid] < x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// Cumulative Zipf weights for `n` items.
  public static func zipfTable(_ n: Int, exponent: Double = 1.0) -> [Double] {
    var total = 0.0
    return (0..<n).map { i in
      total += 1.0 / pow(Double(i + 1), exponent)
      return total
    }
  }
}
