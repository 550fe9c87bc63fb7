import Foundation
import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

@Suite struct LanguageDetectorTests {
  func detect(
    _ text: String, given: String? = nil, options: LanguageDetector.Options = .init()
  ) throws -> Document {
    var document = Document(source: "t", text: text)
    document.language = given.flatMap { LanguageTag($0) }
    return try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: options),
    ])
    .apply(to: document)
  }

  /// A script that one language all but owns says the language by itself: its letters fall
  /// in a distinctive bucket, Latin, Cyrillic, Arabic, Devanagari and Han letters do not.
  @Test(arguments: [
    ("αβγω", true), ("Ελλάδα", true), ("שלום", true), ("தமிழ்", true), ("ภาษาไทย", true), ("한국어", true),
    ("Latin", false), ("русский", false), ("العربية", false), ("हिन्दी", false), ("中文", false),
  ])
  func distinctiveScripts(letters: String, distinctive: Bool) {
    for v in letters.unicodeScalars {
      let bucket = ScriptBucket.of(v.value)
      #expect(bucket?.isDistinctive == distinctive, "U+\(String(v.value, radix: 16, uppercase: true)) in \(letters)")
    }
  }

  @Test(arguments: [
    (
      "en",
      "The city council voted on Tuesday to extend the opening hours of the public library during the winter months."
    ),
    (
      "de",
      "Der Stadtrat hat am Dienstag beschlossen, die Öffnungszeiten der Bibliothek im Winter zu verlängern."
    ),
    (
      "fr",
      "Le conseil municipal a décidé mardi de prolonger les horaires d'ouverture de la bibliothèque pendant l'hiver."
    ),
    (
      "es",
      "El ayuntamiento decidió el martes ampliar el horario de apertura de la biblioteca durante los meses de invierno."
    ),
    (
      "it",
      "Il consiglio comunale ha deciso martedì di prolungare l'orario di apertura della biblioteca durante l'inverno."
    ),
    (
      "pt",
      "A câmara municipal decidiu na terça-feira alargar o horário de funcionamento da biblioteca durante o inverno."
    ),
    (
      "nl",
      "De gemeenteraad heeft dinsdag besloten de openingstijden van de bibliotheek in de wintermaanden te verlengen."
    ),
    (
      "pl",
      "Rada miasta zdecydowała we wtorek o wydłużeniu godzin otwarcia biblioteki w miesiącach zimowych."
    ),
    (
      "sv",
      "Kommunfullmäktige beslutade i tisdags att förlänga bibliotekets öppettider under vintermånaderna."
    ),
    (
      "cs",
      "Městská rada v úterý rozhodla o prodloužení otevírací doby knihovny během zimních měsíců."
    ),
    ("fi", "Kaupunginvaltuusto päätti tiistaina pidentää kirjaston aukioloaikoja talvikuukausina."),
    (
      "hu",
      "A városi tanács kedden úgy döntött, hogy a téli hónapokban meghosszabbítja a könyvtár nyitvatartását."
    ),
    (
      "tr",
      "Belediye meclisi salı günü kütüphanenin kış aylarındaki çalışma saatlerini uzatmaya karar verdi."
    ),
    (
      "vi",
      "Hội đồng thành phố hôm thứ Ba đã quyết định kéo dài giờ mở cửa của thư viện trong những tháng mùa đông."
    ),
    ("ru", "Городской совет во вторник решил продлить часы работы библиотеки в зимние месяцы."),
    ("uk", "Міська рада у вівторок вирішила подовжити години роботи бібліотеки в зимові місяці."),
    (
      "el",
      "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να επεκτείνει το ωράριο λειτουργίας της βιβλιοθήκης τον χειμώνα."
    ),
    ("he", "מועצת העיר החליטה ביום שלישי להאריך את שעות הפתיחה של הספרייה בחודשי החורף."),
    ("ar", "قرر مجلس المدينة يوم الثلاثاء تمديد ساعات عمل المكتبة العامة خلال أشهر الشتاء."),
    ("hi", "नगर परिषद ने मंगलवार को सर्दियों के महीनों में पुस्तकालय के खुलने का समय बढ़ाने का फैसला किया।"),
    ("ta", "நகர சபை செவ்வாய்க்கிழமை குளிர்கால மாதங்களில் நூலகத்தின் திறப்பு நேரத்தை நீட்டிக்க முடிவு செய்தது."),
    ("th", "สภาเมืองมีมติเมื่อวันอังคารให้ขยายเวลาเปิดห้องสมุดในช่วงฤดูหนาว"),
    ("ja", "市議会は火曜日、冬の間の図書館の開館時間を延長することを決めました。"),
    ("zh", "市议会周二决定在冬季延长公共图书馆的开放时间。"),
    ("zh-Hant", "市議會週二決定在冬季延長公共圖書館的開放時間，讓學生在考試期間有更多地方溫習。"),
    ("ko", "시의회는 화요일 겨울철 도서관 개관 시간을 연장하기로 결정했다."),
  ])
  func findsTheLanguageOfASentence(language: String, text: String) throws {
    let document = try detect(text)
    #expect(document.language == LanguageTag(language))
    let confidence = try #require(document.languageConfidence)
    #expect(confidence > 0.5 && confidence <= 1)
  }

  @Test(arguments: [
    ("สวัสดี", "th"), ("안녕하세요", "ko"), ("こんにちは", "ja"), ("中文", "zh"), ("שלום", "he"),
    ("Привет", "ru"), ("Γεια σου", "el"), ("مرحبا", "ar"), ("नमस्ते", "hi"), ("வணக்கம்", "ta"),
  ])
  func shortTextFallsBackOnItsScript(text: String, language: String) throws {
    let found = try #require(try LanguageDetector(options: .init()).detectLanguage(of: text))
    #expect(found.language == LanguageTag(language))
    #expect(found.confidence > 0 && found.confidence <= 1)
  }

  @Test func textWithoutLettersHasNoLanguage() throws {
    let document = try detect("12:30 — 4,50 € / 5 %\n\nhttps://example.org/a-b")
    #expect(document.language == nil)
    #expect(document.languageConfidence == nil)
    #expect(document.paragraphs.count == 2)
  }

  static let englishWithFrench = """
    The harbour festival opened on Friday with a parade of fishing boats and a concert on the quay.

    « Nous sommes très heureux d'être parmi vous ce soir, et nous espérons que vous chanterez avec nous. »

    The organisers expect more than two thousand visitors over the weekend, most of them from the town.
    """

  @Test func findsTheParagraphInAnotherLanguage() throws {
    let document = try detect(Self.englishWithFrench)
    #expect(document.language == LanguageTag("en"))
    #expect(document.paragraphs.map(\.language) == [nil, LanguageTag("fr"), nil])
    #expect((document.paragraphs[1].languageConfidence ?? 0) > 0.5)
  }

  @Test func givenLanguageWins() throws {
    // --lang sets the document's language before the pipeline runs; detect keeps it, and
    // does not mark the English paragraphs as foreign because the text reads as English.
    let document = try detect(Self.englishWithFrench, given: "de")
    #expect(document.language == LanguageTag("de"))
    #expect(document.languageConfidence == 1)
    #expect(document.paragraphs.map(\.language) == [nil, LanguageTag("fr"), nil])
  }

  @Test func theOptionIsUsedWhenNoLanguageIsGiven() throws {
    let options = LanguageDetector.Options(language: LanguageTag("pt"))
    #expect(try detect(Self.englishWithFrench, options: options).language == LanguageTag("pt"))
    #expect(
      try detect(Self.englishWithFrench, given: "it", options: options).language
        == LanguageTag("it"))
  }

  @Test func closeLanguagesNeedAClearParagraph() throws {
    // Spanish and Portuguese are in one of CLD2's sets of easily confused languages; reading
    // the whole text, CLD2 folds the Spanish into the Portuguese, so only `all` finds it.
    let text = """
      A câmara municipal aprovou ontem o novo plano para o porto de pesca, que prevê a construção \
      de uma lota moderna e de um cais mais comprido para os barcos maiores.

      El alcalde de la ciudad hermana, que visitó el puerto la semana pasada, dijo que sus \
      pescadores siguen con mucho interés el proyecto y que esperan poder colaborar con la nueva lonja.

      As obras devem começar no outono e terminar antes do verão do próximo ano, segundo o \
      vereador responsável pelas pescas, que falou aos jornalistas no final da reunião.

      Porto de pesca ganha nova lota.
      """
    let document = try detect(text, options: .init(paragraphs: .all))
    #expect(document.language == LanguageTag("pt"))
    #expect(document.paragraphs.map(\.language) == [nil, LanguageTag("es"), nil, nil])
  }

  @Test func paragraphsOffKeepsTheDocumentLanguageOnly() throws {
    let document = try detect(Self.englishWithFrench, options: .init(paragraphs: .off))
    #expect(document.language == LanguageTag("en"))
    #expect(document.paragraphs.allSatisfy { $0.language == nil })
  }

  @Test func shortParagraphsKeepTheDocumentLanguage() throws {
    let text = """
      Die Stadt hat am Montag den neuen Radweg entlang des Flusses eröffnet, nach zwei Jahren Bauzeit.

      Thank you very much!

      Der Weg ist vier Kilometer lang und verbindet den Bahnhof mit dem Freibad am Stadtrand.
      """
    let document = try detect(text, options: .init(paragraphs: .all))
    #expect(document.language == LanguageTag("de"))
    #expect(document.paragraphs.allSatisfy { $0.language == nil })
  }

  @Test func urlsAndAddressesDoNotMakeAParagraphForeign() throws {
    let text = """
      Die Stadt hat am Montag den neuen Radweg entlang des Flusses eröffnet, nach zwei Jahren Bauzeit.

      Mehr unter https://example.com/news/the-new-cycle-path-is-open-now-and-free oder per E-Mail an press.office@example.com.

      Der Weg ist vier Kilometer lang und verbindet den Bahnhof mit dem Freibad am Stadtrand.
      """
    let document = try detect(text, options: .init(paragraphs: .all))
    #expect(document.paragraphs.allSatisfy { $0.language == nil })
  }

  @Test(arguments: [
    ("see https://example.org/a-b?x=1. Next", ["https://example.org/a-b?x=1."]),
    ("(www.example.com)", ["www.example.com"]),
    ("mail x.y+z@example.co.uk.", ["x.y+z@example.co.uk"]),
    ("a@b is no address; time 10:30 // ok", []),
    ("Ünïcödé stays: https://ex.org/ü", ["https://ex.org/"]),
    ("누리집(https://example.com/night-market)에서", ["https://example.com/night-market"]),
  ])
  func masksURLsAndAddresses(input: String, noise: [String]) {
    var bytes = Array(input.utf8)
    bytes.withUnsafeMutableBufferPointer { DetectionText.maskNoise($0) }
    var expected = input
    for piece in noise {
      expected = expected.replacingOccurrences(
        of: piece, with: String(repeating: " ", count: piece.utf8.count))
    }
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
  }

  @Test(arguments: [
    ("Hello, world!", 10), ("« Oui » — 42 …", 3), ("東京、大阪。", 4), ("！（）😀", 0), ("Ελλάδα", 6),
  ])
  func countsLetters(text: String, letters: Int) {
    var text = text
    #expect(text.withUTF8 { DetectionText.letterCount($0) } == letters)
  }

  @Test func splitGivesParagraphLanguagesToSegmentsAndUsesTheirRules() throws {
    var document = Document(source: "t", text: Self.englishWithFrench)
    document = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init()),
      SentenceSplitter(options: .init()),
    ]).apply(to: document)
    #expect(document.features.isSuperset(of: [.language, .paragraphs, .sentences]))
    #expect(document.paragraphs[1].language == LanguageTag("fr"))
    for segment in document.segments {
      #expect(segment.language == (segment.paragraph == 1 ? LanguageTag("fr") : nil))
    }
    #expect(Array(document.rebuiltText().utf8) == Array(document.text.utf8))
  }

  @Test func detectAfterSplitMarksSegmentsToo() throws {
    var document = Document(source: "t", text: Self.englishWithFrench)
    document = try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()),
      LanguageDetector(options: .init()),
    ]).apply(to: document)
    #expect(document.paragraphs.count == 3)
    #expect(
      Set(document.segments.filter { $0.language == LanguageTag("fr") }.map(\.paragraph)) == [1])
  }

  @Test func longTextsAreSampledAndStillCheckedWhenMixed() throws {
    // 40 English paragraphs with a French one after every fourth: far over the sample.
    let english =
      "The council agreed to repair the old stone bridge before the spring floods arrive this year."
    let french =
      "Le conseil a promis de réparer le vieux pont de pierre avant les crues du printemps prochain."
    var paragraphs: [String] = []
    for i in 0..<40 {
      paragraphs.append(english)
      if i % 4 == 3 { paragraphs.append(french) }
    }
    let text = paragraphs.joined(separator: "\n\n")
    let options = LanguageDetector.Options(sampleBytes: 1024)
    let document = try detect(text, options: options)
    #expect(text.utf8.count > 4 * options.sampleBytes)
    #expect(document.language == LanguageTag("en"))
    let foreign = document.paragraphs.indices.filter { document.paragraphs[$0].language != nil }
    let expected = paragraphs.indices.filter { paragraphs[$0] == french }
    #expect(foreign == expected)
    #expect(
      document.paragraphs.allSatisfy { $0.language == nil || $0.language == LanguageTag("fr") })
  }

  @Test func aForeignParagraphOutsideTheSampleIsFound() throws {
    // 200 German paragraphs with one English paragraph late in the last quarter of the
    // text, where no sample window reaches: the screen must find it.
    let german =
      "Der Stadtrat hat beschlossen, die alte Steinbrücke vor dem Hochwasser im Frühjahr zu reparieren."
    let english =
      "The council agreed to repair the old stone bridge before the spring floods arrive this year."
    var paragraphs = [String](repeating: german, count: 200)
    paragraphs[180] = english
    let text = paragraphs.joined(separator: "\n\n")
    let document = try detect(text, options: .init())
    #expect(document.language == LanguageTag("de"))
    let foreign = document.paragraphs.indices.filter { document.paragraphs[$0].language != nil }
    #expect(foreign == [180])
    #expect(document.paragraphs[180].language == LanguageTag("en"))
  }

  /// The screen a document in `language` whose sample is `sample` gets, as a test of whether
  /// a paragraph (all of it) is suspect.
  func screen(_ language: String, sample: String) throws -> (String) -> Bool {
    let bytes = Array(sample.utf8)
    let screen = try #require(
      bytes.withUnsafeBufferPointer { ParagraphScreen(language: LanguageTag(language)!, sample: $0) })
    return { paragraph in
      let bytes = Array(paragraph.utf8)
      return bytes.withUnsafeBufferPointer { screen.isSuspect($0, range: 0..<$0.count) }
    }
  }

  @Test func theScreenSuspectsOtherLanguagesAndScripts() throws {
    let german = "Der Stadtrat hat beschlossen, die alte Steinbrücke vor dem Hochwasser im Frühjahr zu reparieren, weil sie seit Jahren baufällig ist."
    let suspect = try screen("de", sample: german)
    #expect(!suspect(german))
    #expect(!suspect("Die Messe findet in diesem Jahr zum dritten Mal in der alten Tuchfabrik am Kanal statt."))
    #expect(suspect("The council agreed to repair the old stone bridge before the spring floods arrive this year."))
    #expect(suspect("Городской совет решил отремонтировать старый каменный мост до весеннего паводка."))
    // Too few words to judge: left to the document.
    #expect(!suspect("Berlin, Hamburg, München"))
    let japanese = try screen("ja", sample: "東京都は十日、新しい防災計画を発表した。地震や台風に備える内容だ。")
    #expect(japanese("北京市政府十日公布了新的防灾计划，以应对地震和台风。"))
  }

  @Test func theScreenPassesTurkishAndVietnameseProseButNotTheirNeighbours() throws {
    // Turkish writes most function words as suffixes: its list has more words for the screen,
    // and not "de", "en" or "o", which let Spanish pass.
    let turkish = try screen("tr", sample: "Belediye meclisi, eski taş köprünün bahar sellerinden önce onarılmasına karar verdi.")
    #expect(!turkish("Yeni kütüphane bu yıl ilk kez yaz boyunca akşamları da açık olacak. Belediye, ayrıca çocuklar için haftada iki gün ücretsiz okuma saatleri düzenleyecek ve bu etkinlikler yaklaşık üç ay sürecek."))
    #expect(turkish("El ayuntamiento de la ciudad decidió reparar el viejo puente de piedra antes de las crecidas de la primavera, según informó el alcalde en una rueda de prensa."))
    // Vietnamese names people, places and bodies in syllables of their own: 8 % is enough.
    let vietnamese = try screen("vi", sample: "Hội đồng thành phố đã quyết định sửa chữa cây cầu đá cũ trước mùa lũ năm nay.")
    #expect(!vietnamese("Sáng thứ hai, Ủy ban nhân dân tỉnh Quảng Nam tổ chức hội nghị tổng kết công tác phòng chống thiên tai năm 2024 tại thành phố Tam Kỳ, với sự tham gia của lãnh đạo các sở, ngành và địa phương."))
    #expect(vietnamese("The provincial people's committee held a conference on disaster prevention in the city on Monday, attended by leaders of departments and districts."))
    #expect(vietnamese("Le comité populaire de la province a organisé lundi une conférence sur la prévention des catastrophes, en présence des dirigeants des services et des districts."))
  }

  @Test func aCloseSetsLargestLanguageIsKeptFromTheFirstSample() throws {
    // Spanish, a text of many samples: CLD2 reads the first sample as Spanish, which is kept
    // (a second, larger sample is read only for Galician and the like).
    let sentence = "El ayuntamiento de la ciudad decidió reparar el viejo puente de piedra antes de las crecidas de la primavera, según informó el alcalde. "
    var text = String(repeating: sentence, count: 8)
    let detector = try LanguageDetector(options: .init())
    let reading = text.withUTF8 { bytes in
      detector.read(bytes, paragraphs: ParagraphSplitter.paragraphs(in: bytes), wantsChunks: false)
    }
    #expect(reading.language?.language == LanguageTag("es"))
    #expect(!reading.sample.coversWholeText)
    #expect(reading.sample.count < 2 * LanguageDetector.Options.defaultSampleBytes)
  }

  @Test func theScreenJudgesTheWholeProbeNotItsStart() throws {
    // Eight function words, then 74 other words, all within the 256 bytes the screen reads:
    // 8 of 82 words (under 12 %) is suspect, though the start alone would pass.
    let english = "The council agreed to repair the old stone bridge before the spring floods arrive."
    let suspect = try screen("en", sample: english)
    let tail = String(repeating: "zq ", count: 74)
    #expect(suspect("the of and to in on at by " + tail))
    // Ten function words among 82 (12.2 %) pass.
    #expect(!suspect("the of and to in on at by it is " + String(repeating: "zq ", count: 72)))
    #expect(!suspect(english + " " + english))
  }

  @Test func aLeadByteTellsTheScriptBucketOfEveryScalarItStarts() {
    // Every scalar of two or three UTF-8 bytes: its lead byte's entry either asks for the
    // scalar or is the scalar's bucket.
    var wrong: [UInt32] = []
    for v in UInt32(0x80)...0xFFFF where !(0xD800...0xDFFF).contains(v) {
      let lead = v < 0x800 ? 0xC0 | v >> 6 : 0xE0 | v >> 12
      let entry = Int(ScriptBucket.byLeadByte[Int(lead)])
      if entry == ScriptBucket.decodeLead { continue }
      let bucket = ScriptBucket.of(v).map { Int($0.value) } ?? ScriptBucket.noBucket
      if entry != bucket { wrong.append(v) }
    }
    #expect(wrong.isEmpty)
    // Cyrillic and Hangul syllables are told by the lead byte; Latin-1 symbols (C2) have none.
    #expect(Int(ScriptBucket.byLeadByte[0xD0]) == Int(ScriptBucket.of(0x410)!.value))
    #expect(ScriptBucket.byLeadByte[0xEB] == UInt8(ScriptBucket.hangul.value))
    #expect(Int(ScriptBucket.byLeadByte[0xC2]) == ScriptBucket.noBucket)
  }

  @Test func aSampleCLD2CannotReadIsReadAgainLarger() throws {
    // 600 bytes with words only at 220..<272: the first sample's windows, 64 bytes from each
    // quarter (0, 150, 300, 450), miss them; the second's, 128 bytes, find them.
    let words = "The header of the quarterly report starts here today"
    let text =
      String(repeating: "/", count: 220) + words + String(repeating: "/", count: 328)
    #expect(text.utf8.count == 600 && words.utf8.count == 52)
    let detector = try LanguageDetector(options: .init())
    #expect(detector.detectLanguage(of: text)?.language == LanguageTag("en"))
  }

  @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
  func aLanguageCLD2ConfusesIsConfirmedOnALargerSample() throws {
    // A Spanish bullet list of the golden set (409 bytes): CLD2 reads its first 256 bytes as
    // Galician at 99 %, and the whole of it as Spanish.
    let lines = try String(
      contentsOfFile: TestPaths.shared + "/data/segmentation/golden_rules.jsonl", encoding: .utf8
    ).split(separator: "\n")
    struct Case: Decodable { var id: String; var text: String }
    let text = try #require(
      lines.lazy.compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
        .first { $0.id == "es-009" }?.text)
    let detector = try LanguageDetector(options: .init())
    #expect(detector.detectLanguage(of: text)?.language == LanguageTag("es"))
  }

  @Test func optionsDecodeWithDefaultsAndRejectBadValues() throws {
    #expect(
      LanguageDetector.Options()
        == .init(language: nil, paragraphs: .auto, minLetters: 40, sampleBytes: 256))
    #expect(throws: StageError.self) { try LanguageDetector(options: .init(minLetters: 0)) }
    #expect(throws: StageError.self) { try LanguageDetector(options: .init(sampleBytes: 10)) }
    #expect(StageCatalog.kinds.contains("detect"))
  }

  @Test(arguments: [
    ("iw", "he"), ("jw", "jv"), ("zh-Hant", "zh-Hant"), ("en", "en"), ("sr-ME", "sr-ME"),
  ])
  func mapsCLD2CodesToBCP47(code: String, tag: String) {
    #expect(CLD2.bcp47Tag(cld2Code: code) == LanguageTag(tag))
  }

  @Test(arguments: ["un", "xxx", "xx-Latn", "zzb", "tlh", ""])
  func pseudoLanguagesAreUnknown(code: String) {
    #expect(CLD2.bcp47Tag(cld2Code: code) == nil)
  }

  /// Detecting twice gives the same answer. With 20,000 cases this caught CLD2 reading past
  /// the end of its input (the same text gave no language once and Korean the next time).
  @Test func detectionKeepsTheTextAndIsStable() async throws {
    await propertyCheck(count: 2000, input: HardText.string(upTo: 200)) { text in
      let once = try detect(text)
      let twice = try LanguageDetector(options: .init()).apply(to: once)
      #expect(once.text == twice.text)
      #expect(once.language == twice.language)
      #expect(once.paragraphs == twice.paragraphs)
      var copy = once.text
      let expected = copy.withUTF8 { ParagraphSplitter.paragraphs(in: $0) }
      #expect(once.paragraphs.map(\.range) == expected)
    }
  }
}
