import ArgumentParser
import DatelineConfig
import DatelineCore
import Foundation

/// `--starred`, `--tag T` (repeatable), `--all-tags`, `--has-note`: filters on the
/// reader's annotations, shared by `list` and `report`.
struct AnnotationFilterOptions: ParsableArguments {
  @Flag(
    name: .long,
    help: "Only starred records (browser `*`, `dateline annotate --star`).")
  var starred = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only records annotated with this tag (repeatable).", valueName: "tag"))
  var tag: [String] = []

  @Flag(name: .long, help: "Require every --tag (default: any).")
  var allTags = false

  @Flag(name: .long, help: "Only records with a note.")
  var hasNote = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The filters of a view saved in the browser (V) instead of the filter flags.",
      valueName: "name")
  )
  var view: String?

  var filter: AnnotationFilter {
    AnnotationFilter(
      starredOnly: starred, tags: Set(tag.map(AnnotationChange.normalizedTag)),
      tagMode: allTags ? .all : .any,
      hasNote: hasNote)
  }

  /// The data directory's annotations; their warnings go to stderr when `verbose` (a
  /// filter on annotations was asked for), so a plain `list` prints what it did before.
  func annotations(options: DataOptions, verbose: Bool) -> Annotations {
    let config = (try? options.settingsQuietly()) ?? Config()
    return AnnotationPlace.load(
      AnnotationPlace.store(dataDirectory: options.directory, config: config),
      quiet: !verbose)
  }

  /// `rows` (the query's answer) with the records whose annotations hold the search
  /// words added back from `candidates`, then narrowed by the annotation filters.
  func narrowed(
    _ rows: [Int], candidates: [Int], search: String, corpus: Corpus,
    annotations: Annotations, view: SavedView? = nil
  ) -> [Int] {
    let words = TextSearch.words(search)
    var out = rows
    if !words.isEmpty && !annotations.entries.isEmpty {
      out = AnnotationFilter.searched(
        candidates, words: words, corpus: corpus, annotations: annotations,
        recordMatches: rows)
    }
    return (view?.filter ?? filter).apply(
      out, corpus: corpus, annotations: annotations)
  }

  /// `--view NAME` from the views file beside this user's annotations; an unknown name
  /// exits 2 naming the views there are.
  func savedView(options: DataOptions) throws -> SavedView? {
    guard let view else { return nil }
    let config = (try? options.settingsQuietly()) ?? Config()
    let store = AnnotationPlace.store(
      dataDirectory: options.directory, config: config)
    let book = ViewBook.read(ViewBook.path(besideAnnotations: store.file))
    guard let found = book.view(named: view) else {
      let known = book.views.map { "\"\($0.name)\"" }.joined(separator: ", ")
      Output.error(
        "no view named \"\(view)\""
          + (known.isEmpty
            ? "; save one in the browser with V" : "; views: " + known))
      throw ExitCode(2)
    }
    return found
  }
}

/// Listed records with their annotations (`x_annotations` in JSON; see Annotations+Export).
enum AnnotatedOutput {
  /// A records envelope (`list --format json`) whose items are the JSON lines of `rows`
  /// (`writeJSONLines`), one per line.
  static func envelope(_ rows: [Int], corpus: Corpus, annotations: Annotations)
    -> [UInt8]
  {
    var out = Array(
      "{\"schema\": 1, \"type\": \"records\", \"items\": [\n".utf8)
    writeJSONLines(rows, corpus: corpus, annotations: annotations) { block in
      var start = block.startIndex
      while let newline = block[start...].firstIndex(of: 0x0A) {
        out += [0x20, 0x20]
        out += block[start..<newline]
        out += [0x2C, 0x0A]
        start = newline + 1
      }
    }
    // The last item has no comma.
    if out.count >= 2 && out[out.count - 2] == 0x2C {
      out.remove(at: out.count - 2)
    }
    return out + Array("]}\n".utf8)
  }

  /// `Corpus.writeJSONLines`, with each annotated record's line written on its own with
  /// its annotations added; runs of the others in one call, as they were.
  static func writeJSONLines(
    _ rows: [Int], corpus: Corpus, annotations: Annotations,
    _ write: (UnsafeRawBufferPointer) -> Void
  ) {
    guard annotations.annotatesAny(rows, in: corpus) else {
      corpus.writeJSONLines(rows, write)
      return
    }
    var run: [Int] = []
    for i in rows {
      guard let entry = annotations.entries[corpus.records[i].id] else {
        run.append(i)
        continue
      }
      if !run.isEmpty { corpus.writeJSONLines(run, write) }
      run = []
      var line: [UInt8] = []
      corpus.writeJSONLines([i]) { line += $0 }
      let body = line.last == 0x0A ? Array(line.dropLast()) : line
      (Annotations.inserting(entry, into: body) + [0x0A]).withUnsafeBytes(write)
    }
    if !run.isEmpty { corpus.writeJSONLines(run, write) }
  }
}
