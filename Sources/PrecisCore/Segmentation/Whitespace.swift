#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// White space as Precis trims it around segments, read straight from UTF-8 bytes.
///
/// ASCII space, tab and line breaks, and the Unicode spaces of general category Zs that
/// appear in real text: NO-BREAK SPACE, OGHAM SPACE MARK, EN QUAD … HAIR SPACE, NARROW
/// NO-BREAK SPACE, MEDIUM MATHEMATICAL SPACE and IDEOGRAPHIC SPACE.
enum Whitespace {
  /// The byte length of the white space character starting at `i`, or 0.
  @inline(__always)
  static func width(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
    let c = b[i]
    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
    if c < 0xC2 { return 0 }
    let n = b.count
    if c == 0xC2 { return i + 1 < n && b[i + 1] == 0xA0 ? 2 : 0 }
    guard i + 2 < n else { return 0 }
    let c1 = b[i + 1]
    let c2 = b[i + 2]
    switch c {
    case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0
    case 0xE2:
      if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF) { return 3 }
      return c1 == 0x81 && c2 == 0x9F ? 3 : 0
    case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0
    default: return 0
    }
  }

  /// The byte length of the white space character ending at `end`, or 0.
  @inline(__always)
  static func width(endingAt end: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
    guard end > 0 else { return 0 }
    let c = b[end - 1]
    if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { return 1 }
    if c < 0x80 { return 0 }
    if end >= 2 && b[end - 2] == 0xC2 && c == 0xA0 { return 2 }
    if end >= 3, width(at: end - 3, in: b) == 3 { return 3 }
    return 0
  }

  /// The offset of the first line feed at or after `i`, or `b.count` (`i` when it is past
  /// the end); found by the C library's `memchr`, which reads many bytes at a time.
  @inline(__always)
  static func lineEnd(from i: Int, in b: UnsafeBufferPointer<UInt8>) -> Int {
    guard i < b.count, let base = b.baseAddress else { return i }
    guard let found = memchr(base + i, 0x0A, b.count - i) else { return b.count }
    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
  }

  /// Whether `b` holds an ASCII space; found by `memchr`, as ``lineEnd(from:in:)``.
  @inline(__always)
  static func hasSpace(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = b.baseAddress, !b.isEmpty else { return false }
    return memchr(base, 0x20, b.count) != nil
  }

  /// `range` without white space at either end (empty when it is all white space).
  static func trim(_ range: Range<Int>, in b: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    var lo = range.lowerBound
    var hi = range.upperBound
    while lo < hi {
      let w = width(at: lo, in: b)
      if w == 0 { break }
      lo += w
    }
    while hi > lo {
      let w = width(endingAt: hi, in: b)
      if w == 0 { break }
      hi -= w
    }
    return lo..<hi
  }
}
