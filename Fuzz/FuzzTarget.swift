// libFuzzer target for the loader and the sanitizer. scripts/fuzz.sh compiles it with
// DatelineCore's sources into one binary (swiftc -sanitize=fuzzer,address): SwiftPM's
// executable targets cannot link under -parse-as-library, where libFuzzer owns main.
import Foundation

/// Each input becomes `records.json` of a small data directory (or `records.jsonl` when it
/// starts with `J`), or its `parties.json` when it starts with `P` (parents, cycles, deep
/// chains, keys; the records then are a fixed set naming parties `a`…`d`), loaded with the
/// full validation; every string of it then goes through the sanitizer and the width
/// functions.
///
/// What it checks: no crash, no hang (libFuzzer's -timeout), every issue prints, sanitized
/// text holds no control character, truncation and wrapping never exceed their width.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = Data(bytes: start, count: count)
  let dir = FuzzDirectory.shared
  let isLines = bytes.first == UInt8(ascii: "J")
  let isParties = bytes.first == UInt8(ascii: "P")
  try? FileManager.default.removeItem(atPath: dir + "/records.json")
  try? FileManager.default.removeItem(atPath: dir + "/records.jsonl")
  if isParties {
    _ = FileManager.default.createFile(
      atPath: dir + "/parties.json", contents: bytes.dropFirst())
    _ = FileManager.default.createFile(
      atPath: dir + "/records.jsonl",
      contents: Data(FuzzDirectory.fixedRecords.utf8))
  } else {
    _ = FileManager.default.createFile(
      atPath: dir + "/parties.json", contents: Data(FuzzDirectory.parties.utf8))
    _ = FileManager.default.createFile(
      atPath: dir + (isLines ? "/records.jsonl" : "/records.json"),
      contents: bytes)
  }
  if let result = try? CorpusLoader.load(directory: dir) {
    for issue in result.issues { check(Sanitizer.clean(issue.description)) }
    for r in result.corpus.records {
      check(Sanitizer.clean(r.headline))
      check(
        Sanitizer.clean(r.summary ?? "", newlines: .keep), allowNewline: true)
      _ = RecordDetail(record: r, corpus: result.corpus)
      _ = r.jsonObject
    }
  }
  let text = String(decoding: bytes, as: UTF8.self)
  check(Sanitizer.clean(text))
  let cut = Truncation.truncate(Sanitizer.clean(text), toColumns: 17)
  if DisplayWidth.of(cut) > 17 { fatalError("truncate exceeded its width") }
  for line in Truncation.wrap(
    Sanitizer.clean(text, newlines: .keep), toColumns: 9)
  where DisplayWidth.of(line) > 9 {
    fatalError("wrap exceeded its width: \(line.debugDescription)")
  }
  return 0
}

func check(_ s: String, allowNewline: Bool = false) {
  for u in s.unicodeScalars {
    let v = u.value
    if v == 0x0A && allowNewline { continue }
    if v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
    {
      fatalError(
        "control character U+\(String(v, radix: 16)) survived the sanitizer")
    }
  }
}

/// A data directory in /dev/shm (or the temp dir) with a party and a source fixed.
enum FuzzDirectory {
  static let shared: String = {
    let base =
      FileManager.default.fileExists(atPath: "/dev/shm")
      ? "/dev/shm" : NSTemporaryDirectory()
    let dir = base + "/dateline-fuzz-\(getpid())"
    try? FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: true)
    try?
      #"{"schema":1,"type":"sources","items":[{"id":"s","outlet":"O","title":"T","text":"Alpha said yes. Beta said no."}]}"#
      .write(toFile: dir + "/sources.json", atomically: true, encoding: .utf8)
    return dir
  }()

  static let parties =
    #"{"schema":1,"type":"parties","items":[{"id":"a","name":"Alpha"},{"id":"b","name":"Beta","parent":"a"}]}"#

  /// Records naming parties `a`…`d` (as listed ids, with roles, and as claimants), for
  /// inputs that are the parties file.
  static let fixedRecords = """
    {"id":"r1","date":"2020-01-02","kind":"event","parties":["a","b"],"headline":"Alpha said yes","source":"s"}
    {"id":"r2","date":"2020-02","kind":"statement","parties":[{"id":"c","role":"actor"},"d"],"headline":"Beta said no","source":"s","attribution":{"claimant":"c","text":"c said","basis":"named_official"}}
    {"id":"r3","date":"2021","kind":"claim","parties":["d"],"headline":"H","source":"s","quote":{"exact":"Beta said no."}}

    """
}
