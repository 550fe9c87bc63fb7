import PrecisStemmer

/// Turns the words of a text into term numbers: ICU word breaks, case folding, Snowball
/// stems, stop words set apart.
///
/// Each distinct spelling is folded and stemmed once: later occurrences cost a hash of their
/// bytes and a table probe, so tokenising is dominated by ICU's word breaks. Not thread-safe;
/// make one per document.
final class TermTokenizer {
  /// What a word is to the scorer.
  enum Term: Equatable {
    /// A content word: its term number.
    case content(Int32)
    /// A stop word or a number: counted as a word, not as a topic.
    case function
  }

  private let stemmer: SnowballStemmer?
  private let stopWords: Set<String>
  private var table = SpellingTable()
  private var termNumbers: [String: Int32] = [:]

  /// The number of distinct content terms seen so far.
  var termCount: Int { termNumbers.count }

  init(language: String?, stemming: Bool, stopWords useStopWords: Bool) {
    stemmer = stemming ? language.flatMap { SnowballStemmer(language: $0) } : nil
    stopWords = useStopWords ? language.map { StopWords.words(for: $0) } ?? [] : []
  }

  /// The term of one word given as UTF-8 bytes, with ICU's kind of it.
  func term(of word: UnsafeBufferPointer<UInt8>, kind: WordKind) -> Term {
    if kind == .number { return .function }
    let hash = SegmentID.hash(word)
    if let value = table.value(of: word, hash: hash) {
      return value < 0 ? .function : .content(value)
    }
    let folded = String(decoding: word, as: UTF8.self).lowercased()
    var value: Int32 = -1
    if !stopWords.contains(folded) {
      let stem = stemmer?.stem(folded) ?? folded
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
}

/// An open-addressing table from a word's bytes to a number, without a `String` per lookup.
struct SpellingTable {
  private var slots = [Int32](repeating: -1, count: 1024)
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var values: [Int32] = []
  private var bytes: [UInt8] = []

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
