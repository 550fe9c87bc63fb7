import PrecisICU

/// Corrects ICU's sentence boundaries in one paragraph with a language's rules.
///
/// ICU proposes; the rules decide. The corrector walks each line once, byte by byte. At
/// every sentence-ending mark (`.`, `!`, `?`, `…`, a script's full stop, the language's own
/// terminators) it reads the mark's *cluster*: the marks, the closing quotes and brackets
/// after them, citations such as `[12]`, then the space before the next word. The rules
/// look at the word before and the word after and say whether a sentence ends there; when
/// none of them applies, ICU's answer stands. ICU boundaries that fall at no cluster (a
/// character ICU treats as a sentence end that the rules do not know) are kept, unless they
/// are inside a quotation or a web address.
///
/// Besides, every line break ends a segment; a list item repeated in a line ("1) … 2) …")
/// starts a new one; and in scripts written without sentence marks (Thai) a space between
/// two phrases may end a sentence (see ``SpaceBoundaries``).
///
/// A struct whose scanning methods mutate it in place: its state is then checked for
/// exclusive access when compiled, not at every read of a class property at run time. One
/// per document and language, reused paragraph after paragraph (it keeps its buffers). The
/// rules (a kilobyte of tables) are held by reference, and the helpers that only read the
/// corrector are `mutating` too: called from a mutating method, a non-mutating one is handed
/// a copy of the whole corrector, at every candidate boundary.
///
/// - Complexity: O(*n*) in the length of the paragraph: each byte is read a bounded number
///   of times, and words are looked up by hash.
struct BoundaryCorrector {
  private let ruleSet: SplitRules.Shared
  /// The language's rules.
  var rules: SplitRules {
    _read { yield ruleSet.rules }
  }
  /// The paragraph being corrected.
  private var b = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var result: [Int] = []
  private var icu: [Int] = []
  private var quotes = QuoteSpans()
  /// The line whose quotations ``quoteSpans()`` gives, and whether they were found yet.
  private var quotesLine = 0..<0
  private var quotesFound = false
  /// The spans that keep sentence ends inside them from ending a segment: all of
  /// ``quoteSpans()``, or only its brackets with ``splitsQuotations``.
  private var protecting: [Range<Int>] = []
  /// Whether sentence ends inside quotations end sentences too (brackets still hold theirs):
  /// the finer units a summary may choose among, never the segments of `split`.
  var splitsQuotations = false
  private var icuIndex = 0
  /// Where the current segment's first word starts.
  private var segmentStart = 0
  /// The list item that opened the current segment, if any.
  private var listItem: ListMarker? = nil
  /// The line last checked for a sentence end, and the answer.
  private var checkedLine = -1
  private var lineHasEnd = false
  /// Where the word of the mark being decided starts.
  private var wordStart = 0
  /// The word last checked for being an address, and the answer (see
  /// ``wordIsAddress(line:)``).
  private var addressChecked = -1
  private var addressAnswer = false
  /// Whether `icu` holds only the paragraph's line starts and end, in place of ICU's
  /// boundaries (see ``boundaries(of:icu:wordLocale:withoutICU:)``).
  private var withoutICU = false
  /// In that mode: whether ICU's boundaries could have changed the answer.
  private(set) var needsICU = false

  /// The ICU locale of the sentence break iterator whose boundaries this corrects.
  let icuLocale: String
  /// Whether ``icuLocale`` has keywords (`@ss=standard`), which change where ICU breaks.
  private let icuHasKeywords: Bool

  /// Makes a corrector for one language, to reuse paragraph after paragraph (it keeps its
  /// buffers).
  init(rules: SplitRules.Shared, icuLocale: String) {
    self.ruleSet = rules
    self.icuLocale = icuLocale
    self.icuHasKeywords = icuLocale.utf8.contains(UInt8(ascii: "@"))
  }

  /// The ICU locale of the word breaks `boundaries` needs for `text` in `language`: only
  /// where a space may end a sentence and the text has a space (the corrector then asks for
  /// them line by line), else nil.
  func wordLocale(for text: UnsafeBufferPointer<UInt8>, language: LanguageTag) -> String? {
    rules.spaceEndsSentence && Whitespace.hasSpace(text) ? language.icuLocale : nil
  }

  /// The boundaries of `paragraph`: ascending UTF-8 offsets where segments start, after the
  /// first, and the paragraph's end.
  ///
  /// - Parameters:
  ///   - icu: ICU's boundaries, ascending.
  ///   - wordLocale: for scripts where a space may end a sentence, the ICU locale whose
  ///     word breaks the rules read at such spaces; nil otherwise.
  ///   - withoutICU: `icu` holds only the start of each line after the first and the
  ///     paragraph's length, for a paragraph where ICU may break only after `.`, `!` and `?`
  ///     (``SentenceBreakCharacters``): the answer is ICU's unless ``needsICU`` is then set,
  ///     when ICU's boundaries could change it (a rule asked whether ICU breaks, or ICU
  ///     could break where no cluster covers), and the paragraph must be corrected again
  ///     with them.
  mutating func boundaries(
    of paragraph: UnsafeBufferPointer<UInt8>, icu: [Int], wordLocale: String?,
    withoutICU: Bool = false
  ) throws -> [Int] {
    self.withoutICU = withoutICU
    needsICU = false
    self.b = paragraph
    let b = paragraph
    result.removeAll(keepingCapacity: true)
    self.icu = icu
    icuIndex = 0
    addressChecked = -1
    checkedLine = -1
    var spaces = wordLocale.map { SpaceBoundaries(bytes: b, wordLocale: $0) }
    var lineStart = 0
    while lineStart <= b.count {
      let lineEnd = Whitespace.lineEnd(from: lineStart, in: b)
      if lineStart > 0 { result.append(lineStart) }
      quotesLine = lineStart..<lineEnd
      quotesFound = false
      scan(lineStart..<lineEnd)
      if spaces != nil {
        let spans = protectingSpans()
        try spaces?.add(in: lineStart..<lineEnd, quotes: spans, rules: ruleSet, to: &result)
      }
      lineStart = lineEnd + 1
    }
    result.append(b.count)
    // Boundaries come mostly in order; Thai spaces and ICU's leftovers may not.
    if zip(result, result.dropFirst()).contains(where: { $0 > $1 }) { result.sort() }
    // Drop 0 and duplicates in place.
    var kept = 0
    for k in result.indices where result[k] > 0 && (kept == 0 || result[k] != result[kept - 1]) {
      result[kept] = result[k]
      kept += 1
    }
    result.removeLast(result.count - kept)
    self.b = UnsafeBufferPointer(start: nil, count: 0)
    // Let go of ICU's boundaries, so that the break iterator reuses their buffer.
    self.icu = []
    return result
  }

  // MARK: - Scanning a line

  private mutating func scan(_ line: Range<Int>) {
    let b = self.b
    startSegment(at: line.lowerBound, line: line)
    var i = line.lowerBound
    var atWordStart = true
    var wordStart = i
    var previous: UInt32 = 0x20
    let markPrefixes = rules.markPrefixes
    let markThirds = rules.markThirds
    let markLeads = rules.markLeads
    while i < line.upperBound {
      // Fast paths: letters and digits decide nothing, nor does other ASCII inside a word;
      // only characters that may be marks, quotes or spaces, and words that may open a list
      // item or a web address, are decoded.
      let byte = b[i]
      // At a word's start, the fast paths note only where it starts, when no list item can
      // go on (none is open) and no web address start.
      if byte < 0x80 {
        if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
          if atWordStart && !(i > segmentStart && listItem != nil) && !rules.mayBeASCIIMark(byte)
            && !(i + 1 < line.upperBound && rules.mayStartURL(byte, b[i + 1]))
          {
            atWordStart = false
            wordStart = i
          }
          if !atWordStart {
            // The word's ASCII letters and digits at once, up to eight.
            var k = 1
            if i + 8 <= line.upperBound, let base = b.baseAddress {
              k = Self.asciiAlphanumerics(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            }
            i += k
            previous = 0xFFFF  // a letter or digit: neither a space nor a mark
            continue
          }
        } else if byte == 0x20 {
          atWordStart = true
          previous = 0x20
          i += 1
          continue
        } else if !atWordStart && byte > 0x20 && !rules.mayBeASCIIMark(byte) {
          // Other ASCII inside a word (a comma, a hyphen): no space, no mark.
          previous = UInt32(byte)
          i += 1
          continue
        }
      } else if byte >= 0xC0 && (!atWordStart || !(i > segmentStart && listItem != nil)) {
        // The run of letters written with several bytes each (Cyrillic, CJK, Devanagari …)
        // up to the first character that may be a mark: most are passed by their lead byte
        // alone (`markLeads`), the others by their first two bytes, or three.
        var j = i
        while j + 1 < line.upperBound {
          let c = b[j]
          if c < 0xC0 { break }
          if markLeads >> UInt64(c & 0x3F) & 1 != 0 {
            let c1 = b[j + 1]
            if SplitRules.mayBeMark(c, c1, in: markPrefixes)
              && (c & 0xF0 != 0xE0 || j + 2 >= line.upperBound
                || SplitRules.mayBeMark(c, c1, b[j + 2], in: markPrefixes, thirds: markThirds))
            {
              break
            }
          }
          j += (~c).leadingZeroBitCount  // the character's length, from its lead byte
        }
        if j > i {
          if atWordStart {
            atWordStart = false
            wordStart = i
          }
          previous = 0xFFFF  // some letter: neither a space nor a mark
          i = j
          continue
        }
      }
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      if UTF8Text.isSpace(v) {
        atWordStart = true
        previous = v
        i += w
        continue
      }
      if atWordStart {
        atWordStart = false
        wordStart = i
        if i > segmentStart, let item = listItem,
          let marker = ListMarker(at: i, line: line, bullets: rules.bullets, b),
          marker.continues(item)
        {
          keepICU(before: i)
          result.append(i)
          segmentStart = i
          listItem = marker
        }
        if i + 1 < line.upperBound, rules.mayStartURL(byte, b[i + 1]),
          let end = addressEnd(at: i, line: line)
        {
          keepICU(before: i)
          dropICU(through: end)
          if withoutICU && !needsICU && icuMayBreak(after: i..<end, beyond: end, line: line) {
            needsICU = true
          }
          previous = UTF8Text.scalar(before: end, in: b).value
          i = end
          continue
        }
      }
      // Only the characters the rules name can be marks: a bit test before the rules.
      let mayBeMark =
        byte < 0x80
        ? rules.mayBeASCIIMark(byte) : SplitRules.mayBeMark(byte, b[i + 1], in: markPrefixes)
      if mayBeMark, let kind = terminatorKind(v, at: i, previous: previous, line: line) {
        var cluster = makeCluster(at: i, width: w, kind: kind, line: line, wordStart: wordStart)
        keepICU(before: cluster.start + 1)
        let icuBreaks = takeICU(through: cluster.next)
        cluster.icuBreaks = icuBreaks
        if withoutICU && !needsICU
          && icuMayBreak(after: cluster.start..<cluster.end, beyond: cluster.next, line: line)
        {
          needsICU = true
        }
        self.wordStart = wordStart
        if decide(cluster, line: line) {
          result.append(cluster.next)
          startSegment(at: cluster.next, line: line)
        }
        previous = UTF8Text.scalar(before: cluster.end, in: b).value
        i = cluster.end
        atWordStart = cluster.end < line.upperBound && cluster.next > cluster.end
        continue
      }
      previous = v
      i += w
    }
    keepICU(before: line.upperBound + 1)
  }

  /// How many of the eight bytes of `w` (in memory order) are ASCII letters or digits before
  /// the first that is not one.
  @inline(__always)
  static func asciiAlphanumerics(_ w: UInt64) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // For a byte x below 0x80, x + (0x80 - lo) has its top bit set when x ≥ lo, and
    // x + (0x7F - hi) when x > hi; no sum carries into the next byte. Bytes of 0x80 and
    // above are neither (their top bit is cleared first and set in the answer).
    let low = w & ~highs
    let lower = low | (0x20 &* ones)
    let letters = (lower &+ (0x80 - 0x61) &* ones) & ~(lower &+ (0x7F - 0x7A) &* ones)
    let digits = (low &+ (0x80 - 0x30) &* ones) & ~(low &+ (0x7F - 0x39) &* ones)
    let others = ~(letters | digits) & highs | (w & highs)
    return others == 0 ? 8 : others.trailingZeroBitCount >> 3
  }

  private mutating func startSegment(at i: Int, line: Range<Int>) {
    let b = self.b
    var j = i
    while j < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      if !UTF8Text.isSpace(v) { break }
      j += w
    }
    segmentStart = j
    listItem = ListMarker(at: j, line: line, bullets: rules.bullets, b)
  }

  // MARK: - ICU's boundaries

  /// Keeps ICU's boundaries before `limit` that no cluster covered, unless quoted.
  private mutating func keepICU(before limit: Int) {
    while icuIndex < icu.count && icu[icuIndex] < limit {
      let x = icu[icuIndex]
      icuIndex += 1
      if !isQuoted(x) { result.append(x) }
    }
  }

  /// Takes ICU's boundaries up to `limit` (a cluster's), saying whether there were any.
  private mutating func takeICU(through limit: Int) -> Bool {
    var any = false
    while icuIndex < icu.count && icu[icuIndex] <= limit {
      any = true
      icuIndex += 1
    }
    return any
  }

  /// Drops ICU's boundaries up to `limit` (inside a web address).
  private mutating func dropICU(through limit: Int) { _ = takeICU(through: limit) }

  /// Whether ICU put a boundary in cluster `c`. Without ICU's boundaries, known where the
  /// cluster starts with `.`, `!` or `?` whose run (``icuRun(from:line:)``) ends in the
  /// cluster before neither a letter with case, a digit nor a continuing mark, unless ICU's
  /// abbreviation list (`@ss=standard`) is in use: ICU breaks there (UAX #29, SB11) unless,
  /// after a full stop, a lower-case letter comes before any other letter or terminator (SB8).
  private mutating func icuBreaks(at c: Cluster, line: Range<Int>) -> Bool {
    guard withoutICU else { return c.icuBreaks }
    let b = self.b
    let mark = b[c.start]
    if mark == 0x2E || mark == 0x21 || mark == 0x3F, !icuHasKeywords {
      let (e, afterFullStop) = icuRun(from: c.start, line: line)
      if e <= c.next && e < line.upperBound {
        switch SentenceBreakClass(of: UTF8Text.scalar(at: e, in: b).value) {
        case .upper, .lower, .numeric, .sContinue: break
        default:
          var j = e
          var k = SentenceBreakClass.other
          while j < line.upperBound {
            let (v, w) = UTF8Text.scalar(at: j, in: b)
            k = SentenceBreakClass(of: v)
            if k == .oLetter || k == .upper || k == .lower || k == .sep || k == .cr || k == .lf
              || k.isTerminator
            {
              break
            }
            j += w
          }
          if !(j < line.upperBound && k == .lower && afterFullStop) { return true }
          // No break at the run's end; nor anywhere else in the cluster, with no other mark.
          if !b[e..<c.next].contains(where: { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }) {
            return false
          }
        }
      }
    }
    needsICU = true
    return c.icuBreaks
  }

  /// Where the run of ICU's sentence break rules that starts at the terminator at `p` (`.`,
  /// `!` or `?`) ends in `line`: the terminators, then closing marks, then spaces, with
  /// combining and format characters anywhere, and again after another terminator. ICU
  /// breaks there or nowhere in the run. Also whether its last terminator is a full stop
  /// (Sentence_Break ATerm).
  private mutating func icuRun(from p: Int, line: Range<Int>) -> (end: Int, afterFullStop: Bool) {
    let b = self.b
    // 0: after a terminator; 1: after closing marks; 2: after spaces.
    var state = 0
    var fullStop = b[p] == 0x2E
    var j = p + 1
    while j < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      switch SentenceBreakClass(of: v) {
      case .aTerm:
        state = 0
        fullStop = true
      case .sTerm:
        state = 0
        fullStop = false
      case .close where state < 2: state = 1
      case .sp: state = 2
      case .extend, .format: break
      default: return (j, fullStop)
      }
      j += w
    }
    return (j, fullStop)
  }

  /// Without ICU's boundaries: whether ICU may break after a `.`, `!` or `?` in `marks`
  /// somewhere past `limit` in `line`, where no cluster would take its boundary. ICU breaks
  /// only at the end of a run of terminators with their closing marks and spaces (UAX #29,
  /// rules SB8a–SB11), with combining and format characters in it; a run that reaches the
  /// line's end breaks after the line feed, where every line breaks anyway.
  private mutating func icuMayBreak(after marks: Range<Int>, beyond limit: Int, line: Range<Int>)
    -> Bool
  {
    let b = self.b
    var p = marks.lowerBound
    while p < marks.upperBound {
      let c = b[p]
      guard c == 0x2E || c == 0x21 || c == 0x3F else {
        p += 1
        continue
      }
      let j = icuRun(from: p, line: line).end
      if j < line.upperBound && j > limit { return true }
      p = j
    }
    return false
  }

  /// Whether `line` has a full stop, question or exclamation mark anywhere.
  private mutating func lineHasSentenceEnd(_ line: Range<Int>) -> Bool {
    let b = self.b
    if checkedLine == line.lowerBound { return lineHasEnd }
    checkedLine = line.lowerBound
    lineHasEnd = false
    var i = line.lowerBound
    while i < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      if v == 0x2E || v == 0x21 || v == 0x3F || rules.fullStops.contains(v) {
        lineHasEnd = true
        break
      }
      i += w
    }
    return lineHasEnd
  }

  /// The quotations and brackets of the current line, found when first asked for: a line
  /// whose only sentence mark ends it never needs them.
  private mutating func quoteSpans() -> [Range<Int>] {
    if !quotesFound {
      quotes.find(in: quotesLine, of: b)
      quotesFound = true
      if splitsQuotations {
        let b = self.b
        protecting = quotes.spans.filter {
          Self.isOpeningBracket(UTF8Text.scalar(at: $0.lowerBound, in: b).value)
        }
      }
    }
    return quotes.spans
  }

  /// The spans of the current line whose sentence ends end nothing (see
  /// ``splitsQuotations``).
  private mutating func protectingSpans() -> [Range<Int>] {
    let spans = quoteSpans()
    return splitsQuotations ? protecting : spans
  }

  /// Opening brackets (not quotation marks).
  static func isOpeningBracket(_ v: UInt32) -> Bool {
    switch v {
    case 0x28, 0x5B, 0x7B, 0x3008, 0x300A, 0x3010, 0x3014, 0xFF08, 0xFF3B, 0xFF5B: true
    default: false
    }
  }

  /// Whether offset `x` is strictly inside a quotation or bracket of the current line.
  private mutating func isQuoted(_ x: Int) -> Bool {
    QuoteSpans.isStrictlyInside(x, protectingSpans())
  }

  // MARK: - What ends a sentence

  /// The kind of sentence mark `v` at `i` is, or nil when it is none.
  private mutating func terminatorKind(_ v: UInt32, at i: Int, previous: UInt32, line: Range<Int>) -> Cluster
    .Kind?
  {
    let b = self.b
    switch v {
    case 0x2E, 0xFF0E:
      if rules.nonTerminators.contains(v) { return .ignored }
      if v == 0x2E && isSpacedEllipsis(at: i, previous: previous, line: line) {
        return .spacedEllipsis
      }
      return .period
    case 0x21, 0x3F, 0x203C, 0x2047...0x2049:
      return rules.nonTerminators.contains(v) ? .ignored : .strong
    case 0x2026:
      return rules.nonTerminators.contains(v) ? .ignored : .ellipsis
    case 0x22, 0x27, 0x201D, 0x2019, 0xBB, 0x300D, 0x300F:
      // A closing quote right after a dash: speech broken off ("to--" At this moment).
      let (p, pw) = UTF8Text.scalar(before: i, in: b)
      let after = i + UTF8Text.width(of: v)
      if UTF8Text.isDash(p) && i - pw > line.lowerBound && (p != 0x2D || b[i - pw - 1] == 0x2D)
        && after < line.upperBound && UTF8Text.isSpace(UTF8Text.scalar(at: after, in: b).value)
      {
        return .brokenOff
      }
      return nil
    default:
      if v < 0x80 && !rules.terminators.contains(v) && !rules.weakTerminators.contains(v)
        && !rules.labelTerminators.contains(v)
      {
        return nil
      }
      if rules.fullStops.contains(v) { return .fullStop }
      if rules.terminators.contains(v) { return .extra }
      if rules.weakTerminators.contains(v) { return .weak }
      if rules.labelTerminators.contains(v) { return .label }
      return nil
    }
  }

  /// Whether `. . .` starts at `i`, after a space: an omission, never a sentence end.
  private mutating func isSpacedEllipsis(at i: Int, previous: UInt32, line: Range<Int>) -> Bool {
    let b = self.b
    guard UTF8Text.isSpace(previous), i + 4 < line.upperBound else { return false }
    return b[i + 1] == 0x20 && b[i + 2] == 0x2E && b[i + 3] == 0x20 && b[i + 4] == 0x2E
  }

  /// Whether a sentence ends after `c`.
  private mutating func decide(_ c: Cluster, line: Range<Int>) -> Bool {
    let b = self.b
    if c.next >= line.upperBound { return true }
    if isInsideQuote(c) { return false }
    switch c.kind {
    case .ignored: return false
    case .spacedEllipsis:
      // ". . . ." after a space: an omission and a full stop.
      return c.periods >= 4 && nextWord(c, line: line).isUpper
    case .fullStop: return true
    case .extra: return c.next > c.end
    case .label:
      // "سؤال وجواب: ماذا حدث؟" ends a label; "قالت: «…»" introduces a quotation.
      guard c.next > c.end else { return false }
      return !Self.isOpening(UTF8Text.scalar(at: c.next, in: b).value)
    case .weak:
      // Only where the writer uses no full stop in the line: then commas part sentences.
      guard c.next > c.end, !lineHasSentenceEnd(line) else { return false }
      // A comma before a one-word list item: "الدم، والقلب، زرعها".
      let word = letters(from: c.next, line: line)
      return
        !(word.upperBound < line.upperBound
        && UTF8Text.scalar(at: word.upperBound, in: b).value == c.mark)
    case .brokenOff: return nextWord(c, line: line).isUpper
    case .period, .strong, .ellipsis: break
    }
    let word = c.wordBefore
    let shape = c.kind == .period && !word.isEmpty ? WordShape(word, in: b) : .other
    if c.kind == .period, isListLabel(word, shape: shape) { return false }
    if c.next == c.end { return decideJoined(c, line: line) }
    let next = nextWord(c, line: line)
    // A bracket after a closed quotation comments on it: "… the house!' (Which was true.)"
    if c.closesQuote && next.isBracket { return false }
    if next.isPunctuation { return false }
    switch c.kind {
    case .strong:
      if rules.exclamations.contains(word.lowerBound..<c.start + 1, in: b) { return next.isStarter }
      if next.isLower { return rules.strongEndsBeforeLowercase }
      if next.isDash { return next.afterDashIsUpper }
      return true
    case .ellipsis:
      if next.isLower || next.isDigit { return false }
      return next.isUpper || icuBreaks(at: c, line: line)
    default:
      return decidePeriod(c, shape: shape, next: next, line: line)
    }
  }

  /// Whether a sentence ends at a full stop followed by a space.
  private mutating func decidePeriod(_ c: Cluster, shape: WordShape, next: NextWord, line: Range<Int>)
    -> Bool
  {
    let b = self.b
    let word = c.wordBefore
    let token = word.lowerBound..<c.start + 1
    // "Nov.." or "UU..": an abbreviation's period, then the sentence's.
    let doubled = c.periods == 2
    if case .letter = shape, !doubled {
      // An initial ("E. Smith", "А. И. Семенов") or a label, unless the letter is a word.
      let isWord = rules.letterWords.contains(word, in: b)
      if !(isWord && previousWordIsLower(before: word.lowerBound)) { return false }
    } else if !word.isEmpty && !doubled {
      let keys = lookupKeys(token)
      if contains(rules.neverEnd, keys) { return false }
      if contains(rules.beforeNumber, keys) {
        return next.isDigit ? false : next.isStarter || next.isMarker
      }
      if contains(rules.mayEnd, keys) { return next.isStarter || next.isMarker }
      if contains(rules.endBeforeCapital, keys) {
        guard next.isUpper else { return next.isMarker }
        return !titleFollows(c, line: line)
      }
      switch shape {
      case .letter, .other: break
      case .dotted:
        return next.isStarter || next.isMarker
      case let .number(digits):
        if rules.ordinals && digits <= 3 {
          if next.isDigit || next.isDash { return false }
          return next.isStarter || next.isMarker
        }
      case .roman:
        if rules.ordinals { return next.isStarter || next.isMarker }
      }
    }
    if next.isMarker || next.isEllipsis { return true }
    if next.isLower { return false }
    if next.isUpper || next.isDigit { return true }
    if next.isDash { return next.afterDashIsUpper }
    return icuBreaks(at: c, line: line)
  }

  /// Whether a sentence ends at a mark followed directly by a word: "world.Today" ends one,
  /// "3.14", "Ph.D.", "example.com", "report.PDF" and "Y!J" do not.
  private mutating func decideJoined(_ c: Cluster, line: Range<Int>) -> Bool {
    let b = self.b
    let (v, _) = UTF8Text.scalar(at: c.end, in: b)
    guard UTF8Text.isLetter(v) else { return false }
    if UTF8Text.isCJK(v) { return true }
    if wordIsAddress(line: line) { return false }
    let word = c.wordBefore
    let right = letters(from: c.end, line: line)
    let token = word.lowerBound..<c.start + 1
    // "U.S.A.", "Ph.D.": a single letter followed by a full stop is another abbreviation part.
    if letterCount(right) == 1 && right.upperBound < line.upperBound && b[right.upperBound] == 0x2E
    {
      return false
    }
    let rightIsStarter = UTF8Text.isUpper(v) && rules.starters.contains(right, in: b)
    let keys = lookupKeys(token)
    if contains(rules.neverEnd, keys) { return false }
    if contains(rules.mayEnd, keys) || contains(rules.beforeNumber, keys) {
      return rightIsStarter
    }
    // "News.Az reports": a web domain written with capitals, unless it reads as a word
    // ("world.It was", "Tuesday.Mr. Smith").
    if letterCount(right) <= 3, !rightIsStarter, rules.domains.contains(right, in: b),
      !(right.upperBound < line.upperBound && b[right.upperBound] == 0x2E
        && isAbbreviation(right.lowerBound..<right.upperBound + 1))
    {
      return false
    }
    if right.upperBound < line.upperBound,
      rules.fileExtensions.contains(right, in: b),
      !UTF8Text.isWordCharacter(UTF8Text.scalar(at: right.upperBound, in: b).value)
    {
      return false
    }
    if case let .number(digits) = WordShape(word, in: b) {
      // "1.Helado, 2.Carne" is a list; "bought 1,000.That is" ends a sentence.
      let isLabel = digits <= 2 && word.count == digits
      return isLabel ? rightIsStarter : UTF8Text.isUpper(v) && letterCount(right) >= 2
    }
    guard UTF8Text.isUpper(v), letterCount(word) >= 2,
      UTF8Text.isLower(UTF8Text.scalar(before: word.upperBound, in: b).value)
    else { return false }
    return true
  }

  /// Whether the word after `c` is a title that never ends a sentence, such as `Mr.` after
  /// `6 p.m.`.
  private mutating func titleFollows(_ c: Cluster, line: Range<Int>) -> Bool {
    let b = self.b
    var j = c.next
    while j < line.upperBound && j - c.next < 32 {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      if v == 0x2E { return rules.neverEnd.contains(c.next..<j + 1, in: b) }
      guard UTF8Text.isLetter(v) else { return false }
      j += w
    }
    return false
  }

  /// Whether `word` (before a full stop) is the label of a list item: "1." or "iv." or "a."
  /// first in its segment, after any bullet.
  private mutating func isListLabel(_ word: Range<Int>, shape: WordShape) -> Bool {
    guard word.lowerBound == firstWordStart() else { return false }
    switch shape {
    case let .number(digits): return digits <= 3
    case .roman, .letter: return true
    default: return false
    }
  }

  /// Where the current segment's first word starts, after bullets and opening marks.
  private mutating func firstWordStart() -> Int {
    let b = self.b
    var j = segmentStart
    while j < b.count {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      guard
        rules.bullets.contains(v) || UTF8Text.isSpace(v) || Self.isOpening(v)
          || UTF8Text.isFormat(v)
      else { break }
      j += w
    }
    return j
  }

  /// Whether `token` (a word with its full stop) is in any abbreviation list.
  private mutating func isAbbreviation(_ token: Range<Int>) -> Bool {
    let b = self.b
    return rules.neverEnd.contains(token, in: b) || rules.mayEnd.contains(token, in: b)
      || rules.beforeNumber.contains(token, in: b) || rules.endBeforeCapital.contains(token, in: b)
  }

  /// The keys to look `token` (a word and its full stop) up by: the token, and the token
  /// without an elided article ("l'Ing." → "Ing.", "dell'avv." → "avv.").
  private mutating func lookupKeys(_ token: Range<Int>) -> (WordTable.Key, WordTable.Key?) {
    let b = self.b
    // The last apostrophe, ' or ’ (E2 80 99): bytes that start no other character.
    var k = token.upperBound
    while k > token.lowerBound {
      k -= 1
      let after =
        b[k] == 0x27
        ? k + 1
        : b[k] == 0xE2 && k + 2 < token.upperBound && b[k + 1] == 0x80 && b[k + 2] == 0x99
          ? k + 3 : -1
      if after >= 0 {
        return (WordTable.key(token, in: b), WordTable.key(after..<token.upperBound, in: b))
      }
    }
    return (WordTable.key(token, in: b), nil)
  }

  private mutating func contains(_ table: WordTable, _ keys: (WordTable.Key, WordTable.Key?)) -> Bool {
    if table.contains(keys.0) { return true }
    if let elided = keys.1 { return table.contains(elided) }
    return false
  }

  /// Whether the cluster's sentence end is inside a quotation or bracket that goes on after it.
  private mutating func isInsideQuote(_ c: Cluster) -> Bool {
    QuoteSpans.encloses(c.start..<c.end, protectingSpans())
  }

  /// Whether the word of the mark being decided is a web or e-mail address, whose dots end
  /// nothing: asked once per word, and only when a mark is joined to the next word (and not
  /// in CJK text, which has no spaces to end a word).
  private mutating func wordIsAddress(line: Range<Int>) -> Bool {
    if addressChecked != wordStart {
      addressChecked = wordStart
      addressAnswer = isAddress(wordStart, line: line)
    }
    return addressAnswer
  }

  /// Whether the word starting at `i` is a web or e-mail address.
  private mutating func isAddress(_ i: Int, line: Range<Int>) -> Bool {
    let b = self.b
    if addressEnd(at: i, line: line) != nil { return true }
    var j = i
    while j < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      if UTF8Text.isSpace(v) { break }
      if v == 0x40 { return true }  // "@"
      j += w
    }
    return false
  }

  /// The end of the web address starting at `i` (without trailing punctuation), or nil.
  private mutating func addressEnd(at i: Int, line: Range<Int>) -> Int? {
    let b = self.b
    // Cheap first: the first two letters of a prefix; most words match none.
    guard i + 1 < line.upperBound, rules.mayStartURL(b[i], b[i + 1]) else { return nil }
    var matched = false
    for prefix in rules.urlPrefixes where i + prefix.count <= line.upperBound {
      var k = 0
      while k < prefix.count && (b[i + k] | (prefix[k] >= 0x61 ? 0x20 : 0)) == prefix[k] { k += 1 }
      if k == prefix.count {
        matched = true
        break
      }
    }
    guard matched else { return nil }
    var end = i
    while end < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: end, in: b)
      if UTF8Text.isSpace(v) { break }
      end += w
    }
    // Trailing punctuation belongs to the sentence: "see www.example.org."
    while end > i {
      let (v, w) = UTF8Text.scalar(before: end, in: b)
      guard
        v == 0x2E || v == 0x2C || v == 0x3B || v == 0x3A || v == 0x21 || v == 0x3F || v == 0x29
          || v == 0x22 || v == 0x27 || v == 0x201D || v == 0x2019
      else { break }
      end -= w
    }
    return end
  }

  /// Reads the cluster of the sentence mark `kind` at `i`, in the word that starts at
  /// `wordStart`: the marks, the closing quotes and brackets, citations, the space after.
  private mutating func makeCluster(
    at i: Int, width: Int, kind: Cluster.Kind, line: Range<Int>, wordStart: Int
  ) -> Cluster {
    let b = self.b
    // The word before: from its start or the segment's, without opening marks, bullets and a
    // sign ("-3."), at most 64 bytes (a longer one is no abbreviation).
    var s = max(wordStart, segmentStart, line.lowerBound)
    if i - s > 64 { s = i }
    while s < i {
      let (v, w) = UTF8Text.scalar(at: s, in: b)
      let isSign =
        UTF8Text.isDash(v) && s + w < i && UTF8Text.isDigit(UTF8Text.scalar(at: s + w, in: b).value)
      guard Self.isOpening(v) || rules.bullets.contains(v) || UTF8Text.isFormat(v) || isSign else {
        break
      }
      s += w
    }
    var e = i
    while e > s {
      let (v, w) = UTF8Text.scalar(before: e, in: b)
      guard UTF8Text.isFormat(v) else { break }
      e -= w
    }
    var c = Cluster(
      kind: kind, mark: UTF8Text.scalar(at: i, in: b).value, start: i, wordBefore: s..<e)
    var j = i
    switch kind {
    case .brokenOff:
      j = i + width
    case .spacedEllipsis:
      while j + 2 < line.upperBound && b[j] == 0x2E && b[j + 1] == 0x20 && b[j + 2] == 0x2E {
        c.periods += 1
        j += 2
      }
      c.periods += 1
      j += 1
    default:
      // The marks: "?!", "...", "。", "Nov..".
      var sawStrong = false
      while j < line.upperBound {
        let (v, w) = UTF8Text.scalar(at: j, in: b)
        if v == 0x2E || v == 0xFF0E {
          c.periods += 1
        } else if v == 0x2026 {
        } else if v == 0x21 || v == 0x3F || v == 0x203C || (0x2047...0x2049).contains(v)
          || rules.fullStops.contains(v)
        {
          sawStrong = true
        } else if j == i {
          // The language's own mark (":" in Armenian), alone.
        } else {
          break
        }
        j += w
      }
      // "[...]" and "(…)" mark an omission, not a sentence end.
      if !sawStrong && i > line.lowerBound && j < line.upperBound
        && (b[i - 1] == 0x5B && b[j] == 0x5D || b[i - 1] == 0x28 && b[j] == 0x29)
      {
        c.kind = .ignored
      } else if sawStrong && (kind == .period || kind == .ellipsis) {
        c.kind = .strong
      } else if kind == .period && c.periods >= 3 {
        c.kind = .ellipsis
      }
      // The closing quotes and brackets: `."`, `!”)`, `。」`, `!).`.
      while j < line.upperBound {
        let (v, w) = UTF8Text.scalar(at: j, in: b)
        if v == 0x2E || v == 0xFF0E || rules.fullStops.contains(v) {
          j += w  // a stop after the bracket: "(… nicht!)."
          continue
        }
        guard Self.isClosing(v) || UTF8Text.isFormat(v) else { break }
        // An ASCII quote before a letter opens the next word ("said.'Then" is rare).
        if (v == 0x22 || v == 0x27) && j + w < line.upperBound
          && UTF8Text.isWordCharacter(UTF8Text.scalar(at: j + w, in: b).value)
        {
          break
        }
        if Self.isQuotationMark(v) { c.closesQuote = true }
        j += w
      }
      // « Non. » and « Non ! »: a closing guillemet after a space still closes the quote.
      var k = j
      while k < line.upperBound && UTF8Text.isSpace(UTF8Text.scalar(at: k, in: b).value) { k += 1 }
      if k > j && k < line.upperBound {
        let (v, w) = UTF8Text.scalar(at: k, in: b)
        if Self.isClosing(v) && QuoteSpans.hasSpan(endingAt: k + w, quoteSpans()) {
          j = k + w
          c.closesQuote = Self.isQuotationMark(v)
        }
      }
      j = Cluster.citationEnd(after: j, markStart: i, line: line, b: b)
    }
    c.end = j
    var k = j
    while k < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: k, in: b)
      guard UTF8Text.isSpace(v) else { break }
      k += w
    }
    c.next = k
    return c
  }

  // MARK: - Words around a boundary

  /// The letters and marks starting at `i`, up to 64 bytes.
  private mutating func letters(from i: Int, line: Range<Int>) -> Range<Int> {
    let b = self.b
    var j = i
    while j < line.upperBound && j - i < 64 {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      guard UTF8Text.isLetter(v) || UTF8Text.isFormat(v) else { break }
      j += w
    }
    return i..<j
  }

  private mutating func letterCount(_ r: Range<Int>) -> Int {
    let b = self.b
    var n = 0
    var j = r.lowerBound
    while j < r.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      if UTF8Text.isLetter(v) { n += 1 }
      j += w
    }
    return n
  }

  /// Whether the word before offset `i` starts with a lower-case letter ("and I.").
  private mutating func previousWordIsLower(before i: Int) -> Bool {
    let b = self.b
    var j = i
    while j > 0 {
      let (v, w) = UTF8Text.scalar(before: j, in: b)
      if !UTF8Text.isSpace(v) { break }
      j -= w
    }
    var start = j
    while start > 0 && j - start < 64 {
      let (v, w) = UTF8Text.scalar(before: start, in: b)
      if UTF8Text.isSpace(v) || v == 0x0A { break }
      start -= w
    }
    guard start < j else { return false }
    return UTF8Text.isLower(UTF8Text.scalar(at: start, in: b).value)
  }

  /// What follows a cluster, after opening quotes and brackets.
  private mutating func nextWord(_ c: Cluster, line: Range<Int>) -> NextWord {
    let b = self.b
    var next = NextWord()
    var j = c.next
    if let marker = ListMarker(at: j, line: line, bullets: rules.bullets, b) {
      // "a." after a sentence opens a list only as its first item; "x)" and "(x)" always do.
      next.isMarker = marker.style != 1 || marker.isFirst
    }
    if b[j] == 0x2E
      || (j + 2 < line.upperBound && b[j] == 0xE2 && b[j + 1] == 0x80 && b[j + 2] == 0xA6)
    {
      // An ellipsis opening the next sentence, with words after it: "raak. ...en toen".
      var k = j
      while k < line.upperBound
        && (b[k] == 0x2E || b[k] == 0x20
          || b[k] >= 0x80 && UTF8Text.scalar(at: k, in: b).value == 0x2026)
      {
        k += b[k] < 0x80 ? 1 : 3
      }
      next.isEllipsis = k < line.upperBound
      return next
    }
    let (first, _) = UTF8Text.scalar(at: j, in: b)
    next.isBracket = first == 0x28 || first == 0x5B || first == 0xFF08
    while j < line.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      guard Self.isOpening(v) || UTF8Text.isFormat(v) else { break }
      j += w
    }
    guard j < line.upperBound else { return next }
    let (v, w) = UTF8Text.scalar(at: j, in: b)
    next.isPunctuation = j == c.next && !UTF8Text.isWordCharacter(v) && !UTF8Text.isDash(v)
    if UTF8Text.isDash(v) {
      next.isDash = true
      var k = j + w
      while k < line.upperBound, UTF8Text.isSpace(UTF8Text.scalar(at: k, in: b).value) { k += 1 }
      next.afterDashIsUpper =
        k < line.upperBound && UTF8Text.isUpper(UTF8Text.scalar(at: k, in: b).value)
      return next
    }
    next.isDigit = UTF8Text.isDigit(v)
    next.isUpper = UTF8Text.isUpper(v)
    next.isLower = UTF8Text.isLower(v)
    if UTF8Text.isLetter(v) && !next.isLower {
      let word = letters(from: j, line: line)
      next.isStarter = rules.starters.contains(word, in: b)
      // "18,4 mln zł. Ok. 60 proc. …": a lower-case abbreviation written with a capital
      // opens a sentence.
      if !next.isStarter && next.isUpper && word.upperBound < line.upperBound
        && b[word.upperBound] == 0x2E
      {
        let token = word.lowerBound..<word.upperBound + 1
        next.isStarter =
          rules.neverEnd.containsLowerCaseWord(token, in: b)
          || rules.mayEnd.containsLowerCaseWord(token, in: b)
          || rules.beforeNumber.containsLowerCaseWord(token, in: b)
      }
    }

    return next
  }

  /// Opening quotes and brackets, and Spanish ¿ ¡.
  static func isOpening(_ v: UInt32) -> Bool {
    switch v {
    case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xA1, 0xAB, 0xBF, 0x2018, 0x201A, 0x201C, 0x201E, 0x2039,
      0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0xFF08, 0xFF3B, 0xFF5B, 0xFF62:
      true
    default: false
    }
  }

  /// Closing quotation marks (not brackets).
  static func isQuotationMark(_ v: UInt32) -> Bool {
    switch v {
    case 0x22, 0x27, 0xBB, 0x2019, 0x201C, 0x201D, 0x203A, 0x300D, 0x300F, 0xFF63: true
    default: false
    }
  }

  /// Closing quotes and brackets, which stay with the sentence they end.
  static func isClosing(_ v: UInt32) -> Bool {
    switch v {
    case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201C, 0x201D, 0x203A, 0x3009, 0x300B, 0x300D,
      0x300F, 0x3011, 0x3015, 0xFF09, 0xFF3D, 0xFF5D, 0xFF63:
      true
    default: false
    }
  }

  // MARK: - Parts

  /// A sentence mark with what belongs to it.
  struct Cluster {
    enum Kind {
      /// `.` and `．`: a full stop, or an abbreviation's, ordinal's or initial's period.
      case period
      /// `!`, `?` and their doubles.
      case strong
      /// `…` or `...` after a word.
      case ellipsis
      /// `. . .` after a space: an omission.
      case spacedEllipsis
      /// A script's full stop: `。`, `।`, `։`, `።`, `။`, `؟`.
      case fullStop
      /// A mark the language adds (`:` in Armenian, `;` in Greek).
      case extra
      /// A mark that ends a sentence except in a one-word list (the Arabic comma).
      case weak
      /// A mark that ends a label or lead-in unless a quotation follows (the Arabic colon).
      case label
      /// A dash before a closing quote: speech broken off.
      case brokenOff
      /// A mark the language says never ends a sentence.
      case ignored
    }

    var kind: Kind
    /// The first mark and where it starts.
    let mark: UInt32
    let start: Int
    /// After the marks, closing quotes and citations.
    var end: Int
    /// Where the next word starts (or the line ends).
    var next: Int
    /// How many `.` the marks hold.
    var periods = 0
    /// The word before the mark, without opening quotes, brackets and bullets.
    var wordBefore: Range<Int>
    /// Whether ICU put a boundary here.
    var icuBreaks = false
    /// Whether a closing quotation mark follows the marks.
    var closesQuote = false

    init(kind: Kind, mark: UInt32, start: Int, wordBefore: Range<Int>) {
      self.kind = kind
      self.mark = mark
      self.start = start
      self.end = start
      self.next = start
      self.wordBefore = wordBefore
    }

    /// After a full stop: citations that belong to the sentence, "[12]", "[7][8]", or
    /// footnote numbers set right after it ("consultation.11 12 Take").
    static func citationEnd(
      after j: Int, markStart: Int, line: Range<Int>, b: UnsafeBufferPointer<UInt8>
    ) -> Int {
      var end = j
      // Bracketed numbers.
      while end < line.upperBound && b[end] == 0x5B {
        var k = end + 1
        while k < line.upperBound && k - end < 12
          && (b[k] &- 0x30 < 10 || b[k] == 0x2C || b[k] == 0x2D || b[k] == 0x20)
        {
          k += 1
        }
        guard k < line.upperBound && b[k] == 0x5D && k > end + 1 else { break }
        end = k + 1
      }
      if end > j { return end }
      // Digits glued to a full stop after a word or bracket, then a capital.
      guard j < line.upperBound, b[j] &- 0x30 < 10, markStart > line.lowerBound, b[j - 1] == 0x2E
      else { return j }
      let before = UTF8Text.scalar(before: markStart, in: b).value
      guard UTF8Text.isLetter(before) || before == 0x29 || before == 0x5D else { return j }
      var k = j
      var groups = 0
      while k < line.upperBound && groups < 6 {
        let groupStart = k
        while k < line.upperBound && b[k] &- 0x30 < 10 && k - groupStart < 4 { k += 1 }
        guard k > groupStart else { break }
        groups += 1
        end = k
        guard k < line.upperBound && b[k] == 0x20 else { break }
        k += 1
        if !(k < line.upperBound && b[k] &- 0x30 < 10) { break }
      }
      // Only when a capital follows: otherwise "3.14" or "v.2" is no citation.
      var m = end
      while m < line.upperBound && b[m] == 0x20 { m += 1 }
      guard m > end, m < line.upperBound, UTF8Text.isUpper(UTF8Text.scalar(at: m, in: b).value)
      else { return j }
      return end
    }
  }

  /// What the word after a cluster is like.
  struct NextWord {
    var isUpper = false
    var isLower = false
    var isDigit = false
    var isDash = false
    var afterDashIsUpper = false
    var isStarter = false
    var isMarker = false
    var isEllipsis = false
    /// The next word opens with a bracket: "(Which was true.)".
    var isBracket = false
    /// Punctuation that is not a quote, bracket or dash follows: "! ! !", "?” ,,Das".
    var isPunctuation = false
  }
}

/// The shape of a word before a full stop.
enum WordShape {
  /// One letter: an initial ("E. Smith"), a label ("a.") or a word ("I").
  case letter
  /// Letters with full stops inside, at most three between two stops: "U.S", "a.m",
  /// "z.B", "т.б" (not "example.com").
  case dotted
  /// A number (digits with separators): `digits` is the count of digits.
  case number(digits: Int)
  /// A Roman numeral of two to six letters: "XII".
  case roman
  case other

  init(_ r: Range<Int>, in b: UnsafeBufferPointer<UInt8>) {
    var letters = 0
    var digits = 0
    var dots = 0
    var part = 0
    var longestPart = 0
    var roman = true
    var other = false
    var j = r.lowerBound
    while j < r.upperBound {
      let (v, w) = UTF8Text.scalar(at: j, in: b)
      j += w
      if UTF8Text.isFormat(v) { continue }
      if UTF8Text.isDigit(v) {
        digits += 1
      } else if UTF8Text.isLetter(v) {
        if !UTF8Text.isMark(v) {
          letters += 1
          part += 1
          longestPart = max(longestPart, part)
        }
        switch v {
        case 0x49, 0x56, 0x58, 0x4C, 0x43: break  // I V X L C
        default: roman = false
        }
      } else if v == 0x2E {
        dots += 1
        part = 0
      } else if v == 0x2C || v == 0x2D || v == 0x2013 || v == 0x2F {
        if letters > 0 { other = true }
      } else {
        other = true
      }
    }
    if digits > 0 && letters == 0 && !other {
      self = .number(digits: digits)
    } else if letters == 1 && digits == 0 && dots == 0 && !other {
      self = .letter
    } else if dots > 0 && letters >= 2 && longestPart <= 3 && digits == 0 && !other {
      self = .dotted
    } else if roman && letters >= 2 && letters <= 6 && digits == 0 && dots == 0 && !other {
      self = .roman
    } else {
      self = .other
    }
  }
}

/// A list item's label at the start of a word: "1.", "2)", "(b)", "c.)", "• ", "⁃9.".
struct ListMarker {
  /// The bullet before the label, if any.
  var bullet: UInt32?
  /// How the label is written: 1 "x.", 2 "x)", 3 "x.)", 4 "(x)".
  var style = 0
  /// The label's value: a number, or a letter's scalar; 0 for a bullet alone.
  var value = 0
  var isLetter = false

  init?(at i: Int, line: Range<Int>, bullets: ScalarSet, _ b: UnsafeBufferPointer<UInt8>) {
    guard i < line.upperBound else { return nil }
    var j = i
    let (first, fw) = UTF8Text.scalar(at: j, in: b)
    if bullets.contains(first) {
      bullet = first
      j += fw
      while j < line.upperBound && b[j] == 0x20 { j += 1 }
      if j >= line.upperBound || !(b[j] &- 0x30 < 10 || b[j] == 0x28) { return }
    }
    var paren = false
    if j < line.upperBound && b[j] == 0x28 {
      paren = true
      j += 1
    }
    guard j < line.upperBound else { return nil }
    let (v, w) = UTF8Text.scalar(at: j, in: b)
    if v &- 0x30 < 10 {
      var k = j
      var n = 0
      while k < line.upperBound && b[k] &- 0x30 < 10 && k - j < 3 {
        n = n * 10 + Int(b[k] - 0x30)
        k += 1
      }
      value = n
      j = k
    } else if j + w < line.upperBound && (b[j + w] == 0x2E || b[j + w] == 0x29)
      && (UTF8Text.isLower(v) || UTF8Text.isUpper(v))
    {
      // A letter label is one cased letter before "." or ")": test those cheap bytes first.
      value = Int(v)
      isLetter = true
      j += w
    } else {
      return nil
    }
    func at(_ k: Int, _ c: UInt8) -> Bool { k < line.upperBound && b[k] == c }
    func closesParen(_ k: Int) -> Int? {
      if at(k, 0x29) { return k + 1 }
      if k + 2 < line.upperBound && b[k] == 0xEF && b[k + 1] == 0xBC && b[k + 2] == 0x89 {
        return k + 3
      }  // ）
      return nil
    }
    if paren {
      guard let k = closesParen(j) else { return nil }
      style = 4
      j = k
    } else if at(j, 0x2E), let k = closesParen(j + 1) {
      style = 3
      j = k
    } else if at(j, 0x2E) {
      style = 1
      j += 1
    } else if let k = closesParen(j) {
      style = 2
      j = k
    } else {
      return nil
    }
    // A label stands alone before the item's words ("1.Helado" is no list).
    guard j < line.upperBound, UTF8Text.isSpace(UTF8Text.scalar(at: j, in: b).value) else {
      if bullet != nil || j >= line.upperBound { return }
      return nil
    }
  }

  /// Whether the label is a list's first: 1, a, A.
  var isFirst: Bool { bullet != nil || value == 1 || value == 0x61 || value == 0x41 }

  /// Whether this label is the next item of the list `previous` began.
  func continues(_ previous: ListMarker) -> Bool {
    if let bullet = previous.bullet { return self.bullet == bullet }
    return bullet == nil && style == previous.style && isLetter == previous.isLetter
      && value == previous.value + 1
  }
}
