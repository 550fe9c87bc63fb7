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
///       position-weight: 2          # how fast the lead bias falls off
///       redundancy: 0.3             # how much a sentence repeating a chosen one loses
///
/// Words come from ICU's word break iterator for the document's language (dictionary
/// segmentation for Chinese, Japanese, Thai and others), are case-folded, stemmed with
/// Snowball where it has the language, and stop words are set apart. A sentence's
/// **centrality** is how many other sentences share each of its content terms, summed over its
/// distinct terms and damped by its length: the degree of the sentence in the word-overlap
/// graph, computed from term counts in linear time, never from pairs of sentences.
///
/// The score multiplies a **position** prior `(1 / (1 + i / decay))^weight` over the
/// summarisable sentences, centrality and a **length** factor. An article that opens with a
/// one-sentence paragraph (a standfirst) followed by more paragraphs uses the `standfirst-…`
/// weights instead: its body is ranked by centrality, not by order. Headings, boilerplate and
/// protected segments score 0 and rank last; list items are weighted down.
///
/// The rank is the order a summary takes sentences in: greedily by score, each candidate
/// losing `redundancy` times its overlap with the sentences already taken (maximal marginal
/// relevance), so near-duplicates are not chosen together. Every segment gets a score in
/// 0...1 and a rank (1 is best); nothing is removed.
///
/// - Complexity: O(*n*) in the length of the text, plus O(*s* log *s*) to sort *s* sentences.
public struct SentenceScorer: Stage {
  /// Options of the `score` stage.
  public struct Options: StageOptions {
    /// The language when the document has none (tokens and stems); English when neither.
    public var language: LanguageTag? = nil
    /// Sentences from the start at which the position prior has halved (for weight 1).
    public var positionDecay: Double = 1
    /// The exponent of the position prior; 0 ignores position.
    public var positionWeight: Double = 2
    /// The exponent of the position prior after a standfirst.
    public var standfirstPositionWeight: Double = 0
    /// The exponent of centrality; 0 ignores it.
    public var centralityWeight: Double = 1
    /// Added to centrality (0...1) so that a sentence sharing no word is not zeroed.
    public var centralityFloor: Double = 0.05
    /// How strongly centrality is divided by the sentence's length (0: not at all).
    public var lengthDamping: Double = 0.5
    /// The exponent of length relative to the median sentence: above 0 favours long ones.
    public var lengthWeight: Double = 0
    /// The exponent of length after a standfirst.
    public var standfirstLengthWeight: Double = 0.2
    /// How much a candidate loses per unit of overlap with sentences already taken.
    public var redundancy: Double = 0
    /// Sentences with fewer words are weighted by `short-weight`.
    public var minWords: Int = 4
    /// The weight of a sentence shorter than `min-words`.
    public var shortWeight: Double = 0.3
    /// The weight of a list item relative to running text.
    public var listItemWeight: Double = 0.5
    /// Whether to stem words (Snowball) when the language has a stemmer.
    public var stemming: Bool = true
    /// Whether to set the language's stop words apart.
    public var stopWords: Bool = true

    public static let knownKeys = [
      "language", "position-decay", "position-weight", "standfirst-position-weight",
      "centrality-weight", "centrality-floor", "length-damping", "length-weight",
      "standfirst-length-weight", "redundancy", "min-words", "short-weight", "list-item-weight",
      "stemming", "stop-words",
    ]

    public init() {}

    enum CodingKeys: String, CodingKey {
      case language
      case positionDecay = "position-decay"
      case positionWeight = "position-weight"
      case standfirstPositionWeight = "standfirst-position-weight"
      case centralityWeight = "centrality-weight"
      case centralityFloor = "centrality-floor"
      case lengthDamping = "length-damping"
      case lengthWeight = "length-weight"
      case standfirstLengthWeight = "standfirst-length-weight"
      case redundancy
      case minWords = "min-words"
      case shortWeight = "short-weight"
      case listItemWeight = "list-item-weight"
      case stemming
      case stopWords = "stop-words"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      let d = Options()
      language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
      positionDecay = try c.decodeIfPresent(Double.self, forKey: .positionDecay) ?? d.positionDecay
      positionWeight = try c.decodeIfPresent(Double.self, forKey: .positionWeight) ?? d.positionWeight
      standfirstPositionWeight =
        try c.decodeIfPresent(Double.self, forKey: .standfirstPositionWeight) ?? d.standfirstPositionWeight
      centralityWeight = try c.decodeIfPresent(Double.self, forKey: .centralityWeight) ?? d.centralityWeight
      centralityFloor = try c.decodeIfPresent(Double.self, forKey: .centralityFloor) ?? d.centralityFloor
      lengthDamping = try c.decodeIfPresent(Double.self, forKey: .lengthDamping) ?? d.lengthDamping
      lengthWeight = try c.decodeIfPresent(Double.self, forKey: .lengthWeight) ?? d.lengthWeight
      standfirstLengthWeight =
        try c.decodeIfPresent(Double.self, forKey: .standfirstLengthWeight) ?? d.standfirstLengthWeight
      redundancy = try c.decodeIfPresent(Double.self, forKey: .redundancy) ?? d.redundancy
      minWords = try c.decodeIfPresent(Int.self, forKey: .minWords) ?? d.minWords
      shortWeight = try c.decodeIfPresent(Double.self, forKey: .shortWeight) ?? d.shortWeight
      listItemWeight = try c.decodeIfPresent(Double.self, forKey: .listItemWeight) ?? d.listItemWeight
      stemming = try c.decodeIfPresent(Bool.self, forKey: .stemming) ?? d.stemming
      stopWords = try c.decodeIfPresent(Bool.self, forKey: .stopWords) ?? d.stopWords
    }
  }

  public static let kind = "score"
  public static let requires: Set<DocumentFeature> = [.sentences]
  public static let adds: Set<DocumentFeature> = [.scores]

  public let options: Options

  public init(options: Options) throws(StageError) {
    func fail(_ reason: String) -> StageError { StageError(stage: Self.kind, source: "-", reason: reason) }
    guard options.positionDecay > 0 else { throw fail("position-decay must be above 0, e.g. 1") }
    for (name, value) in [
      ("position-weight", options.positionWeight), ("standfirst-position-weight", options.standfirstPositionWeight),
      ("centrality-weight", options.centralityWeight), ("centrality-floor", options.centralityFloor),
      ("length-damping", options.lengthDamping), ("redundancy", options.redundancy),
      ("short-weight", options.shortWeight), ("list-item-weight", options.listItemWeight),
    ] where !(value >= 0) || !value.isFinite {
      throw fail("\(name) must be a number of at least 0, not \(value)")
    }
    guard options.lengthWeight.isFinite, options.standfirstLengthWeight.isFinite else {
      throw fail("length-weight must be a number, e.g. 0.2 or -0.3")
    }
    guard options.minWords >= 0 else { throw fail("min-words must be at least 0") }
    self.options = options
  }

  public func apply(to document: Document) throws(StageError) -> Document {
    rank(document, using: try analyze(document))
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
    var eligible: [Int] = []
    for (i, segment) in document.segments.enumerated() where Self.isSummarizable(segment.role) {
      eligible.append(i)
    }
    var sentences = [SentenceAnalysis.Sentence](repeating: .init(), count: eligible.count)
    var text = document.text
    let segments = document.segments
    let failure: ICUError? = text.withUTF8 { bytes in
      do {
        try withBreakIterator(.word, locale: language.icuLocale) { iterator in
          var k = 0
          while k < eligible.count {
            // One pass of the word iterator per run of summarisable segments in a paragraph.
            let paragraph = segments[eligible[k]].paragraph
            var end = k + 1
            while end < eligible.count && segments[eligible[end]].paragraph == paragraph { end += 1 }
            let base = segments[eligible[k]].range.lowerBound
            let slice = UnsafeBufferPointer(rebasing: bytes[base..<segments[eligible[end - 1]].range.upperBound])
            var j = k
            try iterator.forEachSegment(utf8: slice) { range, kind in
              if kind == .none { return }
              let start = base + range.lowerBound
              while j < end && segments[eligible[j]].range.upperBound <= start { j += 1 }
              guard j < end, segments[eligible[j]].range.lowerBound <= start else { return }
              sentences[j].words += 1
              if case let .content(term) = tokenizer.term(of: UnsafeBufferPointer(rebasing: slice[range]), kind: kind) {
                sentences[j].terms.append(term)
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
    return SentenceAnalysis(segments: eligible, sentences: sentences, termCount: tokenizer.termCount)
  }

  /// Scores and ranks the document's segments from an analysis of its sentences.
  public func rank(_ document: Document, using analysis: SentenceAnalysis) -> Document {
    var document = document
    let eligible = analysis.segments
    let m = eligible.count
    let scores = score(document, analysis)
    var order = Array(0..<m)
    order.sort { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
    let ranking = options.redundancy > 0 ? diversify(order, scores: scores, analysis: analysis) : order
    let best = scores.max() ?? 0
    for i in document.segments.indices {
      document.segments[i].score = 0
    }
    var rank = 1
    for k in ranking {
      let i = eligible[k]
      document.segments[i].score = best > 0 ? min(1, max(0, scores[k] / best)) : 0
      document.segments[i].rank = rank
      rank += 1
    }
    var isEligible = [Bool](repeating: false, count: document.segments.count)
    for i in eligible { isEligible[i] = true }
    for i in document.segments.indices where !isEligible[i] {
      document.segments[i].rank = rank
      rank += 1
    }
    return document
  }

  /// The score of each summarisable sentence, in the order of `analysis.segments`.
  func score(_ document: Document, _ analysis: SentenceAnalysis) -> [Double] {
    let m = analysis.sentences.count
    guard m > 0 else { return [] }
    // Sentence frequency of each term.
    var frequency = [Int32](repeating: 0, count: analysis.termCount)
    var distinct = [[Int32]](repeating: [], count: m)
    for k in 0..<m {
      var terms = analysis.sentences[k].terms
      terms.sort()
      var unique: [Int32] = []
      unique.reserveCapacity(terms.count)
      for t in terms where unique.last != t { unique.append(t) }
      for t in unique { frequency[Int(t)] += 1 }
      distinct[k] = unique
    }
    var centrality = [Double](repeating: 0, count: m)
    var highest = 0.0
    for k in 0..<m {
      var shared = 0
      for t in distinct[k] { shared += Int(frequency[Int(t)]) - 1 }
      let damping = pow(log(1 + Double(analysis.sentences[k].terms.count)) + 1, options.lengthDamping)
      centrality[k] = Double(shared) / damping
      highest = max(highest, centrality[k])
    }
    let words = analysis.sentences.map { max(1, $0.words) }
    let median = Double(words.sorted()[m / 2])
    // Structure: a one-sentence opening paragraph followed by more paragraphs is a standfirst.
    let segments = document.segments
    let firstParagraph = segments[analysis.segments[0]].paragraph
    let openingSentences = analysis.segments.prefix { segments[$0].paragraph == firstParagraph }.count
    let hasStandfirst = openingSentences == 1 && m > 1
    let positionWeight = hasStandfirst ? options.standfirstPositionWeight : options.positionWeight
    let lengthWeight = hasStandfirst ? options.standfirstLengthWeight : options.lengthWeight
    var scores = [Double](repeating: 0, count: m)
    for k in 0..<m {
      let position = pow(1 / (1 + Double(k) / options.positionDecay), positionWeight)
      let central = highest > 0 ? centrality[k] / highest : 0
      var value = position * pow(options.centralityFloor + central, options.centralityWeight)
      value *= pow(Double(words[k]) / median, lengthWeight)
      if analysis.sentences[k].words < options.minWords { value *= options.shortWeight }
      if segments[analysis.segments[k]].role == .listItem { value *= options.listItemWeight }
      scores[k] = value
    }
    return scores
  }

  /// Reorders the best candidates so that each loses `redundancy` × its overlap with those
  /// already taken (maximal marginal relevance); the rest keep their order.
  ///
  /// - Complexity: O(*c*² *t*) for *c* ≤ 64 candidates of *t* terms: bounded, not quadratic
  ///   in the number of sentences.
  func diversify(_ order: [Int], scores: [Double], analysis: SentenceAnalysis) -> [Int] {
    let candidates = Array(order.prefix(64))
    guard let top = candidates.first, scores[top] > 0 else { return order }
    let sets = candidates.map { k -> [Int32] in
      var terms = analysis.sentences[k].terms
      terms.sort()
      var unique: [Int32] = []
      for t in terms where unique.last != t { unique.append(t) }
      return unique
    }
    var overlap = [Double](repeating: 0, count: candidates.count)
    var taken = [Bool](repeating: false, count: candidates.count)
    var result: [Int] = []
    result.reserveCapacity(order.count)
    for _ in candidates.indices {
      var pick = -1
      var value = -Double.infinity
      for c in candidates.indices where !taken[c] {
        let v = scores[candidates[c]] / scores[top] - options.redundancy * overlap[c]
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
    public var terms: [Int32] = []
    /// Words of any kind (content, stop words, numbers).
    public var words = 0
  }

  /// The indices in `Document.segments` of the summarisable sentences, in order.
  public var segments: [Int]
  /// Their words, in the same order.
  public var sentences: [Sentence]
  /// The number of distinct content terms.
  public var termCount: Int
}
