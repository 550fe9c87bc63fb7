import PrecisICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How long a summary should be.
public enum SummaryLength: Sendable, Hashable {
  /// The best `n` sentences.
  case sentences(Int)
  /// This share of the summarisable sentences (0...1), at least one.
  case ratio(Double)
  /// Whole sentences that fill `n` words best; the last (in document order) runs past `n`
  /// only when that ends closer to `n`; never empty. With `cut`, the last may always run
  /// past and is cut at word `n`.
  case words(Int)
  /// Sentences that fill `n` words best, the last one (in document order) running past `n`
  /// (with `cut`, cut at word `n`).
  case budgetWords(Int)
}

/// A part of a segment that a summary may choose on its own: one of the sentences a segment
/// quotes, ranked by the `score` stage with `split-quotations` (see `QuotedSentences`).
public struct SummaryUnit: Sendable, Hashable {
  /// The index in `Document.segments` of the segment it is part of.
  public var segment: Int
  /// UTF-8 offsets in `Document.text`, within the segment's range.
  public var range: Range<Int>
  /// Its score in 0...1.
  public var score: Double
  /// Its rank (1 is best) among the document's units.
  public var rank: Int

  public init(segment: Int, range: Range<Int>, score: Double, rank: Int) {
    self.segment = segment
    self.range = range
    self.score = score
    self.rank = rank
  }
}

/// One sentence of a summary.
public struct SummarySentence: Sendable, Hashable {
  /// The index of the segment in `Document.segments` (that holds it, for a sentence a
  /// segment quotes).
  public var index: Int
  /// The sentence (cut short when the length asked for it).
  public var text: String
  /// The segment's score in 0...1.
  public var score: Double
  /// UTF-8 offsets of `text` in `Document.text`.
  public var range: Range<Int>
}

/// Chooses a summary from a scored document: the best-ranked sentences, in document order.
public enum Summary {
  /// The sentences of a summary of `document` of the given length, in document order.
  ///
  /// Headings, boilerplate and protected segments are never chosen. Without scores (no
  /// `score` stage), sentences are taken in document order: the lead.
  ///
  /// - Parameters:
  ///   - document: a document that went through `split` and, for a real summary, `score`.
  ///   - length: how long the summary should be.
  ///   - cut: whether `.words` and `.budgetWords` may cut the last sentence at the word limit.
  ///   - fit: how `.words` and `.budgetWords` choose among the best sentences.
  public static func sentences(
    of document: Document, length: SummaryLength, cut: Bool = false, fit: SummaryFit = .init()
  ) -> [SummarySentence] {
    // Summaries of a number of words rank by the `word-limits` weights when `score` set them.
    let byWords: Bool
    switch length {
    case .words, .budgetWords: byWords = true
    case .sentences, .ratio: byWords = false
    }
    // The units to choose among: the segments, or the parts of them `score` ranked.
    let units: [SummaryUnit]
    if let parts = byWords ? document.wordLimitUnits : document.sentenceUnits,
      parts.allSatisfy({ $0.segment < document.segments.count })
    {
      units = parts
    } else {
      units = document.segments.enumerated().map { i, segment in
        SummaryUnit(
          segment: i, range: segment.range,
          score: (byWords ? segment.wordLimitScore : nil) ?? segment.score ?? 0,
          rank: (byWords ? segment.wordLimitRank : nil) ?? segment.rank ?? Int.max)
      }
    }
    let candidates = units.indices
      .filter { SentenceScorer.isSummarizable(document.segments[units[$0].segment].role) }
      .sorted { a, b in units[a].rank != units[b].rank ? units[a].rank < units[b].rank : a < b }
    var chosen: [(index: Int, range: Range<Int>)] = []
    switch length {
    case let .sentences(n):
      chosen = candidates.prefix(max(0, n)).map { ($0, units[$0].range) }
    case let .ratio(r):
      let n = max(1, Int((r * Double(candidates.count)).rounded(.up)))
      chosen = candidates.prefix(min(n, candidates.count)).map { ($0, units[$0].range) }
    case let .words(limit):
      chosen = fitted(
        document, units, candidates, limit: max(0, limit), tail: cut ? .any : .closer, cut: cut,
        fit: fit)
      if chosen.isEmpty, let best = candidates.first, limit > 0 {
        // Not one sentence is short enough: the best one, rather than nothing.
        chosen = [(best, units[best].range)]
      }
    case let .budgetWords(limit):
      chosen = fitted(
        document, units, candidates, limit: max(0, limit), tail: .any, cut: cut, fit: fit)
    }
    return chosen.sorted { $0.index < $1.index }.filter { !$0.range.isEmpty }.map {
      SummarySentence(
        index: units[$0.index].segment, text: document.text(in: $0.range),
        score: units[$0.index].score, range: $0.range)
    }
  }

  /// The sentences among the best-ranked `candidates` that best fill `limit` words.
  ///
  /// Each sentence is worth `score^score-exponent × words^length-exponent`; the chosen whole
  /// sentences hold at most `limit` words and have the largest total worth (a knapsack over
  /// the best `fit.candidates`, more when they hold fewer than `limit` words). Unless `tail` is
  /// `.none`, one more sentence that comes after all of them in the document may run past
  /// `limit` (with `.closer`, only when that brings the total closer to `limit`); it is worth
  /// only its words up to the limit (and is cut there with `cut`), so that reading the summary
  /// up to word `limit` reads whole chosen sentences and the start of the last one.
  /// `units` are the document's units in order, `ranked` indices into them; the result's
  /// `index` is one of those.
  static func fitted(
    _ document: Document, _ units: [SummaryUnit], _ ranked: [Int], limit: Int, tail: Tail,
    cut: Bool, fit: SummaryFit
  ) -> [(index: Int, range: Range<Int>)] {
    guard limit > 0, !ranked.isEmpty else { return [] }
    let counter = SummaryWordLengths(document: document)
    // Candidates in rank order: at least `fit.candidates`, and enough to hold `limit` words.
    var pool: [(index: Int, words: Int, worth: Double)] = []
    var total = 0
    for i in ranked {
      if pool.count >= max(1, fit.candidates) && total >= limit { break }
      let words = counter.count(in: units[i].range)
      guard words > 0 else { continue }
      let score = max(units[i].score, 1e-6)
      pool.append((i, words, pow(score, fit.scoreExponent)))
      total += words
    }
    let capacity = min(limit, total)
    // Too large for a table: the best sentences in rank order, each while it fits.
    if pool.count * (capacity + 1) > 4_000_000 {
      var chosen: [(index: Int, range: Range<Int>)] = []
      var used = 0
      for item in pool where used < limit {
        let range = units[item.index].range
        if used + item.words <= limit {
          chosen.append((item.index, range))
          used += item.words
        } else if tail == .any || (tail == .closer && used + item.words - limit < limit - used) {
          chosen.append((item.index, cut ? counter.prefix(of: range, words: limit - used) : range))
          used = limit
        }
      }
      return chosen
    }
    pool.sort { $0.index < $1.index }
    func worth(_ k: Int, words: Int) -> Double { pool[k].worth * pow(Double(words), fit.lengthExponent) }
    // best[c]: the largest worth of whole sentences holding exactly c words, among those
    // before sentence k; taken[k][c]: whether sentence k is one of them at k + 1 (rows of
    // earlier sentences never change, so the tail's choice can be read back from them).
    var best = [Double](repeating: -.infinity, count: capacity + 1)
    best[0] = 0
    var taken = [[Bool]](repeating: [], count: pool.count)
    var answer = 0.0
    var answerWords = 0
    var answerTail = -1
    for k in pool.indices {
      let w = pool[k].words
      if tail != .none {
        // Sentence k as the overflowing last one, after whole sentences holding c words.
        for c in stride(from: max(0, limit - w + 1), through: min(capacity, limit - 1), by: 1)
        where best[c] > -.infinity && (tail == .any || c + w - limit < limit - c) {
          let value = best[c] + worth(k, words: limit - c)
          if value > answer {
            answer = value
            answerWords = c
            answerTail = k
          }
        }
      }
      var row = [Bool](repeating: false, count: capacity + 1)
      if w <= capacity {
        let value = worth(k, words: w)
        for c in stride(from: capacity, through: w, by: -1) where best[c - w] > -.infinity {
          if best[c - w] + value > best[c] {
            best[c] = best[c - w] + value
            row[c] = true
          }
        }
      }
      taken[k] = row
    }
    // Whole sentences only, when that is worth more.
    var wholeWords = 0
    for c in 0...capacity where best[c] > best[wholeWords] { wholeWords = c }
    var chosen: [(index: Int, range: Range<Int>)] = []
    var c = wholeWords
    var last = pool.count - 1
    if answerTail >= 0 && answer > best[wholeWords] {
      let range = units[pool[answerTail].index].range
      chosen.append((pool[answerTail].index, cut ? counter.prefix(of: range, words: limit - answerWords) : range))
      c = answerWords
      last = answerTail - 1
    }
    var k = last
    while k >= 0 && c > 0 {
      if taken[k][c] {
        chosen.append((pool[k].index, units[pool[k].index].range))
        c -= pool[k].words
      }
      k -= 1
    }
    return chosen
  }
}

/// Whether a summary of a number of words may end with a sentence that runs past it.
enum Tail {
  /// Never.
  case none
  /// When that brings the summary's length closer to the number of words.
  case closer
  /// Always.
  case any
}

/// How a summary of a given number of words (`--words`, `--budget-words`) chooses its
/// sentences: see `Summary.fitted`.
public struct SummaryFit: Sendable, Hashable {
  /// How many of the best-ranked sentences to choose among (more when they are too short to
  /// fill the limit).
  public var candidates = 6
  /// A sentence's worth grows with its score to this power.
  public var scoreExponent = 1.0
  /// … and with its words to this power: 1 fills the limit, 0 counts sentences.
  public var lengthExponent = 1.0

  /// The defaults are those of the `score` stage's `fit-…` options.
  public init(candidates: Int = 6, scoreExponent: Double = 1, lengthExponent: Double = 1) {
    self.candidates = candidates
    self.scoreExponent = scoreExponent
    self.lengthExponent = lengthExponent
  }

  /// The fit of the first `score` stage among `stages`, or the defaults.
  public init(stages: [any Stage]) {
    self = stages.lazy.compactMap { ($0 as? SentenceScorer)?.options.fit }.first ?? SummaryFit()
  }
}

/// Counts words with ICU's word break iterator for the document's language.
struct SummaryWordLengths {
  let document: Document
  let locale: String

  init(document: Document) {
    self.document = document
    self.locale = (document.language ?? .english).icuLocale
  }

  /// The words (letters, numbers, kana, ideographs) in `range`.
  func count(in range: Range<Int>) -> Int {
    var count = 0
    walk(range) { _ in
      count += 1
      return true
    }
    return count
  }

  /// `range` cut after its `words`-th word.
  func prefix(of range: Range<Int>, words: Int) -> Range<Int> {
    guard words > 0 else { return range.lowerBound..<range.lowerBound }
    var seen = 0
    var end = range.upperBound
    walk(range) { wordEnd in
      seen += 1
      if seen == words {
        end = wordEnd
        return false
      }
      return true
    }
    return range.lowerBound..<end
  }

  /// Calls `body` with the end offset of each word in `range` until it returns false.
  private func walk(_ range: Range<Int>, _ body: (Int) -> Bool) {
    var text = document.text
    text.withUTF8 { bytes in
      let slice = UnsafeBufferPointer(rebasing: bytes[range])
      _ = try? withBreakIterator(.word, locale: locale) { iterator in
        var going = true
        try iterator.forEachSegment(utf8: slice) { piece, kind in
          guard going, kind != .none else { return }
          going = body(range.lowerBound + piece.upperBound)
        }
      }
    }
  }
}
