/// A set of words from a rule file, looked up by a range of UTF-8 bytes without allocating.
///
/// Words are kept as 64-bit FNV-1a hashes of their bytes; invisible format characters (bidi
/// marks, zero-width joiners) are skipped, so "د\u{202A}.\u{202C}" matches "د.". A word
/// written in lower case in a rule file matches any capitalisation of it ("etc." matches
/// "Etc." and "ETC."); a word written with capitals matches only as written ("U.S."), unless
/// the table ignores case altogether (sentence starters).
struct WordTable: Sendable {
  private var exact = HashSet64()
  private var folded = HashSet64()
  private let ignoresCase: Bool
  /// The longest word in bytes; longer ranges are not looked up.
  private(set) var maxLength = 0

  init(ignoresCase: Bool = false) { self.ignoresCase = ignoresCase }

  var isEmpty: Bool { exact.isEmpty && folded.isEmpty }

  /// Adds a word given as UTF-8 bytes.
  mutating func insert(_ word: UnsafeBufferPointer<UInt8>) {
    let range = 0..<word.count
    maxLength = max(maxLength, word.count)
    var hasUpper = false
    var i = 0
    while i < word.count {
      let (v, w) = UTF8Text.scalar(at: i, in: word)
      if UTF8Text.folded(v) != v { hasUpper = true }
      i += w
    }
    if ignoresCase || !hasUpper {
      folded.insert(Self.hash(range, in: word, folding: true))
    } else {
      exact.insert(Self.hash(range, in: word, folding: false))
    }
  }

  /// Adds every word of `other`.
  mutating func formUnion(_ other: WordTable) {
    exact.formUnion(other.exact)
    folded.formUnion(other.folded)
    maxLength = max(maxLength, other.maxLength)
  }

  /// A word's hashes, computed once to look it up in several tables.
  struct Key {
    fileprivate let exact: UInt64
    fileprivate let folded: UInt64
    fileprivate let length: Int
  }

  /// The key of the bytes in `range`: both hashes in one pass.
  static func key(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Key {
    key(range, in: b, after: Key(exact: fnvBasis, folded: fnvBasis, length: 0))
  }

  /// The key of the bytes of `previous` followed by those in `range`: a longer run's key
  /// from a shorter one's, without hashing its start again.
  static func key(
    _ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>, after previous: Key
  ) -> Key {
    var exact = previous.exact
    var folded = previous.folded
    var i = range.lowerBound
    while i < range.upperBound {
      let c = b[i]
      if c < 0x80 {
        exact = (exact ^ UInt64(c)) &* fnvPrime
        folded = (folded ^ UInt64(c &- 0x41 < 26 ? c | 0x20 : c)) &* fnvPrime
        i += 1
        continue
      }
      if c == 0xE0 && i + 2 < b.count {
        // U+0800–U+0FFF (Thai, Lao, Indic scripts): no format character, nothing folded, so
        // both hashes take the three bytes as they are.
        let c1 = UInt64(b[i + 1])
        let c2 = UInt64(b[i + 2])
        exact = (((exact ^ UInt64(c)) &* fnvPrime ^ c1) &* fnvPrime ^ c2) &* fnvPrime
        folded = (((folded ^ UInt64(c)) &* fnvPrime ^ c1) &* fnvPrime ^ c2) &* fnvPrime
        i += 3
        continue
      }
      let (v, w) = UTF8Text.scalar(at: i, in: b)
      i += w
      if UTF8Text.isFormat(v) { continue }
      exact = hash(scalar: v, into: exact)
      folded = hash(scalar: UTF8Text.folded(v), into: folded)
    }
    return Key(exact: exact, folded: folded, length: previous.length + range.count)
  }

  /// Whether the word with `key` is one of the words.
  func contains(_ key: Key) -> Bool {
    if key.length == 0 || key.length > maxLength + 12 { return false }
    return !folded.isEmpty && folded.contains(key.folded)
      || !exact.isEmpty && exact.contains(key.exact)
  }

  /// Whether the bytes in `range` are one of the words.
  func contains(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
    if range.isEmpty || range.count > maxLength + 12 { return false }
    return contains(Self.key(range, in: b))
  }

  /// Whether a word whose case-folded UTF-8 bytes hash to `hash` (64-bit FNV-1a, as
  /// ``hash(_:in:folding:)`` with folding computes it) was written in lower case.
  func containsFolded(hash: UInt64) -> Bool { folded.contains(hash) }

  /// Whether the bytes in `range` are a word written in lower case in the rule file, in any
  /// capitalisation: "Ok." matches "ok.".
  func containsLowerCaseWord(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Bool {
    if ignoresCase || range.isEmpty || range.count > maxLength + 12 { return false }
    return folded.contains(Self.hash(range, in: b, folding: true))
  }

  /// FNV-1a over the UTF-8 bytes of the scalars in `range`, skipping format characters
  /// (case-folded with `folding`): one of the two hashes of ``key(_:in:)``.
  static func hash(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>, folding: Bool) -> UInt64 {
    let key = key(range, in: b)
    return folding ? key.folded : key.exact
  }

  /// FNV-1a's starting value.
  static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// `h` continued over the UTF-8 encoding of `v`, so that the same word hashes the same from
  /// any source.
  @inline(__always)
  static func hash(scalar v: UInt32, into h: UInt64) -> UInt64 {
    var h = h
    if v < 0x80 { return (h ^ UInt64(v)) &* fnvPrime }
    if v < 0x800 {
      h = (h ^ UInt64(0xC0 | v >> 6)) &* fnvPrime
    } else if v < 0x10000 {
      h = (h ^ UInt64(0xE0 | v >> 12)) &* fnvPrime
      h = (h ^ UInt64(0x80 | v >> 6 & 0x3F)) &* fnvPrime
    } else {
      h = (h ^ UInt64(0xF0 | v >> 18)) &* fnvPrime
      h = (h ^ UInt64(0x80 | v >> 12 & 0x3F)) &* fnvPrime
      h = (h ^ UInt64(0x80 | v >> 6 & 0x3F)) &* fnvPrime
    }
    return (h ^ UInt64(0x80 | v & 0x3F)) &* fnvPrime
  }
}
