import Testing

@testable import PrecisCore

@Suite struct SRXTailTests {
  func tail(_ pattern: String) -> [String]? {
    SRXTail.lastCharacters(of: pattern, count: 2)?.map { set in
      guard let set else { return "*" }
      var s = ""
      s.unicodeScalars.append(contentsOf: set.sorted().compactMap(Unicode.Scalar.init))
      return s
    }
  }

  @Test(arguments: [
    ("\\b[Aa][Bb][Ss]\\.", [".", "Ss"]),
    ("\\b(Hr|Fr|Präs|Prof|Br|Schw)\\.", [".", "frsw"]),
    ("(?i)\\bmgr\\.\\s", [".", "Rr"]),
    ("\\bz\\.B\\.[\\h\\v]*", [".", "B"]),
    ("\\b(?:St|Dr)\\.(?=\\s)", [".", "rt"]),
    ("[A-Z]\\.", [".", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"]),
    ("\\p{Lu}\\.", [".", "*"]),
    ("a\\.?", [".a", "*"]),
    ("x(ab)?\\.", [".", "bx"]),
    ("\\u2026", ["…", "*"]),
    ("x\\x{2026}\\u00A0*", ["…", "x"]),
  ])
  func findsTheLastCharacters(pattern: String, expected: [String]) {
    #expect(tail(pattern) == expected)
  }

  @Test(arguments: ["\\s", "a|b\\s", "\\w+", "x\\s?[.\\s]", "(?x) a b"])
  func givesUpWhenTheEndIsNotPlain(pattern: String) {
    #expect(tail(pattern) == nil)
  }
}
