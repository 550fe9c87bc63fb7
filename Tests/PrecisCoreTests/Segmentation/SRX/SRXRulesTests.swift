import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct SRXRulesTests {
  /// An SRX file with one language rule, "Default", mapped from every language.
  func srx(_ rules: String, cascade: String = "yes", maps: String? = nil) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="http://www.lisa.org/srx20" version="2.0">
    <header segmentsubflows="yes" cascade="\(cascade)"/>
    <body>
    <languagerules>
    <languagerule languagerulename="Default">
    \(rules)
    </languagerule>
    <languagerule languagerulename="German">
    <rule break="no"><beforebreak>\\bz\\.B\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule>
    </languagerules>
    <maprules>
    \(maps ?? #"<languagemap languagepattern="de.*" languagerulename="German"/><languagemap languagepattern=".*" languagerulename="Default"/>"#)
    </maprules>
    </body>
    </srx>
    """
  }

  let sentenceEnd = #"<rule><beforebreak>[.?!]</beforebreak><afterbreak>\s</afterbreak></rule>"#

  func rules(_ text: String) throws -> SRXRules {
    try SRXRules(bytes: Array(text.utf8), source: "test.srx")
  }

  @Test func firstMatchingRuleDecides() throws {
    let noBreak =
      #"<rule break="no"><beforebreak>\bDr\.</beforebreak><afterbreak>\s</afterbreak></rule>"#
    // The exception comes first and wins; after the break rule it would never be reached.
    let exceptionFirst = try rules(srx(noBreak + sentenceEnd))
    let exceptionLast = try rules(srx(sentenceEnd + noBreak))
    let text = "Dr. Who came. He left."
    #expect(try SRXFiles.segments(text, rules: exceptionFirst) == ["Dr. Who came.", "He left."])
    #expect(try SRXFiles.segments(text, rules: exceptionLast) == ["Dr.", "Who came.", "He left."])
  }

  @Test func cascadeAppliesEveryMatchingMapInOrder() throws {
    let text = "Das ist z.B. gut. Ja."
    let cascading = try rules(srx(sentenceEnd))
    #expect(cascading.languageRuleNames(for: LanguageTag("de")!) == ["German", "Default"])
    #expect(
      try SRXFiles.segments(text, rules: cascading, language: "de") == ["Das ist z.B. gut.", "Ja."])
    // Without cascade the first map wins: German alone has no break rule.
    let first = try rules(srx(sentenceEnd, cascade: "no"))
    #expect(first.languageRuleNames(for: LanguageTag("de")!) == ["German"])
    #expect(try SRXFiles.segments(text, rules: first, language: "de") == [text])
    #expect(
      try SRXFiles.segments(text, rules: first, language: "en") == ["Das ist z.B.", "gut.", "Ja."])
  }

  @Test func patternICUCannotCompileIsAWarningNotAFailure() throws {
    let bad = #"<rule break="no"><beforebreak>(abc</beforebreak><afterbreak>\s</afterbreak></rule>"#
    let compiled = try rules(srx(bad + sentenceEnd))
    let warning = try #require(compiled.warnings.first)
    #expect(compiled.warnings.count == 1)
    #expect(warning.source == "test.srx")
    #expect(warning.languageRule == "Default")
    #expect(warning.ruleIndex == 1)
    #expect(warning.pattern == "(abc")
    #expect(warning.line == 7)
    #expect(warning.description.contains("U_REGEX_"))
    #expect(
      warning.description.hasPrefix("test.srx:7: languagerule 'Default' rule 1: pattern '(abc': "))
    // The other rules still work.
    #expect(try SRXFiles.segments("One. Two.", rules: compiled) == ["One.", "Two."])
  }

  @Test func runawayPatternGivesUpWithAWarning() throws {
    let runaway = #"<rule><beforebreak>(a+)+b</beforebreak><afterbreak></afterbreak></rule>"#
    let compiled = try rules(srx(runaway + sentenceEnd))
    #expect(compiled.warnings.isEmpty)
    let text =
      String(repeating: "a", count: 5000) + ". Next one.\n\nAnd "
      + String(repeating: "a", count: 300)
    let document = try SRXFiles.split(text, rules: compiled)
    #expect(document.warnings.count == 1)  // once: the rule is not tried again in this document
    #expect(
      document.warnings.first?.contains("languagerule 'Default' rule 1: pattern '(a+)+b'") == true)
    #expect(document.warnings.first?.contains("time limit") == true)
    // The other rule still split the text.
    #expect(document.segments.count == 3)
  }

  @Test func longRunsWithoutSpacesStayBounded() throws {
    // Each search covers one window, so "\w+" over a long run is not quadratic.
    let compiled = try rules(
      srx(#"<rule><beforebreak>\w+[.?!]</beforebreak><afterbreak>\s</afterbreak></rule>"#))
    let text = String(repeating: "x", count: 20_000) + ". Done."
    #expect(try SRXFiles.segments(text, rules: compiled).count == 2)
  }

  @Test func overlappingMatchesOfOneRuleAreFound() throws {
    // Each match ends with the space the next one starts with.
    let initials =
      #"<rule break="no"><beforebreak>\s[A-Z]\.\s</beforebreak><afterbreak></afterbreak></rule>"#
    let compiled = try rules(
      srx(initials + #"<rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>"#))
    #expect(
      try SRXFiles.segments("By J. R. R. Tolkien. Read it.", rules: compiled) == [
        "By J. R. R. Tolkien.", "Read it.",
      ])
  }

  @Test func emptyPatternsMatchAnywhere() throws {
    let everywhere = #"<rule break="no"></rule>"#
    let compiled = try rules(srx(everywhere + sentenceEnd))
    #expect(try SRXFiles.segments("One. Two.\nThree.", rules: compiled) == ["One. Two.", "Three."])
  }

  @Test func mapNamingAMissingRuleIsAWarning() throws {
    let compiled = try rules(
      srx(
        sentenceEnd,
        maps:
          #"<languagemap languagepattern="en" languagerulename="Nope"/><languagemap languagepattern=".*" languagerulename="Default"/>"#
      ))
    #expect(
      compiled.warnings.map(\.message) == [
        "languagemap names languagerule 'Nope', which the file does not have; map skipped"
      ])
    #expect(compiled.languageRuleNames(for: .english) == ["Default"])
  }

  @Test func segmentsAndGapsRebuildRandomText() async throws {
    let compiled = try rules(
      srx(
        #"<rule break="no"><beforebreak>\b[A-Z]\.</beforebreak><afterbreak>\s</afterbreak></rule>"#
          + sentenceEnd
          + #"<rule><beforebreak></beforebreak><afterbreak>\p{Lu}</afterbreak></rule>"#))
    await propertyCheck(count: 300, input: HardText.string(upTo: 120)) { text in
      for mode in SRXMode.allCases {
        let document = try SRXFiles.split(text, rules: compiled, mode: mode)
        #expect(Array(document.rebuiltText().utf8) == Array(document.text.utf8))
        var end = 0
        for segment in document.segments {
          #expect(segment.range.lowerBound >= end && !segment.range.isEmpty)
          end = segment.range.upperBound
        }
      }
    }
  }

  @Test func stageRefusesRulesThatWereNotRead() {
    var options = SentenceSplitter.Options()
    options.srx = SRXSplitOptions(file: "rules.srx")
    #expect(throws: StageError.self) { try SentenceSplitter(options: options) }
  }
}
