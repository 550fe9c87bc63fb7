/// Helpers for moving between UTF-8 and UTF-16 offsets of the same text.
enum UTF8Walk {
  /// The number of UTF-16 code units for the scalar that starts with the UTF-8 lead byte.
  @inline(__always)
  static func utf16Width(lead: UInt8) -> Int { lead >= 0xF0 ? 2 : 1 }

  /// The number of UTF-8 bytes of the scalar that starts with `lead`.
  @inline(__always)
  static func utf8Width(lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead < 0xE0 { return 2 }
    if lead < 0xF0 { return 3 }
    return 4
  }

  /// Appends the UTF-8 offsets of ascending UTF-16 offsets of the same valid UTF-8 text to
  /// `result` (whose buffer the caller may reuse).
  ///
  /// - Complexity: O(*n*) in the length of `utf8`.
  static func appendUTF8Offsets(
    ofAscendingUTF16 offsets: [Int32], in utf8: UnsafeBufferPointer<UInt8>, to result: inout [Int]
  ) {
    result.reserveCapacity(result.count + offsets.count)
    var byte = 0
    var unit = 0
    for target in offsets {
      advance(&byte, &unit, toUnit: Int(target), in: utf8)
      result.append(min(byte, utf8.count))
    }
  }

  /// The number of bytes of `mask` whose top bit is set (its other bits clear): one multiply,
  /// where `nonzeroBitCount` without a population-count instruction is a dozen steps.
  @inline(__always)
  static func highBitCount(_ mask: UInt64) -> Int {
    Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
  }

  /// Moves `byte` and `unit` (the same place in valid UTF-8 and in its UTF-16 form) forward
  /// until `unit` reaches `target` or the text ends; eight bytes at a time while the target
  /// lies beyond them.
  @inline(__always)
  static func advance(
    _ byte: inout Int, _ unit: inout Int, toUnit target: Int, in utf8: UnsafeBufferPointer<UInt8>
  ) {
    let n = utf8.count
    if let base = utf8.baseAddress, byte + 8 <= n {
      let raw = UnsafeRawPointer(base)
      let highs: UInt64 = 0x8080_8080_8080_8080
      var moved = false
      while byte + 8 <= n {
        // A unit for every byte but continuation bytes (10xxxxxx), two for a four-byte
        // sequence's lead (11110xxx): shifting left brings a byte's lower bits to its top.
        let w = raw.loadUnaligned(fromByteOffset: byte, as: UInt64.self)
        let continuations = w & ~(w << 1) & highs
        let fourByteLeads = w & (w << 1) & (w << 2) & (w << 3) & highs
        let units = 8 - highBitCount(continuations) + highBitCount(fourByteLeads)
        if unit + units >= target { break }
        byte += 8
        unit += units
        moved = true
      }
      // The last eight bytes may end inside a character they counted: step to its end.
      if moved {
        while byte < n && utf8[byte] & 0xC0 == 0x80 { byte += 1 }
      }
    }
    while unit < target && byte < n {
      let lead = utf8[byte]
      byte += utf8Width(lead: lead)
      unit += utf16Width(lead: lead)
    }
  }
}
