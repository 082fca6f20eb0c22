import Foundation

/// Lines appended to `.jsonl` files, read alone: only the new bytes are parsed and
/// validated, and their records merged into the loaded corpus.
///
/// Why: a writer that appends today's records to a large file made the browser load the
/// whole directory again for every burst. The new lines are validated exactly as a full
/// load would (the reference decoder, duplicate ids, references to parties, sources and
/// records, quotes in their sources), and the result equals a full load of the files
/// (`AppendReadTests`). Whenever that equality could not be promised, the answer is
/// `.fullLoadNeeded` and the caller loads the directory: the data loaded had errors (a
/// new record could resolve a reference that failed), a file was added, removed or
/// changed other than by growing, an old byte differs (every consumed byte is read again
/// and compared, a megabyte at a time, with the checksum of what was loaded: FileDigest),
/// a new id is already taken (which one wins depends on the file order), or the data came
/// from the re-open cache (read window by window, never whole).
public struct AppendBase: @unchecked Sendable {
  /// One data file as loaded: the checksums of the bytes taken so far and what they end
  /// with (not the bytes: a load may read its files in windows and hand them back).
  struct DataFile {
    var name: String
    var identity: FileIdentity
    /// The file's bytes as loaded (told when the file grew: its reads accept it).
    var loaded: FileBytes
    /// The bytes loaded, as checksums in file order covering `0..<consumed`.
    var digests: [FileDigest]
    var consumed: Int
    /// Lines in `consumed` (the next line's number is `lines + 1`).
    var lines: Int
    /// A `.jsonl` whose loaded bytes end with a newline (or are empty): lines may follow.
    var appendable: Bool
  }

  let directory: String
  var files: [DataFile]
  var owners: [AnyObject]
  public let corpus: Corpus
  public let issues: [LoadIssue]

  /// The base for `result`, a load of `directory` from its files; nil when appended
  /// lines could never be read alone (see the type's comment).
  public init?(_ result: CorpusLoader.Result, directory: String) {
    guard !result.fromCache, !result.issues.contains(where: \.isError) else {
      return nil
    }
    var files: [DataFile] = []
    for case let f as FileBytes in result.corpus.store.owners where f.holdsData
    {
      // Every byte must have been read once, as it was validated (a file read in windows
      // without digests, or one that came short, cannot be compared later).
      guard !f.changedWhileRead, let digests = f.loadedDigests() else {
        return nil
      }
      let name = (f.path as NSString).lastPathComponent
      files.append(
        DataFile(
          name: name, identity: f.identity, loaded: f, digests: digests,
          consumed: f.count,
          lines: digests.reduce(0) { $0 + $1.newlines },
          appendable: name.hasSuffix(".jsonl")
            && (digests.last?.lastByte ?? 0x0A) == 0x0A))
    }
    files.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    guard (try? CorpusLoader.dataFiles(in: directory)) == files.map(\.name)
    else { return nil }
    self.directory = directory
    self.files = files
    owners = result.corpus.store.owners
    corpus = result.corpus
    issues = result.issues
  }

  init(
    _ base: AppendBase, files: [DataFile], corpus: Corpus, issues: [LoadIssue],
    owner: AnyObject?
  ) {
    directory = base.directory
    self.files = files
    owners = base.owners + (owner.map { [$0] } ?? [])
    self.corpus = corpus
    self.issues = issues
  }

}

/// What reading the appended lines gave.
public enum AppendOutcome: Sendable {
  /// Records were read (some lines may be errors): the merged data and its base, the
  /// timeline indexes of the records added, and the errors of the new lines.
  case appended(AppendBase, added: [Int], errors: Int)
  /// No whole new line (nothing changed, or a last line still waits for its newline).
  case unchanged(AppendBase)
  /// Only a full load can give the right answer; why, in words.
  case fullLoadNeeded(String)
}

extension AppendBase {
  /// Reads what was appended since this base was made.
  public func readAppended() -> AppendOutcome {
    guard !issues.contains(where: \.isError) else {
      return .fullLoadNeeded("the data loaded had errors")
    }
    guard (try? CorpusLoader.dataFiles(in: directory)) == files.map(\.name)
    else {
      return .fullLoadNeeded("a data file was added or removed")
    }
    var next = files
    var grown: [(index: Int, bytes: [UInt8])] = []
    for (k, f) in files.enumerated() {
      switch AppendBase.growth(of: f, in: directory) {
      case .failure(let why): return .fullLoadNeeded("\(f.name): \(why.reason)")
      case .success(let (identity, bytes)):
        next[k].identity = identity
        // Its loaded bytes are still there: reads of records not read yet accept it.
        f.loaded.acceptGrowth(identity)
        if !bytes.isEmpty { grown.append((k, bytes)) }
      }
    }
    guard !grown.isEmpty else {
      return .unchanged(
        AppendBase(
          self, files: next, corpus: corpus, issues: issues, owner: nil))
    }
    // The new lines go through the reference decoder on one core; past a few megabytes
    // the full load (scans on every core) is the quicker way to the same answer.
    let bytes = grown.reduce(0) { $0 + $1.bytes.count }
    guard bytes <= AppendBase.largestAppend else {
      return .fullLoadNeeded("\(bytes) bytes appended: a full load is quicker")
    }
    return merge(grown, files: next)
  }

  /// The most appended bytes read alone (8 MB: about 15,000 records).
  static let largestAppend = 8 << 20

  /// Why a file cannot be read as grown.
  struct NotAppended: Error {
    var reason: String
  }

  /// The file's identity now and its whole new lines (empty when it did not grow by one).
  static func growth(of f: DataFile, in directory: String) -> Result<
    (FileIdentity, [UInt8]), NotAppended
  > {
    let fd: Int32
    let now: FileIdentity
    switch FileBytes.openRegular(directory + "/" + f.name) {
    case .success(let (d, id)): (fd, now) = (d, id)
    case .failure(let p): return .failure(NotAppended(reason: p.message))
    }
    defer { close(fd) }
    // Compared even when the identity is the same: a rewrite at the same size within one
    // timestamp tick keeps it (the watcher saw the write; the bytes say what it did).
    guard now.device == f.identity.device, now.inode == f.identity.inode else {
      return .failure(NotAppended(reason: "replaced by another file"))
    }
    guard now.size >= f.consumed else {
      return .failure(NotAppended(reason: "shorter than it was"))
    }
    guard FileDigest.fileMatches(fd, f.digests) else {
      return .failure(NotAppended(reason: "changed in place"))
    }
    guard now.size > f.consumed else { return .success((now, [])) }
    guard f.appendable, f.consumed > 0 else {
      return .failure(
        NotAppended(
          reason: "grew, but is not a non-empty .jsonl ending with a newline"))
    }
    // Not read into memory when a full load is the quicker way anyway.
    guard now.size - f.consumed <= 2 * largestAppend else {
      return .failure(
        NotAppended(
          reason:
            "\(now.size - f.consumed) bytes appended: a full load is quicker"
        ))
    }
    var tail = [UInt8](repeating: 0, count: now.size - f.consumed)
    let got = tail.withUnsafeMutableBytes {
      FileBytes.readFully(
        fd, into: $0.start, count: $0.count, at: f.consumed)
    }
    guard got >= 0 else {
      return .failure(NotAppended(reason: "cannot be read"))
    }
    // Whole lines only: a last line without its newline waits for it.
    guard let end = tail[..<got].lastIndex(of: 0x0A) else {
      return .success((now, []))
    }
    tail.removeSubrange((end + 1)...)
    return .success((now, tail))
  }
}
