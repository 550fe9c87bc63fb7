import PrecisICU

/// A language found for a text, how sure the finding is, and how it was made.
public struct DetectedLanguage: Sendable, Hashable {
  /// How a language was found.
  public enum Method: String, Sendable, Hashable {
    /// CLD2 read the text.
    case identifier
    /// The text was too short or too odd for CLD2; its script decided.
    case script
  }

  /// The language, as a BCP 47 tag.
  public var language: LanguageTag
  /// How sure the finding is, in 0...1 (see <doc:LanguageDetection>).
  public var confidence: Double
  /// How it was found.
  public var method: Method

  public init(language: LanguageTag, confidence: Double, method: Method) {
    self.language = language
    self.confidence = confidence
    self.method = method
  }
}

/// Finds the document's language, and the language of each paragraph written in another,
/// with CLD2 (Google's Compact Language Detector 2) and ICU's script data.
///
/// Requires: nothing (run it after `normalize`). Adds: language. In a pipeline file:
///
///     - kind: detect                # --lang overrides
///       paragraphs: auto            # auto, all or off
///       min-letters: 40             # shorter paragraphs keep the document's language
///       sample-bytes: 256           # longer texts are sampled
///
/// A language the document already has (`--lang`, or the `language` option) is kept:
/// detection never replaces it. Paragraphs are still checked, and one is marked as another
/// language only when it differs both from that language and from what the text as a whole
/// reads as. The paragraphs are set on the document (with their language where it differs);
/// `split` keeps those languages, gives them to the paragraph's segments and splits the
/// paragraph with its language's rules.
///
/// CLD2 is slower than the rest of the pipeline together, so it reads a sample of each
/// document (`sample-bytes`, or a 32nd of the text if that is more, in windows spread over
/// it; twice that when it cannot read the first sample reliably), and a paragraph outside the
/// sample only when a cheap screen (``ParagraphScreen``: script and function words) finds it
/// suspect, or the sample saw another language.
/// See <doc:LanguageDetection>.
///
/// - Complexity: O(max(`sample-bytes`, *n*/32)) per document, plus O(*p*) per paragraph
///   checked, *p* at most 2 KB.
public struct LanguageDetector: Stage {
  /// Which paragraphs get a language of their own.
  public enum ParagraphMode: String, Sendable, Hashable, CaseIterable {
    /// Those where reading the document saw another language (the default).
    case auto
    /// Every paragraph of at least `min-letters` letters: thorough, at CLD2's speed.
    case all
    /// None: the document's language only.
    case off
  }

  /// Options of the `detect` stage.
  public struct Options: StageOptions {
    /// The document's language when it has none.
    ///
    /// Detection then only looks for paragraphs in other languages. `--lang` wins over it.
    public var language: LanguageTag? = nil
    /// Which paragraphs get a language of their own.
    public var paragraphs: ParagraphMode = .auto
    /// The letters a paragraph needs (URLs and e-mail addresses not counted) before its
    /// language may differ from the document's.
    public var minLetters: Int = 40
    /// The bytes of a document CLD2 reads at once (twice as many when it cannot read those
    /// reliably); longer texts are sampled (in windows over the text, more of them in texts
    /// over 32 times as long).
    public var sampleBytes: Int = Self.defaultSampleBytes

    /// The default of `sampleBytes`. (Callers' default arguments name it rather than repeat
    /// the number, so that a change reaches them.)
    public static let defaultSampleBytes = 256

    public static let knownKeys = ["language", "paragraphs", "min-letters", "sample-bytes"]

    public init() {}

    public init(
      language: LanguageTag? = nil, paragraphs: ParagraphMode = .auto, minLetters: Int = 40,
      sampleBytes: Int = Options.defaultSampleBytes
    ) {
      self.language = language
      self.paragraphs = paragraphs
      self.minLetters = minLetters
      self.sampleBytes = sampleBytes
    }

    enum CodingKeys: String, CodingKey {
      case language, paragraphs
      case minLetters = "min-letters"
      case sampleBytes = "sample-bytes"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
      paragraphs = try c.decodeChoice(ParagraphMode.self, forKey: .paragraphs) ?? .auto
      minLetters = try c.decodeIfPresent(Int.self, forKey: .minLetters) ?? 40
      sampleBytes = try c.decodeIfPresent(Int.self, forKey: .sampleBytes) ?? Self.defaultSampleBytes
    }
  }

  public static let kind = "detect"
  public static let requires: Set<DocumentFeature> = []
  public static let adds: Set<DocumentFeature> = [.language]

  public let options: Options

  /// The sample CLD2 reads when a language cannot be screened (see ``ParagraphScreen``).
  static let unscreenedSampleBytes = 8192
  /// The most bytes of one paragraph CLD2 reads: plenty to be sure, and it bounds the cost.
  static let probeBytes = 2048
  /// The share of a paragraph (percent) its language must hold to differ from the document's.
  static let paragraphPercent = 60
  /// Fewer letters than this make a text short: its script decides before CLD2 does.
  static let shortLetters = 16
  /// The share (percent) of the sample another language must hold before every paragraph is
  /// checked.
  static let mixedPercent = 2

  public init(options: Options) throws(StageError) {
    guard options.minLetters >= 1 else {
      throw StageError(
        stage: Self.kind, source: "-",
        reason: "'min-letters' must be at least 1, not \(options.minLetters)")
    }
    guard options.sampleBytes >= 256 else {
      throw StageError(
        stage: Self.kind, source: "-",
        reason: "'sample-bytes' must be at least 256, not \(options.sampleBytes)")
    }
    self.options = options
  }

  public func apply(to document: Document) throws(StageError) -> Document {
    var document = document
    var text = document.text
    let given = document.language ?? options.language
    let known = document.paragraphs.map(\.range)
    let analysis = text.withUTF8 {
      analyse($0, paragraphs: known.isEmpty ? nil : known, given: given)
    }
    if let given {
      // --lang (or the option) is taken as certain; a confidence already set is kept.
      if document.language != given || document.languageConfidence == nil {
        document.languageConfidence = 1
      }
      document.language = given
    } else if let found = analysis.document {
      document.language = found.language
      document.languageConfidence = found.confidence
    } else {
      document.languageConfidence = nil
    }
    if document.paragraphs.isEmpty {
      document.paragraphs = analysis.paragraphs.map { Paragraph(range: $0) }
      // The splitter's paragraphs of the text, which `split` need not find again.
      document.splitterParagraphs.ranges = analysis.paragraphs
    }
    for i in document.paragraphs.indices {
      let found = analysis.foreign[i]
      document.paragraphs[i].language = found?.language
      document.paragraphs[i].languageConfidence = found?.confidence
      for s in document.paragraphs[i].segments where s < document.segments.count {
        document.segments[s].language = found?.language
      }
    }
    return document
  }

  /// The language of `text` as a whole, as `detect` finds a document's; nil when it has no
  /// letters to judge by (or only Latin letters CLD2 cannot place).
  public func detectLanguage(of text: String) -> DetectedLanguage? {
    var text = text
    return text.withUTF8 { bytes in
      if bytes.isEmpty { return nil }
      return read(bytes, paragraphs: ParagraphSplitter.paragraphs(in: bytes), wantsChunks: false)
        .language
    }
  }

  func makeSample(
    _ bytes: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], minimum: Int? = nil
  ) -> DetectionSample {
    let budget = DetectionSample.budget(
      forLength: bytes.count, minimum: minimum ?? options.sampleBytes)
    return DetectionSample(text: bytes, budget: budget, paragraphs: paragraphs)
  }

  /// A sample of a text, CLD2's reading of it, and the language decided from that reading.
  struct Reading {
    var sample: DetectionSample
    var result: CLD2Result
    var language: DetectedLanguage?
    /// Whether CLD2 read the sample reliably and its answer decided the language.
    var isDecisive: Bool
  }

  /// The languages of CLD2's close sets whose reading of a first sample is kept: each is the
  /// language of its set with by far the most text (Spanish and Portuguese against Galician,
  /// Hindi against Marathi and Nepali, Indonesian against Malay), and the larger sample is
  /// there for a text of it that the first reads as a smaller neighbour (a Spanish list read
  /// as Galician), not the reverse. On the 36 texts of the corpora and of the summarisation
  /// and segmentation test sets in these languages and longer than a sample, the larger
  /// sample never changed the language. Czech (against Slovak) has no texts there to show
  /// it; Croatian, Serbian and Bosnian, and Danish and Norwegian, have no such language.
  static let keptCloseLanguages = Set(["es", "pt", "hi", "id"].compactMap(LanguageTag.init))

  /// The text's language, from a sample of `sample-bytes`; when that sample is not the whole
  /// text and CLD2 cannot read it reliably (too few letters, or languages too close), or reads
  /// it as a language of a set it confuses (Galician; Czech and Slovak; Croatian, Serbian and
  /// Bosnian; Danish and Norwegian; Marathi and Nepali; Malay — but not Spanish, Portuguese,
  /// Hindi or Indonesian: see ``keptCloseLanguages``), from a sample twice as large.
  func read(
    _ bytes: UnsafeBufferPointer<UInt8>, paragraphs: [Range<Int>], wantsChunks: Bool
  ) -> Reading {
    var minimum = options.sampleBytes
    while true {
      let sample = makeSample(bytes, paragraphs: paragraphs, minimum: minimum)
      let result = sample.read(wantsChunks: wantsChunks)
      let (language, isDecisive) = sample.withText { Self.decide(result, sample: $0) }
      let isClose =
        result.languages.0.closeSet != 0
        && !(result.languages.0.tag.map { Self.keptCloseLanguages.contains($0) } ?? false)
      if (isDecisive && !isClose) || sample.coversWholeText || minimum > options.sampleBytes {
        return Reading(sample: sample, result: result, language: language, isDecisive: isDecisive)
      }
      minimum = 2 * options.sampleBytes
    }
  }

  /// What `analyse` found.
  struct Analysis {
    /// The document's language as detected (whatever was given).
    var document: DetectedLanguage?
    /// The paragraph ranges.
    var paragraphs: [Range<Int>]
    /// The paragraphs in another language, by index.
    var foreign: [Int: DetectedLanguage] = [:]
  }

  func analyse(
    _ bytes: UnsafeBufferPointer<UInt8>, paragraphs known: [Range<Int>]?, given: LanguageTag?
  ) -> Analysis {
    let paragraphs = known ?? ParagraphSplitter.paragraphs(in: bytes)
    var analysis = Analysis(document: nil, paragraphs: paragraphs)
    if bytes.isEmpty || (given != nil && options.paragraphs == .off) { return analysis }

    let first = read(bytes, paragraphs: paragraphs, wantsChunks: options.paragraphs == .auto)
    let sample = first.sample
    let reading = first.result
    analysis.document = first.language
    if options.paragraphs == .off || paragraphs.isEmpty { return analysis }

    // A paragraph is foreign when it differs from the given language and from the text's.
    var references = ReferenceLanguages(given, analysis.document?.language)
    if reading.isReliable && reading.languages.0.tag == analysis.document?.language {
      references.add(closeSetOf: reading.languages.0)
    }
    if let given, let value = CLD2.value(of: given) { references.add(closeSetOf: value) }
    let checker = ParagraphChecker(minLetters: options.minLetters, references: references)
    var checked = [Bool](repeating: false, count: paragraphs.count)
    func check(_ i: Int) {
      if checked[i] { return }
      checked[i] = true
      if let found = checker.check(bytes, range: paragraphs[i]) { analysis.foreign[i] = found }
    }

    switch options.paragraphs {
    case .off: break
    case .all:
      for i in paragraphs.indices { check(i) }
    case .auto:
      // The paragraphs that the runs CLD2 read as another language fall in.
      func checkChunks(of reading: CLD2Result, in sample: DetectionSample) {
        for chunk in reading.chunks where references.relation(to: chunk.language) != .same {
          for range in sample.textRanges(of: chunk.range) {
            var i = Self.firstParagraph(endingAfter: range.lowerBound, in: paragraphs)
            while i < paragraphs.count && paragraphs[i].lowerBound < range.upperBound {
              check(i)
              i += 1
            }
          }
        }
      }
      checkChunks(of: reading, in: sample)
      // The paragraphs CLD2 has not read: those the screen finds suspect, when the language
      // can be screened; else CLD2 reads a larger sample (a long text is still only sampled).
      let language = given ?? analysis.document?.language
      let screen =
        sample.coversWholeText
        ? nil
        : language.flatMap { language in
          sample.withText { ParagraphScreen(language: language, sample: $0) }
        }
      if let screen {
        // A paragraph of fewer bytes than `min-letters` cannot differ: it is not screened.
        for i in paragraphs.indices
        where paragraphs[i].count >= options.minLetters && !checked[i]
          && !sample.covers(paragraphs[i]) && screen.isSuspect(bytes, range: paragraphs[i])
        {
          check(i)
        }
      } else if !sample.coversWholeText {
        let wide = makeSample(bytes, paragraphs: paragraphs, minimum: Self.unscreenedSampleBytes)
        checkChunks(of: wide.read(wantsChunks: true), in: wide)
      }
      // A text that shows another language gets every paragraph checked: CLD2's runs can
      // swallow a short paragraph, and a long text was only sampled.
      let mixed =
        !analysis.foreign.isEmpty
        || (references.relation(to: reading.languages.1) == .other
          && reading.percents.1 >= Self.mixedPercent)
        || (references.relation(to: reading.languages.2) == .other
          && reading.percents.2 >= Self.mixedPercent)
      if mixed {
        for i in paragraphs.indices { check(i) }
      }
    }
    return analysis
  }

  /// The document's language from CLD2's reading of `sample`, else from its script, else
  /// CLD2's unsure guess (short Latin text).
  ///
  /// CLD2 calls some answers on a few letters reliable ("中文" is `zh-Hant`), so a sample of
  /// fewer than `shortLetters` letters is judged by its script whatever CLD2 says. The answer
  /// is decisive when CLD2's reading decided it.
  static func decide(_ reading: CLD2Result, sample: UnsafeBufferPointer<UInt8>) -> (
    language: DetectedLanguage?, isDecisive: Bool
  ) {
    if reading.isReliable, let tag = reading.languages.0.tag,
      DetectionText.letterCount(sample, upTo: Self.shortLetters) >= Self.shortLetters
    {
      let found = DetectedLanguage(
        language: tag, confidence: Double(reading.percents.0) / 100, method: .identifier)
      return (found, true)
    }
    if let script = ScriptLanguages.guess(from: scriptCounts(utf8: sample)) {
      let found = DetectedLanguage(
        language: script.language, confidence: script.confidence, method: .script)
      return (found, false)
    }
    if let tag = reading.languages.0.tag, reading.percents.0 > 0 {
      let found = DetectedLanguage(
        language: tag, confidence: Double(reading.percents.0) / 200, method: .identifier)
      return (found, false)
    }
    return (nil, false)
  }

  /// The index of the first paragraph that ends after `offset` (paragraphs.count if none).
  static func firstParagraph(endingAfter offset: Int, in paragraphs: [Range<Int>]) -> Int {
    var lo = 0
    var hi = paragraphs.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if paragraphs[mid].upperBound <= offset { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// The languages a paragraph is compared with: the given one, the document's, and the sets of
/// languages CLD2 finds hard to tell apart from them.
///
/// At most two of each, kept inline: a document's detection makes no collection for them.
struct ReferenceLanguages {
  /// How a language stands to the references.
  enum Relation { case same, close, other }

  private var tags: (LanguageTag?, LanguageTag?)
  /// CLD2's close sets (0: none).
  private var closeSets: (Int, Int) = (0, 0)

  init(_ first: LanguageTag?, _ second: LanguageTag?) {
    tags = (first, second == first ? nil : second)
  }

  mutating func add(closeSetOf language: CLD2Language) {
    let set = language.closeSet
    if set == 0 || set == closeSets.0 || set == closeSets.1 { return }
    if closeSets.0 == 0 { closeSets.0 = set } else { closeSets.1 = set }
  }

  /// `.same` for a reference or an unknown language, `.close` for one CLD2 confuses with a
  /// reference (Spanish in Portuguese text), else `.other`.
  func relation(to language: CLD2Language) -> Relation {
    guard let tag = language.tag, tag != tags.0, tag != tags.1 else { return .same }
    let set = language.closeSet
    return set != 0 && (set == closeSets.0 || set == closeSets.1) ? .close : .other
  }
}

/// Reads single paragraphs with CLD2.
struct ParagraphChecker {
  let minLetters: Int
  let references: ReferenceLanguages

  init(minLetters: Int, references: ReferenceLanguages) {
    self.minLetters = minLetters
    self.references = references
  }

  /// The paragraph's language when it is long enough and CLD2 reads it, reliably and for
  /// most of its text, as a language other than the references; else nil.
  ///
  /// A language close to a reference (Spanish in a Portuguese text, Slovak in a Czech one)
  /// needs twice the letters, 90 % of the paragraph and no reference among CLD2's three.
  func check(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> DetectedLanguage? {
    var end = min(range.upperBound, range.lowerBound + LanguageDetector.probeBytes)
    while end < text.count && end > range.lowerBound && text[end] & 0xC0 == 0x80 { end -= 1 }
    let length = end - range.lowerBound
    if length < minLetters { return nil }
    // The paragraph is blanked in a copy on the stack, followed by CLD2's padding.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + CLD2.padding) {
      room -> DetectedLanguage? in
      let probe = UnsafeMutableBufferPointer(rebasing: room[0..<length])
      _ = probe.initialize(from: UnsafeBufferPointer(rebasing: text[range.lowerBound..<end]))
      UnsafeMutableBufferPointer(rebasing: room[length...]).initialize(repeating: 0x20)
      DetectionText.maskNoise(probe)
      let readOnly = UnsafeBufferPointer(probe)
      // Letters matter up to twice `minLetters` (see the close case below).
      let letters = DetectionText.letterCount(readOnly, upTo: 2 * minLetters)
      if letters < minLetters { return nil }
      let reading = CLD2.detect(padded: readOnly, wantsChunks: false)
      guard reading.isReliable, reading.percents.0 >= LanguageDetector.paragraphPercent,
        let tag = reading.languages.0.tag
      else { return nil }
      switch references.relation(to: reading.languages.0) {
      case .same:
        return nil
      case .close:
        let referenceInTop = reading.top.dropFirst().contains {
          references.relation(to: $0.language) == .same && $0.language.tag != nil && $0.percent > 0
        }
        if letters < 2 * minLetters || reading.percents.0 < 90 || referenceInTop { return nil }
      case .other:
        break
      }
      return DetectedLanguage(
        language: tag, confidence: Double(reading.percents.0) / 100, method: .identifier)
    }
  }
}
