import PrecisICU
import Testing

@Suite struct RegexTests {
  func matches(_ pattern: String, in text: String) throws -> [Range<Int>] {
    let matcher = try CompiledRegex(pattern).makeMatcher()
    try matcher.reset(RegexText(text))
    var found: [Range<Int>] = []
    while let match = try matcher.findNext() { found.append(match) }
    return found
  }

  @Test func findsMatchesAsUTF16Ranges() throws {
    // "é" is one unit, "😀" two.
    #expect(try matches("\\w+", in: "é😀ab c") == [0..<1, 3..<5, 6..<7])
  }

  @Test func mapsUTF16OffsetsToUTF8() throws {
    let text = try RegexText("é😀a")
    #expect(text.utf16Count == 4)
    #expect((0...4).map(text.utf8Offset(ofUTF16:)) == [0, 2, 2, 6, 7])
  }

  @Test func unicodeClassesAreUnicode() throws {
    #expect(try matches("\\p{Lu}\\.", in: "É. x") == [0..<2])
    #expect(try matches("[\\p{L}&&[^a]]+", in: "bäa") == [0..<2])
  }

  @Test func lookingAtAndRegionsSeeTheTextAround() throws {
    let matcher = try CompiledRegex("(?<=Dr\\.)\\s").makeMatcher()
    try matcher.reset(RegexText("Dr. Who"))
    #expect(try matcher.lookingAt(3))
    #expect(try !matcher.lookingAt(4))
    // The region starts after "Dr."; the look-behind still sees it (transparent bounds).
    #expect(try matcher.firstMatch(in: 3..<7) == 3..<4)
  }

  @Test func matchesWholeString() throws {
    let regex = try CompiledRegex("en.*", options: .caseInsensitive)
    #expect(try regex.matchesWhole("EN-gb"))
    #expect(try !regex.matchesWhole("de"))
  }

  @Test func badPatternNamesICUsError() {
    #expect(throws: RegexSyntaxError.self) { try CompiledRegex("(?<=a+)b") }
    do {
      _ = try CompiledRegex("a(b")
    } catch {
      #expect(error.name.hasPrefix("U_REGEX_"))
      #expect(error.pattern == "a(b")
    }
  }

  @Test func runawayBacktrackingStopsAtTheTimeLimit() throws {
    let matcher = try CompiledRegex("(a+)+b").makeMatcher(timeLimit: 5)
    try matcher.reset(RegexText(String(repeating: "a", count: 64)))
    #expect(throws: RegexMatchError.timeLimitExceeded) { _ = try matcher.findNext() }
  }

  @Test func matchersFromOneRegexWorkApart() throws {
    let regex = try CompiledRegex("\\d+")
    let a = try regex.makeMatcher()
    let b = try regex.makeMatcher()
    try a.reset(RegexText("12 x"))
    try b.reset(RegexText("x 345"))
    #expect(try a.findNext() == 0..<2)
    #expect(try b.findNext() == 2..<5)
  }

  @Test func boundsInsideASurrogatePairKeepWholeCharacters() throws {
    // "😀" is units 1 and 2; a region or start at 2 would split it.
    let matcher = try CompiledRegex("(?<=\\p{So})x|\\p{So}").makeMatcher()
    try matcher.reset(RegexText("a😀x😀"))
    #expect(try matcher.firstMatch(in: 2..<5) == 3..<4)
    #expect(try matcher.firstMatch(in: 0..<5) == 1..<3)
    #expect(try !matcher.lookingAt(2))
    #expect(try matcher.find(from: 2) == 3..<4)
  }
}
