import PrecisICU

/// What the classifier measures on one line of text: its words, its punctuation, its shape.
///
/// Word counts and the line's ends are read from the bytes; tokens, separators and symbols
/// are measured only on demand (`tokenStats`), since only short lines need them.
struct LineShape {
  /// The start of the line (64 characters), lower-cased, for prefix tests; made once, when
  /// first asked for.
  var lowered: String {
    if let made = cache.lowered { return made }
    let made = Self.loweredPrefix(of: text)
    cache.lowered = made
    return made
  }
  private final class Cache {
    var lowered: String? = nil
  }
  private let cache = Cache()

  /// `String(text.prefix(64)).lowercased()`, without grapheme breaking when the first 65
  /// bytes are ASCII other than CR (each byte is then a character of its own).
  static func loweredPrefix(of text: String) -> String {
    let fast: String? = text.utf8.withContiguousStorageIfAvailable { bytes in
      let n = min(bytes.count, 65)
      for i in 0..<n where bytes[i] >= 0x80 || bytes[i] == 0x0D { return nil }
      return String(unsafeUninitializedCapacity: min(bytes.count, 64)) { out in
        for i in 0..<min(bytes.count, 64) {
          let b = bytes[i]
          out[i] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
        }
        return min(bytes.count, 64)
      }
    } ?? nil
    return fast ?? String(text.prefix(64)).lowercased()
  }
  /// Words: runs between spaces, plus one per four characters of scripts written without spaces.
  let words: Int
  /// Unicode scalars.
  let scalars: Int
  /// Whether the line has a single token (no white space inside).
  let isSingleToken: Bool
  private let text: String

  init(_ text: String) {
    self.text = text
    var words = 0
    var unspaced = 0
    var scalars = 0
    var inWord = false
    var spaces = 0
    var lead: UInt8 = 0
    for b in text.utf8 {
      if b & 0xC0 != 0x80 {
        scalars += 1
        lead = b
        // Kana and Han (E3–E9 lead bytes) are words of their own.
        if b >= 0xE3 && b <= 0xE9 { unspaced += 1 }
      } else if lead == 0xE0 && (b >= 0xB8 && b <= 0xBB) {
        unspaced += 1  // Thai, Lao
        lead = 0
      } else if lead == 0xE1 && (b == 0x80 || b == 0x81 || b == 0x9E || b == 0x9F) {
        unspaced += 1  // Myanmar, Khmer
        lead = 0
      } else {
        lead = 0
      }
      if b == 0x20 || b == 0x09 {
        spaces += 1
        inWord = false
        continue
      }
      if !inWord {
        words += 1
        inWord = true
      }
    }
    self.words = words + unspaced / 4
    self.scalars = scalars
    self.isSingleToken = spaces == 0 && words == 1
  }

  /// Token statistics, measured on demand.
  struct TokenStats {
    /// Tokens with two letters or more.
    var letterTokens = 0
    /// Tokens with at most one letter (numbers, symbols, "+", "16", "ก").
    var symbolTokens = 0
    /// Tokens that separate breadcrumbs and toolbar fields: `|`, `›`, `»`, `>`, `/`, `·`, `•`.
    var separators = 0
    /// Whether a token looks like a date or a time (`14.03.2025`, `09:41`, `2025年5月18日`).
    var hasDateOrTime = false
  }

  var tokenStats: TokenStats {
    var stats = TokenStats()
    for (i, token) in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).enumerated() {
      var letters = 0
      var digits = 0
      var dateMarks = 0
      for scalar in token.unicodeScalars {
        let v = scalar.value
        if v >= 0x30 && v <= 0x39 {
          digits += 1
        } else if v == 0x2E || v == 0x3A || v == 0x2F || v == 0x2D || v == 0x5E74 || v == 0x6708 || v == 0x65E5 {
          dateMarks += 1  // . : / - 年 月 日
          if v >= 0x5E74 { letters += 1 }
        } else if scalar.properties.isAlphabetic {
          letters += 1
        }
      }
      if letters >= 2 { stats.letterTokens += 1 } else { stats.symbolTokens += 1 }
      if digits >= 2 && dateMarks >= 1 { stats.hasDateOrTime = true }
      // Every separator, and every string canonically equivalent to one, is at most two
      // scalars: the byte count spares most tokens a normalising hash.
      if i > 0, token.utf8.count <= 8, LineShape.separatorTokens.contains(token) { stats.separators += 1 }
    }
    return stats
  }

  static let separatorTokens: Set<Substring> = ["|", "｜", "›", "»", ">", "/", "·", "•", "::", "‹", "«", "<"]

  /// Han, kana, Hangul syllables are words of their own; Thai, Lao, Khmer and Myanmar run
  /// words together.
  static func isUnspacedScript(_ v: UInt32) -> Bool {
    (0x0E00...0x0EFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v)
      || (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
  }

  var isEmpty: Bool { words == 0 }

  /// The last scalar, past closing quotes, brackets and spaces.
  private var lastMeaningful: UInt32? {
    for scalar in text.unicodeScalars.reversed() {
      let v = scalar.value
      if LineShape.closers.contains(v) || v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x3000 { continue }
      return v
    }
    return nil
  }

  /// " ' ” ’ » › ) ] 」 』 ） 】 〉 》 *
  static let closers: Set<UInt32> = [
    0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x203A, 0x29, 0x5D, 0x300D, 0x300F, 0xFF09, 0x3011, 0x3009, 0x300B, 0x2A,
  ]

  /// Whether the line ends like a sentence (`.`, `!`, `?`, `…`, `。`, `।`, `؟` …), quotes aside.
  var endsWithSentencePunctuation: Bool {
    guard let last = lastMeaningful else { return false }
    return LineShape.sentenceEnds.contains(last)
  }

  /// . ! ? … 。 ！ ？ ． । ॥ ؟ ۔ ։ ። ၊ ။ ; ； and the Greek question mark.
  static let sentenceEnds: Set<UInt32> = [
    0x2E, 0x21, 0x3F, 0x2026, 0x3002, 0xFF01, 0xFF1F, 0xFF0E, 0x0964, 0x0965, 0x061F, 0x06D4, 0x0589, 0x1362,
    0x104A, 0x104B, 0x3B, 0xFF1B, 0x37E,
  ]

  /// Whether the line ends with a colon, so something follows it.
  var endsWithColon: Bool {
    guard let last = lastMeaningful else { return false }
    return last == 0x3A || last == 0xFF1A
  }

  /// Whether the line is wrapped in brackets, as credits often are: "(Reuters)", "（北部支局）".
  var isParenthesized: Bool {
    guard let first = text.first, let last = text.last else { return false }
    return "(（[【".contains(first) && ")）]】".contains(last)
  }

  /// Whether the lower-cased line begins with one of `prefixes` followed by a non-letter.
  ///
  /// Only the prefixes with the line's first byte are compared, so that a list of hundreds
  /// (every language's, when the language is unknown) costs a few comparisons a line.
  func startsWithAny(_ prefixes: Prefixes) -> Bool {
    let lowered = self.lowered
    var body = lowered[...]
    // Bullets and dashes before a credit: "- Reporter", "— Source: …".
    while let c = body.first, "-–—•*»› ".contains(c) { body = body.dropFirst() }
    guard let first = body.utf8.first else { return false }
    for prefix in prefixes.buckets[Int(first)] where body.utf8.starts(with: prefix) {
      let rest = body[body.utf8.index(body.startIndex, offsetBy: prefix.count)...]
      guard let next = rest.first else { return true }
      if !next.isLetter && !next.isNumber { return true }
    }
    return false
  }

  /// Lower-case line prefixes, grouped by their first UTF-8 byte.
  struct Prefixes: Sendable {
    fileprivate var buckets = [[[UInt8]]](repeating: [], count: 256)

    init(_ prefixes: [String]) {
      for prefix in prefixes {
        let bytes = Array(prefix.utf8)
        guard let first = bytes.first else { continue }
        buckets[Int(first)].append(bytes)
      }
    }
  }

  /// How many of `words` occur in the line as whole words.
  func chromeCount(_ words: [String]) -> Int {
    chromeCount(ChromeWords(words))
  }

  /// Chrome words with what a byte search needs.
  struct ChromeWords {
    var words: [String]
    var bytes: [[UInt8]]
    /// Whether each word is in NFC.
    var isNFC: [Bool]

    init(_ words: [String]) {
      self.words = words
      bytes = words.map { Array($0.utf8) }
      isNFC = bytes.map { LineShape.isNFC($0) }
    }
  }

  /// Whether UTF-8 text is in NFC (ASCII always is); false when ICU cannot tell.
  static func isNFC(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { isNFC($0) }
  }

  static func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    guard let normalizer = nfc else { return false }
    return (try? normalizer.isNormalized(utf8: bytes)) ?? false
  }

  private static let nfc = try? Normalizer(form: .nfc)

  /// Whether `needle` occurs in `haystack` byte for byte.
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    guard let first = needle.first else { return true }
    let n = needle.count
    if haystack.count < n { return false }
    var i = 0
    while i <= haystack.count - n {
      if haystack[i] == first {
        var k = 1
        while k < n && haystack[i + k] == needle[k] { k += 1 }
        if k == n { return true }
      }
      i += 1
    }
    return false
  }

  /// How many of `words` occur in the line as whole words.
  ///
  /// Matching is by characters (canonical equivalence), as `firstRange(of:)` does. When the
  /// line and a word are both in NFC, a match implies the word's bytes occur in the line, so
  /// a word whose bytes do not occur is passed over without the character search.
  func chromeCount(_ chrome: ChromeWords) -> Int {
    var lowered = text.lowercased()
    let (lineIsNFC, present): (Bool, [Bool]) = lowered.withUTF8 { line in
      let nfc = Self.isNFC(line)
      return (nfc, nfc ? chrome.bytes.map { Self.contains(line, $0) } : [])
    }
    var count = 0
    for (w, word) in chrome.words.enumerated() {
      if lineIsNFC && chrome.isNFC[w] && !present[w] { continue }
      var search = lowered[...]
      while let found = search.firstRange(of: word) {
        let before = found.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: found.lowerBound)]
        let after = found.upperBound == lowered.endIndex ? nil : lowered[found.upperBound]
        if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) {
          count += 1
          break
        }
        search = lowered[found.upperBound...]
      }
    }
    return count
  }

  /// • · ▪ ► ● ○ ◦ ‣ ・ ※ ■ □ ◆ ◇ ➤ ✓ ✔
  static let bullets: Set<UInt32> = [
    0x2022, 0xB7, 0x25AA, 0x25BA, 0x25CF, 0x25CB, 0x25E6, 0x2023, 0x30FB, 0x203B, 0x25A0, 0x25A1, 0x25C6, 0x25C7,
    0x27A4, 0x2713, 0x2714,
  ]

  /// Whether the line begins like a list item: a bullet, or a number or letter and `.` or `)`.
  var isListItem: Bool {
    guard let first = text.unicodeScalars.first?.value else { return false }
    if LineShape.bullets.contains(first) { return true }
    if first == 0x2D || first == 0x2013 || first == 0x2014 || first == 0x2A || first == 0x2B {
      let second = text.unicodeScalars.dropFirst().first
      return second == " " || second == "\t"
    }
    if !(first == 0x28 || first == 0xFF08 || (first >= 0x30 && first <= 0x39) || (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A)) {
      return false
    }
    var rest = text[...]
    if rest.first == "(" || rest.first == "（" { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty {
      guard digits.count <= 3 else { return false }
      let after = rest.dropFirst(digits.count)
      guard let mark = after.first else { return false }
      if "、．）".contains(mark) { return true }
      return ".)".contains(mark) && (after.dropFirst().first?.isWhitespace ?? false)
    }
    if let letter = rest.first, letter.isASCII, letter.isLetter {
      let after = rest.dropFirst()
      return after.first == ")" && (after.dropFirst().first?.isWhitespace ?? false)
    }
    return false
  }

  /// Whether the line is a URL, an e-mail address or a line of code on its own.
  var isProtected: Bool {
    if isSingleToken {
      let t = lowered
      for scheme in ["http://", "https://", "ftp://", "mailto:", "www.", "file://"] where t.hasPrefix(scheme) {
        return true
      }
      if let at = t.firstIndex(of: "@"), at != t.startIndex, t[t.index(after: at)...].contains("."),
        t.filter({ $0 == "@" }).count == 1
      {
        return true
      }
    }
    return looksLikeCode
  }

  private var looksLikeCode: Bool {
    if text.hasPrefix("```") || text.hasPrefix("$ ") || text.hasPrefix("#include") || text.hasPrefix(">>> ") {
      return true
    }
    let opensOrCloses = text.hasSuffix(";") || text.hasSuffix("{") || text.hasSuffix("}") || text.hasPrefix("}")
    guard opensOrCloses else { return false }
    return text.contains("=") || text.contains("{") || text.contains("}") || text.contains("();")
      || text.contains("->")
  }
}
