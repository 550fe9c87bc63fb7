import PrecisICU

/// Splits paragraphs into sentence segments: ICU's sentence break iterator, corrected by the
/// language's rules (`Segmentation/Rules/<language>.txt`).
///
/// Requires: nothing (uses the document's language, else the `language` option, else
/// English; a paragraph that `detect` gave its own language is split by that language's
/// rules, and its segments get that language). Adds: paragraphs, sentences. In a pipeline
/// file:
///
///     - kind: split
///       language: de           # used when the document has none
///       suppressions: true     # ICU's abbreviation list (“Mr.”) as a fallback (English)
///       srx: rules/my.srx      # SRX 2.0 rules (see SRX.md); srx-mode: replace or refine
///
/// Paragraphs are blocks of lines between blank lines. Each line break ends a segment, so a
/// heading, a list item and a dateline are each a segment of their own. Within a line, the
/// rules keep abbreviations, initials, ordinals, numbers, web addresses, file names and
/// quotations inside their sentences, and end sentences that ICU runs together (Chinese and
/// Japanese full stops, Thai spaces, the Armenian full stop typed as a colon …); see
/// <doc:SegmentationConventions>. Languages without a rule file get ICU's breaks with the
/// rules every language shares (`und.txt`). Segments never start or end with white space; the
/// white space between them is kept as gaps, so segments and gaps rebuild the text exactly.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
public struct SentenceSplitter: Stage {
  /// Options of the `split` stage.
  public struct Options: StageOptions {
    /// The language when the document has none; English when neither is set.
    public var language: LanguageTag? = nil
    /// Whether to use ICU's abbreviation suppressions (`@ss=standard`).
    public var suppressions: Bool = true
    /// SRX 2.0 rules to use instead of, or on top of, the built-in breaks.
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
    Self.icuLocale(for: language, suppressions: options.suppressions)
  }

  /// The ICU locale for `language`, with ICU's abbreviation list when `suppressions` is on
  /// and the list helps the language.
  static func icuLocale(for language: LanguageTag, suppressions: Bool) -> String {
    suppressions && suppressionLanguages.contains(language.language)
      ? "\(language.icuLocale)@ss=standard" : language.icuLocale
  }

  /// A corrector of ICU's breaks by `language`'s rules, with the ICU locale it corrects.
  static func corrector(for language: LanguageTag, suppressions: Bool) -> BoundaryCorrector {
    BoundaryCorrector(
      rules: SplitRules.sharedRules(for: language),
      icuLocale: icuLocale(for: language, suppressions: suppressions))
  }

  public func apply(to document: Document) throws(StageError) -> Document {
    var document = document
    let fallback = document.language ?? options.language ?? .english
    let known = document.paragraphs
    let kept = document.splitterParagraphs.ranges
    var text = document.text
    var srxRun = SRXRun()
    let result: Result<([Paragraph], [Segment]), ICUError> = text.withUTF8 { bytes in
      do {
        let ranges = kept ?? ParagraphSplitter.paragraphs(in: bytes)
        return .success(
          try split(bytes, paragraphs: ranges, language: fallback, known: known, srxRun: &srxRun))
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
      document.sentenceUnits = nil
      document.wordLimitUnits = nil
      document.warnings += srxRun.warnings.map(\.description)
      return document
    case let .failure(error):
      throw StageError(stage: Self.kind, source: document.source, reason: error.description)
    }
  }

  /// Splits every paragraph (`ranges`, the ``ParagraphSplitter``'s, kept by `detect` or
  /// found again), each in its own language when an earlier stage (`detect`) set one for a
  /// paragraph of the same range, else in `language`; then applies SRX rules, if the options
  /// name any.
  private func split(
    _ bytes: UnsafeBufferPointer<UInt8>, paragraphs ranges: [Range<Int>], language: LanguageTag,
    known: [Paragraph], srxRun: inout SRXRun
  ) throws -> ([Paragraph], [Segment]) {
    // SRX rules that replace the built-in breaks need none of them.
    let builtIn = options.srx.map { $0.rules == nil || $0.effectiveMode == .refine } ?? true
    // One corrector per language, reused paragraph after paragraph (the current one is held
    // apart, the others wait in `correctors`); the document language's break iterator is
    // fetched once.
    var current = (language: language, corrector: makeCorrector(for: language))
    var correctors: [LanguageTag: BoundaryCorrector] = [:]
    return try withBreakIterator(.sentence, locale: current.corrector.icuLocale) { iterator in
      let hashes = SegmentID.hashes(of: ranges, in: bytes)
      var paragraphs: [Paragraph] = []
      paragraphs.reserveCapacity(ranges.count)
      var segments: [Segment] = []
      segments.reserveCapacity(2 * ranges.count)
      let occurrences = SegmentID.occurrences(of: hashes)
      // Each paragraph's own language, when an earlier stage set one for its range.
      var ownLanguages: [(LanguageTag?, Double?)] = []
      ownLanguages.reserveCapacity(ranges.count)
      // Whether ICU must read a paragraph in the document's language: one without any
      // character its iterator may break at gets boundaries only after its line feeds.
      var readsICU: [Bool] = []
      readsICU.reserveCapacity(ranges.count)
      // Whether it has such characters besides `.`, `!` and `?`: one without them is first
      // corrected without ICU, and read by ICU only when the corrector says ICU could
      // change its answer.
      var readsOthers: [Bool] = []
      readsOthers.reserveCapacity(ranges.count)
      // Both found in one pass over each paragraph (the characters besides `.`, `!`, `?`
      // and whether it has those).
      let otherCharacters = builtIn ? try iterator.sentenceBreakCharactersBesidesStops() : nil
      var knownIndex = 0
      for range in ranges {
        while knownIndex < known.count && known[knownIndex].range.lowerBound < range.lowerBound {
          knownIndex += 1
        }
        let match = knownIndex < known.count && known[knownIndex].range == range
        ownLanguages.append(
          match ? (known[knownIndex].language, known[knownIndex].languageConfidence) : (nil, nil))
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let reads = otherCharacters?.mayBreakWithStops(in: slice) ?? (any: false, besidesStops: false)
        readsICU.append(reads.any)
        readsOthers.append(reads.besidesStops)
      }
      var group = ICUGroup()
      for (rangeIndex, range) in ranges.enumerated() {
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        let hash = hashes[rangeIndex]
        let occurrence = occurrences[rangeIndex]
        var paragraph = Paragraph(range: range)
        (paragraph.language, paragraph.languageConfidence) = ownLanguages[rangeIndex]
        let paragraphLanguage = paragraph.language ?? language
        if current.language != paragraphLanguage {
          let next =
            correctors.removeValue(forKey: paragraphLanguage) ?? makeCorrector(for: paragraphLanguage)
          correctors[current.language] = current.corrector
          current = (paragraphLanguage, next)
        }
        var boundaries: [Int] = []
        if builtIn {
          // ICU's boundaries of a paragraph in the document's language, read with the run
          // of paragraphs that must be read after it.
          func groupBoundaries() throws -> [Int] {
            if rangeIndex > group.last {
              try group.read(
                from: rangeIndex, of: ranges, in: bytes, iterator: iterator,
                joins: {
                  readsICU[$0] && readsOthers[$0] && (ownLanguages[$0].0 ?? language) == language
                })
            }
            return group.boundaries(of: range)
          }
          var icu: [Int]? = nil
          if paragraphLanguage == language {
            if !readsICU[rangeIndex] {
              icu = group.lineBoundaries(of: slice)
            } else if !readsOthers[rangeIndex] {
              boundaries = try self.boundaries(
                of: slice, icu: group.lineBoundaries(of: slice), language: paragraphLanguage,
                corrector: &current.corrector, withoutICU: true)
              if current.corrector.needsICU { icu = try groupBoundaries() }
            } else {
              icu = try groupBoundaries()
            }
          } else {
            icu = try withBreakIterator(.sentence, locale: current.corrector.icuLocale) {
              try $0.sentenceBreakCharacters().mayBreak(in: slice)
                ? $0.boundaries(utf8: slice) : group.lineBoundaries(of: slice)
            }
          }
          if let icu {
            boundaries = try self.boundaries(
              of: slice, icu: icu, language: paragraphLanguage, corrector: &current.corrector)
          }
        }
        let first = segments.count
        var start = 0
        for boundary in try applyingSRX(
          to: boundaries, in: slice, language: paragraphLanguage, run: &srxRun)
        {
          let piece = Whitespace.trim(start..<boundary, in: slice)
          start = boundary
          if piece.isEmpty { continue }
          let id = SegmentID(
            paragraphHash: hash, occurrence: occurrence, index: segments.count - first)
          let absolute =
            (range.lowerBound + piece.lowerBound)..<(range.lowerBound + piece.upperBound)
          var segment = Segment(id: id, range: absolute, paragraph: paragraphs.count)
          segment.language = paragraph.language
          segments.append(segment)
        }
        paragraph.segments = first..<segments.count
        paragraphs.append(paragraph)
      }
      return (paragraphs, segments)
    }
  }

  /// ICU's sentence boundaries of a run of paragraphs in the document's language, found in one
  /// pass over the text from the first paragraph's start to the last one's end, then handed
  /// to each paragraph in turn.
  ///
  /// One pass instead of one per paragraph spares a UTF-16 copy, a `setText` and the mapping
  /// back for every paragraph. The boundaries are those each paragraph gets alone: ICU ends a
  /// sentence after every line feed, so one always falls where a paragraph starts (right
  /// after a line feed), and no rule looks past a line feed; so within a paragraph ICU sees
  /// nothing of the text around it. A run stays within ``BreakIterator/window`` bytes, so
  /// that it is read at once (a longer paragraph is a run of its own, read in windows as
  /// before). Paragraphs ICU need not read (``SentenceBreakCharacters``) end a run and get
  /// their line starts instead (``lineBoundaries(of:)``); so do those whose only marks ICU
  /// may break at are `.`, `!` and `?`, which the corrector first reads without ICU (it
  /// knows where ICU would break after them), and which start a run of their own when it
  /// finds that ICU's boundaries could change its answer.
  struct ICUGroup {
    /// The index of the run's last paragraph; -1 before the first run.
    private(set) var last = -1
    /// The run's boundaries as offsets into the document, ascending.
    private var found: [Int] = []
    private var next = 0
    /// The boundaries of the paragraph being handed out, reused paragraph after paragraph.
    private var current: [Int] = []

    /// Reads the run that starts at paragraph `first`: it and the paragraphs after it that
    /// `joins` accepts (in the document's language, to be read by ICU), while they fit in a
    /// window.
    mutating func read(
      from first: Int, of ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>,
      iterator: BreakIterator, joins: (Int) -> Bool
    ) throws {
      var end = first
      let limit = ranges[first].lowerBound + BreakIterator.window
      while end + 1 < ranges.count && ranges[end + 1].upperBound <= limit && joins(end + 1) {
        end += 1
      }
      let start = ranges[first].lowerBound
      let run = UnsafeBufferPointer(rebasing: bytes[start..<ranges[end].upperBound])
      found.removeAll(keepingCapacity: true)
      found.append(contentsOf: try iterator.boundaries(utf8: run).lazy.map { $0 + start })
      next = 0
      last = end
    }

    /// The boundaries of `paragraph` (one of the run's, in order), as offsets into it, without
    /// 0 and with its length: what ICU gives for the paragraph alone.
    mutating func boundaries(of paragraph: Range<Int>) -> [Int] {
      current.removeAll(keepingCapacity: true)
      while next < found.count && found[next] <= paragraph.lowerBound { next += 1 }
      while next < found.count && found[next] < paragraph.upperBound {
        current.append(found[next] - paragraph.lowerBound)
        next += 1
      }
      current.append(paragraph.count)
      return current
    }

    /// What ICU gives for a paragraph without a character it may break at: the start of each
    /// line after the first, and the paragraph's length.
    mutating func lineBoundaries(of paragraph: UnsafeBufferPointer<UInt8>) -> [Int] {
      current.removeAll(keepingCapacity: true)
      var i = 0
      while true {
        i = Whitespace.lineEnd(from: i, in: paragraph) + 1
        if i >= paragraph.count { break }
        current.append(i)
      }
      current.append(paragraph.count)
      return current
    }
  }

  private func makeCorrector(for language: LanguageTag) -> BoundaryCorrector {
    Self.corrector(for: language, suppressions: options.suppressions)
  }

  /// The sentence boundaries of one paragraph: ICU's (`icu`), corrected by the language's rules.
  private func boundaries(
    of paragraph: UnsafeBufferPointer<UInt8>, icu: [Int], language: LanguageTag,
    corrector: inout BoundaryCorrector, withoutICU: Bool = false
  ) throws -> [Int] {
    try corrector.boundaries(
      of: paragraph, icu: icu, wordLocale: corrector.wordLocale(for: paragraph, language: language),
      withoutICU: withoutICU)
  }
}
