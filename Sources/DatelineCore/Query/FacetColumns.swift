/// Per record, what the facet filters and the figures pane ask about: the attribution
/// basis, how many sources back it, and which records state a figure of each label.
///
/// The basis and source counts are the loader's columns (RecordStore); only records that
/// state figures are decoded, for their labels, when this is first needed (a basis or
/// source filter, the figures pane, `list --basis`).
public struct FacetColumns: Sendable {
  /// Per record: its attribution basis (`Attribution.Basis.allCases` index) and how many
  /// distinct sources back it (capped at 255): the loader's columns, shared, not copied.
  let basisColumn: Column<UInt8>
  let sourceCountColumn: Column<UInt8>
  /// Folded figure label → indexes of the records stating a figure with it, in timeline order.
  public let figureRecords: [String: [Int]]
  /// The most sources behind one record.
  public let maxSourceCount: Int

  public init(corpus: Corpus) {
    let store = corpus.store
    basisColumn = store.basis
    sourceCountColumn = store.sourceCount
    var maxSources = 0
    for n in store.sourceCount where Int(n) > maxSources { maxSources = Int(n) }
    maxSourceCount = maxSources
    // Only records that state figures are decoded (the store counts them per record).
    var figures: [String: [Int]] = [:]
    for i in 0..<store.count where store.figureCount[i] > 0 {
      for f in corpus.records[i].figures {
        let key = FigureSeries.key(f.label)
        if figures[key]?.last != i { figures[key, default: []].append(i) }
      }
    }
    figureRecords = figures
  }

  /// The attribution basis of the record at `index` (`unattributed` without attribution).
  public func basis(at index: Int) -> Attribution.Basis {
    Attribution.Basis.allCases[Int(basisColumn[index])]
  }

  /// How many distinct sources back the record at `index` (`Record.sourceCount`).
  public func sourceCount(at index: Int) -> Int {
    Int(sourceCountColumn[index])
  }
}
