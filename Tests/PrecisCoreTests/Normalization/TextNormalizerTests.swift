@testable import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct TextNormalizerTests {
  func normalize(_ text: String, form: NormalizationForm = .nfc) throws -> Document {
    try TextNormalizer(options: .init(form: form)).apply(to: Document(source: "t", text: text))
  }

  /// Found by fuzz-normalize: a control removed at offset 0 and an NFKC change later gave
  /// a composed offset map starting at (0, 1), so that original offset 0 mapped to -1.
  @Test(arguments: [NormalizationForm.nfc, .nfkc, .nfkcCasefold])
  func aControlRemovedAtTheStartKeepsTheMapStartingAtZero(form: NormalizationForm) throws {
    let input = "\u{1F}Ab\u{FB01}x e\u{301}."
    let once = try TextNormalizer(options: .init(form: form))
      .apply(to: Document(source: "t", text: input))
    let map = once.originalOffsets
    #expect(map.anchors.first == OffsetAnchor(normalized: 0, original: 0))
    #expect(map.originalOffset(of: 0) == 1)
    for o in 0...input.utf8.count {
      let n = map.normalizedOffset(of: o)
      #expect(n >= 0 && n <= once.text.utf8.count, "original \(o) maps to \(n)")
    }
  }

  @Test func needsCleaningFindsEverySequenceAtEveryPosition() {
    // The sixteen- and eight-byte fast paths must not miss a sequence in any position of a
    // vector or a word, nor one that straddles two.
    let specials: [[UInt8]] = [
      [0x0D], [0x00], [0x1F], [0x7F], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],
      [0xEF, 0xBB, 0xBF],
    ]
    let harmless: [[UInt8]] = [[0x0A], [0x09], [0xC2, 0xA0], [0xE2, 0x80, 0x94], [0xEF, 0xBC, 0x8C], [0xD0, 0xB4]]
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 23, 31, 32, 40] {
      for position in 0...length {
        let before = [UInt8](repeating: 0x61, count: position)
        let after = [UInt8](repeating: 0x62, count: length - position)
        for special in specials {
          let bytes = before + special + after
          #expect(bytes.withUnsafeBufferPointer { TextNormalizer.needsCleaning($0) }, "\(bytes)")
        }
        for sequence in harmless {
          let bytes = before + sequence + after
          #expect(!bytes.withUnsafeBufferPointer { TextNormalizer.needsCleaning($0) }, "\(bytes)")
          // A harmless byte the fast path stops at does not hide a sequence after it.
          for special in specials {
            let both = before + sequence + special + after
            #expect(both.withUnsafeBufferPointer { TextNormalizer.needsCleaning($0) }, "\(both)")
          }
        }
      }
    }
  }

  @Test(arguments: [
    ("a\r\nb\rc", "a\nb\nc"),
    ("one\u{2028}two\u{2029}three", "one\ntwo\n\nthree"),
    ("x\u{85}y", "x\ny"),
    ("tab\tstays", "tab\tstays"),
    ("bell\u{07}gone\u{9B}", "bellgone"),
    ("zwj \u{1F469}\u{200D}\u{1F4BB} zwnj \u{200C} rlm \u{200F} vs \u{FE0F}", "zwj \u{1F469}\u{200D}\u{1F4BB} zwnj \u{200C} rlm \u{200F} vs \u{FE0F}"),
    ("stray\u{FEFF}mark", "straymark"),
    ("Cafe\u{301}", "Caf\u{E9}"),
    // Curly quotes, dashes, CJK punctuation and no-break spaces share lead bytes with what
    // is cleaned; the controls after them must still go.
    ("\u{201C}Quoted\u{201D} \u{2013} text\r\nnext", "\u{201C}Quoted\u{201D} \u{2013} text\nnext"),
    ("\u{4F1A}\u{8BAE}\u{FF0C}\u{7ED3}\u{675F}\u{3002}\u{FEFF}", "\u{4F1A}\u{8BAE}\u{FF0C}\u{7ED3}\u{675F}\u{3002}"),
    ("no\u{A0}break\u{85}end", "no\u{A0}break\nend"),
  ])
  func normalizes(input: String, expected: String) throws {
    #expect(Array(try normalize(input).text.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test func leavesTypographicTextAsItIs() throws {
    let text = "\u{201E}Stra\u{DF}e\u{201C} \u{2014} \u{6771}\u{4EAC}\u{FF0C}\u{5927}\u{962A}\u{3002} l\u{2019}\u{E9}t\u{E9}\u{A0}!\n"
    let document = try normalize(text)
    #expect(Array(document.text.utf8) == Array(text.utf8))
    #expect(document.removedCharacters.isEmpty)
    for n in 0...text.utf8.count { #expect(document.originalOffsets.originalOffset(of: n) == n) }
  }

  @Test func keepsRemovedControlsRecoverable() throws {
    let document = try normalize("a\u{01}b\r\nc\u{1B}")
    #expect(document.text == "ab\nc")
    #expect(document.removedCharacters == [
      RemovedCharacter(utf8Offset: 1, scalar: 1), RemovedCharacter(utf8Offset: 4, scalar: 0x1B),
    ])
  }

  @Test func mapsOffsetsBackToTheInput() throws {
    // "e" + U+0301 (3 bytes) composes to é (2 bytes); CRLF becomes LF.
    let document = try normalize("x\r\ne\u{301}!\r\nend")
    #expect(document.text == "x\n\u{E9}!\nend")
    let map = document.originalOffsets
    #expect(map.originalOffset(of: 0) == 0)  // x
    #expect(map.originalOffset(of: 2) == 3)  // é ← e + accent
    #expect(map.originalOffset(of: 4) == 6)  // !
    #expect(map.originalOffset(of: 6) == 9)  // e of "end"
  }

  @Test func isIdempotentOnCorpora() throws {
    let stage = try TextNormalizer(options: .init())
    for file in TestPaths.corporaFiles() {
      let once = try stage.apply(to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
      let twice = try stage.apply(to: once)
      #expect(Array(twice.text.utf8) == Array(once.text.utf8), "\(file)")
    }
  }

  @Test func isIdempotentOnRandomText() async throws {
    for form in NormalizationForm.allCases {
      let stage = try TextNormalizer(options: .init(form: form))
      await propertyCheck(count: RandomDocuments.cases, input: HardText.document()) { text in
        let once = try stage.apply(to: Document(source: "t", text: text))
        let twice = try stage.apply(to: once)
        #expect(Array(twice.text.unicodeScalars) == Array(once.text.unicodeScalars))
      }
    }
  }

  @Test func offsetMapIsMonotoneAndInBounds() async throws {
    let stage = try TextNormalizer(options: .init())
    await propertyCheck(count: RandomDocuments.cases, input: HardText.document()) { text in
      let document = try stage.apply(to: Document(source: "t", text: text))
      var previous = 0
      for n in 0...document.text.utf8.count {
        let o = document.originalOffsets.originalOffset(of: n)
        #expect(o >= previous && o <= text.utf8.count)
        previous = o
      }
    }
  }

  @Test func optionsDecodeFromNothing() throws {
    #expect(TextNormalizer.Options() == .init(form: .nfc))
  }
}

@Suite struct NormalizerPropertyTests {
  @Test func icuNormalizerIsIdempotentOnRandomText() async throws {
    for form in NormalizationForm.allCases {
      let normalizer = try Normalizer(form: form)
      await propertyCheck(count: RandomDocuments.cases, input: HardText.document()) { text in
        let once = try normalizer.normalize(text)
        #expect(Array(try normalizer.normalize(once).unicodeScalars) == Array(once.unicodeScalars))
      }
    }
  }
}
