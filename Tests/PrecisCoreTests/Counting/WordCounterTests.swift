@testable import PrecisCore
import Testing

@Suite struct WordCounterTests {
  let counter = WordCounter()

  /// Counted by hand by the rules in WordCounts.md.
  @Test(arguments: [
    // 11 words: "9.30" is one number, "O'Neil" one word, "Ms." one word; punctuation is not.
    ("en", "The library opens on 3 May at 9.30, said Ms. O'Neil.", 11, 42, 0),
    // {name} is a word; the URL and the e-mail address are not counted at all.
    ("en", "Hello {name}, see https://example.org or write to a@b.com.", 6, 19, 1),
    // Hyphenated words are two words (UAX #29), as GMX-V counts them.
    ("en", "A well-known 24-hour service.", 6, 26, 0),
    // The en dash is punctuation: a character, not a word.
    ("de", "Die Straßenbahn fährt ab 6 Uhr – täglich!", 7, 34, 0),
    // Every Han character is a word; the full stop is a character only.
    ("zh", "地铁九号线今天开通。", 9, 10, 0),
    // 97 is one word (a number); % and 。 are characters.
    ("zh", "预约率达到97%。", 6, 9, 0),
    // Kanji and kana one word each (ー too), the digit a word.
    ("ja", "東京タワーは3分で見える。", 12, 13, 0),
    // Thai by ICU's dictionary: ตลาด|นัด|เปิด|ทุก|วัน|เสาร์; characters are grapheme clusters.
    ("th", "ตลาดนัดเปิดทุกวันเสาร์", 6, 17, 0),
  ])
  func countsLikeTranslationTools(
    language: String, text: String, words: Int, characters: Int, placeholders: Int
  ) {
    let counts = counter.counts(of: text, language: LanguageTag(language)!)
    #expect(
      counts == SegmentCounts(words: words, characters: characters, placeholders: placeholders))
  }

  @Test func countsRepetitionsAndLeavesOutWhatIsNotTranslated() throws {
    var document = try FormatSamples.document("Share | Print\n\nYes. No, thanks. Yes.\n")
    document.paragraphs[0].role = .boilerplate
    document.segments[0].role = .boilerplate
    let counts = counter.counts(of: document)
    #expect(
      counts.total
        == Counts(
          segments: 3, words: 4, characters: 18, excludedSegments: 1, repeatedSegments: 1,
          repeatedWords: 1, repeatedCharacters: 4))
    #expect(counts.segments.map(\.words) == [0, 1, 2, 1])
    #expect(
      counts.total.summary
        == "3 segments, 4 words, 18 characters; 1 repeated (1 word); 1 not to translate")
  }

  /// Repetitions are found by canonical equivalence, as `String`s compare, in NFC text (by
  /// bytes) and in text that is not (by `String`).
  @Test func repetitionsCompareAsStrings() {
    var seen = WordCounter.SeenTexts(isNFC: true)
    let inserted = ["Café au lait.", "Café au lait.", "Cafe au lait."].map { seen.insert($0) }
    #expect(inserted == [true, false, true])
    var mixed = WordCounter.SeenTexts(isNFC: false)
    let insertedMixed = ["Café au lait.", "Cafe\u{301} au lait."].map { mixed.insert($0) }
    #expect(insertedMixed == [true, false])
    for (sentences, repeated) in [(["Olá.", "Ola\u{301}."], 1), (["Olá.", "Olá."], 1), (["Olá.", "Ola."], 0)] {
      var document = Document(source: "t", text: sentences.joined(separator: " "))
      var start = 0
      for (k, sentence) in sentences.enumerated() {
        let range = start..<(start + sentence.utf8.count)
        document.segments.append(
          Segment(id: SegmentID(paragraphHash: 1, occurrence: 0, index: k), range: range, paragraph: 0))
        start = range.upperBound + 1
      }
      var paragraph = Paragraph(range: 0..<document.text.utf8.count)
      paragraph.segments = 0..<sentences.count
      document.paragraphs = [paragraph]
      let counts = WordCounter().counts(of: PreparedDocument(document))
      #expect(counts.total.repeatedSegments == repeated, "\(sentences)")
    }
  }

  @Test func countsAddUpForABatch() {
    let a = Counts(segments: 2, words: 10, characters: 50, placeholders: 1)
    let b = Counts(segments: 1, words: 3, characters: 9, repeatedSegments: 1, repeatedWords: 3)
    #expect(
      a + b
        == Counts(
          segments: 3, words: 13, characters: 59, placeholders: 1, repeatedSegments: 1,
          repeatedWords: 3))
  }
}
