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
    (1, 0xFFFE...0xFFFF), (1, 0x85...0x85), (1, 0x061C...0x061C), (1, 0x1D400...0x1D7FF),
    (1, 0x20000...0x2A6DF), (1, 0xE0000...0xE007F), (1, 0xFDD0...0xFDEF),
  ]
  static let totalWeight = ranges.reduce(0) { $0 + $1.weight }

  /// Whole pieces that random scalars rarely make: emoji ZWJ sequences, flags, keycaps,
  /// stacked combining marks, bidi-wrapped words, sentence ends, abbreviations, markup.
  static let pieces: [String] = [
    "👩‍💻", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🧑🏽‍🚀", "👍🏿", "🇫🇷", "🇩🇪🇯🇵", "1️⃣", "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "e\u{301}\u{323}\u{33C}", "ệ", "Å", "ﬁ", "²", "Ⅻ", "ǅ", "ß", "İ", "ᄀ\u{1161}\u{11A8}",
    "\u{202B}مرحبا بالعالم.\u{202C}", "\u{2067}שלום.\u{2069}", "\u{200F}עברית\u{200E}",
    "\u{202E}txt.exe\u{202C}", "\u{061C}١٢٣", "Dr. ", "e.g. ", "3.14 ", "U.S.A. ", "Mr. Smith",
    ". ", "? ", "! ", "… ", "。", "！", "।", "\n\n", "\r\n", "\n", "\u{2029}", "\u{85}",
    "https://example.org/a?b=c&d ", "{name}", "%s", "%1$d", "${x}", "<b>", "&amp;", "]]>",
    "\"", "'", "\t", "\u{0}", "\u{1B}[0m", "\u{FFFE}", "\u{FFFF}", "\u{FEFF}", "\u{FFFD}",
    "中文句子。", "日本語の文です。", "ภาษาไทยไม่มีช่องว่าง", "नमस्ते दुनिया।", "Ελληνικά; ",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u{10FFFF}", "\u{E0001}", "\u{1F3FB}",
  ]

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

  /// A document of up to `length` pieces, each a hard scalar or (one in four) a whole piece
  /// such as an emoji ZWJ sequence or a bidi-wrapped word; about one document in
  /// `longLineEvery` also holds a line of 4,000 to 20,000 scalars without a line break.
  ///
  /// Small on average, so that ten thousand cases run in seconds.
  public static func document(upTo length: Int = 60, longLineEvery: UInt64 = 250)
    -> Generator<String, Shrink.None<[UInt64]>>
  {
    Gen<UInt64>.value(in: 0...UInt64.max).array(of: 0...length).map { randoms in
      var s = ""
      for random in randoms {
        if random % 4 == 0 {
          s += pieces[Int((random / 4) % UInt64(pieces.count))]
        } else {
          s.unicodeScalars.append(scalar(from: random / 4))
        }
      }
      if let first = randoms.first, first % longLineEvery == 1 {
        var line = ""
        line.unicodeScalars.append(contentsOf: longLine(seed: first))
        let middle = s.unicodeScalars.index(
          s.unicodeScalars.startIndex, offsetBy: s.unicodeScalars.count / 2)
        s.unicodeScalars.insert(contentsOf: line.unicodeScalars, at: middle)
      }
      return s
    }.withoutShrink()
  }

  /// 4,000 to 20,000 hard scalars without a line break, from `seed`.
  static func longLine(seed: UInt64) -> [UnicodeScalar] {
    var state = seed
    func next() -> UInt64 {
      // SplitMix64: a cheap, well-mixed sequence from one seed.
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    let count = 4_000 + Int(next() % 16_001)
    var scalars: [UnicodeScalar] = []
    scalars.reserveCapacity(count)
    while scalars.count < count {
      let scalar = scalar(from: next())
      switch scalar.value {
      case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
      default: scalars.append(scalar)
      }
    }
    return scalars
  }
}
