@testable import DatelineCore
import XCTest

/// The byte scan that fills the facet columns without decoding: what it reads, and that
/// it asks for a decode whenever it could be wrong.
final class ItemFactScanTests: XCTestCase {
  /// The basis the scan reads, or nil when it asks for a decode.
  func scan(_ json: String) -> Attribution.Basis? {
    var bytes = Array(json.utf8)
    return bytes.withUnsafeMutableBytes { ItemFactScan.scan(UnsafeRawBufferPointer($0))?.basis }
  }

  func testTheBasisIsReadFromTheAttributionAtTheTopLevel() {
    let table: [(String, Attribution.Basis)] = [
      (#"{"id":"a","attribution":{"text":"t","basis":"anonymous"},"headline":"h"}"#, .anonymous),
      (#"{ "attribution" : { "basis" : "named" , "text" : "t" } }"#, .named),
      (#"{"id":"a","headline":"no attribution"}"#, .unattributed),
      // "basis" as a value, inside a string, or in an extension is not the attribution's.
      (#"{"tags":["basis"],"headline":"the \"basis\": official","attribution":{"text":"t","basis":"official"}}"#, .official),
      (#"{"x_note":{"basis":"named"},"attribution":{"text":"t","basis":"official"}}"#, .official),
      (#"{"x_attribution":{"basis":"named"}}"#, .unattributed),
    ]
    for (json, expected) in table { XCTAssertEqual(scan(json), expected, json) }
  }

  func testAnythingTheScanDoesNotModelAsksForADecode() {
    let table = [
      #"{"attribution":{"text":"t","b\u0061sis":"named"}}"#,  // an escape could spell a key
      #"{"headline":"caf\u00e9","attribution":{"text":"t","basis":"named"}}"#,
      #"{"also":[{"source":"s"}],"attribution":{"text":"t","basis":"named"}}"#,
      #"{"figures":[],"attribution":{"text":"t","basis":"named"}}"#,
      #"{"attribution":{"text":"t","basis":"sometimes"}}"#,  // not a basis
      #"{"attribution":{"text":"t"}}"#,
      #"{"attribution":{"text":"t","basis":"named"},"attribution":{"text":"t","basis":"anonymous"}}"#,
      #"{"attribution":{"text":"t","basis":["named"]}}"#,
      #"{"attribution":{"text":"unterminated"#,
    ]
    for json in table { XCTAssertNil(scan(json), json) }
  }

  func testTheColumnsMatchTheDecodedRecordsOnBothCorpora() throws {
    for corpus in [try FeatureData.seed(), try FeatureData.fixture()] {
      let columns = FacetColumns(corpus: corpus)
      for i in corpus.records.indices {
        XCTAssertEqual(columns.basis(at: i), corpus.records[i].basis, corpus.records[i].id.rawValue)
        XCTAssertEqual(columns.sourceCount(at: i), corpus.records[i].sourceCount, corpus.records[i].id.rawValue)
      }
    }
  }
}
