import Testing

@testable import PrecisCore

@Suite struct LineShapeTests {
  static let lines = [
    "Home › Region | 14.03.2025 | Share Print", "SHARE  PRINT  COMMENTS", "Teilen Drucken Merken",
    "Поделиться Печать Комментарии", "分享 打印 评论", "Share\u{301} Print", "Shares Printing",
    "Partager Imprimer", "Pa\u{301}rtager Imprimer", "e\u{301}mail Email Print", "Ελληνικά Κοινοποίηση Εκτύπωση",
    String(repeating: "A", count: 64) + "\u{301}b", String(repeating: "x", count: 63) + "\r\nY",
    String(repeating: "Ab", count: 40), "", "İstanbul ŞEHİR Paylaş", "ΣΟΦΟΣ ΚΑΙ ΣΟΦΗ",
  ]

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
