/// Marks headings, list items, page furniture and protected lines, so that summaries skip them
/// and translators see what is what.
///
/// Requires: sentences. Adds: classes. In a pipeline file:
///
///     - kind: classify
///       language: de          # used when the document has none
///       heading-max-words: 20
///
/// The stage looks at lines (the segments of a paragraph between line breaks) and sets the
/// role of each segment and of each paragraph whose lines agree:
///
/// - `protected`: a line that is only a URL, an e-mail address or a line of code.
/// - `boilerplate`: toolbars and breadcrumbs ("Home › Local | 14.03.2025 | Share Print",
///   "date 2025-11-06 + ↺ − 16 px"), "read more" lines and the link lists under them, bylines
///   and source lines ("By Anna Carter", "Quelle: …", "（記者 王明）"), and a short last line
///   without a full stop ("News.Az").
/// - `list-item`: a line that begins with a bullet ("- ", "• ", "・") or a number or letter
///   ("1. ", "2) ", "a) ").
/// - `heading`: a paragraph of one short line without closing punctuation.
///
/// Per-language words come from ``ClassificationRules``; the shapes (separators, digits,
/// punctuation) hold in every language. Nothing is removed: only roles change.
///
/// - Complexity: O(*n*) in the length of the text.
public struct SegmentClassifier: Stage {
  /// Options of the `classify` stage.
  public struct Options: StageOptions {
    /// The language when the document has none; with neither, every language's lists apply.
    public var language: LanguageTag? = nil
    /// The most words a heading may have.
    public var headingMaxWords: Int = 20
    /// The most words a byline, source or toolbar line may have.
    public var creditMaxWords: Int = 12

    public static let knownKeys = ["language", "heading-max-words", "credit-max-words"]

    public init() {}

    enum CodingKeys: String, CodingKey {
      case language
      case headingMaxWords = "heading-max-words"
      case creditMaxWords = "credit-max-words"
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      language = try c.decodeIfPresent(LanguageTag.self, forKey: .language)
      headingMaxWords = try c.decodeIfPresent(Int.self, forKey: .headingMaxWords) ?? 20
      creditMaxWords = try c.decodeIfPresent(Int.self, forKey: .creditMaxWords) ?? 12
    }
  }

  public static let kind = "classify"
  public static let requires: Set<DocumentFeature> = [.sentences]
  public static let adds: Set<DocumentFeature> = [.classes]

  public let options: Options

  public init(options: Options) throws(StageError) {
    guard options.headingMaxWords >= 1, options.creditMaxWords >= 1 else {
      throw StageError(
        stage: Self.kind, source: "-",
        reason: "heading-max-words and credit-max-words must be at least 1")
    }
    self.options = options
  }

  public func apply(to document: Document) throws(StageError) -> Document {
    var document = document
    let language = (document.language ?? options.language)?.language
    let lists = ClassificationRules.lists(for: language)
    let chrome = Self.chromeWords(for: language)
    let prefixes = Self.prefixes(for: language)
    let lines = Self.lines(of: document)
    let lastLine = lines.indices.last
    var roles = [SegmentRole](repeating: .body, count: lines.count)
    var furnitureParagraph = -1
    for (k, line) in lines.enumerated() {
      let shape = LineShape(document.text(in: line.range))
      let paragraph = document.paragraphs[line.paragraph]
      let isWholeParagraph = paragraph.range == line.range
      if line.paragraph == furnitureParagraph {
        roles[k] = .boilerplate
        continue
      }
      if let role = role(
        of: shape, lists: lists, chrome: chrome, prefixes: prefixes,
        isWholeParagraph: isWholeParagraph, isLast: k == lastLine)
      {
        roles[k] = role
        // A "read more:" line heads a list of links: the rest of its paragraph goes with it.
        if role == .boilerplate && shape.endsWithColon && line.range.lowerBound == paragraph.range.lowerBound
          && shape.startsWithAny(prefixes.more)
        {
          furnitureParagraph = line.paragraph
        }
      }
    }
    var paragraphRoles = [SegmentRole?](repeating: nil, count: document.paragraphs.count)
    var mixed = [Bool](repeating: false, count: document.paragraphs.count)
    for (k, line) in lines.enumerated() {
      for s in line.segments { document.segments[s].role = roles[k] }
      if let seen = paragraphRoles[line.paragraph], seen != roles[k] { mixed[line.paragraph] = true }
      paragraphRoles[line.paragraph] = roles[k]
    }
    for p in document.paragraphs.indices {
      document.paragraphs[p].role = mixed[p] ? .body : (paragraphRoles[p] ?? .body)
    }
    return document
  }

  /// The chrome words of a language (see ``ClassificationRules/lists(for:)``), prepared once.
  static func chromeWords(for language: String?) -> LineShape.ChromeWords {
    guard let language else { return allChromeWords }
    return preparedChromeWords[language] ?? LineShape.ChromeWords([])
  }

  private static let preparedChromeWords: [String: LineShape.ChromeWords] =
    ClassificationRules.parsed.mapValues { LineShape.ChromeWords($0.chrome) }
  private static let allChromeWords = LineShape.ChromeWords(ClassificationRules.all.chrome)

  /// The "more" and "credit" prefixes of a language, grouped for quick lookup once.
  struct LinePrefixes: Sendable {
    var more: LineShape.Prefixes
    var credit: LineShape.Prefixes

    init(_ lists: ClassificationRules.Lists) {
      more = LineShape.Prefixes(lists.more)
      credit = LineShape.Prefixes(lists.credit)
    }
  }

  static func prefixes(for language: String?) -> LinePrefixes {
    guard let language else { return allPrefixes }
    return preparedPrefixes[language] ?? LinePrefixes(ClassificationRules.lists(for: language))
  }

  private static let preparedPrefixes: [String: LinePrefixes] =
    ClassificationRules.parsed.mapValues { LinePrefixes($0) }
  private static let allPrefixes = LinePrefixes(ClassificationRules.all)

  /// The role of one line, or `nil` for running text.
  func role(
    of shape: LineShape, lists: ClassificationRules.Lists, chrome: LineShape.ChromeWords? = nil,
    prefixes: LinePrefixes, isWholeParagraph: Bool, isLast: Bool
  ) -> SegmentRole? {
    if shape.isEmpty { return nil }
    if shape.isProtected { return .protected }
    let closed = shape.endsWithSentencePunctuation
    let short = shape.words <= options.creditMaxWords
    // Page furniture.
    if shape.words <= 30 && shape.startsWithAny(prefixes.more) { return .boilerplate }
    if short && !closed && shape.startsWithAny(prefixes.credit) { return .boilerplate }
    if short && shape.isParenthesized { return .boilerplate }
    if !closed && shape.words <= 40 {
      let stats = shape.tokenStats
      if stats.separators >= 2 { return .boilerplate }
      if stats.separators >= 1 && stats.hasDateOrTime && shape.words <= 30 { return .boilerplate }
      if stats.symbolTokens >= 2 && stats.symbolTokens > stats.letterTokens { return .boilerplate }
      if short && shape.chromeCount(chrome ?? LineShape.ChromeWords(lists.chrome)) >= 2 { return .boilerplate }
    }
    if isLast && isWholeParagraph && !closed && shape.words <= 6 { return .boilerplate }
    if shape.isListItem { return .listItem }
    if isWholeParagraph && !closed && !shape.endsWithColon && shape.words <= options.headingMaxWords
      && shape.scalars <= options.headingMaxWords * 8
    {
      return .heading
    }
    return nil
  }

  /// A line: consecutive segments of one paragraph with no line break between them.
  struct Line {
    var paragraph: Int
    var range: Range<Int>
    var segments: Range<Int>
  }

  static func lines(of document: Document) -> [Line] {
    var result: [Line] = []
    var text = document.text
    text.withUTF8 { bytes in
      for (p, paragraph) in document.paragraphs.enumerated() where !paragraph.segments.isEmpty {
        var first = paragraph.segments.lowerBound
        for s in paragraph.segments.dropFirst() {
          let gap = document.segments[s - 1].range.upperBound..<document.segments[s].range.lowerBound
          if bytes[gap].contains(0x0A) {
            result.append(
              Line(
                paragraph: p,
                range: document.segments[first].range.lowerBound..<document.segments[s - 1].range.upperBound,
                segments: first..<s))
            first = s
          }
        }
        let last = paragraph.segments.upperBound
        result.append(
          Line(
            paragraph: p,
            range: document.segments[first].range.lowerBound..<document.segments[last - 1].range.upperBound,
            segments: first..<last))
      }
    }
    return result
  }
}
