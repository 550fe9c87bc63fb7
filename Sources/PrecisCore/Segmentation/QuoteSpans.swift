/// Finds quotations and brackets in a line: text in them is not split into sentences.
///
/// A quotation ("…", “…”, „…“, «…», ‘…’, 「…」) or a bracket ((…), […], （…）, 《…》) that
/// opens and closes in the same line is one span; a sentence end inside it ends nothing,
/// so `He said “Stop. Now.” and left.` stays one segment, and so does `（これは。これは）`.
/// An opening mark never closed in its line protects nothing. Spans longer than
/// ``maximumLength`` are ignored: a stray quote mark must not glue a page together.
///
/// ASCII `"` and `'` open or close by their neighbours: `'` between letters is an
/// apostrophe (`don't`, `l'Ing.`), `"` after a letter closes. `’` is both the closing single
/// quote and the apostrophe, and `“` opens in English but closes German `„…“`; the pairs
/// below resolve both.
///
/// - Complexity: O(*n*) in the length of the line; the stack of open marks is bounded.
struct QuoteSpans {
  /// The longest span, in UTF-8 bytes, that still counts as a quotation.
  static let maximumLength = 2_000
  private static let maximumDepth = 16

  /// The outermost spans found by the last ``find(in:of:)``, ascending and disjoint; each
  /// from its opening mark to just after its closing mark.
  private(set) var spans: [Range<Int>] = []
  private var stack: [(mark: UInt32, at: Int)] = []
  private var found: [Range<Int>] = []

  /// Finds the spans of `line` in `b`.
  mutating func find(in line: Range<Int>, of b: UnsafeBufferPointer<UInt8>) {
    spans.removeAll(keepingCapacity: true)
    stack.removeAll(keepingCapacity: true)
    found.removeAll(keepingCapacity: true)
    Self.markStarts.withUnsafeBufferPointer { table in
      guard let p = b.baseAddress else { return }
      var i = line.lowerBound
      while i < line.upperBound {
        // Eight bytes at once while none may start a mark (most words hold none; eight table
        // reads, each on its own, cost less than comparing with every mark), then byte by
        // byte to the first that may. Only marks and lead bytes are flagged, so that one
        // starts a character.
        while i + 8 <= line.upperBound {
          let q = p + i
          let any =
            table[Int(q[0])] | table[Int(q[1])] | table[Int(q[2])] | table[Int(q[3])]
            | table[Int(q[4])] | table[Int(q[5])] | table[Int(q[6])] | table[Int(q[7])]
          if any != 0 { break }
          i += 8
        }
        while i < line.upperBound && table[Int(p[i])] == 0 { i += 1 }
        if i == line.upperBound { break }
        // A lead byte the table flags starts a mark only with the right second byte: C2 AB
        // or BB, E2 80, E3 80, EF BC or BD. Kana (E3 81 …), most of the General Punctuation
        // block and the rest are passed over without being decoded.
        let c = p[i]
        if c >= 0xC0 && i + 1 < line.upperBound {
          let c1 = p[i + 1]
          let possible =
            c == 0xC2 ? c1 == 0xAB || c1 == 0xBB : c == 0xEF ? c1 == 0xBC || c1 == 0xBD : c1 == 0x80
          if !possible {
            i += c < 0xE0 ? 2 : 3
            continue
          }
        }
        let (v, w) = UTF8Text.scalar(at: i, in: b)
        defer { i += w }
        guard Self.isMark(v) else { continue }
        let previous = Self.neighbour(before: i, line: line, b)
        let next: UInt32 = i + w < line.upperBound ? UTF8Text.scalar(at: i + w, in: b).value : 0x20
        if closes(v, previous: previous, next: next, at: i + w) { continue }
        if opens(v, previous: previous, next: next), stack.count < Self.maximumDepth {
          stack.append((v, i))
        }
      }
    }
    guard !found.isEmpty else { return }
    found.sort { $0.lowerBound < $1.lowerBound }
    for span in found {
      if let last = spans.last, span.lowerBound < last.upperBound {
        if span.upperBound > last.upperBound {
          spans[spans.count - 1] = last.lowerBound..<span.upperBound
        }
      } else {
        spans.append(span)
      }
    }
  }

  /// Whether offset `x` lies strictly inside one of `spans` (ascending and disjoint).
  ///
  /// - Complexity: O(log *s*) in the number of spans, so that a line of millions of quotes
  ///   costs no more per boundary than a short one.
  static func isStrictlyInside(_ x: Int, _ spans: [Range<Int>]) -> Bool {
    let i = firstSpan(endingAfter: x, spans)
    return i < spans.count && spans[i].lowerBound < x
  }

  /// Whether one of `spans` encloses `range` with room on both sides (starts before it and
  /// ends after it).
  static func encloses(_ range: Range<Int>, _ spans: [Range<Int>]) -> Bool {
    let i = firstSpan(endingAfter: range.upperBound, spans)
    return i < spans.count && spans[i].lowerBound < range.lowerBound
  }

  /// Whether one of `spans` ends at `end`.
  static func hasSpan(endingAt end: Int, _ spans: [Range<Int>]) -> Bool {
    let i = firstSpan(endingAfter: end - 1, spans)
    return i < spans.count && spans[i].upperBound == end
  }

  /// The index of the first of `spans` (ascending and disjoint, so their ends ascend too)
  /// that ends after `x`; `spans.count` when none does.
  static func firstSpan(endingAfter x: Int, _ spans: [Range<Int>]) -> Int {
    var lo = 0
    var hi = spans.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if spans[mid].upperBound <= x { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// 1 for the bytes ``mayStartMark(_:)`` accepts, 0 for the others.
  private static let markStarts: [UInt8] = (0..<256).map { mayStartMark(UInt8($0)) ? 1 : 0 }

  /// What the neighbour checks see of the character before `i`: the character itself when
  /// it is ASCII or starts like a mark (``mayStartMark(_:)``), else its lead byte, which for
  /// those is enough (any letter will do); a space at the line's start.
  @inline(__always)
  private static func neighbour(
    before i: Int, line: Range<Int>, _ b: UnsafeBufferPointer<UInt8>
  ) -> UInt32 {
    guard i > line.lowerBound else { return 0x20 }
    var j = i - 1
    while j > line.lowerBound && b[j] & 0xC0 == 0x80 { j -= 1 }
    let lead = b[j]
    if lead < 0x80 || !mayStartMark(lead) { return UInt32(lead) }
    return UTF8Text.scalar(at: j, in: b).value
  }

  /// Whether the byte `c` may start a quote mark or bracket: one of the ASCII marks, or the
  /// lead byte of the blocks the others are in (U+0080–U+00BF, U+2000–U+2FFF, U+3000–U+3FFF,
  /// U+F000–U+FFFF). One bit test a byte, since most bytes are none of them.
  @inline(__always)
  private static func mayStartMark(_ c: UInt8) -> Bool {
    // " ' ( ) at bits 34, 39, 40, 41 of 0x00–0x3F; [ ] { } at 27, 29, 59, 61 of 0x40–0x7F;
    // the lead bytes C2 E2 E3 EF at 2, 34, 35, 47 of 0xC0–0xFF.
    let low: UInt64 = 1 << 34 | 1 << 39 | 1 << 40 | 1 << 41
    let high: UInt64 = 1 << 27 | 1 << 29 | 1 << 59 | 1 << 61
    let leads: UInt64 = 1 << 2 | 1 << 34 | 1 << 35 | 1 << 47
    let word = c < 0x80 ? (c < 0x40 ? low : high) : (c < 0xC0 ? 0 : leads)
    return word >> UInt64(c & 63) & 1 == 1
  }

  /// Whether `v` is a quote mark or bracket that this finder pairs.
  @inline(__always)
  private static func isMark(_ v: UInt32) -> Bool {
    switch v {
    case 0x22, 0x27, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0xAB, 0xBB, 0x2018...0x201E, 0x2039,
      0x203A,
      0x3008...0x3011, 0x3014, 0x3015, 0xFF08, 0xFF09, 0xFF3B, 0xFF3D, 0xFF5B, 0xFF5D, 0xFF62,
      0xFF63:
      true
    default: false
    }
  }

  /// The marks that `open` may be closed by.
  @inline(__always)
  private static func closes(_ close: UInt32, _ open: UInt32) -> Bool {
    switch open {
    case 0x28: close == 0x29
    case 0x5B: close == 0x5D
    case 0x7B: close == 0x7D
    case 0x22: close == 0x22
    case 0x27: close == 0x27
    case 0x201C: close == 0x201D  // “ ”
    case 0x201E: close == 0x201C || close == 0x201D  // „ “ (German), „ ” (Polish)
    case 0x201D: close == 0x201D  // ” ” (Swedish, Finnish)
    case 0x2018: close == 0x2019  // ‘ ’
    case 0x201A: close == 0x2018 || close == 0x2019  // ‚ ‘
    case 0xAB: close == 0xBB  // « »
    case 0xBB: close == 0xAB  // » « (German, Danish)
    case 0x2039: close == 0x203A
    case 0x203A: close == 0x2039
    case 0x3008...0x3010 where open & 1 == 0: close == open + 1  // 〈〉《》「」『』【】
    case 0x3014: close == 0x3015
    case 0xFF08: close == 0xFF09
    case 0xFF3B: close == 0xFF3D
    case 0xFF5B: close == 0xFF5D
    case 0xFF62: close == 0xFF63
    default: false
    }
  }

  /// Closes the innermost open mark that `v` closes, recording its span.
  private mutating func closes(_ v: UInt32, previous: UInt32, next: UInt32, at end: Int) -> Bool {
    // An apostrophe between letters closes nothing: "don't", "l'Ing.", "dragon’s".
    if (v == 0x27 || v == 0x2019) && UTF8Text.isWordCharacter(previous)
      && UTF8Text.isWordCharacter(next)
    {
      return false
    }
    // ASCII quotes close only after something other than a space.
    if (v == 0x22 || v == 0x27) && UTF8Text.isSpace(previous) && UTF8Text.isWordCharacter(next) {
      return false
    }
    var k = stack.count - 1
    while k >= 0 {
      if Self.closes(v, stack[k].mark) {
        let start = stack[k].at
        stack.removeSubrange(k...)
        if end - start <= Self.maximumLength { found.append(start..<end) }
        return true
      }
      k -= 1
    }
    return false
  }

  /// Whether `v` opens a span here.
  private func opens(_ v: UInt32, previous: UInt32, next: UInt32) -> Bool {
    switch v {
    case 0x29, 0x5D, 0x7D, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0xFF09, 0xFF3D, 0xFF5D,
      0xFF63, 0x2019:
      return false
    case 0x22, 0x27, 0x201D, 0xBB, 0x203A, 0x201A, 0x2018:
      // Ambiguous marks open only at the start of a word.
      return !UTF8Text.isWordCharacter(previous) && previous != 0x2E && !UTF8Text.isSpace(next)
    default:
      return true
    }
  }
}
