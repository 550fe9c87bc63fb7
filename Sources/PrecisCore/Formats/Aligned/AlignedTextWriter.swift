/// Writes aligned plain text: `NAME.<src>.txt` and `NAME.<tgt>.txt`, where line *i* of each
/// is segment *i*, for aligners, machine translation engines and `paste`.
///
/// A segment's line breaks and backslashes are escaped as ``LineEscaping`` says (`\n`, `\\`),
/// so every segment is one line and unescaping gives it back. Segments not to be translated
/// have the source on the target line. `merge` reads the target file with
/// `NAME.skeleton.json` beside it.
public struct AlignedTextWriter: TranslationWriter {
  public static let format = "aligned"
  public let fileExtension = "txt"
  public var fill: TargetFill
  public var needsSkeleton: Bool { true }

  public init(fill: TargetFill = .empty) { self.fill = fill }

  public func files(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    [
      SegmentFile(
        relativePath: "\(baseName).\(document.sourceLanguage.rawValue).\(fileExtension)",
        contents: sourceText(document)),
      SegmentFile(
        relativePath: "\(baseName).\(target(targetLanguage).rawValue).\(fileExtension)",
        contents: targetText(document)),
    ]
  }

  /// The source side: one escaped segment a line.
  public func sourceText(_ document: PreparedDocument) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count + document.segments.count)
    for segment in document.segments {
      out += LineEscaping.escape(segment.text, tabs: false)
      out += "\n"
    }
    return out
  }

  /// The target side: one escaped target a line (empty lines when targets are empty).
  public func targetText(_ document: PreparedDocument) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count + document.segments.count)
    for segment in document.segments {
      let target =
        segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
      out += LineEscaping.escape(target, tabs: false)
      out += "\n"
    }
    return out
  }
}

/// Reads the target side of aligned text back: line *i* is the target of segment *i*.
public enum AlignedTextReader {
  /// Reads `text`; entries match the layout by position.
  public static func read(_ text: String, name: String) -> TranslatedFile {
    var entries: [TranslatedEntry] = []
    for (i, line) in LineEscaping.lines(text).enumerated() {
      entries.append(
        TranslatedEntry(id: nil, source: nil, target: LineEscaping.unescape(line), line: i + 1))
    }
    return TranslatedFile(format: AlignedTextWriter.format, entries: entries, isPositional: true)
  }
}
