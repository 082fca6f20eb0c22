import DatelineCore
import XCTest

@testable import DatelineUI

/// Readable colours (issue 14): a party's colour follows its hierarchy, roots do not
/// share a colour while the palette has one free, no dark blue, the `[colors]` config wins.
final class PartyPaletteTests: XCTestCase {
  func testChildrenTakeTheirRootsColourAndRootsAreBold() throws {
    let corpus = try Seed.corpus()
    let palette = PartyPalette(corpus: corpus)
    for (i, p) in corpus.parties.enumerated() {
      let root = palette.root(of: i)
      XCTAssertNil(corpus.parties[root].parent, p.id.rawValue)
      let style = palette.style(i)
      XCTAssertEqual(
        style.foreground, palette.style(root).foreground,
        "\(p.id) takes \(corpus.parties[root].id)'s colour")
      XCTAssertEqual(style.bold, root == i, p.id.rawValue)
      XCTAssertEqual(
        style.bright, root != i || style.foreground == .blue,
        "\(p.id): a child is the bright shade")
      XCTAssertTrue(
        style.foreground != .blue || style.bright, "\(p.id): no dark blue")
    }
    let idf = try XCTUnwrap(corpus.partyIndex["idf"])
    let israel = try XCTUnwrap(corpus.partyIndex["israel"])
    XCTAssertEqual(palette.root(of: idf), israel)
  }

  func testRootsGetDistinctColoursWhileThePaletteHasThem() throws {
    let corpus = try Seed.corpus()
    let palette = PartyPalette(corpus: corpus)
    let roots = corpus.parties.indices.filter {
      corpus.parties[$0].parent == nil
    }
    let colours = roots.compactMap { palette.rootColors[$0] }
    XCTAssertEqual(colours.count, roots.count)
    // Six roots, five hues plus the data's blue: every root its own colour.
    XCTAssertEqual(
      Set(colours).count, min(roots.count, PartyPalette.hues.count + 1),
      "\(colours)")
  }

  func testTheConfigsKindColourWinsAndMonochromeHasNone() throws {
    let corpus = try Seed.corpus()
    var theme = Theme(useColor: true, kindColors: [.state: .white])
    theme.parties = PartyPalette(corpus: corpus)
    let israel = try XCTUnwrap(corpus.partyIndex["israel"])
    let idf = try XCTUnwrap(corpus.partyIndex["idf"])
    XCTAssertEqual(
      theme.party(corpus.parties[israel], index: israel),
      Style(foreground: .white))
    XCTAssertEqual(
      theme.party(corpus.parties[idf], index: idf).foreground, .blue,
      "a government body follows its root")
    XCTAssertEqual(
      Theme(useColor: false).party(corpus.parties[israel], index: israel),
      .plain)
    XCTAssertNotEqual(Theme(useColor: true).kind(.event).foreground, .blue)
  }
}
