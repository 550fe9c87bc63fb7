import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

@Suite struct AlignedTextWriterTests {
  @Test func matchesGoldenFiles() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let files = AlignedTextWriter(fill: .pseudo).files(
      for: prepared, baseName: "article", targetLanguage: LanguageTag("fr"))
    #expect(files.map(\.relativePath) == ["article.en.txt", "article.fr.txt"])
    expectGolden(files[0].contents, matches: "article.en.txt")
    expectGolden(files[1].contents, matches: "article.pseudo.fr.txt")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(
      format: AlignedTextWriter.format, document: try FormatSamples.hardDocument())
  }

  @Test(arguments: [
    ("plain", "plain"), ("two\nlines", "two\\nlines"), ("back\\slash", "back\\\\slash"),
    ("tab\tkept", "tab\tkept"),
    ("bell\u{07}", "bell\\u0007"), ("cr\r", "cr\\r"), ("\\n literal", "\\\\n literal"),
    ("nel\u{85}", "nel\\u0085"),
  ])
  func escapesLineBreaksReversibly(text: String, escaped: String) {
    #expect(LineEscaping.escape(text, tabs: false) == escaped)
    #expect(LineEscaping.unescape(Substring(escaped).unicodeScalars) == text)
  }

  @Test func escapingRoundTripsOnRandomText() async {
    await propertyCheck(count: 500, input: HardText.string()) { text in
      for tabs in [false, true] {
        let escaped = LineEscaping.escape(text, tabs: tabs)
        #expect(!escaped.unicodeScalars.contains("\n") && !escaped.unicodeScalars.contains("\r"))
        #expect(
          Array(LineEscaping.unescape(Substring(escaped).unicodeScalars).unicodeScalars)
            == Array(text.unicodeScalars))
      }
    }
  }

  @Test func mergeRefusesADifferentLineCount() throws {
    let prepared = PreparedDocument(try FormatSamples.document("One. Two. Three."))
    let read = AlignedTextReader.read("Eins.\nZwei.\n", name: "a.de.txt")
    #expect {
      try SegmentMerger.merge(read, layout: Skeleton(prepared), name: "a.de.txt")
    } throws: { error in
      (error as? MergeError)?.reason.hasPrefix("has 2 lines but the document has 3 segments")
        == true
    }
  }

  @Test func mergesATranslation() throws {
    let prepared = PreparedDocument(try FormatSamples.document("One.  Two {n}.\n\nThree.\n"))
    let read = AlignedTextReader.read("Eins.\nZwei {n}.\n\n", name: "a.de.txt")
    let merged = try SegmentMerger.merge(read, layout: Skeleton(prepared), name: "a.de.txt")
    #expect(merged.text == "Eins.  Zwei {n}.\n\nThree.\n")
    #expect(merged.translated == 2 && merged.untranslated == 1)
  }
}
