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

  @Test(arguments: [NormalizationForm.nfc, .nfkc, .nfkcCasefold])
  func longLinesAreCheckedInPiecesWithoutMissingAnything(form: NormalizationForm) throws {
    // One line of about 200 KB of Cyrillic and Greek (every byte non-ASCII between the
    // spaces), with one decomposed letter placed around each 64 KB piece boundary.
    let word = "слово λέξη "
    let normalizer = try Normalizer(form: form)
    var clean = String(repeating: word, count: 10_000)
    #expect(try clean.withUTF8 { try normalizer.isNormalized(utf8: $0) })
    for offset in [65_530, 65_536, 65_540, 131_070, 131_075] {
      var bytes = Array(clean.utf8)
      var at = offset
      while bytes[at] & 0xC0 == 0x80 { at += 1 }
      bytes.insert(contentsOf: Array("e\u{301}".utf8), at: at)
      #expect(try bytes.withUnsafeBufferPointer { try !normalizer.isNormalized(utf8: $0) }, "at \(at)")
    }
    // Without any ASCII at all: the line is checked whole.
    var dense = String(repeating: "слово", count: 20_000) + "е\u{308}"
    #expect(try dense.withUTF8 { try !normalizer.isNormalized(utf8: $0) })
  }

  @Test(arguments: [NormalizationForm.nfc, .nfkc, .nfkcCasefold])
  func longLinesAreNormalizedInPiecesAsWordByWord(form: NormalizationForm) throws {
    // One line of about 300 KB: words needing changes of every length (composed, folded,
    // expanded), some runs without ASCII longer than a piece, no line break.
    let words = [
      "e\u{301}cole", "слово", "λέξη", "\u{FB01}n", "x\u{B2}", "Ａ\u{FF21}", "\u{1100}\u{1161}",
      "\u{212B}", "Straße", String(repeating: "е\u{308}λ", count: 30_000), "a\u{328}\u{301}",
    ]
    let normalizer = try Normalizer(form: form)
    var line: [UInt8] = []
    var expected: [UInt8] = []
    var anchors = [OffsetAnchor(normalized: 0, original: 0)]
    var k = 0
    while line.count < 300_000 {
      var word = words[k % words.count]
      k = (k &* 7 &+ 3) % 1013
      let result = try word.withUTF8 { try normalizer.normalize(utf8: $0) }
      for a in result.anchors.dropFirst() {
        let moved = OffsetAnchor(normalized: expected.count + a.normalized, original: line.count + a.original)
        let last = anchors[anchors.count - 1]
        if last.original + (moved.normalized - last.normalized) != moved.original { anchors.append(moved) }
      }
      line.append(contentsOf: word.utf8)
      expected.append(contentsOf: result.bytes)
      let last = anchors[anchors.count - 1]
      if last.original + (expected.count - last.normalized) != line.count {
        anchors.append(OffsetAnchor(normalized: expected.count, original: line.count))
      }
      line.append(0x20)
      expected.append(0x20)
    }
    let whole = try line.withUnsafeBufferPointer { try normalizer.normalize(utf8: $0) }
    #expect(whole.bytes == expected)
    #expect(whole.anchors == anchors)
  }

  /// The full check settles what the quick check cannot: क and the nukta stay apart in NFC
  /// (क़ is excluded from composition), e and the acute accent do not.
  @Test func exactCheckDecidesWhatTheQuickCheckLeavesOpen() throws {
    let nfc = try Normalizer(form: .nfc)
    for (text, isNFC) in [("कक\u{93C} text", true), ("one e\u{301}", false), ("ok é", true), ("Ｋ", true)] {
      var text = text
      #expect(try text.withUTF8 { try nfc.isNormalized(utf8: $0, exactly: true) } == isNFC, "\(text)")
      // The quick check alone never says yes to text that is not normalised.
      if !isNFC { #expect(try !text.withUTF8 { try nfc.isNormalized(utf8: $0) }) }
    }
    var nukta = "कक\u{93C}"
    #expect(try !nukta.withUTF8 { try nfc.isNormalized(utf8: $0) })
  }

  @Test func asciiIsUnchanged() throws {
    var input = "Plain ASCII text.\nTwo lines."
    let result = try input.withUTF8 { try Normalizer(form: .nfc).normalize(utf8: $0) }
    #expect(!result.changed)
    #expect(result.anchors.count == 1)
  }
}
