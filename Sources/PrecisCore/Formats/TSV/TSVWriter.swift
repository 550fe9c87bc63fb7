/// Writes segments as tab-separated values that spreadsheets open: id, source, target, notes.
///
/// One header line, then a line per segment. Backslash, tab, line feed and carriage return
/// inside a field are written `\\`, `\t`, `\n` and `\r`, so every segment is one line.
public struct TSVWriter: SegmentWriter {
  public static let format = "tsv"
  public let fileExtension = "segments.tsv"

  public init() {}

  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    var out = "id\tsource\ttarget\tnotes\n"
    out.reserveCapacity(document.text.utf8.count * 2)
    for segment in document.segments {
      var notes = "paragraph \(segment.paragraph + 1)"
      if segment.role != .body { notes += "; \(segment.role.rawValue)" }
      if !segment.isTranslatable { notes += "; do not translate" }
      out += segment.id.rawValue
      out += "\t"
      out += Self.escape(document.text(of: segment))
      out += "\t\t"
      out += notes
      out += "\n"
    }
    return out
  }

  /// Escapes a field so it holds no tab or line break.
  public static func escape(_ field: String) -> String {
    var out = ""
    out.reserveCapacity(field.utf8.count)
    for scalar in field.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\t": out += "\\t"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Reverses `escape(_:)`.
  public static func unescape(_ field: Substring) -> String {
    var out = ""
    var escaping = false
    for scalar in field.unicodeScalars {
      if escaping {
        switch scalar {
        case "t": out += "\t"
        case "n": out += "\n"
        case "r": out += "\r"
        default: out.unicodeScalars.append(scalar)
        }
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    if escaping { out += "\\" }
    return out
  }
}
