/// A segment's stable identifier: the same input gives the same ids on every run and machine.
///
/// The id is derived from the paragraph's text and the segment's place in it:
/// `p3f9a12bc07d1-2` is the second segment of a paragraph whose text hashes to
/// `3f9a12bc07d1`. Editing one paragraph changes only that paragraph's ids. A paragraph
/// whose text (or hash) occurred earlier in the document gets an occurrence suffix
/// (`p3f9a12bc07d1.1-2`), so ids are unique in the document.
public struct SegmentID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The id as written into files, such as `p3f9a12bc07d1-2`.
  public let rawValue: String

  /// Wraps an id read back from a file.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Makes the id of the segment at `index` (0-based) of a paragraph.
  ///
  /// The id is written byte by byte: one is made per segment, and building it by string
  /// interpolation was a tenth of the splitter's time. The exact length is asked for, so
  /// that an id of up to 15 bytes stays a small string, without an allocation.
  public init(paragraphHash: UInt64, occurrence: Int, index: Int) {
    let hash = paragraphHash >> 16
    let length =
      13 + (occurrence > 0 ? 1 + Self.decimalLength(occurrence) : 0) + 1
      + Self.decimalLength(index + 1)
    rawValue = String(unsafeUninitializedCapacity: length) { out in
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
      return Self.writeDecimal(index + 1, into: out, at: count + 1)
    }
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

  public var description: String { rawValue }

  public static func < (lhs: SegmentID, rhs: SegmentID) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    rawValue = try decoder.singleValueContainer().decode(String.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
