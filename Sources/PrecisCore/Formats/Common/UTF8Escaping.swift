/// The shared loop of the writers' escapers: copies a text's UTF-8 bytes to an output buffer
/// in runs, and asks for a replacement only at the bytes that may start a character the
/// format escapes.
///
/// `mayEscape` is told each byte that starts a character (an ASCII byte or a lead byte) and
/// answers whether that character could need escaping; it must answer `true` for every lead
/// byte of a character that `replacement` replaces. `replacement` gets the character's scalar
/// value and returns its escaped form, or `nil` to copy it as it is. Bytes that continue a
/// character are never shown to `mayEscape`.
enum UTF8Escaping {
  @inline(__always)
  static func append(
    _ text: String, to out: inout [UInt8], mayEscape: (UInt8) -> Bool,
    replacement: (UInt32) -> String?
  ) {
    var text = text
    text.withUTF8 { append(bytes: $0, to: &out, mayEscape: mayEscape, replacement: replacement) }
  }

  /// ``append(_:to:mayEscape:replacement:)`` for valid UTF-8 bytes.
  @inline(__always)
  static func append(
    bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], mayEscape: (UInt8) -> Bool,
    replacement: (UInt32) -> String?
  ) {
    do {
      let n = bytes.count
      var runStart = 0
      var i = 0
      while i < n {
        let b = bytes[i]
        if !mayEscape(b) {
          i += b < 0x80 ? 1 : width(lead: b)
          continue
        }
        let w = b < 0x80 ? 1 : width(lead: b)
        let value = scalar(bytes, at: i, width: w)
        if let escaped = replacement(value) {
          if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
          out.append(contentsOf: escaped.utf8)
          runStart = i + w
        }
        i += w
      }
      if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    }
  }

  /// The bytes of the character that starts with `lead` (valid UTF-8).
  @inline(__always)
  static func width(lead: UInt8) -> Int {
    lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  /// The scalar value of the `width` bytes at `i`.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, width: Int) -> UInt32 {
    let lead = UInt32(bytes[i])
    switch width {
    case 1: return lead
    case 2: return (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
    case 3:
      return (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
    default:
      return (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
    }
  }

  /// `text` escaped by `append`, as a string; `text` itself when nothing needs escaping.
  @inline(__always)
  static func escaped(
    _ text: String, prefix: StaticString = "", suffix: StaticString = "",
    mayEscape: (UInt8) -> Bool, replacement: (UInt32) -> String?
  ) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + prefix.utf8CodeUnitCount + suffix.utf8CodeUnitCount + 8)
    out.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
    append(text, to: &out, mayEscape: mayEscape, replacement: replacement)
    out.append(contentsOf: UnsafeBufferPointer(start: suffix.utf8Start, count: suffix.utf8CodeUnitCount))
    return String(decoding: out, as: UTF8.self)
  }
}

/// Appending text to a UTF-8 byte buffer.
extension Array where Element == UInt8 {
  @inline(__always)
  mutating func append(utf8 text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }

  @inline(__always)
  mutating func append(ascii text: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }
}

extension UTF8Escaping {
  /// ``append(bytes:to:mayEscape:replacement:)`` into a sink, a piece at a time (cut between
  /// characters), so that even one very long text is never held whole.
  static func append(
    bytes: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink, mayEscape: (UInt8) -> Bool,
    replacement: (UInt32) -> String?
  ) {
    let n = bytes.count
    let step = max(sink.pieceSize, 1 << 12)
    var start = 0
    while start < n {
      var end = n - start > step ? start + step : n
      while end < n && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
      append(
        bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &sink.bytes,
        mayEscape: mayEscape, replacement: replacement)
      sink.flushIfFull()
      start = end
    }
  }
}
