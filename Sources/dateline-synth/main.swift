import DatelineCore
import DatelineSynth
import Foundation

/// `dateline-synth DIR --records N [--seed S] [--corruption P]`: writes a synthetic corpus.
///
/// A separate executable so the shipped `dateline` carries no generator; benchmarks and
/// scripts/bench-scale.sh call it.
let args = Array(CommandLine.arguments.dropFirst())
func value(_ flag: String) -> String? {
  guard let i = args.firstIndex(of: flag), i + 1 < args.count else {
    return nil
  }
  return args[i + 1]
}
guard let dir = args.first, !dir.hasPrefix("-") else {
  _ = DescriptorWrite.all(
    Array(
      "usage: dateline-synth DIR --records N [--seed S] [--corruption P]\n".utf8
    ), to: 2)
  exit(2)
}
let records =
  value("--records").flatMap { Int($0.replacingOccurrences(of: "_", with: "")) }
  ?? 10_000
let seed = value("--seed").flatMap { UInt64($0) } ?? 1
let corruption = value("--corruption").flatMap { Double($0) } ?? 0
do {
  let s = try CorpusSynth.write(
    to: dir,
    options: .init(records: records, seed: seed, corruption: corruption))
  print(
    "\(dir): \(s.parties) parties, \(s.sources) sources, \(s.records) records, \(s.corrupted) corrupted"
  )
} catch {
  _ = DescriptorWrite.all(Array("dateline-synth: \(error)\n".utf8), to: 2)
  exit(1)
}
