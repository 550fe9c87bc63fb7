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
    var text = document.text
    var seen = SeenTexts(isNFC: text.withUTF8 { LineShape.isNFC($0) })
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
      if !seen.insert(segment.text) {
        total.repeatedSegments += 1
        total.repeatedWords += c.words
        total.repeatedCharacters += c.characters
      }
    }
    return DocumentCounts(segments: perSegment, total: total)
  }

  /// Segment texts met so far, to count repetitions.
  ///
  /// Texts compare as `String`s do, by canonical equivalence. In NFC text (which is what the
  /// `normalize` stage makes) equivalent texts have the same bytes, so they are found by an
  /// FNV hash of the bytes instead of the standard library's normalising hash; otherwise a
  /// `Set<String>` does the work.
  struct SeenTexts {
    /// The texts, and for each FNV hash the index of the first text with it.
    private var texts: [String] = []
    private var firstByHash: [UInt64: Int] = [:]
    /// Later texts whose hash an earlier, different text has (very rare).
    private var collided: [UInt64: [Int]] = [:]
    private var strings: Set<String>? = nil

    init(isNFC: Bool) {
      if !isNFC { strings = [] }
    }

    /// Adds `text`; false when an equal text was there already.
    mutating func insert(_ text: String) -> Bool {
      if strings != nil { return strings!.insert(text).inserted }
      var text = text
      let h = text.withUTF8 { b in
        var h = WordTable.fnvBasis
        for byte in b { h = (h ^ UInt64(byte)) &* WordTable.fnvPrime }
        return h
      }
      guard let first = firstByHash[h] else {
        firstByHash[h] = texts.count
        texts.append(text)
        return true
      }
      func same(_ k: Int) -> Bool {
        var other = texts[k]
        return other.withUTF8 { a in text.withUTF8 { b in a.elementsEqual(b) } }
      }
      if same(first) { return false }
      if let others = collided[h], others.contains(where: same) { return false }
      collided[h, default: []].append(texts.count)
      texts.append(text)
      return true
    }
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
        var text = text
        let simple = text.withUTF8 { Self.simpleCounts($0) }
        if let characters = simple.characters ?? text.withUTF8({ Self.standaloneCharacters($0) }) {
          result.characters += characters
        } else {
          result.characters += Self.characters(in: Substring(text))
        }
        result.words += simple.words ?? words(in: text, locale: locale)
      }
    }
    return result
  }

  /// What a character is to ``simpleCounts(_:)``.
  private enum SimpleClass {
    case letter, digit, other
    /// Joins letters to letters and digits to digits: `.`, `'`, `‘`, `’` (UAX #29 MidNumLet
    /// and Single_Quote).
    case midLetterOrNumber
    /// Joins digits only: `,`, `;` (MidNum).
    case midNumber
    /// A combining mark (Word_Break Extend): part of the character before it, for words as
    /// for characters, so it changes nothing in a count of words; characters are then left
    /// to grapheme breaking.
    case mark
  }

  /// The class of `v` when the word-break rules treat it simply, else nil.
  ///
  /// Simple are ASCII, Latin-1, Latin Extended-A/B and Latin Extended Additional letters,
  /// Greek and Cyrillic letters, and a few common spaces,
  /// quotes and dashes: each is a grapheme cluster of its own (CR LF aside, both white
  /// space), and UAX #29 gives them Word_Break values that no locale tailors. `:` (MidLetter
  /// in some locales) and `_` (ExtendNumLet) are not simple, so text with them goes to ICU.
  @inline(__always)
  private static func simpleClass(_ v: UInt32) -> SimpleClass? {
    switch v {
    case 0x41...0x5A, 0x61...0x7A: .letter
    case 0x30...0x39: .digit
    case 0x2E, 0x27, 0x2018, 0x2019: .midLetterOrNumber
    case 0x2C, 0x3B: .midNumber
    case 0x3A, 0x5F: nil
    case 0..<0x80: .other
    case 0xC0...0x24F: v == 0xD7 || v == 0xF7 ? .other : .letter
    // Greek and Cyrillic letters (not the signs, marks and punctuation among them), and
    // Latin Extended Additional (Vietnamese): Word_Break ALetter, as Latin letters are.
    case 0x386, 0x388...0x38A, 0x38C, 0x38E...0x3A1, 0x3A3...0x3F5, 0x3F7...0x3FF: .letter
    case 0x400...0x481, 0x48A...0x52F: .letter
    case 0x1E00...0x1EFF: .letter
    // Hebrew, Arabic, Devanagari and Tamil letters, digits and combining marks. (Not Hangul:
    // ICU's word rules send it to the dictionary breaker with Han and kana.)
    case 0x5D0...0x5EA, 0x5EF...0x5F2: .letter
    case 0x591...0x5BD, 0x5BF, 0x5C1, 0x5C2, 0x5C4, 0x5C5, 0x5C7: .mark
    case 0x620...0x63F, 0x641...0x64A, 0x66E, 0x66F, 0x671...0x6D3, 0x6D5: .letter
    case 0x64B...0x65F, 0x670, 0x6D6...0x6DC, 0x6DF...0x6E4, 0x6E7, 0x6E8, 0x6EA...0x6ED: .mark
    case 0x660...0x669, 0x6F0...0x6F9: .digit
    case 0x60C: .midNumber
    case 0x61B, 0x61F, 0x6D4: .other
    case 0x904...0x939, 0x93D, 0x950, 0x958...0x961, 0x971...0x97F: .letter
    case 0x900...0x903, 0x93A...0x93C, 0x93E...0x94F, 0x951...0x957, 0x962, 0x963: .mark
    case 0x966...0x96F: .digit
    case 0x964, 0x965, 0x970: .other
    case 0xB83, 0xB85...0xB8A, 0xB8E...0xB90, 0xB92...0xB95, 0xB99, 0xB9A, 0xB9C, 0xB9E, 0xB9F, 0xBA3,
      0xBA4, 0xBA8...0xBAA, 0xBAE...0xBB9, 0xBD0:
      .letter
    case 0xB82, 0xBBE...0xBC2, 0xBC6...0xBC8, 0xBCA...0xBCD, 0xBD7: .mark
    case 0xBE6...0xBEF: .digit
    case 0xA0, 0xAB, 0xBB, 0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2026: .other
    default: nil
    }
  }

  /// Words and characters counted without ICU, when every character of `bytes` is simple
  /// (see `simpleClass`); each nil when ICU (or grapheme breaking) must count.
  ///
  /// Words follow UAX #29 as ICU's rules do for these characters: letters and digits run
  /// together; `.` and `'` join two letters or two digits, `,` and `;` two digits.
  static func simpleCounts(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int?, characters: Int?) {
    var words = 0
    var characters = 0
    var wordsValid = true
    var charactersValid = true
    // A Hebrew letter next to `"` may join it (as in צה"ל): ICU decides such text.
    var hebrew = false
    var doubleQuote = false
    var inWord = false
    var last = SimpleClass.other
    var mid: SimpleClass? = nil
    var i = 0
    let n = bytes.count
    while i < n {
      // No simple character is outside the Basic Multilingual Plane.
      let (v, w) = UTF8Text.scalar(at: i, in: bytes)
      if w == 4 { return (nil, nil) }
      i += w
      guard let c = simpleClass(v) else {
        if v == 0x3A || v == 0x5F {
          // Simple for characters, not for words.
          wordsValid = false
          characters += 1
          inWord = false
          mid = nil
          continue
        }
        return (nil, nil)
      }
      if !(v <= 0x20 && (v == 0x20 || (v >= 0x09 && v <= 0x0D))) && v != 0xA0 { characters += 1 }
      if v == 0x22 { doubleQuote = true } else if v &- 0x5D0 < 0x23 { hebrew = true }
      switch c {
      case .letter, .digit:
        if inWord, let m = mid {
          let joins =
            last == c && (m == .midLetterOrNumber || (m == .midNumber && c == .digit))
          if !joins { words += 1 }
        } else if !inWord {
          words += 1
        }
        inWord = true
        mid = nil
        last = c
      case .midLetterOrNumber, .midNumber:
        if inWord && mid == nil {
          mid = c
        } else {
          inWord = false
          mid = nil
        }
      case .other:
        inWord = false
        mid = nil
      case .mark:
        charactersValid = false
        // A mark on a joining punctuation mark: ICU's rule status there is its own.
        if mid != nil { wordsValid = false }
      }
    }
    if hebrew && doubleQuote { wordsValid = false }
    return (wordsValid ? words : nil, charactersValid ? characters : nil)
  }

  /// Non-white-space characters counted by scalars, when every scalar of `bytes` (valid
  /// UTF-8) is one that grapheme breaking always leaves alone (``isStandalone(_:)``); else nil.
  static func standaloneCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var n = 0
    var i = 0
    let count = bytes.count
    while i < count {
      // No standalone scalar is outside the Basic Multilingual Plane.
      let (v, w) = UTF8Text.scalar(at: i, in: bytes)
      if w == 4 { return nil }
      i += w
      guard isStandalone(v) else { return nil }
      if !isWhiteSpace(v) { n += 1 }
    }
    return n
  }

  /// Whether `v` is a grapheme cluster of its own next to any other such scalar: its
  /// Grapheme_Cluster_Break is Other, Control, CR or LF (CR LF is one cluster, but white
  /// space either way), or it is a precomposed Hangul syllable (which joins only jamo).
  /// No Extend, ZWJ, SpacingMark, Prepend, Regional_Indicator or jamo is in these ranges.
  @inline(__always)
  static func isStandalone(_ v: UInt32) -> Bool {
    switch v {
    case 0...0x2FF,  // Basic Latin to Spacing Modifier Letters
      0x370...0x482, 0x48A...0x52F,  // Greek, Cyrillic (without the combining marks)
      0x531...0x556, 0x559...0x58A,  // Armenian
      0x5D0...0x5EA, 0x5F0...0x5F4,  // Hebrew letters
      0x60C, 0x61B, 0x61F, 0x621...0x64A, 0x660...0x66F, 0x671...0x6D5,  // Arabic letters, digits
      0x1E00...0x1FFF,  // Latin Extended Additional, Greek Extended
      0x2000...0x200A, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0,  // spaces, punctuation
      0x2100...0x214F, 0x2190...0x21FF,  // letterlike symbols, arrows
      0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096, 0x309B...0x30FF,  // CJK punctuation, kana
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF9D:  // Han, Hangul, full width
      true
    default: false
    }
  }

  /// Non-white-space user-perceived characters (grapheme clusters).
  static func characters(in text: Substring) -> Int {
    var n = 0
    for character in text where !isWhiteSpace(character.unicodeScalars.first!.value) { n += 1 }
    return n
  }

  /// Whether `v` has the Unicode White_Space property, which decides `Character.isWhitespace`
  /// (by a character's first scalar); the set has been stable since Unicode 6.3.
  @inline(__always)
  static func isWhiteSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000:
      true
    default: false
    }
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
