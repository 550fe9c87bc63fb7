import Foundation
import PrecisTestSupport
import Testing

@Suite struct DetectCommandTests {
  static let mixed = TestPaths.corpora + "/mixed/en-with-french-quote.txt"

  @Test func printsTheLanguagesAsJSON() throws {
    let outcome = try PrecisBinary.run(["detect", "--format", "json", Self.mixed])
    #expect(outcome.status == 0)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["lang"] as? String == "en")
    #expect(object["script"] as? String == "Latn")
    #expect((object["confidence"] as? Double ?? 0) > 0.5)
    let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
    #expect(paragraphs.count == 11)
    #expect(paragraphs.compactMap { $0["lang"] as? String }.filter { $0 != "en" } == ["fr"])
    for (i, paragraph) in paragraphs.enumerated() {
      #expect(paragraph["index"] as? Int == i)
      #expect((paragraph["start"] as? Int ?? -1) < (paragraph["end"] as? Int ?? -1))
    }
  }

  @Test func printsTextByDefaultAndReadsStandardInput() throws {
    let outcome = try PrecisBinary.run(
      ["detect"], input: Array("Καλημέρα σας, τι κάνετε σήμερα;".utf8))
    #expect(outcome.status == 0)
    #expect(outcome.stdout.hasPrefix("el "))
    #expect(outcome.stdout.split(separator: "\n").count == 2)
  }

  @Test func splitDetectsTheLanguageUnlessGiven() throws {
    let auto = try PrecisBinary.run(["split", "--format", "jsonl", Self.mixed])
    #expect(auto.status == 0)
    let languages = try auto.stdout.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])[
        "lang"] as? String
    }
    #expect(Set(languages.compactMap { $0 }) == ["en", "fr"])
    let given = try PrecisBinary.run(["split", "--lang", "de", "--format", "jsonl", Self.mixed])
    #expect(given.stdout.contains("\"lang\":\"de\""))
    #expect(!given.stdout.contains("\"lang\":\"en\""))
    #expect(given.stdout.contains("\"lang\":\"fr\""))
  }
}
