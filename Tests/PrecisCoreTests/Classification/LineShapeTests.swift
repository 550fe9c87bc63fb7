import PrecisTestSupport
import Testing

@testable import PrecisCore

@Suite struct LineShapeTests {
  static let lines = [
    "Home › Region | 14.03.2025 | Share Print", "SHARE  PRINT  COMMENTS", "Teilen Drucken Merken",
    "Поделиться Печать Комментарии", "分享 打印 评论", "Share\u{301} Print", "Shares Printing",
    "Partager Imprimer", "Pa\u{301}rtager Imprimer", "e\u{301}mail Email Print", "Ελληνικά Κοινοποίηση Εκτύπωση",
    String(repeating: "A", count: 64) + "\u{301}b", String(repeating: "x", count: 63) + "\r\nY",
    String(repeating: "Ab", count: 40), "", "İstanbul ŞEHİR Paylaş", "ΣΟΦΟΣ ΚΑΙ ΣΟΦΗ",
    "Home · News \u{387} Sport", "a \u{301}| b | c", "Ｓｈａｒｅ Ｐｒｉｎｔ", "ＫＥＬＶＩＮ \u{212A} K",
    "(Reuters)", "（北部支局）", "(Reuters)\u{301}", "1. First", "12) Second", "a) Third", "1.\u{301} x",
    "(3) Fourth", "（2）五", "1234. No", "b)x", "$ ls -la", "int x = 1;", "if (a) {", "} else {", "f();",
    "a -> b;", "```swift", "#include <stdio.h>", ">>> print(1)", "http://example.com", "me@example.com",
    "- Reporter Anna", "— Source: AP", "» Read more: this", "Lesen Sie auch: Das", "By Anna", "Byline",
    "Читайте также: новости", "ИСТОЧНИК: ТАСС", "Фото: пресс-служба", "صورة: المصدر", "المصدر: وكالة",
    "14.03.2025 | 09:41", "2025年5月18日 | 社会", "+ ↺ − 16 px", "Πηγή: ΑΠΕ", "Πηγη\u{301}: ΑΠΕ",
    String(repeating: "я", count: 63) + "Ё\u{308}z", String(repeating: "я", count: 64) + "\u{308}z",
    String(repeating: "я", count: 65) + "\u{308}z", "Von\u{301} Anna", "Von Anna", "Von\u{0308}",
    "\u{1FEF}``` code", "x =\u{338} y;", "Share | Print | Comment", "SHARE\tPRINT",
  ]

  /// Every line of the corpora, with the test lines.
  static let corporaLines: [String] = {
    var result = lines
    for file in TestPaths.corporaFiles() {
      guard let bytes = try? TestPaths.corporaBytes(file) else { continue }
      let text = String(decoding: bytes, as: UTF8.self)
      result += text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }
    return result
  }()

  /// The byte paths of plain lines give what the character-level paths give.
  @Test func bytePathsEqualCharacterPaths() {
    let prefixes = [nil, "en", "de", "ru", "el", "ar", "tr", "zh"].map { SegmentClassifier.prefixes(for: $0) }
    let lists = [nil, "en", "de", "ru", "el", "tr"].map { ClassificationRules.lists(for: $0).chrome }
    for line in Self.corporaLines {
      let shape = LineShape(line)
      #expect(shape.lowered == String(line.prefix(64)).lowercased(), "\(line)")
      #expect(shape.tokenStats == shape.characterTokenStats, "\(line)")
      #expect(shape.isParenthesized == Self.referenceIsParenthesized(line), "\(line)")
      #expect(shape.isListItem == Self.referenceIsListItem(line), "\(line)")
      #expect(shape.isProtected == Self.referenceIsProtected(line, singleToken: shape.isSingleToken), "\(line)")
      for p in prefixes {
        #expect(shape.startsWithAny(p.more) == Self.referenceStartsWithAny(line, p.more), "\(line)")
        #expect(shape.startsWithAny(p.credit) == Self.referenceStartsWithAny(line, p.credit), "\(line)")
      }
      for words in lists {
        #expect(shape.chromeCount(words) == Self.referenceChromeCount(line, words), "\(line)")
      }
    }
  }

  /// Plain scalars lower-case as `String.lowercased()` does, and their characters are single.
  @Test func plainScalarsLowerAsStrings() {
    for v in UInt32(0)..<0x2200 {
      guard let s = Unicode.Scalar(v), PlainScalars.isPlain(v) else { continue }
      #expect(String(s).count == 1)
      if let u = PlainScalars.lowered(v) {
        #expect(String(s).lowercased().unicodeScalars.map(\.value) == [u], "\(v)")
        #expect(PlainScalars.isPlain(u))
      }
    }
    // Singletons that NFC replaces are not plain.
    for v: UInt32 in [0x212A, 0x2126, 0x212B, 0x387, 0x37E, 0x1FEF, 0x2000, 0x0D, 0x301] {
      #expect(!PlainScalars.isPlain(v))
    }
  }

  /// The character-level prefix test, as the classifier first wrote it.
  static func referenceStartsWithAny(_ line: String, _ prefixes: LineShape.Prefixes) -> Bool {
    let lowered = String(line.prefix(64)).lowercased()
    var body = lowered[...]
    while let c = body.first, "-–—•*»› ".contains(c) { body = body.dropFirst() }
    for prefix in prefixes.all where body.utf8.starts(with: prefix) {
      let rest = body[body.utf8.index(body.startIndex, offsetBy: prefix.count)...]
      guard let next = rest.first else { return true }
      if !next.isLetter && !next.isNumber { return true }
    }
    return false
  }

  static func referenceIsParenthesized(_ text: String) -> Bool {
    guard let first = text.first, let last = text.last else { return false }
    return "(（[【".contains(first) && ")）]】".contains(last)
  }

  static func referenceIsListItem(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first?.value else { return false }
    if LineShape.bullets.contains(first) { return true }
    if first == 0x2D || first == 0x2013 || first == 0x2014 || first == 0x2A || first == 0x2B {
      let second = text.unicodeScalars.dropFirst().first
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

  static func referenceIsProtected(_ text: String, singleToken: Bool) -> Bool {
    if singleToken {
      let t = String(text.prefix(64)).lowercased()
      for scheme in ["http://", "https://", "ftp://", "mailto:", "www.", "file://"] where t.hasPrefix(scheme) {
        return true
      }
      if let at = t.firstIndex(of: "@"), at != t.startIndex, t[t.index(after: at)...].contains("."),
        t.filter({ $0 == "@" }).count == 1
      {
        return true
      }
    }
    if text.hasPrefix("```") || text.hasPrefix("$ ") || text.hasPrefix("#include") || text.hasPrefix(">>> ") {
      return true
    }
    let opensOrCloses = text.hasSuffix(";") || text.hasSuffix("{") || text.hasSuffix("}") || text.hasPrefix("}")
    guard opensOrCloses else { return false }
    return text.contains("=") || text.contains("{") || text.contains("}") || text.contains("();")
      || text.contains("->")
  }

  /// The byte-level shortcut gives what the character-level lower-casing gives.
  @Test(arguments: lines)
  func loweredPrefixEqualsCharacterPrefix(_ line: String) {
    #expect(LineShape.loweredPrefix(of: line) == String(line.prefix(64)).lowercased())
  }

  /// Chrome words skipped by the byte test are never found by the character search.
  @Test(arguments: lines)
  func chromeCountEqualsTheCharacterSearch(_ line: String) {
    for language in [nil, "en", "de", "fr", "ru", "zh", "el", "tr"] as [String?] {
      let words = ClassificationRules.lists(for: language).chrome
      #expect(LineShape(line).chromeCount(words) == Self.referenceChromeCount(line, words), "\(line)")
    }
  }

  /// Whole-word matches by `firstRange(of:)`, each word counted once.
  static func referenceChromeCount(_ text: String, _ words: [String]) -> Int {
    let lowered = text.lowercased()
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
}
