/// A document as the translation writers see it: the text with the characters normalisation
/// removed put back, paragraphs as units, and segments cut into inline pieces.
///
/// Every segment carries the text before it (its gap); the gaps, the segments and ``end``
/// in order rebuild ``text`` exactly, which is what `merge` relies on. A character that
/// normalisation removed goes back where it stood: inside a segment when it stood strictly
/// inside one, otherwise in the gap.
public struct PreparedDocument: Sendable, Hashable {
  /// The document's source name, such as `en/news.txt`.
  public var source: String
  /// The document's language, or `und` (undetermined) when none is known.
  public var sourceLanguage: LanguageTag
  /// The normalised text with removed characters put back.
  public var text: String
  /// The paragraphs that hold segments, in order.
  public var units: [PreparedUnit]
  /// The segments, in order.
  public var segments: [PreparedSegment]
  /// The text after the last segment.
  public var end: String
  /// The word counts, when computed once for several writers (the XLIFF writers put them in
  /// a note and count themselves when this is `nil`).
  public var counts: Counts? = nil

  /// The language tag used when a document has none.
  public static let undetermined = LanguageTag(unchecked: "und")

  /// Prepares `document` (which must have segments, or it is all gap).
  public init(_ document: Document) {
    source = document.source
    sourceLanguage = document.language ?? Self.undetermined
    var normalized = document.text
    let removed = document.removedCharacters
    var restored: [UInt8] = []
    var segments: [PreparedSegment] = []
    var units: [PreparedUnit] = []
    var endText = ""
    normalized.withUTF8 { b in
      restored.reserveCapacity(b.count + removed.count * 3)
      // Offsets where removed characters go back, and the bytes inserted at or before each.
      var insertedBefore: [(offset: Int, bytes: Int)] = []
      var cursor = 0
      for r in removed {
        let offset = min(max(r.utf8Offset, cursor), b.count)
        restored.append(contentsOf: b[cursor..<offset])
        cursor = offset
        let scalar = Unicode.Scalar(r.scalar) ?? "\u{FFFD}"
        let bytes = Array(String(Character(scalar)).utf8)
        restored.append(contentsOf: bytes)
        insertedBefore.append((offset, (insertedBefore.last?.bytes ?? 0) + bytes.count))
      }
      restored.append(contentsOf: b[cursor..<b.count])
      // Restored offset of a normalised offset: removed characters at `offset` count when
      // `inclusive` (a segment start: they stay in the gap before it).
      var k = 0
      func shift(_ offset: Int, inclusive: Bool) -> Int {
        while k > 0
          && (insertedBefore[k - 1].offset > offset
            || (!inclusive && insertedBefore[k - 1].offset == offset))
        { k -= 1 }
        while k < insertedBefore.count
          && (insertedBefore[k].offset < offset
            || (inclusive && insertedBefore[k].offset == offset))
        { k += 1 }
        return offset + (k == 0 ? 0 : insertedBefore[k - 1].bytes)
      }
      func string(_ r: Range<Int>) -> String {
        restored.withUnsafeBufferPointer {
          String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self)
        }
      }
      var line = 1
      var lineCursor = 0
      var previousEnd = 0
      var unitIDs: Set<String> = []
      for (index, segment) in document.segments.enumerated() {
        let lo = min(segment.range.lowerBound, b.count)
        let hi = min(max(segment.range.upperBound, lo), b.count)
        while lineCursor < lo {
          if b[lineCursor] == 0x0A { line += 1 }
          lineCursor += 1
        }
        let start = shift(lo, inclusive: true)
        let end = shift(hi, inclusive: false)
        let paragraph =
          document.paragraphs.indices.contains(segment.paragraph)
          ? document.paragraphs[segment.paragraph] : nil
        if units.last?.paragraph != segment.paragraph || index == 0 {
          var id = Self.unitID(of: segment.id, paragraph: segment.paragraph)
          if unitIDs.contains(id) {
            var n = 2
            while unitIDs.contains("\(id).\(n)") { n += 1 }
            id = "\(id).\(n)"
          }
          unitIDs.insert(id)
          let role = paragraph?.role ?? .body
          units.append(
            PreparedUnit(
              id: id, paragraph: segment.paragraph, role: role, isTranslatable: false,
              segments: index..<index, line: line))
        }
        let unitIndex = units.count - 1
        let isTranslatable = segment.isTranslatable && (paragraph?.role.isTranslatable ?? true)
        let text = string(start..<end)
        segments.append(
          PreparedSegment(
            id: segment.id, unit: unitIndex, before: string(previousEnd..<max(previousEnd, start)),
            text: text,
            pieces: InlineCodeScanner.pieces(of: text), role: segment.role,
            isTranslatable: isTranslatable,
            language: segment.language ?? paragraph?.language, score: segment.score,
            rank: segment.rank, line: line))
        units[unitIndex].segments = units[unitIndex].segments.lowerBound..<(index + 1)
        if isTranslatable { units[unitIndex].isTranslatable = true }
        previousEnd = max(previousEnd, end)
      }
      endText = string(previousEnd..<restored.count)
    }
    self.text = String(decoding: restored, as: UTF8.self)
    self.units = units
    self.segments = segments
    self.end = endText
  }

  /// A unit id from the id of its first segment: `p3f9a12bc07d1-1` gives `p3f9a12bc07d1`.
  static func unitID(of segment: SegmentID, paragraph: Int) -> String {
    let raw = segment.rawValue
    if let dash = raw.lastIndex(of: "-"), dash > raw.startIndex {
      return String(raw[..<dash])
    }
    return "u\(paragraph + 1)"
  }

  /// The text rebuilt from gaps and segments; equals ``text``.
  public func rebuiltText() -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for segment in segments {
      out += segment.before
      out += segment.text
    }
    out += end
    return out
  }
}

/// A paragraph that holds segments: a `<unit>` in XLIFF 2, a `<group>` in XLIFF 1.2.
public struct PreparedUnit: Sendable, Hashable {
  /// Stable and unique in the document: the paragraph's hash, as in its segments' ids.
  public var id: String
  /// The paragraph's index in `Document.paragraphs`.
  public var paragraph: Int
  /// The paragraph's role.
  public var role: SegmentRole
  /// Whether any of its segments is to be translated.
  public var isTranslatable: Bool
  /// Its segments' indices in ``PreparedDocument/segments``.
  public var segments: Range<Int>
  /// The 1-based line of the normalised text where it starts.
  public var line: Int
}

/// A segment as the writers see it.
public struct PreparedSegment: Sendable, Hashable {
  public var id: SegmentID
  /// The index of its unit in ``PreparedDocument/units``.
  public var unit: Int
  /// The text between the previous segment (or the start) and this one.
  public var before: String
  /// The segment's text, removed characters put back.
  public var text: String
  /// ``text`` cut into text, placeholders and protected spans.
  public var pieces: [InlinePiece]
  public var role: SegmentRole
  /// Whether translators work on it: its role and its paragraph's role allow it.
  public var isTranslatable: Bool
  /// Its language when it differs from the document's.
  public var language: LanguageTag?
  public var score: Double?
  public var rank: Int?
  /// The 1-based line of the normalised text where it starts.
  public var line: Int

  /// The context written as a note: place, role and summary rank.
  public func context(in document: PreparedDocument) -> [String] {
    var notes = [
      "\(document.source), paragraph \(document.units[unit].paragraph + 1), line \(line)"
    ]
    var role = self.role
    if role == .body { role = document.units[unit].role }
    if role != .body { notes.append("role: \(role.rawValue)") }
    if !isTranslatable { notes.append("do not translate; the source is kept") }
    if let rank {
      let score = self.score.map { ", score " + PreparedSegment.decimal($0) } ?? ""
      notes.append("summary rank \(rank)\(score)")
    }
    if let language { notes.append("language: \(language.rawValue)") }
    return notes
  }

  /// `value` with two decimals, the same on every platform.
  static func decimal(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let whole = hundredths / 100
    let fraction = abs(hundredths % 100)
    return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
