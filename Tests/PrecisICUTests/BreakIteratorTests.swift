import PrecisICU
import Testing

@Suite struct BreakIteratorTests {
  func boundaries(_ text: String, _ kind: BreakKind = .sentence, locale: String = "en") throws -> [Int] {
    var copy = text
    return try copy.withUTF8 { bytes in
      try withBreakIterator(kind, locale: locale) { try $0.boundaries(utf8: bytes) }
    }
  }

  @Test(arguments: ["en@ss=standard", "ja", "ru"])
  func longTextsReadInWindowsBreakAsWhole(locale: String) throws {
    // About 300 KB of varied sentences, some very long, read whole and in 9 KB windows.
    let pieces = [
      "Mr. Smith met Dr. Jones at 3.15 p.m. on the U.S. coast.", "「よし。」と彼は言った。",
      "Он ушёл, т. е. уехал в 5 ч. утра!", "Why?\u{201D} she asked. ", "A. B. Cee wrote (see p. 4.) twice.",
      String(repeating: "word ", count: 3000) + "end.", "…and then. ", "3. Oktober. ",
    ]
    var text = ""
    var k = 0
    while text.utf8.count < 300_000 {
      text += pieces[k % pieces.count] + (k % 7 == 0 ? " " : "  ")
      k = k &* 31 &+ 7
      k %= 1009
    }
    var copy = text
    let (whole, windowed) = try copy.withUTF8 { bytes in
      try withBreakIterator(.sentence, locale: locale) {
        (try $0.boundaries(utf8: bytes, window: .max), try $0.boundaries(utf8: bytes, window: 9000))
      }
    }
    #expect(whole.count > 100)
    #expect(windowed == whole)
  }

  @Test(arguments: ["en", "ja", "ru", "th"])
  func longTextsGiveTheSameWordsInWindows(locale: String) throws {
    // About 200 KB of words, numbers, ideographs, Thai and long words (shorter than a window).
    let pieces = [
      "Mr. Smith met Dr. Jones at 3.15 p.m. on the U.S. coast.", "「よし。」と彼は言った。東京都の天気",
      "Он ушёл, т. е. уехал в 5 ч. утра!", "ภาษาไทยไม่มีช่องว่างระหว่างคำ", "don't 1,234.5 e-mail",
      String(repeating: "x", count: 4_000), "…and then. ", "3. Oktober. ",
    ]
    var text = ""
    var k = 0
    while text.utf8.count < 200_000 {
      text += pieces[k % pieces.count] + (k % 5 == 0 ? "" : " ")
      k = k &* 31 &+ 7
      k %= 1009
    }
    typealias Piece = (range: Range<Int>, kind: WordKind)
    var copy = text
    let (whole, windowed) = try copy.withUTF8 { bytes in
      try withBreakIterator(.word, locale: locale) { iterator in
        var whole: [Piece] = []
        var windowed: [Piece] = []
        try iterator.forEachSegment(utf8: bytes, window: .max) { whole.append(($0, $1)) }
        try iterator.forEachSegment(utf8: bytes, window: 9000) { windowed.append(($0, $1)) }
        return (whole, windowed)
      }
    }
    #expect(whole.count > 1000)
    #expect(windowed.count == whole.count)
    let firstDifference = zip(windowed, whole).enumerated().first { $1.0.range != $1.1.range || $1.0.kind != $1.1.kind }?.offset
    #expect(firstDifference == nil)
  }

  @Test func aWordLongerThanTheWindowStillMovesOn() throws {
    // No boundary within a window: the window's text is one segment, and all of it is covered.
    var text = String(repeating: "a", count: 30_000)
    var ranges: [Range<Int>] = []
    try text.withUTF8 { bytes in
      try withBreakIterator(.word, locale: "en") { iterator in
        try iterator.forEachSegment(utf8: bytes, window: 9000) { range, _ in ranges.append(range) }
      }
    }
    #expect(ranges.first?.lowerBound == 0)
    #expect(ranges.last?.upperBound == 30_000)
    #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
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

  @Test(arguments: ["en", "th", "ja"])
  func wordSegmentsEndAtTheWordBoundaries(locale: String) throws {
    // Characters of one to four UTF-8 bytes (and of two UTF-16 units): each segment's UTF-8
    // range starts where the one before ends, and ends where boundaries(utf8:) puts a break.
    var text = "Été 😀 ภาษาไทยไม่มีช่องว่าง, 東京の天気 don't 𝒳yz 1,234.5 Ωμέγα😀😀 end"
    let (segments, ends) = try text.withUTF8 { bytes in
      try withBreakIterator(.word, locale: locale) { iterator in
        var segments: [Range<Int>] = []
        try iterator.forEachSegment(utf8: bytes) { range, _ in segments.append(range) }
        return (segments, try iterator.boundaries(utf8: bytes))
      }
    }
    #expect(segments.count > 20)
    #expect(segments.map(\.upperBound) == ends)
    #expect(segments.first?.lowerBound == 0)
    #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
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
