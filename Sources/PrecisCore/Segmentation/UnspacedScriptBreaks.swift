/// Sentence ends that ICU does not find in scripts written without spaces between words.
///
/// Thai, Lao, Khmer and Burmese put no space between words and often no full stop after a
/// sentence: a space between two letters of the script is where a sentence (or clause) ends.
/// ICU's sentence iterator ignores those spaces, so a Thai paragraph would be one segment.
enum UnspacedScriptBreaks {
  /// The script's code point range for a language whose sentences end at spaces, if any.
  static func scalarRange(for language: String) -> ClosedRange<UInt32>? {
    switch language {
    case "th": 0x0E00...0x0E7F
    case "lo": 0x0E80...0x0EFF
    case "km": 0x1780...0x17FF
    case "my": 0x1000...0x109F
    default: nil
    }
  }

  /// Offsets just after each run of spaces that has a letter of `script` on both sides.
  ///
  /// - Complexity: O(*n*) in the length of `b`.
  static func boundaries(in b: UnsafeBufferPointer<UInt8>, script: ClosedRange<UInt32>) -> [Int] {
    var result: [Int] = []
    var i = 0
    var previousInScript = false
    while i < b.count {
      let (scalar, width) = decode(b, at: i)
      if scalar == 0x20 || scalar == 0xA0 {
        var j = i + width
        while j < b.count {
          let (next, w) = decode(b, at: j)
          if next != 0x20 && next != 0xA0 { break }
          j += w
        }
        if previousInScript && j < b.count && script.contains(decode(b, at: j).0) { result.append(j) }
        previousInScript = false
        i = j
        continue
      }
      previousInScript = script.contains(scalar)
      i += width
    }
    return result
  }

  private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
    let lead = b[i]
    if lead < 0x80 { return (UInt32(lead), 1) }
    if lead < 0xE0, i + 1 < b.count { return (UInt32(lead & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
    if lead < 0xF0, i + 2 < b.count {
      return (UInt32(lead & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    return (0xFFFD, min(4, b.count - i))
  }
}
