/// What the classifier measures on one line of text: its words, its punctuation, its shape.
struct LineShape {
  /// The line, lower-cased, for prefix tests.
  let lowered: String
  /// The line's tokens between white space.
  let tokens: [Substring]
  /// Words: tokens, plus one per four characters of scripts written without spaces.
  let words: Int
  /// Unicode scalars.
  let scalars: Int
  /// Tokens with two letters or more.
  let letterTokens: Int
  /// Tokens with at most one letter (numbers, symbols, "+", "16", "ก").
  let symbolTokens: Int
  /// Tokens that separate breadcrumbs and toolbar fields: `|`, `›`, `»`, `>`, `/`, `·`, `•`.
  let separators: Int
  /// Whether a token looks like a date or a time (`14.03.2025`, `09:41`, `2025年5月18日`).
  let hasDateOrTime: Bool
  private let text: String

  init(_ text: String) {
    self.text = text
    lowered = text.lowercased()
    tokens = text.split(whereSeparator: { $0.isWhitespace })
    var words = 0
    var letterTokens = 0
    var symbolTokens = 0
    var separators = 0
    var hasDateOrTime = false
    var scalars = 0
    for (i, token) in tokens.enumerated() {
      var letters = 0
      var digits = 0
      var unspaced = 0
      var dateMarks = 0
      for scalar in token.unicodeScalars {
        scalars += 1
        let v = scalar.value
        if v >= 0x30 && v <= 0x39 {
          digits += 1
        } else if v == 0x2E || v == 0x3A || v == 0x2F || v == 0x2D || v == 0x5E74 || v == 0x6708 || v == 0x65E5 {
          dateMarks += 1  // . : / - 年 月 日
          if v >= 0x5E74 { letters += 1; unspaced += 1 }
        } else if scalar.properties.isAlphabetic {
          letters += 1
          if LineShape.isUnspacedScript(v) { unspaced += 1 }
        }
      }
      words += 1 + unspaced / 4
      if letters >= 2 { letterTokens += 1 } else { symbolTokens += 1 }
      if digits >= 2 && dateMarks >= 1 { hasDateOrTime = true }
      if i > 0, LineShape.separatorTokens.contains(token) { separators += 1 }
    }
    scalars += max(0, tokens.count - 1)
    self.words = words
    self.scalars = scalars
    self.letterTokens = letterTokens
    self.symbolTokens = symbolTokens
    self.separators = separators
    self.hasDateOrTime = hasDateOrTime
  }

  static let separatorTokens: Set<Substring> = ["|", "｜", "›", "»", ">", "/", "·", "•", "::", "‹", "«", "<"]

  /// Han, kana, Hangul syllables are words of their own; Thai, Lao, Khmer and Myanmar run
  /// words together.
  static func isUnspacedScript(_ v: UInt32) -> Bool {
    (0x0E00...0x0EFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v)
      || (0x3040...0x30FF).contains(v) || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v)
  }

  var isEmpty: Bool { tokens.isEmpty }

  /// The last character, past closing quotes and brackets.
  private var lastMeaningful: Character? {
    text.last { !LineShape.closers.contains($0) && !$0.isWhitespace }
  }

  static let closers: Set<Character> = ["\"", "'", "”", "’", "»", "›", ")", "]", "」", "』", "）", "】", "〉", "》", "*"]

  /// Whether the line ends like a sentence (`.`, `!`, `?`, `…`, `。`, `।`, `؟` …), quotes aside.
  var endsWithSentencePunctuation: Bool {
    guard let last = lastMeaningful else { return false }
    return LineShape.sentenceEnds.contains(last)
  }

  static let sentenceEnds: Set<Character> = [
    ".", "!", "?", "…", "。", "！", "？", "．", "।", "॥", "؟", "۔", "։", "።", "၊", "။", ";", "；", "\u{37E}",
  ]

  /// Whether the line ends with a colon, so something follows it.
  var endsWithColon: Bool {
    guard let last = lastMeaningful else { return false }
    return last == ":" || last == "："
  }

  /// Whether the line is wrapped in brackets, as credits often are: "(Reuters)", "（北部支局）".
  var isParenthesized: Bool {
    guard let first = text.first, let last = text.last else { return false }
    return "(（[【".contains(first) && ")）]】".contains(last)
  }

  /// Whether the lower-cased line begins with one of `prefixes` followed by a non-letter.
  func startsWithAny(_ prefixes: [String]) -> Bool {
    var body = lowered[...]
    // Bullets and dashes before a credit: "- Reporter", "— Source: …".
    while let c = body.first, "-–—•*»› ".contains(c) { body = body.dropFirst() }
    for prefix in prefixes where body.hasPrefix(prefix) {
      let rest = body.dropFirst(prefix.count)
      guard let next = rest.first else { return true }
      if !next.isLetter && !next.isNumber { return true }
    }
    return false
  }

  /// How many of `words` occur in the line as whole words.
  func chromeCount(_ words: [String]) -> Int {
    var count = 0
    for word in words {
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

  /// Whether the line begins like a list item: a bullet, or a number or letter and `.` or `)`.
  var isListItem: Bool {
    guard let first = text.first else { return false }
    if "•·▪►●○◦‣・※■□◆◇➤✓✔".contains(first) { return true }
    if "-–—*+".contains(first) {
      let second = text.dropFirst().first
      return second == " " || second == "\t"
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
    if tokens.count == 1 {
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
