import PrecisICU

/// Counts words and characters the way translation tools do (see <doc:WordCounts>).
///
/// Words are ICU's word-break segments that hold letters or digits (Unicode UAX #29, with
/// ICU's dictionaries for Thai, Lao, Khmer, Myanmar, Chinese and Japanese); each Chinese
/// character, kana and kanji counts as a word of its own; each placeholder counts as one
/// word. URLs, e-mail addresses, code and segments not to be translated count nothing.
public struct WordCounter: Sendable {
  public init() {}

  /// The counts of a document's segments.
  public func counts(of document: Document) -> DocumentCounts {
    counts(of: PreparedDocument(document))
  }

  /// The counts of a prepared document's segments.
  public func counts(of document: PreparedDocument) -> DocumentCounts {
    var total = Counts()
    var perSegment: [SegmentCounts] = []
    perSegment.reserveCapacity(document.segments.count)
    var seen: Set<String> = []
    for segment in document.segments {
      guard segment.isTranslatable else {
        total.excludedSegments += 1
        perSegment.append(SegmentCounts())
        continue
      }
      let c = counts(of: segment.pieces, language: segment.language ?? document.sourceLanguage)
      perSegment.append(c)
      total.segments += 1
      total.words += c.words
      total.characters += c.characters
      total.placeholders += c.placeholders
      if !seen.insert(segment.text).inserted {
        total.repeatedSegments += 1
        total.repeatedWords += c.words
        total.repeatedCharacters += c.characters
      }
    }
    return DocumentCounts(segments: perSegment, total: total)
  }

  /// The counts of a text, placeholders and protected spans found in it first.
  public func counts(of text: String, language: LanguageTag) -> SegmentCounts {
    counts(of: InlineCodeScanner.pieces(of: text), language: language)
  }

  /// The counts of a segment's pieces.
  public func counts(of pieces: [InlinePiece], language: LanguageTag) -> SegmentCounts {
    var result = SegmentCounts()
    let locale = language.rawValue == "und" ? "" : language.icuLocale
    for piece in pieces {
      switch piece {
      case .placeholder:
        result.words += 1
        result.placeholders += 1
      case .protected:
        continue
      case let .text(text):
        result.characters += Self.characters(in: Substring(text))
        result.words += words(in: text, locale: locale)
      }
    }
    return result
  }

  /// Non-white-space user-perceived characters (grapheme clusters).
  static func characters(in text: Substring) -> Int {
    var n = 0
    for character in text where !character.isWhitespace { n += 1 }
    return n
  }

  func words(in text: String, locale: String) -> Int {
    var copy = text
    let counted: Int? = copy.withUTF8 { bytes in
      try? withBreakIterator(.word, locale: locale) { iterator in
        var n = 0
        try iterator.forEachSegment(utf8: bytes) { range, kind in
          guard kind != .none else { return }
          n += Self.wordCount(UnsafeBufferPointer(rebasing: bytes[range]))
        }
        return n
      }
    }
    // ICU failing to open a word iterator is not expected; count space-separated runs then.
    return counted ?? text.split(whereSeparator: \.isWhitespace).count
  }

  /// One word, or one per logographic character (Han, kana) and one for the rest.
  static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Logographic scripts start at U+2E80; a segment of ASCII and 2-byte letters has none.
    guard bytes.contains(where: { $0 >= 0xE2 }) else { return 1 }
    var logographic = 0
    var other = false
    for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
      if isLogographic(scalar.value) {
        logographic += 1
      } else if !scalar.properties.isGraphemeExtend {
        other = true
      }
    }
    return logographic + (other ? 1 : 0)
  }

  /// Han ideographs, kana and the marks that go with them (々, 〆, ー).
  static func isLogographic(_ v: UInt32) -> Bool {
    switch v {
    case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3040...0x30FF,
      0x31F0...0x31FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x1B000...0x1B16F,
      0x20000...0x3FFFF:
      true
    default: false
    }
  }
}
