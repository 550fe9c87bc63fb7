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

  /// Whether `bytes` are well-formed UTF-8 (as `scan` finds no invalid byte), and whether
  /// they are all ASCII.
  ///
  /// Much quicker than `scan`, and than the standard library's check (which a string made
  /// from bytes otherwise pays for): ASCII is read eight bytes at a time, and sequences in a
  /// loop of their own, by branches on their bytes that in text of one script go the same
  /// way each time. (A table of steps, looked up from each sequence's first two bytes, took
  /// fewer instructions but made each step wait for the look-up, and was slower.)
  ///
  /// - Complexity: O(*n*).
  static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (isValid: Bool, isASCII: Bool) {
    guard let p = bytes.baseAddress else { return (true, true) }
    let raw = UnsafeRawPointer(p)
    let n = bytes.count
    var i = 0
    var ascii = true
    while i < n {
      if p[i] < 0x80 {
        // ASCII eight bytes at a time, up to the first byte that is not ASCII.
        guard i &+ 8 <= n else {
          i &+= 1
          continue
        }
        let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
        if high == 0 {
          i &+= 8
          continue
        }
        i &+= UInt64(littleEndian: high).trailingZeroBitCount >> 3
      }
      ascii = false
      // Sequences, and the single ASCII bytes between them (spaces, punctuation), in a loop
      // of their own while four bytes remain: two ASCII bytes go back to reading words.
      while i &+ 4 <= n {
        let b0 = p[i]
        let b1 = p[i &+ 1]
        if b0 < 0x80 {
          if b1 < 0x80 { break }
          i &+= 1
          continue
        }
        if b0 < 0xE0 {
          // C2…DF, then a continuation byte.
          guard b0 >= 0xC2, Int8(bitPattern: b1) < -0x40 else { return (false, false) }
          i &+= 2
        } else if b0 < 0xF0 {
          // E0 needs A0…BF (no overlong form), ED 80…9F (no surrogate), the others 80…BF.
          let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
          let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
          guard b1 >= low, b1 <= high, Int8(bitPattern: p[i &+ 2]) < -0x40 else {
            return (false, false)
          }
          i &+= 3
        } else {
          // F0 needs 90…BF (no overlong form), F4 80…8F (nothing past U+10FFFF).
          guard b0 <= 0xF4 else { return (false, false) }
          let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
          let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
          guard b1 >= low, b1 <= high, Int8(bitPattern: p[i &+ 2]) < -0x40,
            Int8(bitPattern: p[i &+ 3]) < -0x40
          else { return (false, false) }
          i &+= 4
        }
      }
      // The last bytes, one sequence at a time.
      while i &+ 4 > n && i < n {
        let b0 = p[i]
        if b0 < 0x80 {
          i += 1
        } else if b0 < 0xE0 {
          guard b0 >= 0xC2, i + 1 < n, Int8(bitPattern: p[i + 1]) < -0x40 else { return (false, false) }
          i += 2
        } else if b0 < 0xF0 {
          guard i + 2 < n else { return (false, false) }
          let b1 = p[i + 1]
          let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
          let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
          guard b1 >= low, b1 <= high, Int8(bitPattern: p[i + 2]) < -0x40 else { return (false, false) }
          i += 3
        } else {
          return (false, false)  // four bytes do not fit in fewer than four
        }
      }
    }
    return (true, ascii)
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
