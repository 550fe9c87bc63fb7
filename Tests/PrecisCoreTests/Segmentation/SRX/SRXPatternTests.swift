import Testing

@testable import PrecisCore

@Suite struct SRXPatternTests {
  @Test(arguments: [
    // Java-only flags go; ICU's classes are always Unicode.
    ("(?U)\\p{Ll}", "\\p{Ll}"),
    ("(?iu)\\bmgr\\.", "(?i)\\bmgr\\."),
    ("(?iU:ab)c", "(?i:ab)c"),
    ("(?U:ab)c", "(?:ab)c"),
    // Unbounded look-behinds get a bound; a possessive "+" stays what it is.
    ("(?<![іи]\\s+)\\bдр\\.", "(?<![іи]\\s{1,100})\\bдр\\."),
    ("(?<=a*b{2,})c", "(?<=a{0,100}b{2,100})c"),
    ("(?<=a*+)c", "(?<=a{0,100}+)c"),
    ("a+(?<=x{1,3})", "a+(?<=x{1,3})"),
    // A stray closing brace is a literal in Java.
    ("<0}", "<0\\}"),
    ("\\p{Lu}{2,}", "\\p{Lu}{2,}"),
    // Okapi's inline-code marker matches nothing in plain text; [noauto] goes.
    ("\\Y\\.", "(?!)\\."),
    ("abc[noauto]", "abc"),
    // What ICU reads as Java does is left alone.
    ("[\\p{L}&&[^rwn]]\\.\\s+", "[\\p{L}&&[^rwn]]\\.\\s+"),
    ("\\Q(a+)\\E", "\\Q(a+)\\E"),
    ("[]a]", "[\\]a]"),
  ])
  func rewritesJavaForICU(java: String, icu: String) {
    #expect(SRXPattern.icuPattern(fromJava: java) == icu)
  }

  @Test(arguments: [
    (".*\\.at", "\\.at"),
    (".*", ""),
    ("\\w+\\.", "\\w\\."),
    ("[\\p{Ll}\\p{Lu}]+\\s*[.?!]+", "[\\p{Ll}\\p{Lu}]\\s*[.?!]+"),
    ("\\s*\\s+x", "\\sx"),
    ("(?i)[a-z]+\\.", "(?i)[a-z]\\."),
    ("\\d{2,}\\.", "\\d{2}\\."),
    ("x*?y", "y"),
    // Left alone: possessive, a group, an anchor, a zero-width escape, a single atom.
    ("a++a", "a++a"),
    ("(ab)+c", "(ab)+c"),
    ("^[0-9.]+", "^[0-9.]+"),
    ("\\b\\w+", "\\b\\w+"),
    ("\\bDr\\.", "\\bDr\\."),
  ])
  func trimsLeadingRepeatsOfBeforeBreak(before: String, trimmed: String) {
    #expect(SRXPattern.trimmingLeadingRepeats(before) == trimmed)
  }

  @Test(arguments: [
    ("\\s+\\P{Ll}", "\\s+\\P{Ll}"),
    ("\\s+", "\\s"),
    ("x.*", "x"),
    ("\\s[A-Z]+", "\\s[A-Z]"),
    ("[^\\s]+", "[^\\s]"),
    ("\\p{Lu}{2,}", "\\p{Lu}{2}"),
    ("(a|b)+", "(a|b)+"),
    ("\\.*", ""),
    ("a\\.*", "a"),
    ("a\\u00A0*", "a"),
    ("\\x{2026}\\x41+", "\\x{2026}\\x41"),
  ])
  func trimsTrailingRepeatsOfAfterBreak(after: String, trimmed: String) {
    #expect(SRXPattern.trimmingTrailingRepeats(after) == trimmed)
  }

  @Test func tokensRebuildThePattern() {
    for pattern in [
      "[]a]+(?:x|[(])\\p{L}{2,3}?\\Q.*\\E$", "(?<=(a)[)])b", "\\x{1F600}+",
      "\\u00A0+\\cA\\0101\\k<n>",
    ] {
      #expect(PatternToken.split(pattern).map(\.text).joined() == pattern)
    }
  }

  @Test(arguments: [
    ("\\bz\\.B\\.\\s*", "\\bz\\.B\\."),
    ("\\.[\\s\\u00A0]+", "\\.[\\s\\u00A0]"),
    ("x[\\h\\v]*\\s{2,}", "x[\\h\\v]*\\s{2}"),
    // Not white space, or not only: left alone.
    ("\\.\\w*", "\\.\\w*"),
    ("a|b\\s*", "a|b\\s*"),
  ])
  func trimsTrailingSpaceOfBeforeBreakWhenNothingMustFollow(before: String, trimmed: String) {
    #expect(SRXPattern.trimmingTrailingSpace(before) == trimmed)
  }
}
