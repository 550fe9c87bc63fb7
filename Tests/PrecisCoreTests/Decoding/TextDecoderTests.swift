import PrecisCore
import PrecisTestSupport
import Testing

@Suite struct TextDecoderTests {
  let decoder = TextDecoder()

  @Test func emptyFileIsAnEmptyDocument() throws {
    let document = try decoder.decode([], source: "empty.txt")
    #expect(document.text == "")
  }

  @Test(arguments: [
    ([0xEF, 0xBB, 0xBF, 0x61, 0xC3, 0xA9], "UTF-8", 3),
    ([0xFF, 0xFE, 0x61, 0x00, 0xE9, 0x00], "UTF-16LE", 2),
    ([0xFE, 0xFF, 0x00, 0x61, 0x00, 0xE9], "UTF-16BE", 2),
    ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00, 0xE9, 0x00, 0x00, 0x00], "UTF-32LE", 4),
    ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00, 0xE9], "UTF-32BE", 4),
  ] as [([UInt8], String, Int)])
  func readsByteOrderMarks(bytes: [UInt8], encoding: String, bomLength: Int) throws {
    let document = try decoder.decode(bytes, source: "bom.txt")
    #expect(document.text == "a\u{E9}")
    #expect(document.inputEncoding.name == encoding)
    #expect(document.inputEncoding.bomLength == bomLength)
  }

  @Test func readsUTF16WithoutAMark() throws {
    let bytes = Array("Plain text without a mark.".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    #expect(try decoder.decode(bytes, source: "u16.txt").text == "Plain text without a mark.")
  }

  @Test func reportsInvalidUTF8WithItsOffset() {
    let bytes = Array("Grüße aus Köln ".utf8) + [0xC3, 0x28] + Array(" und mehr.".utf8)
    #expect(throws: DecodeError.invalidUTF8(source: "bad.txt", byteOffset: 18, byte: 0xC3)) {
      try decoder.decode(bytes, source: "bad.txt")
    }
  }

  @Test func reportsBinaryInput() {
    let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
    #expect(throws: DecodeError.binary(source: "image.png", byteOffset: 8)) {
      try decoder.decode(bytes, source: "image.png")
    }
  }

  @Test func reportsDenseControlsAsBinaryAtTheFirstOne() {
    // Controls other than TAB, LF, FF, CR and ESC, more than a tenth of the bytes, at every
    // place in a word of eight bytes and next to line feeds; no NUL.
    for offset in 0..<9 {
      var bytes = [UInt8](repeating: 0x61, count: offset)
      for k in 0..<40 { bytes += k % 3 == 0 ? [0x0A, 0x62, 0x01, 0x63] : [0x64, 0x02, 0x0D, 0x65] }
      let first = bytes.firstIndex { $0 == 0x01 || $0 == 0x02 }!
      #expect(throws: DecodeError.binary(source: "x.bin", byteOffset: first)) {
        try decoder.decode(bytes, source: "x.bin")
      }
      // A tenth or fewer is text.
      var sparse = [UInt8](repeating: 0x61, count: offset)
      for _ in 0..<40 { sparse += [0x01] + [UInt8](repeating: 0x0A, count: 4) + Array("abcde".utf8) }
      #expect((try? decoder.decode(sparse, source: "x.txt")) != nil)
    }
  }

  @Test func denseControlsAreFoundWhereverTheyStand() {
    // Random texts of controls (those that count and those that do not), letters and
    // multi-byte letters, of lengths around the vectors, the words and the 8 KB read: binary
    // at the first control that counts exactly when they are more than a tenth of the bytes.
    let pieces: [[UInt8]] = [
      [0x61], [0x62], [0x20], [0x0A], [0x09], [0x0D], [0x0C], [0x1B], [0x01], [0x1F], [0x7F],
      [0xC3, 0xA9], [0xE4, 0xB8, 0xAD], [0xC2, 0x85],
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for round in 0..<600 {
      let target = round < 500 ? 1 + next(70) : 8180 + next(30)
      var bytes: [UInt8] = []
      // Sparse or dense controls, so that both answers come up.
      let letterBias = [1, 3, 9][next(3)]
      while bytes.count < target {
        bytes += next(letterBias + 1) == 0 ? pieces[next(pieces.count)] : pieces[next(2)]
      }
      let read = bytes.prefix(8192)
      let counted = read.indices.filter {
        bytes[$0] < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains(bytes[$0])
      }
      if counted.count * 10 > read.count {
        #expect(throws: DecodeError.binary(source: "x", byteOffset: counted[0])) {
          try decoder.decode(bytes, source: "x")
        }
      } else {
        #expect((try? decoder.decode(bytes, source: "x")) != nil, "\(bytes)")
      }
    }
  }

  @Test func errorMessagesNameTheFileAndOffset() {
    let message = DecodeError.invalidUTF8(source: "a/b.txt", byteOffset: 17, byte: 0xC3).description
    #expect(message == "a/b.txt: invalid UTF-8 (byte 0xC3 at offset 17); fix the file or pass --encoding NAME")
    #expect(!message.contains("\n"))
  }

  @Test func explicitEncodingOverridesDetection() throws {
    let bytes: [UInt8] = [0x43, 0x61, 0x66, 0xE9]  // "Café" in Latin-1
    #expect(try TextDecoder(encoding: "iso-8859-1").decode(bytes, source: "x").text == "Café")
    #expect(throws: DecodeError.self) { try TextDecoder(encoding: "no-such").decode(bytes, source: "x") }
  }

  @Test(arguments: [
    ("mixed/encodings-fr.windows-1252.txt", "mixed/encodings-fr.utf8.txt"),
    ("mixed/encodings-fr.utf16le.txt", "mixed/encodings-fr.utf8.txt"),
    ("mixed/encodings-ja.shift_jis.txt", "mixed/encodings-ja.utf8.txt"),
    ("mixed/encodings-ru.koi8-r.txt", "mixed/encodings-ru.utf8.txt"),
  ])
  func legacyFilesMatchTheirUTF8Twins(legacy: String, twin: String) throws {
    let normalizer = try TextNormalizer(options: .init())
    let a = try normalizer.apply(to: decoder.decode(TestPaths.corporaBytes(legacy), source: legacy))
    let b = try normalizer.apply(to: decoder.decode(TestPaths.corporaBytes(twin), source: twin))
    #expect(Array(a.text.utf8) == Array(b.text.utf8))
    #expect(a.inputEncoding.name != "UTF-8")
  }

  @Test func mapsOffsetsBackToLegacyInputBytes() throws {
    let text = "Déjà vu, naïve café.\n"
    let bytes = try Converter.encode(text, encoding: "windows-1252")
    let document = try TextDecoder(encoding: "windows-1252").decode(bytes, source: "x")
    // "Déjà vu" is 9 UTF-8 bytes and 7 windows-1252 bytes.
    #expect(document.inputByteOffset(of: 9) == 7)
  }
}
