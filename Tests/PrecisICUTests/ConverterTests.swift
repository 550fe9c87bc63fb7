import PrecisICU
import Testing

@Suite struct ConverterTests {
  @Test(arguments: ["windows-1252", "ISO-8859-2", "KOI8-R", "Shift_JIS", "GB18030", "EUC-KR", "UTF-16LE"])
  func roundTrips(encoding: String) throws {
    let samples: [String: String] = [
      "windows-1252": "Café « crème » – 5 €", "ISO-8859-2": "Zażółć gęślą", "KOI8-R": "Привет, мир",
      "Shift_JIS": "日本語のテキスト", "GB18030": "中文文本", "EUC-KR": "한국어 문장", "UTF-16LE": "Ünïcödé 😀",
    ]
    let text = try #require(samples[encoding])
    let bytes = try Converter.encode(text, encoding: encoding)
    let decoded = try bytes.withUnsafeBufferPointer { try Converter.decode($0, encoding: encoding) }
    #expect(String(decoding: decoded, as: UTF8.self) == text)
  }

  @Test func reportsTheOffsetOfInvalidBytes() throws {
    // 0x81 0x20 is not a valid Shift_JIS sequence.
    let bytes: [UInt8] = [0x41, 0x42, 0x81, 0x20, 0x43]
    #expect(throws: ConversionError.self) {
      try bytes.withUnsafeBufferPointer { try Converter.decode($0, encoding: "Shift_JIS") }
    }
    do {
      _ = try bytes.withUnsafeBufferPointer { try Converter.decode($0, encoding: "Shift_JIS") }
    } catch let error as ConversionError {
      guard case let .invalidBytes(offset, _) = error else { Issue.record("wrong error \(error)"); return }
      #expect(offset == 2)
    }
  }

  @Test func unknownEncodingIsReported() {
    #expect(Converter.canonicalName("no-such-encoding") == nil)
    #expect(Converter.canonicalName("latin1") != nil)
  }

  @Test func detectorDoesNotGuessOnTooLittleText() throws {
    // One short sentence: every guess has a low confidence, so the decoder refuses it.
    let bytes = try Converter.encode("Съешь же ещё этих булок.", encoding: "KOI8-R")
    let matches = try bytes.withUnsafeBufferPointer { try CharsetDetector.detect($0) }
    #expect(matches.allSatisfy { $0.confidence < 25 || $0.name.hasPrefix("UTF") })
  }
}
