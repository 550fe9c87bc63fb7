import PrecisICU
import Testing

@Suite struct BreakIteratorTests {
  func boundaries(_ text: String, _ kind: BreakKind = .sentence, locale: String = "en") throws -> [Int] {
    var copy = text
    return try copy.withUTF8 { bytes in
      try withBreakIterator(kind, locale: locale) { try $0.boundaries(utf8: bytes) }
    }
  }

  @Test func reportsUTF8Offsets() throws {
    // "Été." is 6 bytes (É is 2, é is 2); the space after it makes 7.
    #expect(try boundaries("Été. Oui.") == [7, 11])
  }

  @Test func handlesAstralScalars() throws {
    // 😀 is 4 UTF-8 bytes and 2 UTF-16 units.
    #expect(try boundaries("😀 Ok. 😀 No.") == [9, 17])
  }

  @Test func breaksJapaneseAfterIdeographicFullStop() throws {
    #expect(try boundaries("晴れ。雨。", locale: "ja") == [9, 15])
  }

  @Test func suppressionsKeepTitles() throws {
    #expect(try boundaries("Mr. Smith left.", locale: "en@ss=standard") == [15])
    #expect(try boundaries("Mr. Smith left.", locale: "en").count == 2)
  }

  @Test func emptyTextHasNoBoundaries() throws {
    #expect(try boundaries("") == [])
  }

  @Test func wordSegmentsHaveKinds() throws {
    var text = "Tokyo 2025 東京"
    var kinds: [WordKind] = []
    try text.withUTF8 { bytes in
      try withBreakIterator(.word, locale: "ja") { iterator in
        try iterator.forEachSegment(utf8: bytes) { _, kind in kinds.append(kind) }
      }
    }
    #expect(kinds == [.letter, .none, .number, .none, .ideograph])
  }
}
