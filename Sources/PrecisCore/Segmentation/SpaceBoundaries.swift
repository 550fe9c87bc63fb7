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
    var first: Range<Int>? = nil
    var last: Range<Int>? = nil
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
      var j = i
      while j < line.upperBound {
        let (u, uw) = UTF8Text.scalar(at: j, in: b)
        guard UTF8Text.isSpace(u) else { break }
        j += uw
      }
      i = j
      guard j < line.upperBound else { break }
      let before = UTF8Text.scalar(before: spaceStart, in: b).value
      let after = UTF8Text.scalar(at: j, in: b).value
      // ๆ (repetition) and ฯ (abbreviation) after a space belong to the word before.
      if UTF8Text.isThai(before) && UTF8Text.isThai(after) && after != 0x0E46 && after != 0x0E2F {
        phrases.append(Phrase(range: start..<spaceStart))
        start = j
      }
    }
    guard !phrases.isEmpty else { return }
    phrases.append(Phrase(range: start..<line.upperBound))
    count(&phrases)
    for k in 0..<phrases.count - 1 {
      let boundary = phrases[k + 1].range.lowerBound
      if quotes.contains(where: { $0.lowerBound < boundary && boundary < $0.upperBound }) { continue }
      if endsSentence(after: phrases[k], before: phrases[k + 1]) { result.append(boundary) }
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
      if kind != .none {
        phrases[k].wordCount += 1
        if phrases[k].first == nil { phrases[k].first = range }
        phrases[k].last = range
      }
      wordIndex += 1
    }
  }

  private func endsSentence(after left: Phrase, before right: Phrase) -> Bool {
    guard let last = left.last, let first = right.first else { return false }
    if rules.clauseStarters.contains(first, in: b) { return false }
    if rules.clauseEnders.contains(last, in: b) { return false }
    if rules.sentenceFinals.contains(last, in: b) { return true }
    return left.wordCount >= rules.minimumWords && right.wordCount >= rules.minimumWords
  }
}
