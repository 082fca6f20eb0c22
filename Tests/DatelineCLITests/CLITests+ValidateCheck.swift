import DatelineCore
import DatelineSynth
import Foundation
import XCTest

/// `validate` runs the check without a store (`CorpusLoader.check`): its stdout, stderr
/// and exit status are what a full load of the same files gives (its issues, then the
/// annotations' own, then the summary), on clean and corrupted generated corpora.
extension CLITests {
  func testValidateSaysWhatAFullLoadSaysOnGeneratedCorpora() throws {
    for (seed, corruption) in [(31, 0.0), (32, 0.3), (33, 0.9)] {
      let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
        "dateline-validate-\(UUID().uuidString)"
      ).path
      addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
      try CorpusSynth.write(
        to: dir,
        options: .init(
          records: 800, seed: UInt64(seed), corruption: corruption))
      let full = try CorpusLoader.load(directory: dir)
      // Annotations of a loaded record, of every line's id (left out, duplicates) and of
      // one no record has.
      let lines = try Data(
        contentsOf: URL(fileURLWithPath: dir + "/records.jsonl")
      ).split(separator: 0x0A)
      let named = lines.prefix(40).compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line))
          as? [String: Any])?["id"] as? String
      }.filter { id in
        !id.isEmpty
          && id.unicodeScalars.allSatisfy {
            $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20
          }
      }
      try writeAnnotations(for: named + ["gone"], in: dir)
      let unknown = Set(named + ["gone"]).filter {
        full.corpus.recordIndex[Record.ID($0)] == nil
      }.sorted()
      XCTAssertFalse(unknown.isEmpty)
      var issues = full.issues.map { Sanitizer.clean($0.description) + "\n" }
      issues += unknown.map {
        "warning: annotations: annotation of unknown record id \"\($0)\", ignored\n"
      }
      // The load's summary with the annotations' warnings counted in.
      var summary = full.summary.components(separatedBy: ", ")
      let warnings = full.warnings.count + unknown.count
      summary[summary.count - 1] =
        "\(warnings) warning\(warnings == 1 ? "" : "s")"
      let r = try run(["validate", "--data", dir])
      XCTAssertEqual(r.stderr, issues.joined(), "seed \(seed)")
      XCTAssertEqual(
        r.stdout,
        Sanitizer.clean(dir) + ": " + summary.joined(separator: ", ") + "\n",
        "seed \(seed)")
      XCTAssertEqual(r.status, full.errors.isEmpty ? 0 : 1, "seed \(seed)")
    }
  }

  /// One star per id in `data/annotations/ana.jsonl`.
  func writeAnnotations(for ids: [String], in data: String) throws {
    try FileManager.default.createDirectory(
      atPath: data + "/annotations", withIntermediateDirectories: true)
    let text = ids.map {
      #"{"record":"\#($0)","time":"2026-01-01T00:00:00.000Z","author":"ana","op":"star"}"#
        + "\n"
    }.joined()
    try Data(text.utf8).write(
      to: URL(fileURLWithPath: data + "/annotations/ana.jsonl"))
  }
}
