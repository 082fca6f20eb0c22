import DatelineCore
import Foundation

/// Writes a deterministic synthetic corpus (SCHEMA.md, schema 1) for benchmarks and tests.
///
/// `parties.json` (~30 parties, Zipf-like use, some parents), `sources.json` (one source
/// per ~20 records, inline texts of skewed sizes) and `records.jsonl` in generation order,
/// which is not date order. With `corruption > 0` a share of the items is broken in the
/// ways SCHEMA.md names (truncated lines, bad dates, duplicate ids, unknown references, bad
/// quotes, invalid UTF-8, deep nesting, …) so a loader can be compared with the reference.
public enum CorpusSynth {
  public struct Options: Sendable {
    public var records: Int
    public var seed: UInt64
    /// Share of records (0…1) that get one corruption; 0 writes a clean corpus.
    public var corruption: Double
    /// Records per source, on average.
    public var recordsPerSource: Int

    public init(
      records: Int, seed: UInt64 = 1, corruption: Double = 0,
      recordsPerSource: Int = 20
    ) {
      self.records = records
      self.seed = seed
      self.corruption = corruption
      self.recordsPerSource = recordsPerSource
    }

    var sources: Int { max(1, records / max(1, recordsPerSource)) }
  }

  /// What was written.
  public struct Summary: Sendable {
    public var parties: Int
    public var sources: Int
    public var records: Int
    public var corrupted: Int
  }

  /// Writes the corpus into `directory` (created if needed).
  @discardableResult
  public static func write(to directory: String, options: Options) throws
    -> Summary
  {
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true)
    let parties = SynthParties.make(seed: options.seed)
    var pw = try SynthWriter(path: directory + "/parties.json")
    SynthParties.write(parties, corrupt: options.corruption > 0, into: &pw)
    try pw.close()

    var sw = try SynthWriter(path: directory + "/sources.json")
    let extraFiles = SynthSources.write(options: options, into: &sw)
    try sw.close()
    for (name, bytes) in extraFiles {
      try AtomicFile.write(bytes, to: directory + "/" + name)
    }

    var rw = try SynthWriter(path: directory + "/records.jsonl")
    var gen = SynthRecords(options: options, parties: parties)
    let corrupted = gen.write(into: &rw)
    try rw.close()
    return Summary(
      parties: parties.count, sources: options.sources,
      records: options.records, corrupted: corrupted)
  }
}
