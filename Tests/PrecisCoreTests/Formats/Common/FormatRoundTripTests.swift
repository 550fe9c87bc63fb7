import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

@Suite struct FormatRoundTripTests {
  /// The language of a corpora file: its folder's name, or none for `mixed/`.
  static func language(of path: String) -> String? {
    let folder = String(path.prefix { $0 != "/" })
    return folder == "mixed" ? nil : folder
  }

  static func corporaDocument(_ path: String) throws -> Document {
    var document = try TextDecoder(encoding: "auto").decode(
      try TestPaths.corporaBytes(path), source: path)
    document.language = language(of: path).flatMap { LanguageTag($0) }
    let pipeline = try Pipeline(stages: [
      try TextNormalizer(options: .init()), try SentenceSplitter(options: .init()),
    ])
    return try pipeline.apply(to: document)
  }

  /// prepare → copy source → merge gives back the normalised input, byte for byte.
  @Test(arguments: TestPaths.corporaFiles())
  func corporaFilesRoundTripInEveryFormat(path: String) throws {
    let document = try Self.corporaDocument(path)
    let prepared = PreparedDocument(document)
    #expect(prepared.text == document.text, "corpora files have no removed characters")
    let target = LanguageTag(Self.language(of: path) == "de" ? "fr" : "de")
    let skeleton = try Skeleton(json: Skeleton(prepared).json(), file: "skeleton")
    for name in TranslationFormats.names {
      let writer = try #require(TranslationFormats.writer(named: name, fill: .copySource))
      let files = writer.files(for: prepared, baseName: "doc", targetLanguage: target)
      let file = try #require(files.last)
      let read = try TranslationFormats.read(file.contents, name: file.relativePath)
      let merged = try SegmentMerger.merge(
        read, layout: read.layout ?? skeleton, name: file.relativePath)
      #expect(Array(merged.text.utf8) == Array(document.text.utf8), "\(path) via \(name)")
    }
  }

  @Test(arguments: TranslationFormats.names)
  func twoRunsGiveTheSameBytes(format: String) throws {
    let path = "en/library-budget.txt"
    let first = try Self.corporaDocument(path)
    let second = try Self.corporaDocument(path)
    let writer = try #require(TranslationFormats.writer(named: format, fill: .pseudo))
    let a = writer.files(for: first, baseName: "x", targetLanguage: LanguageTag("fr"))
    let b = writer.files(for: second, baseName: "x", targetLanguage: LanguageTag("fr"))
    #expect(a == b)
    #expect(Skeleton(PreparedDocument(first)).json() == Skeleton(PreparedDocument(second)).json())
  }

  @Test func editingOneParagraphChangesOnlyItsIDs() throws {
    let paragraphs = [
      "First paragraph. It has two sentences.", "Second one here.", "Third. Last. Done.",
    ]
    let before = try FormatSamples.document(paragraphs.joined(separator: "\n\n") + "\n")
    var edited = paragraphs
    edited[1] = "Second one, edited. Now two sentences."
    let after = try FormatSamples.document(edited.joined(separator: "\n\n") + "\n")
    func ids(_ d: Document, paragraph: Int) -> [String] {
      d.segments.filter { $0.paragraph == paragraph }.map(\.id.rawValue)
    }
    #expect(ids(before, paragraph: 0) == ids(after, paragraph: 0))
    #expect(ids(before, paragraph: 2) == ids(after, paragraph: 2))
    #expect(Set(ids(before, paragraph: 1)).isDisjoint(with: ids(after, paragraph: 1)))
    let unitsBefore = PreparedDocument(before).units.map(\.id)
    let unitsAfter = PreparedDocument(after).units.map(\.id)
    #expect(
      unitsBefore[0] == unitsAfter[0] && unitsBefore[2] == unitsAfter[2]
        && unitsBefore[1] != unitsAfter[1])
  }

  @Test func idsAreUniqueWhenParagraphsRepeat() throws {
    let document = try FormatSamples.document("Same text.\n\nSame text.\n\nSame text.\n")
    let prepared = PreparedDocument(document)
    #expect(Set(prepared.units.map(\.id)).count == 3)
    #expect(Set(prepared.segments.map(\.id)).count == 3)
  }

  /// The article with `{name}`, `%s`, a URL, an e-mail address, U+0001 and `& < > " '`:
  /// merge restores the input exactly, U+0001 included, from every format.
  @Test(arguments: TranslationFormats.names)
  func restoresTheHardArticleExactly(format: String) throws {
    let document = try FormatSamples.hardDocument()
    let prepared = PreparedDocument(document)
    #expect(Array(prepared.text.unicodeScalars) == Array(FormatSamples.hardArticle.unicodeScalars))
    for fill in [TargetFill.empty, .copySource] {
      let writer = try #require(TranslationFormats.writer(named: format, fill: fill))
      let file = try #require(
        writer.files(for: prepared, baseName: "article", targetLanguage: LanguageTag("fr")).last)
      let read = try TranslationFormats.read(file.contents, name: file.relativePath)
      let layout =
        try read.layout ?? Skeleton(json: Skeleton(prepared).json(), file: "article.skeleton.json")
      let merged = try SegmentMerger.merge(read, layout: layout, name: file.relativePath)
      #expect(
        Array(merged.text.unicodeScalars) == Array(FormatSamples.hardArticle.unicodeScalars),
        "\(format) \(fill)")
    }
  }

  /// Random text as one document of hand-made segments (line breaks, controls and
  /// noncharacters inside segments, which the splitter never makes) survives every format.
  @Test func randomTextSurvivesEveryFormat() async {
    await propertyCheck(count: 150, input: HardText.string(upTo: 80)) { text in
      var document = Document(source: "random.txt", text: text)
      document.language = LanguageTag("en")
      // Cut the text into up to three segments at scalar boundaries, leaving a gap of one
      // scalar between them.
      let scalars = Array(text.unicodeScalars)
      var offsets = [0]
      for s in scalars { offsets.append(offsets[offsets.count - 1] + String(s).utf8.count) }
      let n = scalars.count
      var ranges: [Range<Int>] = []
      if n >= 1 { ranges.append(offsets[0]..<offsets[n / 3]) }
      if n >= 3 { ranges.append(offsets[n / 3 + 1]..<offsets[2 * n / 3]) }
      if n >= 4 { ranges.append(offsets[2 * n / 3 + 1]..<offsets[n]) }
      ranges = ranges.filter { !$0.isEmpty }
      var paragraph = Paragraph(range: 0..<text.utf8.count)
      paragraph.segments = 0..<ranges.count
      document.paragraphs = [paragraph]
      document.segments = ranges.enumerated().map { i, r in
        Segment(id: SegmentID(paragraphHash: 42, occurrence: 0, index: i), range: r, paragraph: 0)
      }
      for format in TranslationFormats.names {
        try checkSegmentWriter(format: format, document: document)
      }
    }
  }
}

@Suite struct SkeletonTests {
  @Test func jsonRoundTrips() async {
    await propertyCheck(count: 300, input: HardText.string()) { text in
      let skeleton = Skeleton(
        source: "a/" + text, sourceLanguage: "en",
        segments: [
          .init(id: "p1-1", before: text, source: text + "x", isTranslatable: true),
          .init(id: "p1-2", before: "", source: nil, isTranslatable: false),
        ], end: text)
      let json = skeleton.json()
      #expect(
        json.unicodeScalars.allSatisfy {
          XMLText.isXMLCharacter($0.value) && !($0.value < 0x20 && $0 != "\n")
        })
      let parsed = try Skeleton(json: json, file: "s")
      #expect(parsed == skeleton)
    }
  }

  @Test(arguments: [
    ("{}", "not a precis skeleton"),
    (
      "{\"format\": \"precis-skeleton\", \"version\": 2, \"segments\": [], \"end\": \"\"}",
      "version 2 is not supported"
    ),
    (
      "{\"format\": \"precis-skeleton\", \"version\": 1, \"segments\": [", "not a readable skeleton"
    ),
  ])
  func rejectsBadSkeletons(json: String, reason: String) {
    #expect {
      try Skeleton(json: json, file: "x.skeleton.json")
    } throws: { error in
      (error as? MergeError)?.reason.contains(reason) == true
    }
  }

  @Test(arguments: [
    ("news.fr.po", "news.skeleton.json"), ("news.en-fr.tmx", "news.skeleton.json"),
    ("out/news.fr.txt", "news.skeleton.json"),
    ("news.segments.tsv", "news.skeleton.json"), ("a.b.fr.po", "a.b.skeleton.json"),
  ])
  func findsTheSkeletonByName(file: String, skeleton: String) {
    #expect(TranslationFormats.conventionalSkeletonName(for: file) == skeleton)
  }
}
