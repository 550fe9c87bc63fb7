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
      var compiled: [SRXCompiledRule] = []
      for (k, rule) in languageRule.rules.enumerated() {
        switch SRXCompiledRule.compile(rule, in: languageRule.name, index: k + 1) {
        case let .success(c): compiled.append(c)
        case let .failure(problem):
          warnings.append(
            SRXWarning(
              source: document.source, line: rule.line, languageRule: languageRule.name,
              ruleIndex: k + 1, pattern: problem.pattern,
              message: "ICU cannot compile it (\(problem.error)); rule skipped"))
        }
      }
      languageRules[languageRule.name] = SRXCompiledLanguageRule(rules: compiled)
    }
    var maps: [Storage.Map] = []
    for map in document.languageMaps {
      guard languageRules[map.languageRuleName] != nil else {
        warnings.append(
          SRXWarning(
            source: document.source, line: map.line,
            message: "languagemap names languagerule '\(map.languageRuleName)', which the file does not have; map skipped"))
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
  public init(bytes: [UInt8], source: String, timeLimit: Int = SRXRules.defaultTimeLimit) throws(SRXFileError) {
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

/// One rule, compiled for the way it is matched.
final class SRXCompiledRule: Sendable {
  /// How a rule is matched.
  enum Check: Sendable {
    /// Searched for along the text as `(?:before)(?=after)`: each match ends at a position
    /// where the rule applies. Break rules, and no-break rules whose `beforebreak` can be
    /// any length.
    case scan(CompiledRegex)
    /// Tried at one position as `(?<=(?:before))(?=(?:after))`: no-break rules whose
    /// `beforebreak` has a bounded length, which ICU's look-behind needs. `pattern` is the
    /// ICU pattern, kept to merge a run of such rules into one.
    case probe(CompiledRegex, pattern: String)
    /// Both patterns empty: the rule applies at every position.
    case everywhere
  }

  let isBreak: Bool
  let check: Check
  /// `beforebreak` in ICU syntax, trimmed (see ``SRXPattern/trimmingLeadingRepeats(_:)``).
  let trimmedBefore: String?
  let languageRule: String
  /// 1-based position in its language rule.
  let index: Int
  let line: Int
  /// The patterns as written, for messages.
  let beforeBreak: String
  let afterBreak: String

  init(
    isBreak: Bool, check: Check, trimmedBefore: String?, languageRule: String, index: Int, line: Int,
    beforeBreak: String, afterBreak: String
  ) {
    self.isBreak = isBreak
    self.check = check
    self.trimmedBefore = trimmedBefore
    self.languageRule = languageRule
    self.index = index
    self.line = line
    self.beforeBreak = beforeBreak
    self.afterBreak = afterBreak
  }

  /// The pattern to name in a warning about this rule.
  var patternForMessages: String { beforeBreak.isEmpty ? afterBreak : beforeBreak }

  struct Problem: Error {
    var pattern: String
    var error: RegexSyntaxError
  }

  static func compile(
    _ rule: SRXDocument.Rule, in languageRule: String, index: Int
  ) -> Result<SRXCompiledRule, Problem> {
    let before = SRXPattern.trimmingLeadingRepeats(SRXPattern.icuPattern(fromJava: rule.beforeBreak))
    let after = SRXPattern.trimmingTrailingRepeats(SRXPattern.icuPattern(fromJava: rule.afterBreak))
    func make(_ check: Check) -> SRXCompiledRule {
      SRXCompiledRule(
        isBreak: rule.isBreak, check: check, trimmedBefore: before, languageRule: languageRule,
        index: index, line: rule.line, beforeBreak: rule.beforeBreak, afterBreak: rule.afterBreak)
    }
    if before.isEmpty && after.isEmpty { return .success(make(.everywhere)) }
    if !rule.isBreak {
      var probe = before.isEmpty ? "" : "(?<=(?:\(before)))"
      if !after.isEmpty { probe += "(?=(?:\(after)))" }
      if let regex = try? CompiledRegex(probe) { return .success(make(.probe(regex, pattern: probe))) }
    }
    let scan: String =
      switch (before.isEmpty, after.isEmpty) {
      case (false, true): before
      case (true, _): "(?=\(after))"
      case (false, false): "(?:\(before))(?=\(after))"
      }
    do {
      return .success(make(.scan(try CompiledRegex(scan))))
    } catch {
      // Name the half that fails, as the file's author wrote it.
      for (written, translated) in [(rule.beforeBreak, before), (rule.afterBreak, after)]
      where !translated.isEmpty {
        do { _ = try CompiledRegex(translated) } catch { return .failure(Problem(pattern: written, error: error)) }
      }
      return .failure(Problem(pattern: "\(rule.beforeBreak) ¦ \(rule.afterBreak)", error: error))
    }
  }
}

/// A run of consecutive probe rules. They are all no-break rules, so which of them matches
/// at a break does not matter, only whether one does; so they are regrouped freely into
/// buckets by the characters their `beforebreak` must end with, and each bucket is tried as
/// one merged pattern. At a break after "Haus." only the rules that can end in "s." are tried.
struct SRXProbeRun: Sendable {
  /// A group of rules tried together.
  struct Bucket: Sendable {
    /// Positions of the rules in the rule list.
    let rules: [Int]
    /// The rules' probes as alternatives of one pattern; `nil` when they did not compile
    /// together (a group name used twice, say), and for a single rule (its own probe is used).
    let merged: CompiledRegex?
  }

  /// Positions of the rules in the rule list.
  let rules: Range<Int>
  /// A rule with both patterns empty: the run matches everywhere.
  let always: Bool
  let buckets: [Bucket]
  /// Buckets to try whatever the text is.
  let anywhere: [Int]
  /// Buckets to try when the break follows this character.
  let byLast: [UInt32: [Int]]
  /// Buckets to try when the break follows these two characters (`first << 32 | last`).
  let byLastTwo: [UInt64: [Int]]

  /// The most rules merged into one pattern, which bounds the work of one probe.
  static let maximumBucket = 256
  /// The most keys one rule is filed under; a rule that could end in more is tried anywhere.
  static let maximumKeys = 16

  func shifted(by offset: Int) -> SRXProbeRun {
    SRXProbeRun(
      rules: (rules.lowerBound + offset)..<(rules.upperBound + offset), always: always,
      buckets: buckets.map { Bucket(rules: $0.rules.map { $0 + offset }, merged: $0.merged) },
      anywhere: anywhere, byLast: byLast, byLastTwo: byLastTwo)
  }

  /// Buckets for `members` (positions in `rules`), which must all be probe rules.
  init(members: [Int], of rules: [SRXCompiledRule]) {
    var anywhere: [Int] = []
    var byLast: [UInt32: [Int]] = [:]
    var byLastTwo: [UInt64: [Int]] = [:]
    for i in members {
      guard case .probe = rules[i].check,
        let before = rules[i].trimmedBefore, !before.isEmpty,
        let tail = SRXTail.lastCharacters(of: before, count: 2), let last = tail[0]
      else {
        anywhere.append(i)
        continue
      }
      if let first = tail[1], first.count * last.count <= Self.maximumKeys {
        for a in first {
          for b in last { byLastTwo[UInt64(a) << 32 | UInt64(b), default: []].append(i) }
        }
      } else if last.count <= Self.maximumKeys {
        for b in last { byLast[b, default: []].append(i) }
      } else {
        anywhere.append(i)
      }
    }
    var buckets: [Bucket] = []
    func file(_ group: [Int]) -> [Int] {
      var indexes: [Int] = []
      var start = 0
      while start < group.count {
        let chunk = Array(group[start..<min(group.count, start + Self.maximumBucket)])
        indexes.append(buckets.count)
        buckets.append(Bucket(rules: chunk, merged: Self.merge(chunk, of: rules)))
        start += Self.maximumBucket
      }
      return indexes
    }
    self.rules = (members.first ?? 0)..<((members.last ?? -1) + 1)
    self.always = false
    self.anywhere = file(anywhere)
    self.byLast = byLast.mapValues(file)
    self.byLastTwo = byLastTwo.mapValues(file)
    self.buckets = buckets
  }

  /// A run holding one rule that matches everywhere.
  init(everywhere i: Int) {
    rules = i..<(i + 1)
    always = true
    buckets = []
    anywhere = []
    byLast = [:]
    byLastTwo = [:]
  }

  private init(
    rules: Range<Int>, always: Bool, buckets: [Bucket], anywhere: [Int], byLast: [UInt32: [Int]],
    byLastTwo: [UInt64: [Int]]
  ) {
    self.rules = rules
    self.always = always
    self.buckets = buckets
    self.anywhere = anywhere
    self.byLast = byLast
    self.byLastTwo = byLastTwo
  }

  private static func merge(_ members: [Int], of rules: [SRXCompiledRule]) -> CompiledRegex? {
    guard members.count > 1 else { return nil }
    let patterns = members.compactMap { i -> String? in
      if case let .probe(_, pattern) = rules[i].check { return "(?:\(pattern))" }
      return nil
    }
    return try? CompiledRegex(patterns.joined(separator: "|"))
  }
}

/// A language rule's compiled rules and its runs of probe rules.
struct SRXCompiledLanguageRule: Sendable {
  let rules: [SRXCompiledRule]
  let runs: [SRXProbeRun]

  init(rules: [SRXCompiledRule]) {
    self.rules = rules
    var runs: [SRXProbeRun] = []
    var members: [Int] = []
    func flush() {
      if !members.isEmpty { runs.append(SRXProbeRun(members: members, of: rules)) }
      members.removeAll()
    }
    for (i, rule) in rules.enumerated() {
      switch rule.check {
      case let .probe(_, pattern):
        // Numbered back-references would point at another rule's groups once merged.
        if Self.hasBackReference(pattern) {
          flush()
          members.append(i)
          flush()
        } else {
          members.append(i)
        }
      case .everywhere where !rule.isBreak:
        flush()
        runs.append(SRXProbeRun(everywhere: i))
      default:
        flush()
      }
    }
    flush()
    self.runs = runs
  }

  /// Whether `pattern` has `\1`…`\9` or `\k<name>` outside a character class.
  static func hasBackReference(_ pattern: String) -> Bool {
    var escaped = false
    var depth = 0
    for c in pattern.unicodeScalars {
      if escaped {
        escaped = false
        if depth == 0 && (("1"..."9").contains(c) || c == "k") { return true }
        continue
      }
      switch c {
      case "\\": escaped = true
      case "[": depth += 1
      case "]": depth = max(0, depth - 1)
      default: break
      }
    }
    return false
  }
}
