import PrecisICU
import PrecisStemmer

/// Turns the words of a text into term numbers: ICU word breaks, case folding, Snowball
/// stems, stop words set apart.
///
/// Each distinct spelling is folded and stemmed once per thread (``TermCache``): later
/// occurrences cost a hash of their bytes and a table probe, so tokenising is dominated by
/// ICU's word breaks. Term numbers are the document's own, in order of first use. Not
/// thread-safe; make one per document and use it on one thread.
final class TermTokenizer {
  /// What a word is to the scorer.
  enum Term: Equatable {
    /// A content word: its term number.
    case content(Int32)
    /// A stop word or a number: counted as a word, not as a topic.
    case function
  }

  private let language: String?
  private let useStopWords: Bool
  private let cache: TermCache
  /// Spellings of this document → term numbers (-1: not a content word).
  private var table = SpellingTable()
  /// The cache's stem numbers → this document's term numbers, given in order of first use.
  private var termNumbers: [Int32: Int32] = [:]

  /// The number of distinct content terms seen so far.
  var termCount: Int { termNumbers.count }

  init(language: String?, stemming: Bool, stopWords useStopWords: Bool) {
    self.language = language
    self.useStopWords = useStopWords
    cache = threadLocalObject(forKey: "PrecisCore.TermCache|\(language ?? "")|\(stemming)|\(useStopWords)") {
      TermCache(stemmer: stemming ? language.flatMap { SnowballStemmer(language: $0) } : nil)
    }
    if cache.spellings.count >= TermCache.limit { cache.clear() }
  }

  /// The term of one word given as UTF-8 bytes, with ICU's kind of it.
  func term(of word: UnsafeBufferPointer<UInt8>, kind: WordKind) -> Term {
    if kind == .number { return .function }
    let hash = SegmentID.hash(word)
    if let value = table.value(of: word, hash: hash) {
      return value < 0 ? .function : .content(value)
    }
    let stem = cache.spellings.value(of: word, hash: hash) ?? cache.add(word, hash: hash, stopWords: stopWords)
    var value: Int32 = -1
    if stem >= 0 {
      if let known = termNumbers[stem] {
        value = known
      } else {
        value = Int32(termNumbers.count)
        termNumbers[stem] = value
      }
    }
    table.insert(word, hash: hash, value: value)
    return value < 0 ? .function : .content(value)
  }

  private lazy var stopWords: Set<String> =
    useStopWords ? language.map { StopWords.words(for: $0) } ?? [] : []
}

/// One thread's folded and stemmed spellings for one language and set of options, kept from
/// document to document so that each spelling is folded, looked up in the stop words and
/// stemmed once per thread rather than once per document.
///
/// Not thread-safe: each thread has its own (`threadLocalObject`), used only between a
/// tokenizer's creation and its last term, with no suspension point in between.
final class TermCache {
  /// Spellings kept before the cache starts again (between documents).
  static let limit = 1 << 18
  let stemmer: SnowballStemmer?
  /// Spellings → stem numbers (-1: a stop word).
  private(set) var spellings = SpellingTable()
  private var stems: [String: Int32] = [:]

  init(stemmer: SnowballStemmer?) {
    self.stemmer = stemmer
  }

  /// Folds and stems a spelling not seen before and returns its stem number.
  func add(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, stopWords: Set<String>) -> Int32 {
    let folded = String(decoding: word, as: UTF8.self).lowercased()
    var value: Int32 = -1
    if !stopWords.contains(folded) {
      let stem = stemmer?.stem(folded) ?? folded
      if let known = stems[stem] {
        value = known
      } else {
        value = Int32(stems.count)
        stems[stem] = value
      }
    }
    spellings.insert(word, hash: hash, value: value)
    return value
  }

  func clear() {
    spellings = SpellingTable()
    stems = [:]
  }
}

/// An open-addressing table from a word's bytes to a number, without a `String` per lookup.
struct SpellingTable {
  private var slots = [Int32](repeating: -1, count: 1024)
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var values: [Int32] = []
  private var bytes: [UInt8] = []

  /// The number of spellings held.
  var count: Int { hashes.count }

  func value(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[i])
      if entry < 0 { return nil }
      if hashes[entry] == hash && lengths[entry] == word.count && equal(entry, word) {
        return values[entry]
      }
      i = (i + 1) & mask
    }
  }

  private func equal(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[entry]
    for k in 0..<word.count where bytes[start + k] != word[k] { return false }
    return true
  }

  mutating func insert(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, value: Int32) {
    if (hashes.count + 1) * 2 > slots.count { grow() }
    let entry = Int32(hashes.count)
    hashes.append(hash)
    starts.append(bytes.count)
    lengths.append(word.count)
    values.append(value)
    bytes.append(contentsOf: word)
    place(entry)
  }

  private mutating func place(_ entry: Int32) {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: hashes[Int(entry)]) & mask
    while slots[i] >= 0 { i = (i + 1) & mask }
    slots[i] = entry
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for entry in hashes.indices { place(Int32(entry)) }
  }
}
