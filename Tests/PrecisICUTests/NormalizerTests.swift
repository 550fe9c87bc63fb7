import PrecisICU
import Testing

@Suite struct NormalizerTests {
  @Test(arguments: [
    (NormalizationForm.nfc, "e\u{301}cole", "\u{E9}cole"),
    (.nfc, "x\u{B2}", "x\u{B2}"),
    (.nfkc, "x\u{B2} \u{FB01}n", "x2 fin"),
    (.nfkcCasefold, "Stra\u{DF}e ABC", "strasse abc"),
    (.nfc, "\u{D55C}", "\u{D55C}"),
    (.nfc, "\u{1100}\u{1161}\u{11AB}", "\u{AC04}"),
  ])
  func normalizes(form: NormalizationForm, input: String, expected: String) throws {
    #expect(try Normalizer(form: form).normalize(input) == expected)
  }

  @Test func keepsAnchorsAtChangedCharacters() throws {
    // "ab" + e + combining acute + "cd": the composed é (2 bytes) replaces 3 bytes at offset 2.
    var input = "ab" + "e\u{301}" + "cd"
    let result = try input.withUTF8 { try Normalizer(form: .nfc).normalize(utf8: $0) }
    #expect(String(decoding: result.bytes, as: UTF8.self) == "ab\u{E9}cd")
    #expect(result.anchors == [
      OffsetAnchor(normalized: 0, original: 0), OffsetAnchor(normalized: 4, original: 5),
    ])
  }

  @Test func asciiIsUnchanged() throws {
    var input = "Plain ASCII text.\nTwo lines."
    let result = try input.withUTF8 { try Normalizer(form: .nfc).normalize(utf8: $0) }
    #expect(!result.changed)
    #expect(result.anchors.count == 1)
  }
}
