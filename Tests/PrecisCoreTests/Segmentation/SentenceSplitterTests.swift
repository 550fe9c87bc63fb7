import Foundation
import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct SentenceSplitterTests {
  func split(_ text: String, language: String = "en") throws -> Document {
    var document = Document(source: "t", text: text)
    document.language = LanguageTag(language)
    let pipeline = try Pipeline(stages: [
      try TextNormalizer(options: .init()), try SentenceSplitter(options: .init()),
    ])
    return try pipeline.apply(to: document)
  }

  /// Checks the segments against `marked`, where `¦` marks each segment's end.
  func expectSegments(
    _ marked: String, in language: String = "en", sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let text = marked.replacingOccurrences(of: "¦", with: "")
    let expected = marked.split(separator: "¦").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }.filter { !$0.isEmpty }
    let document = try split(text, language: language)
    #expect(
      document.segments.map { document.text(of: $0) } == expected, sourceLocation: sourceLocation)
  }

  @Test func splitsParagraphsAtBlankLines() throws {
    let document = try split("Title\n\nFirst one. Second one.\n  \t\nLast.\n")
    #expect(document.paragraphs.count == 3)
    #expect(document.segments.map(\.paragraph) == [0, 1, 1, 2])
  }

  @Test(arguments: [
    ("en", "Mr. Smith came home. ¦It rained.¦"),
    ("en", "Headline without a stop\n¦The body begins here.¦"),
    ("de", "Er kam. ¦Sie ging?¦ Wir blieben!¦"),
    ("ja", "雨が降った。¦彼は帰った。¦"),
    ("zh", "今天下雨。¦我们回家了！¦"),
    ("ar", "هل جاء؟ ¦نعم جاء.¦"),
    ("hi", "वह आया। ¦वह गया।¦"),
  ])
  func splitsSentences(language: String, marked: String) throws {
    try expectSegments(marked, in: language)
  }

  /// One row per rule and language; "¦" marks where each segment ends.
  @Test(arguments: [
    // Initials, titles, abbreviations that end a sentence only before a sentence starter.
    ("en", "My name is Jonas E. Smith. ¦He works for the U.S. Government in Virginia.¦"),
    ("en", "There were 500 cases in the U.S. ¦The U.S. Army said so.¦"),
    ("en", "We make a good team, you and I. ¦Did you see Albert I. Jones?¦"),
    ("en", "At 5 a.m. Mr. Smith left. ¦He came back at 6 p.m. ¦Travellers waited.¦"),
    ("en", "Please turn to p. 55. ¦Then read on.¦"),
    ("en", "They closed the deal with Pitt, Briggs & Co. at noon.¦"),
    ("en", "She works at Yahoo! in the accounting department.¦"),
    ("en", "Leave me alone! he yelled. ¦I am in the U.S. Army.¦"),
    // Numbers, addresses, file names, domains, sentences run together.
    (
      "en",
      "Version 2.0 costs $3.50 at www.example.com/a?b=C now. ¦Write to ann@example.org. ¦Thanks.¦"
    ),
    ("en", "Read report.PDF first, News.Az reports.¦"),
    ("en", "Visit example.com. ¦Students love it.¦"),
    ("en", "Prices rose in Jan. ¦The index fell 2.5% by 3 p.m. on Friday.¦"),
    ("en", "He moved to the U.S. ¦In 2010, he joined the U.S. Senate.¦"),
    ("en", "Hello world.¦Today is Tuesday.¦"),
    ("en", "It was a consultation.11 12 ¦Take the example.¦"),
    ("en", "Saint Maximus is a martyr.[1] ¦The emperor Decius ruled.¦"),
    // Ellipses: an omission goes on, a full stop before one ends.
    ("en", "I wasn’t really ... well, what I mean...see . . . I didn’t mean it.¦"),
    ("en", "It was combining words. ¦. . . The practice was not abandoned. . . .¦"),
    // Quotations and brackets stay whole; a closing quote stays with its sentence.
    ("en", "\"Dear, dear! How queer.\" she said. ¦Then she left.¦"),
    ("en", "He said “Stop. Now.” ¦They stopped.¦"),
    ("en", "\"Bohr [...] used the analogy [...]\" (Smith 55).¦"),
    (
      "en",
      "Two began, \"we put a white one in by mistake, to--\" ¦At this moment, Five called out.¦"
    ),
    // Lists: a label is part of its item; a repeated label starts the next item.
    ("en", "1. The first item ¦2. The second item¦"),
    ("en", "a) here it is ¦b) another ¦c) one more¦"),
    ("en", "• 9. The first item ¦• 10. The second item¦"),
    ("en", "They went home. ¦(a) Hello world. ¦(b) Hello world.¦"),
    // German: ordinals, abbreviations, quotations.
    ("de", "Was geschah am 3. Oktober 1990? ¦Die Einheit.¦"),
    ("de", "Er kam im 19. Jahrhundert. ¦Das war früh.¦"),
    ("de", "Ludwig XIV. war König. ¦Er starb 1715.¦"),
    ("de", "Wir brauchen z. B. Wasser, Saft usw. ¦Danach gehen wir.¦"),
    ("de", "Dr. med. Meyer wohnt in der Berliner Str. 5 in Bremen.¦"),
    ("de", "Thomas sagte: „Wann kommst du? Ich warte.“ ¦Sie lachte.¦"),
    ("de", "• 3. Seien Sie achtsam! ¦\n• 4. Essen Sie Fisch!¦"),
    ("da", "De holdt Skt. Hans i byen den 23. juni. ¦Det regnede.¦"),
    ("sk", "Spoločnosť bola založená 7. apríla 2020. ¦Ide o príslušníkov XII. Pluku.¦"),
    ("fr", "Il a dit « Non. Jamais. » ¦Puis il est parti.¦"),
    ("es", "¡Hola Srta. Ledesma! ¦¿Cómo está hoy?¦"),
    ("es", "Vive en EE. UU. desde 2010. ¦Núm. de tel: 351.123.465.4. ¦Envíe saludos.¦"),
    ("it", "Sono l'Ing. Mengozzi. ¦È presente l'Avv. Cassioni?¦"),
    ("nl", "Hij schoot op de brandstof. ¦81 procent was raak.¦"),
    ("pl", "Prof. Nowak mieszka przy ul. Długiej 5. ¦Jest np. lekarzem.¦"),
    ("pl", "Kosztowała 18,4 mln zł. ¦Ok. 60 proc. pochodziło z funduszy unijnych.¦"),
    ("pt", "O Sr. Silva chegou às 10h. ¦A Dra. Costa saiu.¦"),
    ("ru", "Д-р наук А. И. Семенов выступал. ¦В 2010–2012 гг. Виктор жил в г. Волгограде.¦"),
    ("ru", "— Куда ты? — спросил он. ¦— Домой.¦"),
    ("bg", "Той живее на бул. Витоша 5. ¦Там е хубаво.¦"),
    ("kk", "Кезінде А. Фарахани, М. Т. Бехар, т.б. ақындар болды.¦"),
    ("kk", "Ауыл шаруашылығы – кім? ¦не?¦"),
    // Scripts with their own marks.
    ("hy", "Ի՞նչ ես մտածում: ¦Ոչինչ:¦"),
    ("hy", "Ապրիլի 24-ին սկսեց անձրևել...Այդպես էի գիտեի:¦"),
    ("el", "Με συγχωρείτε· πού είναι οι τουαλέτες; ¦Εδώ.¦"),
    ("ar", "وقال د. ديفيد إنها كانت مريضة. ¦وليس معروفا ما حدث.¦"),
    ("ar", "سؤال وجواب: ¦ماذا حدث بعد الانتخابات؟¦"),
    ("ar", "عثر على أدوية الدم، والقلب، ¦وبدأت مراسم الحداد عليه¦"),
    ("ar", "وشهد اليوم إقبالاً من العائلات، إذ تجاوز عدد الزوار 12 ألف شخص.¦"),
    ("ar", "وقالت مديرة المعرض في مؤتمر صحفي: «أردنا مساحة للقراءة». ¦وأضافت أن السعر ثابت.¦"),
    ("fa", "او آمد. ¦او رفت؟¦"),
    ("hi", "डॉ. शर्मा आए। ¦वह गए।¦"),
    ("mr", "डॉ. पाटील आले. ¦ते गेले.¦"),
    ("ur", "وہ آیا۔ ¦وہ گیا۔¦"),
    ("am", "ሰላም ነው። ¦ደህና ነኝ።¦"),
    ("my", "ကျွန်တော် ကျောင်းသွားတယ်။ ¦သူ အိမ်မှာ နေတယ်။¦"),
    ("ja", "これは山です（これは山です。これは山です）。¦これは川です。¦"),
    ("ja", "1.）これは山です。¦2.）これは川です。¦"),
    ("zh", "我们明天一起去看《摔跤吧！爸爸》好吗？¦好！¦"),
    ("th", "วันนี้ฉันไปหาหมอฟันมาค่ะ ¦ค่าอุดฟันซี่ละ 800 บาท¦"),
    ("th", "ที่ตลาดมีผักขายมากมาย เช่น ผักบุ้ง คะน้า และมะม่วง¦"),
    // A language without a rule file gets ICU's breaks and the shared rules.
    ("sv", "Han kom hem. ¦Det regnade i går.¦"),
  ])
  func followsTheRules(language: String, marked: String) throws {
    try expectSegments(marked, in: language)
  }

  @Test func usesEachParagraphsLanguage() throws {
    // As `detect` leaves it: an English document with a German paragraph.
    var document = Document(
      source: "t", text: "Am 3. Oktober kam er.\n\nHe left on Oct. 3. Then he stayed.")
    document.language = LanguageTag("en")
    var german = Paragraph(range: 0..<21)
    german.language = LanguageTag("de")
    document.paragraphs = [german]
    document = try SentenceSplitter(options: .init()).apply(to: document)
    #expect(
      document.segments.map { document.text(of: $0) } == [
        "Am 3. Oktober kam er.", "He left on Oct. 3.", "Then he stayed.",
      ])
    #expect(document.paragraphs.map(\.language) == [LanguageTag("de"), nil])
    #expect(document.segments.map(\.language) == [LanguageTag("de"), nil, nil])
    #expect(document.paragraphs[0].segments == 0..<1)
  }

  @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
  func keepsTheNewsArticlesNamesInTheirSentences() throws {
    let bytes = try Array(
      Data(contentsOf: URL(fileURLWithPath: TestPaths.shared + "/data/examples/news-az-nato.txt")))
    var document = try TextDecoder().decode(bytes, source: "news-az-nato.txt")
    document.language = LanguageTag("en")
    document = try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()),
    ])
    .apply(to: document)
    let segments = document.segments.map { document.text(of: $0) }
    #expect(segments.first == "date 2025-11-06 + ↺ − 16 px")
    #expect(
      segments.contains {
        $0.contains(
          "Azerbaijan–NATO cooperation, News.Az reports, citing the presidential website.")
      })
    #expect(
      segments.contains {
        $0.hasPrefix("Expressing his gratitude")
          && $0.contains("U.S. President Donald Trump in the process")
      })
    #expect(segments.last == "News.Az")
  }

  @Test func segmentsNeverTouchWhiteSpace() throws {
    let document = try split("  Lead space.   Trailing\u{3000}\u{3000}\n\u{A0}Next. ")
    for segment in document.segments {
      let text = document.text(of: segment)
      #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines))
      #expect(!text.isEmpty)
    }
  }

  @Test func segmentsAndGapsRebuildEveryCorporaFile() throws {
    for file in TestPaths.corporaFiles() {
      var document = try TextDecoder().decode(TestPaths.corporaBytes(file), source: file)
      document = try Pipeline(stages: [
        TextNormalizer(options: .init()), SentenceSplitter(options: .init()),
      ])
      .apply(to: document)
      #expect(!document.segments.isEmpty, "\(file)")
      #expect(Array(document.rebuiltText().utf8) == Array(document.text.utf8), "\(file)")
    }
  }

  /// Segments and the gaps between them rebuild the normalised text, byte for byte, after
  /// normalize, detect and split; ranges rise, stay in bounds, are not empty and lie in their
  /// paragraphs.
  @Test func segmentsAndGapsRebuildRandomText() async throws {
    let pipeline = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init()),
      SentenceSplitter(options: .init()),
    ])
    await propertyCheck(count: RandomDocuments.cases, input: RandomDocuments.input) {
      text, language in
      var document = Document(source: "t", text: text)
      document.language = RandomDocuments.languages[language].flatMap { LanguageTag($0) }
      document = try pipeline.apply(to: document)
      #expect(Array(document.rebuiltText().utf8) == Array(document.text.utf8))
      let count = document.text.utf8.count
      var end = 0
      for segment in document.segments {
        #expect(segment.range.lowerBound >= end && segment.range.upperBound <= count)
        #expect(!segment.range.isEmpty)
        let paragraph = document.paragraphs[segment.paragraph].range
        #expect(
          paragraph.lowerBound <= segment.range.lowerBound
            && segment.range.upperBound <= paragraph.upperBound)
        end = segment.range.upperBound
      }
    }
  }

  @Test func idsAreStableAndUnique() throws {
    let text = "Same.\n\nOther text here.\n\nSame.\n"
    let a = try split(text)
    let b = try split(text)
    #expect(a.segments.map(\.id) == b.segments.map(\.id))
    #expect(Set(a.segments.map(\.id)).count == a.segments.count)
  }

  @Test func editingOneParagraphChangesOnlyItsIDs() throws {
    let before = try split("One. Two.\n\nThree. Four.\n\nFive.\n")
    let after = try split("One. Two.\n\nThree, edited. Four.\n\nFive.\n")
    #expect(before.segments[0...1].map(\.id) == after.segments[0...1].map(\.id))
    #expect(before.segments[4].id == after.segments[4].id)
    #expect(before.segments[2].id != after.segments[2].id)
  }

  @Test func idsDoNotDependOnTheMachine() throws {
    // FNV-1a is fixed; this pins the id scheme so files written today merge tomorrow.
    let document = try split("Hello world.")
    #expect(
      document.segments.first?.id.rawValue
        == SegmentID(paragraphHash: SegmentID.hash("Hello world.".utf8), occurrence: 0, index: 0)
        .rawValue)
    #expect(SegmentID.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
  }
}

extension String {
  fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(
      separator: replacement)
  }
}
