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

  @Test func textWithColonsOrUnderscoresGoesToICUForWords() {
    #expect(Self.simpleCounts("EU:n").words == nil)
    #expect(Self.simpleCounts("a_b").words == nil)
    #expect(Self.simpleCounts("EU:n").characters == 4)
    #expect(Self.simpleCounts("日本").words == nil)
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
