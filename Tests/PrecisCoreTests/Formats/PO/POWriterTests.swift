import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

@Suite struct POWriterTests {
  @Test func matchesGoldenFile() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let file = try #require(
      POWriter().files(for: prepared, baseName: "article", targetLanguage: LanguageTag("fr")).first)
    #expect(file.relativePath == "article.fr.po")
    expectGolden(file.contents, matches: "article.fr.po")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(format: POWriter.format, document: try FormatSamples.hardDocument())
  }

  @Test func stringsRoundTrip() async {
    await propertyCheck(count: 300, input: HardText.string()) { text in
      let quoted = POWriter.quoted(text)
      let lines = quoted.split(separator: "\n").map { Array($0.utf8)[...] }
      var decoded: [UInt8] = []
      for line in lines { decoded += try POReader.unquote(line, line: 1, name: "t") }
      #expect(
        Array(String(decoding: decoded, as: UTF8.self).unicodeScalars) == Array(text.unicodeScalars)
      )
    }
  }

  @Test func readsWhatTranslationToolsWrite() throws {
    let po = """
      # translator comment
      msgid ""
      msgstr ""
      "Language: de\\n"
      "X-Precis-Skeleton: a.skeleton.json\\n"

      #, fuzzy
      msgctxt "p1-1"
      msgid "One."
      msgstr "Eins?"

      msgctxt "p1-2"
      msgid ""
      "Two\\n"
      "lines \\"quoted\\" \\\\ \\t\\101."
      msgstr ""
      "Zwei\\n"
      "Zeilen."

      #~ msgctxt "old"
      #~ msgid "Gone."
      #~ msgstr "Weg."
      """
    let read = try POReader.read(po, name: "a.de.po")
    #expect(read.targetLanguage == "de")
    #expect(read.skeletonReference == "a.skeleton.json")
    #expect(read.entries.map(\.id) == ["p1-1", "p1-2"])
    #expect(read.entries[0].target == nil)  // fuzzy: not a translation yet
    #expect(read.entries[1].source == "Two\nlines \"quoted\" \\ \tA.")
    #expect(read.entries[1].target == "Zwei\nZeilen.")
  }

  @Test func mergeRefusesALostPlaceholder() throws {
    let prepared = PreparedDocument(try FormatSamples.document("Dear {name}, %s items."))
    let po = POWriter(fill: .copySource).render(
      prepared, targetLanguage: LanguageTag("de"), skeleton: nil
    )
    .replacingOccurrences(
      of: "msgstr \"Dear {name}, %s items.\"", with: "msgstr \"Liebe(r), %s Dinge.\"")
    let read = try POReader.read(po, name: "a.de.po")
    #expect {
      try SegmentMerger.merge(read, layout: Skeleton(prepared), name: "a.de.po")
    } throws: { error in
      (error as? MergeError)?.description
        == "a.de.po: segment '\(prepared.segments[0].id.rawValue)' (line 15): the target lost the code {name}; put it back where it belongs"
    }
  }
}
