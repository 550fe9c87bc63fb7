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
    var h = fnvBasis
    for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
    return h
  }

  /// ``hash(_:)`` of each of `ranges` of `bytes`.
  ///
  /// FNV-1a is one chain of a multiply per byte, each waiting for the one before. Here four
  /// lanes hash side by side, so four chains are in flight and the processor's multipliers
  /// work instead of waiting: the same hashes, about three times as fast. The ranges are
  /// cut into four runs of consecutive ranges of about equal length, one per lane, so that
  /// the lanes end together; a lane whose run has ended reads along with one that has not
  /// (its hash is dropped) while two or more are left, and the last lane left finishes alone.
  static func hashes(of ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [UInt64] {
    var result = [UInt64](repeating: fnvBasis, count: ranges.count)
    guard let base = bytes.baseAddress, !ranges.isEmpty else { return result }
    result.withUnsafeMutableBufferPointer { out in
      var total = 0
      for range in ranges { total &+= range.count }
      // Lane k takes the ranges from the first whose start (counted in hashed bytes) reaches
      // k quarters of the total.
      var cuts = (0, ranges.count, ranges.count, ranges.count)
      var sum = 0
      var k = 1
      for (i, range) in ranges.enumerated() {
        while k < 4 && sum >= k * (total / 4) && sum > 0 {
          switch k {
          case 1: cuts.1 = i
          case 2: cuts.2 = i
          default: cuts.3 = i
          }
          k += 1
        }
        sum &+= range.count
      }
      var lanes = (
        HashLane(from: cuts.0, to: cuts.1, ranges, base),
        HashLane(from: cuts.1, to: cuts.2, ranges, base),
        HashLane(from: cuts.2, to: cuts.3, ranges, base),
        HashLane(from: cuts.3, to: ranges.count, ranges, base)
      )
      while true {
        var live = 0
        var step = Int.max
        var along = base
        if lanes.0.isLive { live += 1; step = min(step, lanes.0.left); along = lanes.0.p }
        if lanes.1.isLive { live += 1; step = min(step, lanes.1.left); along = lanes.1.p }
        if lanes.2.isLive { live += 1; step = min(step, lanes.2.left); along = lanes.2.p }
        if lanes.3.isLive { live += 1; step = min(step, lanes.3.left); along = lanes.3.p }
        if live <= 1 { break }
        let h = fnv4(
          lanes.0.isLive ? lanes.0.p : along, lanes.1.isLive ? lanes.1.p : along,
          lanes.2.isLive ? lanes.2.p : along, lanes.3.isLive ? lanes.3.p : along,
          count: step, (lanes.0.h, lanes.1.h, lanes.2.h, lanes.3.h))
        lanes.0.took(step, hash: h.0, ranges, base, out)
        lanes.1.took(step, hash: h.1, ranges, base, out)
        lanes.2.took(step, hash: h.2, ranges, base, out)
        lanes.3.took(step, hash: h.3, ranges, base, out)
      }
      lanes.0.finish(ranges, base, out)
      lanes.1.finish(ranges, base, out)
      lanes.2.finish(ranges, base, out)
      lanes.3.finish(ranges, base, out)
    }
    return result
  }

  private static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

  /// One lane of ``hashes(of:in:)``: the ranges `index..<end`, the one at `index` being hashed.
  private struct HashLane {
    var index: Int
    let end: Int
    /// Where the lane reads next, and the bytes its range has left (more than 0 while live).
    var p: UnsafePointer<UInt8>
    var left = 0
    var h = SegmentID.fnvBasis

    init(from first: Int, to end: Int, _ ranges: [Range<Int>], _ base: UnsafePointer<UInt8>) {
      index = first
      self.end = end
      p = base
      skipEmpty(ranges, base)
    }

    var isLive: Bool { index < end }

    /// Starts the first range from `index` on that has bytes (an empty one keeps the basis).
    private mutating func skipEmpty(_ ranges: [Range<Int>], _ base: UnsafePointer<UInt8>) {
      while index < end && ranges[index].isEmpty { index += 1 }
      if index < end {
        p = base + ranges[index].lowerBound
        left = ranges[index].count
        h = SegmentID.fnvBasis
      }
    }

    /// Takes the hash after `step` more bytes; at the range's end, stores it and starts the next.
    mutating func took(
      _ step: Int, hash: UInt64, _ ranges: [Range<Int>], _ base: UnsafePointer<UInt8>,
      _ out: UnsafeMutableBufferPointer<UInt64>
    ) {
      guard isLive else { return }
      h = hash
      p += step
      left &-= step
      if left == 0 {
        out[index] = h
        index += 1
        skipEmpty(ranges, base)
      }
    }

    /// Hashes what the lane has left by itself.
    mutating func finish(
      _ ranges: [Range<Int>], _ base: UnsafePointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt64>
    ) {
      while isLive {
        took(left, hash: SegmentID.fnv1(p, count: left, h), ranges, base, out)
      }
    }
  }

  /// FNV-1a of `count` bytes at `p`, going on from `h`.
  private static func fnv1(_ p: UnsafePointer<UInt8>, count: Int, _ h: UInt64) -> UInt64 {
    var h = h
    var i = 0
    while i < count {
      h = (h ^ UInt64(p[i])) &* fnvPrime
      i &+= 1
    }
    return h
  }

  /// FNV-1a of `count` bytes at each of four places, going on from `h`: a function of its
  /// own, so that the pointers and hashes stay in registers.
  @inline(never)
  private static func fnv4(
    _ p0: UnsafePointer<UInt8>, _ p1: UnsafePointer<UInt8>, _ p2: UnsafePointer<UInt8>,
    _ p3: UnsafePointer<UInt8>, count: Int, _ h: (UInt64, UInt64, UInt64, UInt64)
  ) -> (UInt64, UInt64, UInt64, UInt64) {
    var (a, b, c, d) = h
    let prime = fnvPrime
    var i = 0
    while i < count {
      a = (a ^ UInt64(p0[i])) &* prime
      b = (b ^ UInt64(p1[i])) &* prime
      c = (c ^ UInt64(p2[i])) &* prime
      d = (d ^ UInt64(p3[i])) &* prime
      i &+= 1
    }
    return (a, b, c, d)
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
