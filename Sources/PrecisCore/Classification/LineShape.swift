import PrecisICU

/// What the classifier measures on one line of text: its words, its punctuation, its shape.
///
/// Word counts and the line's ends are read from the bytes. When the line is plain (see
/// ``PlainScalars``: each scalar a character of its own, as in most lines of alphabetic
/// scripts, Han and Hangul), the character tests run on the bytes as well; other lines
/// (combining marks, Indic and Thai scripts) take the character-level paths. Both give the
/// same answers.
struct LineShape {
  /// The start of the line (64 characters), lower-cased, for prefix tests.
  var lowered: String {
    if let plainLowered { return String(decoding: plainLowered, as: UTF8.self) }
    return Self.loweredPrefix(of: text)
  }

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

  /// The bytes of ``lowered`` when the first 65 scalars are plain and the first 64 lower to
  /// plain scalars (the first 64 characters are then the first 64 scalars); else nil.
  private let plainLowered: [UInt8]?
  /// Whether every scalar of the line is plain.
  private let isPlain: Bool

  /// Words: runs between spaces, plus one per four characters of scripts written without spaces.
  let words: Int
  /// Unicode scalars.
  let scalars: Int
  /// Whether the line has a single token (no white space inside).
  let isSingleToken: Bool
  private let text: String

  init(_ text: String) {
    self.text = text
    let measured =
      text.utf8.withContiguousStorageIfAvailable(Self.measure)
      ?? Array(text.utf8).withUnsafeBufferPointer(Self.measure)
    words = measured.words
    scalars = measured.scalars
    isSingleToken = measured.isSingleToken
    plainLowered = measured.lowered
    isPlain = measured.isPlain
  }

  /// What `init` measures, from the line's bytes.
  private static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    words: Int, scalars: Int, isSingleToken: Bool, lowered: [UInt8]?, isPlain: Bool
  ) {
    var words = 0
    var unspaced = 0
    var scalars = 0
    var inWord = false
    var spaces = 0
    var lead: UInt8 = 0
    for b in bytes {
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
    let (lowered, isPlain) = plain(bytes)
    return (words + unspaced / 4, scalars, spaces == 0 && words == 1, lowered, isPlain)
  }

  /// The lower-cased start (see `plainLowered`) and whether every scalar is plain.
  private static func plain(_ b: UnsafeBufferPointer<UInt8>) -> (lowered: [UInt8]?, all: Bool) {
    var i = 0
    var k = 0
    var lowered: [UInt8]? = []
    lowered!.reserveCapacity(min(b.count, 64))
    while i < b.count {
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      if k < 64 && lowered != nil {
        if v < 0x80 && v != 0x0D {
          lowered!.append(v >= 0x41 && v <= 0x5A ? UInt8(v | 0x20) : UInt8(v))
        } else if let u = PlainScalars.lowered(v) {
          PlainScalars.appendUTF8(u, to: &lowered!)
        } else {
          lowered = nil
          if !PlainScalars.isPlain(v) { return (nil, false) }
        }
      } else if !PlainScalars.isPlain(v) {
        // The 65th scalar must be plain too, or it may join the 64th character.
        return (k > 64 ? lowered : nil, false)
      }
      i += w
      k += 1
    }
    return (lowered, true)
  }

  /// Runs `body` on the line's bytes.
  private func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
    return Array(text.utf8).withUnsafeBufferPointer(body)
  }

  /// Token statistics, measured on demand.
  struct TokenStats: Equatable {
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
    if isPlain { return withBytes { Self.plainTokenStats($0) } }
    return characterTokenStats
  }

  /// ``tokenStats`` by splitting characters.
  var characterTokenStats: TokenStats {
    var stats = TokenStats()
    for (i, token) in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).enumerated() {
      var letters = 0
      var digits = 0
      var dateMarks = 0
      for scalar in token.unicodeScalars {
        Self.count(scalar.value, letters: &letters, digits: &digits, dateMarks: &dateMarks)
      }
      if letters >= 2 { stats.letterTokens += 1 } else { stats.symbolTokens += 1 }
      if digits >= 2 && dateMarks >= 1 { stats.hasDateOrTime = true }
      // Every separator, and every string canonically equivalent to one, is at most two
      // scalars: the byte count spares most tokens a normalising hash.
      if i > 0, token.utf8.count <= 8, LineShape.separatorTokens.contains(token) { stats.separators += 1 }
    }
    return stats
  }

  /// ``tokenStats`` of a plain line: tokens are the runs of bytes between spaces and tabs,
  /// and a separator is one by its bytes.
  static func plainTokenStats(_ b: UnsafeBufferPointer<UInt8>) -> TokenStats {
    var stats = TokenStats()
    var i = 0
    var index = 0
    while i < b.count {
      if b[i] == 0x20 || b[i] == 0x09 {
        i += 1
        continue
      }
      let start = i
      var letters = 0
      var digits = 0
      var dateMarks = 0
      while i < b.count && b[i] != 0x20 && b[i] != 0x09 {
        let (v, w) = UTF8Text.scalar(at: i, in: b)
        count(v, letters: &letters, digits: &digits, dateMarks: &dateMarks)
        i += w
      }
      if letters >= 2 { stats.letterTokens += 1 } else { stats.symbolTokens += 1 }
      if digits >= 2 && dateMarks >= 1 { stats.hasDateOrTime = true }
      if index > 0, i - start <= 3, isSeparator(UnsafeBufferPointer(rebasing: b[start..<i])) {
        stats.separators += 1
      }
      index += 1
    }
    return stats
  }

  /// Counts one scalar of a token as a letter, a digit or a date mark.
  @inline(__always)
  private static func count(_ v: UInt32, letters: inout Int, digits: inout Int, dateMarks: inout Int) {
    if v >= 0x30 && v <= 0x39 {
      digits += 1
    } else if v == 0x2E || v == 0x3A || v == 0x2F || v == 0x2D || v == 0x5E74 || v == 0x6708 || v == 0x65E5 {
      dateMarks += 1  // . : / - 年 月 日
      if v >= 0x5E74 { letters += 1 }
    } else if v < 0x80 {
      if (v | 0x20) &- 0x61 < 26 { letters += 1 }
    } else if v < alphabeticLimit {
      if alphabetic.withUnsafeBufferPointer({ $0[Int(v)] }) { letters += 1 }
    } else if Unicode.Scalar(v)?.properties.isAlphabetic ?? false {
      letters += 1
    }
  }

  /// `Unicode.Scalar.Properties.isAlphabetic` of every scalar below ``alphabeticLimit`` (the
  /// alphabets with case and the scripts of Western and South Asia), looked up once.
  private static let alphabeticLimit: UInt32 = 0x2000
  private static let alphabetic: [Bool] = (0..<alphabeticLimit).map {
    Unicode.Scalar($0)?.properties.isAlphabetic ?? false
  }

  static let separatorTokens: Set<Substring> = ["|", "｜", "›", "»", ">", "/", "·", "•", "::", "‹", "«", "<"]

  /// The separators' bytes (each at most three).
  private static let separatorBytes: [[UInt8]] = separatorTokens.map { Array($0.utf8) }

  /// Whether plain bytes are one of ``separatorTokens``.
  static func isSeparator(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
    separatorBytes.contains { $0.elementsEqual(token) }
  }

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
    if isPlain {
      guard let first = text.unicodeScalars.first?.value, let last = text.unicodeScalars.last?.value else {
        return false
      }
      return (first == 0x28 || first == 0xFF08 || first == 0x5B || first == 0x3010)
        && (last == 0x29 || last == 0xFF09 || last == 0x5D || last == 0x3011)
    }
    guard let first = text.first, let last = text.last else { return false }
    return "(（[【".contains(first) && ")）]】".contains(last)
  }

  /// Whether the lower-cased line begins with one of `prefixes` followed by a non-letter.
  ///
  /// Only the prefixes with the line's first byte are compared, so that a list of hundreds
  /// (every language's, when the language is unknown) costs a few comparisons a line.
  func startsWithAny(_ prefixes: Prefixes) -> Bool {
    if let plainLowered {
      return plainLowered.withUnsafeBufferPointer { Self.plainStartsWithAny(prefixes, $0) }
    }
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

  /// ``startsWithAny(_:)`` on the plain lower-cased bytes of the line's start.
  private static func plainStartsWithAny(_ prefixes: Prefixes, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < b.count {
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      // - – — • * » › and the space
      guard v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2022 || v == 0x2A || v == 0xBB || v == 0x203A
        || v == 0x20
      else { break }
      i += w
    }
    guard i < b.count else { return false }
    for prefix in prefixes.buckets[Int(b[i])] where b.count - i >= prefix.count {
      guard b[i..<(i + prefix.count)].elementsEqual(prefix) else { continue }
      let end = i + prefix.count
      guard end < b.count else { return true }
      let next = UTF8Text.scalar(at: end, in: b).value
      if !PlainScalars.isLetter(next) && !PlainScalars.isNumber(next) { return true }
    }
    return false
  }

  /// Lower-case line prefixes, grouped by their first UTF-8 byte.
  struct Prefixes: Sendable {
    fileprivate var buckets = [[[UInt8]]](repeating: [], count: 256)

    /// Every prefix's bytes.
    var all: [[UInt8]] { buckets.flatMap { $0 } }

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
    /// Whether each word is plain (see ``PlainScalars``).
    var isPlain: [Bool]

    init(_ words: [String]) {
      self.words = words
      bytes = words.map { Array($0.utf8) }
      isNFC = bytes.map { LineShape.isNFC($0) }
      isPlain = bytes.map { $0.withUnsafeBufferPointer { PlainScalars.arePlain($0) } }
    }
  }

  /// Whether UTF-8 text is in NFC (ASCII always is); false when ICU cannot tell.
  ///
  /// ICU's full check decides what its quick check leaves open (combining marks that NFC
  /// might compose, such as the Devanagari nukta).
  static func isNFC(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { isNFC($0) }
  }

  static func isNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if !bytes.contains(where: { $0 >= 0x80 }) { return true }
    guard let normalizer = nfc else { return false }
    return (try? normalizer.isNormalized(utf8: bytes, exactly: true)) ?? false
  }

  private static let nfc = try? Normalizer(form: .nfc)

  /// Whether `needle` occurs in `haystack` byte for byte.
  static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
    firstOccurrence(of: needle, in: haystack, from: 0) != nil
  }

  /// Where `needle` (not empty) first occurs in `haystack` at or after `from`.
  static func firstOccurrence(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
    guard let first = needle.first else { return from }
    let n = needle.count
    if haystack.count - from < n { return nil }
    var i = from
    while i <= haystack.count - n {
      if haystack[i] == first {
        var k = 1
        while k < n && haystack[i + k] == needle[k] { k += 1 }
        if k == n { return i }
      }
      i += 1
    }
    return nil
  }

  /// How many of `words` occur in the line as whole words.
  ///
  /// Matching is by characters (canonical equivalence), as `firstRange(of:)` does. When the
  /// line lowers to plain scalars, a plain word is searched byte for byte. Otherwise, when the
  /// line and a word are both in NFC, a match implies the word's bytes occur in the line, so
  /// a word whose bytes do not occur is passed over without the character search.
  func chromeCount(_ chrome: ChromeWords) -> Int {
    if isPlain, let plain = withBytes({ PlainScalars.lowered($0) }) {
      return plain.withUnsafeBufferPointer { line in
        var count = 0
        var lowered: String? = nil
        for (w, word) in chrome.bytes.enumerated() {
          if chrome.isPlain[w] {
            if Self.occursAsWord(word, in: line) { count += 1 }
          } else if chrome.isNFC[w] && !Self.contains(line, word) {
            // The line is plain, so in NFC: an NFC word that matches has its bytes in it.
            continue
          } else {
            if lowered == nil { lowered = String(decoding: line, as: UTF8.self) }
            if Self.occursAsWord(chrome.words[w], in: lowered!) { count += 1 }
          }
        }
        return count
      }
    }
    var lowered = text.lowercased()
    let (lineIsNFC, present): (Bool, [Bool]) = lowered.withUTF8 { line in
      let nfc = Self.isNFC(line)
      return (nfc, nfc ? chrome.bytes.map { Self.contains(line, $0) } : [])
    }
    var count = 0
    for (w, word) in chrome.words.enumerated() {
      if lineIsNFC && chrome.isNFC[w] && !present[w] { continue }
      if Self.occursAsWord(word, in: lowered) { count += 1 }
    }
    return count
  }

  /// Whether `word` occurs in `text` with no letter on either side, by characters.
  static func occursAsWord(_ word: String, in lowered: String) -> Bool {
    var search = lowered[...]
    while let found = search.firstRange(of: word) {
      let before = found.lowerBound == lowered.startIndex ? nil : lowered[lowered.index(before: found.lowerBound)]
      let after = found.upperBound == lowered.endIndex ? nil : lowered[found.upperBound]
      if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
      search = lowered[found.upperBound...]
    }
    return false
  }

  /// ``occursAsWord(_:in:)`` for a plain word in a plain line, on bytes.
  static func occursAsWord(_ word: [UInt8], in line: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !word.isEmpty else { return false }
    var from = 0
    while let start = firstOccurrence(of: word, in: line, from: from) {
      let end = start + word.count
      let before = start == 0 ? false : PlainScalars.isLetter(UTF8Text.scalar(before: start, in: line).value)
      let after = end == line.count ? false : PlainScalars.isLetter(UTF8Text.scalar(at: end, in: line).value)
      if !before && !after { return true }
      from = end
    }
    return false
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
    if isPlain { return withBytes { Self.plainListNumber($0) } }
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

  /// The number or letter test of ``isListItem`` on a plain line's bytes.
  private static func plainListNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    if b.count >= 1 && b[0] == 0x28 {
      i = 1
    } else if b.count >= 3 && b[0] == 0xEF && b[1] == 0xBC && b[2] == 0x88 {
      i = 3  // （
    }
    func whiteSpace(at k: Int) -> Bool {
      k < b.count && WordCounter.isWhiteSpace(UTF8Text.scalar(at: k, in: b).value)
    }
    var digits = 0
    while i + digits < b.count && b[i + digits] &- 0x30 < 10 { digits += 1 }
    if digits > 0 {
      guard digits <= 3 else { return false }
      let after = i + digits
      guard after < b.count else { return false }
      let (mark, w) = UTF8Text.scalar(at: after, in: b)
      if mark == 0x3001 || mark == 0xFF0E || mark == 0xFF09 { return true }  // 、．）
      return (mark == 0x2E || mark == 0x29) && whiteSpace(at: after + w)
    }
    if i < b.count, (b[i] | 0x20) &- 0x61 < 26 {
      return i + 1 < b.count && b[i + 1] == 0x29 && whiteSpace(at: i + 2)
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
    if isPlain { return withBytes { Self.plainLooksLikeCode($0) } }
    if text.hasPrefix("```") || text.hasPrefix("$ ") || text.hasPrefix("#include") || text.hasPrefix(">>> ") {
      return true
    }
    let opensOrCloses = text.hasSuffix(";") || text.hasSuffix("{") || text.hasSuffix("}") || text.hasPrefix("}")
    guard opensOrCloses else { return false }
    return text.contains("=") || text.contains("{") || text.contains("}") || text.contains("();")
      || text.contains("->")
  }

  /// ``looksLikeCode`` on a plain line's bytes.
  private static func plainLooksLikeCode(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    func starts(_ p: StaticString) -> Bool {
      p.withUTF8Buffer { p in b.count >= p.count && b[0..<p.count].elementsEqual(p) }
    }
    if starts("```") || starts("$ ") || starts("#include") || starts(">>> ") { return true }
    guard let last = b.last, let first = b.first,
      last == 0x3B || last == 0x7B || last == 0x7D || first == 0x7D  // ; { } or a leading }
    else { return false }
    var i = 0
    while i < b.count {
      switch b[i] {
      case 0x3D, 0x7B, 0x7D: return true  // = { }
      case 0x28 where i + 2 < b.count && b[i + 1] == 0x29 && b[i + 2] == 0x3B: return true  // ();
      case 0x2D where i + 1 < b.count && b[i + 1] == 0x3E: return true  // ->
      default: i += 1
      }
    }
    return false
  }
}
