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
  /// ICU's word segments of the line being read, ascending.
  private var words: [(Range<Int>, WordKind)] = []
  private var wordIndex = 0

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

    /// Whether the first one, two or three words are in `table`.
    func starts(with table: WordTable, in b: UnsafeBufferPointer<UInt8>) -> Bool {
      for end in [head1, head2, head3] where end >= 0 {
        if table.contains(range.lowerBound..<end, in: b) { return true }
      }
      return false
    }

    /// Whether the last one or two words are in `table`.
    func ends(with table: WordTable, in b: UnsafeBufferPointer<UInt8>) -> Bool {
      for start in [tail1, tail2] where start >= 0 {
        if table.contains(start..<end, in: b) { return true }
      }
      return false
    }
  }

  /// Appends the sentence ends at spaces of `line` to `result`.
  mutating func add(
    in line: Range<Int>, quotes: [Range<Int>], rules ruleSet: SplitRules.Shared,
    to result: inout [Int]
  ) throws {
    var phrases: [Phrase] = []
    var start = line.lowerBound
    var i = line.lowerBound
    while i < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      guard UTF8Text.isSpace(v), i > line.lowerBound else {
        i += w
        continue
      }
      let spaceStart = i
      while i < line.upperBound {
        let (u, uw) = UTF8Text.scalar(at: i, in: b)
        guard UTF8Text.isSpace(u) else { break }
        i += uw
      }
      guard i < line.upperBound else { break }
      if isScriptEnd(before: spaceStart, line: line) && isScriptStart(at: i, line: line) {
        phrases.append(Phrase(range: start..<spaceStart))
        start = i
      }
    }
    guard !phrases.isEmpty else { return }
    phrases.append(Phrase(range: start..<line.upperBound))
    try findWords(in: line)
    count(&phrases)
    let rules = ruleSet.rules
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
    if right.starts(with: rules.clauseStarters, in: b) { return .joined }
    if left.ends(with: rules.clauseEnders, in: b) { return .joined }
    if left.ends(with: rules.sentenceFinals, in: b) { return .ends }
    // "หากน้ำท่วม ให้โทรแจ้ง": a sentence that opens with a short subordinate clause or a
    // connective goes on after its first space.
    if opensWithClause && leftWords <= rules.longestOpeningClause { return .joined }
    // A connective or subordinate clause opens a new sentence however short it is.
    let rightIsLong = right.wordCount >= rules.minimumWords || opensClause(right, rules)
    return leftWords >= rules.minimumWords && rightIsLong ? .ends : .short
  }

  /// Whether a phrase opens with a word that makes it a sentence's opening clause.
  private func opensClause(_ phrase: Phrase, _ rules: SplitRules) -> Bool {
    phrase.starts(with: rules.clauseOpeners, in: b)
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

  /// Finds ICU's word segments of `line`.
  private mutating func findWords(in line: Range<Int>) throws {
    words.removeAll(keepingCapacity: true)
    wordIndex = 0
    let offset = line.lowerBound
    let text = UnsafeBufferPointer(rebasing: b[line])
    try withBreakIterator(.word, locale: wordLocale) { iterator in
      try iterator.forEachSegment(utf8: text) { range, kind in
        words.append(((range.lowerBound + offset)..<(range.upperBound + offset), kind))
      }
    }
  }

  /// Counts the words of each phrase and notes its first and last word.
  private mutating func count(_ phrases: inout [Phrase]) {
    while wordIndex < words.count && words[wordIndex].0.lowerBound < phrases[0].range.lowerBound {
      wordIndex += 1
    }
    var k = 0
    while wordIndex < words.count && k < phrases.count {
      let (range, kind) = words[wordIndex]
      if range.lowerBound >= phrases[k].range.upperBound {
        k += 1
        continue
      }
      if kind != .none { phrases[k].add(range) }
      wordIndex += 1
    }
  }

}
