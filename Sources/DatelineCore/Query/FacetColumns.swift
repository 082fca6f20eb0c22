/// Per record, what the facet filters and the figures pane ask about: the attribution
/// basis, how many sources back it, and which records state a figure of each label.
///
/// Building it reads every record once, so it is built when first needed (a basis or
/// source filter, the figures pane, `list --basis`), not at start-up. It decodes no record
/// that `ItemFactScan` can read from its bytes: for a typical corpus, every record without
/// `also` or `figures`. A million records take about a second.
public struct FacetColumns: Sendable {
  /// Per record: its attribution basis (`Attribution.Basis.allCases` index) and how many
  /// distinct sources back it (capped at 255).
  let basisColumn: [UInt8]
  let sourceCountColumn: [UInt8]
  /// Folded figure label → indexes of the records stating a figure with it, in timeline order.
  public let figureRecords: [String: [Int]]
  /// The most sources behind one record.
  public let maxSourceCount: Int

  public init(corpus: Corpus) {
    let count = corpus.records.count
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
    figureRecords = figures
    basisColumn = basis
    sourceCountColumn = sources
    maxSourceCount = maxSources
  }

  /// The attribution basis of the record at `index` (`unattributed` without attribution).
  public func basis(at index: Int) -> Attribution.Basis { Attribution.Basis.allCases[Int(basisColumn[index])] }

  /// How many distinct sources back the record at `index` (`Record.sourceCount`).
  public func sourceCount(at index: Int) -> Int { Int(sourceCountColumn[index]) }
}
