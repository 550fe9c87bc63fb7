internal import CICU

/// Text prepared for regular-expression matching: a UTF-16 copy of valid UTF-8, with maps
/// between UTF-16 and UTF-8 offsets in both directions.
///
/// A ``RegexMatcher`` keeps a reference to the text it matches, so the text outlives it.
public final class RegexText {
  /// The UTF-16 code units, allocated once; ICU matchers point into this storage.
  let units: UnsafeMutableBufferPointer<UInt16>
  /// The number of UTF-16 code units.
  public let utf16Count: Int
  /// The UTF-8 offset of each UTF-16 offset, `utf16Count + 1` entries.
  ///
  /// The second unit of a surrogate pair maps to the offset of its scalar's first byte.
  private let utf8Offsets: [Int32]
  /// The UTF-16 offset of each UTF-8 offset, one more entry than bytes.
  ///
  /// A byte inside a scalar maps to the scalar's first unit.
  private let utf16Offsets: [Int32]

  /// Copies `utf8` (valid UTF-8) into UTF-16.
  ///
  /// - Complexity: O(*n*) in the length of `utf8`.
  public convenience init(utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) {
    let (units, count, offsets, back) = try Self.transcode(utf8)
    self.init(units: units, count: count, offsets: offsets, back: back)
  }

  private init(
    units: UnsafeMutableBufferPointer<UInt16>, count: Int, offsets: [Int32], back: [Int32]
  ) {
    self.units = units
    self.utf16Count = count
    self.utf8Offsets = offsets
    self.utf16Offsets = back
  }

  private static func transcode(
    _ utf8: UnsafeBufferPointer<UInt8>
  ) throws(ICUError) -> (UnsafeMutableBufferPointer<UInt16>, Int, [Int32], [Int32]) {
    // Each UTF-8 byte gives at most one UTF-16 unit.
    let storage = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(utf8.count, 1))
    var length: Int32 = 0
    var status = U_ZERO_ERROR
    if !utf8.isEmpty {
      utf8.withMemoryRebound(to: CChar.self) { src in
        _ = cicu_u_strFromUTF8(
          storage.baseAddress, Int32(storage.count), &length, src.baseAddress, Int32(src.count),
          &status)
      }
    }
    if status.rawValue > U_ZERO_ERROR.rawValue {
      storage.deallocate()
      throw icuError(status, "convert UTF-8 to UTF-16 for matching")
    }
    let count = Int(length)
    var offsets = [Int32](repeating: 0, count: count + 1)
    var back = [Int32](repeating: 0, count: utf8.count + 1)
    var byte = 0
    var unit = 0
    while unit < count && byte < utf8.count {
      let lead = utf8[byte]
      let width = UTF8Walk.utf8Width(lead: lead)
      for k in byte..<min(byte + width, utf8.count) { back[k] = Int32(unit) }
      offsets[unit] = Int32(byte)
      if UTF8Walk.utf16Width(lead: lead) == 2 {
        offsets[unit + 1] = Int32(byte)
        unit += 2
      } else {
        unit += 1
      }
      byte += width
    }
    offsets[count] = Int32(utf8.count)
    back[utf8.count] = Int32(count)
    return (storage, count, offsets, back)
  }

  /// Copies `string` into UTF-16.
  public convenience init(_ string: String) throws(ICUError) {
    var copy = string
    let parts = copy.withUTF8 { bytes in
      Result { () throws(ICUError) in try RegexText.transcode(bytes) }
    }
    let (units, count, offsets, back) = try parts.get()
    self.init(units: units, count: count, offsets: offsets, back: back)
  }

  deinit { units.deallocate() }

  /// The UTF-8 offset of a UTF-16 offset (`0...utf16Count`).
  @inline(__always)
  public func utf8Offset(ofUTF16 offset: Int) -> Int { Int(utf8Offsets[offset]) }

  /// The UTF-16 offset of a UTF-8 offset (`0...utf8Count`); inside a scalar, its start.
  @inline(__always)
  public func utf16Offset(ofUTF8 offset: Int) -> Int { Int(utf16Offsets[offset]) }

  /// The UTF-16 code unit at `offset`.
  @inline(__always)
  public func unit(at offset: Int) -> UInt16 { units[offset] }
}
