import PrecisICU

/// The sentences of a segment that quotes several: the units a summary may choose among when
/// the `score` stage's `split-quotations` is on.
///
/// `split` keeps quoted speech in the sentence that quotes it, so `“We won. It was hard,” he
/// said.` is one segment, as a translator wants it. A summary read up to a word limit is
/// better served by the sentences the quotation holds: `“We won.` and `It was hard,” he
/// said.`. They are found by the same rules as segments (ICU's breaks, corrected by the
/// language's rules), except that a sentence end inside a quotation ends a sentence too;
/// one inside a bracket still does not. Segments are never changed: a unit is a range of
/// one segment, and the units of a segment cover its words.
///
/// - Complexity: O(*n*) in the length of the segments read; only segments holding a
///   quotation mark are read.
struct QuotedSentences {
  /// The document language's corrector and ICU locale; others are made when a segment has
  /// its own language.
  private var correctors: [LanguageTag: BoundaryCorrector] = [:]

  /// The units of `segment`: its range alone, or the ranges of the sentences it holds.
  mutating func units(
    of segment: Segment, in bytes: UnsafeBufferPointer<UInt8>, language: LanguageTag
  ) throws -> [Range<Int>] {
    let range = segment.range
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    guard SentenceScorer.holdsQuotation(slice, all: true) else { return [range] }
    let language = segment.language ?? language
    var corrector = correctors.removeValue(forKey: language) ?? Self.corrector(for: language)
    defer { correctors[language] = corrector }
    let icu = try withBreakIterator(.sentence, locale: corrector.icuLocale) {
      try $0.boundaries(utf8: slice)
    }
    let boundaries = try corrector.boundaries(
      of: slice, icu: icu, wordLocale: corrector.wordLocale(for: slice, language: language))
    var units: [Range<Int>] = []
    var start = 0
    for boundary in boundaries {
      let piece = Whitespace.trim(start..<boundary, in: slice)
      start = boundary
      if !piece.isEmpty {
        units.append((range.lowerBound + piece.lowerBound)..<(range.lowerBound + piece.upperBound))
      }
    }
    return units.isEmpty ? [range] : units
  }

  private static func corrector(for language: LanguageTag) -> BoundaryCorrector {
    var corrector = SentenceSplitter.corrector(for: language, suppressions: true)
    corrector.splitsQuotations = true
    return corrector
  }
}
