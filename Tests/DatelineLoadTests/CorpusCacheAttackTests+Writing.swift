import Foundation
import XCTest

@testable import DatelineCore

/// Writing the cache under attack: a directory, a symlink or an unwritable folder at its
/// path, a symlink planted at its temporary name (never followed), a temporary that has
/// no name until it is complete, and a crashed writer's leftovers (removed, and nothing
/// else). Part of CorpusCacheAttackTests (its helpers and setup).
extension CorpusCacheAttackTests {
  func testACachePathThatIsADirectoryOrASymlinkLeavesNothingBehind() throws {
    let path = try location.path
    let folder = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true)
    for _ in 0..<2 {
      let r = try open()
      XCTAssertFalse(r.fromCache)
      XCTAssertEqual(answers(r), expected)
      XCTAssertTrue(
        r.cacheWarnings.contains { $0.contains("not written") },
        "\(r.cacheWarnings)")
    }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder),
      [(path as NSString).lastPathComponent])
    try FileManager.default.removeItem(atPath: path)
    // A symlink at the cache path is not followed to read: the files' answers, then the
    // link is replaced by a file of ours (rename), its target untouched.
    let victim = try temporary("victim") + "/file"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
    _ = try pristineCache()
    let real = try Data(contentsOf: URL(fileURLWithPath: path))
    try FileManager.default.removeItem(atPath: path)
    try real.write(to: URL(fileURLWithPath: victim))
    symlink(victim, path)
    let r = try open()
    XCTAssertFalse(r.fromCache, "a cache behind a symlink is not read")
    XCTAssertEqual(answers(r), expected)
    XCTAssertEqual(
      try Data(contentsOf: URL(fileURLWithPath: victim)), real,
      "the link's target is untouched")
  }

  func testAnUnwritableCacheFolderGivesAWarningAndTheFilesAnswers() throws {
    let blocker = try temporary("blocker") + "/file"
    try Data().write(to: URL(fileURLWithPath: blocker))
    // A folder under a regular file cannot be made, even by root (CI runs as root).
    settings.cache?.folder = blocker + "/dateline"
    let r = try open()
    XCTAssertEqual(answers(r), expected)
    XCTAssertEqual(r.cacheWarnings.count, 1, "\(r.cacheWarnings)")
    let readOnly = try temporary("readonly")
    chmod(readOnly, 0o500)
    defer { chmod(readOnly, 0o700) }
    settings.cache?.folder = readOnly
    XCTAssertEqual(answers(try open()), expected)
    let left = try FileManager.default.contentsOfDirectory(atPath: readOnly)
      .filter { $0.hasSuffix(".tmp") }
    XCTAssertEqual(left, [])
  }

  func testAPlantedSymlinkAtTheTemporaryNameIsNeverFollowed() throws {
    let folder = try temporary("planted")
    let victim = folder + "/victim"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
    let target = folder + "/x.cache"
    symlink(victim, folder + "/.x.cache.\(getpid()).7.tmp")
    // the name the old writer used
    symlink(victim, target + ".\(getpid()).tmp")
    // Named from the start (without O_TMPFILE), and named at commit (with it).
    XCTAssertThrowsError(
      try TemporaryFile(beside: target, named: true, suffix: { "7" }))
    var unnamed = try TemporaryFile(beside: target, suffix: { "7" })
    [UInt8]("new".utf8).withUnsafeBytes { unnamed.append($0) }
    XCTAssertThrowsError(try unnamed.commit(), "every name tried is taken")
    for named in [true, false] {
      var tries = 0
      var file = try TemporaryFile(beside: target, named: named) {
        tries += 1
        return tries == 1 ? "7" : "8"
      }
      [UInt8]("new".utf8).withUnsafeBytes { file.append($0) }
      try file.commit()
      XCTAssertEqual(tries, 2)
      XCTAssertEqual(
        try String(contentsOfFile: victim, encoding: .utf8), "keep")
      XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "new")
      try FileManager.default.removeItem(atPath: target)
    }
  }

  /// Quitting in the middle of a cache write (the browser does not wait for it) left a
  /// full-size `.tmp` in the cache folder: with O_TMPFILE the file has no name until it
  /// is complete, so there is nothing to leave.
  func testATemporaryFileHasNoNameUntilItIsComplete() throws {
    #if os(Linux)
    let folder = try temporary("unnamed")
    var file = try TemporaryFile(beside: folder + "/x.cache")
    XCTAssertTrue(file.unnamed, "O_TMPFILE is refused on this file system")
    [UInt8](repeating: 7, count: 1 << 20).withUnsafeBytes { file.append($0) }
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder), [])
    file.abandon()
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder), [])
    var kept = try TemporaryFile(beside: folder + "/x.cache")
    [UInt8]("whole".utf8).withUnsafeBytes { kept.append($0) }
    try kept.commit()
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder), ["x.cache"])
    XCTAssertEqual(
      try String(contentsOfFile: folder + "/x.cache", encoding: .utf8), "whole")
    #endif
  }

  /// Without O_TMPFILE, a process that ended mid-write leaves its named temporary: the
  /// next write removes it, and only what has our pattern, a dead pid, our user and is a
  /// regular file.
  func testStaleTemporariesOfEndedProcessesAreRemovedAndNothingElse() throws {
    let folder = try temporary("stale")
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let dead = ended.processIdentifier
    func make(_ name: String) throws {
      try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    let stale = [".a.cache.\(dead).123.tmp", ".a.cache.search.\(dead).9.tmp"]
    let kept = [
      ".a.cache.\(getpid()).1.tmp", ".a.cache.\(dead).x1.tmp",
      ".notes.txt.\(dead).4.tmp", "a.cache.\(dead).5.tmp",
      ".a.cache.0\(dead).6.tmp", "a.cache",
    ]
    for name in stale + kept { try make(name) }
    symlink(folder + "/a.cache", folder + "/.b.cache.\(dead).2.tmp")
    var others: [String] = []
    if getuid() == 0 {
      try make(".c.cache.\(dead).3.tmp")
      chown(folder + "/.c.cache.\(dead).3.tmp", 12345, 12345)
      others.append(".c.cache.\(dead).3.tmp")
    }
    XCTAssertEqual(
      Set(
        TemporaryFile.removeStale(
          in: folder, targets: [".cache", ".cache.search"])), Set(stale))
    XCTAssertEqual(
      Set(try FileManager.default.contentsOfDirectory(atPath: folder)),
      Set(kept + others + [".b.cache.\(dead).2.tmp"]))
  }

  /// A store re-opened lazily (rows and id tables read a block at a time as used)
  /// writes the cache it was read from, byte for byte: every section it writes is read
  /// whole first, the id tables too.
  func testACacheWrittenFromALazyReopenIsTheSame() throws {
    let good = try pristineCache()
    var lazy = settings
    lazy.lazyCacheReads = true
    let reopened = try CorpusLoader.open(directory: dir, settings: lazy)
    XCTAssertTrue(reopened.fromCache)
    try FileManager.default.removeItem(atPath: try location.path)
    XCTAssertNil(CorpusCache.write(reopened, at: try location))
    let written = Array(
      try Data(contentsOf: URL(fileURLWithPath: try location.path)))
    XCTAssertEqual(written.count, good.count)
    XCTAssertNil(
      written.indices.first { $0 < good.count && written[$0] != good[$0] },
      "the first byte that differs")
  }
}
