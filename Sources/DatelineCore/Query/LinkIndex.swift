/// The links between records read both ways (who disputes a record, who revises it),
/// which records state a figure of the same label, and each record's attribution basis
/// and number of sources as columns.
///
/// A record names only what it disputes or revises (SCHEMA.md `disputes`, `revises`);
/// "disputed by" and "revised by" need the whole corpus. Built once, so a timeline row,
/// the detail pane, `d`/`v` and the facet filters ask in constant time even for a
/// million records. Building it decodes no record that `ItemFactScan` can read from its
/// bytes (for a typical corpus, every record without `also` or `figures`).
public struct LinkIndex: Sendable {
  /// Record index → indexes of the records that dispute it, in timeline order.
  public let disputedBy: [Int: [Int]]
  /// Record index → indexes of the records that revise it, in timeline order.
  public let revisedBy: [Int: [Int]]
  /// Records that dispute another or are disputed (the `⇄` marker).
  public let contested: Set<Int>
  /// Folded figure label → indexes of the records stating a figure with it, in timeline order.
  public let figureRecords: [String: [Int]]
  /// Per record: its attribution basis (`Attribution.Basis.allCases` index) and how many
  /// distinct sources back it (capped at 255).
  let basisColumn: [UInt8]
  let sourceCountColumn: [UInt8]
  /// Whether any record disputes or revises another, and the most sources behind a record:
  /// the timeline gives marker columns only to what the corpus has.
  public let hasDisputes: Bool
  public let hasRevisions: Bool
  public let maxSourceCount: Int
  /// Record id → index, shared with the corpus it was built from.
  let recordIndex: RecordIndex

  public init(corpus: Corpus) {
    let count = corpus.records.count
    disputedBy = corpus.store.disputedBy
    revisedBy = corpus.store.revisedBy
    var contested = Set<Int>()
    for (target, sources) in disputedBy {
      contested.insert(target)
      contested.formUnion(sources)
    }
    var figures: [String: [Int]] = [:]
    var basis = [UInt8](repeating: 0, count: count)
    var sources = [UInt8](repeating: 1, count: count)
    var maxSources = count == 0 ? 0 : 1
    let bases = Attribution.Basis.allCases
    for i in 0..<count {
      if let bytes = corpus.itemBytes(at: i), let facts = ItemFactScan.scan(bytes) {
        basis[i] = UInt8(bases.firstIndex(of: facts.basis) ?? 0)
        continue
      }
      let r = corpus.records[i]
      basis[i] = UInt8(bases.firstIndex(of: r.basis) ?? 0)
      sources[i] = UInt8(min(255, r.sourceCount))
      maxSources = max(maxSources, r.sourceCount)
      for f in r.figures {
        let key = FigureSeries.key(f.label)
        if figures[key]?.last != i { figures[key, default: []].append(i) }
      }
    }
    self.contested = contested
    self.figureRecords = figures
    basisColumn = basis
    sourceCountColumn = sources
    hasDisputes = !contested.isEmpty
    hasRevisions = !revisedBy.isEmpty
    maxSourceCount = maxSources
    recordIndex = corpus.recordIndex
  }

  /// The attribution basis of the record at `index` (`unattributed` without attribution).
  public func basis(at index: Int) -> Attribution.Basis { Attribution.Basis.allCases[Int(basisColumn[index])] }

  /// How many distinct sources back the record at `index` (`Record.sourceCount`).
  public func sourceCount(at index: Int) -> Int { Int(sourceCountColumn[index]) }

  /// Whether a later record revises the record at `index` (the `↻` marker).
  public func isSuperseded(_ index: Int) -> Bool { revisedBy[index] != nil }

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
  /// still shows the whole pair, since a claim is read against its denial.
  public func disputePairs(among rows: [Int]) -> [(disputing: Int, disputed: Int)] {
    let kept = Set(rows)
    var pairs: [(disputing: Int, disputed: Int)] = []
    for (target, sources) in disputedBy {
      for from in sources where from != target && (kept.contains(from) || kept.contains(target)) {
        pairs.append((from, target))
      }
    }
    return pairs.sorted { $0.disputing != $1.disputing ? $0.disputing < $1.disputing : $0.disputed < $1.disputed }
  }

  private func combine(_ forward: [Record.ID], _ backward: [Int], except index: Int) -> [Int] {
    var out: [Int] = []
    for t in forward.compactMap({ recordIndex[$0] }).sorted() where t != index && out.last != t { out.append(t) }
    for t in backward where t != index && !out.contains(t) { out.append(t) }
    return out
  }
}
