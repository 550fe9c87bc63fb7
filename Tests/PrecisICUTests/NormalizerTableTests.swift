@testable import PrecisICU
import Testing

/// The one pass of the NFC and NFKC check over a whole text against the line-by-line check it
/// replaced (which NFKC_Casefold still uses): the same answer, with and without ICU's full
/// check, for every character of the Basic Multilingual Plane and for random texts.
@Suite struct NormalizerTableTests {
  func answers(_ normalizer: Normalizer, _ text: String) throws -> [Bool] {
    var text = text
    return try text.withUTF8 { bytes in
      [
        try normalizer.isNormalized(utf8: bytes), try normalizer.isNormalized(utf8: bytes, exactly: true),
      ]
    }
  }

  func lineByLine(_ normalizer: Normalizer, _ text: String) throws -> [Bool] {
    var text = text
    return try text.withUTF8 { bytes in
      [
        try normalizer.isNormalizedLineByLine(utf8: bytes, exactly: false),
        try normalizer.isNormalizedLineByLine(utf8: bytes, exactly: true),
      ]
    }
  }

  @Test(arguments: [NormalizationForm.nfc, .nfkc])
  func everyCharacterOnItsOwnAndNextToOthers(form: NormalizationForm) throws {
    let normalizer = try Normalizer(form: form)
    // All characters of a line in one text: each alone, after a letter it may compose with,
    // before a combining mark, and after a mark of a higher class.
    var lines: [String] = []
    for value in 0..<0x10000 {
      guard let scalar = Unicode.Scalar(value), value != 0x0A else { continue }
      let c = String(scalar)
      lines.append(c)
      lines.append("n" + c + "\u{301}")
      lines.append("\u{915}\u{316}" + c + "x")
      lines.append("\u{AC00}" + c + c)
    }
    // In groups of lines, so that a line the table rejects sits among lines it accepts.
    for start in stride(from: 0, to: lines.count, by: 7) {
      let text = lines[start..<min(start + 7, lines.count)].joined(separator: "\n")
      let expected = try lineByLine(normalizer, text)
      let found = try answers(normalizer, text)
      if found != expected {
        Issue.record("\(form) \(text.unicodeScalars.map { String($0.value, radix: 16) }): \(found) \(expected)")
        return
      }
    }
  }

  @Test(arguments: [NormalizationForm.nfc, .nfkc])
  func randomTextsOfManyLines(form: NormalizationForm) throws {
    let pieces: [String] = [
      "a", "Z", " ", "\n", "\n\n", "\u{E9}", "e\u{301}", "\u{301}", "\u{316}", "Ж", "и\u{306}", "λ",
      "\u{387}", "ש", "\u{5B4}", "ع", "\u{64E}", "\u{654}", "ก", "\u{E38}", "\u{E48}", "क", "\u{93C}",
      "\u{94D}", "न", "க", "\u{BBE}", "\u{BC6}", "中", "\u{F900}", "の", "\u{3099}", "か", "\u{FF21}",
      "\u{FB01}", "\u{2000}", "\u{2126}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{1F600}",
      "\u{B2}", "\u{A0}", "\u{2028}", "\u{FEFF}", "\u{85}",
    ]
    let normalizer = try Normalizer(form: form)
    var state: UInt64 = 0xD1B5_4A32_D192_ED03
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<4000 {
      // Runs of one piece (long enough for the eight-byte and two-byte steps), now and then
      // another piece.
      var text = ""
      for _ in 0..<(1 + next(6)) {
        let base = pieces[next(pieces.count)]
        for _ in 0..<(1 + next(20)) { text += next(5) == 0 ? pieces[next(pieces.count)] : base }
      }
      let expected = try lineByLine(normalizer, text)
      #expect(try answers(normalizer, text) == expected, "\(form) \(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
  }
}
