/// A report that records cite: an article, a statement, a transcript.
public struct Source: Sendable, Hashable, Identifiable {
  public typealias ID = TypedID<Source>

  public var id: ID
  public var outlet: String
  public var title: String
  public var url: String?
  public var published: RecordDate?
  public var publishedInferred: Bool
  public var updated: RecordDate?
  public var via: String?
  /// The full text in NFC with LF line ends (SCHEMA.md compares quotes that way).
  ///
  /// Loaded on first use for large corpora (see SourceText); setting it stores the value.
  public var text: String {
    get { textStorage.text }
    set { textStorage = SourceText(.value(newValue)) }
  }
  var textStorage: SourceText
  /// Where the text came from: `nil` for inline text, else the relative `text_path`.
  public var textPath: String?

  public init(
    id: ID, outlet: String, title: String, url: String? = nil,
    published: RecordDate? = nil,
    publishedInferred: Bool = false, updated: RecordDate? = nil,
    via: String? = nil,
    text: String, textPath: String? = nil
  ) {
    self.id = id
    self.outlet = outlet
    self.title = title
    self.url = url
    self.published = published
    self.publishedInferred = publishedInferred
    self.updated = updated
    self.via = via
    self.textStorage = SourceText(.value(text))
    self.textPath = textPath
  }
}
