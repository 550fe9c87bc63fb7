import PrecisICU

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
    let key =
      "srx|\(UInt(bitPattern: ObjectIdentifier(storage)))|\(timeLimit)|\(language.rawValue)"
    let segmenter = threadLocalObject(forKey: key) {
      SRXSegmenter(
        storage: storage, language: language.rawValue, timeLimit: timeLimit, source: document.source
      )
    }
    defer { segmenter.dropTexts() }
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

  /// The longest stretch, in UTF-16 units, a single search looks at.
  ///
  /// Matches longer than half of it may be cut short or missed; sentence rules match a few
  /// words.
  public static let matchWindow = 1024
}

/// A thread's matchers for the rules one language uses, made on first use and kept.
///
/// How a paragraph is decided:
/// 1. Break rules (and no-break rules whose `beforebreak` has no length bound) are searched
///    for along the text; the positions where break rules match are the candidates. In
///    `refine` mode ICU's boundaries are candidates too, decided after every rule.
/// 2. A candidate is decided by the first rule that matches there. No-break rules with a
///    bounded `beforebreak` are tried only at candidates, as look-behinds, a run of them at
///    once; that keeps files with thousands of abbreviation rules fast.
final class SRXSegmenter {
  /// Keeps the compiled rules alive, so the key made from their identity stays theirs.
  private let storage: SRXRules.Storage
  private let language: String
  private let rules: [SRXCompiledRule]
  private let runs: [SRXProbeRun]
  /// Positions of the rules that are searched for, in order.
  private let scanned: [Int]
  private var ruleMatchers: [RegexMatcher?]
  /// Per run, per bucket: the merged pattern's matcher.
  private var bucketMatchers: [[RegexMatcher?]]
  private let timeLimit: Int
  private let source: String

  /// Paragraphs longer than this many UTF-8 bytes are matched in pieces (cut at a line break
  /// or a space), which bounds the memory that matching takes.
  static let pieceLength = 1 << 18

  init(storage: SRXRules.Storage, language: String, timeLimit: Int, source: String) {
    self.storage = storage
    self.language = language
    let (rules, runs) = storage.rules(for: language)
    self.rules = rules
    self.runs = runs
    scanned = rules.indices.filter { i in
      switch rules[i].check {
      case .scan: true
      case .everywhere: rules[i].isBreak
      case .probe, .skipped: false
      }
    }
    ruleMatchers = Array(repeating: nil, count: rules.count)
    bucketMatchers = runs.map { Array(repeating: nil, count: $0.buckets.count) }
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
    var result: [Int] = []
    var icu = icuBoundaries?.makeIterator()
    var pendingICU = icu?.next()
    for piece in pieces(of: b) {
      var icuHere: [Int] = []
      while let offset = pendingICU, offset <= piece.upperBound {
        if offset > piece.lowerBound { icuHere.append(offset) }
        pendingICU = icu?.next()
      }
      try decide(piece: piece, of: b, end: end, icu: icuHere, run: &run, into: &result)
    }
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

  /// Appends the breaks of one piece of the paragraph `b` (offsets into `b`) to `result`.
  private func decide(
    piece: Range<Int>, of b: UnsafeBufferPointer<UInt8>, end: Int, icu: [Int], run: inout SRXRun,
    into result: inout [Int]
  ) throws(ICUError) {
    let text = try RegexText(utf8: UnsafeBufferPointer(rebasing: b[piece]))
    let icuRule = rules.count
    var disabled = run.disabled[language] ?? []
    defer { run.disabled[language] = disabled }
    // Canonical position → the rule that decides it so far (`icuRule` for ICU).
    var best: [Int: Int] = [:]
    func place(_ offset: Int) -> Int? {
      let c = canonical(offset, in: b)
      return c > piece.lowerBound && c <= piece.upperBound && c < end ? c : nil
    }

    // Candidates: where break rules match, then ICU's boundaries.
    for i in scanned where rules[i].isBreak && !disabled.contains(i) {
      try scan(rule: i, text: text, piece: piece, of: b, disabled: &disabled, run: &run) { offset in
        if let c = place(offset), best[c].map({ i < $0 }) ?? true { best[c] = i }
      }
    }
    for offset in icu {
      if let c = place(offset), best[c] == nil { best[c] = icuRule }
    }
    if best.isEmpty { return }

    // No-break rules that must be searched for: only where they can still change a decision.
    for i in scanned where !rules[i].isBreak && !disabled.contains(i) {
      guard best.values.contains(where: { $0 > i }) else { break }
      try scan(rule: i, text: text, piece: piece, of: b, disabled: &disabled, run: &run) { offset in
        if let c = place(offset), let current = best[c], i < current { best[c] = i }
      }
    }

    // The other no-break rules, tried at each candidate still set to break.
    var unmerged = run.unmerged[language] ?? []
    defer { run.unmerged[language] = unmerged }
    for (c, decider) in best where decider == icuRule || rules[decider].isBreak {
      // Every position in the white space after `c` is the same break.
      var last = c
      while last < piece.upperBound {
        let w = Whitespace.width(at: last, in: b)
        if w == 0 { break }
        last += w
      }
      let positions = (c...last).map { text.utf16Offset(ofUTF8: $0 - piece.lowerBound) }
      // The two characters before the break choose which rules can match there.
      let (lastCharacter, lastStart) = scalar(endingAt: c, in: b, after: piece.lowerBound)
      let (firstCharacter, _) = scalar(endingAt: lastStart, in: b, after: piece.lowerBound)
      var kept = true
      runs: for (r, probeRun) in runs.enumerated() {
        if probeRun.rules.lowerBound >= decider { break }
        if probeRun.always {
          if disabled.contains(probeRun.rules.lowerBound) { continue }
          kept = false
          break
        }
        var buckets = probeRun.anywhere
        if let lastCharacter {
          buckets += probeRun.byLast[lastCharacter] ?? []
          if let firstCharacter {
            buckets +=
              probeRun.byLastTwo[UInt64(firstCharacter) << 32 | UInt64(lastCharacter)] ?? []
          }
        }
        for k in buckets {
          if try probe(
            run: r, bucket: k, at: positions, text: text, unmerged: &unmerged, disabled: &disabled,
            state: &run)
          {
            kept = false
            break runs
          }
        }
      }
      if kept { result.append(c) }
    }
  }

  /// The scalar value ending at `offset` in `b` and where it starts; `nil` at `floor`.
  private func scalar(
    endingAt offset: Int, in b: UnsafeBufferPointer<UInt8>, after floor: Int
  ) -> (UInt32?, Int) {
    guard offset > floor else { return (nil, offset) }
    var start = offset - 1
    while start > floor && b[start] & 0xC0 == 0x80 { start -= 1 }
    var value = UInt32(b[start])
    let width = offset - start
    if width > 1 {
      value &= UInt32(0xFF >> (width + 1))
      for k in (start + 1)..<offset { value = value << 6 | UInt32(b[k] & 0x3F) }
    }
    return (value, start)
  }

  /// Whether a rule of bucket `k` of run `r` matches at one of `positions` (UTF-16 offsets
  /// into `text`).
  private func probe(
    run r: Int, bucket k: Int, at positions: [Int], text: RegexText, unmerged: inout Set<[Int]>,
    disabled: inout Set<Int>, state: inout SRXRun
  ) throws(ICUError) -> Bool {
    let bucket = runs[r].buckets[k]
    if !unmerged.contains([r, k]) {
      let matcher = try bucketMatcher(run: r, bucket: k, bucket.merged)
      do {
        if matcher.text !== text { try matcher.reset(text) }
        for q in positions where try matcher.lookingAt(q) { return true }
        return false
      } catch {
        guard case .icu(let icuError) = error else {
          // Find the rule at fault: try the bucket's rules one by one from now on.
          unmerged.insert([r, k])
          return try probe(
            run: r, bucket: k, at: positions, text: text, unmerged: &unmerged, disabled: &disabled,
            state: &state)
        }
        throw icuError
      }
    }
    for i in bucket.rules where !disabled.contains(i) {
      let matcher = try ruleMatcher(i)
      do {
        if matcher.text !== text { try matcher.reset(text) }
        for q in positions where try matcher.lookingAt(q) { return true }
      } catch {
        guard case .icu(let icuError) = error else {
          giveUp(rule: i, error, disabled: &disabled, run: &state)
          continue
        }
        throw icuError
      }
    }
    return false
  }

  /// Calls `found` with the offset into `b` where each match of rule `i` ends.
  ///
  /// Matches are searched from every start (after a match at *s*, again from *s* + 1), so a
  /// match that overlaps an earlier one of the same rule is still found; each search looks
  /// at one window of text (see ``SRXRules/matchWindow``).
  private func scan(
    rule i: Int, text: RegexText, piece: Range<Int>, of b: UnsafeBufferPointer<UInt8>,
    disabled: inout Set<Int>, run: inout SRXRun, _ found: (Int) -> Void
  ) throws(ICUError) {
    if case .everywhere = rules[i].check {
      // Both patterns empty: the rule matches between every two characters.
      for k in piece.dropFirst() where b[k] & 0xC0 != 0x80 { found(k) }
      found(piece.upperBound)
      return
    }
    let matcher = try ruleMatcher(i)
    let window = SRXRules.matchWindow
    let half = window / 2
    let count = text.utf16Count
    do {
      if matcher.text !== text { try matcher.reset(text) }
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
        found(piece.lowerBound + text.utf8Offset(ofUTF16: match.upperBound))
        if match.lowerBound >= count { break }
        let unit = text.unit(at: match.lowerBound)
        start = match.lowerBound + (unit & 0xFC00 == 0xD800 ? 2 : 1)
      }
    } catch {
      guard case .icu(let icuError) = error else {
        giveUp(rule: i, error, disabled: &disabled, run: &run)
        return
      }
      throw icuError
    }
  }

  private func giveUp(
    rule i: Int, _ error: RegexMatchError, disabled: inout Set<Int>, run: inout SRXRun
  ) {
    let rule = rules[i]
    disabled.insert(i)
    run.warnings.append(
      SRXWarning(
        source: source, line: rule.line, languageRule: rule.languageRule, ruleIndex: rule.index,
        pattern: rule.patternForMessages,
        message: "\(error); rule skipped for the rest of this document"))
  }

  private func ruleMatcher(_ i: Int) throws(ICUError) -> RegexMatcher {
    if let matcher = ruleMatchers[i] { return matcher }
    let regex: CompiledRegex
    switch rules[i].check {
    case .scan(let r): regex = r
    case .probe(let pattern):
      // Compiled alone only when its bucket's merged pattern gave up.
      do { regex = try CompiledRegex(pattern) } catch { throw ICUError.unexpected }
    case .everywhere, .skipped: throw ICUError.unexpected
    }
    let matcher = try regex.makeMatcher(timeLimit: timeLimit)
    ruleMatchers[i] = matcher
    return matcher
  }

  private func bucketMatcher(run r: Int, bucket k: Int, _ regex: CompiledRegex) throws(ICUError)
    -> RegexMatcher
  {
    if let matcher = bucketMatchers[r][k] { return matcher }
    let matcher = try regex.makeMatcher(timeLimit: timeLimit)
    bucketMatchers[r][k] = matcher
    return matcher
  }

  /// Lets go of the last paragraph's text, which the matchers still point at.
  func dropTexts() {
    for matcher in ruleMatchers { matcher?.dropText() }
    for matchers in bucketMatchers {
      for matcher in matchers { matcher?.dropText() }
    }
  }

  /// The pieces a paragraph is matched in: the whole paragraph unless it is very long.
  private func pieces(of b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    let n = b.count
    let length = Self.pieceLength
    if n <= length { return [0..<n] }
    var pieces: [Range<Int>] = []
    var start = 0
    while start < n {
      var end = min(n, start + length)
      if end < n {
        let floor = start + length / 2
        if let k = (floor..<end).last(where: { b[$0] == 0x0A })
          ?? (floor..<end).last(where: { b[$0] == 0x20 })
        {
          end = k + 1
        } else {
          while end > start + 1 && b[end] & 0xC0 == 0x80 { end -= 1 }
        }
      }
      pieces.append(start..<end)
      start = end
    }
    return pieces
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
