import PrecisCore
import PrecisTestSupport
import Testing

/// Okapi's classic `defaultSegmentation.srx` (cascade="no"; Default, Thai and Khmer rules),
/// checked by hand against what its rules say. `¦` marks where each segment ends.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct SRXOkapiDefaultTests {
  static let file = "okapi/defaultSegmentation.srx"

  func expectSegments(
    _ marked: String, language: String = "en", mode: SRXMode = .replace,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let text = marked.split(separator: "¦", omittingEmptySubsequences: false).joined()
    let expected = marked.split(separator: "¦").map { String($0).trimmed }.filter { !$0.isEmpty }
    let rules = try SRXFiles.rules(Self.file)
    let segments = try SRXFiles.segments(text, rules: rules, mode: mode, language: language)
    #expect(segments == expected, sourceLocation: sourceLocation)
  }

  @Test(arguments: [
    // Rule 1, no break: "fig.", "e.g.", "vs." … when lower case or a digit follows.
    "See fig. 3 for the data. ¦It is clear.¦",
    "Cheap fruit, e.g. apples. ¦Pears too.¦",
    // … and only then: before a capital, rule 6 breaks after "e.g.".
    "Buy fruit, e.g. ¦Apples are cheap.¦",
    // Rule 2, no break: a title before a capitalised name.
    "Mr. Smith met Dr. Jones. ¦They talked.¦",
    // Rule 3, no break: a month (case-insensitive from "(?i)") before a number.
    "It opened on Nov. 3 in Paris. ¦Tickets sold out.¦",
    "Due DEC. 5 at noon. ¦Late fees apply.¦",
    // Rule 4, no break: initials before lower case; a capital after them breaks (rule 6).
    "He moved to the U.S. last year. ¦Then back.¦",
    "She left the U.S. ¦Then she returned.¦",
    // Rule 5, no break: "vs." before anything.
    "Smith vs. Jones was decided. ¦Appeal followed.¦",
    // Rule 6, break: word, closing punctuation, [.?!:], then space and no lower case.
    "Is it done? ¦Yes! ¦\"Quoted.\" ¦Next: ¦All good.¦",
    "Version 2.5 is out. ¦Update now.¦",
    "It costs 5 dollars. and more.¦",
    // Rule 8, break: ideographic full stops, nothing needed after.
    "雨が降った。¦彼は帰った。¦",
  ])
  func englishDefaultRules(marked: String) throws {
    try expectSegments(marked)
  }

  @Test func lineBreaksEndSegments() throws {
    // Rule 7 (break after a line break); Precis ends segments at line breaks in any case.
    try expectSegments("A heading without stop\n¦Body text. ¦More.¦")
  }

  @Test func thaiGetsOnlyTheThaiRuleBecauseCascadeIsOff() throws {
    // For "th" the first map ([Tt][Hh].*) wins, so the Default rules do not apply at all.
    try expectSegments("One. Two. Three.¦", language: "th")
    let thai = String(repeating: "ก", count: 20)
    try expectSegments("\(thai) ¦ต่อไป.¦", language: "th")
    try expectSegments("กกก ต่อไป.¦", language: "th")
  }

  @Test func khmerSignKhanBreaksBeforeSpace() throws {
    try expectSegments("ខ្ញុំទៅ។ ¦គាត់មក។¦", language: "km")
  }

  @Test func languageRulesFollowTheMaps() throws {
    let rules = try SRXFiles.rules(Self.file)
    #expect(rules.languageRuleNames(for: LanguageTag("th-TH")!) == ["Thai"])
    #expect(rules.languageRuleNames(for: LanguageTag("khm")!) == ["Khmer"])
    #expect(rules.languageRuleNames(for: LanguageTag("de")!) == ["Default"])
  }

  @Test func refineKeepsICUBreaksNoRuleSpeaksTo() throws {
    // The built-in splitter ends a sentence run into the next ("world.Today"); no Okapi
    // rule matches there (rule 6 wants a space).
    let text = "Hello world.Today is Tuesday."
    #expect(try SRXFiles.segments(text, rules: nil) == ["Hello world.", "Today is Tuesday."])
    #expect(try SRXFiles.segments(text, rules: SRXFiles.rules(Self.file), mode: .replace) == [text])
    #expect(
      try SRXFiles.segments(text, rules: SRXFiles.rules(Self.file), mode: .refine) == [
        "Hello world.", "Today is Tuesday.",
      ])
  }

  @Test func refineLetsNoBreakRulesOverruleICU() throws {
    // The built-in splitter does not know "Revd." and splits after it; rule 2 says not to.
    let text = "Is Revd. Watson there? Yes."
    #expect(try SRXFiles.segments(text, rules: nil) == ["Is Revd.", "Watson there?", "Yes."])
    #expect(
      try SRXFiles.segments(text, rules: SRXFiles.rules(Self.file), mode: .refine) == [
        "Is Revd. Watson there?", "Yes.",
      ])
  }
}

extension String {
  var trimmed: String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }
}
