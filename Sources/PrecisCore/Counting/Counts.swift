/// Word and character counts of text to translate, by the rules in <doc:WordCounts>.
///
/// Counts add up: a batch sums its documents' counts with `+`.
public struct Counts: Sendable, Hashable, Codable {
  /// Segments to translate.
  public var segments: Int = 0
  /// Words in them (placeholders and numbers included; each CJK character one word).
  public var words: Int = 0
  /// Characters in them, white space, placeholders and protected text not counted.
  public var characters: Int = 0
  /// Placeholders in them (each also one word).
  public var placeholders: Int = 0
  /// Segments not to be translated (boilerplate, protected); counted nowhere else.
  public var excludedSegments: Int = 0
  /// Segments whose text occurred earlier in the same document (included above too).
  public var repeatedSegments: Int = 0
  /// Words in the repeated segments.
  public var repeatedWords: Int = 0
  /// Characters in the repeated segments.
  public var repeatedCharacters: Int = 0

  public init() {}

  public init(
    segments: Int, words: Int, characters: Int, placeholders: Int = 0, excludedSegments: Int = 0,
    repeatedSegments: Int = 0, repeatedWords: Int = 0, repeatedCharacters: Int = 0
  ) {
    self.segments = segments
    self.words = words
    self.characters = characters
    self.placeholders = placeholders
    self.excludedSegments = excludedSegments
    self.repeatedSegments = repeatedSegments
    self.repeatedWords = repeatedWords
    self.repeatedCharacters = repeatedCharacters
  }

  enum CodingKeys: String, CodingKey {
    case segments, words, characters, placeholders
    case excludedSegments = "excluded-segments"
    case repeatedSegments = "repeated-segments"
    case repeatedWords = "repeated-words"
    case repeatedCharacters = "repeated-characters"
  }

  public static func + (lhs: Counts, rhs: Counts) -> Counts {
    var sum = lhs
    sum += rhs
    return sum
  }

  public static func += (lhs: inout Counts, rhs: Counts) {
    lhs.segments += rhs.segments
    lhs.words += rhs.words
    lhs.characters += rhs.characters
    lhs.placeholders += rhs.placeholders
    lhs.excludedSegments += rhs.excludedSegments
    lhs.repeatedSegments += rhs.repeatedSegments
    lhs.repeatedWords += rhs.repeatedWords
    lhs.repeatedCharacters += rhs.repeatedCharacters
  }

  /// One line: `38 segments, 712 words, 3904 characters; 2 repeated (14 words); 3 not to translate`.
  public var summary: String {
    var line =
      "\(segments) segment\(segments == 1 ? "" : "s"), \(words) word\(words == 1 ? "" : "s"), \(characters) character\(characters == 1 ? "" : "s")"
    if repeatedSegments > 0 {
      line +=
        "; \(repeatedSegments) repeated (\(repeatedWords) word\(repeatedWords == 1 ? "" : "s"))"
    }
    if excludedSegments > 0 { line += "; \(excludedSegments) not to translate" }
    return line
  }

  /// The counts as a JSON object with kebab-case keys.
  public var json: String {
    "{\"segments\":\(segments),\"words\":\(words),\"characters\":\(characters),\"placeholders\":\(placeholders),"
      + "\"excluded-segments\":\(excludedSegments),\"repeated-segments\":\(repeatedSegments),"
      + "\"repeated-words\":\(repeatedWords),\"repeated-characters\":\(repeatedCharacters)}"
  }
}

/// The counts of one segment.
public struct SegmentCounts: Sendable, Hashable {
  public var words: Int
  public var characters: Int
  public var placeholders: Int

  public init(words: Int = 0, characters: Int = 0, placeholders: Int = 0) {
    self.words = words
    self.characters = characters
    self.placeholders = placeholders
  }
}

/// The counts of a document: per segment (in document order; zero for segments not to be
/// translated) and in total.
public struct DocumentCounts: Sendable, Hashable {
  public var segments: [SegmentCounts]
  public var total: Counts
}
