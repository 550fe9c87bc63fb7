import PrecisICU

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns a file's bytes into a document: the first stage, at the edge of the pipeline.
///
/// UTF-8 (with or without a byte-order mark) is read as is; UTF-16 and UTF-32 need a
/// byte-order mark (UTF-16 without one is recognised from its NUL pattern); other encodings
/// are detected with ICU's charset detector and converted with ICU's converters. Binary
/// input and text that fits no encoding confidently fail with the file and the byte offset.
/// An empty file is an empty document.
public struct TextDecoder: Sendable {
  /// The encoding to use, or `nil` to detect it.
  public var encoding: String?
  /// The least confidence (0–100) of ICU's detector to accept a legacy encoding.
  public var minimumConfidence: Int

  public init(encoding: String? = nil, minimumConfidence: Int = 25) {
    let label = encoding?.lowercased()
    self.encoding = (label == nil || label == "auto") ? nil : encoding
    self.minimumConfidence = minimumConfidence
  }

  /// Decodes `bytes` read from `source`.
  public func decode(_ bytes: [UInt8], source: String) throws(DecodeError) -> Document {
    try bytes.withUnsafeBufferPointer { buffer throws(DecodeError) in
      try decode(buffer, source: source)
    }
  }

  /// Decodes `bytes` read from `source`.
  public func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, source: String
  ) throws(DecodeError) -> Document {
    if let encoding { return try convert(bytes, from: encoding, bomLength: 0, source: source) }
    if bytes.isEmpty { return Document(source: source, text: "") }
    if let (name, bomLength) = byteOrderMark(bytes) {
      if name == "UTF-8" {
        return try utf8(UnsafeBufferPointer(rebasing: bytes[3...]), bomLength: 3, source: source)
      }
      return try convert(bytes, from: name, bomLength: bomLength, source: source)
    }
    if let name = utf16WithoutMark(bytes) {
      return try convert(bytes, from: name, bomLength: 0, source: source)
    }
    if let offset = binaryOffset(bytes) { throw .binary(source: source, byteOffset: offset) }
    if let document = document(validating: bytes, bomLength: 0, source: source) { return document }
    let scan = UTF8Validator.scan(bytes)
    guard let bad = scan.firstInvalid else { return document(validUTF8: bytes, bomLength: 0, source: source) }
    // A file with valid multi-byte UTF-8 sequences is UTF-8 with damage, not another encoding.
    if scan.multiByteSequences > 0 && scan.multiByteSequences >= scan.invalidCount {
      throw .invalidUTF8(source: source, byteOffset: bad, byte: bytes[bad])
    }
    let matches = (try? CharsetDetector.detect(bytes)) ?? []
    let candidates = matches.filter { !$0.name.hasPrefix("UTF") }
    guard let best = candidates.first, best.confidence >= minimumConfidence else {
      throw .undetectableEncoding(
        source: source, byteOffset: bad,
        candidates: candidates.prefix(3).map { "\($0.name) \($0.confidence)%" })
    }
    // Latin-1 as labelled on the web means windows-1252, which also maps 0x80–0x9F.
    let name = best.name == "ISO-8859-1" ? "windows-1252" : best.name
    return try convert(bytes, from: name, bomLength: 0, source: source)
  }

  private func utf8(
    _ bytes: UnsafeBufferPointer<UInt8>, bomLength: Int, source: String
  ) throws(DecodeError) -> Document {
    if let document = document(validating: bytes, bomLength: bomLength, source: source) {
      return document
    }
    let scan = UTF8Validator.scan(bytes)
    if let bad = scan.firstInvalid {
      throw .invalidUTF8(source: source, byteOffset: bad + bomLength, byte: bytes[bad])
    }
    return document(validUTF8: bytes, bomLength: bomLength, source: source)
  }

  /// The document of `bytes` when they are valid UTF-8, the common case; nil otherwise (then
  /// a scan finds where and how they are not).
  ///
  /// The bytes are checked once, by ``UTF8Validator/check(_:)``, several times quicker than
  /// the standard library's check, which a string made from bytes otherwise pays for (by
  /// `String(validating:as:)`, `String(decoding:as:)` alike); the string is then made from
  /// a `UTF8Span` that is known to be valid, which copies the bytes without checking them again.
  private func document(
    validating bytes: UnsafeBufferPointer<UInt8>, bomLength: Int, source: String
  ) -> Document? {
    let check = UTF8Validator.check(bytes)
    guard check.isValid else { return nil }
    let text: String
    if #available(macOS 26, *) {
      text = String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: check.isASCII))
    } else {
      text = String(decoding: bytes, as: UTF8.self)
    }
    return Document(
      source: source, text: text, inputEncoding: InputEncoding(name: "UTF-8", bomLength: bomLength))
  }

  /// The document of bytes already scanned as valid UTF-8 (scanning is a pass over the input).
  private func document(
    validUTF8 bytes: UnsafeBufferPointer<UInt8>, bomLength: Int, source: String
  ) -> Document {
    let text = String(decoding: bytes, as: UTF8.self)
    return Document(
      source: source, text: text, inputEncoding: InputEncoding(name: "UTF-8", bomLength: bomLength))
  }

  private func convert(
    _ bytes: UnsafeBufferPointer<UInt8>, from name: String, bomLength: Int, source: String
  ) throws(DecodeError) -> Document {
    guard let canonical = Converter.canonicalName(name) else {
      throw .unknownEncoding(source: source, name: name)
    }
    if canonical == "UTF-8" {
      let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
      let body = hasMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
      return try utf8(body, bomLength: hasMark ? 3 : 0, source: source)
    }
    let decoded: [UInt8]
    do {
      decoded = try Converter.decode(bytes, encoding: name)
    } catch {
      switch error {
      case let .invalidBytes(offset, _):
        throw .invalidInEncoding(source: source, encoding: canonical, byteOffset: offset)
      case .unknownEncoding: throw .unknownEncoding(source: source, name: name)
      case .icu: throw .invalidInEncoding(source: source, encoding: canonical, byteOffset: 0)
      }
    }
    // ICU's Unicode converters consume the byte-order mark; a "UTF-16LE" converter keeps it
    // as U+FEFF, which is dropped here so the text equals its UTF-8 twin.
    var body = decoded[...]
    var mark = 0
    if body.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = body.dropFirst(3)
      mark = bomLength
    } else if bomLength > 0 {
      mark = bomLength
    }
    let text = String(decoding: body, as: UTF8.self)
    if text.utf8.contains(0) {
      let offset = text.utf8.firstIndex(of: 0).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) } ?? 0
      throw .binary(source: source, byteOffset: offset)
    }
    var document = Document(
      source: source, text: text, inputEncoding: InputEncoding(name: canonical, bomLength: mark))
    document.decodedText = text
    return document
  }

  private func byteOrderMark(_ b: UnsafeBufferPointer<UInt8>) -> (String, Int)? {
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
    if b.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
    if b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
    if b.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
    if b.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
    return nil
  }

  /// Recognises UTF-16 without a byte-order mark by its NUL bytes, all on one side.
  private func utf16WithoutMark(_ b: UnsafeBufferPointer<UInt8>) -> String? {
    let n = min(b.count, 4096) & ~1
    // Without a NUL byte neither count below can reach its threshold.
    guard n >= 8, firstNUL(b, limit: n) != nil else { return nil }
    var evenNul = 0
    var oddNul = 0
    for i in stride(from: 0, to: n, by: 2) {
      if b[i] == 0 { evenNul += 1 }
      if b[i + 1] == 0 { oddNul += 1 }
    }
    let pairs = n / 2
    if oddNul * 10 >= pairs * 4 && evenNul * 50 <= pairs { return "UTF-16LE" }
    if evenNul * 10 >= pairs * 4 && oddNul * 50 <= pairs { return "UTF-16BE" }
    return nil
  }

  /// The offset of the first NUL byte among the first `limit` bytes (memchr: a byte loop
  /// here cost as much as the rest of decoding).
  private func firstNUL(_ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
    guard let base = b.baseAddress, limit > 0,
      let hit = memchr(base, 0, min(limit, b.count))
    else { return nil }
    return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
  }

  /// The offset of the first NUL byte, or of dense control bytes that text never has.
  private func binaryOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    if let nul = firstNUL(b, limit: b.count) { return nul }
    let n = min(b.count, 8192)
    var controls = 0
    var first: Int? = nil
    var i = 0
    @inline(__always) func count(_ c: UInt8, at offset: Int) {
      if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C && c != 0x1B {
        controls += 1
        if first == nil { first = offset }
      }
    }
    if let base = b.baseAddress {
      let raw = UnsafeRawPointer(base)
      // Sixteen bytes at a time: only the bytes below 0x20 are looked at, most often a line
      // feed.
      // (Whole vectors on both sides of the test: with a number, it is made byte by byte.)
      let x20 = SIMD16<UInt8>(repeating: 0x20)
      while i + 16 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        let words = unsafeBitCast(
          SIMD16<UInt8>(repeating: 0).replacing(with: 0x80, where: v .< x20),
          to: SIMD2<UInt64>.self)
        if words[0] | words[1] != 0 {
          for half in 0..<2 {
            var found = UInt64(littleEndian: words[half])
            while found != 0 {
              let k = i + 8 * half + found.trailingZeroBitCount >> 3
              count(base[k], at: k)
              found &= found &- 1
            }
          }
        }
        i += 16
      }
      // Then eight: only the bytes that may be below 0x20 (a superset: a borrow can mark the
      // byte after one) are looked at.
      while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        var found = UInt64(littleEndian: (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080)
        while found != 0 {
          let k = i + found.trailingZeroBitCount >> 3
          count(base[k], at: k)
          found &= found &- 1
        }
        i += 8
      }
    }
    while i < n {
      count(b[i], at: i)
      i += 1
    }
    return controls * 10 > n ? first : nil
  }
}
