import DatelineCore
import DatelineUI
import Foundation
import Synchronization

/// Puts drafts beside the directory's data for the browser: `DIR/drafts/*.jsonl` next to
/// the records (`dateline --data DIR`), or one drafts file alone (`dateline review`).
///
/// Each load (the first and every reload) reads the drafts again with their review logs,
/// leaves out the drafts already accepted or rejected, and builds the corpus on screen; the
/// state learns which records are drafts from the `DraftSnapshot` kept here for the browse
/// loop. A draft whose id is a record of the data already (accepted, whatever the log
/// says) is not shown, so an accepted draft is on screen once, as the record.
final class DraftOverlay: Sendable {
  let directory: String
  /// `dateline review FILE`: this file alone, without the directory's records.
  let reviewFile: String?
  /// `--into FILE`: where accepted drafts go (default: `DIR/NAME.jsonl` for
  /// `drafts/NAME.jsonl`).
  let into: String?
  private let latest = Mutex<(generation: Int, snapshot: DraftSnapshot?)>(
    (0, nil))

  init(directory: String, reviewFile: String? = nil, into: String? = nil) {
    self.directory = directory
    self.reviewFile = reviewFile
    self.into = into
  }

  /// Whether there are drafts to show: a review, or files under `DIR/drafts/`.
  var hasDrafts: Bool {
    reviewFile != nil || !DraftFile.files(in: directory).isEmpty
  }

  struct Composed {
    var corpus: Corpus
    var issues: [LoadIssue]
    var snapshot: DraftSnapshot
  }

  /// The corpus to show for `base` (the directory's data as loaded) and the issues to list.
  func compose(_ base: Corpus, issues: [LoadIssue]) -> Composed {
    let files = reviewFile.map { [$0] } ?? DraftFile.files(in: directory)
    var shown: [Record] = []
    var places: [Record.ID: DraftReview.Place] = [:]
    var extra: [LoadIssue] = []
    for path in files {
      let file = DraftFile.read(path)
      extra += file.issues.map { issue in
        var i = issue
        i.file = shownName(path)
        return i
      }
      let decisions = ReviewLog.read(ReviewLog.path(forDrafts: path))
      for entry in file.entries {
        let id = entry.record.id
        if let d = decisions[id], d != .reopened { continue }
        if places[id] != nil || base.record(id) != nil {
          let why =
            places[id] != nil
            ? "another draft has this id"
            : "a record with this id is in the data"
          extra.append(
            LoadIssue(
              .warning, file: shownName(path),
              place: .line(entry.line, id: id.rawValue),
              message: why + "; the draft is not shown"))
          continue
        }
        places[id] = DraftReview.Place(
          file: path, line: entry.line, recordsFile: recordsFile(for: path))
        shown.append(entry.record)
      }
    }
    let alone = reviewFile != nil
    var corpus = base
    if alone {
      let parties = base.parties + standIns(for: shown, in: base)
      corpus = Corpus(parties: parties, sources: base.sources, records: shown)
    } else if !shown.isEmpty {
      // The loaded records are not decoded again: their rows are copied (Corpus.adding).
      corpus = base.adding(shown, parties: standIns(for: shown, in: base))
    }
    let snapshot = latest.withLock { state in
      state.generation += 1
      let s = DraftSnapshot(
        generation: state.generation, drafts: places, directory: base,
        alone: alone)
      state.snapshot = s
      return s
    }
    return Composed(corpus: corpus, issues: issues + extra, snapshot: snapshot)
  }

  /// For LiveReload: the composed corpus and issues of a load.
  func composeLoad(_ base: Corpus, _ issues: [LoadIssue]) -> (
    Corpus, [LoadIssue]
  ) {
    let c = compose(base, issues: issues)
    return (c.corpus, c.issues)
  }

  /// The snapshot of the last compose, once (the browse loop hands it to the state after
  /// the load it belongs to has arrived).
  func takeSnapshot() -> DraftSnapshot? {
    latest.withLock { state in
      defer { state.snapshot = nil }
      return state.snapshot
    }
  }

  /// `DIR/NAME.jsonl` for `…/NAME.jsonl`, unless `--into` says otherwise.
  func recordsFile(for draftsPath: String) -> String {
    if let into { return into }
    let name = URL(fileURLWithPath: draftsPath).lastPathComponent
    return directory + "/" + name
  }

  /// A path under the directory is shown relative to it, as the loader's issues are.
  private func shownName(_ path: String) -> String {
    path.hasPrefix(directory + "/")
      ? String(path.dropFirst(directory.count + 1)) : path
  }

  /// Parties a draft names that the data does not have ("unidentified", a proposal), so
  /// the row can show them; accepting such a draft is refused until `P` changes them.
  private func standIns(for drafts: [Record], in base: Corpus) -> [Party] {
    var seen = Set<Party.ID>()
    var out: [Party] = []
    for r in drafts {
      for ref in r.parties
      where base.party(ref.id) == nil && seen.insert(ref.id).inserted {
        out.append(
          Party(
            id: ref.id, name: ref.id.rawValue + " (not in the data)",
            label: ref.id.rawValue))
      }
    }
    return out
  }
}
