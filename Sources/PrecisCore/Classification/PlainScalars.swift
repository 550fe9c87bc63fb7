import PrecisICU

/// Scalars that make the classifier's character questions byte questions.
///
/// A scalar is *plain* when it is a user-perceived character of its own next to any other
/// plain scalar (see ``WordCounter/isStandalone(_:)``; CR aside, which joins LF) and NFC
/// leaves it as it is. In a line of plain scalars, characters are scalars and two characters
/// are equal exactly when their scalars are (canonical equivalence has nothing to add), so
/// `hasPrefix`, `contains`, `firstRange(of:)` and `split` on characters give what the same
/// tests on UTF-8 bytes give.
enum PlainScalars {
  /// Scalars below this are looked up in ``table``; above it, only whole blocks without
  /// case or decompositions are plain.
  static let tableLimit: UInt32 = 0x2200

  private static let notPlain: UInt32 = 0xFFFF_FFFF
  private static let lowerNotPlain: UInt32 = 0xFFFF_FFFE

  /// For each scalar below ``tableLimit``: its lower-case form when that is one plain scalar,
  /// `lowerNotPlain` when the scalar is plain but its lower case is not, `notPlain` when the
  /// scalar itself is not. Filled from the standard library and ICU on first use.
  private static let table: [UInt32] = {
    let nfc = try? Normalizer(form: .nfc)
    func isPlain(_ v: UInt32) -> Bool {
      guard v != 0x0D, WordCounter.isStandalone(v), let s = Unicode.Scalar(v) else { return false }
      // Every scalar below U+0300 is in NFC; above it, the singletons (U+212A KELVIN SIGN,
      // U+0387 GREEK ANO TELEIA, …) are not.
      if v < 0x300 { return true }
      guard let nfc, let normalized = try? nfc.normalize(String(s)) else { return false }
      return normalized.unicodeScalars.count == 1 && normalized.unicodeScalars.first == s
    }
    var table = [UInt32](repeating: notPlain, count: Int(tableLimit))
    for v in 0..<tableLimit where isPlain(v) {
      let lower = Unicode.Scalar(v)!.properties.lowercaseMapping.unicodeScalars
      if lower.count == 1, let u = lower.first?.value, u == v || isPlain(u) {
        table[Int(v)] = u
      } else {
        table[Int(v)] = lowerNotPlain
      }
    }
    return table
  }()

  /// Whether `v` is plain.
  @inline(__always)
  static func isPlain(_ v: UInt32) -> Bool {
    if v < tableLimit { return table.withUnsafeBufferPointer { $0[Int(v)] } != notPlain }
    return WordCounter.isStandalone(v)
  }

  /// The lower case of `v` (`Unicode.Scalar.Properties.lowercaseMapping`) when `v` and its
  /// lower case are plain scalars; nil otherwise.
  @inline(__always)
  static func lowered(_ v: UInt32) -> UInt32? {
    if v < tableLimit {
      let u = table.withUnsafeBufferPointer { $0[Int(v)] }
      return u >= lowerNotPlain ? nil : u
    }
    guard WordCounter.isStandalone(v) else { return nil }
    // Above the table, only the full-width capitals have a lower case.
    return v >= 0xFF21 && v <= 0xFF3A ? v + 0x20 : v
  }

  /// Whether every scalar of `bytes` (valid UTF-8) is plain.
  static func arePlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
      let (v, w) = UTF8Text.scalar(at: i, in: bytes)
      if !isPlain(v) { return false }
      i += w
    }
    return true
  }

  /// `bytes` (valid UTF-8) lower-cased scalar by scalar, as `String.lowercased()` does, when
  /// every scalar and its lower case are plain; nil otherwise.
  static func lowered(_ bytes: UnsafeBufferPointer<UInt8>, scalars limit: Int = .max) -> [UInt8]? {
    var out: [UInt8] = []
    out.reserveCapacity(min(bytes.count, limit &* 4))
    var i = 0
    var k = 0
    while i < bytes.count && k < limit {
      let (v, w) = UTF8Text.scalar(at: i, in: bytes)
      if v < 0x80 {
        out.append(v >= 0x41 && v <= 0x5A ? UInt8(v | 0x20) : UInt8(v))
        if v == 0x0D { return nil }
      } else {
        guard let u = lowered(v) else { return nil }
        appendUTF8(u, to: &out)
      }
      i += w
      k += 1
    }
    return out
  }

  @inline(__always)
  static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | v >> 6))
      out.append(UInt8(0x80 | v & 0x3F))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | v >> 12))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    } else {
      out.append(UInt8(0xF0 | v >> 18))
      out.append(UInt8(0x80 | v >> 12 & 0x3F))
      out.append(UInt8(0x80 | v >> 6 & 0x3F))
      out.append(UInt8(0x80 | v & 0x3F))
    }
  }

  /// `Character.isLetter` of the character that is the plain scalar `v`.
  @inline(__always)
  static func isLetter(_ v: UInt32) -> Bool {
    if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
    return Character(Unicode.Scalar(v)!).isLetter
  }

  /// `Character.isNumber` of the character that is the plain scalar `v`.
  @inline(__always)
  static func isNumber(_ v: UInt32) -> Bool {
    if v < 0x80 { return v &- 0x30 < 10 }
    return Character(Unicode.Scalar(v)!).isNumber
  }
}
