/// The escaping that keeps a segment on one line, in aligned text and TSV.
///
/// | character | written |
/// |---|---|
/// | `\` | `\\` |
/// | line feed | `\n` |
/// | carriage return | `\r` |
/// | tab (TSV only; aligned text keeps tabs) | `\t` |
/// | other C0 controls, DEL, C1 controls, U+FEFF, U+2028, U+2029 | `\uXXXX` (four hex digits) |
///
/// Every other character is itself. Unescaping reverses it exactly; a backslash before any
/// other character stands for that character.
public enum LineEscaping {
  /// Escapes `text`; `tabs` escapes tabs too.
  public static func escape(_ text: String, tabs: Bool) -> String {
    UTF8Escaping.escaped(text, mayEscape: mayEscape, replacement: tabs ? replacementWithTabs : replacement)
  }

  /// Appends `text` escaped to `out`; `tabs` escapes tabs too.
  static func append(_ text: String, to out: inout [UInt8], tabs: Bool) {
    UTF8Escaping.append(
      text, to: &out, mayEscape: mayEscape, replacement: tabs ? replacementWithTabs : replacement)
  }

  /// Appends valid UTF-8 `bytes` escaped to `sink`, a piece at a time; `tabs` escapes tabs too.
  static func append(bytes: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink, tabs: Bool) {
    UTF8Escaping.append(
      bytes: bytes, to: &sink, mayEscape: mayEscape,
      replacement: tabs ? replacementWithTabs : replacement)
  }

  @inline(__always)
  static func mayEscape(_ b: UInt8) -> Bool {
    b < 0x20 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF
  }

  static func replacementWithTabs(_ v: UInt32) -> String? {
    v == 0x09 ? "\\t" : replacement(v)
  }

  static func replacement(_ v: UInt32) -> String? {
    switch v {
    case 0x5C: return "\\\\"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return nil
    case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0x2028, 0x2029: return "\\u" + XMLText.hex(v)
    default: return nil
    }
  }

  /// Reverses ``escape(_:tabs:)``.
  public static func unescape(_ text: Substring.UnicodeScalarView) -> String {
    var out = ""
    var scalars = text[...]
    while let scalar = scalars.popFirst() {
      guard scalar == "\\" else {
        out.unicodeScalars.append(scalar)
        continue
      }
      guard let e = scalars.popFirst() else {
        out += "\\"
        break
      }
      switch e {
      case "n": out += "\n"
      case "r": out += "\r"
      case "t": out += "\t"
      case "u":
        let digits = String(String.UnicodeScalarView(scalars.prefix(4)))
        if digits.unicodeScalars.count == 4,
          digits.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit),
          let v = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(v)
        {
          out.unicodeScalars.append(decoded)
          scalars.removeFirst(4)
        } else {
          out += "u"
        }
      default: out.unicodeScalars.append(e)
      }
    }
    return out
  }

  /// Splits `text` into lines at line feeds (a carriage return before one is dropped); a
  /// final line feed ends the last line rather than starting an empty one.
  public static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
    var lines = Substring(text).unicodeScalars.split(
      separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines.map { line in
      var line = line
      if line.last == "\r" { line.removeLast() }
      return Substring.UnicodeScalarView(line)
    }
  }
}
