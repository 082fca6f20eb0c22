/// Precision, recall and F1 from counts.
public struct Score: Sendable, Equatable, CustomStringConvertible {
  public var truePositives = 0
  public var predicted = 0
  public var expected = 0

  public init(truePositives: Int = 0, predicted: Int = 0, expected: Int = 0) {
    self.truePositives = truePositives
    self.predicted = predicted
    self.expected = expected
  }

  public var precision: Double {
    predicted == 0 ? 0 : Double(truePositives) / Double(predicted)
  }
  public var recall: Double {
    expected == 0 ? 0 : Double(truePositives) / Double(expected)
  }
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }

  public static func + (a: Score, b: Score) -> Score {
    Score(
      truePositives: a.truePositives + b.truePositives,
      predicted: a.predicted + b.predicted,
      expected: a.expected + b.expected)
  }

  public var description: String {
    "P \(fixed(precision)) R \(fixed(recall)) F1 \(fixed(f1))  (\(truePositives) right of \(predicted) found, \(expected) expected)"
  }

  private func fixed(_ x: Double) -> String {
    let n = Int((x * 1000).rounded())
    return
      "\(n / 1000).\(String(repeating: "0", count: 3 - String(n % 1000).count))\(n % 1000)"
  }
}
