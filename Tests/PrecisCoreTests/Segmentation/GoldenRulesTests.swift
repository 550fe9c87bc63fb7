import Foundation
import PrecisCore
import PrecisTestSupport
import Testing

/// The public sentence-splitting cases in `../shared/data/segmentation/golden_rules.jsonl`,
/// scored as `../shared/tools/eval-split --set golden` scores `precis split`: each case is
/// normalised and split in its language; it passes when the segments, stripped of white space
/// and without empty ones, equal the expected sentences, stripped.
///
/// The bars: at least 97 % of the verbatim cases (those whose expected sentences tile the text,
/// so pure segmentation can pass them), and at least 95 % of the verbatim cases of every
/// language with five or more of them. The cases Precis deliberately splits otherwise are
/// listed in SegmentationConventions.md.
@Suite struct GoldenRulesTests {
  struct Case: Decodable {
    let id: String
    let lang: String
    let text: String
    let sentences: [String]
    let verbatim: Bool?
  }

  static let overallBar = 0.97
  static let languageBar = 0.95

  static func cases() throws -> [Case] {
    let path = TestPaths.shared + "/data/segmentation/golden_rules.jsonl"
    let data = try String(contentsOfFile: path, encoding: .utf8)
    let decoder = JSONDecoder()
    return try data.split(separator: "\n").filter { !$0.isEmpty }.map {
      try decoder.decode(Case.self, from: Data($0.utf8))
    }
  }

  /// Python's `str.strip()`: Unicode white space and the four separator controls.
  static let strippable = CharacterSet.whitespacesAndNewlines.union(
    CharacterSet(charactersIn: "\u{1C}\u{1D}\u{1E}\u{1F}"))

  /// The segments of `text` as `precis split --lang LANGUAGE` prints them.
  static func split(_ text: String, language: String) throws -> [String] {
    var document = Document(source: "golden", text: text)
    document.language = LanguageTag(language)
    document = try Pipeline(stages: [
      TextNormalizer(options: .init()), SentenceSplitter(options: .init()),
    ])
    .apply(to: document)
    return document.segments.map { document.text(of: $0) }
  }

  static func passes(_ c: Case) throws -> Bool {
    let got = try split(c.text, language: c.lang).map { $0.trimmingCharacters(in: strippable) }
      .filter { !$0.isEmpty }
    let expected = c.sentences.map { $0.trimmingCharacters(in: strippable) }.filter { !$0.isEmpty }
    return got == expected
  }

  @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
  func meetsTheBars() throws {
    let cases = try Self.cases().filter { $0.verbatim ?? true }
    #expect(cases.count > 400)
    var passed: [String: Int] = [:]
    var total: [String: Int] = [:]
    var failed: [String] = []
    for c in cases {
      total[c.lang, default: 0] += 1
      if try Self.passes(c) {
        passed[c.lang, default: 0] += 1
      } else {
        failed.append(c.id)
      }
    }
    let accuracy = Double(cases.count - failed.count) / Double(cases.count)
    #expect(
      accuracy >= Self.overallBar,
      "verbatim accuracy \(accuracy); failing: \(failed.joined(separator: " "))")
    for (language, n) in total.sorted(by: { $0.key < $1.key }) where n >= 5 {
      let languageAccuracy = Double(passed[language, default: 0]) / Double(n)
      #expect(
        languageAccuracy >= Self.languageBar, "\(language): \(passed[language, default: 0])/\(n)")
    }
  }
}
