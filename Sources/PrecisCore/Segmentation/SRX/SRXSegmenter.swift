import PrecisICU

/// How SRX rules are combined with ICU's sentence breaks.
public enum SRXMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// SRX alone decides where sentences end (line breaks still end segments).
  case replace
  /// ICU's breaks stand where no SRX rule matches; SRX rules add breaks and, with
  /// `break="no"`, remove ICU's (Okapi's `useIcu4jBreakRules`).
  case refine
}

/// What one document's segmentation with SRX rules gave up on, carried from paragraph to
/// paragraph: a rule that ran out of time is not tried again in the same document.
public struct SRXRun: Sendable {
  /// Positions in the ordered rule list that are no longer tried.
  var disabled: Set<Int> = []
  /// What happened, in order.
  public var warnings: [SRXWarning] = []

  public init() {}
}

extension SRXRules {
  /// The sentence boundaries SRX gives for one paragraph, as UTF-8 offsets into it: ascending,
  /// without 0, ending with the paragraph's length (the same shape as ICU's boundaries).
  ///
  /// A boundary is placed at the end of the text before it, not after the white space that
  /// follows; callers trim segments, so positions in one run of white space are the same
  /// break, and when rules disagree there the earlier rule wins.
  ///
  /// - Parameters:
  ///   - paragraph: valid UTF-8.
  ///   - language: selects the language rules through the file's language maps.
  ///   - icuBoundaries: in `refine` mode, ICU's boundaries for the paragraph; `nil` in
  ///     `replace` mode.
  ///   - run: rules that gave up earlier in the document, and the warnings so far.
  /// - Complexity: for each rule, O(*n*) for patterns that fail fast; no match may cover more
  ///   than ``SRXRules/matchWindow`` UTF-16 units, so no rule is quadratic in *n*.
  public func boundaries(
    in paragraph: UnsafeBufferPointer<UInt8>, language: LanguageTag, icuBoundaries: [Int]?,
    run: inout SRXRun
  ) throws(ICUError) -> [Int] {
    let key = "srx|\(UInt(bitPattern: ObjectIdentifier(storage).hashValue))|\(timeLimit)|\(language.rawValue)"
    let segmenter = threadLocalObject(forKey: key) {
      SRXSegmenter(storage: storage, language: language.rawValue, timeLimit: timeLimit, source: document.source)
    }
    return try segmenter.boundaries(in: paragraph, icuBoundaries: icuBoundaries, run: &run)
  }

  /// Convenience for one paragraph given as a string; returns the boundaries and warnings.
  public func boundaries(
    in paragraph: String, language: LanguageTag, icuBoundaries: [Int]? = nil
  ) throws(ICUError) -> (boundaries: [Int], warnings: [SRXWarning]) {
    var copy = paragraph
    var run = SRXRun()
    let result = copy.withUTF8 { bytes in
      Result { () throws(ICUError) in
        try boundaries(in: bytes, language: language, icuBoundaries: icuBoundaries, run: &run)
      }
    }
    return (try result.get(), run.warnings)
  }

  /// The longest stretch, in UTF-16 units, a single search looks at. Matches longer than
  /// half of it may be cut short or missed; sentence rules match a few words.
  public static let matchWindow = 1024
}

/// A thread's matchers for the rules one language uses, made on first use and kept.
final class SRXSegmenter {
  /// Keeps the compiled rules alive, so the key made from their identity stays theirs.
  private let storage: SRXRules.Storage
  private let rules: [SRXCompiledRule]
  private var matchers: [RegexMatcher?]
  private let timeLimit: Int
  private let source: String

  init(storage: SRXRules.Storage, language: String, timeLimit: Int, source: String) {
    self.storage = storage
    self.rules = storage.rules(for: language)
    self.matchers = Array(repeating: nil, count: rules.count)
    self.timeLimit = timeLimit
    self.source = source
  }

  func boundaries(
    in b: UnsafeBufferPointer<UInt8>, icuBoundaries: [Int]?, run: inout SRXRun
  ) throws(ICUError) -> [Int] {
    let n = b.count
    if n == 0 { return [] }
    let end = canonical(n, in: b)
    if end == 0 { return [n] }
    // Canonical position → the index of the rule that decides it so far; `icuRule` for a
    // break that only ICU proposes (ICU comes after every SRX rule).
    let icuRule = rules.count
    var decided: [Int: Int] = [:]
    func consider(_ offset: Int, rule: Int, onlyCandidates: Bool) {
      let c = canonical(offset, in: b)
      guard c > 0 && c < end else { return }
      if let current = decided[c] {
        if rule < current { decided[c] = rule }
      } else if !onlyCandidates {
        decided[c] = rule
      }
    }

    let text = rules.contains { $0.regex != nil } ? try RegexText(utf8: b) : nil
    // Break rules make the candidates.
    for (i, rule) in rules.enumerated() where rule.isBreak && !run.disabled.contains(i) {
      try scan(rule: i, text: text, paragraph: b, run: &run) { consider($0, rule: i, onlyCandidates: false) }
    }
    if let icuBoundaries {
      for offset in icuBoundaries where offset < n { consider(offset, rule: icuRule, onlyCandidates: false) }
    }
    // No-break rules matter only where something proposes a break that a later rule decided.
    for (i, rule) in rules.enumerated() where !rule.isBreak && !run.disabled.contains(i) {
      guard decided.values.contains(where: { $0 > i }) else { break }
      if rule.regex == nil {
        for (c, r) in decided where r > i { decided[c] = i }
        continue
      }
      try scan(rule: i, text: text, paragraph: b, run: &run) { consider($0, rule: i, onlyCandidates: true) }
    }

    var result: [Int] = []
    result.reserveCapacity(decided.count + 1)
    for (c, r) in decided where r == icuRule || rules[r].isBreak { result.append(c) }
    // A line break always ends a segment, as without SRX.
    for k in 0..<n where b[k] == 0x0A {
      let c = canonical(k + 1, in: b)
      if c > 0 && c < end { result.append(c) }
    }
    result.sort()
    var unique: [Int] = []
    unique.reserveCapacity(result.count + 1)
    for c in result where unique.last != c { unique.append(c) }
    unique.append(n)
    return unique
  }

  /// Calls `found` with the UTF-8 offset where each match of rule `i` ends.
  ///
  /// Matches are searched from every start (after a match at *s*, again from *s* + 1), so a
  /// match that overlaps an earlier one of the same rule is still found; each search looks
  /// at one window of text (see ``SRXRules/matchWindow``).
  private func scan(
    rule i: Int, text: RegexText?, paragraph b: UnsafeBufferPointer<UInt8>, run: inout SRXRun,
    _ found: (Int) -> Void
  ) throws(ICUError) {
    guard let text, rules[i].regex != nil else {
      // Both patterns empty: the rule matches between every two characters.
      var k = 1
      while k < b.count {
        if b[k] & 0xC0 != 0x80 { found(k) }
        k += 1
      }
      return
    }
    let matcher = try matcher(i)
    let window = SRXRules.matchWindow
    let half = window / 2
    let count = text.utf16Count
    do {
      try matcher.reset(text)
      var start = 0
      while start <= count {
        let limit = min(start + window, count)
        guard let match = try matcher.firstMatch(in: start..<limit) else {
          if limit == count { break }
          // Nothing fits this window; a match starting in its second half may need more room.
          start = limit - half
          continue
        }
        if match.lowerBound - start > half && limit < count {
          start = match.lowerBound  // search again with a whole window ahead of it
          continue
        }
        found(text.utf8Offset(ofUTF16: match.upperBound))
        if match.lowerBound >= count { break }
        let unit = text.unit(at: match.lowerBound)
        start = match.lowerBound + (unit & 0xFC00 == 0xD800 ? 2 : 1)
      }
      matcher.dropText()
    } catch {
      matcher.dropText()
      switch error {
      case .timeLimitExceeded, .stackLimitExceeded:
        let rule = rules[i]
        run.disabled.insert(i)
        run.warnings.append(
          SRXWarning(
            source: source, line: rule.line, languageRule: rule.languageRule, ruleIndex: rule.index,
            pattern: rule.beforeBreak.isEmpty ? rule.afterBreak : rule.beforeBreak,
            message: "\(error); rule skipped for the rest of this document"))
      case let .icu(icuError):
        throw icuError
      }
    }
  }

  private func matcher(_ i: Int) throws(ICUError) -> RegexMatcher {
    if let matcher = matchers[i] { return matcher }
    guard let regex = rules[i].regex else { throw ICUError.unexpected }
    let matcher = try regex.makeMatcher(timeLimit: timeLimit)
    matchers[i] = matcher
    return matcher
  }

  /// `offset` moved back over the white space before it: where a segment ending there ends.
  private func canonical(_ offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
    var c = offset
    while c > 0 {
      let w = Whitespace.width(endingAt: c, in: b)
      if w == 0 { break }
      c -= w
    }
    return c
  }
}
