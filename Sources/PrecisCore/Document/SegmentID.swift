/// A segment's stable identifier: the same input gives the same ids on every run and machine.
///
/// The id is derived from the paragraph's text and the segment's place in it:
/// `p3f9a12bc07d1-2` is the second segment of a paragraph whose text hashes to
/// `3f9a12bc07d1`. Editing one paragraph changes only that paragraph's ids. A paragraph
/// whose text (or hash) occurred earlier in the document gets an occurrence suffix
/// (`p3f9a12bc07d1.1-2`), so ids are unique in the document.
///
/// Memory: an id the splitter makes is kept as its numbers (no string per segment, which
/// for a long paragraph's ids of 16 bytes or more would be an allocation each); its text is
/// made when asked for. An id read from a file is kept as that form too when it has it, so
/// that equal ids are equal whichever way they were made.
public struct SegmentID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  private enum Storage: Sendable, Hashable {
    /// An id of another form, as read.
    case text(String)
    /// `p<hash>[.<occurrence>]-<number>`: the hash's top 48 bits shifted left by 16 with the
    /// occurrence (0 for none) in the low 16; the 1-based number.
    case generated(UInt64, UInt32)
  }

  private let storage: Storage

  /// The id as written into files, such as `p3f9a12bc07d1-2`.
  public var rawValue: String {
    switch storage {
    case let .text(text): text
    case let .generated(packed, number):
      Self.format(hash48: packed >> 16, occurrence: Int(packed & 0xFFFF), number: Int(number))
    }
  }

  /// Wraps an id read back from a file.
  public init(rawValue: String) {
    var copy = rawValue
    let parsed = copy.withUTF8 { Self.parse($0) }
    storage = parsed ?? .text(rawValue)
  }

  /// Makes the id of the segment at `index` (0-based) of a paragraph.
  public init(paragraphHash: UInt64, occurrence: Int, index: Int) {
    let hash48 = paragraphHash >> 16
    if (0...0xFFFF).contains(occurrence) && index >= 0 && index < Int(UInt32.max) - 1 {
      storage = .generated(hash48 << 16 | UInt64(occurrence), UInt32(index + 1))
    } else {
      storage = .text(Self.format(hash48: hash48, occurrence: occurrence, number: index + 1))
    }
  }

  /// The text of a generated id.
  ///
  /// The id is written byte by byte: building it by string interpolation was a tenth of the
  /// splitter's time. The exact length is asked for, so that an id of up to 15 bytes stays a
  /// small string, without an allocation.
  private static func format(hash48 hash: UInt64, occurrence: Int, number: Int) -> String {
    let length =
      13 + (occurrence > 0 ? 1 + Self.decimalLength(occurrence) : 0) + 1
      + Self.decimalLength(number)
    return String(unsafeUninitializedCapacity: length) { out in
      out[0] = UInt8(ascii: "p")
      for digit in 0..<12 {
        let nibble = Int((hash >> UInt64(44 - 4 * digit)) & 0xF)
        out[1 + digit] = nibble < 10 ? 0x30 + UInt8(nibble) : 0x57 + UInt8(nibble)
      }
      var count = 13
      if occurrence > 0 {
        out[count] = UInt8(ascii: ".")
        count = Self.writeDecimal(occurrence, into: out, at: count + 1)
      }
      out[count] = UInt8(ascii: "-")
      return Self.writeDecimal(number, into: out, at: count + 1)
    }
  }

  /// The generated form of `text` when it is exactly as ``format(hash48:occurrence:number:)``
  /// writes it (lower-case hex, no leading zeros), else `nil`.
  private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Storage? {
    guard b.count >= 15, b.count <= 40, b[0] == UInt8(ascii: "p") else { return nil }
    var hash: UInt64 = 0
    for i in 1...12 {
      let c = b[i]
      let nibble: UInt64
      switch c {
      case 0x30...0x39: nibble = UInt64(c - 0x30)
      case 0x61...0x66: nibble = UInt64(c - 0x57)
      default: return nil
      }
      hash = hash << 4 | nibble
    }
    // A decimal without leading zeros, at least 1, at most `limit`, ending at `terminator`.
    func decimal(from start: Int, until terminator: UInt8?, limit: Int) -> (Int, Int)? {
      var i = start
      var value = 0
      while i < b.count && b[i] != terminator {
        let c = b[i]
        guard c >= 0x30 && c <= 0x39, !(i == start && c == 0x30) else { return nil }
        value = value * 10 + Int(c - 0x30)
        guard value <= limit else { return nil }
        i += 1
      }
      return i > start ? (value, i) : nil
    }
    var i = 13
    var occurrence = 0
    if b[i] == UInt8(ascii: ".") {
      guard let (value, end) = decimal(from: i + 1, until: UInt8(ascii: "-"), limit: 0xFFFF),
        end < b.count
      else { return nil }
      occurrence = value
      i = end
    }
    guard b[i] == UInt8(ascii: "-"),
      let (number, end) = decimal(from: i + 1, until: nil, limit: Int(UInt32.max) - 1), end == b.count
    else { return nil }
    return .generated(hash << 16 | UInt64(occurrence), UInt32(number))
  }

  /// The number of bytes of `value` in decimal, with its sign.
  private static func decimalLength(_ value: Int) -> Int {
    var count = value < 0 ? 2 : 1
    var magnitude = value.magnitude
    while magnitude >= 10 {
      magnitude /= 10
      count += 1
    }
    return count
  }

  /// Writes `value` in decimal at `start`; returns the offset after it.
  private static func writeDecimal(_ value: Int, into out: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
    var i = start
    if value < 0 {
      out[i] = UInt8(ascii: "-")
      i += 1
    }
    var magnitude = value.magnitude
    let first = i
    repeat {
      out[i] = 0x30 + UInt8(magnitude % 10)
      magnitude /= 10
      i += 1
    } while magnitude > 0
    var lo = first
    var hi = i - 1
    while lo < hi {
      out.swapAt(lo, hi)
      lo += 1
      hi -= 1
    }
    return i
  }

  /// The 64-bit FNV-1a hash of `bytes`, the same on every platform.
  public static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01b3
    }
    return h
  }

  /// ``hash(_:)`` of each of `ranges` of `bytes`.
  ///
  /// FNV-1a is one chain of a multiply per byte, each waiting for the one before. Here four
  /// lanes hash four paragraphs side by side, each lane taking the next paragraph when its
  /// own ends, so four chains are in flight and the processor's multipliers work instead of
  /// waiting: the same hashes, about three times as fast.
  static func hashes(of ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    let prime: UInt64 = 0x0000_0100_0000_01b3
    var result = [UInt64](repeating: basis, count: ranges.count)
    guard let base = bytes.baseAddress, !ranges.isEmpty else { return result }
    result.withUnsafeMutableBufferPointer { out in
      // Each lane: where it reads, the bytes its paragraph has left, its hash, and the
      // paragraph's index (-1 when the lane has none left to take).
      var p = (base, base, base, base)
      var left = (0, 0, 0, 0)
      var h = (basis, basis, basis, basis)
      var index = (-1, -1, -1, -1)
      var next = 0
      @inline(__always) func refill(
        _ p: inout UnsafePointer<UInt8>, _ left: inout Int, _ h: inout UInt64, _ index: inout Int
      ) {
        while left == 0 {
          if index >= 0 { out[index] = h }
          guard next < ranges.count else {
            index = -1
            return
          }
          index = next
          next += 1
          p = base + ranges[index].lowerBound
          left = ranges[index].count
          h = basis
        }
      }
      while true {
        if left.0 == 0 { refill(&p.0, &left.0, &h.0, &index.0) }
        if left.1 == 0 { refill(&p.1, &left.1, &h.1, &index.1) }
        if left.2 == 0 { refill(&p.2, &left.2, &h.2, &index.2) }
        if left.3 == 0 { refill(&p.3, &left.3, &h.3, &index.3) }
        // Lanes with nothing left read along with a lane that has (their hashes are dropped).
        var step = Int.max
        var live = base
        if index.0 >= 0 { step = min(step, left.0); live = p.0 }
        if index.1 >= 0 { step = min(step, left.1); live = p.1 }
        if index.2 >= 0 { step = min(step, left.2); live = p.2 }
        if index.3 >= 0 { step = min(step, left.3); live = p.3 }
        if step == Int.max { break }
        if index.0 < 0 { p.0 = live }
        if index.1 < 0 { p.1 = live }
        if index.2 < 0 { p.2 = live }
        if index.3 < 0 { p.3 = live }
        // The lanes' pointers and hashes in locals, so that they stay in registers.
        var (a, b, c, d) = h
        let (p0, p1, p2, p3) = p
        for i in 0..<step {
          a = (a ^ UInt64(p0[i])) &* prime
          b = (b ^ UInt64(p1[i])) &* prime
          c = (c ^ UInt64(p2[i])) &* prime
          d = (d ^ UInt64(p3[i])) &* prime
        }
        h = (a, b, c, d)
        p = (p.0 + step, p.1 + step, p.2 + step, p.3 + step)
        if index.0 >= 0 { left.0 -= step }
        if index.1 >= 0 { left.1 -= step }
        if index.2 >= 0 { left.2 -= step }
        if index.3 >= 0 { left.3 -= step }
      }
    }
    return result
  }

  /// For each of `hashes`, how many hashes before it are equal to it: the occurrence of a
  /// paragraph whose hash came earlier in the document.
  ///
  /// The hashes are FNV-1a, well mixed already, so a table probed by the hash's own bits
  /// serves (a dictionary would run each through SipHash twice); a document of a few
  /// paragraphs just compares them.
  static func occurrences(of hashes: [UInt64]) -> [Int] {
    let n = hashes.count
    var result = [Int](repeating: 0, count: n)
    if n <= 32 {
      for k in 1..<max(n, 1) {
        var seen = 0
        for j in 0..<k where hashes[j] == hashes[k] { seen += 1 }
        result[k] = seen
      }
      return result
    }
    var size = 64
    while size < 2 * n { size *= 2 }
    let mask = size - 1
    // A slot holds a hash and how many times it was seen; a count of 0 marks an empty slot
    // (so the hash 0 needs no special case).
    var keys = [UInt64](repeating: 0, count: size)
    var counts = [Int](repeating: 0, count: size)
    for k in 0..<n {
      let key = hashes[k]
      var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
      while counts[i] > 0 && keys[i] != key { i = (i + 1) & mask }
      result[k] = counts[i]
      keys[i] = key
      counts[i] += 1
    }
    return result
  }

  public var description: String { rawValue }

  public static func < (lhs: SegmentID, rhs: SegmentID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
