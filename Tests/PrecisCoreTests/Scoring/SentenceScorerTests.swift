import Foundation
import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct SentenceScorerTests {
  static let stages: [any Stage] = {
    // Built once: the stages are values.
    (try? [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()), SegmentClassifier(options: .init()),
      SentenceScorer(options: .init()),
    ]) ?? []
  }()

  func summarize(_ text: String, language: String?) throws -> Document {
    var document = Document(source: "t", text: text)
    document.language = language.flatMap(LanguageTag.init)
    return try Pipeline(stages: Self.stages).apply(to: document)
  }

  func expectWellFormed(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    let n = document.segments.count
    #expect(document.segments.allSatisfy { ($0.score ?? -1) >= 0 && ($0.score ?? 2) <= 1 }, sourceLocation: sourceLocation)
    #expect(Set(document.segments.compactMap(\.rank)) == Set(1..<(n + 1)), sourceLocation: sourceLocation)
    #expect(document.segments.compactMap(\.rank).count == n, sourceLocation: sourceLocation)
    #expect(Set(document.segments.compactMap(\.wordLimitRank)) == Set(1..<(n + 1)), sourceLocation: sourceLocation)
    #expect(document.segments.allSatisfy { ($0.wordLimitScore ?? -1) >= 0 && ($0.wordLimitScore ?? 2) <= 1 }, sourceLocation: sourceLocation)
    for segment in document.segments where !SentenceScorer.isSummarizable(segment.role) {
      #expect(segment.score == 0, sourceLocation: sourceLocation)
    }
    // Units, when a ranking has them: parts of summarisable segments, in order, ranked 1...u.
    for units in [document.sentenceUnits, document.wordLimitUnits].compactMap({ $0 }) {
      #expect(Set(units.map(\.rank)) == Set(1..<(units.count + 1)), sourceLocation: sourceLocation)
      #expect(
        zip(units, units.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound },
        sourceLocation: sourceLocation)
      for unit in units {
        let segment = document.segments[unit.segment]
        #expect(SentenceScorer.isSummarizable(segment.role), sourceLocation: sourceLocation)
        #expect(
          segment.range.lowerBound <= unit.range.lowerBound && unit.range.upperBound <= segment.range.upperBound,
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func scoringRemovesNothingAndRanksEverySegment() async throws {
    await propertyCheck(count: 300, input: HardText.string(upTo: 160)) { text in
      var split = Document(source: "t", text: text)
      split = try Pipeline(stages: Array(Self.stages.prefix(3))).apply(to: split)
      let scored = try SentenceScorer(options: .init()).apply(to: split)
      #expect(scored.segments.map(\.range) == split.segments.map(\.range))
      #expect(scored.segments.map(\.role) == split.segments.map(\.role))
      #expect(scored.text == split.text)
      expectWellFormed(scored)
    }
  }

  @Test(arguments: ["zh/ditie-xinxian.txt", "zh/gujizhan.txt", "ja/robotto-taikai.txt", "ja/taifu-kunren.txt",
    "th/hun-yon.txt", "th/talat-nat.txt", "vi/le-hoi-lua.txt", "ta/vivasayam.txt", "en/tram-line-opens.txt",
    "de/hochwasserschutz.txt", "ar/maarad-kitab.txt", "ru/shakhmatnyi-turnir.txt"])
  func corporaSummariesSkipJunkAndKeepOrder(file: String) throws {
    var document = try TextDecoder().decode(TestPaths.corporaBytes(file), source: file)
    document.language = LanguageTag(String(file.prefix { $0 != "/" }))
    document = try Pipeline(stages: Self.stages).apply(to: document)
    expectWellFormed(document)
    let summary = Summary.sentences(of: document, length: .sentences(3))
    #expect(summary.count == 3)
    #expect(summary.map(\.index) == summary.map(\.index).sorted())
    for sentence in summary {
      #expect(document.segments[sentence.index].role == .body, "\(file): \(sentence.text)")
      #expect(sentence.text.count >= 10, "\(file): \(sentence.text)")
    }
    // The summary comes from the article's opening half: these are news stories.
    let body = document.segments.indices.filter { document.segments[$0].role == .body }
    #expect(summary.first.map { body.firstIndex(of: $0.index)! < body.count / 2 } == true, "\(file)")
  }

  @Test func headingsAndFurnitureAreNeverChosen() throws {
    let text = """
      Home › News | 01.02.2025 | Share Print

      Big headline without a full stop

      The city opened a new bridge on Monday. The bridge links the two banks of the river. \
      Traffic on the old bridge fell by half on the first day.

      Read more: Another bridge is planned

      By Jane Doe
      """
    let document = try summarize(text, language: "en")
    let chosen = Summary.sentences(of: document, length: .sentences(10))
    #expect(chosen.count == 3)
    #expect(chosen.allSatisfy { document.segments[$0.index].role == .body })
  }

  @Test(arguments: [0.0, 1.0])
  func nearDuplicatesAreNotChosenTogether(redundancy: Double) throws {
    let text = """
      The museum opened its new wing for modern art on Friday evening.
      The museum opened its new wing for modern art on Friday evening, officials said.
      Tickets cost twelve euros and children enter for free.
      The wing holds two hundred paintings from the last century.
      """
    var options = SentenceScorer.Options()
    options.ranking.redundancy = redundancy
    options.ranking.positionWeight = 0.5
    var document = Document(source: "t", text: text)
    document.language = .english
    document = try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()), SentenceScorer(options: options),
    ]).apply(to: document)
    let chosen = Summary.sentences(of: document, length: .sentences(2)).map(\.index)
    #expect(!(chosen.contains(0) && chosen.contains(1)), "\(chosen)")
  }

  @Test func lengthsAreRespected() throws {
    let bytes = try TestPaths.corporaBytes("en/library-budget.txt")
    var document = try TextDecoder().decode(bytes, source: "en")
    document.language = .english
    document = try Pipeline(stages: Self.stages).apply(to: document)
    func words(_ s: [SummarySentence]) -> Int {
      s.map { $0.text.split(whereSeparator: { $0.isWhitespace }).count }.reduce(0, +)
    }
    let within = Summary.sentences(of: document, length: .words(40))
    // Whole sentences; the last runs past 40 words only when that ends closer to 40.
    let rest = words(Array(within.dropLast()))
    #expect(!within.isEmpty && (words(within) <= 40 || words(within) - 40 < 40 - rest), "\(words(within))")
    let cut = Summary.sentences(of: document, length: .words(40), cut: true)
    #expect(words(cut) <= 40 && words(cut) >= 30)
    let budget = Summary.sentences(of: document, length: .budgetWords(40))
    #expect(words(budget) >= 40)
    let budgetCut = Summary.sentences(of: document, length: .budgetWords(40), cut: true)
    #expect(words(budgetCut) <= 41)
    // The sentences a summary chooses among: the body's, a quotation's each on its own.
    let body =
      document.sentenceUnits?.count ?? document.segments.filter { SentenceScorer.isSummarizable($0.role) }.count
    #expect(Summary.sentences(of: document, length: .ratio(0.5)).count == (body + 1) / 2)
    #expect(Summary.sentences(of: document, length: .sentences(100)).count == body)
  }

  @Test func wordLimitsFillWithWholeSentences() throws {
    // The best sentence alone leaves room for neither of the next two, which together fill it.
    let text = "Alpha beta gamma delta epsilon zeta eta theta.\n\n"
      + "One two three four five.\n\nSix seven eight nine ten."
    var document = try TextDecoder().decode(Array(text.utf8), source: "fit")
    document.language = .english
    document = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
      .apply(to: document)
    #expect(document.segments.count == 3)
    for (i, score) in [1.0, 0.9, 0.9].enumerated() where i < document.segments.count {
      document.segments[i].score = score
      document.segments[i].rank = i + 1
    }
    #expect(Summary.sentences(of: document, length: .words(10)).map(\.index) == [1, 2])
    // Five words are closer to 3 than none: the last sentence may run past the limit then.
    #expect(Summary.sentences(of: document, length: .words(3)).map(\.index) == [1])
    // No sentence comes close: the best one rather than nothing.
    #expect(Summary.sentences(of: document, length: .words(2)).map(\.index) == [0])
    // A budget ends with a sentence after the others, which runs past it.
    #expect(Summary.sentences(of: document, length: .budgetWords(12)).map(\.index) == [0, 1])
    let cut = Summary.sentences(of: document, length: .budgetWords(12), cut: true)
    #expect(cut.map(\.text) == ["Alpha beta gamma delta epsilon zeta eta theta.", "One two three four"])
  }

  @Test func emptyAndJunkOnlyDocumentsScore() throws {
    for text in ["", "   \n\n ", "Home › News | Share Print", "https://example.org"] {
      let document = try summarize(text, language: "en")
      expectWellFormed(document)
      #expect(Summary.sentences(of: document, length: .sentences(3)).isEmpty)
    }
  }

  @Test func optionsDecodeWithDefaultsAndRejectBadValues() throws {
    let options = try JSONDecoder().decode(SentenceScorer.Options.self, from: Data("{}".utf8))
    #expect(options == SentenceScorer.Options())
    var bad = options
    bad.ranking.positionDecay = 0
    #expect(throws: StageError.self) { try SentenceScorer(options: bad) }
    bad = options
    bad.ranking.redundancy = -1
    #expect(throws: StageError.self) { try SentenceScorer(options: bad) }
    bad = options
    bad.wordLimitRanking.centralityWeight = -1
    #expect {
      try SentenceScorer(options: bad)
    } throws: { error in
      (error as? StageError)?.reason.hasPrefix("word-limits: centrality-weight must be") == true
    }
  }

  @Test func wordLimitWeightsAreTheirOwn() throws {
    let json = #"{"centrality-weight": 0.2, "word-limits": {"centrality-weight": 0.9}}"#
    let options = try JSONDecoder().decode(SentenceScorer.Options.self, from: Data(json.utf8))
    #expect(options.ranking.centralityWeight == 0.2)
    #expect(options.wordLimitRanking.centralityWeight == 0.9)
    // The other word-limit weights keep their own defaults, not the stage's keys.
    var expected = SentenceScorer.Ranking.wordLimited
    expected.centralityWeight = 0.9
    #expect(options.wordLimitRanking == expected)
    #expect(SentenceScorer.Ranking.wordLimited != SentenceScorer.Ranking())
    let unknown = #"{"word-limits": {"centrality": 0.9}}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SentenceScorer.Options.self, from: Data(unknown.utf8))
    }
  }

  @Test func languagesSetWeightsOnTopOfTheStages() throws {
    let json = #"""
      {"length-weight": -0.05, "word-limits": {"centrality-weight": 0.6},
       "languages": {"vi": {"length-weight": -0.3, "word-limits": {"redundancy": 0.2}},
                     "fr-CA": {"position-weight": 2}}}
      """#
    let options = try JSONDecoder().decode(SentenceScorer.Options.self, from: Data(json.utf8))
    // Vietnamese: the pipeline's length weight replaces the built-in one; the rest are the
    // stage's.
    #expect(SentenceScorer.Options.defaultLanguageWeights["vi"]?.sentences.keys.sorted() == ["length-weight"])
    let vi = options.rankings(for: "vi")
    var expected = options.ranking
    expected.lengthWeight = -0.3
    #expect(vi.sentences == expected)
    var expectedWords = options.wordLimitRanking
    expectedWords.redundancy = 0.2
    #expect(vi.wordLimits == expectedWords)
    #expect(vi.wordLimits.centralityWeight == 0.6)
    // A tag with a region counts for its language; a language not named has the stage's.
    #expect(options.rankings(for: "fr").sentences.positionWeight == 2)
    #expect(options.rankings(for: "fr").wordLimits == options.wordLimitRanking)
    #expect(options.rankings(for: "en").sentences == options.ranking)
    #expect(options.rankings(for: nil).sentences == options.ranking)
    // Built in: Vietnamese only.
    #expect(SentenceScorer.Options().rankings(for: "vi").sentences.lengthWeight == -0.24)
    #expect(SentenceScorer.Options().rankings(for: "de").sentences == SentenceScorer.Ranking())
    for bad in [
      #"{"languages": {"vi": {"lenght-weight": 1}}}"#, #"{"languages": {"vi": {"standfirst-sentences": 1}}}"#,
      #"{"languages": {"vi": {"word-limits": {"graph": 1}}}}"#, #"{"languages": {"v1!": {"redundancy": 1}}}"#,
    ] {
      #expect(throws: DecodingError.self, "\(bad)") {
        try JSONDecoder().decode(SentenceScorer.Options.self, from: Data(bad.utf8))
      }
    }
    var wrong = SentenceScorer.Options()
    wrong.languageWeights["th"] = .init(wordLimits: ["graph-weight": 2])
    #expect {
      try SentenceScorer(options: wrong)
    } throws: { error in
      (error as? StageError)?.reason.hasPrefix("languages: th: word-limits: graph-weight must be") == true
    }
  }

  @Test func aDocumentIsRankedWithItsLanguagesWeights() throws {
    // Short sentences first and a long one last: the lead bias ranks the first best, a
    // weight on length alone the last.
    let text = """
      Rain fell. The wind rose. Boats stayed in.

      Later the river rose over the banks of the old town and flooded every street near the \
      market square and the station.
      """
    let lengthOnly = ["position-weight": 0, "centrality-weight": 0, "length-weight": 1.0]
    var options = SentenceScorer.Options()
    options.languageWeights["fr"] = .init(sentences: lengthOnly)
    var same = SentenceScorer.Options()
    same.ranking = same.ranking.setting(lengthOnly)
    func ranks(_ language: String, _ options: SentenceScorer.Options) throws -> [Int?] {
      var document = try TextDecoder().decode(Array(text.utf8), source: "ranks")
      document.language = LanguageTag(language)
      let scorer = try SentenceScorer(options: options)
      return try Pipeline(stages: Array(Self.stages.prefix(3)) + [scorer]).apply(to: document)
        .segments.map(\.rank)
    }
    #expect(try ranks("en", options) == ranks("en", SentenceScorer.Options()))
    #expect(try ranks("fr", options) == ranks("fr", same))
    #expect(try ranks("fr", options) != ranks("en", options))
    #expect(try ranks("en", options).first == 1)
    #expect(try ranks("fr", options).last == 1)
  }

  @Test func summariesOfWordsFollowTheWordLimitRanking() throws {
    let text = "Alpha beta gamma delta epsilon.\n\nOne two three four five.\n\nSix seven eight nine ten."
    var document = try TextDecoder().decode(Array(text.utf8), source: "ranks")
    document.language = .english
    document = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
      .apply(to: document)
    #expect(document.segments.count == 3)
    for i in document.segments.indices {
      document.segments[i].score = 1 - 0.1 * Double(i)
      document.segments[i].rank = i + 1
      document.segments[i].wordLimitScore = 0.8 + 0.1 * Double(i)
      document.segments[i].wordLimitRank = 3 - i
    }
    #expect(Summary.sentences(of: document, length: .sentences(1)).map(\.index) == [0])
    #expect(Summary.sentences(of: document, length: .words(5)).map(\.index) == [2])
    #expect(Summary.sentences(of: document, length: .budgetWords(5)).map(\.index) == [2])
    // The score printed is the one that ranked the sentence.
    #expect(Summary.sentences(of: document, length: .words(5)).first?.score == 1.0)
    // Without word-limit ranks (a document scored before they existed), the ranks decide.
    for i in document.segments.indices {
      document.segments[i].wordLimitRank = nil
      document.segments[i].wordLimitScore = nil
    }
    #expect(Summary.sentences(of: document, length: .words(5)).map(\.index) == [0])
  }

  @Test(arguments: [
    ("He said \"no\" twice.", true), ("Elle a dit « non ».", true), ("„Nein“, sagte er.", true),
    ("She called it “final”.", true), ("It's the team's plan.", false), ("Plain words only.", false),
  ])
  func quotationMarksAreFound(text: String, quoted: Bool) throws {
    let analysis = try SentenceScorer(options: .init()).analyze(summarize(text, language: "en"))
    #expect(analysis.sentences.map(\.quoted) == [quoted])
  }

  @Test(arguments: [
    ("The minister (left) met the envoy in Hanoi.", true), ("Smith (far right) and Jones (second left) smiled.", true),
    ("The new model (pictured) goes on sale in May.", true), ("Bà Phượng (ở giữa) là doanh nhân trẻ.", true),
    ("Benny Wenda (tengah) pernah ditangkap.", true), ("Hai lãnh đạo (bên phải) gặp nhau.", true),
    ("Le ministre (à gauche) et son homologue.", true), ("Der Kanzler (Mitte) sprach lange.", true),
    ("首相（左）と大統領が会談した。", true),
    ("The left-wing party (left-wing) won.", false), ("He was second (2 left) in the race.", false),
    ("The court upheld (the right to appeal) today.", false), ("Profits rose (see below) again.", false),
    ("Senator Smith (R) voted no.", false), ("The index (FTSE 100) fell.", false), ("Plain words only.", false),
    ("An unclosed bracket (left marks the spot on the map.", false), ("Empty brackets () say nothing.", false),
  ])
  func photoCaptionsAreFound(text: String, captioned: Bool) throws {
    let language = text.contains("首相") ? "ja" : "en"
    let analysis = try SentenceScorer(options: .init()).analyze(summarize(text, language: language))
    #expect(analysis.sentences.map(\.captioned) == [captioned])
  }

  @Test func photoCaptionsAreChosenLast() throws {
    // Three sentences of one paragraph (no standfirst): the caption opens the text, so by
    // position it would come first; with caption-weight 0 it comes after the others.
    let text = """
      The harbour master (left) inspects the new crane at the port on Monday. The port opened \
      a new crane for container ships on Monday. The crane lifts twice as many containers \
      an hour as the old one.
      """
    var options = SentenceScorer.Options()
    options.ranking.captionWeight = 1
    options.wordLimitRanking.captionWeight = 1
    let plain = try SentenceScorer(options: options).apply(to: summarize(text, language: "en"))
    let scored = try SentenceScorer(options: .init()).apply(to: summarize(text, language: "en"))
    #expect(scored.segments.count == 3)
    #expect(plain.segments[0].rank == 1)
    #expect(scored.segments[0].rank == 3)
    #expect(scored.segments[0].wordLimitRank == 3)
    #expect(scored.segments[0].score == 0)
    #expect(Summary.sentences(of: scored, length: .sentences(2)).map(\.index) == [1, 2])
    expectWellFormed(scored)
  }

  @Test func captionsComeLastEvenBelowScoresUnderZero() throws {
    // Three short sentences, then two long ones: a strong preference for short sentences
    // takes both long ones below 0, and the caption still comes after the one that is not.
    let text = """
      The port opened. Ships came in. Crowds cheered. The harbour master (left) inspects the \
      new crane that lifts containers from the largest ships at the northern quay on Monday \
      morning. The crane lifts twice as many containers an hour as the old one did at the \
      northern quay before the works began.
      """
    var options = SentenceScorer.Options()
    options.ranking.lengthWeight = -5
    let scored = try SentenceScorer(options: options).apply(to: summarize(text, language: "en"))
    #expect(scored.segments.count == 5)
    #expect(scored.segments.map(\.rank)[3...] == [5, 4])
    options.ranking.captionWeight = 1
    let plain = try SentenceScorer(options: options).apply(to: summarize(text, language: "en"))
    #expect(plain.segments.map(\.rank)[3...] == [4, 5])
    expectWellFormed(scored)
  }

  @Test func quotedSentencesLoseTheirShare() throws {
    // An opening paragraph of three sentences (no standfirst), then a quoted sentence and
    // one more: the quoted one ranks by position before the last, and after it when quoted
    // sentences keep a tenth of their score.
    let text = """
      The river rose above the old bridge on Monday. Water reached the market square by noon. \
      Shops on the square closed early.

      "The river rose faster than anyone expected," the mayor said on Monday.

      Crews closed the bridge to traffic until the river falls.
      """
    var options = SentenceScorer.Options()
    options.ranking.quotedWeight = 1
    let plain = try SentenceScorer(options: options).apply(to: summarize(text, language: "en"))
    options.ranking.quotedWeight = 0.1
    let penalised = try SentenceScorer(options: options).apply(to: summarize(text, language: "en"))
    #expect(plain.segments.count == 5)
    let quoted = try #require(plain.segments.firstIndex { plain.text(in: $0.range).hasPrefix("\"") })
    #expect(quoted == 3)
    #expect(plain.segments[3].rank ?? 0 < plain.segments[4].rank ?? 0)
    #expect(penalised.segments[3].rank ?? 0 > penalised.segments[4].rank ?? 0)
    // The word-limit ranking keeps its own weight.
    #expect(penalised.segments[3].wordLimitRank == plain.segments[3].wordLimitRank)
  }

  @Test(arguments: [
    ("‘We won the match today. It was hard,’ he said after the game.", "en"),
    ("「今日は試合に勝った。とても大変だった」と彼は試合の後で言った。", "ja"),
    ("›Wir haben heute gewonnen. Es war schwer‹, sagte er nach dem Spiel.", "de"),
  ])
  func everyOpeningQuotationMarkGivesUnits(text: String, language: String) throws {
    let document = try summarize(text, language: language)
    #expect(document.segments.count == 1)
    let units = try #require(document.sentenceUnits)
    #expect(units.count == 2, "\(units.map { document.text(in: $0.range) })")
  }

  @Test func summariesChooseAmongTheSentencesAQuotationHolds() throws {
    let text = """
      The council approved the new budget on Monday. "We won. It was a hard fight, and the vote \
      was close," the mayor said after the meeting. The plan (It rained. It poured.) was late.
      """
    let document = try summarize(text, language: "en")
    expectWellFormed(document)
    // The segments stay as split makes them: the quotation inside the sentence quoting it.
    #expect(
      document.segments.map { document.text(of: $0) } == [
        "The council approved the new budget on Monday.",
        "\"We won. It was a hard fight, and the vote was close,\" the mayor said after the meeting.",
        "The plan (It rained. It poured.) was late.",
      ])
    // A summary chooses among the quotation's sentences; a bracket still holds its own.
    let units = try #require(document.sentenceUnits)
    #expect(
      units.map { document.text(in: $0.range) } == [
        "The council approved the new budget on Monday.", "\"We won.",
        "It was a hard fight, and the vote was close,\" the mayor said after the meeting.",
        "The plan (It rained. It poured.) was late.",
      ])
    #expect(units.map(\.segment) == [0, 1, 1, 2])
    let summary = Summary.sentences(of: document, length: .sentences(4))
    #expect(summary.map(\.index) == [0, 1, 1, 2])
    #expect(summary.map(\.range) == units.map(\.range))
    #expect(summary.allSatisfy { document.text(in: $0.range) == $0.text })
    // The segment has its best sentence's score.
    #expect(document.segments[1].score == units[1...2].map(\.score).max())
    // Summaries of a number of words choose whole segments unless word-limits says otherwise.
    #expect(document.wordLimitUnits == nil)
    #expect(Summary.sentences(of: document, length: .budgetWords(100)).map(\.index) == [0, 1, 2])
    var options = SentenceScorer.Options()
    options.ranking.splitQuotations = false
    options.wordLimitRanking.splitQuotations = true
    let swapped = try SentenceScorer(options: options).apply(to: document)
    expectWellFormed(swapped)
    #expect(swapped.sentenceUnits == nil)
    #expect(swapped.wordLimitUnits?.map(\.range) == units.map(\.range))
    #expect(Summary.sentences(of: swapped, length: .sentences(4)).map(\.index) == [0, 1, 2])
    #expect(Summary.sentences(of: swapped, length: .budgetWords(100)).map(\.index) == [0, 1, 1, 2])
    // Splitting the text again drops the units with the segments they were parts of.
    let resplit = try SentenceSplitter(options: .init()).apply(to: document)
    #expect(resplit.sentenceUnits == nil)
  }

  @Test func quotationsOfOneSentenceMakeNoUnits() throws {
    let text = "The river rose on Monday. \"It rose fast,\" the mayor said. Crews closed the bridge."
    let document = try summarize(text, language: "en")
    #expect(document.segments.count == 3)
    #expect(document.sentenceUnits == nil)
    var options = SentenceScorer.Options()
    options.ranking.splitQuotations = false
    let whole = try SentenceScorer(options: options).apply(to: document)
    #expect(whole.segments == document.segments)
  }

  @Test func splitQuotationsDecodesForEachRanking() throws {
    let json = #"{"split-quotations": false, "word-limits": {"split-quotations": true}}"#
    let options = try JSONDecoder().decode(SentenceScorer.Options.self, from: Data(json.utf8))
    #expect(!options.ranking.splitQuotations && options.wordLimitRanking.splitQuotations)
    #expect(SentenceScorer.Options().ranking.splitQuotations)
    #expect(!SentenceScorer.Options().wordLimitRanking.splitQuotations)
  }

  /// The walk through shared terms gives what a walk over every pair of sentences gives,
  /// with the pairs' weights written out: `shared × g(a) × g(b)`, `g(x) = 1 / √(2 ln |x|)`.
  @Test func graphWalkMatchesTheWalkOverPairs() throws {
    let text = """
      The council voted to close the old bridge. The bridge closed to traffic on Monday. \
      Traffic on the ring road grew. The council will build a new bridge by spring. \
      Crews tested the new bridge design. Rain fell.
      """
    let analysis = try SentenceScorer(options: .init()).analyze(summarize(text, language: "en"))
    let m = analysis.sentences.count
    #expect(m == 6)
    let walk = SentenceScorer.graphCentrality(analysis)
    // The same walk, pair by pair.
    let sets = analysis.sentences.map { Set($0.terms) }
    let g = analysis.sentences.map { $0.terms.count > 1 ? 1 / (2 * log(Double($0.terms.count))).squareRoot() : 0 }
    var weight = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    for a in 0..<m {
      for b in 0..<m where a != b {
        weight[a][b] = Double(sets[a].intersection(sets[b]).count) * g[a] * g[b]
      }
    }
    let outgoing = weight.map { $0.reduce(0, +) }
    var score = [Double](repeating: 1, count: m)
    for _ in 0..<30 {
      score = (0..<m).map { i in
        0.15 + 0.85 * (0..<m).reduce(0) { sum, j in outgoing[j] > 0 ? sum + weight[j][i] * score[j] / outgoing[j] : sum }
      }
    }
    for k in 0..<m { #expect(abs(walk[k] - score[k]) < 1e-4, "sentence \(k): \(walk[k]) vs \(score[k])") }
    // "Rain fell." shares nothing: it keeps only the walk's floor.
    #expect(abs(walk[5] - 0.15) < 1e-9)
    // The sentences about the bridge, which share the most, lead.
    #expect(walk.firstIndex(of: walk.max()!) != 5)
  }

  @Test func graphWeightMustBeAShare() throws {
    var options = SentenceScorer.Options()
    options.ranking.graphWeight = 1.5
    #expect(throws: (any Error).self) { try SentenceScorer(options: options) }
    options.ranking.graphWeight = 1
    #expect(throws: Never.self) { try SentenceScorer(options: options) }
  }

  @Test func stemsJoinWordForms() throws {
    // "opened"/"opening" share a stem, so the second sentence is central to the first.
    let analysis = try SentenceScorer(options: .init()).analyze(
      summarize("They opened the station. The opening of the station was late. Rain fell.", language: "en"))
    #expect(analysis.sentences.count == 3)
    let first = Set(analysis.sentences[0].terms)
    let second = Set(analysis.sentences[1].terms)
    #expect(first.intersection(second).count == 2)  // open, station
  }

  /// Spellings are cached per thread across documents; the term numbers stay the document's
  /// own, in order of first use, whatever was analysed before.
  @Test func termNumbersDoNotDependOnEarlierDocuments() throws {
    let scorer = try SentenceScorer(options: .init())
    let a = try summarize("Rain fell on the station. The station closed early. Trains waited.", language: "en")
    let b = try summarize("Trains waited at the bridge. Rain fell again. Bridges closed.", language: "en")
    let terms = { (analysis: SentenceAnalysis) in analysis.sentences.map(\.terms) }
    let bFirst = try scorer.analyze(b)
    let aAfterB = try scorer.analyze(a)
    let aAgain = try scorer.analyze(a)
    let bAfterA = try scorer.analyze(b)
    #expect(terms(aAfterB) == terms(aAgain))
    #expect(terms(bFirst) == terms(bAfterA))
    #expect(aAfterB.termCount == aAgain.termCount)
    // Numbers start at 0 in order of first use: "rain", "fell", "station" …
    #expect(aAgain.sentences[0].terms.prefix(3) == [0, 1, 2])
  }
}
