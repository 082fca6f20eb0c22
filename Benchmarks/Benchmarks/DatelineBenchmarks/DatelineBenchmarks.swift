import Benchmark
import DatelineCore
import DatelineSynth
import Foundation

/// Core operations at 10k and 100k records: load (parse + validate + sort), the filter
/// behind a party key, a date range, and a search. Corpora are generated once per size
/// into a temporary directory with the same generator as scripts/bench-scale.sh.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
    maxIterations: 20)
  for size in [10_000, 100_000] {
    let dir = NSTemporaryDirectory() + "dateline-bench-\(size)"
    if !FileManager.default.fileExists(atPath: dir + "/records.jsonl") {
      _ = try? CorpusSynth.write(
        to: dir, options: .init(records: size, seed: 1))
    }
    Benchmark("load \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try CorpusLoader.load(directory: dir))
      }
    }
    // Re-open through the cache (CorpusCache), kept in a temporary folder for the run.
    setenv("XDG_CACHE_HOME", NSTemporaryDirectory() + "dateline-bench-cache", 1)
    setenv("DATELINE_CACHE_MIN_BYTES", "0", 1)
    _ = try? CorpusLoader.open(directory: dir)
    Benchmark("re-open (cache) \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try CorpusLoader.open(directory: dir))
      }
    }
    guard let corpus = try? CorpusLoader.load(directory: dir).corpus else {
      continue
    }
    let party = corpus.parties[0].id
    Benchmark("filter party \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        let rows = TimelineQuery(parties: PartyFilter([party])).run(on: corpus)
        blackHole(TimelineQuery.partyCounts(rows, in: corpus))
      }
    }
    Benchmark("filter dates \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(
          TimelineQuery(
            since: RecordDate.parse("2012"), until: RecordDate.parse("2013-06")
          ).run(on: corpus))
      }
    }
    Benchmark("search first 50 \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        let matcher = TextMatcher(["geneva"], corpus: corpus)
        var found = 0
        for i in corpus.records.indices where matcher.matches(i) {
          found += 1
          if found == 50 { break }
        }
        blackHole(found)
      }
    }
    // A word no record has: the whole timeline is tested (both cores, raw bytes first).
    let rows = Array(corpus.records.indices)
    Benchmark("search no match \(size)") { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(
          TextMatcher(["zzqx"], corpus: corpus).firstMatch(
            in: rows, from: 0, forward: true))
      }
    }
  }
}
