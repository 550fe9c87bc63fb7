import Testing

@testable import PrecisCore

@Suite struct TSVWriterTests {
  @Test(arguments: [
    "plain", "tab\there", "line\nbreak", "back\\slash\\n", "cr\rx", "\\", "", "bell\u{07}",
    "\\u0041",
  ])
  func escapingRoundTrips(field: String) {
    let escaped = TSVWriter.escape(field)
    #expect(!escaped.contains("\t") && !escaped.contains("\n"))
    #expect(TSVWriter.unescape(Substring(escaped)) == field)
  }

  @Test func writesOneLinePerSegment() throws {
    let pipeline = try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()),
    ])
    let document = try pipeline.apply(to: Document(source: "t", text: "One.\tTab. Two.\n\nThree."))
    let lines = TSVWriter().render(document, targetLanguage: nil).split(separator: "\n")
    #expect(lines.count == 1 + document.segments.count)
    #expect(lines.first == "id\tsource\ttarget\tnotes")
  }

  @Test func matchesGoldenFile() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    expectGolden(TSVWriter().render(prepared, targetLanguage: nil), matches: "article.segments.tsv")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(format: TSVWriter.format, document: try FormatSamples.hardDocument())
  }

  @Test func mergeRefusesAMissingSegment() throws {
    let prepared = PreparedDocument(try FormatSamples.document("One. Two."))
    var lines = TSVWriter(fill: .copySource).render(prepared, targetLanguage: nil).split(
      separator: "\n")
    lines.remove(at: 1)
    let read = try TSVReader.read(lines.joined(separator: "\n"), name: "a.segments.tsv")
    #expect {
      try SegmentMerger.merge(read, layout: Skeleton(prepared), name: "a.segments.tsv")
    } throws: { error in
      (error as? MergeError)?.reason.contains("'\(prepared.segments[0].id.rawValue)' is missing")
        == true
    }
  }
}
