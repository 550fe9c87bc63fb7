internal import CCLD2

/// A language as CLD2 numbers it (its `Language` enum), with the BCP 47 tag Precis uses.
struct CLD2Language: Sendable, Hashable {
  /// CLD2's value.
  let value: Int32

  /// CLD2's "no language found".
  static let unknown = CLD2Language(value: Int32(ccld2_unknown_language()))

  /// The BCP 47 tag, or nil for CLD2's unknown and its pseudo-languages (`xx-Latn`, `zzb`…).
  var tag: LanguageTag? {
    let i = Int(value)
    return i >= 0 && i < CLD2.tags.count ? CLD2.tags[i] : nil
  }

  /// CLD2's set of hard-to-tell-apart languages this one belongs to (hr, sr, bs; id, ms …),
  /// or 0 for none.
  var closeSet: Int { Int(ccld2_close_set(Int32(value))) }
}

/// A run of the text that CLD2 scored as one language: UTF-8 offsets into the text it saw.
struct CLD2Chunk: Sendable, Hashable {
  var range: Range<Int>
  var language: CLD2Language
}

/// What CLD2 says about one text.
struct CLD2Result: Sendable {
  /// The most likely language, and the next two (unknown when CLD2 found fewer).
  var languages: (CLD2Language, CLD2Language, CLD2Language)
  /// The share of the scored text, 0...100, in each of `languages`.
  var percents: (Int, Int, Int)
  /// Whether CLD2 calls the first language clearly more likely than the others.
  var isReliable: Bool
  /// The number of letter bytes CLD2 scored.
  var textBytes: Int
  /// The runs of one language, in order; empty unless asked for.
  var chunks: [CLD2Chunk]

  /// The top three as (language, percent), in order.
  var top: [(language: CLD2Language, percent: Int)] {
    [(languages.0, percents.0), (languages.1, percents.1), (languages.2, percents.2)]
  }
}

/// Calls CLD2, Google's Compact Language Detector 2 (Debian: libcld2-dev).
///
/// The calls go through the plain C functions of the CCLD2 target. CLD2 is thread-safe and
/// keeps no state between calls.
enum CLD2 {
  /// The BCP 47 tag of every CLD2 language value, built once.
  static let tags: [LanguageTag?] = (0..<Int(ccld2_language_count())).map { value in
    bcp47Tag(cld2Code: String(cString: ccld2_language_code(Int32(value))))
  }

  /// The CLD2 language of a tag (its language subtag when the whole tag is not one).
  static func value(of tag: LanguageTag) -> CLD2Language? {
    let index = tags.firstIndex(of: tag) ?? tags.firstIndex { $0?.rawValue == tag.language }
    return index.map { CLD2Language(value: Int32($0)) }
  }

  /// The BCP 47 tag for a CLD2 language code; nil for unknown and pseudo-languages.
  ///
  /// CLD2 keeps a few old codes: `iw` is Hebrew (`he`), `jw` Javanese (`jv`). `zh-Hant`
  /// (Chinese in traditional characters) stays as it is.
  static func bcp47Tag(cld2Code code: String) -> LanguageTag? {
    switch code {
    case "", "un", "xxx", "tlh": return nil
    case "iw": return LanguageTag("he")
    case "jw": return LanguageTag("jv")
    default:
      // xx-Latn and the like name a script only; zz… are CLD2's test pseudo-languages.
      if code.hasPrefix("xx-") || code.hasPrefix("zz") { return nil }
      return LanguageTag(code)
    }
  }

  /// Detects the languages of `utf8`, which must be valid UTF-8 (CLD2 reads past the end of
  /// a truncated sequence otherwise).
  ///
  /// - Parameters:
  ///   - utf8: the text.
  ///   - wantsChunks: whether to return the runs of one language.
  static func detect(_ utf8: UnsafeBufferPointer<UInt8>, wantsChunks: Bool = false) -> CLD2Result {
    // CLD2's scanners look a few bytes past the end of the text they are given, so what
    // happens to lie there could change the answer: CLD2 reads a copy that ends in spaces.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: utf8.count + padding) { copy in
      _ = copy.initialize(fromContentsOf: utf8)
      UnsafeMutableBufferPointer(rebasing: copy[utf8.count...]).initialize(repeating: 0x20)
      return detect(
        padded: UnsafeBufferPointer(rebasing: copy[0..<utf8.count]), wantsChunks: wantsChunks)
    }
  }

  /// Spaces after the text CLD2 reads.
  static let padding = 32

  /// Detects the languages of `utf8`, valid UTF-8 that memory follows with `padding` spaces
  /// (see ``detect(_:wantsChunks:)``): CLD2 reads it where it is.
  static func detect(padded utf8: UnsafeBufferPointer<UInt8>, wantsChunks: Bool) -> CLD2Result {
    var languages: (Int32, Int32, Int32) = (0, 0, 0)
    var percents: (Int32, Int32, Int32) = (0, 0, 0)
    var scores: (Double, Double, Double) = (0, 0, 0)
    var textBytes: Int32 = 0
    var reliable: Int32 = 0
    var chunks: [CLD2Chunk] = []
    let length = Int32(clamping: utf8.count)
    guard let base = utf8.baseAddress, length > 0 else {
      let u = CLD2Language.unknown
      return CLD2Result(
        languages: (u, u, u), percents: (0, 0, 0), isReliable: false, textBytes: 0, chunks: [])
    }
    base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { text in
      withUnsafeMutablePointer(to: &languages) { l in
        withUnsafeMutablePointer(to: &percents) { p in
          withUnsafeMutablePointer(to: &scores) { s in
            let l3 = UnsafeMutableRawPointer(l).assumingMemoryBound(to: Int32.self)
            let p3 = UnsafeMutableRawPointer(p).assumingMemoryBound(to: Int32.self)
            let s3 = UnsafeMutableRawPointer(s).assumingMemoryBound(to: Double.self)
            if !wantsChunks {
              _ = ccld2_detect_summary(
                text, length, 1, l3, p3, s3, &textBytes, &reliable, nil, nil, nil, 0)
              return
            }
            var capacity = 64
            while true {
              // Offsets, lengths and language values, side by side in one buffer.
              let done = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 3 * capacity) {
                room -> Bool in
                guard let offsets = room.baseAddress else { return true }
                let lengths = offsets + capacity
                let values = lengths + capacity
                let found = Int(
                  ccld2_detect_summary(
                    text, length, 1, l3, p3, s3, &textBytes, &reliable, offsets, lengths, values,
                    Int32(capacity)))
                if found > capacity {
                  capacity = found
                  return false
                }
                chunks.reserveCapacity(found)
                for i in 0..<found {
                  let start = Int(offsets[i])
                  chunks.append(
                    CLD2Chunk(
                      range: start..<(start + Int(lengths[i])),
                      language: CLD2Language(value: values[i])))
                }
                return true
              }
              if done { return }
            }
          }
        }
      }
    }
    return CLD2Result(
      languages: (
        CLD2Language(value: languages.0), CLD2Language(value: languages.1),
        CLD2Language(value: languages.2)
      ),
      percents: (Int(percents.0), Int(percents.1), Int(percents.2)),
      isReliable: reliable != 0,
      textBytes: Int(textBytes),
      chunks: chunks)
  }
}
