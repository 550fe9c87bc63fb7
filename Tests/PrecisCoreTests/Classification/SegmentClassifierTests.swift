import Foundation
import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct SegmentClassifierTests {
  func classify(_ text: String, language: String? = "en") throws -> Document {
    var document = Document(source: "t", text: text)
    document.language = language.flatMap(LanguageTag.init)
    return try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()), SegmentClassifier(options: .init()),
    ]).apply(to: document)
  }

  /// The role of `line` when it stands as a paragraph between two paragraphs of running text.
  func role(of line: String, language: String?) throws -> SegmentRole? {
    let before = "The council met on Tuesday. It approved the plan."
    let after = "Work starts in May. It will take two years."
    let document = try classify("\(before)\n\n\(line)\n\n\(after)\n", language: language)
    let roles = Set(document.segments.filter { $0.paragraph == 1 }.map(\.role))
    return roles.count == 1 ? roles.first : nil
  }

  @Test(arguments: [
    ("date 2025-11-06 + ↺ − 16 px", "en", SegmentRole.boilerplate),
    ("Home › Region | 14.03.2025 | Share Print", "en", .boilerplate),
    ("Startseite / Lokales / Bergheim", "de", .boilerplate),
    ("Главная / Новости / 12 марта 2025, 10:15", "ru", .boilerplate),
    ("Read more: Council approves study for a new line", "en", .boilerplate),
    ("Lesen Sie auch: Pegel der Mulde leicht gestiegen", "de", .boilerplate),
    ("Читайте также: В школах появятся шахматные кружки", "ru", .boilerplate),
    ("相关阅读：地铁十一号线明年开工", "zh", .boilerplate),
    ("By Anna Carter, staff reporter", "en", .boilerplate),
    ("Quelle: Stadtverwaltung Lindenau", "de", .boilerplate),
    ("Фото: пресс-служба администрации", "ru", .boilerplate),
    ("（記者 王明 報道）", "ja", .boilerplate),
    ("Share Print Comment", "en", .boilerplate),
    ("文化频道 | 2025年5月18日 星期日 | 阅读 12,586", "zh", .boilerplate),
    ("https://example.org/transport/line-5", "en", .protected),
    ("tram-info@example.org", "en", .protected),
    ("let total = items.reduce(0, +);", "en", .protected),
    ("- Buses 12 and 14 will be shortened.", "en", .listItem),
    ("• Monthly passes remain valid.", "en", .listItem),
    ("1. A freeze on new book purchases.", "en", .listItem),
    ("a) the first option", "en", .listItem),
    ("・飲料水と食料を備蓄する", "ja", .listItem),
    ("What changes for passengers", "en", .heading),
    ("New tram line links Riverside and the university district", "en", .heading),
    ("地铁九号线今日开通 城东居民通勤时间缩短一半", "zh", .heading),
    ("By the end of the year the line will carry more passengers than the buses did.", "en", .body),
    ("Sources close to the mayor said the vote would be close.", "en", .body),
    ("Paris welcomed the plan on Monday.", "fr", .body),
    ("The budget lists several measures:", "en", .body),
  ] as [(String, String, SegmentRole)])
  func rolesOfLines(line: String, language: String, expected: SegmentRole) throws {
    #expect(try role(of: line, language: language) == expected, "\(line)")
  }

  @Test func unknownLanguageUsesEveryList() throws {
    #expect(try role(of: "Lesen Sie auch: Pegel der Mulde leicht gestiegen", language: nil) == .boilerplate)
    #expect(try role(of: "Read more: Council approves study", language: nil) == .boilerplate)
  }

  @Test func shortLastLineWithoutFullStopIsFurniture() throws {
    let document = try classify("Body text here. More body.\n\nAnother paragraph of text.\n\nNews.Az")
    #expect(document.segments.last?.role == .boilerplate)
    #expect(document.segments.first?.role == .body)
  }

  @Test func linksUnderAReadMoreLineGoWithIt() throws {
    let text = "本文です。続きです。\n\n関連記事：\n気象台「今年の台風、平年並みか多め」\n防災士の資格取得費用、市が補助\n\n出典：市危機管理課"
    let document = try classify(text, language: "ja")
    #expect(document.segments.filter { $0.paragraph >= 1 }.allSatisfy { $0.role == .boilerplate })
    #expect(document.paragraphs[1].role == .boilerplate)
  }

  @Test func mixedParagraphKeepsBodyRoleButItsLinesAreMarked() throws {
    let document = try classify("The measures include:\n- a new pump\n- a warning system\n\nEnd of story here.")
    #expect(document.paragraphs[0].role == .body)
    #expect(document.segments.filter { $0.paragraph == 0 }.map(\.role) == [.body, .listItem, .listItem])
  }

  @Test func everyCorporaArticleOpensAndClosesWithFurniture() throws {
    for file in TestPaths.corporaFiles() where !file.hasPrefix("mixed/") {
      var document = try TextDecoder().decode(TestPaths.corporaBytes(file), source: file)
      document.language = LanguageTag(String(file.prefix { $0 != "/" }))
      document = try Pipeline(stages: [
        TextNormalizer(options: .init()), SentenceSplitter(options: .init()), SegmentClassifier(options: .init()),
      ]).apply(to: document)
      let text = { (s: Segment) in document.text(of: s) }
      #expect(document.segments.first?.role == .boilerplate, "\(file): \(document.segments.first.map(text) ?? "")")
      #expect(document.segments.last?.role == .boilerplate, "\(file): \(document.segments.last.map(text) ?? "")")
      #expect(document.segments.filter { $0.role == .body }.count >= 5, "\(file)")
    }
  }

  @Test func classifyingChangesOnlyRoles() async throws {
    await propertyCheck(count: 300, input: HardText.string(upTo: 120)) { text in
      var document = Document(source: "t", text: text)
      document = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
        .apply(to: document)
      let classified = try SegmentClassifier(options: .init()).apply(to: document)
      #expect(classified.segments.map(\.range) == document.segments.map(\.range))
      #expect(classified.segments.map(\.id) == document.segments.map(\.id))
      #expect(classified.text == document.text)
    }
  }

  @Test func optionsDecodeWithDefaults() throws {
    let options = try JSONDecoder().decode(SegmentClassifier.Options.self, from: Data("{}".utf8))
    #expect(options == SegmentClassifier.Options())
    #expect(options.headingMaxWords == 20)
    #expect(throws: StageError.self) { try SegmentClassifier(options: { var o = options; o.headingMaxWords = 0; return o }()) }
  }
}
