import PrecisICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ranks sentences for an extractive summary: position, centrality, length and redundancy.
///
/// Requires: sentences (and uses classes when present). Adds: scores. In a pipeline file:
///
///     - kind: score
///       position-decay: 1.25        # sentences of median length until the lead bias halves
///       redundancy: 0.1             # how much a sentence repeating a chosen one loses
///       word-limits:                # the same keys, for summaries of a number of words
///         centrality-weight: 0.75
///
/// Words come from ICU's word break iterator for the document's language (dictionary
/// segmentation for Chinese, Japanese, Thai and others), are case-folded, stemmed with
/// Snowball where it has the language, and stop words are set apart. A sentence's
/// **centrality** is how many other sentences share each of its content terms, summed over
/// its distinct terms and divided by `(1 + its content words)^length-damping`: its degree in
/// the word-overlap graph, computed from term counts in linear time, never from pairs of
/// sentences. It is scaled so that the most central sentence has 1. Except after a
/// standfirst, `graph-weight` (0.5) of it comes instead from TextRank's walk over the
/// sentence graph, computed through the terms sentences share (``graphCentrality(_:)``),
/// also scaled so that the best sentence has 1.
///
/// The score of summarisable sentence *k* is
/// `position-weight × (1 + words before k / (position-decay × median))^-position-exponent
///  + centrality-weight × centrality + length-weight × ln(words / median)`:
/// a lead bias measured in words (short fragments barely push text down), centrality, and
/// length (plus `frequency-weight` × the mean frequency of its content words in the text, as
/// SumBasic scores; off by default), times `quoted-weight` when the sentence holds quotation
/// marks. An article whose opening paragraph has at most `standfirst-sentences` sentences
/// and more text after it opens with a standfirst; its sentences are ranked by
/// `(standfirst-position-weight × prior + 0.05 + centrality) × (words / median)^standfirst-length-weight`
/// with `standfirst-length-damping`: in such articles the order of the body says less than
/// what it keeps coming back to. Headings, boilerplate and protected segments score 0 and
/// rank last; list items are weighted by `list-item-weight`, and photo captions left in the
/// text (`PhotoCaptions`) by `caption-weight` (0: after every other sentence).
///
/// The rank is the order a summary takes sentences in: greedily by score, each of the best 64
/// candidates losing `redundancy` times its largest overlap (shared terms over the smaller
/// set) with the sentences already taken (maximal marginal relevance); a near-duplicate of a
/// sentence already taken (overlap of at least `duplicate-overlap`) comes after all others. Every segment gets a score in 0...1 (its score over the best one's)
/// and a rank (1 is best); nothing is removed.
///
/// With `split-quotations` (on by default, off in `word-limits`), the sentences ranked are
/// the sentences segments quote (`QuotedSentences`): `“We won. It was hard,” he said.`
/// offers `“We won.` and `It was hard,” he said.`. They are set as the document's
/// `sentenceUnits` (or `wordLimitUnits`), which summaries choose among, and each segment
/// gets its best part's score and rank. The segments never change.
///
/// Summaries of a number of words (`--words`, `--budget-words`) are ranked by a second set of
/// these weights, the `word-limits` mapping (``Options/wordLimitRanking``), with defaults of
/// its own: such a summary is read up to a word limit, so centrality counts for more and the
/// lead bias for less. The stage sets both rankings on every segment (`score`/`rank` and
/// `wordLimitScore`/`wordLimitRank`). The defaults were tuned on the development set described
/// in `Summaries.md`.
///
/// - Complexity: O(*n*) in the length of the text, plus O(*s* log *s*) to sort *s* sentences.
public struct SentenceScorer: Stage {
  /// The weights that rank sentences. A `score` stage holds two sets: one for summaries of
  /// a number of sentences (or a share of them), one for summaries of a number of words.
  public struct Ranking: Sendable, Hashable {
    /// The weight of the position prior.
    public var positionWeight: Double = 1
    /// How far into the text, in sentences of median length, the position prior halves
    /// (for exponent 1). Position counts words, so short fragments barely push text down.
    public var positionDecay: Double = 1.25
    /// How steeply the position prior falls: `(1 + words before / (decay × median))^-exponent`.
    public var positionExponent: Double = 1.7
    /// The weight of centrality (0...1, the best sentence has 1).
    public var centralityWeight: Double = 0.3
    /// Centrality is divided by `(1 + content words)^damping`: 0 favours long sentences,
    /// 1 averages over the words.
    public var lengthDamping: Double = 0.6
    /// The weight of the log of the length relative to the median sentence (above 0 favours
    /// long sentences, below 0 short ones).
    public var lengthWeight: Double = -0.1
    /// How much a candidate loses per unit of overlap with sentences already taken.
    public var redundancy: Double = 0.1
    /// An opening paragraph of at most this many sentences, followed by more text, is a
    /// standfirst (0: never).
    public var standfirstSentences: Int = 2
    /// The weight of the position prior after a standfirst.
    public var standfirstPositionWeight: Double = 0
    /// The length weight after a standfirst.
    public var standfirstLengthWeight: Double = 0.6
    /// The length damping after a standfirst.
    public var standfirstLengthDamping: Double = 0.45
    /// The redundancy after a standfirst.
    public var standfirstRedundancy: Double = 0
    /// The weight of a list item relative to running text.
    public var listItemWeight: Double = 0.5
    /// The weight of a photo caption left in the text (`PhotoCaptions`): 0, never chosen
    /// while other sentences remain.
    public var captionWeight: Double = 0
    /// A sentence sharing at least this share of its content terms (of the smaller set) with
    /// one already chosen is a near-duplicate: chosen only when nothing else is left.
    public var duplicateOverlap: Double = 0.8
    /// The weight of the mean frequency of the sentence's content words in the text (the
    /// best sentence has 1), as SumBasic scores sentences.
    public var frequencyWeight: Double = 0
    /// A sentence holding quotation marks keeps this share of its score (not after a
    /// standfirst): quoted speech is less often the gist of a text than the narration around
    /// it.
    public var quotedWeight: Double = 0.93
    /// The share of centrality that comes from a walk over the sentence graph (TextRank's
    /// ranking, see ``SentenceScorer/graphCentrality(_:)``) rather than from degree (not after
    /// a standfirst).
    public var graphWeight: Double = 0.5
    /// Whether a summary chooses among the sentences a segment quotes rather than whole
    /// segments: `“We won. It was hard,” he said.` offers `“We won.` and `It was hard,” he
    /// said.` (see `QuotedSentences`). Segments themselves never change.
    public var splitQuotations = true

    /// The defaults for summaries of a number of sentences.
    public init() {}

    /// The defaults for summaries of a number of words (`--words`, `--budget-words`).
    ///
    /// Such a summary is usually one to three sentences, read up to a word limit, so what
    /// matters is how much of the text's substance each of its words carries: centrality
    /// weighs more, the lead bias falls more gently, and after a standfirst long sentences
    /// are favoured less than in a summary of a number of sentences.
    public static let wordLimited: Ranking = {
      var r = Ranking()
      r.positionDecay = 1.8
      r.positionExponent = 0.4
      r.centralityWeight = 0.75
      r.lengthDamping = 0.7
      r.redundancy = 0.15
      r.standfirstPositionWeight = 0.1
      r.standfirstLengthWeight = 0.2
      r.standfirstLengthDamping = 0.7
      r.frequencyWeight = 0.2
      r.quotedWeight = 0.9
      r.graphWeight = 0
      r.splitQuotations = false
      return r
    }()

    enum CodingKeys: String, CodingKey, CaseIterable {
      case positionWeight = "position-weight"
      case positionDecay = "position-decay"
      case positionExponent = "position-exponent"
      case centralityWeight = "centrality-weight"
      case lengthDamping = "length-damping"
      case lengthWeight = "length-weight"
      case redundancy
      case duplicateOverlap = "duplicate-overlap"
      case standfirstSentences = "standfirst-sentences"
      case standfirstPositionWeight = "standfirst-position-weight"
      case standfirstLengthWeight = "standfirst-length-weight"
      case standfirstLengthDamping = "standfirst-length-damping"
      case standfirstRedundancy = "standfirst-redundancy"
      case listItemWeight = "list-item-weight"
      case captionWeight = "caption-weight"
      case frequencyWeight = "frequency-weight"
      case quotedWeight = "quoted-weight"
      case graphWeight = "graph-weight"
      case splitQuotations = "split-quotations"
    }

    /// The weights that are numbers, by key (`standfirst-sentences`, a count, is apart).
    static var numbers: [(key: CodingKeys, path: WritableKeyPath<Ranking, Double>)] {
      [
        (.positionWeight, \.positionWeight), (.positionDecay, \.positionDecay),
        (.positionExponent, \.positionExponent), (.centralityWeight, \.centralityWeight),
        (.lengthDamping, \.lengthDamping), (.lengthWeight, \.lengthWeight), (.redundancy, \.redundancy),
        (.duplicateOverlap, \.duplicateOverlap), (.standfirstPositionWeight, \.standfirstPositionWeight),
        (.standfirstLengthWeight, \.standfirstLengthWeight),
        (.standfirstLengthDamping, \.standfirstLengthDamping),
        (.standfirstRedundancy, \.standfirstRedundancy), (.listItemWeight, \.listItemWeight),
        (.captionWeight, \.captionWeight),
        (.frequencyWeight, \.frequencyWeight), (.quotedWeight, \.quotedWeight),
        (.graphWeight, \.graphWeight),
      ]
    }

    /// The names of the weights a language may set (`languages`): every number.
    static var numberNames: [String] { numbers.map(\.key.rawValue) }

    /// These weights with those named in `values` (keys of ``numberNames``) set; unknown
    /// names are left out (the options reject them when read).
    public func setting(_ values: [String: Double]) -> Ranking {
      var r = self
      for (key, path) in Self.numbers {
        if let value = values[key.rawValue] { r[keyPath: path] = value }
      }
      return r
    }

    /// The weights given in `c`, the others from `d`.
    static func decode(from c: KeyedDecodingContainer<CodingKeys>, defaults d: Ranking) throws -> Ranking {
      var r = d
      for (key, path) in numbers {
        if let value = try c.decodeIfPresent(Double.self, forKey: key) { r[keyPath: path] = value }
      }
      r.standfirstSentences = try c.decodeIfPresent(Int.self, forKey: .standfirstSentences) ?? d.standfirstSentences
      r.splitQuotations =
        try c.decodeIfPresent(Bool.self, forKey: .splitQuotations) ?? d.splitQuotations
      return r
    }

    /// Why these weights cannot rank anything, or nil; `prefix` names where they were given.
    func problem(prefix: String) -> String? {
      if standfirstSentences < 0 { return "\(prefix)standfirst-sentences must be at least 0" }
      if !(duplicateOverlap > 0 && duplicateOverlap <= 1) {
        return "\(prefix)duplicate-overlap must be above 0 and at most 1, e.g. 0.8"
      }
      if !(graphWeight <= 1) {
        return "\(prefix)graph-weight must be between 0 and 1, e.g. 0.5"
      }
      if !(positionDecay > 0) {
        return "\(prefix)position-decay must be above 0, e.g. 0.5"
      }
      // The length weights may be below 0; the two above have their own bounds.
      let checkedApart: [CodingKeys] = [
        .positionDecay, .duplicateOverlap, .lengthWeight, .standfirstLengthWeight,
      ]
      for (key, path) in Self.numbers where !checkedApart.contains(key) {
        let value = self[keyPath: path]
        if !(value >= 0) || !value.isFinite {
          return "\(prefix)\(key.rawValue) must be a number of at least 0, not \(value)"
        }
      }
      if !lengthWeight.isFinite || !standfirstLengthWeight.isFinite {
        return "\(prefix)length-weight must be a number, e.g. 0.2 or -0.03"
      }
      return nil
    }
  }

  /// Weights set for one language, by name (the keys of the stage's weights, such as
  /// `length-weight`), each on top of the stage's own.
  public struct LanguageWeights: Sendable, Hashable {
    /// For summaries of a number of sentences.
    public var sentences: [String: Double]
    /// For summaries of a number of words (`word-limits`).
    public var wordLimits: [String: Double]

    public init(sentences: [String: Double] = [:], wordLimits: [String: Double] = [:]) {
      self.sentences = sentences
      self.wordLimits = wordLimits
    }
  }

  /// Options of the `score` stage.
  public struct Options: StageOptions {
    /// The language when the document has none (tokens and stems); English when neither.
    public var language: LanguageTag? = nil
    /// The weights for summaries of a number of sentences (`--sentences`, `--ratio`): the
    /// stage's own keys.
    public var ranking = Ranking()
    /// The weights for summaries of a number of words (`--words`, `--budget-words`): the
    /// `word-limits` mapping, whose keys are those of `ranking`.
    public var wordLimitRanking = Ranking.wordLimited
    /// Whether to stem words (Snowball) when the language has a stemmer.
    public var stemming: Bool = true
    /// Whether to set the language's stop words apart.
    public var stopWords: Bool = true
    /// Summaries of a number of words choose among at least this many of the best sentences.
    public var fitCandidates: Int = SummaryFit().candidates
    /// … each worth its score to this power …
    public var fitScoreExponent: Double = SummaryFit().scoreExponent
    /// … times its words to this power (1 fills the words asked for, 0 counts sentences).
    public var fitLengthExponent: Double = SummaryFit().lengthExponent
    /// Weights that differ for a language, by its primary subtag (`vi`), set on top of the
    /// stage's: the built-in ``defaultLanguageWeights``, to which a pipeline's `languages`
    /// mapping adds (a weight it names for a language replaces the built-in one).
    public var languageWeights: [String: LanguageWeights] = Self.defaultLanguageWeights

    /// The built-in weights of languages whose news reads differently, tuned on the
    /// development set like the stage's own.
    ///
    /// Vietnamese: a word is a syllable, so a sentence of many words need not say more.
    /// Summaries of a number of sentences favour shorter sentences more (`length-weight`
    /// -0.24 against -0.1): on the development set, Vietnamese summaries of 3 sentences
    /// then gain 0.6 ROUGE-2 points on VietNews and 0.3 on XL-Sum (anything from -0.23 to
    /// -0.28 gains on both).
    public static let defaultLanguageWeights: [String: LanguageWeights] = [
      "vi": LanguageWeights(sentences: ["length-weight": -0.24])
    ]

    /// The weights for a document in `language` (a primary subtag): for summaries of a
    /// number of sentences, and for those of a number of words.
    public func rankings(for language: String?) -> (sentences: Ranking, wordLimits: Ranking) {
      guard let language, let weights = languageWeights[language] else {
        return (ranking, wordLimitRanking)
      }
      return (ranking.setting(weights.sentences), wordLimitRanking.setting(weights.wordLimits))
    }

    /// How summaries of a number of words choose their sentences.
    public var fit: SummaryFit {
      SummaryFit(candidates: fitCandidates, scoreExponent: fitScoreExponent, lengthExponent: fitLengthExponent)
    }

    public static let knownKeys =
      CodingKeys.allCases.map(\.rawValue) + Ranking.CodingKeys.allCases.map(\.rawValue)

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
      case language
      case wordLimits = "word-limits"
      case stemming
      case stopWords = "stop-words"
      case fitCandidates = "fit-candidates"
      case fitScoreExponent = "fit-score-exponent"
      case fitLengthExponent = "fit-length-exponent"
      case languages
    }

    /// Any key, to name an unknown one inside `word-limits`.
    struct AnyKey: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = Options()
      language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
      ranking = try Ranking.decode(from: decoder.container(keyedBy: Ranking.CodingKeys.self), defaults: Ranking())
      if c.contains(.wordLimits) {
        let given = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .wordLimits)
        for key in given.allKeys where Ranking.CodingKeys(stringValue: key.stringValue) == nil {
          let known = Ranking.CodingKeys.allCases.map(\.rawValue).joined(separator: ", ")
          throw DecodingError.dataCorruptedError(
            forKey: CodingKeys.wordLimits, in: c,
            debugDescription: "unknown option '\(key.stringValue)' in 'word-limits'; known options: \(known)")
        }
        wordLimitRanking = try Ranking.decode(
          from: c.nestedContainer(keyedBy: Ranking.CodingKeys.self, forKey: .wordLimits),
          defaults: .wordLimited)
      }
      stemming = try c.decodeIfPresent(Bool.self, forKey: .stemming) ?? d.stemming
      stopWords = try c.decodeIfPresent(Bool.self, forKey: .stopWords) ?? d.stopWords
      fitCandidates = try c.decodeIfPresent(Int.self, forKey: .fitCandidates) ?? d.fitCandidates
      fitScoreExponent = try c.decodeIfPresent(Double.self, forKey: .fitScoreExponent) ?? d.fitScoreExponent
      fitLengthExponent = try c.decodeIfPresent(Double.self, forKey: .fitLengthExponent) ?? d.fitLengthExponent
      if c.contains(.languages) {
        let entries = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .languages)
        for key in entries.allKeys {
          guard let tag = LanguageTag(key.stringValue) else {
            throw DecodingError.dataCorruptedError(
              forKey: key, in: entries,
              debugDescription: "'\(key.stringValue)' in 'languages' is not a language, e.g. vi")
          }
          var weights = languageWeights[tag.language] ?? LanguageWeights()
          let entry = try entries.nestedContainer(keyedBy: AnyKey.self, forKey: key)
          for name in entry.allKeys {
            if name.stringValue == CodingKeys.wordLimits.rawValue {
              let limits = try entry.nestedContainer(keyedBy: AnyKey.self, forKey: name)
              for limit in limits.allKeys {
                try Self.checkWeightName(limit, in: limits, place: "languages: \(key.stringValue): word-limits")
                weights.wordLimits[limit.stringValue] = try limits.decode(Double.self, forKey: limit)
              }
            } else {
              try Self.checkWeightName(name, in: entry, place: "languages: \(key.stringValue)")
              weights.sentences[name.stringValue] = try entry.decode(Double.self, forKey: name)
            }
          }
          languageWeights[tag.language] = weights
        }
      }
    }

    /// Throws unless `key` names a weight a language may set.
    static func checkWeightName(
      _ key: AnyKey, in container: KeyedDecodingContainer<AnyKey>, place: String
    ) throws {
      guard !Ranking.numberNames.contains(key.stringValue) else { return }
      let known = (Ranking.numberNames + [CodingKeys.wordLimits.rawValue]).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        forKey: key, in: container,
        debugDescription: "unknown option '\(key.stringValue)' in '\(place)'; known options: \(known)")
    }
  }

  public static let kind = "score"
  public static let requires: Set<DocumentFeature> = [.sentences]
  public static let adds: Set<DocumentFeature> = [.scores]

  public let options: Options

  public init(options: Options) throws(StageError) {
    func fail(_ reason: String) -> StageError { StageError(stage: Self.kind, source: "-", reason: reason) }
    if let problem = options.ranking.problem(prefix: "") { throw fail(problem) }
    if let problem = options.wordLimitRanking.problem(prefix: "word-limits: ") { throw fail(problem) }
    for (language, weights) in options.languageWeights.sorted(by: { $0.key < $1.key }) {
      for name in Array(weights.sentences.keys) + Array(weights.wordLimits.keys)
      where !Ranking.numberNames.contains(name) {
        throw fail("languages: \(language): unknown option '\(name)'")
      }
      let (sentences, wordLimits) = options.rankings(for: language)
      if let problem = sentences.problem(prefix: "languages: \(language): ") { throw fail(problem) }
      if let problem = wordLimits.problem(prefix: "languages: \(language): word-limits: ") {
        throw fail(problem)
      }
    }
    guard options.fitCandidates >= 1 else { throw fail("fit-candidates must be at least 1, e.g. 12") }
    for (name, value) in [
      ("fit-score-exponent", options.fitScoreExponent), ("fit-length-exponent", options.fitLengthExponent),
    ] where !(value >= 0) || !value.isFinite {
      throw fail("\(name) must be a number of at least 0, not \(value)")
    }
    self.options = options
  }

  public func apply(to document: consuming Document) throws(StageError) -> Document {
    let analysis = try analyze(document)
    return rank(consume document, using: analysis)
  }

  /// Whether a segment of this role can be part of a summary.
  public static func isSummarizable(_ role: SegmentRole) -> Bool {
    role == .body || role == .listItem
  }

  /// Tokenises the summarisable sentences: the part of scoring that runs ICU.
  public func analyze(_ document: Document) throws(StageError) -> SentenceAnalysis {
    let language = document.language ?? options.language ?? .english
    let tokenizer = TermTokenizer(
      language: language.language, stemming: options.stemming, stopWords: options.stopWords)
    let splitting = options.ranking.splitQuotations || options.wordLimitRanking.splitQuotations
    var quoted = QuotedSentences()
    // The units scored: each summarisable segment, or the sentences it quotes.
    var eligible: [Int] = []
    var ranges: [Range<Int>] = []
    var text = document.text
    let segments = document.segments
    do {
      try text.withUTF8 { bytes in
        for (i, segment) in segments.enumerated() where Self.isSummarizable(segment.role) {
          if splitting {
            for range in try quoted.units(of: segment, in: bytes, language: language) {
              eligible.append(i)
              ranges.append(range)
            }
          } else {
            eligible.append(i)
            ranges.append(segment.range)
          }
        }
      }
    } catch let error as ICUError {
      throw StageError(stage: Self.kind, source: document.source, reason: error.description)
    } catch {
      throw StageError(
        stage: Self.kind, source: document.source, reason: ICUError.unexpected.description)
    }
    var sentences = [SentenceAnalysis.Sentence](repeating: .init(), count: eligible.count)
    // Every sentence's terms in one array (sentences come in order), sliced at the end: an
    // array per sentence cost more in allocations than the terms themselves.
    var allTerms: [Int32] = []
    var termEnds = [Int](repeating: 0, count: eligible.count)
    let failure: ICUError? = text.withUTF8 { bytes in
      for k in sentences.indices {
        let range = ranges[k]
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        sentences[k].quoted = Self.holdsQuotation(slice)
        sentences[k].captioned = PhotoCaptions.holdsCaption(slice)
      }
      do {
        try withBreakIterator(.word, locale: language.icuLocale) { iterator in
          var k = 0
          while k < eligible.count {
            // One pass of the word iterator per run of summarisable segments in a paragraph.
            let paragraph = segments[eligible[k]].paragraph
            var end = k + 1
            while end < eligible.count && segments[eligible[end]].paragraph == paragraph { end += 1 }
            let base = ranges[k].lowerBound
            let slice = UnsafeBufferPointer(rebasing: bytes[base..<ranges[end - 1].upperBound])
            var j = k
            try iterator.forEachSegment(utf8: slice) { range, kind in
              if kind == .none { return }
              let start = base + range.lowerBound
              while j < end && ranges[j].upperBound <= start { j += 1 }
              guard j < end, ranges[j].lowerBound <= start else { return }
              sentences[j].words += 1
              if case let .content(term) = tokenizer.term(of: UnsafeBufferPointer(rebasing: slice[range]), kind: kind) {
                allTerms.append(term)
                termEnds[j] = allTerms.count
              }
            }
            k = end
          }
        }
        return nil
      } catch let error as ICUError {
        return error
      } catch {
        return ICUError.unexpected
      }
    }
    if let failure {
      throw StageError(stage: Self.kind, source: document.source, reason: failure.description)
    }
    var start = 0
    for k in sentences.indices {
      let end = max(start, termEnds[k])
      sentences[k].terms = allTerms[start..<end]
      start = end
    }
    return SentenceAnalysis(
      segments: eligible, ranges: ranges, sentences: sentences, termCount: tokenizer.termCount)
  }

  /// Scores and ranks the document's segments from an analysis of its sentences: `score`
  /// and `rank` with the stage's own weights, `wordLimitScore` and `wordLimitRank` with
  /// those of `word-limits`; each with the weights its language sets (`languages`).
  ///
  /// With `split-quotations`, a ranking ranks the sentences segments quote (the units of
  /// `analysis`) and sets them as the document's `sentenceUnits` or `wordLimitUnits`; each
  /// segment then gets the score and rank of its best unit.
  public func rank(_ document: consuming Document, using analysis: SentenceAnalysis) -> Document {
    var document = consume document
    let weights = options.rankings(for: (document.language ?? options.language)?.language)
    let whole = analysis.isSplit ? analysis.bySegment() : analysis
    func ranked(with weights: Ranking) -> (scores: [Double], ranks: [Int], units: [SummaryUnit]?) {
      self.ranked(document, weights.splitQuotations ? analysis : whole, with: weights)
    }
    let main = ranked(with: weights.sentences)
    let wordLimited =
      weights.wordLimits == weights.sentences ? main : ranked(with: weights.wordLimits)
    for i in document.segments.indices {
      document.segments[i].score = main.scores[i]
      document.segments[i].rank = main.ranks[i]
      document.segments[i].wordLimitScore = wordLimited.scores[i]
      document.segments[i].wordLimitRank = wordLimited.ranks[i]
    }
    document.sentenceUnits = main.units
    document.wordLimitUnits = wordLimited.units
    return document
  }

  /// Every segment's score in 0...1 (its score over the best one's; 0 when it cannot be in a
  /// summary) and rank (1 is best; those that cannot be in a summary come last, in order);
  /// and, when `analysis` holds parts of segments, those parts ranked.
  func ranked(_ document: Document, _ analysis: SentenceAnalysis, with weights: Ranking)
    -> (scores: [Double], ranks: [Int], units: [SummaryUnit]?)
  {
    let eligible = analysis.segments
    let (scores, redundancy) = score(document, analysis, with: weights)
    var order = Array(0..<eligible.count)
    order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    let ranking = diversify(order, scores: scores, redundancy: redundancy, analysis: analysis, with: weights)
    let best = order.first.map { scores[$0] } ?? 0
    var result = (
      scores: [Double](repeating: 0, count: document.segments.count),
      ranks: [Int](repeating: 0, count: document.segments.count),
      units: analysis.isSplit ? [SummaryUnit]() : nil
    )
    var rank = 1
    var unitRank = 1
    for k in ranking {
      let i = eligible[k]
      let score = best > 0 ? min(1, max(0, scores[k] / best)) : 0
      result.units?.append(
        SummaryUnit(segment: i, range: analysis.ranges[k], score: score, rank: unitRank))
      unitRank += 1
      // A segment of several units: its best one's score and rank.
      guard result.ranks[i] == 0 else { continue }
      result.scores[i] = score
      result.ranks[i] = rank
      rank += 1
    }
    result.units?.sort { $0.range.lowerBound < $1.range.lowerBound }
    var isEligible = [Bool](repeating: false, count: document.segments.count)
    for i in eligible { isEligible[i] = true }
    for i in document.segments.indices where !isEligible[i] {
      result.ranks[i] = rank
      rank += 1
    }
    return result
  }

  /// The score of each summarisable sentence, in the order of `analysis.segments`, and the
  /// redundancy penalty to rank them with.
  func score(_ document: Document, _ analysis: SentenceAnalysis, with weights: Ranking) -> ([Double], Double) {
    let m = analysis.sentences.count
    guard m > 0 else { return ([], 0) }
    // Structure: a one-sentence opening paragraph followed by more text is a standfirst.
    let segments = document.segments
    let firstParagraph = segments[analysis.segments[0]].paragraph
    // (Segments, not the sentences they quote: quoting does not make an opening longer.)
    let opening = analysis.segments.prefix { segments[$0].paragraph == firstParagraph }
    let openingSentences =
      zip(opening, opening.dropFirst()).reduce(1) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    let hasStandfirst = openingSentences <= weights.standfirstSentences && opening.count < m
    let positionWeight = hasStandfirst ? weights.standfirstPositionWeight : weights.positionWeight
    let lengthWeight = hasStandfirst ? weights.standfirstLengthWeight : weights.lengthWeight
    let damping = hasStandfirst ? weights.standfirstLengthDamping : weights.lengthDamping
    let redundancy = hasStandfirst ? weights.standfirstRedundancy : weights.redundancy

    // Sentence frequency of each term: how many sentences hold it.
    var frequency = [Int32](repeating: 0, count: analysis.termCount)
    // A term counts once per sentence: `seen[t]` is the last sentence (plus one) that counted
    // it, so no sentence needs a list of its distinct terms.
    var seen = [Int32](repeating: 0, count: analysis.termCount)
    for k in 0..<m {
      for t in analysis.sentences[k].terms where seen[Int(t)] != Int32(k + 1) {
        seen[Int(t)] = Int32(k + 1)
        frequency[Int(t)] += 1
      }
    }
    // Centrality: the sentence's degree in the word-overlap graph, damped by its length.
    var centrality = [Double](repeating: 0, count: m)
    var highest = 0.0
    for i in seen.indices { seen[i] = 0 }
    for k in 0..<m {
      var shared = 0
      for t in analysis.sentences[k].terms where seen[Int(t)] != Int32(k + 1) {
        seen[Int(t)] = Int32(k + 1)
        shared += Int(frequency[Int(t)]) - 1
      }
      centrality[k] = Double(shared) / pow(1 + Double(analysis.sentences[k].terms.count), damping)
      highest = max(highest, centrality[k])
    }
    // Centrality from the graph walk, blended with degree (both scaled so the best is 1).
    if !hasStandfirst && weights.graphWeight > 0 && highest > 0 {
      let walk = Self.graphCentrality(analysis)
      if let top = walk.max(), top > 0 {
        let share = weights.graphWeight
        for k in 0..<m {
          centrality[k] = (1 - share) * centrality[k] / highest + share * walk[k] / top
        }
        highest = centrality.max() ?? 0
      }
    }
    // Word probability (SumBasic): the mean share of the text's content words that each
    // content word of the sentence has.
    var probability = [Double](repeating: 0, count: m)
    var likeliest = 0.0
    if weights.frequencyWeight > 0 {
      var occurrences = [Int32](repeating: 0, count: analysis.termCount)
      for sentence in analysis.sentences {
        for t in sentence.terms { occurrences[Int(t)] += 1 }
      }
      for k in 0..<m where !analysis.sentences[k].terms.isEmpty {
        var sum = 0
        for t in analysis.sentences[k].terms { sum += Int(occurrences[Int(t)]) }
        probability[k] = Double(sum) / Double(analysis.sentences[k].terms.count)
        likeliest = max(likeliest, probability[k])
      }
    }
    let words = analysis.sentences.map { max(1, $0.words) }
    let median = Double(words.sorted()[m / 2])
    var scores = [Double](repeating: 0, count: m)
    var before = 0
    for k in 0..<m {
      let position = pow(1 + Double(before) / (weights.positionDecay * median), -weights.positionExponent)
      before += words[k]
      let central = highest > 0 ? centrality[k] / highest : 0
      let frequent = likeliest > 0 ? weights.frequencyWeight * probability[k] / likeliest : 0
      let length = Double(words[k]) / median
      var value: Double
      if hasStandfirst {
        // The body after a standfirst is ranked by centrality, scaled by length.
        value = (positionWeight * position + Self.centralityFloor + central + frequent) * pow(length, lengthWeight)
      } else {
        value = positionWeight * position + weights.centralityWeight * central + frequent + lengthWeight * log(length)
      }
      // (A score at or below 0 is left alone: scaling it would raise it.)
      if !hasStandfirst && analysis.sentences[k].quoted && value > 0 {
        value *= weights.quotedWeight
      }
      if segments[analysis.segments[k]].role == .listItem { value *= weights.listItemWeight }
      // (As with quotations, a score at or below 0 is not scaled.)
      if analysis.sentences[k].captioned && value > 0 { value *= weights.captionWeight }
      scores[k] = value
    }
    // At `caption-weight` 0 a caption comes after every other sentence, even one whose score
    // fell below 0 (a long sentence far down the text).
    if weights.captionWeight == 0 {
      var lowest = 0.0
      for k in 0..<m where !analysis.sentences[k].captioned { lowest = min(lowest, scores[k]) }
      for k in 0..<m where analysis.sentences[k].captioned { scores[k] = min(scores[k], lowest) - 1 }
    }
    return (scores, redundancy)
  }

  /// Each sentence's TextRank score, computed through the terms the sentences share rather
  /// than from pairs of sentences.
  ///
  /// TextRank links two sentences by `shared terms / (log |a| + log |b|)`, where |a| counts
  /// a sentence's content terms (repeats too), and ranks them by a random walk with damping
  /// 0.85. Here the denominator is taken as `2 √(log |a| × log |b|)` (the same when the two
  /// have as many terms, a little less otherwise), so that the weight of an edge is
  /// `shared × g(a) × g(b)` with `g(x) = 1 / √(2 log |x|)`. Then every step of
  /// the walk is two sums over the sentences' distinct terms: what each term collects from
  /// the sentences holding it, and what each sentence collects from its terms (less what it
  /// would send itself). A sentence of fewer than two terms has no edges. Thirty steps, or
  /// fewer when no score moves by more than 10⁻⁶.
  ///
  /// - Complexity: O(*t*) per step for *t* distinct terms summed over the sentences: linear
  ///   in the text, with no similarity matrix.
  public static func graphCentrality(_ analysis: SentenceAnalysis) -> [Double] {
    let m = analysis.sentences.count
    // Each sentence's distinct terms, one after another: `terms[starts[k]..<starts[k + 1]]`.
    var terms: [Int32] = []
    var starts = [Int](repeating: 0, count: m + 1)
    var seen = [Int32](repeating: 0, count: analysis.termCount)
    var g = [Double](repeating: 0, count: m)
    for k in 0..<m {
      let sentence = analysis.sentences[k].terms
      for t in sentence where seen[Int(t)] != Int32(k + 1) {
        seen[Int(t)] = Int32(k + 1)
        terms.append(t)
      }
      starts[k + 1] = terms.count
      if sentence.count > 1 { g[k] = 1 / (2 * log(Double(sentence.count))).squareRoot() }
    }
    // What each sentence sends along all its edges: g(k) × Σ over its terms of the g of the
    // other sentences holding them.
    var perTerm = [Double](repeating: 0, count: analysis.termCount)
    for k in 0..<m where g[k] > 0 {
      for t in terms[starts[k]..<starts[k + 1]] { perTerm[Int(t)] += g[k] }
    }
    var outgoing = [Double](repeating: 0, count: m)
    for k in 0..<m where g[k] > 0 {
      var sum = 0.0
      for t in terms[starts[k]..<starts[k + 1]] { sum += perTerm[Int(t)] }
      outgoing[k] = g[k] * (sum - g[k] * Double(starts[k + 1] - starts[k]))
    }
    let damping = 0.85
    var score = [Double](repeating: 1, count: m)
    var sent = [Double](repeating: 0, count: m)
    for _ in 0..<30 {
      for k in 0..<m { sent[k] = outgoing[k] > 1e-12 ? score[k] * g[k] / outgoing[k] : 0 }
      for i in perTerm.indices { perTerm[i] = 0 }
      for k in 0..<m where sent[k] > 0 {
        for t in terms[starts[k]..<starts[k + 1]] { perTerm[Int(t)] += sent[k] }
      }
      var moved = 0.0
      for k in 0..<m {
        var sum = 0.0
        for t in terms[starts[k]..<starts[k + 1]] { sum += perTerm[Int(t)] }
        let next = (1 - damping) + damping * g[k] * (sum - sent[k] * Double(starts[k + 1] - starts[k]))
        moved = max(moved, abs(next - score[k]))
        score[k] = next
      }
      if moved < 1e-6 { break }
    }
    return score
  }

  /// Whether `bytes` hold a quotation mark: " « » or one of U+201C…U+201E; with `all`, also
  /// ‘ ‹ › 「 」 『 』 (every mark that may open a quotation, not the apostrophe).
  static func holdsQuotation(_ bytes: UnsafeBufferPointer<UInt8>, all: Bool = false) -> Bool {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b == 0x22 { return true }
      // « » are C2 AB and C2 BB.
      if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB {
        return true
      }
      // “ ” „ are E2 80 9C, 9D and 9E; ‘ is E2 80 98, ‹ › E2 80 B9 and BA.
      if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80 {
        let c = bytes[i + 2]
        if (0x9C...0x9E).contains(c) || (all && (c == 0x98 || c == 0xB9 || c == 0xBA)) { return true }
      }
      // 「 」 『 』 are E3 80 8C to 8F.
      if all, b == 0xE3, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0x8C...0x8F).contains(bytes[i + 2]) {
        return true
      }
      i += 1
    }
    return false
  }

  /// Keeps a sentence that shares no word from scoring 0 after a standfirst.
  static let centralityFloor = 0.05

  static func distinct(_ terms: ArraySlice<Int32>) -> [Int32] {
    var terms = Array(terms)
    terms.sort()
    var unique: [Int32] = []
    unique.reserveCapacity(terms.count)
    for t in terms where unique.last != t { unique.append(t) }
    return unique
  }

  /// Reorders the best candidates so that each loses `redundancy` × its overlap with those
  /// already taken (maximal marginal relevance), and a near-duplicate of one already taken
  /// (overlap of at least `duplicate-overlap`) comes after every other candidate, whatever
  /// the redundancy; the rest keep their order.
  ///
  /// - Complexity: O(*c*² *t*) for *c* ≤ 64 candidates of *t* terms: bounded, not quadratic
  ///   in the number of sentences.
  func diversify(
    _ order: [Int], scores: [Double], redundancy: Double, analysis: SentenceAnalysis, with weights: Ranking
  ) -> [Int] {
    let candidates = Array(order.prefix(64))
    guard let top = candidates.first, scores[top] > 0 else { return order }
    let sets = candidates.map { Self.distinct(analysis.sentences[$0].terms) }
    var overlap = [Double](repeating: 0, count: candidates.count)
    var taken = [Bool](repeating: false, count: candidates.count)
    var result: [Int] = []
    result.reserveCapacity(order.count)
    for _ in candidates.indices {
      var pick = -1
      var value = -Double.infinity
      for c in candidates.indices where !taken[c] {
        var v = scores[candidates[c]] / scores[top] - redundancy * overlap[c]
        if overlap[c] >= weights.duplicateOverlap { v -= 1e6 }
        if v > value {
          value = v
          pick = c
        }
      }
      taken[pick] = true
      result.append(candidates[pick])
      for c in candidates.indices where !taken[c] {
        overlap[c] = max(overlap[c], Self.overlap(sets[c], sets[pick]))
      }
    }
    result.append(contentsOf: order.dropFirst(candidates.count))
    return result
  }

  /// Shared terms over the smaller set's size, in 0...1.
  static func overlap(_ a: [Int32], _ b: [Int32]) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    var i = 0
    var j = 0
    var shared = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        shared += 1
        i += 1
        j += 1
      } else if a[i] < b[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return Double(shared) / Double(min(a.count, b.count))
  }
}

/// The tokenised summarisable sentences of a document, as the `score` stage reads them.
public struct SentenceAnalysis: Sendable {
  /// One sentence's words.
  public struct Sentence: Sendable {
    /// Content terms in order, repeated as they occur.
    public var terms: ArraySlice<Int32> = []
    /// Words of any kind (content, stop words, numbers).
    public var words = 0
    /// Whether the sentence holds quotation marks.
    public var quoted = false
    /// Whether the sentence is a photo caption (`PhotoCaptions`).
    public var captioned = false
  }

  /// The indices in `Document.segments` of the summarisable sentences, in order; an index
  /// comes once for each sentence of a segment that `split-quotations` splits.
  public var segments: [Int]
  /// Their ranges in `Document.text`: the segment's, or the part of it.
  public var ranges: [Range<Int>]
  /// Their words, in the same order.
  public var sentences: [Sentence]
  /// The number of distinct content terms.
  public var termCount: Int

  public init(segments: [Int], ranges: [Range<Int>], sentences: [Sentence], termCount: Int) {
    self.segments = segments
    self.ranges = ranges
    self.sentences = sentences
    self.termCount = termCount
  }

  /// Whether some segment is split into several sentences.
  public var isSplit: Bool { zip(segments, segments.dropFirst()).contains { $0 == $1 } }

  /// The same analysis with one sentence per segment: the words of its parts together.
  public func bySegment() -> SentenceAnalysis {
    var result = SentenceAnalysis(segments: [], ranges: [], sentences: [], termCount: termCount)
    var k = 0
    while k < segments.count {
      var end = k + 1
      while end < segments.count && segments[end] == segments[k] { end += 1 }
      var sentence = sentences[k]
      if end > k + 1 {
        sentence.terms = ArraySlice(sentences[k..<end].flatMap(\.terms))
        sentence.words = sentences[k..<end].reduce(0) { $0 + $1.words }
        sentence.quoted = sentences[k..<end].contains { $0.quoted }
        sentence.captioned = sentences[k..<end].contains { $0.captioned }
      }
      result.segments.append(segments[k])
      result.ranges.append(ranges[k].lowerBound..<ranges[end - 1].upperBound)
      result.sentences.append(sentence)
      k = end
    }
    return result
  }
}
