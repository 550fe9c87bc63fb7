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

  public func files(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    [
      SegmentFile(
        relativePath: "\(baseName).\(fileExtension)",
        contents: render(document, targetLanguage: targetLanguage))
    ]
  }

  /// The TSV text of a prepared document.
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    var out = Self.header.joined(separator: "\t") + "\n"
    out.reserveCapacity(document.text.utf8.count * 2)
    for segment in document.segments {
      var notes = "paragraph \(document.units[segment.unit].paragraph + 1)"
      let role = segment.role == .body ? document.units[segment.unit].role : segment.role
      if role != .body { notes += "; \(role.rawValue)" }
      if !segment.isTranslatable { notes += "; do not translate" }
      if let rank = segment.rank { notes += "; summary rank \(rank)" }
      let target =
        segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
      out += segment.id.rawValue
      out += "\t"
      out += Self.escape(segment.text)
      out += "\t"
      out += Self.escape(target)
      out += "\t"
      out += notes
      out += "\n"
    }
    return out
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
