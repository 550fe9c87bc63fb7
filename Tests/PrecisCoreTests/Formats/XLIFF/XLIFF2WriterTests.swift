import Testing

@testable import PrecisCore

@Suite struct XLIFF2WriterTests {
  let french = LanguageTag("fr")

  @Test func matchesGoldenFiles() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    expectGolden(XLIFF2Writer().render(prepared, targetLanguage: french), matches: "article.fr.xlf")
    expectGolden(
      XLIFF2Writer(fill: .pseudo).render(prepared, targetLanguage: french),
      matches: "article.pseudo.fr.xlf")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(format: XLIFF2Writer.format, document: try FormatSamples.hardDocument())
  }

  @Test func marksWhatNotToTranslate() throws {
    let xliff = XLIFF2Writer().render(
      PreparedDocument(try FormatSamples.hardDocument()), targetLanguage: french)
    let root = try XMLReader.parse(xliff)
    let units = root.descendants("unit")
    #expect(units.first?.attribute("translate") == "no")  // the boilerplate dateline
    #expect(units.dropFirst().allSatisfy { $0.attribute("translate") == nil })
    let marks = root.descendants("mrk").map(\.textContent)
    #expect(marks == ["https://example.org/news", "press@example.com", "`npm install`"])
    let codes = root.descendants("ph").compactMap { $0.attribute("disp") }
    #expect(codes == ["{name}", "%s", "{{count}}", "${total}", "%1$d", "<br/>"])
    #expect(xliff.contains("<cp hex=\"0001\"/>"))
  }

  @Test func unitsConcatenateToTheDocument() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let root = try XMLReader.parse(XLIFF2Writer().render(prepared, targetLanguage: french))
    var text = ""
    for unit in root.descendants("unit") {
      for part in unit.elements where part.localName == "segment" || part.localName == "ignorable" {
        text +=
          XLIFF2Reader.flatten(
            try #require(part.first("source")),
            data: Dictionary(
              uniqueKeysWithValues: (unit.first("originalData")?.elements("data") ?? []).map {
                ($0.attribute("id") ?? "", $0.textContent)
              })
          ).text
      }
    }
    #expect(text == prepared.text)
  }

  @Test func mergeRefusesALostCode() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    var xliff = XLIFF2Writer(fill: .copySource).render(prepared, targetLanguage: french)
    // Drop the first placeholder from the first target.
    let target = try #require(xliff.range(of: "<target>Hello"))
    let ph = try #require(xliff.range(of: "<ph ", range: target.upperBound..<xliff.endIndex))
    let end = try #require(xliff.range(of: "/>", range: ph.upperBound..<xliff.endIndex))
    xliff.removeSubrange(ph.lowerBound..<end.upperBound)
    let read = try XLIFF2Reader.read(xliff, name: "a.fr.xlf")
    let layout = try #require(read.layout)
    #expect {
      try SegmentMerger.merge(read, layout: layout, name: "a.fr.xlf")
    } throws: { error in
      let description = (error as? MergeError)?.description ?? ""
      return description.contains("lost the code {name}") && !description.contains("\n")
    }
  }

  @Test func readsPrefixedElementsAndGroups() throws {
    let xliff = """
      <?xml version="1.0"?>
      <x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
      <x:file id="f"><x:group id="g"><x:unit id="u"><x:segment id="s1"><x:source>Hi <![CDATA[<there>]]></x:source>
      <x:target>Hallo &lt;dort&gt;</x:target></x:segment><x:ignorable><x:source>&#10;</x:source></x:ignorable></x:unit></x:group></x:file>
      </x:xliff>
      """
    let read = try XLIFF2Reader.read(xliff, name: "p.xlf")
    let layout = try #require(read.layout)
    #expect(try SegmentMerger.merge(read, layout: layout, name: "p.xlf").text == "Hallo <dort>\n")
  }
}

@Suite struct XLIFF12WriterTests {
  @Test func matchesGoldenFile() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    expectGolden(
      XLIFF12Writer().render(prepared, targetLanguage: LanguageTag("fr")),
      matches: "article.fr.xliff12.xlf")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(format: XLIFF12Writer.format, document: try FormatSamples.hardDocument())
  }

  @Test func mergeRefusesAnUnknownID() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let xliff = XLIFF12Writer(fill: .copySource).render(prepared, targetLanguage: LanguageTag("fr"))
      .replacingOccurrences(
        of: "trans-unit id=\"\(prepared.segments[3].id.rawValue)\"",
        with: "trans-unit id=\"p000000000000-9\"")
    let read = try XLIFF12Reader.read(xliff, name: "a.fr.xliff12.xlf")
    #expect {
      try SegmentMerger.merge(read, layout: try #require(read.layout), name: "a.fr.xliff12.xlf")
    } throws: { error in
      (error as? MergeError)?.reason.contains("'p000000000000-9'") == true
    }
  }
}
