import Foundation
import PrecisCore
import Testing

/// Thai sentence ends, found at spaces, against `Fixtures/thai-boundaries.txt` (original
/// text written for Precis, 57 sentences in 10 paragraphs, boundaries marked with `¦`).
///
/// The score is boundary precision, recall and F1 over all paragraphs; a boundary is the
/// UTF-8 offset where a sentence other than a paragraph's first starts. The bar, F1 ≥ 0.85
/// with precision and recall ≥ 0.80, is what the rules in `th.txt` reach with room for small
/// changes in ICU's Thai dictionary; ICU's sentence iterator alone finds no Thai boundary.
@Suite struct ThaiSentenceTests {
  struct Score {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
  }

  static func paragraphs() throws -> [String] {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    let text = try String(
      contentsOf: url.appendingPathComponent("Fixtures/thai-boundaries.txt"), encoding: .utf8)
    return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
  }

  /// The text without marks, and the UTF-8 offsets where the marks stood.
  static func unmark(_ marked: String) -> (String, Set<Int>) {
    var text = ""
    var boundaries: Set<Int> = []
    for character in marked {
      if character == "¦" {
        boundaries.insert(text.utf8.count)
      } else {
        text.append(character)
      }
    }
    return (text, boundaries)
  }

  static func score() throws -> Score {
    var score = Score()
    for marked in try paragraphs() {
      let (text, expected) = unmark(marked)
      var document = Document(source: "th", text: text)
      document.language = LanguageTag("th")
      document = try SentenceSplitter(options: .init()).apply(to: document)
      let found = Set(document.segments.map(\.range.lowerBound).filter { $0 > 0 })
      score.truePositives += found.intersection(expected).count
      score.falsePositives += found.subtracting(expected).count
      score.falseNegatives += expected.subtracting(found).count
    }
    return score
  }

  @Test func fixtureHasEnoughSentences() throws {
    let paragraphs = try Self.paragraphs()
    let sentences = paragraphs.reduce(0) { $0 + $1.filter { $0 == "¦" }.count + 1 }
    #expect(sentences >= 40)
  }

  @Test func findsThaiSentenceEnds() throws {
    let score = try Self.score()
    let summary = String(format: "P %.3f R %.3f F1 %.3f", score.precision, score.recall, score.f1)
    #expect(score.f1 >= 0.85, "\(summary)")
    #expect(score.precision >= 0.80, "\(summary)")
    #expect(score.recall >= 0.80, "\(summary)")
  }
}
