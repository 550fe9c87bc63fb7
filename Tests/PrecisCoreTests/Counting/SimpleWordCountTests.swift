import Foundation
import PrecisTestSupport
import Testing

@testable import PrecisCore

/// The counts made without ICU must be ICU's.
@Suite struct SimpleWordCountTests {
  /// ICU's word count and the grapheme count, as the counter makes them for other text.
  static func slowCounts(_ text: String, locale: String) -> (words: Int, characters: Int) {
    (WordCounter().words(in: text, locale: locale), WordCounter.characters(in: Substring(text)))
  }

  static func simpleCounts(_ text: String) -> (words: Int?, characters: Int?) {
    var text = text
    return text.withUTF8 { WordCounter.simpleCounts($0) }
  }

  @Test(arguments: [
    "a.b", "a.1", "1.a", "1.5a", "a1.2", "a1.b", "a..b", "1,000", "a,b", "1;2", "a;b", "e.g. this",
    "don’t", "l'homme", "3'000", "x.y.z", "‘quoted’ words", "«\u{A0}Bonjour\u{A0}»", "ab – cd — ef…",
    "Œuvre façonnée, żółć", "O'Neil.", "9.30,", "'a'", "a''b", ".5", "5.", "“x” „y“", "tab\there",
    "line\r\nbreak", "", " ", "×÷", "über-groß", "a:b", "snake_case",
  ])
  func equalsICUOnTrickyText(text: String) {
    let simple = Self.simpleCounts(text)
    let slow = Self.slowCounts(text, locale: "en")
    if let words = simple.words { #expect(words == slow.words, "\(text)") }
    if let characters = simple.characters { #expect(characters == slow.characters, "\(text)") }
  }

  /// Every Greek, Cyrillic and Latin Extended Additional letter counted without ICU counts
  /// as ICU counts it, next to letters, digits, full stops, apostrophes and spaces.
  @Test func greekCyrillicAndVietnameseLettersEqualICU() {
    var compared = 0
    for v in UInt32(0x370)...0x1EFF where (0x370...0x52F).contains(v) || v >= 0x1E00 {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let c = String(scalar)
      for text in [c, "a\(c)b", "\(c).\(c)", "\(c)'\(c)", "1\(c)2", "\(c) \(c)\(c)", "\(c)1.5", "я\(c)ω"] {
        let simple = Self.simpleCounts(text)
        guard simple.words != nil || simple.characters != nil else { continue }
        for locale in ["en", "ru", "el", "vi"] {
          let slow = Self.slowCounts(text, locale: locale)
          if let words = simple.words { #expect(words == slow.words, "U+\(String(v, radix: 16)) \(text) \(locale)") }
          if let characters = simple.characters { #expect(characters == slow.characters, "\(text)") }
        }
        compared += 1
      }
    }
    #expect(compared > 5000)
  }

  /// Every Hebrew, Arabic, Devanagari and Tamil letter, digit and mark, and Hangul syllable,
  /// counted without ICU counts as ICU counts it, in every position the rules look at.
  @Test(arguments: [
    (0x591, 0x5FF, ["he", "en"]), (0x600, 0x6FF, ["ar", "en"]), (0x900, 0x97F, ["hi", "en"]),
    (0xB80, 0xBFF, ["ta", "en"]),
  ] as [(UInt32, UInt32, [String])])
  func otherScriptsEqualICU(range: (UInt32, UInt32, [String])) {
    let (low, high, locales) = range
    var compared = 0
    let base: [String] = ["a", "1", "ב", "ع", "क", "த", "한", "٣", "٫", "ं"]
    for v in low...high {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let c = String(scalar)
      var texts = [c, "\(c)\(c)", "\(c) \(c)", "\(c).\(c)", "\(c)'\(c)", "\(c),\(c)", "\(c)\"\(c)", " \(c)x"]
      for b in base { texts += ["\(b)\(c)", "\(c)\(b)", "\(b)\(c)\(b)", "\(b).\(c)", "\(b),\(c)", "\(c)'\(b)", "\(b)\"\(c)"] }
      for text in texts {
        let simple = Self.simpleCounts(text)
        guard simple.words != nil || simple.characters != nil else { continue }
        for locale in locales {
          let slow = Self.slowCounts(text, locale: locale)
          if let words = simple.words { #expect(words == slow.words, "U+\(String(v, radix: 16)) \(text) \(locale)") }
          if let characters = simple.characters { #expect(characters == slow.characters, "\(text)") }
        }
        compared += 1
      }
    }
    #expect(compared > 100)
  }

  @Test func textWithColonsOrUnderscoresGoesToICUForWords() {
    #expect(Self.simpleCounts("EU:n").words == nil)
    #expect(Self.simpleCounts("a_b").words == nil)
    #expect(Self.simpleCounts("EU:n").characters == 4)
    #expect(Self.simpleCounts("日本").words == nil)
    #expect(Self.simpleCounts("한국어").words == nil)
  }

  /// Every line of every corpora file, with its folder's locale.
  @Test func equalsICUOnTheCorpora() throws {
    var compared = 0
    for file in TestPaths.corporaFiles() {
      let bytes = try TestPaths.corporaBytes(file)
      guard let text = String(validating: bytes, as: UTF8.self) else { continue }
      let folder = String(file.prefix { $0 != "/" })
      let locale = folder == "mixed" ? "en" : folder
      for line in text.split(separator: "\n") {
        let line = String(line)
        let simple = Self.simpleCounts(line)
        if simple.words == nil && simple.characters == nil { continue }
        let slow = Self.slowCounts(line, locale: locale)
        if let words = simple.words { #expect(words == slow.words, "\(file): \(line)") }
        if let characters = simple.characters {
          #expect(characters == slow.characters, "\(file): \(line)")
        }
        compared += 1
      }
    }
    #expect(compared > 100)
  }
}

@Suite struct WhiteSpaceTests {
  /// The list the counter uses is the White_Space property, scalar by scalar.
  @Test func listEqualsTheUnicodeProperty() {
    for v in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(v) else { continue }
      #expect(WordCounter.isWhiteSpace(v) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
    }
  }
}

@Suite struct StandaloneCharacterTests {
  /// Each scalar the counter treats as a cluster of its own breaks from letters, from itself
  /// and from Hangul syllables on either side, so no grapheme rule can join it to a neighbour
  /// of the same kind (CR LF aside: both are white space, so neither is counted).
  @Test func standaloneScalarsBreakFromTheirNeighbours() {
    let neighbours: [Unicode.Scalar] = ["a", "가", "각", "中", "д"]
    var checked = 0
    for v in UInt32(0)...0xFFFF where WordCounter.isStandalone(v) {
      guard let s = Unicode.Scalar(v) else { continue }
      let own = String(s)
      #expect((own + own).count == 2, "U+\(String(v, radix: 16)) twice")
      for n in neighbours {
        let other = String(n)
        #expect((other + own).count == 2, "U+\(String(v, radix: 16)) after \(other)")
        #expect((own + other).count == 2, "U+\(String(v, radix: 16)) before \(other)")
      }
      checked += 1
    }
    #expect(checked > 40_000)
  }

  @Test(arguments: [
    "Привет, мир! Ελληνικά κείμενα.", "שלום עולם", "مرحبا بالعالم، كيف الحال؟", "日本語の文章です。",
    "한국어 문장입니다.", "ｶﾀｶﾅ　全角", "a\r\nb\tc", "Привет\u{301}", "ก้า", "नमस्ते", "😀👍🏽", "🇩🇪",
  ])
  func countsEqualGraphemeClusters(_ text: String) {
    var copy = text
    let fast = copy.withUTF8 { WordCounter.standaloneCharacters($0) }
    if let fast { #expect(fast == WordCounter.characters(in: Substring(text)), "\(text)") }
  }

  @Test func marksAndEmojiGoToGraphemeBreaking() {
    for text in ["Привет\u{301}", "ก้า", "नमस्ते", "😀👍🏽", "🇩🇪", "e\u{200D}"] {
      var copy = text
      #expect(copy.withUTF8 { WordCounter.standaloneCharacters($0) } == nil, "\(text)")
    }
  }
}
