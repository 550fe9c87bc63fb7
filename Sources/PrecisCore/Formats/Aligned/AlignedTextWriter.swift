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

  public func streams(
    for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?
  ) -> [SegmentStream] {
    [
      SegmentStream(
        relativePath: "\(baseName).\(document.sourceLanguage.rawValue).\(fileExtension)"
      ) { writeSource(document, to: &$0) },
      SegmentStream(
        relativePath: "\(baseName).\(target(targetLanguage).rawValue).\(fileExtension)"
      ) { writeTarget(document, to: &$0) },
    ]
  }

  /// The source side: one escaped segment a line.
  public func sourceText(_ document: PreparedDocument) -> String {
    ByteSink.text { writeSource(document, to: &$0) }
  }

  /// The target side: one escaped target a line (empty lines when targets are empty).
  public func targetText(_ document: PreparedDocument) -> String {
    ByteSink.text { writeTarget(document, to: &$0) }
  }

  /// Writes the source side into `sink`, a line at a time.
  public func writeSource(_ document: PreparedDocument, to sink: inout ByteSink) {
    for segment in document.segments {
      segment.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: false) }
      sink.bytes.append(0x0A)
      sink.flushIfFull()
    }
  }

  /// Writes the target side into `sink`, a line at a time.
  public func writeTarget(_ document: PreparedDocument, to sink: inout ByteSink) {
    for segment in document.segments {
      if !segment.isTranslatable {
        segment.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: false) }
      } else if let pieces = segment.targetPieces(fill) {
        var target = pieces.joinedText
        target.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: false) }
      }
      sink.bytes.append(0x0A)
      sink.flushIfFull()
    }
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
