import PrecisICU

/// The rules of an SRX 2.0 file, compiled with ICU, ready to segment text.
///
/// Patterns are rewritten from Java's syntax to ICU's (see ``SRXPattern``) and compiled
/// once. A pattern ICU cannot compile is reported in ``warnings`` and its rule skipped; the
/// other rules keep their order. Matching has a time limit per match, so a pattern that
/// backtracks without end gives a warning instead of a hang.
///
/// A value: it can be shared between threads; each thread matches with its own matchers.
public struct SRXRules: Sendable, Equatable {
  /// The file as read.
  public let document: SRXDocument
  /// What was skipped while compiling: rules whose pattern ICU rejects, maps that name a
  /// missing language rule.
  public let warnings: [SRXWarning]
  /// The most work one match may do, in ICU's units of about 10,000 backtracking steps.
  public let timeLimit: Int
  let storage: Storage

  /// The time limit used unless another is given: far above what a sane rule needs on one
  /// window of text, low enough that a runaway pattern gives up in a fraction of a second.
  public static let defaultTimeLimit = 200

  /// Compiles the rules of `document`.
  public init(_ document: SRXDocument, timeLimit: Int = SRXRules.defaultTimeLimit) {
    var warnings: [SRXWarning] = []
    var languageRules: [String: SRXCompiledLanguageRule] = [:]
    for languageRule in document.languageRules {
      if languageRules[languageRule.name] != nil {
        warnings.append(
          SRXWarning(
            source: document.source, line: languageRule.line,
            message: "a second languagerule named '\(languageRule.name)'; the first one is used"))
        continue
      }
      var problems: [SRXCompiledRule.Problem] = []
      languageRules[languageRule.name] = SRXCompiledLanguageRule(languageRule, problems: &problems)
      for problem in problems {
        warnings.append(
          SRXWarning(
            source: document.source, line: problem.rule.line, languageRule: languageRule.name,
            ruleIndex: problem.rule.index, pattern: problem.pattern,
            message: "ICU cannot compile it (\(problem.error)); rule skipped"))
      }
    }
    var maps: [Storage.Map] = []
    for map in document.languageMaps {
      guard languageRules[map.languageRuleName] != nil else {
        warnings.append(
          SRXWarning(
            source: document.source, line: map.line,
            message:
              "languagemap names languagerule '\(map.languageRuleName)', which the file does not have; map skipped"
          ))
        continue
      }
      do {
        let regex = try CompiledRegex(
          SRXPattern.icuPattern(fromJava: map.languagePattern), options: .caseInsensitive)
        maps.append(Storage.Map(pattern: regex, languageRuleName: map.languageRuleName))
      } catch {
        warnings.append(
          SRXWarning(
            source: document.source, line: map.line, pattern: map.languagePattern,
            message: "ICU cannot compile this languagepattern (\(error)); map skipped"))
      }
    }
    self.document = document
    self.warnings = warnings
    self.timeLimit = timeLimit
    self.storage = Storage(languageRules: languageRules, maps: maps, cascade: document.cascade)
  }

  /// Reads and compiles an SRX file's bytes.
  ///
  /// - Throws: `SRXFileError` when the file is not well-formed XML or not SRX 2.0.
  public init(bytes: [UInt8], source: String, timeLimit: Int = SRXRules.defaultTimeLimit)
    throws(SRXFileError)
  {
    self.init(try SRXDocument(bytes: bytes, source: source), timeLimit: timeLimit)
  }

  /// The names of the language rules that apply to `language`, in the order they apply.
  ///
  /// Each `languagepattern` is matched against the whole language tag (such as `en` or
  /// `pt-BR`), ignoring case. With `cascade="yes"` every matching map applies, in file
  /// order; otherwise only the first.
  public func languageRuleNames(for language: LanguageTag) -> [String] {
    storage.languageRuleNames(for: language.rawValue)
  }

  public static func == (lhs: SRXRules, rhs: SRXRules) -> Bool {
    lhs.document == rhs.document && lhs.timeLimit == rhs.timeLimit
  }

  /// The compiled patterns; a class so that a thread's matchers can be keyed by its identity.
  final class Storage: Sendable {
    struct Map: Sendable {
      let pattern: CompiledRegex
      let languageRuleName: String
    }

    let languageRules: [String: SRXCompiledLanguageRule]
    let maps: [Map]
    let cascade: Bool

    init(languageRules: [String: SRXCompiledLanguageRule], maps: [Map], cascade: Bool) {
      self.languageRules = languageRules
      self.maps = maps
      self.cascade = cascade
    }

    func languageRuleNames(for code: String) -> [String] {
      var names: [String] = []
      for map in maps {
        // A language pattern that cannot be matched (it ran out of time) does not match.
        guard (try? map.pattern.matchesWhole(code)) == true else { continue }
        if !names.contains(map.languageRuleName) { names.append(map.languageRuleName) }
        if !cascade { break }
      }
      return names
    }

    /// The rules for `code`, in the order they are consulted, and their runs of probe rules.
    func rules(for code: String) -> (rules: [SRXCompiledRule], runs: [SRXProbeRun]) {
      var rules: [SRXCompiledRule] = []
      var runs: [SRXProbeRun] = []
      for name in languageRuleNames(for: code) {
        guard let languageRule = languageRules[name] else { continue }
        let offset = rules.count
        rules += languageRule.rules
        runs += languageRule.runs.map { $0.shifted(by: offset) }
      }
      return (rules, runs)
    }
  }
}
