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
  public init(paragraphHash: UInt64, occurrence: Int, index: Int) {
    var hex = String(paragraphHash >> 16, radix: 16)
    hex = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    let suffix = occurrence > 0 ? ".\(occurrence)" : ""
    rawValue = "p\(hex)\(suffix)-\(index + 1)"
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
