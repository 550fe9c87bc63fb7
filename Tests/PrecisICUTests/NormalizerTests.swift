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
    // A "maybe" character right after a starter it does not compose with is settled by the
    // table too, without ICU's full check: क and the nukta; न and the nukta compose (ऩ).
    var nukta = "कक\u{93C}"
    #expect(try nukta.withUTF8 { try nfc.isNormalized(utf8: $0) })
    var composing = "न\u{93C}"
    #expect(try !composing.withUTF8 { try nfc.isNormalized(utf8: $0) })
  }

  @Test func asciiIsUnchanged() throws {
    var input = "Plain ASCII text.\nTwo lines."
    let result = try input.withUTF8 { try Normalizer(form: .nfc).normalize(utf8: $0) }
    #expect(!result.changed)
    #expect(result.anchors.count == 1)
  }

  @Test(arguments: [NormalizationForm.nfc, .nfkc, .nfkcCasefold])
  func checkAgreesWithNormalizingInEveryScript(form: NormalizationForm) throws {
    // Lines built from letters, marks in and out of canonical order, compatibility
    // characters, singletons, Hangul jamo and supplementary characters: the check (which
    // answers most lines from a table of ICU's own answers) says yes exactly when
    // normalising changes nothing.
    let pieces: [String] = [
      "a", "Z", " ", ".", "\u{E9}", "e\u{301}", "\u{301}", "\u{316}", "\u{334}", "Ж", "й", "и\u{306}",
      "λ", "\u{3AC}", "\u{387}", "\u{374}", "ש", "\u{5B4}", "\u{5B0}", "ع", "\u{64E}", "\u{650}", "\u{654}",
      "ก", "\u{E38}", "\u{E48}", "\u{E33}", "क", "\u{93C}", "\u{94D}", "க", "\u{BBE}", "\u{BC6}", "中",
      "\u{F900}", "の", "\u{3099}", "か", "\u{FF21}", "\u{FB01}", "\u{2000}", "\u{2126}", "\u{212B}",
      "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{D7A3}", "\u{1F600}", "\u{2F800}", "\u{B2}",
      "\u{302A}", "\u{A66F}", "\u{FE20}", "\u{FFFD}",
      // "Maybe" characters after what they compose with, and after what they do not.
      "க\u{BC6}\u{BBE}", "க\u{BBE}", "\u{BCA}\u{BBE}", "\u{BC6}\u{BD7}", "\u{BBE}\u{BBE}",
      "\u{928}\u{93C}", "\u{915}\u{93C}", "\u{915}\u{94D}\u{93C}", "\u{930}\u{93C}",
      "\u{AC00}\u{11A8}", "\u{AC01}\u{11A8}", "\u{1100}\u{1161}", "e\u{301}", "x\u{301}",
      "\u{E9}\u{301}", "\u{E9}\u{316}\u{301}", "か\u{3099}", "ん\u{3099}", "\u{9C7}\u{9BE}",
      "\u{E38}\u{E48}", "\u{E48}\u{E38}", "A\u{30A}", "\u{212B}\u{301}",
    ]
    let normalizer = try Normalizer(form: form)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    var lines = pieces
    for _ in 0..<3000 {
      // Mostly one script's letters, now and then a mark or another piece.
      let base = pieces[next(pieces.count)]
      let length = 1 + next(12)
      lines.append((0..<length).map { _ in next(4) == 0 ? pieces[next(pieces.count)] : base }.joined())
    }
    for line in lines {
      var text = line
      let (checked, unchanged) = try text.withUTF8 { bytes in
        let checked = try normalizer.isNormalized(utf8: bytes, exactly: true)
        return (checked, !(try normalizer.normalize(utf8: bytes).changed))
      }
      let scalars = line.unicodeScalars.map { String($0.value, radix: 16) }
      #expect(checked == unchanged, "\(form) \(scalars)")
    }
  }
}

