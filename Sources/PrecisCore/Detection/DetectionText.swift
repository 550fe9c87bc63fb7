/// Byte-level helpers that prepare text for the language identifier.
enum DetectionText {
  /// Overwrites URLs and e-mail addresses with spaces, so they do not count as words.
  ///
  /// A URL is a scheme (`https`, `ftp` …) followed by `://`, or a word starting `www.`, up to
  /// the first space, non-ASCII byte or closing bracket or quote. An e-mail address is
  /// `local@domain.tld` in ASCII. Only ASCII bytes are replaced, so valid UTF-8 stays valid
  /// and every offset stays where it was.
  ///
  /// - Complexity: O(*n*).
  static func maskNoise(_ b: UnsafeMutableBufferPointer<UInt8>) {
    let n = b.count
    var i = 0
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    while i < n {
      // Eight bytes none of which is ":", "@", "w" or "W" are skipped at once.
      if i + 8 <= n, let base = b.baseAddress {
        let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
        let found =
          zeros(w ^ (0x3A &* ones)) | zeros(w ^ (0x40 &* ones))
          | zeros((w | (0x20 &* ones)) ^ (0x77 &* ones))
        if found == 0 {
          i += 8
          continue
        }
      }
      let c = b[i]
      if c == 0x3A, i + 2 < n, b[i + 1] == 0x2F, b[i + 2] == 0x2F {  // "://"
        var start = i
        while start > 0 && isSchemeByte(b[start - 1]) { start -= 1 }
        if start < i {
          let end = urlEnd(b, from: i + 3)
          fill(b, start..<end)
          i = end
          continue
        }
      } else if (c | 0x20) == 0x77, i + 3 < n, (b[i + 1] | 0x20) == 0x77, (b[i + 2] | 0x20) == 0x77,
        b[i + 3] == 0x2E, i == 0 || !isWordByte(b[i - 1])
      {  // "www." at the start of a word
        let end = urlEnd(b, from: i + 4)
        fill(b, i..<end)
        i = end
        continue
      } else if c == 0x40 {  // "@"
        var start = i
        while start > 0 && isLocalPartByte(b[start - 1]) { start -= 1 }
        var end = i + 1
        while end < n && isDomainByte(b[end]) { end += 1 }
        while end > i + 1 && b[end - 1] == 0x2E { end -= 1 }  // a full stop after the address
        var hasDot = false
        for k in (i + 1)..<end where b[k] == 0x2E { hasDot = true }
        if start < i && hasDot {
          fill(b, start..<end)
          i = end
          continue
        }
      }
      i += 1
    }
  }

  /// The number of letters in valid UTF-8: ASCII letters, and non-ASCII characters other
  /// than the common punctuation and symbol blocks (Latin-1 punctuation, U+2000–U+2FFF,
  /// CJK punctuation U+3000–U+303F, fullwidth punctuation U+FF00–U+FF3F, emoji).
  ///
  /// An approximation that costs one pass over the bytes: marks and letters of rare blocks
  /// count, a few symbols do too. With `limit`, the count stops once it reaches it (a text of
  /// `limit` letters or more gives at least `limit`).
  static func letterCount(_ b: UnsafeBufferPointer<UInt8>, upTo limit: Int = .max) -> Int {
    var count = 0
    let n = b.count
    var i = 0
    while i < n && count < limit {
      // Eight ASCII bytes at once: a byte is a letter when, lower-cased, it is at least "a"
      // and below "{" (adding 0x1F and 0x05 carries into its top bit at those bounds); the
      // flags, one per byte, are summed by a multiply.
      if i + 8 <= n, let base = b.baseAddress {
        let w = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if w & 0x8080_8080_8080_8080 == 0 {
          let x = w | 0x2020_2020_2020_2020
          let flags = ((x &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(x &+ 0x0505_0505_0505_0505)) >> 7
          count += Int(
            truncatingIfNeeded: ((flags & 0x0101_0101_0101_0101) &* 0x0101_0101_0101_0101) >> 56)
          i += 8
          continue
        }
      }
      let c = b[i]
      if c < 0x80 {
        if (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A { count += 1 }
        i += 1
        continue
      }
      if c < 0xC0 {  // a continuation byte
        i += 1
        continue
      }
      let next: UInt8 = i + 1 < n ? b[i + 1] : 0
      let isPunctuation =
        (c == 0xC2 && next >= 0xA0)  // U+00A0–U+00BF: no-break space, « », ©, °
        || c == 0xE2  // U+2000–U+2FFF: general punctuation, symbols, arrows
        || (c == 0xE3 && next == 0x80)  // U+3000–U+303F: 、。「」
        || (c == 0xEF && next == 0xBC)  // U+FF00–U+FF3F: ，！？（）
        || (c == 0xF0 && next == 0x9F)  // U+1F000–U+1FFFF: emoji
      if !isPunctuation { count += 1 }
      i += 1
    }
    return count
  }

  private static func fill(_ b: UnsafeMutableBufferPointer<UInt8>, _ range: Range<Int>) {
    for k in range { b[k] = 0x20 }
  }

  /// The end of a URL starting before `start`: the first space, control, non-ASCII byte,
  /// closing bracket or quote.
  private static func urlEnd(_ b: UnsafeMutableBufferPointer<UInt8>, from start: Int) -> Int {
    var end = start
    while end < b.count && isURLByte(b[end]) { end += 1 }
    return end
  }

  @inline(__always) private static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A)
  }

  @inline(__always) private static func isSchemeByte(_ c: UInt8) -> Bool {
    isASCIIAlphanumeric(c) || c == 0x2B || c == 0x2D || c == 0x2E  // + - .
  }

  @inline(__always) private static func isURLByte(_ c: UInt8) -> Bool {
    // Printable ASCII except " ' < > ) ] and the space.
    c > 0x20 && c < 0x7F && c != 0x22 && c != 0x27 && c != 0x3C && c != 0x3E && c != 0x29
      && c != 0x5D
  }

  @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
    // Letters, digits, non-ASCII, and . / - @
    isASCIIAlphanumeric(c) || c >= 0x80 || c == 0x2E || c == 0x2F || c == 0x2D || c == 0x40
  }

  @inline(__always) private static func isLocalPartByte(_ c: UInt8) -> Bool {
    // Letters, digits, and . _ % + -
    isASCIIAlphanumeric(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
  }

  @inline(__always) private static func isDomainByte(_ c: UInt8) -> Bool {
    isASCIIAlphanumeric(c) || c == 0x2E || c == 0x2D
  }
}
