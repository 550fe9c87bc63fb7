/// Counts words the way translation tools quote them, cheaply enough for every batch file.
///
/// A word is a run of characters between white space that holds a letter or digit; each
/// Chinese character, kana and fullwidth letter counts as a word of its own, as CAT tools
/// count Chinese and Japanese. Thai, Lao, Khmer and Myanmar text, written without spaces
/// between words, counts one word per run between spaces, so it is an undercount there.
///
/// - Complexity: O(*n*) in the UTF-8 length, one pass over the bytes.
public enum WordCounter {
  /// The number of words in `text`.
  public static func count(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { count(utf8: $0) }
  }

  /// The number of words in valid UTF-8.
  public static func count(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var words = 0
    var runCounted = false  // the current run of non-space characters has been counted
    var i = 0
    let n = bytes.count
    while i < n {
      let lead = bytes[i]
      var scalar: UInt32
      if lead < 0x80 {
        scalar = UInt32(lead)
        i += 1
      } else if lead < 0xE0 {
        scalar = i + 1 < n ? (UInt32(lead & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F) : 0xFFFD
        i += 2
      } else if lead < 0xF0 {
        scalar =
          i + 2 < n
          ? (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6)
            | UInt32(bytes[i + 2] & 0x3F) : 0xFFFD
        i += 3
      } else {
        scalar =
          i + 3 < n
          ? (UInt32(lead & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12)
            | (UInt32(bytes[i + 2] & 0x3F) << 6)
            | UInt32(bytes[i + 3] & 0x3F) : 0xFFFD
        i += 4
      }
      if isSpace(scalar) {
        runCounted = false
        continue
      }
      if isIdeographic(scalar) {
        words += 1
        // Letters right after an ideograph start a new word ("漢字abc" is 2 + 1).
        runCounted = false
        continue
      }
      if !runCounted && isWordCharacter(scalar) {
        words += 1
        runCounted = true
      }
    }
    return words
  }

  @inline(__always)
  static func isSpace(_ s: UInt32) -> Bool {
    if s < 0x80 { return s == 0x20 || (s >= 0x09 && s <= 0x0D) }
    switch s {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  @inline(__always)
  static func isIdeographic(_ s: UInt32) -> Bool {
    switch s {
    case 0x3040...0x30FF,  // hiragana, katakana
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,  // Han
      0x20000...0x3FFFF:  // Han, supplementary planes
      return true
    default: return false
    }
  }

  /// Letters and digits, roughly: ASCII ones, and anything else that is not ASCII punctuation,
  /// Latin-1 punctuation or a general punctuation or CJK punctuation mark.
  @inline(__always)
  static func isWordCharacter(_ s: UInt32) -> Bool {
    if s < 0x80 {
      return (s >= 0x30 && s <= 0x39) || (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A)
    }
    switch s {
    case 0x80...0xBF, 0xD7, 0xF7, 0x2010...0x205E, 0x20A0...0x20CF, 0x2190...0x2BFF,
      0x3001...0x303F,
      0xFE30...0xFE4F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
      0x1F000...0x1FAFF, 0xFFFD:
      return false
    default: return true
    }
  }
}
