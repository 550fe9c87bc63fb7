/// Writes segments as tab-separated values that spreadsheets open: id, source, target, notes.
///
/// One header line, then a line per segment. Fields are escaped as ``LineEscaping`` says,
/// tabs included (`\\`, `\t`, `\n`, `\r`, `\uXXXX` for other controls), so every segment is
/// one line. Notes give the paragraph, the role, the summary rank and whether to translate.
/// Segments not to be translated have the source as their target. `merge` reads the file
/// with `NAME.skeleton.json` beside it.
public struct TSVWriter: TranslationWriter {
  public static let format = "tsv"
  public let fileExtension = "segments.tsv"
  public var fill: TargetFill
  public var needsSkeleton: Bool { true }

  public init(fill: TargetFill = .empty) { self.fill = fill }

  /// The header line's fields.
  public static let header = ["id", "source", "target", "notes"]

  public func streams(
    for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?
  ) -> [SegmentStream] {
    [
      SegmentStream(relativePath: "\(baseName).\(fileExtension)") {
        write(document, targetLanguage: targetLanguage, to: &$0)
      }
    ]
  }

  /// The TSV text of a prepared document.
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    ByteSink.text { write(document, targetLanguage: targetLanguage, to: &$0) }
  }

  /// Writes the TSV text of a prepared document into `sink`, a line at a time.
  public func write(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, to sink: inout ByteSink
  ) {
    sink.bytes.append(utf8: Self.header.joined(separator: "\t"))
    sink.bytes.append(0x0A)
    for segment in document.segments {
      sink.bytes.append(utf8: segment.id.rawValue)
      sink.bytes.append(0x09)
      segment.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: true) }
      sink.bytes.append(0x09)
      if segment.isTranslatable {
        if let pieces = segment.targetPieces(fill) {
          var target = pieces.joinedText
          target.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: true) }
        }
      } else {
        segment.withUTF8 { LineEscaping.append(bytes: $0, to: &sink, tabs: true) }
      }
      sink.bytes.append(0x09)
      sink.bytes.append(ascii: "paragraph ")
      sink.bytes.append(utf8: String(document.units[segment.unit].paragraph + 1))
      let role = segment.role == .body ? document.units[segment.unit].role : segment.role
      if role != .body {
        sink.bytes.append(ascii: "; ")
        sink.bytes.append(utf8: role.rawValue)
      }
      if !segment.isTranslatable { sink.bytes.append(ascii: "; do not translate") }
      if let rank = segment.rank {
        sink.bytes.append(ascii: "; summary rank ")
        sink.bytes.append(utf8: String(rank))
      }
      sink.bytes.append(0x0A)
      sink.flushIfFull()
    }
  }

  /// Escapes a field so it holds no tab or line break.
  public static func escape(_ field: String) -> String { LineEscaping.escape(field, tabs: true) }

  /// Reverses `escape(_:)`.
  public static func unescape(_ field: Substring) -> String {
    LineEscaping.unescape(field.unicodeScalars)
  }
}

/// Reads a translated TSV file back: id, source and target of each line after the header.
public enum TSVReader {
  /// Reads `text`; `name` names the file in errors.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let lines = LineEscaping.lines(text)
    guard let first = lines.first else {
      throw MergeError(
        file: name, reason: "is empty; expected a header line 'id<TAB>source<TAB>target<TAB>notes'")
    }
    let header = first.split(separator: "\t", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
    guard let idColumn = header.firstIndex(of: "id"),
      let sourceColumn = header.firstIndex(of: "source"),
      let targetColumn = header.firstIndex(of: "target")
    else {
      throw MergeError(
        file: name,
        reason:
          "the header line lacks 'id', 'source' or 'target' columns; keep the header precis wrote")
    }
    var entries: [TranslatedEntry] = []
    for (i, line) in lines.enumerated().dropFirst() {
      if line.isEmpty { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        Substring.UnicodeScalarView($0)
      }
      guard fields.count > max(idColumn, sourceColumn, targetColumn) else {
        throw MergeError(
          file: name,
          reason:
            "line \(i + 1) has \(fields.count) fields, fewer than the header's; a tab was lost")
      }
      entries.append(
        TranslatedEntry(
          id: LineEscaping.unescape(fields[idColumn]),
          source: LineEscaping.unescape(fields[sourceColumn]),
          target: LineEscaping.unescape(fields[targetColumn]), line: i + 1))
    }
    return TranslatedFile(format: TSVWriter.format, entries: entries)
  }
}
