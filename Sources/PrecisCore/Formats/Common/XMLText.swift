/// Escaping for the XML formats (XLIFF, TMX).
public enum XMLText {
  /// Whether XML 1.0 can hold the character (as itself or as a character reference).
  @inline(__always)
  public static func isXMLCharacter(_ v: UInt32) -> Bool {
    v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
      || (v >= 0x10000 && v <= 0x10FFFF)
  }

  /// Whether a character is written as a numeric reference so that it stays visible: C1
  /// controls, DEL and a byte-order mark, which XML holds but editors hide.
  @inline(__always)
  static func isReferenced(_ v: UInt32) -> Bool {
    (v >= 0x7F && v <= 0x9F) || v == 0xFEFF || v == 0xD
  }

  /// Four or more uppercase hex digits, as `<cp hex="…"/>` and `ctype="x-cp-…"` write them.
  public static func hex(_ v: UInt32) -> String {
    let digits = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// Appends `text` as element content; `invalid` gives the markup for a character XML
  /// cannot hold.
  public static func appendContent(
    _ text: String, to out: inout String, invalid: (UInt32) -> String
  ) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default:
        let v = scalar.value
        if !isXMLCharacter(v) {
          out += invalid(v)
        } else if isReferenced(v) {
          out += "&#x\(String(v, radix: 16, uppercase: true));"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
  }

  /// `text` as element content, characters XML cannot hold replaced by U+FFFD.
  public static func content(_ text: String) -> String {
    var out = ""
    appendContent(text, to: &out) { _ in "\u{FFFD}" }
    return out
  }

  /// `text` escaped for a double-quoted attribute value; characters XML cannot hold become
  /// U+FFFD (attributes here carry names and notes, never segment text).
  public static func attribute(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t": out += "&#9;"
      case "\n": out += "&#10;"
      case "\r": out += "&#13;"
      default:
        let v = scalar.value
        if !isXMLCharacter(v) {
          out += "\u{FFFD}"
        } else if isReferenced(v) {
          out += "&#x\(String(v, radix: 16, uppercase: true));"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}

extension XMLText {
  /// Appends valid UTF-8 `bytes` as element content into `sink`, a piece at a time, escaped
  /// as ``appendContent(_:to:invalid:)`` escapes a string; `invalid` gives the markup for a
  /// character XML cannot hold.
  static func appendContent(
    bytes: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink, invalid: (UInt32) -> String
  ) {
    UTF8Escaping.append(bytes: bytes, to: &sink, mayEscape: mayEscapeContent) { v in
      contentReplacement(v, invalid: invalid)
    }
  }

  /// Appends `text` as element content into `sink`, a piece at a time.
  static func appendContent(
    _ text: String, to sink: inout ByteSink, invalid: (UInt32) -> String
  ) {
    var text = text
    text.withUTF8 { appendContent(bytes: $0, to: &sink, invalid: invalid) }
  }

  /// Whether a character starting with byte `b` may need escaping in element content: `&`,
  /// `<`, `>`, C0 controls, DEL, C1 controls (lead byte 0xC2) and U+FEFF, U+FFFE, U+FFFF
  /// (lead byte 0xEF).
  @inline(__always)
  static func mayEscapeContent(_ b: UInt8) -> Bool {
    b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x7F || b == 0xC2 || b == 0xEF
  }

  /// The escaped form of one character of element content, or `nil` to copy it as it is.
  @inline(__always)
  static func contentReplacement(_ v: UInt32, invalid: (UInt32) -> String) -> String? {
    switch v {
    case 0x26: return "&amp;"
    case 0x3C: return "&lt;"
    case 0x3E: return "&gt;"
    default:
      if !isXMLCharacter(v) { return invalid(v) }
      if isReferenced(v) { return "&#x\(String(v, radix: 16, uppercase: true));" }
      return nil
    }
  }
}
