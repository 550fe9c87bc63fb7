/// A document as the translation writers see it: the text with the characters normalisation
/// removed put back, paragraphs as units, and segments cut into inline pieces.
///
/// Every segment carries the text before it (its gap); the gaps, the segments and ``end``
/// in order rebuild ``text`` exactly, which is what `merge` relies on. A character that
/// normalisation removed goes back where it stood: inside a segment when it stood strictly
/// inside one, otherwise in the gap.
///
/// Memory: the text once (the document's own when normalisation removed nothing), and a
/// small fixed-size record per segment. Segments and gaps are ranges into the text; their
/// strings and inline pieces are made when asked for.
public struct PreparedDocument: Sendable, Hashable {
  /// The document's source name, such as `en/news.txt`.
  public var source: String
  /// The document's language, or `und` (undetermined) when none is known.
  public var sourceLanguage: LanguageTag
  /// The normalised text with removed characters put back.
  public private(set) var text: String
  /// The paragraphs that hold segments, in order.
  public var units: [PreparedUnit]
  /// The segments, in order (each made when asked for, from the document's segment and a
  /// small record of where it lies).
  public private(set) var segments: PreparedSegments
  /// Where the text after the last segment starts, as a UTF-8 offset into ``text``.
  public private(set) var endOffset: Int
  /// The word counts, when computed once for several writers (the XLIFF writers put them in
  /// a note and count themselves when this is `nil`).
  public var counts: Counts? = nil

  /// The language tag used when a document has none.
  public static let undetermined = LanguageTag(unchecked: "und")

  /// The text after the last segment.
  public var end: String { PreparedSegment.slice(text, endOffset..<text.utf8.count) }

  /// Prepares `document` (which must have segments, or it is all gap).
  ///
  /// - Complexity: O(*n* + *s*) in the length of the text and the number of segments.
  public init(_ document: Document) {
    source = document.source
    sourceLanguage = document.language ?? Self.undetermined
    var normalized = document.text
    let removed = document.removedCharacters
    // Offsets where removed characters go back, and the bytes inserted at or before each.
    var insertedBefore: [(offset: Int, bytes: Int)] = []
    let restored: String
    if removed.isEmpty {
      restored = normalized
    } else {
      restored = normalized.withUTF8 { b in
        var bytes: [[UInt8]] = []
        bytes.reserveCapacity(removed.count)
        var cursor = 0
        for r in removed {
          var offset = min(max(r.utf8Offset, cursor), b.count)
          // Never inside a character: a control removed between a letter and the accent that
          // normalisation then composed with it goes back before the composed letter.
          while offset > cursor && offset < b.count && b[offset] & 0xC0 == 0x80 { offset -= 1 }
          cursor = offset
          let scalar = Unicode.Scalar(r.scalar) ?? "\u{FFFD}"
          bytes.append(Array(String(Character(scalar)).utf8))
          insertedBefore.append((offset, (insertedBefore.last?.bytes ?? 0) + bytes[bytes.count - 1].count))
        }
        let capacity = b.count + (insertedBefore.last?.bytes ?? 0)
        return String(unsafeUninitializedCapacity: capacity) { out in
          var written = 0
          var cursor = 0
          func copy(_ part: UnsafeBufferPointer<UInt8>) {
            guard let base = part.baseAddress, let target = out.baseAddress else { return }
            (target + written).update(from: base, count: part.count)
            written += part.count
          }
          for (k, insertion) in insertedBefore.enumerated() {
            copy(UnsafeBufferPointer(rebasing: b[cursor..<insertion.offset]))
            cursor = insertion.offset
            bytes[k].withUnsafeBufferPointer { copy($0) }
          }
          copy(UnsafeBufferPointer(rebasing: b[cursor..<b.count]))
          return written
        }
      }
    }
    var places: [PreparedSegments.Place] = []
    places.reserveCapacity(document.segments.count)
    var units: [PreparedUnit] = []
    var previousEnd = 0
    normalized.withUTF8 { b in
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
      var line = 1
      var lineCursor = 0
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
        places.append(
          PreparedSegments.Place(
            beforeStart: previousEnd, beforeEnd: max(previousEnd, start), textStart: start,
            textEnd: max(start, end), unit: unitIndex, line: line))
        units[unitIndex].segments = units[unitIndex].segments.lowerBound..<(index + 1)
        if isTranslatable { units[unitIndex].isTranslatable = true }
        previousEnd = max(previousEnd, end)
      }
    }
    self.text = restored
    self.units = units
    self.segments = PreparedSegments(document: document, storage: restored, places: places)
    self.endOffset = previousEnd
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

  /// Calls `body` with the UTF-8 bytes of ``text`` (not copied).
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    var text = self.text
    return try text.withUTF8(body)
  }
}

/// The segments of a ``PreparedDocument``, in order.
///
/// Holds the document (its segments and paragraphs, shared, not copied) and a small record
/// per segment of where it lies in the prepared text; each ``PreparedSegment`` is made when
/// asked for.
public struct PreparedSegments: RandomAccessCollection, Sendable, Hashable {
  /// Where one segment and the gap before it lie in the prepared text, and its unit and line.
  struct Place: Sendable, Hashable {
    var beforeStart: Int
    var beforeEnd: Int
    var textStart: Int
    var textEnd: Int
    var unit: Int
    var line: Int
  }

  private let document: Document
  private let storage: String
  private let places: [Place]

  init(document: Document, storage: String, places: [Place]) {
    self.document = document
    self.storage = storage
    self.places = places
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { places.count }

  public subscript(i: Int) -> PreparedSegment {
    let segment = document.segments[i]
    let place = places[i]
    let paragraph =
      document.paragraphs.indices.contains(segment.paragraph)
      ? document.paragraphs[segment.paragraph] : nil
    return PreparedSegment(
      id: segment.id, unit: place.unit, beforeRange: place.beforeStart..<place.beforeEnd,
      textRange: place.textStart..<place.textEnd, storage: storage, role: segment.role,
      isTranslatable: segment.isTranslatable && (paragraph?.role.isTranslatable ?? true),
      language: segment.language ?? paragraph?.language, score: segment.score,
      rank: segment.rank, line: place.line)
  }

  public static func == (a: PreparedSegments, b: PreparedSegments) -> Bool {
    a.count == b.count && a.elementsEqual(b)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for segment in self { hasher.combine(segment) }
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
///
/// Its text and the gap before it are ranges into the prepared document's text, which the
/// segment shares (it is not copied); ``text``, ``before`` and ``pieces`` are made from it
/// when asked for.
public struct PreparedSegment: Sendable, Hashable {
  public var id: SegmentID
  /// The index of its unit in ``PreparedDocument/units``.
  public var unit: Int
  /// Where the text between the previous segment (or the start) and this one lies, as UTF-8
  /// offsets into ``PreparedDocument/text``.
  public private(set) var beforeRange: Range<Int>
  /// Where the segment's text lies, as UTF-8 offsets into ``PreparedDocument/text``.
  public private(set) var textRange: Range<Int>
  /// The prepared document's text (shared storage).
  private let storage: String
  public var role: SegmentRole
  /// Whether translators work on it: its role and its paragraph's role allow it.
  public var isTranslatable: Bool
  /// Its language when it differs from the document's.
  public var language: LanguageTag?
  public var score: Double?
  public var rank: Int?
  /// The 1-based line of the normalised text where it starts.
  public var line: Int

  init(
    id: SegmentID, unit: Int, beforeRange: Range<Int>, textRange: Range<Int>, storage: String,
    role: SegmentRole, isTranslatable: Bool, language: LanguageTag?, score: Double?, rank: Int?,
    line: Int
  ) {
    self.id = id
    self.unit = unit
    self.beforeRange = beforeRange
    self.textRange = textRange
    self.storage = storage
    self.role = role
    self.isTranslatable = isTranslatable
    self.language = language
    self.score = score
    self.rank = rank
    self.line = line
  }

  /// The text between the previous segment (or the start) and this one.
  public var before: String { Self.slice(storage, beforeRange) }

  /// The segment's text, removed characters put back.
  public var text: String { Self.slice(storage, textRange) }

  /// ``text`` cut into text, placeholders and protected spans.
  public var pieces: [InlinePiece] { withUTF8 { InlineCodeScanner.pieces(utf8: $0) } }

  /// Calls `body` with the UTF-8 bytes of ``text`` (not copied).
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try Self.withUTF8(storage, textRange, body)
  }

  /// Calls `body` with the UTF-8 bytes of ``before`` (not copied).
  public func withBeforeUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try Self.withUTF8(storage, beforeRange, body)
  }

  static func withUTF8<R>(
    _ storage: String, _ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    var storage = storage
    return try storage.withUTF8 { try body(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  static func slice(_ storage: String, _ range: Range<Int>) -> String {
    withUTF8(storage, range) { String(decoding: $0, as: UTF8.self) }
  }

  public static func == (a: PreparedSegment, b: PreparedSegment) -> Bool {
    a.id == b.id && a.unit == b.unit && a.role == b.role && a.isTranslatable == b.isTranslatable
      && a.language == b.language && a.score == b.score && a.rank == b.rank && a.line == b.line
      && a.beforeRange.count == b.beforeRange.count && a.textRange.count == b.textRange.count
      && a.withBeforeUTF8 { x in b.withBeforeUTF8 { y in x.elementsEqual(y) } }
      && a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(unit)
    hasher.combine(role)
    hasher.combine(isTranslatable)
    hasher.combine(language)
    hasher.combine(score)
    hasher.combine(rank)
    hasher.combine(line)
    withBeforeUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(0xFF as UInt8)
    withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

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
