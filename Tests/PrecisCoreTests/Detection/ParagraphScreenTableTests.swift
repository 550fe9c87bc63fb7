@testable import PrecisCore
import Testing

/// What the screen's shortcuts rest on: lead bytes and blocks that tell a letter's class and
/// script bucket without decoding it.
@Suite struct ParagraphScreenTableTests {
  @Test func leadBytesTheWordLoopSkipsHaveNoPunctuationNorFormatCharacters() {
    // Two-byte letters from lead C4 (but D8), three-byte from E0 (but E2, E3, EF): hashed
    // from their bytes, or folded, with no look at punctuation or format characters.
    for v in UInt32(0x100)...0xFFFF where !(0xD800...0xDFFF).contains(v) {
      let lead = v < 0x800 ? 0xC0 | v >> 6 : 0xE0 | v >> 12
      let skipped = v < 0x800 ? lead != 0xD8 : ![0xE2, 0xE3, 0xEF].contains(lead)
      guard skipped else { continue }
      #expect(!ParagraphScreen.isPunctuation(v), "U+\(String(v, radix: 16))")
      #expect(!UTF8Text.isFormat(v), "U+\(String(v, radix: 16))")
      if v >= 0x580 { #expect(UTF8Text.folded(v) == v, "U+\(String(v, radix: 16))") }
    }
  }

  @Test func blocksTellTheBucketOfEveryScalarInThem() {
    for v in UInt32(0x800)...0xFFFF where !(0xD800...0xDFFF).contains(v) {
      let entry = Int(ScriptBucket.byBlock[Int(v >> 6)])
      if entry == ScriptBucket.decodeLead { continue }
      let expected = ScriptBucket.of(v).map { Int($0.value) } ?? ScriptBucket.noBucket
      #expect(entry == expected, "U+\(String(v, radix: 16))")
    }
    // The blocks of Devanagari, kana and Hangul are read from their first two bytes.
    for v: UInt32 in [0x915, 0x3042, 0x30AB, 0xD55C] {
      #expect(Int(ScriptBucket.byBlock[Int(v >> 6)]) != ScriptBucket.decodeLead)
    }
  }
}
