internal import CICU

/// Why bytes could not be converted.
public enum ConversionError: Error, Sendable, Equatable {
  /// ICU has no converter of that name.
  case unknownEncoding(String)
  /// The bytes at `byteOffset` are not valid in the encoding (or not representable in it).
  case invalidBytes(byteOffset: Int, bytes: [UInt8])
  /// ICU failed for another reason.
  case icu(ICUError)
}

/// Converts between Unicode and other encodings with ICU's converters.
public enum Converter {
  /// ICU's canonical name for an encoding label, or `nil` when ICU does not know it.
  public static func canonicalName(_ label: String) -> String? {
    var status = U_ZERO_ERROR
    guard let converter = cicu_ucnv_open(label, &status), status.rawValue <= 0 else { return nil }
    defer { cicu_ucnv_close(converter) }
    guard let name = cicu_ucnv_getName(converter, &status) else { return nil }
    return String(cString: name)
  }

  /// Decodes `bytes` in `encoding` to UTF-8, stopping at the first invalid sequence.
  public static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, encoding: String
  ) throws(ConversionError) -> [UInt8] {
    var status = U_ZERO_ERROR
    guard let converter = cicu_ucnv_open(encoding, &status), status.rawValue <= 0 else {
      throw .unknownEncoding(encoding)
    }
    defer { cicu_ucnv_close(converter) }
    cicu_ucnv_setStopOnError(converter, &status)
    var units = [UInt16](repeating: 0, count: bytes.count + 2)
    var produced = 0
    var failedAt: Int? = nil
    var invalid: [UInt8] = []
    bytes.withMemoryRebound(to: CChar.self) { chars in
      units.withUnsafeMutableBufferPointer { dest in
        guard let destBase = dest.baseAddress else { return }
        var source: UnsafePointer<CChar>? = chars.baseAddress
        let sourceLimit = chars.baseAddress.map { $0 + chars.count }
        var target: UnsafeMutablePointer<UInt16>? = destBase
        let targetLimit = destBase + dest.count
        cicu_ucnv_toUnicode(converter, &target, targetLimit, &source, sourceLimit, 1, &status)
        produced = target.map { $0 - destBase } ?? 0
        if status.rawValue > 0 {
          var errBytes = [CChar](repeating: 0, count: 32)
          var length: Int8 = 32
          var ignored = U_ZERO_ERROR
          cicu_ucnv_getInvalidChars(converter, &errBytes, &length, &ignored)
          invalid = errBytes.prefix(Int(max(length, 0))).map { UInt8(bitPattern: $0) }
          let consumed = (source.flatMap { s in chars.baseAddress.map { s - $0 } }) ?? 0
          failedAt = max(0, consumed - invalid.count)
        }
      }
    }
    if let failedAt { throw .invalidBytes(byteOffset: failedAt, bytes: invalid) }
    // Each input byte gives at most one UTF-16 unit in every ICU converter but UTF-32,
    // whose four bytes give at most two; the buffer above is large enough for both.
    var out = [UInt8](repeating: 0, count: produced * 3 + 1)
    var length8: Int32 = 0
    status = U_ZERO_ERROR
    units.withUnsafeBufferPointer { s in
      out.withUnsafeMutableBufferPointer { d in
        d.withMemoryRebound(to: CChar.self) { dc in
          _ = cicu_u_strToUTF8(
            dc.baseAddress, Int32(dc.count), &length8, s.baseAddress, Int32(produced), &status)
        }
      }
    }
    if status.rawValue > 0 { throw .icu(icuError(status, "convert \(encoding) text to UTF-8")) }
    out.removeSubrange(Int(length8)...)
    return out
  }

  /// Encodes `string` in `encoding`, failing on a character the encoding cannot hold.
  public static func encode(_ string: String, encoding: String) throws(ConversionError) -> [UInt8] {
    var status = U_ZERO_ERROR
    guard let converter = cicu_ucnv_open(encoding, &status), status.rawValue <= 0 else {
      throw .unknownEncoding(encoding)
    }
    defer { cicu_ucnv_close(converter) }
    cicu_ucnv_setStopOnError(converter, &status)
    let units = Array(string.utf16)
    var out = [UInt8](repeating: 0, count: units.count * 4 + 8)
    var written = 0
    var failed = false
    units.withUnsafeBufferPointer { s in
      out.withUnsafeMutableBufferPointer { d in
        d.withMemoryRebound(to: CChar.self) { dc in
          guard let destBase = dc.baseAddress else { return }
          var source: UnsafePointer<UInt16>? = s.baseAddress
          let sourceLimit = s.baseAddress.map { $0 + s.count }
          var target: UnsafeMutablePointer<CChar>? = destBase
          cicu_ucnv_fromUnicode(
            converter, &target, destBase + dc.count, &source, sourceLimit, 1, &status)
          written = target.map { $0 - destBase } ?? 0
          failed = status.rawValue > 0
        }
      }
    }
    if failed { throw .invalidBytes(byteOffset: written, bytes: []) }
    return Array(out[0..<written])
  }
}
