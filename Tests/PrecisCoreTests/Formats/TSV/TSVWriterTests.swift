import PrecisCore
import Testing

@Suite struct TSVWriterTests {
  @Test(arguments: ["plain", "tab\there", "line\nbreak", "back\\slash\\n", "cr\rx", "\\", ""])
  func escapingRoundTrips(field: String) {
    let escaped = TSVWriter.escape(field)
    #expect(!escaped.contains("\t") && !escaped.contains("\n"))
    #expect(TSVWriter.unescape(Substring(escaped)) == field)
  }

  @Test func writesOneLinePerSegment() throws {
    let pipeline = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
    let document = try pipeline.apply(to: Document(source: "t", text: "One.\tTab. Two.\n\nThree."))
    let lines = TSVWriter().render(document, targetLanguage: nil).split(separator: "\n")
    #expect(lines.count == 1 + document.segments.count)
    #expect(lines.first == "id\tsource\ttarget\tnotes")
  }
}
