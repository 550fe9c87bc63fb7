/// Writes a gettext PO file: `NAME.<tgt>.po`, one message per segment.
///
/// - `msgctxt` is the segment id, so equal sentences stay separate messages; `#.` comments
///   give the place, role and summary rank; `#:` gives `SOURCE:LINE`.
/// - The header names the target `Language`, the source (`X-Precis-Source`,
///   `X-Precis-Source-Language`) and the layout file `merge` needs
///   (`X-Precis-Skeleton: NAME.skeleton.json`).
/// - Strings escape `\\`, `"`, line feed, tab and carriage return as `\\`, `\"`, `\n`, `\t`,
///   `\r`; a string with a line break is written over several lines. Other control characters
///   are written as they are (msgfmt and Translate Toolkit keep them).
/// - Placeholders stay in the text; `merge` checks that each target keeps them.
/// - Segments not to be translated get the source as their `msgstr`.
public struct POWriter: TranslationWriter {
  public static let format = "po"
  public let fileExtension = "po"
  public var fill: TargetFill
  public var needsSkeleton: Bool { true }

  public init(fill: TargetFill = .empty) { self.fill = fill }

  public func files(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    [
      SegmentFile(
        relativePath: "\(baseName).\(target(targetLanguage).rawValue).\(fileExtension)",
        contents: render(
          document, targetLanguage: targetLanguage, skeleton: TMXWriter.skeletonName(baseName)))
    ]
  }

  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    render(document, targetLanguage: targetLanguage, skeleton: nil)
  }

  /// The PO text of a prepared document.
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String?)
    -> String
  {
    let targetTag = target(targetLanguage).rawValue
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 3 + 1024)
    out +=
      "# Segments of \(Self.oneLine(document.source)) for translation from \(document.sourceLanguage.rawValue) to \(targetTag).\n"
    if let skeleton {
      out +=
        "# merge needs \(Self.oneLine(skeleton)) beside this file: it holds the text between segments.\n"
    }
    out += "msgid \"\"\nmsgstr \"\"\n"
    var fields = [
      "Project-Id-Version: \(Self.oneLine(document.source))",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "Language: \(targetTag)",
      "X-Generator: precis",
      "X-Precis-Source: \(Self.oneLine(document.source))",
      "X-Precis-Source-Language: \(document.sourceLanguage.rawValue)",
    ]
    if let skeleton { fields.append("X-Precis-Skeleton: \(Self.oneLine(skeleton))") }
    for field in fields { out += "\"\(Self.escape(field))\\n\"\n" }
    for segment in document.segments {
      out += "\n"
      for note in segment.context(in: document) { out += "#. \(Self.oneLine(note))\n" }
      out += "#: \(Self.oneLine(document.source).replacingSpaces()):\(segment.line)\n"
      out += "msgctxt \"\(Self.escape(segment.id.rawValue))\"\n"
      out += "msgid " + Self.quoted(segment.text) + "\n"
      let target =
        segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
      out += "msgstr " + Self.quoted(target) + "\n"
    }
    return out
  }

  /// `text` on one line: line breaks and controls become spaces.
  static func oneLine(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map {
          $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) ? " " : $0
        }))
  }

  /// A PO string: one quoted line, or `""` and one quoted line per line of text.
  static func quoted(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let newline = scalars.firstIndex(of: "\n"),
      scalars.index(after: newline) < scalars.endIndex
    else {
      return "\"\(escape(text))\""
    }
    var out = "\"\""
    var line = ""
    for scalar in text.unicodeScalars {
      line.unicodeScalars.append(scalar)
      if scalar == "\n" {
        out += "\n\"\(escape(line))\""
        line = ""
      }
    }
    if !line.isEmpty { out += "\n\"\(escape(line))\"" }
    return out
  }

  /// Escapes a PO string's content.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  /// Spaces replaced by underscores, for a `#:` reference (which spaces separate).
  func replacingSpaces() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == " " ? "_" : $0 }))
  }
}
