import PrecisICU

/// Finds sentence ends at spaces, in scripts written without sentence marks (Thai).
///
/// Thai separates sentences with a space, but also puts spaces before many clauses, around
/// numbers and foreign words, and between the items of a list. So a space between two runs
/// of Thai is a *candidate*, and the language's rules decide, using ICU's dictionary word
/// breaks: no sentence ends before a conjunction that continues one (`clause-starters`:
/// และ, แต่, ซึ่ง …) or after a word that cannot end one (`clause-enders`: คือ, ได้แก่ …);
/// one ends after a final particle (`sentence-finals`: ครับ, ค่ะ …); otherwise one ends
/// when the phrases on both sides are long enough to be clauses (`minimum-words`), so list
/// items and short phrases stay together. A space next to a number or a Latin word is no
/// candidate: Thai spaces them off inside sentences.
///
/// - Complexity: O(*n*) in the line and its words.
struct SpaceBoundaries {
  let rules: SplitRules
  let b: UnsafeBufferPointer<UInt8>
  /// ICU's word segments of the paragraph, ascending.
  let words: [(Range<Int>, WordKind)]
  private var wordIndex = 0

  init(rules: SplitRules, bytes: UnsafeBufferPointer<UInt8>, words: [(Range<Int>, WordKind)]) {
    self.rules = rules
    self.b = bytes
    self.words = words
  }

  /// A run of text between candidate spaces, with its words.
  private struct Phrase {
    var range: Range<Int>
    var wordCount = 0
    /// Where the first one, two and three words end (ICU may cut "อย่างไรก็ตาม" in two).
    var headEnds: [Int] = []
    /// Where the last two words start, and where the last ends.
    var tailStarts: [Int] = []
    var end = 0

    /// The first one to three words, shortest first.
    var heads: [Range<Int>] { headEnds.map { range.lowerBound..<$0 } }
    /// The last one or two words, shortest first.
    var tails: [Range<Int>] { tailStarts.reversed().map { $0..<end } }
  }

  /// Appends the sentence ends at spaces of `line` to `result`.
  mutating func add(in line: Range<Int>, quotes: [Range<Int>], to result: inout [Int]) {
    guard !words.isEmpty else { return }
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
      if isThaiEnd(before: spaceStart, line: line) && isThaiStart(at: i, line: line) {
        phrases.append(Phrase(range: start..<spaceStart))
        start = i
      }
    }
    guard !phrases.isEmpty else { return }
    phrases.append(Phrase(range: start..<line.upperBound))
    count(&phrases)
    // Words on the left that belong together: a phrase joined to the next by a conjunction
    // adds its words to the next one's left side.
    var left = phrases[0].wordCount
    var opensWithClause = opensClause(phrases[0])
    for k in 0..<phrases.count - 1 {
      let right = phrases[k + 1]
      let boundary = right.range.lowerBound
      let quoted = quotes.contains(where: { $0.lowerBound < boundary && boundary < $0.upperBound })
      switch quoted ? .joined : decide(after: phrases[k], leftWords: left, before: right, opensWithClause: opensWithClause) {
      case .ends:
        result.append(boundary)
        left = right.wordCount
        opensWithClause = opensClause(right)
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

  private func decide(after left: Phrase, leftWords: Int, before right: Phrase, opensWithClause: Bool) -> Decision {
    guard left.wordCount > 0, right.wordCount > 0 else { return .short }
    if any(right.heads, in: rules.clauseStarters) { return .joined }
    if any(left.tails, in: rules.clauseEnders) { return .joined }
    if any(left.tails, in: rules.sentenceFinals) { return .ends }
    // "หากน้ำท่วม ให้โทรแจ้ง": a sentence that opens with a short subordinate clause or a
    // connective goes on after its first space.
    if opensWithClause && leftWords <= rules.longestOpeningClause { return .joined }
    // A connective or subordinate clause opens a new sentence however short it is.
    let rightIsLong = right.wordCount >= rules.minimumWords || opensClause(right)
    return leftWords >= rules.minimumWords && rightIsLong ? .ends : .short
  }

  /// Whether a phrase opens with a word that makes it a sentence's opening clause.
  private func opensClause(_ phrase: Phrase) -> Bool { any(phrase.heads, in: rules.clauseOpeners) }

  private func any(_ ranges: [Range<Int>], in table: WordTable) -> Bool {
    ranges.contains { table.contains($0, in: b) }
  }

  /// Whether Thai (or a closing quote after it) ends just before `end`; not ๆ, which
  /// repeats the word before and goes on ("เด็ก ๆ จะได้").
  private func isThaiEnd(before end: Int, line: Range<Int>) -> Bool {
    var (v, w) = UTF8Text.scalar(before: end, in: b)
    if BoundaryCorrector.isClosing(v) && end - w > line.lowerBound {
      v = UTF8Text.scalar(before: end - w, in: b).value
    }
    return UTF8Text.isThai(v) && v != 0x0E46
  }

  /// Whether Thai (or an opening quote before it) starts at `i`; not ๆ or ฯ, which belong
  /// to the word before the space.
  private func isThaiStart(at i: Int, line: Range<Int>) -> Bool {
    var (v, w) = UTF8Text.scalar(at: i, in: b)
    if BoundaryCorrector.isOpening(v) && i + w < line.upperBound {
      v = UTF8Text.scalar(at: i + w, in: b).value
    }
    return UTF8Text.isThai(v) && v != 0x0E46 && v != 0x0E2F
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
      if kind != .none {
        phrases[k].wordCount += 1
        if phrases[k].headEnds.count < 3 { phrases[k].headEnds.append(range.upperBound) }
        phrases[k].tailStarts.append(range.lowerBound)
        if phrases[k].tailStarts.count > 2 { phrases[k].tailStarts.removeFirst() }
        phrases[k].end = range.upperBound
      }
      wordIndex += 1
    }
  }

}
