import PrecisICU

/// Finds sentence ends at spaces, in scripts written without sentence marks (Thai, Lao).
///
/// Thai separates sentences with a space, but also puts spaces before many clauses, around
/// numbers and foreign words, and between the items of a list. So a space between two runs
/// of Thai is a *candidate*, and the language's rules decide, using ICU's dictionary word
/// breaks: no sentence ends before a conjunction that continues one (`clause-starters`:
/// และ, แต่, ซึ่ง …) or after a word that cannot end one (`clause-enders`: คือ, ได้แก่ …);
/// one ends after a final particle (`sentence-finals`: ครับ, ค่ะ …); a sentence opening with
/// a short subordinate clause or a connective (`clause-openers`: หาก, อย่างไรก็ตาม …) goes on
/// after its first space; otherwise one ends when the phrases on both sides are long enough
/// to be clauses (`minimum-words`), so list items and short phrases stay together. A space next to a number or a Latin word is no
/// candidate: Thai spaces them off inside sentences.
///
/// ICU's dictionary word breaks are costly, so they are found only for the lines that have a
/// candidate space. A line break always ends a word, so a line's words are those ICU finds in
/// the whole paragraph.
///
/// - Complexity: O(*n*) in the line and its words.
struct SpaceBoundaries {
  let b: UnsafeBufferPointer<UInt8>
  /// The ICU locale of the word breaks.
  let wordLocale: String
  /// The phrases of the line being read (kept to reuse their buffer).
  private var phrases: [Phrase] = []

  init(bytes: UnsafeBufferPointer<UInt8>, wordLocale: String) {
    self.b = bytes
    self.wordLocale = wordLocale
  }

  /// A run of text between candidate spaces, with its words.
  private struct Phrase {
    var range: Range<Int>
    var wordCount = 0
    // Where the first three words end and the last two start (ICU may cut a connective such
    // as "อย่างไรก็ตาม" in two), and where the last ends; -1 when there is no such word.
    var head1 = -1, head2 = -1, head3 = -1
    var tail1 = -1, tail2 = -1
    var end = 0
    // The table keys of the phrase up to the end of its first, second and third word, and
    // of its last word and last two; nil when there is no such word or the text is longer
    // than any table word. Found once by `findKeys`, for every table asked.
    var headKey1: WordTable.Key? = nil, headKey2: WordTable.Key? = nil
    var headKey3: WordTable.Key? = nil
    var tailKey1: WordTable.Key? = nil, tailKey2: WordTable.Key? = nil

    init(range: Range<Int>) { self.range = range }

    mutating func add(_ word: Range<Int>) {
      wordCount += 1
      if head1 < 0 {
        head1 = word.upperBound
      } else if head2 < 0 {
        head2 = word.upperBound
      } else if head3 < 0 {
        head3 = word.upperBound
      }
      tail2 = tail1
      tail1 = word.lowerBound
      end = word.upperBound
    }

    /// Finds the keys of the first and last words, for text of at most `limit` bytes: the
    /// heads one after the other, each continuing the one before.
    mutating func findKeys(in b: UnsafeBufferPointer<UInt8>, limit: Int) {
      let start = range.lowerBound
      if head1 >= 0 && head1 - start <= limit {
        let key1 = WordTable.key(start..<head1, in: b)
        headKey1 = key1
        if head2 >= 0 && head2 - start <= limit {
          let key2 = WordTable.key(head1..<head2, in: b, after: key1)
          headKey2 = key2
          if head3 >= 0 && head3 - start <= limit {
            headKey3 = WordTable.key(head2..<head3, in: b, after: key2)
          }
        }
      }
      if tail1 >= 0 && end - tail1 <= limit { tailKey1 = WordTable.key(tail1..<end, in: b) }
      if tail2 >= 0 && end - tail2 <= limit { tailKey2 = WordTable.key(tail2..<end, in: b) }
    }

    /// Whether the first one, two or three words are in `table`.
    func starts(with table: WordTable) -> Bool {
      if let key = headKey1, table.contains(key) { return true }
      if let key = headKey2, table.contains(key) { return true }
      if let key = headKey3, table.contains(key) { return true }
      return false
    }

    /// Whether the last one or two words are in `table`.
    func ends(with table: WordTable) -> Bool {
      if let key = tailKey1, table.contains(key) { return true }
      if let key = tailKey2, table.contains(key) { return true }
      return false
    }
  }

  /// Appends the sentence ends at spaces of `line` to `result`.
  mutating func add(
    in line: Range<Int>, quotes: [Range<Int>], rules ruleSet: SplitRules.Shared,
    to result: inout [Int]
  ) throws {
    phrases.removeAll(keepingCapacity: true)
    var start = line.lowerBound
    var i = line.lowerBound
    while i < line.upperBound {
      i = skipThai(from: i, to: line.upperBound)
      guard i < line.upperBound else { break }
      let w = spaceWidth(at: i)
      guard w < 0, i > line.lowerBound else {
        i += w < 0 ? -w : w
        continue
      }
      let spaceStart = i
      i -= w
      while i < line.upperBound {
        let uw = spaceWidth(at: i)
        guard uw < 0 else { break }
        i -= uw
      }
      guard i < line.upperBound else { break }
      if isScriptEnd(before: spaceStart, line: line) && isScriptStart(at: i, line: line) {
        phrases.append(Phrase(range: start..<spaceStart))
        start = i
      }
    }
    guard !phrases.isEmpty else { return }
    phrases.append(Phrase(range: start..<line.upperBound))
    var phrases = self.phrases
    self.phrases = []
    defer { self.phrases = phrases }
    try findWords(in: line, of: &phrases)
    let rules = ruleSet.rules
    let limit =
      max(
        rules.clauseStarters.maxLength, rules.clauseOpeners.maxLength,
        rules.clauseEnders.maxLength, rules.sentenceFinals.maxLength) + 12
    for k in phrases.indices { phrases[k].findKeys(in: b, limit: limit) }
    // Words on the left that belong together: a phrase joined to the next by a conjunction
    // adds its words to the next one's left side.
    var left = phrases[0].wordCount
    var opensWithClause = opensClause(phrases[0], rules)
    for k in 0..<phrases.count - 1 {
      let right = phrases[k + 1]
      let boundary = right.range.lowerBound
      let quoted = QuoteSpans.isStrictlyInside(boundary, quotes)
      switch quoted
        ? .joined
        : decide(
          after: phrases[k], leftWords: left, before: right, opensWithClause: opensWithClause, rules
        )
      {
      case .ends:
        result.append(boundary)
        left = right.wordCount
        opensWithClause = opensClause(right, rules)
      case .joined:
        left += right.wordCount
        opensWithClause = false
      case .short:
        left = right.wordCount
      }
    }
  }

  /// How a space between two phrases reads.
  private enum Decision {
    /// A sentence ends.
    case ends
    /// The phrases are one clause: a conjunction, or a sentence's opening clause.
    case joined
    /// A phrase is too short to stand alone: a list item, a name.
    case short
  }

  private func decide(
    after left: Phrase, leftWords: Int, before right: Phrase, opensWithClause: Bool,
    _ rules: SplitRules
  ) -> Decision {
    guard left.wordCount > 0, right.wordCount > 0 else { return .short }
    if right.starts(with: rules.clauseStarters) { return .joined }
    if left.ends(with: rules.clauseEnders) { return .joined }
    if left.ends(with: rules.sentenceFinals) { return .ends }
    // "หากน้ำท่วม ให้โทรแจ้ง": a sentence that opens with a short subordinate clause or a
    // connective goes on after its first space.
    if opensWithClause && leftWords <= rules.longestOpeningClause { return .joined }
    // A connective or subordinate clause opens a new sentence however short it is.
    let rightIsLong = right.wordCount >= rules.minimumWords || opensClause(right, rules)
    return leftWords >= rules.minimumWords && rightIsLong ? .ends : .short
  }

  /// Whether a phrase opens with a word that makes it a sentence's opening clause.
  private func opensClause(_ phrase: Phrase, _ rules: SplitRules) -> Bool {
    phrase.starts(with: rules.clauseOpeners)
  }

  /// Whether the script (or a closing quote after it) ends just before `end`; not ๆ, which
  /// repeats the word before and goes on ("เด็ก ๆ จะได้").
  private func isScriptEnd(before end: Int, line: Range<Int>) -> Bool {
    var (v, w) = UTF8Text.scalar(before: end, in: b)
    if BoundaryCorrector.isClosing(v) && end - w > line.lowerBound {
      v = UTF8Text.scalar(before: end - w, in: b).value
    }
    return UTF8Text.isThaiOrLao(v) && v != 0x0E46 && v != 0x0EC6
  }

  /// Whether the script (or an opening quote before it) starts at `i`; not ๆ or ฯ, which
  /// belong to the word before the space.
  private func isScriptStart(at i: Int, line: Range<Int>) -> Bool {
    var (v, w) = UTF8Text.scalar(at: i, in: b)
    if BoundaryCorrector.isOpening(v) && i + w < line.upperBound {
      v = UTF8Text.scalar(at: i + w, in: b).value
    }
    return UTF8Text.isThaiOrLao(v) && !UTF8Text.isRepetitionMark(v)
  }

  /// The width of the space at `i`, negated, or the width of the character there when it is
  /// no space (as `UTF8Text.isSpace` reads it); Thai letters and ASCII without decoding.
  @inline(__always)
  private func spaceWidth(at i: Int) -> Int {
    let c = b[i]
    if c < 0x80 {
      return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D ? -1 : 1
    }
    // Thai and Lao (U+0E00–U+0EFF) start with E0, as do no spaces.
    if c == 0xE0 && i + 2 < b.count { return 3 }
    let (v, w) = UTF8Text.scalar(at: i, in: b)
    return UTF8Text.isSpace(v) ? -w : w
  }

  /// The first character boundary from `i` (one) before `end` whose next eight bytes are not
  /// all of characters U+0800–U+0FFF (Thai, Lao): those eight bytes at a time, with no space.
  @inline(__always)
  private func skipThai(from i: Int, to end: Int) -> Int {
    guard let base = b.baseAddress, i + 8 <= end else { return i }
    let raw = UnsafeRawPointer(base)
    let highs: UInt64 = 0x8080_8080_8080_8080
    let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    var i = i
    var moved = false
    while i + 8 <= end {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // The bytes that are not E0 have their top bit set in `other`; those of ASCII in
      // `ascii`; leads (11xxxxxx) in `leads`. Thai is E0 leads and continuation bytes.
      let x = w ^ 0xE0E0_E0E0_E0E0_E0E0
      let other = (((x & lows) &+ lows) | x) & highs
      let ascii = ~w & highs
      let leads = w & (w << 1) & highs
      if ascii | (leads & other) != 0 { break }
      i += 8
      moved = true
    }
    // The last eight bytes may end inside a Thai character: step to its end.
    if moved {
      while i < end && b[i] & 0xC0 == 0x80 { i += 1 }
    }
    return i
  }

  /// Finds ICU's word segments of `line` and counts those of each phrase, noting its first
  /// and last words.
  private func findWords(in line: Range<Int>, of phrases: inout [Phrase]) throws {
    let offset = line.lowerBound
    let text = UnsafeBufferPointer(rebasing: b[line])
    let locale = wordLocale
    try phrases.withUnsafeMutableBufferPointer { phrases in
      var k = 0
      try withBreakIterator(.word, locale: locale) { iterator in
        try iterator.forEachSegment(utf8: text) { range, kind in
          let lower = range.lowerBound + offset
          while k < phrases.count && lower >= phrases[k].range.upperBound { k += 1 }
          if kind != .none && k < phrases.count {
            phrases[k].add(lower..<(range.upperBound + offset))
          }
        }
      }
    }
  }
}
