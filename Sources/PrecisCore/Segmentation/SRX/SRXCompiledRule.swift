import PrecisICU

/// One rule, compiled for the way it is matched.
struct SRXCompiledRule: Sendable {
  /// How a rule is matched.
  enum Check: Sendable {
    /// Searched for along the text as `(?:before)(?=after)`: each match ends at a position
    /// where the rule applies. Break rules, and no-break rules whose `beforebreak` can be
    /// any length.
    case scan(CompiledRegex)
    /// Tried at a position as `(?<=(?:before))(?=(?:after))`: no-break rules whose
    /// `beforebreak` has a bounded length, as ICU's look-behind needs. Compiled together
    /// with others (see ``SRXProbeRun``); alone only when needed.
    case probe(pattern: String)
    /// Both patterns empty: the rule applies at every position.
    case everywhere
    /// ICU cannot compile it: never tried (a warning says so).
    case skipped
  }

  let isBreak: Bool
  var check: Check
  /// `beforebreak` in ICU syntax, trimmed (see ``SRXPattern/trimmingLeadingRepeats(_:)``).
  let before: String
  /// `afterbreak` in ICU syntax, trimmed.
  let after: String
  let languageRule: String
  /// 1-based position in its language rule.
  let index: Int
  let line: Int
  /// The patterns as written, for messages.
  let beforeBreak: String
  let afterBreak: String

  /// The pattern to name in a warning about this rule.
  var patternForMessages: String { beforeBreak.isEmpty ? afterBreak : beforeBreak }

  /// A rule ICU cannot compile.
  struct Problem: Error {
    var rule: SRXCompiledRule
    var pattern: String
    var error: RegexSyntaxError
  }

  /// Translates and classifies `rule`.
  ///
  /// Break rules and unbounded no-break rules are compiled here; probe rules are compiled with
  /// their run.
  init(_ rule: SRXDocument.Rule, in languageRule: String, index: Int) {
    isBreak = rule.isBreak
    after = SRXPattern.trimmingTrailingRepeats(SRXPattern.icuPattern(fromJava: rule.afterBreak))
    let trimmed = SRXPattern.trimmingLeadingRepeats(
      SRXPattern.icuPattern(fromJava: rule.beforeBreak))
    before = after.isEmpty ? SRXPattern.trimmingTrailingSpace(trimmed) : trimmed
    self.languageRule = languageRule
    self.index = index
    line = rule.line
    beforeBreak = rule.beforeBreak
    afterBreak = rule.afterBreak
    check = .skipped
    if before.isEmpty && after.isEmpty {
      check = .everywhere
    } else if !isBreak && (before.isEmpty || SRXPattern.hasBoundedLength(before)) {
      check = .probe(pattern: probePattern)
    }
  }

  /// The look-behind form: matches (with no width) where the rule applies.
  var probePattern: String {
    var probe = before.isEmpty ? "" : "(?<=(?:\(before)))"
    if !after.isEmpty { probe += "(?=(?:\(after)))" }
    return probe
  }

  /// The searching form: matches end where the rule applies.
  var scanPattern: String {
    switch (before.isEmpty, after.isEmpty) {
    case (false, true): before
    case (true, _): "(?=\(after))"
    case (false, false): "(?:\(before))(?=\(after))"
    }
  }

  /// Compiles the searching form; on failure names the half at fault, as written.
  mutating func compileScan() -> Problem? {
    do {
      check = .scan(try CompiledRegex(scanPattern))
      return nil
    } catch {
      check = .skipped
      for (written, translated) in [(beforeBreak, before), (afterBreak, after)]
      where !translated.isEmpty {
        do { _ = try CompiledRegex(translated) } catch {
          return Problem(rule: self, pattern: written, error: error)
        }
      }
      return Problem(rule: self, pattern: "\(beforeBreak) ¦ \(afterBreak)", error: error)
    }
  }
}

/// A language rule's compiled rules and its runs of probe rules.
struct SRXCompiledLanguageRule: Sendable {
  let rules: [SRXCompiledRule]
  let runs: [SRXProbeRun]

  /// Compiles `languageRule`; rules ICU rejects are kept as `.skipped` and listed in `problems`.
  init(_ languageRule: SRXDocument.LanguageRule, problems: inout [SRXCompiledRule.Problem]) {
    var rules = languageRule.rules.enumerated().map { k, rule in
      SRXCompiledRule(rule, in: languageRule.name, index: k + 1)
    }
    for i in rules.indices {
      switch rules[i].check {
      case .skipped:
        if let problem = rules[i].compileScan() { problems.append(problem) }
      default: break
      }
    }
    // Runs of consecutive probe rules; a probe that does not compile becomes a scan.
    var runs: [SRXProbeRun] = []
    var members: [Int] = []
    func flush() {
      guard !members.isEmpty else { return }
      let (run, rejected) = SRXProbeRun.make(members: members, of: rules)
      runs.append(run)
      for i in rejected {
        if let problem = rules[i].compileScan() { problems.append(problem) }
      }
      members.removeAll()
    }
    for (i, rule) in rules.enumerated() {
      switch rule.check {
      case .probe(let pattern):
        // Numbered back-references would point at another rule's groups once merged.
        if SRXPattern.hasBackReference(pattern) {
          flush()
          members.append(i)
          flush()
        } else {
          members.append(i)
        }
      case .everywhere where !rule.isBreak:
        flush()
        runs.append(SRXProbeRun(everywhere: i))
      case .skipped where !rule.isBreak, .scan where !rule.isBreak:
        // Other no-break rules never decide a break that probes are tried at, so a run of
        // probes can span them.
        continue
      default:
        flush()
      }
    }
    flush()
    self.rules = rules
    self.runs = runs
  }
}
