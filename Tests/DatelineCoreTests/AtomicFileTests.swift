import DatelineCore
import Foundation
import XCTest

/// AtomicFile and AppendFile against what a hostile user or a full disk can do.
final class AtomicFileTests: XCTestCase {
  var scratch: ScratchVolume!

  override func setUpWithError() throws { scratch = try ScratchVolume() }
  override func tearDown() { scratch = nil }

  func contents(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  func names(_ dir: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
  }

  func mode(_ path: String) -> mode_t {
    var st = stat()
    lstat(path, &st)
    return st.st_mode
  }

  func testWritesANewFileAndLeavesNoTemporary() throws {
    let path = scratch.path + "/out.md"
    try AtomicFile.write("hello\n", to: path)
    XCTAssertEqual(contents(path), "hello\n")
    XCTAssertEqual(names(scratch.path), ["out.md"])
  }

  func testReplacingKeepsThePermissionBits() throws {
    let path = scratch.path + "/out.md"
    try AtomicFile.write("old\n", to: path)
    chmod(path, 0o640)
    try AtomicFile.write("new\n", to: path)
    XCTAssertEqual(contents(path), "new\n")
    XCTAssertEqual(mode(path) & 0o777, 0o640)
  }

  func testKeepRefusesAnExistingFileAndLeavesIt() throws {
    let path = scratch.path + "/out.md"
    try AtomicFile.write("old\n", to: path)
    XCTAssertThrowsError(
      try AtomicFile.write("new\n", to: path, existing: .keep)
    ) {
      XCTAssertEqual(($0 as? FileWriteError)?.code, EEXIST)
    }
    XCTAssertEqual(contents(path), "old\n")
    XCTAssertEqual(names(scratch.path), ["out.md"])
  }

  func testKeepFailsWhenTheFileAppearsDuringTheWrite() throws {
    let path = scratch.path + "/out.md"
    let file = try AtomicFile(path, existing: .keep)
    try file.append(Array("new\n".utf8))
    try AtomicFile.write("theirs\n", to: path)
    XCTAssertThrowsError(try file.commit()) {
      XCTAssertEqual(($0 as? FileWriteError)?.code, EEXIST)
    }
    XCTAssertEqual(contents(path), "theirs\n")
    XCTAssertEqual(names(scratch.path), ["out.md"])
  }

  func testRefusesEverythingButARegularFile() throws {
    let dir = scratch.path + "/dir"
    try FileManager.default.createDirectory(
      atPath: dir, withIntermediateDirectories: false)
    let fifo = scratch.path + "/fifo"
    XCTAssertEqual(mkfifo(fifo, 0o600), 0)
    var targets = [dir: "a directory", fifo: "a FIFO"]
    if geteuid() == 0 {
      let device = scratch.path + "/dev"
      XCTAssertEqual(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)), 0)
      targets[device] = "a character device"
    }
    for (path, kind) in targets {
      XCTAssertThrowsError(try AtomicFile.write("x", to: path), path) {
        XCTAssertEqual(
          ($0 as? FileWriteError)?.message, "not a regular file (\(kind))")
      }
      XCTAssertThrowsError(try AppendFile.append("x", to: path), path)
      var st = stat()
      XCTAssertEqual(lstat(path, &st), 0)
      XCTAssertNotEqual(st.st_mode & S_IFMT, S_IFREG, "\(path) was replaced")
    }
    XCTAssertEqual(
      names(scratch.path),
      ["dev", "dir", "fifo"].filter { targets[scratch.path + "/" + $0] != nil })
  }

  func testASymlinkIsWrittenThroughAndStaysALink() throws {
    let real = scratch.path + "/real.md"
    let link = scratch.path + "/link.md"
    try AtomicFile.write("old\n", to: real)
    XCTAssertEqual(symlink(real, link), 0)
    try AtomicFile.write("new\n", to: link)
    XCTAssertEqual(mode(link) & S_IFMT, S_IFLNK)
    XCTAssertEqual(contents(real), "new\n")
    try AppendFile.append("more\n", to: link)
    XCTAssertEqual(contents(real), "new\nmore\n")
    XCTAssertEqual(names(scratch.path), ["link.md", "real.md"])
  }

  func testADanglingSymlinkIsRefusedAndNothingCreated() throws {
    let link = scratch.path + "/link.md"
    XCTAssertEqual(symlink(scratch.path + "/missing", link), 0)
    XCTAssertThrowsError(try AtomicFile.write("x", to: link)) {
      XCTAssertEqual(
        ($0 as? FileWriteError)?.message, "a symbolic link to a missing file")
    }
    XCTAssertThrowsError(try AppendFile.append("x", to: link))
    XCTAssertEqual(names(scratch.path), ["link.md"])
  }

  /// A link planted at the temporary's name is passed over: its target is never written.
  func testAPlantedSymlinkAtTheTemporaryNameIsNeverFollowed() throws {
    let victim = scratch.path + "/victim"
    try AtomicFile.write("precious\n", to: victim)
    let planted = scratch.path + "/.out.md.tmp-1"
    XCTAssertEqual(symlink(victim, planted), 0)
    var nonces = [UInt64(1), 1, 2].makeIterator()
    let file = try AtomicFile(
      scratch.path + "/out.md", nonce: { nonces.next() ?? 3 })
    XCTAssertEqual(file.temporaryPath, scratch.path + "/.out.md.tmp-2")
    try file.append(Array("mine\n".utf8))
    try file.commit()
    XCTAssertEqual(contents(victim), "precious\n")
    XCTAssertEqual(contents(scratch.path + "/out.md"), "mine\n")
    XCTAssertEqual(mode(planted) & S_IFMT, S_IFLNK)
  }

  /// A name of 250 bytes is legal; its temporary's name must be too.
  func testALongNameStillGetsATemporaryBesideIt() throws {
    let path = scratch.path + "/" + String(repeating: "n", count: 250)
    try AtomicFile.write("x\n", to: path)
    XCTAssertEqual(contents(path), "x\n")
    XCTAssertEqual(names(scratch.path).count, 1)
  }

  func testAFileNeverCommittedLeavesNothing() throws {
    do {
      let file = try AtomicFile(scratch.path + "/out.md")
      try file.append(Array("half".utf8))
    }
    XCTAssertEqual(names(scratch.path), [])
  }

  func testAFullDiskLeavesTheOldFileAndNoTemporary() throws {
    let disk = try scratch.fullDisk()
    let path = disk + "/records.json"
    try AtomicFile.write("old\n", to: path)
    let big = [UInt8](repeating: 0x61, count: 256 << 10)
    XCTAssertThrowsError(try AtomicFile.write(big, to: path)) {
      let error = $0 as? FileWriteError
      XCTAssertEqual(error?.code, ENOSPC)
      XCTAssertEqual(
        error?.description, "\(path): cannot write: No space left on device")
    }
    XCTAssertEqual(contents(path), "old\n")
    XCTAssertEqual(names(disk), ["records.json"])
  }

  func testAppendAddsWholeEntriesAndCutsAPartOneOnAFullDisk() throws {
    let disk = try scratch.fullDisk()
    XCTAssertThrowsError(
      try AppendFile.append(
        [UInt8](repeating: 0x61, count: 256 << 10), to: disk + "/new"))
    XCTAssertEqual(
      names(disk), [], "a file created for a failed entry is removed")
    let path = disk + "/log"
    try AppendFile.append("one\n", to: path)
    try AppendFile.append("two\n", to: path)
    XCTAssertEqual(contents(path), "one\ntwo\n")
    XCTAssertThrowsError(
      try AppendFile.append(
        [UInt8](repeating: 0x61, count: 256 << 10), to: path)
    ) {
      XCTAssertEqual(($0 as? FileWriteError)?.code, ENOSPC)
    }
    XCTAssertEqual(contents(path), "one\ntwo\n")
  }
}
