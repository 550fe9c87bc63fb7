import Foundation
import PrecisTestSupport
import Testing

@Suite struct SummarizeCommandTests {
  @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
  func scrapedArticleSummaryStartsWithTheRealFirstSentence() throws {
    let path = TestPaths.shared + "/data/examples/news-az-nato.txt"
    let outcome = try PrecisBinary.run(["summarize", "--sentences", "3", path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("Azerbaijan’s President Ilham Aliyev has stressed") == true, "\(lines)")
    #expect(!lines.contains { $0.contains("16 px") || $0 == "News.Az" })
  }

  @Test func jsonHasOffsetsIntoTheNormalisedText() throws {
    let path = TestPaths.corpora + "/de/hochwasserschutz.txt"
    let outcome = try PrecisBinary.run(["summarize", "--lang", "de", "--format", "json", "--sentences", "2", path])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    #expect(object["lang"] as? String == "de")
    let sentences = try #require(object["sentences"] as? [[String: Any]])
    #expect(sentences.count == 2)
    let normalized = Array(try PrecisBinary.run(["normalize", path]).stdout.utf8)
    var previous = (index: -1, end: -1)
    for sentence in sentences {
      let start = try #require(sentence["start"] as? Int)
      let end = try #require(sentence["end"] as? Int)
      let index = try #require(sentence["index"] as? Int)
      let score = try #require(sentence["score"] as? Double)
      // In document order; two sentences quoted in one segment share its index.
      #expect(index >= previous.index && start >= previous.end)
      previous = (index, end)
      #expect((0...1).contains(score))
      #expect(String(decoding: normalized[start..<end], as: UTF8.self) == sentence["text"] as? String)
    }
  }

  @Test func wordLimitsAndUsageErrors() throws {
    let path = TestPaths.corpora + "/en/library-budget.txt"
    let words = try PrecisBinary.run(["summarize", "--lang", "en", "--words", "30", path])
    #expect(words.status == 0)
    // Whole sentences near 30 words: past 30 only when the last ends closer to 30 than without it.
    let lines = words.stdout.split(separator: "\n").map { $0.split(whereSeparator: { $0.isWhitespace }).count }
    let total = lines.reduce(0, +)
    #expect(!lines.isEmpty && (total <= 30 || total - 30 < 30 - (total - lines.last!)), "\(lines)")
    let cut = try PrecisBinary.run(["summarize", "--lang", "en", "--budget-words", "25", "--cut", path])
    #expect(cut.status == 0)
    #expect(cut.stdout.split(whereSeparator: { $0.isWhitespace }).count <= 26)
    let both = try PrecisBinary.run(["summarize", "--sentences", "2", "--words", "20", path])
    #expect(both.status == 64)
    #expect(both.stderr.contains("one of"))
  }

  @Test func pipelineFileWithoutScoreIsRefused() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let pipeline = folder + "/p.yaml"
    try "version: 1\nstages:\n  - kind: normalize\n  - kind: split\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
    let outcome = try PrecisBinary.run(["summarize", "--pipeline", pipeline, TestPaths.corpora + "/en/tram-line-opens.txt"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("score"))
  }

  @Test func runWritesSummaryFiles() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let output = folder + "/out"
    let outcome = try PrecisBinary.run([
      "run", TestPaths.corpora + "/zh", "--pipeline", TestPaths.pipelines + "/summarize.yaml", "--output", output,
      "--lang", "zh", "--quiet",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let summary = try String(contentsOfFile: output + "/ditie-xinxian.summary.txt", encoding: .utf8)
    #expect(summary.split(separator: "\n").count == 3)
    #expect(!summary.contains("首页"))
  }
}
