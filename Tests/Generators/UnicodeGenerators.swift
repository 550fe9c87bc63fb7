import PropertyBased

/// Generators of text that breaks naive code: every plane, combining marks, RTL and bidi
/// controls, emoji ZWJ sequences, C0/C1 controls, line separators, noncharacters.
public enum HardText {
  /// Weighted scalar ranges; surrogates excluded.
  static let ranges: [(weight: UInt64, range: ClosedRange<UInt32>)] = [
    (12, 0x20...0x7E), (3, 0x00...0x1F), (1, 0x7F...0x9F), (3, 0xA0...0x17F),
    (4, 0x300...0x36F), (3, 0x590...0x6FF), (3, 0x200B...0x202F), (1, 0x2066...0x2069),
    (2, 0x1100...0x11FF), (2, 0xAC00...0xD7A3), (2, 0x3000...0x30FF), (2, 0x4E00...0x4FFF),
    (1, 0xE000...0xFFFF), (3, 0x1F300...0x1FAFF), (1, 0x10000...0x10FFFF),
    (2, 0x0A...0x0A), (1, 0x0D...0x0D), (1, 0x2028...0x2029), (2, 0x200D...0x200D),
    (1, 0xFE0F...0xFE0F), (1, 0xFEFF...0xFEFF), (2, 0x2E...0x2E), (3, 0x20...0x20),
  ]
  static let totalWeight = ranges.reduce(0) { $0 + $1.weight }

  static func scalar(from random: UInt64) -> UnicodeScalar {
    var pick = random % totalWeight
    let rest = random / totalWeight
    for (weight, range) in ranges {
      if pick < weight {
        let value = range.lowerBound + UInt32(rest % UInt64(range.count))
        return UnicodeScalar(value) ?? " "
      }
      pick -= weight
    }
    return " "
  }

  /// A string of up to `length` hard scalars.
  public static func string(upTo length: Int = 60) -> Generator<String, Shrink.None<[UInt64]>> {
    Gen<UInt64>.value(in: 0...UInt64.max).array(of: 0...length).map { randoms in
      var s = ""
      s.unicodeScalars.append(contentsOf: randoms.map(scalar(from:)))
      return s
    }.withoutShrink()
  }
}
