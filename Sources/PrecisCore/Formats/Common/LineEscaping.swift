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
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      let v = scalar.value
      switch scalar {
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t" where tabs: out += "\\t"
      case "\t": out += "\t"
      default:
        if v < 0x20 || (v >= 0x7F && v <= 0x9F) || v == 0xFEFF || v == 0x2028 || v == 0x2029 {
          out += "\\u" + XMLText.hex(v)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
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
