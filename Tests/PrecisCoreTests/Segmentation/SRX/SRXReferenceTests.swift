import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

/// The engine against a slow, literal reading of SRX 2.0: at each position, the first rule
/// whose `beforebreak` matches text ending there and whose `afterbreak` matches text
/// starting there decides; every start of `beforebreak` is tried.
@Suite struct SRXReferenceTests {
  struct Rule {
    var isBreak: Bool
    var before: String
    var after: String
  }

  /// Rules of the kinds CAT tools ship (abbreviations, initials, months before a number, a
  /// sentence end before a capital) and a few that exercise overlapping matches, searched
  /// no-break rules, look-behinds and empty patterns.
  static let rules: [Rule] = [
    Rule(
      isBreak: false, before: #"\b(pp|e\.?\s*g|i\.?\s*e|no|[Vv]ol|fig|vs)\."#,
      after: #"\s+[^\p{Lu}]"#),
    Rule(isBreak: false, before: #"\b(St|Dr|Mr|Ms|Mrs|Rev)\."#, after: #"\s+\p{Lu}"#),
    Rule(isBreak: false, before: #"((?i)jan|nov|dec)\."#, after: #"\s+\d"#),
    Rule(isBreak: false, before: #"([A-Z]\.){2,}"#, after: #"\s+[\P{Lu}]"#),
    Rule(isBreak: false, before: #"\s[a-z]\.\s"#, after: ""),
    Rule(isBreak: false, before: #"\s\p{Lu}\.\s+"#, after: #"\p{Lu}"#),
    Rule(isBreak: false, before: "", after: #"\s\d"#),
    Rule(isBreak: false, before: #"\b(ok\?|Nov\.)[\s\u00A0]+"#, after: ""),
    Rule(
      isBreak: true, before: #"\w+[\p{Pe}\p{Po}"]*[\.?!:]+[\p{Pe}\p{Po}"]*"#, after: #"\s+\P{Ll}"#),
    Rule(isBreak: true, before: #"[\n\u2029]"#, after: ""),
    Rule(isBreak: true, before: ".*", after: #"\s\s"#),
  ]

  static let srx: SRXRules = {
    let document = SRXDocument(
      source: "reference.srx", cascade: false,
      languageRules: [
        SRXDocument.LanguageRule(
          name: "Default",
          rules: rules.map {
            SRXDocument.Rule(isBreak: $0.isBreak, beforeBreak: $0.before, afterBreak: $0.after)
          })
      ],
      languageMaps: [SRXDocument.LanguageMap(languagePattern: ".*", languageRuleName: "Default")])
    return SRXRules(document)
  }()

  /// The breaks by the literal reading, as UTF-8 offsets, placed as the engine places them
  /// (before the white space), with line breaks always ending a segment.
  static func referenceBreaks(_ text: String) throws -> [Int] {
    let regexText = try RegexText(text)
    let befores = try rules.map {
      $0.before.isEmpty ? nil : try CompiledRegex($0.before).makeMatcher()
    }
    let afters = try rules.map {
      $0.after.isEmpty ? nil : try CompiledRegex($0.after).makeMatcher()
    }
    for m in befores + afters { try m?.reset(regexText) }
    let bytes = Array(text.utf8)
    func isSpace(_ k: Int) -> Bool {
      // The white space Precis trims, as scalars.
      let s = String(decoding: bytes[k...].prefix(4), as: UTF8.self).unicodeScalars.first!
      return [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000].contains(s.value)
        || (0x2000...0x200A).contains(s.value)
    }
    func canonical(_ p: Int) -> Int {
      var c = p
      while c > 0 {
        var start = c - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        if !isSpace(start) { break }
        c = start
      }
      return c
    }
    let end = canonical(bytes.count)
    var decided: [Int: Int] = [:]
    for p16 in 0...regexText.utf16Count {
      let p = regexText.utf8Offset(ofUTF16: p16)
      if p16 > 0 && p16 < regexText.utf16Count && regexText.utf8Offset(ofUTF16: p16 - 1) == p {
        continue
      }
      let c = canonical(p)
      guard c > 0 && c < end else { continue }
      for (i, _) in rules.enumerated() {
        if let after = afters[i], try !after.lookingAt(p16) { continue }
        if let before = befores[i] {
          var found = false
          for s in 0...p16 where s == p16 || regexText.unit(at: s) & 0xFC00 != 0xDC00 {
            guard try before.matches(exactly: s..<p16) else { continue }
            found = true
            break
          }
          if !found { continue }
        }
        if decided[c].map({ i < $0 }) ?? true { decided[c] = i }
        break
      }
    }
    var breaks = Set(decided.filter { rules[$0.value].isBreak }.keys)
    for (k, b) in bytes.enumerated() where b == 0x0A {
      let c = canonical(k + 1)
      if c > 0 && c < end { breaks.insert(c) }
    }
    return breaks.sorted() + [bytes.count]
  }

  static let words = [
    "Mr.", "Dr.", "e.g.", "U.S.", "A.", "I.", "fig.", "Nov.", "dec.", "3", "2.5", "word", "Word",
    "x",
    "Then", "ok?", "yes!", "\"Go.\"", "(see)", "no.", "end:", "B.", "vs.", "ü", "Über.", "😀", "日本。",
  ]
  static let spaces = [" ", " ", " ", "  ", "\n", "\u{A0}", "\u{3000}"]

  static let sentences = Gen<UInt64>.value(in: 0...UInt64.max).array(of: 1...24).map { randoms in
    var text = ""
    for (k, r) in randoms.enumerated() {
      if k > 0 { text += spaces[Int(r >> 32) % spaces.count] }
      text += words[Int(r & 0xFFFF_FFFF) % words.count]
    }
    return text
  }.withoutShrink()

  @Test func engineAgreesWithTheLiteralReading() async throws {
    await propertyCheck(count: 300, input: Self.sentences) { text in
      let (breaks, warnings) = try Self.srx.boundaries(in: text, language: .english)
      #expect(warnings.isEmpty)
      #expect(breaks == (try Self.referenceBreaks(text)), "\(text.debugDescription)")
    }
  }

  @Test(arguments: [
    "By J. R. R. Tolkien. Read it.",
    "Mr. Smith met Dr. Jones. They talked.",
    "On Nov. 3 we met.  Two spaces end this.",
    "It was 2.5 km. Then I. Went home.",
  ])
  func engineAgreesOnKnownCases(text: String) throws {
    #expect(
      try Self.srx.boundaries(in: text, language: .english).boundaries == Self.referenceBreaks(text)
    )
  }
}
