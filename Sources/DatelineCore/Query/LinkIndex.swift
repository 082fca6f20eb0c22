/// The links between records read both ways: who disputes a record, who revises it.
///
/// A record names only what it disputes or revises (SCHEMA.md `disputes`, `revises`);
/// "disputed by" and "revised by" need the whole corpus. The loader's record store keeps
/// those reverse maps, so building this decodes nothing and costs little even for a
/// million records; a timeline row, the detail pane and `d`/`v` then ask in constant time.
public struct LinkIndex: Sendable {
  /// Record index → indexes of the records that dispute it, in timeline order.
  public let disputedBy: LinkMap
  /// Record index → indexes of the records that revise it, in timeline order.
  public let revisedBy: LinkMap
  /// Records that dispute another or are disputed (the `⇄` marker).
  public let contested: RecordSet
  /// Whether any record disputes or revises another: the timeline gives marker columns
  /// only to what the corpus has.
  public let hasDisputes: Bool
  public let hasRevisions: Bool
  /// Record id → index, shared with the corpus it was built from.
  let recordIndex: RecordIndex

  public init(corpus: Corpus) {
    disputedBy = corpus.store.disputedBy
    revisedBy = corpus.store.revisedBy
    contested = corpus.store.contested
    hasDisputes = !contested.isEmpty
    hasRevisions = !revisedBy.isEmpty
    recordIndex = corpus.recordIndex
  }

  /// Whether a later record revises the record at `index` (the `↻` marker).
  public func isSuperseded(_ index: Int) -> Bool { revisedBy.contains(index) }

  /// The records on the other side of the disputes of `record` (at `index`): those it
  /// disputes, then those disputing it, each once, in timeline order within each group.
  /// Ids the corpus does not hold are skipped.
  public func disputeTargets(of record: Record, at index: Int) -> [Int] {
    combine(record.disputes, disputedBy[index] ?? [], except: index)
  }

  /// The records `record` revises, then those that revise it.
  public func revisionTargets(of record: Record, at index: Int) -> [Int] {
    combine(record.revises, revisedBy[index] ?? [], except: index)
  }

  /// The contested pairs (disputing record, disputed record) with at least one side in
  /// `rows`, ordered by the disputing record, then the disputed one (timeline order).
  ///
  /// `dateline list --disputed` prints these: a filter that keeps one side of a dispute
  /// still shows the whole pair, since a claim is read against its denial. A dispute is
  /// one pair: when both records name each other, the pair comes once, with the earlier
  /// record (timeline order) as the disputing side.
  public func disputePairs(among rows: [Int]) -> [(
    disputing: Int, disputed: Int
  )] {
    let kept = Set(rows)
    var pairs: [(disputing: Int, disputed: Int)] = []
    for (target, sources) in disputedBy {
      for from in sources
      where from != target && (kept.contains(from) || kept.contains(target)) {
        let mutual = disputedBy[from]?.contains(target) ?? false
        // Of a mutual dispute keep the direction from the earlier record only.
        if mutual && from > target { continue }
        pairs.append((from, target))
      }
    }
    return pairs.sorted {
      $0.disputing != $1.disputing
        ? $0.disputing < $1.disputing : $0.disputed < $1.disputed
    }
  }

  private func combine(
    _ forward: [Record.ID], _ backward: [Int], except index: Int
  ) -> [Int] {
    var out: [Int] = []
    for t in forward.compactMap({ recordIndex[$0] }).sorted()
    where t != index && out.last != t { out.append(t) }
    for t in backward where t != index && !out.contains(t) { out.append(t) }
    return out
  }
}
