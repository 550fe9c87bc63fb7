import PrecisCore
import Testing

@Suite struct UnspacedScriptBreaksTests {
  @Test func thaiSentencesEndAtSpacesBetweenThaiLetters() throws {
    var document = Document(source: "t", text: "ตลาดเปิดแล้ว ผู้คนมาเที่ยว เมื่อ 20 มี.ค. นี้\n")
    document.language = LanguageTag("th")
    document = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
      .apply(to: document)
    let pieces = document.segments.map { document.text(of: $0) }
    #expect(pieces.first == "ตลาดเปิดแล้ว")
    #expect(pieces.count >= 3)
    // A space next to a digit is not a sentence end.
    #expect(pieces.contains { $0.contains("20") && $0.hasPrefix("เมื่อ") })
  }

  @Test func otherLanguagesAreUntouched() throws {
    var document = Document(source: "t", text: "ตลาดเปิดแล้ว ผู้คนมาเที่ยว\n")
    document.language = LanguageTag("en")
    document = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
      .apply(to: document)
    #expect(document.segments.count == 1)
  }
}
