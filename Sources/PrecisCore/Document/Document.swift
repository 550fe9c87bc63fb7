/// What a stage adds to a document, so a pipeline can check its order before reading files.
public enum DocumentFeature: String, Sendable, Hashable, CaseIterable, Comparable {
  case normalized, language, paragraphs, sentences, classes, scores

  public static func < (lhs: DocumentFeature, rhs: DocumentFeature) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// A character that normalisation removed (a control character or a stray byte-order mark).
///
/// Kept so that the writers whose format can carry it can put it back.
public struct RemovedCharacter: Sendable, Hashable {
  /// The UTF-8 offset in `Document.text` where the character stood.
  public var utf8Offset: Int
  /// The character's scalar value.
  public var scalar: UInt32

  public init(utf8Offset: Int, scalar: UInt32) {
    self.utf8Offset = utf8Offset
    self.scalar = scalar
  }
}

/// Paragraph ranges a stage found and kept in a ``Document`` for a later stage: derived from
/// the text, so not part of the document's value (any two are equal, and hash alike).
struct KeptParagraphRanges: Sendable, Hashable {
  var ranges: [Range<Int>]? = nil

  static func == (_: Self, _: Self) -> Bool { true }
  func hash(into hasher: inout Hasher) {}
}

/// How the input was encoded, so offsets can be mapped back to its bytes.
public struct InputEncoding: Sendable, Hashable {
  /// ICU's name of the encoding, such as `UTF-8` or `windows-1252`.
  public var name: String
  /// The length in bytes of the byte-order mark that was removed, if any.
  public var bomLength: Int

  public init(name: String, bomLength: Int = 0) {
    self.name = name
    self.bomLength = bomLength
  }

  /// UTF-8 without a byte-order mark.
  public static let utf8 = InputEncoding(name: "UTF-8")
}

import PrecisICU

/// A text moving through a pipeline, with what the stages have added.
///
/// The document owns its normalised text once; paragraphs and segments are UTF-8 ranges
/// into it. Segments and the gaps between them, in order, rebuild `text` exactly.
public struct Document: Sendable, Hashable {
  /// Where the text came from: a path relative to the batch folder, or `-` for standard input.
  public let source: String
  /// How the input was encoded.
  public var inputEncoding: InputEncoding
  /// The document's language, set by `detect` or by `--lang`.
  public var language: LanguageTag?
  /// How sure `detect` is of `language`, in 0...1; 1 when it was given (`--lang`).
  public var languageConfidence: Double? = nil
  /// The text; normalised once `normalize` has run. Every range is UTF-8 offsets into it.
  public private(set) var text: String
  /// Maps offsets in `text` back to offsets in the text as decoded.
  public private(set) var originalOffsets: OffsetMap
  /// Characters that normalisation removed, in order.
  public private(set) var removedCharacters: [RemovedCharacter] = []
  /// The paragraphs, in order, set by `split`.
  public var paragraphs: [Paragraph] = []
  /// The segments, in order, set by `split`.
  public var segments: [Segment] = []
  /// The parts of segments that summaries of a number of sentences choose among, ranked by
  /// `score` when its `split-quotations` is on; nil when they choose whole segments.
  public var sentenceUnits: [SummaryUnit]? = nil
  /// The same for summaries of a number of words (the `word-limits` ranking).
  public var wordLimitUnits: [SummaryUnit]? = nil
  /// What the stages so far have added.
  public var features: Set<DocumentFeature> = []
  /// What a stage could not do fully but went on without, such as an SRX rule that ran out
  /// of time; one line each, naming the file and place.
  public var warnings: [String] = []
  /// The paragraph ranges ``ParagraphSplitter`` found in `text`, kept by the stage that
  /// found them (`detect`) for a later one (`split`), so that the text is read for them once;
  /// dropped whenever the text changes.
  var splitterParagraphs = KeptParagraphRanges()

  /// Makes a document of decoded text.
  public init(source: String, text: String, inputEncoding: InputEncoding = .utf8) {
    self.source = source
    self.text = text
    self.inputEncoding = inputEncoding
    self.originalOffsets = .identity
  }

  /// Replaces the text with a normalised version and drops everything derived from the old one.
  ///
  /// - Parameters:
  ///   - newText: the new text.
  ///   - map: maps offsets in `newText` to offsets in the current text.
  ///   - removed: characters removed on the way, at offsets in `newText`.
  public mutating func replaceText(
    with newText: String, map: OffsetMap, removed: [RemovedCharacter]
  ) {
    originalOffsets = map.composed(with: originalOffsets)
    removedCharacters = mergeRemoved(removed, map: map)
    text = newText
    splitterParagraphs = KeptParagraphRanges()
    paragraphs = []
    segments = []
    sentenceUnits = nil
    wordLimitUnits = nil
    features.subtract([.paragraphs, .sentences, .classes, .scores])
  }

  /// Hands over the text, leaving the document's empty until ``replaceText(with:map:removed:)``,
  /// so that a stage that replaces it need not hold the old and the new text at once.
  mutating func takeText() -> String {
    let taken = text
    text = ""
    splitterParagraphs = KeptParagraphRanges()
    return taken
  }

  /// Gives back unchanged the text ``takeText()`` took.
  mutating func putBackText(_ taken: String) {
    text = taken
  }

  private func mergeRemoved(_ new: [RemovedCharacter], map: OffsetMap) -> [RemovedCharacter] {
    if removedCharacters.isEmpty { return new }
    var moved = removedCharacters.map {
      RemovedCharacter(utf8Offset: map.normalizedOffset(of: $0.utf8Offset), scalar: $0.scalar)
    }
    moved.append(contentsOf: new)
    // Stable: characters removed at the same place keep their order.
    return moved.enumerated().sorted { ($0.element.utf8Offset, $0.offset) < ($1.element.utf8Offset, $1.offset) }
      .map(\.element)
  }

  /// The text of a segment.
  public func text(of segment: Segment) -> String { text(in: segment.range) }

  /// The text of a paragraph.
  public func text(of paragraph: Paragraph) -> String { text(in: paragraph.range) }

  /// The text between two UTF-8 offsets.
  public func text(in range: Range<Int>) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let end = utf8.index(start, offsetBy: range.count)
    return String(text[start..<end])
  }

  /// The text before segment `index` that no segment holds: before the first segment, it is
  /// the start of the text; after the last (`index == segments.count`), the end.
  public func gap(before index: Int) -> String {
    let start = index == 0 ? 0 : segments[index - 1].range.upperBound
    let end = index == segments.count ? text.utf8.count : segments[index].range.lowerBound
    return text(in: start..<end)
  }

  /// The text rebuilt from the segments and the gaps between them; equals `text`.
  public func rebuiltText() -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for i in segments.indices {
      result += gap(before: i)
      result += text(of: segments[i])
    }
    result += gap(before: segments.count)
    return result
  }

  /// The offset in the input file's bytes of a UTF-8 offset into `text`.
  ///
  /// For UTF-8 input it is exact; for other encodings the decoded prefix is measured in the
  /// input encoding.
  public func inputByteOffset(of utf8Offset: Int) -> Int {
    let decoded = originalOffsets.originalOffset(of: utf8Offset)
    guard let decodedText else { return inputEncoding.bomLength + decoded }
    let utf8 = decodedText.utf8
    let end = utf8.index(utf8.startIndex, offsetBy: min(decoded, utf8.count))
    let prefix = decodedText[..<end]
    let name = inputEncoding.name.uppercased()
    let body: Int
    if name.hasPrefix("UTF-16") {
      body = prefix.unicodeScalars.reduce(0) { $0 + ($1.value > 0xFFFF ? 4 : 2) }
    } else if name.hasPrefix("UTF-32") {
      body = prefix.unicodeScalars.count * 4
    } else {
      body = (try? Converter.encode(String(prefix), encoding: inputEncoding.name).count) ?? decoded
    }
    return inputEncoding.bomLength + body
  }

  /// The text as decoded from an input that was not UTF-8, kept to measure input offsets.
  public var decodedText: String? = nil
}
