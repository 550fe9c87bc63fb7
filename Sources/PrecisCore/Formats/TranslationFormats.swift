/// The translator-ready formats `prepare` writes and `merge` reads, by name.
public enum TranslationFormats {
  /// The writers by format name, in the order the docs list them.
  public static func writer(named name: String, fill: TargetFill = .empty) -> (
    any TranslationWriter
  )? {
    switch name {
    case XLIFF2Writer.format: XLIFF2Writer(fill: fill)
    case XLIFF12Writer.format: XLIFF12Writer(fill: fill)
    case TMXWriter.format: TMXWriter(fill: fill)
    case POWriter.format: POWriter(fill: fill)
    case AlignedTextWriter.format: AlignedTextWriter(fill: fill)
    case TSVWriter.format: TSVWriter(fill: fill)
    default: nil
    }
  }

  /// Every format name: `xliff2`, `xliff12`, `tmx`, `po`, `aligned`, `tsv`.
  public static let names = [
    XLIFF2Writer.format, XLIFF12Writer.format, TMXWriter.format, POWriter.format,
    AlignedTextWriter.format,
    TSVWriter.format,
  ]

  /// Reads a translated file, choosing the reader by the file name's ending (`.xlf`,
  /// `.xliff`, `.tmx`, `.po`, `.tsv`, `.txt` for aligned text) and, for XLIFF, the version.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let lower = name.lowercased()
    if lower.hasSuffix(".xlf") || lower.hasSuffix(".xliff") || lower.hasSuffix(".xml") {
      let head = String(decoding: text.utf8.prefix(4096), as: UTF8.self)
      if head.contains("urn:oasis:names:tc:xliff:document:2.0") {
        return try XLIFF2Reader.read(text, name: name)
      }
      if head.contains("urn:oasis:names:tc:xliff:document:1.2") || head.contains("version=\"1.2\"")
      {
        return try XLIFF12Reader.read(text, name: name)
      }
      throw MergeError(
        file: name, reason: "not XLIFF 2 or XLIFF 1.2 (no XLIFF namespace in the first 4 KB)")
    }
    if lower.hasSuffix(".tmx") { return try TMXReader.read(text, name: name) }
    if lower.hasSuffix(".po") || lower.hasSuffix(".pot") {
      return try POReader.read(text, name: name)
    }
    if lower.hasSuffix(".tsv") { return try TSVReader.read(text, name: name) }
    if lower.hasSuffix(".txt") { return AlignedTextReader.read(text, name: name) }
    throw MergeError(
      file: name,
      reason:
        "unknown kind of file; merge reads .xlf (XLIFF 2 or 1.2), .tmx, .po, .tsv and aligned .txt files"
    )
  }

  /// The skeleton `merge` looks for beside a file that names none: the file's name without
  /// its extension and the part before it (`news.fr.po`, `news.en-fr.tmx`, `news.fr.txt`,
  /// `news.segments.tsv` → `news.skeleton.json`).
  public static func conventionalSkeletonName(for fileName: String) -> String {
    var parts = fileName.split(separator: "/").last.map(String.init) ?? fileName
    for _ in 0..<2 {
      if let dot = parts.lastIndex(of: "."), dot > parts.startIndex {
        parts = String(parts[..<dot])
      }
    }
    return "\(parts).\(Skeleton.fileExtension)"
  }
}
