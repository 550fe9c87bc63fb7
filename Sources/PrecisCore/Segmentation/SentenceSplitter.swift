import PrecisICU

/// Splits paragraphs into sentence segments with ICU's sentence break iterator.
///
/// Requires: nothing (uses the document's language, else the `language` option, else
/// English; a paragraph that `detect` gave its own language is split by that language's
/// rules, and its segments get that language). Adds: paragraphs, sentences. In a pipeline file:
///
///     - kind: split
///       language: de           # used when the document has none
///       suppressions: true     # ICU's abbreviation list (“Mr.”) where it helps (English)
///       srx: rules/my.srx      # SRX 2.0 rules (see SRX.md); srx-mode: replace or refine
///
/// Paragraphs are blocks of lines between blank lines. Each line break ends a segment, so a
/// heading, a list item and a dateline are each a segment of their own. Segments never start
/// or end with white space; the white space between them is kept as gaps, so segments and
/// gaps rebuild the text exactly.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
public struct SentenceSplitter: Stage {
  /// Options of the `split` stage.
  public struct Options: StageOptions {
    /// The language when the document has none; English when neither is set.
    public var language: LanguageTag? = nil
    /// Whether to use ICU's abbreviation suppressions (`@ss=standard`).
    public var suppressions: Bool = true
    /// SRX 2.0 rules to use instead of, or on top of, ICU's breaks.
    public var srx: SRXSplitOptions? = nil

    public static let knownKeys = ["language", "suppressions"] + SRXSplitOptions.knownKeys

    public init() {}
    public init(language: LanguageTag?, suppressions: Bool = true) {
      self.language = language
      self.suppressions = suppressions
    }

    enum CodingKeys: String, CodingKey { case language, suppressions }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
      suppressions = try c.decodeIfPresent(Bool.self, forKey: .suppressions) ?? true
      srx = try SRXSplitOptions.decode(from: decoder)
    }
  }

  public static let kind = "split"
  public static let requires: Set<DocumentFeature> = []
  public static let adds: Set<DocumentFeature> = [.paragraphs, .sentences]

  public let options: Options

  public init(options: Options) throws(StageError) {
    try Self.checkSRX(options)
    self.options = options
  }

  /// Languages whose ICU suppression list helps. ICU matches its list against the end of the
  /// text before a break without looking for a word start, so German "kam." matches "am."
  /// and a sentence is lost; other languages get their abbreviations from rule data.
  static let suppressionLanguages: Set<String> = ["en"]

  /// The ICU locale used for `language`.
  public func icuLocale(for language: LanguageTag) -> String {
    options.suppressions && Self.suppressionLanguages.contains(language.language)
      ? "\(language.icuLocale)@ss=standard" : language.icuLocale
  }

  public func apply(to document: Document) throws(StageError) -> Document {
    var document = document
    let language = document.language ?? options.language ?? .english
    let locale = icuLocale(for: language)
    var text = document.text
    // Paragraph languages found by `detect`, by where the paragraph starts.
    var detected: [Int: Paragraph] = [:]
    for paragraph in document.paragraphs where paragraph.language != nil {
      detected[paragraph.range.lowerBound] = paragraph
    }
    let spacedScript = UnspacedScriptBreaks.scalarRange(for: language.language)
    var srxRun = SRXRun()
    let result: Result<([Paragraph], [Segment]), ICUError> = text.withUTF8 { bytes in
      do {
        return .success(try withBreakIterator(.sentence, locale: locale) { iterator in
          try split(
            bytes, iterator: iterator, detected: detected, language: language, srxRun: &srxRun,
            spacedScript: spacedScript)
        })
      } catch let error as ICUError {
        return .failure(error)
      } catch {
        return .failure(ICUError.unexpected)
      }
    }
    switch result {
    case let .success((paragraphs, segments)):
      document.paragraphs = paragraphs
      document.segments = segments
      document.warnings += srxRun.warnings.map(\.description)
      return document
    case let .failure(error):
      throw StageError(stage: Self.kind, source: document.source, reason: error.description)
    }
  }

  private func split(
    _ bytes: UnsafeBufferPointer<UInt8>, iterator: BreakIterator, detected: [Int: Paragraph],
    language: LanguageTag, srxRun: inout SRXRun, spacedScript: ClosedRange<UInt32>? = nil
  ) throws(ICUError) -> ([Paragraph], [Segment]) {
    var paragraphs: [Paragraph] = []
    var segments: [Segment] = []
    var occurrences: [UInt64: Int] = [:]
    for range in ParagraphSplitter.paragraphs(in: bytes) {
      let slice = UnsafeBufferPointer(rebasing: bytes[range])
      let hash = SegmentID.hash(slice)
      let occurrence = occurrences[hash, default: 0]
      occurrences[hash] = occurrence + 1
      var paragraph = Paragraph(range: range)
      if let known = detected[range.lowerBound], known.range == range {
        paragraph.language = known.language
        paragraph.languageConfidence = known.languageConfidence
      }
      let first = segments.count
      var start = 0
      var icu = try boundaries(of: slice, language: paragraph.language, iterator: iterator)
      let paragraphScript = paragraph.language.map { UnspacedScriptBreaks.scalarRange(for: $0.language) } ?? spacedScript
      if let paragraphScript {
        // Thai and its neighbours end sentences with a space, which ICU does not see.
        icu = Array(Set(icu + UnspacedScriptBreaks.boundaries(in: slice, script: paragraphScript))).sorted()
      }
      let srxLanguage = paragraph.language ?? language
      for boundary in try applyingSRX(to: icu, in: slice, language: srxLanguage, run: &srxRun) {
        let piece = Whitespace.trim(start..<boundary, in: slice)
        start = boundary
        if piece.isEmpty { continue }
        let id = SegmentID(paragraphHash: hash, occurrence: occurrence, index: segments.count - first)
        let absolute = (range.lowerBound + piece.lowerBound)..<(range.lowerBound + piece.upperBound)
        var segment = Segment(id: id, range: absolute, paragraph: paragraphs.count)
        segment.language = paragraph.language
        segments.append(segment)
      }
      paragraph.segments = first..<segments.count
      paragraphs.append(paragraph)
    }
    return (paragraphs, segments)
  }

  /// The sentence boundaries of a paragraph, by its own language's rules when it has one.
  private func boundaries(
    of slice: UnsafeBufferPointer<UInt8>, language: LanguageTag?, iterator: BreakIterator
  ) throws(ICUError) -> [Int] {
    guard let language, icuLocale(for: language) != iterator.locale else {
      return try iterator.boundaries(utf8: slice)
    }
    do {
      return try withBreakIterator(.sentence, locale: icuLocale(for: language)) {
        try $0.boundaries(utf8: slice)
      }
    } catch let error as ICUError {
      throw error
    } catch {
      throw ICUError.unexpected
    }
  }
}
