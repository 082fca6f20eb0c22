import DatelineCore

/// Party colours that follow the hierarchy: each root party gets a colour of its own
/// where the palette allows, and its descendants take a shade of it (the root bold in the
/// normal shade, the others in the bright one), so Israel, its PMO and its army read as one
/// family at a glance.
///
/// Roots that name a colour in the data keep it; the others take the palette's colours
/// those leave free, in the order of the parties file, before any colour is used twice.
struct PartyPalette {
  /// Colours for roots on 8-colour terminals: no blue (dark blue on a black background is
  /// hard to read), no black or white (the terminal's own colours stand for "no party").
  static let hues: [Style.Color] = [.cyan, .green, .magenta, .yellow, .red]

  /// The colour of each root party, by party index.
  let rootColors: [Int: Style.Color]
  let corpus: Corpus

  init(corpus: Corpus) {
    self.corpus = corpus
    var colors: [Int: Style.Color] = [:]
    var roots: [Int] = []
    for (i, p) in corpus.parties.enumerated()
    where p.parent.flatMap({ corpus.partyIndex[$0] }) == nil {
      roots.append(i)
      if let hint = p.color.flatMap(PartyPalette.color(ofHint:)) {
        colors[i] = hint
      }
    }
    let taken = Set(colors.values)
    var free = PartyPalette.hues.filter { !taken.contains($0) }
    for i in roots where colors[i] == nil {
      if free.isEmpty { free = PartyPalette.hues }
      colors[i] = free.removeFirst()
    }
    rootColors = colors
  }

  /// A data hint as a colour to draw: black is the background's; blue is drawn in its
  /// bright shade, see `style`.
  static func color(ofHint hint: Party.Color) -> Style.Color? {
    guard let i = Party.Color.allCases.firstIndex(of: hint),
      let c = Style.Color(rawValue: i), c != .black
    else {
      return nil
    }
    return c
  }

  /// The root of party `index` (itself for a root), walking at most its depth up.
  func root(of index: Int) -> Int {
    var cur = index
    var steps = corpus.depth(of: corpus.parties[index].id) + 1
    while steps > 0, let parent = corpus.parties[cur].parent,
      let p = corpus.partyIndex[parent]
    {
      cur = p
      steps -= 1
    }
    return cur
  }

  /// The style of party `index`: its root's hue; the root itself in the normal shade and
  /// bold, its descendants in the bright shade of the same hue (a second shade on 16-colour
  /// terminals, bold on 8-colour ones). Blue is always the bright shade: the normal one is
  /// dark on a black background.
  func style(_ index: Int) -> Style {
    let r = root(of: index)
    guard let color = rootColors[r] else { return .plain }
    return Style(
      foreground: color, bold: r == index, bright: r != index || color == .blue)
  }
}
