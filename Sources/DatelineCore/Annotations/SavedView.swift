import Foundation

/// A view: a name for the filters, search, date range and basis of the timeline (and the
/// annotation filters), saved beside the annotations so `dateline list --view NAME` and
/// the browser (`V`) open the same records.
public struct SavedView: Sendable, Hashable {
  public var name: String
  public var query: TimelineQuery
  public var filter: AnnotationFilter
  /// Whether the browser opens `query.search` as a filter (`F`, `:filter-in`) rather
  /// than as a search to step through; `list --view` filters by it either way.
  public var searchFilters = false

  public init(
    name: String, query: TimelineQuery,
    filter: AnnotationFilter = AnnotationFilter()
  ) {
    self.name = name
    self.query = query
    self.filter = filter
  }

  /// The view as a JSON object (one line).
  public var jsonObject: String {
    var o = JSONWriter()
    o.field("name", name)
    if !query.parties.isEmpty {
      o.raw("parties", JSONWriter.array(query.parties.selected.map(\.rawValue)))
    }
    if query.parties.mode == .all { o.field("party_mode", "all") }
    if let s = query.since { o.field("since", s.description) }
    if let u = query.until { o.field("until", u.description) }
    if !query.search.isEmpty { o.field("search", query.search) }
    if searchFilters { o.raw("search_filters", "true") }
    if !query.excluded.isEmpty {
      o.raw("filter_out", JSONWriter.array(query.excluded))
    }
    let bases = Attribution.Basis.allCases.filter(query.facets.basis.contains)
      .map(\.rawValue)
    if !bases.isEmpty { o.raw("basis", JSONWriter.array(bases)) }
    if query.facets.minSources > 1 {
      o.raw("min_sources", String(query.facets.minSources))
    }
    if query.facets.disputedOnly { o.raw("disputed", "true") }
    if filter.starredOnly { o.raw("starred", "true") }
    if !filter.tags.isEmpty {
      o.raw("tags", JSONWriter.array(filter.tags.sorted()))
    }
    if filter.tagMode == .all { o.field("tag_mode", "all") }
    if filter.hasNote { o.raw("has_note", "true") }
    return o.object
  }

  /// A view from its JSON object; nil when it has no name. Unknown or bad fields are
  /// dropped (a view file written by a newer dateline still opens).
  public static func decode(_ node: JSONNode) -> SavedView? {
    guard case .object(let members) = node.value else { return nil }
    var fields: [String: JSONNode.Value] = [:]
    for m in members { fields[m.key] = m.value.value }
    func string(_ k: String) -> String? {
      guard case .string(let s)? = fields[k] else { return nil }
      return s
    }
    func strings(_ k: String) -> [String] {
      guard case .array(let items)? = fields[k] else { return [] }
      return items.compactMap {
        guard case .string(let s) = $0.value else { return nil }
        return s
      }
    }
    func flag(_ k: String) -> Bool {
      guard case .bool(true)? = fields[k] else { return false }
      return true
    }
    guard let name = string("name"), !name.isEmpty else { return nil }
    var q = TimelineQuery()
    q.parties = PartyFilter(
      strings("parties").map { Party.ID($0) },
      mode: string("party_mode") == "all" ? .all : .any)
    q.since = string("since").flatMap(RecordDate.parse)
    q.until = string("until").flatMap(RecordDate.parse)
    q.search = string("search") ?? ""
    q.excluded = strings("filter_out")
    q.facets.basis = Set(
      strings("basis").compactMap(Attribution.Basis.init(rawValue:)))
    if case .number(let n)? = fields["min_sources"], n >= 1, n < 1000 {
      q.facets.minSources = Int(n)
    }
    q.facets.disputedOnly = flag("disputed")
    let f = AnnotationFilter(
      starredOnly: flag("starred"), tags: Set(strings("tags")),
      tagMode: string("tag_mode") == "all" ? .all : .any,
      hasNote: flag("has_note"))
    var view = SavedView(name: name, query: q, filter: f)
    view.searchFilters = flag("search_filters")
    return view
  }
}

/// The views file: `NAME.views.json` beside `NAME.jsonl`, the user's views and where the
/// browser was when it last closed (`last`, with the selected record), written whole and
/// atomically.
public struct ViewBook: Sendable, Hashable {
  public var views: [SavedView] = []
  /// The filters and the selected record when the browser last quit.
  public var last: SavedView?
  public var lastRecord: Record.ID?

  public init() {}

  public func view(named name: String) -> SavedView? {
    views.first { $0.name == name }
  }

  /// Adds the view, or replaces the one with its name.
  public mutating func save(_ view: SavedView) {
    if let i = views.firstIndex(where: { $0.name == view.name }) {
      views[i] = view
    } else {
      views.append(view)
    }
  }

  /// The file for an annotations file `…/NAME.jsonl`: `…/NAME.views.json`.
  public static func path(besideAnnotations file: String) -> String {
    (file.hasSuffix(".jsonl") ? String(file.dropLast(6)) : file) + ".views.json"
  }

  /// The views in the file; a missing or unreadable file is an empty book (views are a
  /// convenience: a broken file must not keep the browser from opening).
  public static func read(_ path: String) -> ViewBook {
    var book = ViewBook()
    guard let data = FileManager.default.contents(atPath: path) else {
      return book
    }
    let root = [UInt8](data).withUnsafeBytes {
      try? JSONParser.parse($0, depthLimit: 8)
    }
    guard case .object(let members)? = root?.value else { return book }
    for m in members {
      switch (m.key, m.value.value) {
      case ("views", .array(let items)):
        book.views = items.compactMap(SavedView.decode)
      case ("last", _): book.last = SavedView.decode(m.value)
      case ("last_record", .string(let id)) where TypedID<Record>.isValid(id):
        book.lastRecord = Record.ID(id)
      default: continue
      }
    }
    return book
  }

  /// The views in the file before a write: an empty book when there is no file, nil when
  /// there is one that does not parse as a views object (a hand edit gone wrong), which a
  /// write must not replace with this session's views alone.
  public static func readForUpdate(_ path: String) -> ViewBook? {
    guard FileManager.default.fileExists(atPath: path) else {
      return ViewBook()
    }
    guard let data = FileManager.default.contents(atPath: path),
      case .object? = [UInt8](data).withUnsafeBytes({
        try? JSONParser.parse($0, depthLimit: 8)
      })?.value
    else { return nil }
    return read(path)
  }

  public var json: String {
    var out = "{\"schema\": 1, \"views\": [\n"
    out += views.map { "  " + $0.jsonObject }.joined(separator: ",\n")
    out += (views.isEmpty ? "" : "\n") + "]"
    if let last { out += ",\n\"last\": " + last.jsonObject }
    if let lastRecord {
      out += ",\n\"last_record\": " + JSONWriter.string(lastRecord.rawValue)
    }
    return out + "}\n"
  }

  /// Writes the book atomically (a temporary file beside it, then renamed).
  public func write(_ path: String) throws(FileWriteError) {
    let code = AnnotationLog.makeDirectories(
      (path as NSString).deletingLastPathComponent)
    if code != 0 {
      throw FileWriteError(
        path: path, operation: "create the directory of", code: code)
    }
    try AtomicFile.write(json, to: path)
  }
}
