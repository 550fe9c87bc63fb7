/// What a segment or paragraph is, for translators and for the summary.
public enum SegmentRole: String, Sendable, Hashable, Codable, CaseIterable {
  /// Running text: translated and summarised.
  case body
  /// A title or subheading: translated, never summarised.
  case heading
  /// A list item: translated.
  case listItem = "list-item"
  /// Page furniture (toolbars, datelines, share buttons, bylines): not translated or summarised.
  case boilerplate
  /// Content translators must not touch (code, a URL on its own line).
  case protected

  /// Whether translators see this segment as work to do.
  public var isTranslatable: Bool {
    switch self {
    case .body, .heading, .listItem: true
    case .boilerplate, .protected: false
    }
  }
}

/// A span of the text that a translator sees as one unit (or is told not to touch).
public struct Segment: Sendable, Hashable {
  /// Stable: same input, same ids, on every run and machine.
  public var id: SegmentID
  /// UTF-8 offsets into `Document.text`; never starts or ends with white space.
  public var range: Range<Int>
  /// The index of the paragraph in `Document.paragraphs` that holds this segment.
  public var paragraph: Int
  /// What the segment is; `.body` until `classify` says otherwise.
  public var role: SegmentRole = .body
  /// The segment's language when it differs from the document's.
  public var language: LanguageTag? = nil
  /// The summary score in 0...1, set by `score`; nothing is ever removed.
  public var score: Double? = nil
  /// The summary rank (1 is best), set by `score`.
  public var rank: Int? = nil
  /// The score for summaries of a number of words (`--words`, `--budget-words`), set by
  /// `score` with its `word-limits` weights.
  public var wordLimitScore: Double? = nil
  /// The rank for summaries of a number of words, set by `score`.
  public var wordLimitRank: Int? = nil

  public init(id: SegmentID, range: Range<Int>, paragraph: Int, role: SegmentRole = .body) {
    self.id = id
    self.range = range
    self.paragraph = paragraph
    self.role = role
  }

  /// Whether translators see this segment as work to do.
  public var isTranslatable: Bool { role.isTranslatable }
}

/// A block of text between blank lines.
public struct Paragraph: Sendable, Hashable {
  /// UTF-8 offsets into `Document.text`, from the first character of its first line to the
  /// end of its last line (without the line break).
  public var range: Range<Int>
  /// What the paragraph is; `.body` until `classify` says otherwise.
  public var role: SegmentRole = .body
  /// The paragraph's language when it differs from the document's.
  public var language: LanguageTag? = nil
  /// How sure `detect` is of `language`, in 0...1, when `language` is set.
  public var languageConfidence: Double? = nil
  /// The range of this paragraph's segments in `Document.segments`.
  public var segments: Range<Int> = 0..<0

  public init(range: Range<Int>) { self.range = range }
}
