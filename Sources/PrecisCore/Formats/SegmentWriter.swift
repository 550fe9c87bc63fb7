/// A file format that segments are written in. Writers are pure: document in, text out.
public protocol SegmentWriter: Sendable {
  /// The name used in pipeline files and on the command line, such as `tsv`.
  static var format: String { get }
  /// The file name ending, such as `segments.tsv`.
  var fileExtension: String { get }
  /// Renders the document's segments for translation into `targetLanguage`.
  func render(_ document: Document, targetLanguage: LanguageTag?) -> String
}

/// Escapes text for JSON string literals.
public enum JSONText {
  /// `string` as a JSON string literal, with quotes.
  public static func quoted(_ string: String) -> String {
    var out = "\""
    out.reserveCapacity(string.utf8.count + 2)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }
}
