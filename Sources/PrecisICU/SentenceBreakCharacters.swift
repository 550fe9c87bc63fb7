internal import CICU
import Synchronization

/// The characters at which the sentence break iterator of one locale may break, other than a
/// line feed: a text without any of them gets boundaries only right after its line feeds (and
/// at its end), so it need not be read by ICU at all.
///
/// Unicode's sentence rules (UAX #29) break only after a sentence terminator (Sentence_Break
/// ATerm or STerm, with the closing marks and spaces after it) or a paragraph separator (Sep,
/// CR, LF). The set is those classes from ICU's own property data, and whatever else the
/// locale's rules break after: each other separator, control, format character, punctuation
/// mark and symbol is put to the iterator once, between a space and a space and a capital,
/// where a terminator ends a sentence; any it breaks after joins the set (Greek's rules make
/// `;` a question mark). Letters, digits and combining marks are no terminator in any of
/// ICU's rules. Found once per locale in a process (``BreakIterator/sentenceBreakCharacters()``,
/// about a millisecond).
public struct SentenceBreakCharacters: Sendable {
  /// For each byte: 0 when no character of the set starts with it, 1 when it is one (ASCII),
  /// 2, 3 or 4 when it leads characters of that many bytes some of which are in the set.
  private let byByte: [UInt8]
  /// For each lead byte from 0xC0 on, a bit for each low six bits of a second byte: for two-
  /// byte characters, the character is in the set; for four-byte ones, some it leads to are.
  private let pairs: [UInt64]
  /// For each three-byte character's lead and second byte (low four and six bits), a bit for
  /// each low six bits of a third byte: the character is in the set.
  private let thirds: [UInt64]
  /// The ASCII characters of the set, each repeated in the eight bytes of a word.
  private let asciiWords: [UInt64]
  /// A bit for each lead byte (by its low six bits) of characters some of which are in the set.
  private let leadBytes: UInt64
  /// For each lead byte from 0xC0 on (by its low six bits), a bit for each low six bits of a
  /// second byte: some character that starts with the two bytes is in the set (for two-byte
  /// characters, exactly the set's).
  private let prefixes: [UInt64]

  init(codePoints: [UInt32]) {
    var byByte = [UInt8](repeating: 0, count: 256)
    var pairs = [UInt64](repeating: 0, count: 64)
    var thirds = [UInt64](repeating: 0, count: 16 * 64)
    var prefixes = [UInt64](repeating: 0, count: 64)
    for v in codePoints where v != 0x0A {
      switch v {
      case ..<0x80:
        byByte[Int(v)] = 1
      case ..<0x800:
        byByte[Int(0xC0 | v >> 6)] = 2
        pairs[Int(v >> 6)] |= 1 << UInt64(v & 0x3F)
        prefixes[Int(v >> 6)] |= 1 << UInt64(v & 0x3F)
      case ..<0x10000:
        byByte[Int(0xE0 | v >> 12)] = 3
        thirds[Int(v >> 6)] |= 1 << UInt64(v & 0x3F)
        prefixes[Int(0x20 | v >> 12)] |= 1 << UInt64(v >> 6 & 0x3F)
      default:
        byByte[Int(0xF0 | v >> 18)] = 4
        pairs[Int(0x30 | v >> 18)] |= 1 << UInt64(v >> 12 & 0x3F)
        prefixes[Int(0x30 | v >> 18)] |= 1 << UInt64(v >> 12 & 0x3F)
      }
    }
    self.byByte = byByte
    self.pairs = pairs
    self.thirds = thirds
    self.prefixes = prefixes
    self.asciiWords = (0..<128).filter { byByte[$0] == 1 }.map { 0x0101_0101_0101_0101 &* UInt64($0) }
    self.leadBytes = (0xC0..<256).filter { byByte[$0] >= 2 }.reduce(0) { $0 | 1 << UInt64($1 & 0x3F) }
  }

  /// Whether valid UTF-8 `utf8` holds a character of the set (or, past the Basic
  /// Multilingual Plane, one that shares its first two bytes with one): when it does not, the
  /// iterator's only boundaries in it are right after its line feeds and at its end.
  ///
  /// - Complexity: O(*n*); it stops at the last such character.
  public func mayBreak(in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    find(in: utf8, stops: false).inSet
  }

  /// For the set of ``BreakIterator/sentenceBreakCharactersBesidesStops()``: whether valid
  /// UTF-8 `utf8` holds a character of the iterator's whole set (``mayBreak(in:)`` of
  /// ``BreakIterator/sentenceBreakCharacters()``, which is this set with `.`, `!` and `?`),
  /// and whether it holds one of this set; in one pass instead of two.
  ///
  /// - Complexity: O(*n*); it stops at the last character of this set.
  public func mayBreakWithStops(in utf8: UnsafeBufferPointer<UInt8>) -> (any: Bool, besidesStops: Bool) {
    let found = find(in: utf8, stops: true)
    return (found.inSet || found.stop, found.inSet)
  }

  /// Whether `utf8` holds a character of the set, and (when `stops` is set) whether it holds
  /// `.`, `!` or `?`; the scan stops at the last character of the set.
  @inline(__always)
  private func find(in utf8: UnsafeBufferPointer<UInt8>, stops: Bool) -> (inSet: Bool, stop: Bool) {
    let n = utf8.count
    guard let base = utf8.baseAddress else { return (false, false) }
    let raw = UnsafeRawPointer(base)
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // Whether a stop was seen; once one is, stops are no longer looked for.
    var stop = !stops
    // The only ASCII character of the set, as most sets have one (the carriage return).
    let onlyASCII = asciiWords.count == 1 ? asciiWords[0] : nil
    let leadBytes = self.leadBytes
    return prefixes.withUnsafeBufferPointer { prefixes in
      // From the end, where a paragraph of prose has its last full stop; eight bytes at a
      // time: an ASCII character of the set is a zero byte of the word xor-ed with it, and
      // the lead bytes (11xxxxxx) of characters that may be in the set are looked at: by the
      // lead, then with the second byte in the word by the first two bytes (``prefixes``).
      var end = n
      while end >= 8 {
        let i = end - 8
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if let c = onlyASCII {
          let x = w ^ c
          if (x &- ones) & ~x & highs != 0 { return (true, !stops || stop) }
        } else {
          for c in asciiWords {
            let x = w ^ c
            if (x &- ones) & ~x & highs != 0 { return (true, !stops || stop) }
          }
        }
        if !stop {
          let a = w ^ (0x2E &* ones)
          let b = w ^ (0x21 &* ones)
          let c = w ^ (0x3F &* ones)
          stop = ((a &- ones) & ~a | (b &- ones) & ~b | (c &- ones) & ~c) & highs != 0
        }
        var leads = w & (w << 1) & highs
        while leads != 0 {
          let bit = leads.trailingZeroBitCount
          // The lead, and the second byte when bit < 63 (a lead's top bit is bit 8k + 7).
          let pair = w &>> UInt64(truncatingIfNeeded: bit & 0x38)
          // Most leads (Cyrillic, Greek, Hebrew, the Han ideographs) start no character of
          // the set: a bit test on a register tells.
          if leadBytes >> (pair & 0x3F) & 1 != 0
            && (bit == 63 || prefixes[Int(pair & 0x3F)] >> (pair >> 8 & 0x3F) & 1 != 0)
            && isInSet(at: i + bit >> 3, utf8)
          {
            return (true, !stops || stop)
          }
          leads &= leads &- 1
        }
        end = i
      }
      for i in 0..<end where utf8[i] & 0xC0 != 0x80 {
        let c = utf8[i]
        if c == 0x2E || c == 0x21 || c == 0x3F { stop = true }
        if isInSet(at: i, utf8) { return (true, !stops || stop) }
      }
      return (false, stops && stop)
    }
  }

  /// Whether the character that starts at `i` is in the set (for four-byte characters, may
  /// be); true when it is cut short.
  @inline(__always)
  private func isInSet(at i: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
    let c = utf8[i]
    switch byByte[Int(c)] {
    case 0: return false
    case 1: return true
    case 2:
      guard i + 1 < utf8.count else { return true }
      return pairs[Int(c & 0x1F)] >> UInt64(utf8[i + 1] & 0x3F) & 1 != 0
    case 3:
      guard i + 2 < utf8.count else { return true }
      let k = Int(c & 0x0F) << 6 | Int(utf8[i + 1] & 0x3F)
      return thirds[k] >> UInt64(utf8[i + 2] & 0x3F) & 1 != 0
    default:
      guard i + 1 < utf8.count else { return true }
      return pairs[Int(c & 0x3F)] >> UInt64(utf8[i + 1] & 0x3F) & 1 != 0
    }
  }
}

/// What ``BreakIterator/sentenceBreakCharacters()`` starts from, the same for every locale:
/// ICU's Sentence_Break ATerm, STerm, Sep and CR characters, and the text that puts every
/// other separator, control, format character, punctuation mark and symbol (but the line
/// feed) to an iterator: "A c␠A␠c␠A␠…", where a terminator c ends a sentence after its space.
struct SentenceBreakTest: Sendable {
  let terminators: [UInt32]
  let candidates: [UInt32]
  let units: [UInt16]
  /// Where each candidate starts in `units`.
  let starts: [Int32]

  /// Made once per process.
  static func shared() throws(ICUError) -> SentenceBreakTest {
    if let made = made.withLock({ $0 }) { return made }
    let test = try SentenceBreakTest()
    made.withLock { $0 = test }
    return test
  }

  private static let made = Mutex<SentenceBreakTest?>(nil)

  private init() throws(ICUError) {
    terminators = try codePoints(ofSet: "[[:sb=ATerm:][:sb=STerm:][:sb=Sep:][:sb=CR:]]")
    let known = Set(terminators)
    candidates = try codePoints(ofSet: "[[:Z:][:Cc:][:Cf:][:P:][:S:]]").filter {
      $0 != 0x0A && !known.contains($0)
    }
    var units: [UInt16] = [0x41, 0x20]
    var starts: [Int32] = []
    units.reserveCapacity(5 * candidates.count + 2)
    starts.reserveCapacity(candidates.count)
    for v in candidates {
      starts.append(Int32(units.count))
      if v < 0x10000 {
        units.append(UInt16(v))
      } else {
        units.append(UInt16(0xD800 + ((v - 0x10000) >> 10)))
        units.append(UInt16(0xDC00 + ((v - 0x10000) & 0x3FF)))
      }
      units.append(contentsOf: [0x20, 0x41, 0x20])
    }
    self.units = units
    self.starts = starts
  }

  /// The candidates the sentence iterator `handle` breaks after (or just before them: each
  /// boundary names the candidate it follows and the one before, whichever caused it).
  func brokenCandidates(handle: OpaquePointer) throws(ICUError) -> [UInt32] {
    var status = U_ZERO_ERROR
    units.withUnsafeBufferPointer { text in
      cicu_ubrk_setText(handle, text.baseAddress, Int32(text.count), &status)
    }
    try icuCheck(status, "set text of sentence break iterator")
    var found: Set<UInt32> = []
    _ = cicu_ubrk_first(handle)
    while true {
      let b = cicu_ubrk_next(handle)
      if b == UBRK_DONE || Int(b) >= units.count { break }
      // The last candidate that starts before the unit before the boundary.
      var low = 0
      var high = starts.count
      while low < high {
        let mid = (low + high) / 2
        if starts[mid] <= b - 1 { low = mid + 1 } else { high = mid }
      }
      let k = low - 1
      if k >= 0 { found.insert(candidates[k]) }
      if k >= 1 { found.insert(candidates[k - 1]) }
    }
    return found.sorted()
  }
}

/// The code points of an ICU set pattern (one without strings).
func codePoints(ofSet pattern: String) throws(ICUError) -> [UInt32] {
  let units = Array(pattern.utf16)
  var status = U_ZERO_ERROR
  let set = units.withUnsafeBufferPointer {
    cicu_uset_openPattern($0.baseAddress, Int32($0.count), &status)
  }
  try icuCheck(status, "open the set \(pattern)")
  guard let set else { throw icuError(U_INTERNAL_PROGRAM_ERROR, "open the set \(pattern)") }
  defer { cicu_uset_close(set) }
  var found: [UInt32] = []
  for k in 0..<cicu_uset_getRangeCount(set) {
    var start: Int32 = 0
    var end: Int32 = 0
    _ = cicu_uset_getItem(set, k, &start, &end, nil, 0, &status)
    try icuCheck(status, "read the set \(pattern)")
    found.append(contentsOf: UInt32(start)...UInt32(end))
  }
  return found
}
