import Foundation
import Testing

@testable import PrecisCore

@Suite struct SplitRulesTests {
  /// `Sources/PrecisCore/Segmentation/Rules`, found from this file.
  static var rulesFolder: URL {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("Sources/PrecisCore/Segmentation/Rules")
  }

  @Test func everyRuleFileIsListedAndWellFormed() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.rulesFolder.path)
      .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    #expect(files.contains("und"))
    #expect(files.filter { $0 != "und" } == SplitRules.languages)
    #expect(SplitRules.problems == [])
  }

  func parse(_ text: String) -> (SplitRules, [String]) {
    var parser = RuleFileParser(name: "test.txt")
    let bytes = Array(text.utf8)
    let rules = bytes.withUnsafeBufferPointer { parser.parse($0).rules }
    return (rules, parser.problems)
  }

  @Test func parserReportsMistakesWithTheirLine() {
    let (_, problems) = parse(
      "[never-end]\nDr.\n[abbreviations]\nz.B.\n[settings]\nordinals = maybe\n")
    #expect(problems.count == 2)
    #expect(problems.first?.hasPrefix("test.txt:3: unknown section [abbreviations]") == true)
    #expect(problems.last?.hasPrefix("test.txt:6: bad setting 'ordinals = maybe'") == true)
  }

  @Test func parserReadsWordsSettingsAndComments() {
    let (rules, problems) = parse(
      "# comment\n[may-end]\netc. usw.  # trailing comment\n[settings]\nordinals = yes\n[terminators]\n:\n"
    )
    #expect(problems == [])
    #expect(rules.ordinals)
    #expect(rules.terminators.contains(0x3A) && !rules.terminators.contains(0x2E))
    #expect(contains(rules.mayEnd, "usw."))
    #expect(!contains(rules.mayEnd, "#"))
  }

  func contains(_ table: WordTable, _ word: String) -> Bool {
    let bytes = Array(word.utf8)
    return bytes.withUnsafeBufferPointer { table.contains(0..<$0.count, in: $0) }
  }

  @Test func lowerCaseWordsMatchAnyCaseCapitalisedOnlyAsWritten() {
    var table = WordTable()
    for word in ["etc.", "U.S.", "проф."] {
      Array(word.utf8).withUnsafeBufferPointer { table.insert($0) }
    }
    #expect(contains(table, "etc.") && contains(table, "Etc.") && contains(table, "ETC."))
    #expect(contains(table, "U.S.") && !contains(table, "u.s."))
    #expect(contains(table, "Проф."))
    // Bidi marks around a full stop do not hide an abbreviation.
    #expect(contains(table, "e\u{202A}tc.\u{202C}"))
  }
}
