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

  public func streams(
    for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?
  ) -> [SegmentStream] {
    [
      SegmentStream(
        relativePath: "\(baseName).\(target(targetLanguage).rawValue).\(fileExtension)"
      ) {
        write(
          document, targetLanguage: targetLanguage, skeleton: TMXWriter.skeletonName(baseName),
          to: &$0)
      }
    ]
  }

  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    render(document, targetLanguage: targetLanguage, skeleton: nil)
  }

  /// The PO text of a prepared document.
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String?)
    -> String
  {
    ByteSink.text { write(document, targetLanguage: targetLanguage, skeleton: skeleton, to: &$0) }
  }

  /// Writes the PO text of a prepared document into `sink`, a message at a time.
  public func write(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String?,
    to sink: inout ByteSink
  ) {
    let targetTag = target(targetLanguage).rawValue
    sink.append(
      "# Segments of \(Self.oneLine(document.source)) for translation from \(document.sourceLanguage.rawValue) to \(targetTag).\n"
    )
    if let skeleton {
      sink.append(
        "# merge needs \(Self.oneLine(skeleton)) beside this file: it holds the text between segments.\n"
      )
    }
    sink.append("msgid \"\"\nmsgstr \"\"\n")
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
    for field in fields { sink.append("\"\(Self.escape(field))\\n\"\n") }
    let reference = Self.oneLine(document.source).replacingSpaces()
    for segment in document.segments {
      sink.append("\n")
      for note in segment.context(in: document) { sink.append("#. \(Self.oneLine(note))\n") }
      sink.append("#: \(reference):\(segment.line)\n")
      sink.append("msgctxt \"\(Self.escape(segment.id.rawValue))\"\n")
      sink.append("msgid ")
      segment.withUTF8 { Self.appendQuoted($0, to: &sink) }
      sink.append("\nmsgstr ")
      if !segment.isTranslatable {
        segment.withUTF8 { Self.appendQuoted($0, to: &sink) }
      } else {
        var target = segment.targetPieces(fill)?.joinedText ?? ""
        target.withUTF8 { Self.appendQuoted($0, to: &sink) }
      }
      sink.append("\n")
      sink.flushIfFull()
    }
  }

  /// Appends valid UTF-8 `text` as a PO string into `sink`, as ``quoted(_:)`` gives it.
  static func appendQuoted(_ text: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
    // One line, unless a line break stands before the last character.
    guard let newline = text.firstIndex(of: 0x0A), newline + 1 < text.count else {
      sink.bytes.append(0x22)
      appendEscaped(text, to: &sink)
      sink.bytes.append(0x22)
      return
    }
    sink.append("\"\"")
    var start = 0
    while start < text.count {
      var end = start
      while end < text.count && text[end] != 0x0A { end += 1 }
      if end < text.count { end += 1 }
      sink.append("\n\"")
      appendEscaped(UnsafeBufferPointer(rebasing: text[start..<end]), to: &sink)
      sink.bytes.append(0x22)
      start = end
    }
  }

  /// Appends valid UTF-8 `text` escaped as ``escape(_:)`` escapes it.
  static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
    UTF8Escaping.append(
      bytes: text, to: &sink,
      mayEscape: { $0 == 0x5C || $0 == 0x22 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D },
      replacement: { v in
        switch v {
        case 0x5C: "\\\\"
        case 0x22: "\\\""
        case 0x0A: "\\n"
        case 0x09: "\\t"
        case 0x0D: "\\r"
        default: nil
        }
      })
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
