import PrecisCore
import PrecisTestSupport
import Testing

/// The SRX files that CAT tools ship, run over every corpora file.
@Suite(.enabled(if: SharedData.isAvailable, "needs ../shared"))
struct SRXFilesTests {
  @Test(arguments: SRXFiles.names)
  func loadsWithEveryRuleCompiled(name: String) throws {
    let rules = try SRXFiles.rules(name)
    #expect(!rules.document.languageRules.isEmpty)
    // Java-only syntax (LanguageTool's "(?U)" and unbounded look-behinds, an unescaped "}")
    // is rewritten, so every pattern in these files compiles with ICU.
    #expect(rules.warnings.isEmpty, "\(rules.warnings.prefix(3))")
  }

  @Test(arguments: SRXFiles.names)
  func splitsEveryCorporaFileInBothModes(name: String) throws {
    let rules = try SRXFiles.rules(name)
    for file in TestPaths.corporaFiles() {
      let folder = String(file.prefix { $0 != "/" })
      let decoded = try TextDecoder().decode(TestPaths.corporaBytes(file), source: file)
      for mode in SRXMode.allCases {
        var document = decoded
        document.language = LanguageTag(folder) ?? .english
        var options = SentenceSplitter.Options()
        options.srx = SRXSplitOptions(rules: rules, mode: mode)
        document = try Pipeline(stages: [
          TextNormalizer(options: .init()), SentenceSplitter(options: options),
        ])
        .apply(to: document)
        #expect(!document.segments.isEmpty, "\(name) \(mode) \(file)")
        #expect(
          document.warnings.isEmpty, "\(name) \(mode) \(file): \(document.warnings.prefix(2))")
        #expect(
          Array(document.rebuiltText().utf8) == Array(document.text.utf8), "\(name) \(mode) \(file)"
        )
      }
    }
  }

  @Test func cascadeJoinsEveryMatchingLanguageRule() throws {
    // LanguageTool: ".*" → GeneralImportant first, then the language, then ".*" → Default.
    let languageTool = try SRXFiles.rules("languagetool/segment.srx")
    #expect(
      languageTool.languageRuleNames(for: LanguageTag("de-AT")!) == [
        "GeneralImportant", "German", "Default",
      ])
    // OmegaT spells its patterns in upper case ("EN.*"); tags match ignoring case.
    let omegaT = try SRXFiles.rules("omegat/defaultRules.srx")
    #expect(omegaT.languageRuleNames(for: LanguageTag("en")!).first == "English")
    // Okapi's ICU4J file asks for ICU's breaks, so its default mode is refine.
    let okapi = try SRXFiles.rules("okapi/okapi_default_icu4j.srx")
    #expect(okapi.document.usesICUBreakRules)
    #expect(SRXSplitOptions(rules: okapi).effectiveMode == .refine)
    #expect(SRXSplitOptions(rules: languageTool).effectiveMode == .replace)
  }

  @Test func languageToolSplitsAbbreviationsAsItsRulesSay() throws {
    let rules = try SRXFiles.rules("languagetool/segment.srx")
    #expect(
      try SRXFiles.segments("Das ist z.B. gut. Wir gehen heim.", rules: rules, language: "de") == [
        "Das ist z.B. gut.", "Wir gehen heim.",
      ])
  }
}
