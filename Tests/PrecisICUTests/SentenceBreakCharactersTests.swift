import PrecisICU
import Testing

@Suite struct SentenceBreakCharactersTests {
  func mayBreak(_ text: String, locale: String) throws -> Bool {
    var copy = text
    return try copy.withUTF8 { bytes in
      try withBreakIterator(.sentence, locale: locale) {
        try $0.sentenceBreakCharacters().mayBreak(in: bytes)
      }
    }
  }

  func boundaries(_ text: String, locale: String) throws -> [Int] {
    var copy = text
    return try copy.withUTF8 { bytes in
      try withBreakIterator(.sentence, locale: locale) { try $0.boundaries(utf8: bytes) }
    }
  }

  /// The boundaries ICU gives a text without break characters: after each line feed, the end.
  func lineStarts(_ text: String) -> [Int] {
    let bytes = Array(text.utf8)
    return bytes.indices.filter { $0 > 0 && bytes[$0 - 1] == 0x0A } + [bytes.count]
  }

  @Test(arguments: ["en", "en@ss=standard", "el", "ja", "ar", "hi", "th", "hy"])
  func textsWithoutThemBreakOnlyAfterLineFeeds(locale: String) throws {
    let texts = [
      "Chapter 1: The Beginning", "Äpfel, Birnen und Nüsse\nZweite Zeile — ohne Punkt",
      "第一章 はじまり", "الفصل الأول، البداية", "अध्याय एक", "สวัสดีครับ วันนี้อากาศดี",
      "« Titre » (2024) – 3,5 % [x] {y} 'z' \"w\"", "a\n\nb \n c",
    ]
    for text in texts where try !mayBreak(text, locale: locale) {
      #expect(try boundaries(text, locale: locale) == lineStarts(text), "\(locale): \(text)")
    }
    // The same texts all pass the test in English.
    if locale == "en" {
      for text in texts { #expect(try !mayBreak(text, locale: locale), "\(text)") }
    }
  }

  @Test(arguments: ["en", "el", "ja", "ar", "hi", "hy"])
  func terminatorsAreFound(locale: String) throws {
    for text in ["Done.", "Why?", "Stop!", "終わり。", "لماذا؟", "समाप्त।", "Վերջ։", "line\rfeed", "a\u{2029}b"] {
      #expect(try mayBreak(text, locale: locale), "\(locale): \(text)")
    }
  }

  @Test func greekSemicolonIsAQuestionMarkOnlyInGreek() throws {
    // ICU's Greek rules end a sentence at ";" (the Greek question mark).
    let text = "Τι κάνεις; Καλά"
    #expect(try boundaries(text, locale: "el").count == 2)
    #expect(try mayBreak(text, locale: "el"))
    #expect(try !mayBreak(text, locale: "en"))
  }
}

@Suite struct SentenceBreakClassTests {
  @Test func classesFromICUsData() {
    #expect(SentenceBreakClass(of: 0x2E) == .aTerm)
    #expect(SentenceBreakClass(of: 0x3F) == .sTerm)
    #expect(SentenceBreakClass(of: 0x22) == .close)
    #expect(SentenceBreakClass(of: 0x27E9) == .close)  // ⟩
    #expect(SentenceBreakClass(of: 0x20) == .sp)
    #expect(SentenceBreakClass(of: 0x3000) == .sp)
    #expect(SentenceBreakClass(of: 0x61) == .lower)
    #expect(SentenceBreakClass(of: 0x41) == .upper)
    #expect(SentenceBreakClass(of: 0x5D0) == .oLetter)  // א
    #expect(SentenceBreakClass(of: 0x31) == .numeric)
    #expect(SentenceBreakClass(of: 0x2C) == .sContinue)
    #expect(SentenceBreakClass(of: 0x2029) == .sep)
    #expect(SentenceBreakClass(of: 0x0A) == .lf)
    #expect(SentenceBreakClass(of: 0x301) == .extend)
  }

  func mayBreakBesidesStops(_ text: String, locale: String) throws -> Bool {
    var copy = text
    return try copy.withUTF8 { bytes in
      try withBreakIterator(.sentence, locale: locale) {
        try $0.sentenceBreakCharactersBesidesStops().mayBreak(in: bytes)
      }
    }
  }

  @Test func stopsAreLeftOut() throws {
    #expect(try !mayBreakBesidesStops("Done. Why? Stop! ...", locale: "en"))
    for text in ["終わり。", "لماذا؟", "समाप्त।", "line\rfeed", "a\u{2029}b", "a\u{85}b"] {
      #expect(try mayBreakBesidesStops(text, locale: "en"), "\(text)")
    }
    #expect(try mayBreakBesidesStops("Τι κάνεις; Καλά", locale: "el"))
    #expect(try !mayBreakBesidesStops("Τι κάνεις; Καλά", locale: "en"))
  }
}
