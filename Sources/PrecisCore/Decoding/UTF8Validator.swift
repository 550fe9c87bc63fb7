/// What a scan of bytes as UTF-8 found.
struct UTF8Scan: Equatable {
  /// The offset of the first byte that is not valid UTF-8, if any.
  var firstInvalid: Int?
  /// How many valid multi-byte sequences were seen (legacy encodings rarely form any).
  var multiByteSequences: Int
  /// How many invalid positions were seen.
  var invalidCount: Int
}

/// A UTF-8 validator that reports where the input goes wrong, unlike `String(decoding:)`.
enum UTF8Validator {
  /// Scans `bytes`, following the Unicode standard's table of well-formed sequences.
  ///
  /// - Complexity: O(*n*).
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Scan {
    var result = UTF8Scan(firstInvalid: nil, multiByteSequences: 0, invalidCount: 0)
    var i = 0
    let n = bytes.count
    while i < n {
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      let length = sequenceLength(bytes, at: i)
      if length == 0 {
        if result.firstInvalid == nil { result.firstInvalid = i }
        result.invalidCount += 1
        i += 1
      } else {
        result.multiByteSequences += 1
        i += length
      }
    }
    return result
  }

  /// The length of the well-formed sequence at `i`, or 0 when it is ill-formed.
  @inline(__always)
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let n = bytes.count
    let b0 = bytes[i]
    func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
      i + k < n && bytes[i + k] >= lo && bytes[i + k] <= hi
    }
    switch b0 {
    case 0xC2...0xDF: return cont(1) ? 2 : 0
    case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
    case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
    case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
    case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
    case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
    default: return 0
    }
  }
}
