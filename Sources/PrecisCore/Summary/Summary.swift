import PrecisICU

/// How long a summary should be.
public enum SummaryLength: Sendable, Hashable {
  /// The best `n` sentences.
  case sentences(Int)
  /// This share of the summarisable sentences (0...1), at least one.
  case ratio(Double)
  /// Whole sentences, best first, each taken while the total stays within `n` words; with
  /// `cut`, sentences are taken until `n` words and the last one is cut at word `n`.
  case words(Int)
  /// Sentences, best first, until they hold at least `n` words (the last may run past `n`;
  /// with `cut`, it is cut at word `n`).
  case budgetWords(Int)
}

/// One sentence of a summary.
public struct SummarySentence: Sendable, Hashable {
  /// The index of the segment in `Document.segments`.
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
  public static func sentences(
    of document: Document, length: SummaryLength, cut: Bool = false
  ) -> [SummarySentence] {
    let candidates = document.segments.indices
      .filter { SentenceScorer.isSummarizable(document.segments[$0].role) }
      .sorted { a, b in
        let ra = document.segments[a].rank ?? Int.max
        let rb = document.segments[b].rank ?? Int.max
        return ra != rb ? ra < rb : a < b
      }
    var chosen: [(index: Int, range: Range<Int>)] = []
    switch length {
    case let .sentences(n):
      chosen = candidates.prefix(max(0, n)).map { ($0, document.segments[$0].range) }
    case let .ratio(r):
      let n = max(1, Int((r * Double(candidates.count)).rounded(.up)))
      chosen = candidates.prefix(min(n, candidates.count)).map { ($0, document.segments[$0].range) }
    case let .words(limit):
      let counter = SummaryWordLengths(document: document)
      var total = 0
      for i in candidates where total < limit {
        let range = document.segments[i].range
        let words = counter.count(in: range)
        if total + words <= limit {
          chosen.append((i, range))
          total += words
        } else if cut {
          chosen.append((i, counter.prefix(of: range, words: limit - total)))
          total = limit
        }
      }
    case let .budgetWords(limit):
      let counter = SummaryWordLengths(document: document)
      var total = 0
      for i in candidates where total < limit {
        let range = document.segments[i].range
        let words = counter.count(in: range)
        chosen.append((i, cut && total + words > limit ? counter.prefix(of: range, words: limit - total) : range))
        total += words
      }
    }
    return chosen.sorted { $0.index < $1.index }.filter { !$0.range.isEmpty }.map {
      SummarySentence(
        index: $0.index, text: document.text(in: $0.range), score: document.segments[$0.index].score ?? 0,
        range: $0.range)
    }
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
