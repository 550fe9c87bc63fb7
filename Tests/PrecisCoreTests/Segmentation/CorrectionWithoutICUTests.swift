@testable import PrecisCore
import PrecisICU
import Testing

/// The corrector run without ICU's sentence boundaries (only the line starts) gives ICU's
/// answer whenever it says it did not need them.
@Suite struct CorrectionWithoutICUTests {
  struct Outcome: Equatable {
    var boundaries: [Int]
    var needsICU: Bool
  }

  /// The corrector's boundaries of `text` with ICU's boundaries and without them.
  func correct(_ text: String, language: String) throws -> (withICU: [Int], without: Outcome) {
    let tag = try #require(LanguageTag(language))
    let splitter = try SentenceSplitter(options: .init())
    var corrector = BoundaryCorrector(
      rules: SplitRules.sharedRules(for: tag), icuLocale: splitter.icuLocale(for: tag))
    var copy = text
    return try copy.withUTF8 { bytes in
      let wordLocale = corrector.rules.spaceEndsSentence ? tag.icuLocale : nil
      let icu = try withBreakIterator(.sentence, locale: corrector.icuLocale) {
        try $0.boundaries(utf8: bytes)
      }
      let withICU = try corrector.boundaries(of: bytes, icu: icu, wordLocale: wordLocale)
      var group = SentenceSplitter.ICUGroup()
      let lines = group.lineBoundaries(of: bytes)
      let without = try corrector.boundaries(
        of: bytes, icu: lines, wordLocale: wordLocale, withoutICU: true)
      return (withICU, Outcome(boundaries: without, needsICU: corrector.needsICU))
    }
  }

  static let texts = [
    "He left. Then she came. Dr. Smith stayed.", "She said: \"Stop.\" He stopped.",
    "Am 3. Oktober feierten wir. Es war schön!", "See example.com. It works. Visit www.x.org.",
    "« Non. » Il part. Fin. « La chaleur » revient.", "Wait... what? Okay!? Yes.\nNew line. More.",
    "وصل الوفد. وقال الرئيس إن الاجتماع كان مفيدا.", "נאים שנערך אתמול. \"אנחנו יודעים\" אמר.",
    "회의가 끝났다. 다음 회의는 내일이다.", "Это конец. А это нет. т.е. ничего.",
    "Done.⟩ After that.", "It ended.】 Next one.", "End.\u{3000}Ideographic space.",
    "End.\u{0301} Combining. More.", "Costs 5. € more. (See p. 12.) Another.",
    "x.) y.] z.\" w.' v.» u.› Next.", "1. Item one. 2. Item two.", "Yes! no. Maybe? (ok) fine.",
  ]

  @Test(arguments: ["en", "de", "fr", "ar", "he", "ko", "ru", "th"])
  func withoutICUTheAnswerIsICUsOrICUIsNeeded(language: String) throws {
    for text in Self.texts {
      let (withICU, without) = try correct(text, language: language)
      if !without.needsICU {
        #expect(without.boundaries == withICU, "\(language): \(text)")
      }
    }
  }

  @Test func plainProseNeedsNoICU() throws {
    for (text, language) in [
      ("He left. Then she came. Dr. Smith stayed.", "en"),
      ("Am 3. Oktober feierten wir. Es war schön!", "de"),
      ("« Non. » Il part. Fin. « La chaleur » revient.", "fr"),
      ("وصل الوفد. وقال الرئيس إن الاجتماع كان مفيدا.", "ar"),
      ("회의가 끝났다. 다음 회의는 내일이다.", "ko"),
    ] {
      #expect(try !correct(text, language: language).without.needsICU, "\(text)")
    }
  }

  @Test func aClosingMarkTheClusterLeavesNeedsICU() throws {
    // ICU's run goes on through "⟩ " (a closing bracket the rules do not take), past the
    // place where the rules look for the next word.
    #expect(try correct("Done.⟩ After that.", language: "en").without.needsICU)
  }
}
