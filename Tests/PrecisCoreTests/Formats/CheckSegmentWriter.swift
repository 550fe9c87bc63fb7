import PrecisCore
import Testing

/// Checks on `document` what every translation format must do.
///
/// Like swift-collections' `CheckCollection` for collections:
///
/// - the reader finds each segment once, in order, with its id (or its line);
/// - every source text survives the format and its reader exactly (`& < > " '`, tabs, line
///   breaks, controls, right-to-left text, combining marks, emoji);
/// - prepare → merge gives the text back with empty targets, with copied targets, and the
///   pseudo-translation merges with its codes intact;
/// - two renderings are identical.
func checkSegmentWriter(
  format: String, document: Document, sourceLocation: SourceLocation = #_sourceLocation
) throws {
  let prepared = PreparedDocument(document)
  let french = LanguageTag("fr")
  #expect(
    prepared.rebuiltText() == prepared.text, "gaps and segments rebuild the text",
    sourceLocation: sourceLocation)
  for fill in TargetFill.allCases {
    let writer = try #require(
      TranslationFormats.writer(named: format, fill: fill), sourceLocation: sourceLocation)
    let files = writer.files(for: prepared, baseName: "doc", targetLanguage: french)
    #expect(
      files == writer.files(for: prepared, baseName: "doc", targetLanguage: french),
      "deterministic", sourceLocation: sourceLocation)
    // The file translators return; for aligned text, the target side (written last).
    let main = try #require(files.last, sourceLocation: sourceLocation)
    let read = try TranslationFormats.read(main.contents, name: main.relativePath)
    if prepared.segments.isEmpty {
      // Nothing to check but the merge (XLIFF 2 writes the whole text as one untranslatable unit).
    } else if read.isPositional {
      #expect(
        read.entries.count == prepared.segments.count, "one line per segment",
        sourceLocation: sourceLocation)
      let sourceFile = try #require(files.first, sourceLocation: sourceLocation)
      let sources = AlignedTextReader.read(sourceFile.contents, name: sourceFile.relativePath)
        .entries.map(\.target)
      #expect(
        sources == prepared.segments.map(\.text), "\(format): sources survive",
        sourceLocation: sourceLocation)
    } else {
      #expect(
        read.entries.map(\.id) == prepared.segments.map(\.id.rawValue),
        "\(format): each segment once, in order", sourceLocation: sourceLocation)
      #expect(
        read.entries.map(\.source) == prepared.segments.map(\.text), "\(format): sources survive",
        sourceLocation: sourceLocation)
    }
    let layout =
      try read.layout ?? Skeleton(json: Skeleton(prepared).json(), file: "doc.skeleton.json")
    let merged = try SegmentMerger.merge(read, layout: layout, name: main.relativePath)
    let translatable = prepared.segments.filter(\.isTranslatable).count
    switch fill {
    case .empty, .copySource:
      #expect(
        merged.text == prepared.text, "\(format) \(fill.rawValue): merge gives the text back",
        sourceLocation: sourceLocation)
      #expect(
        merged.translated == (fill == .empty ? 0 : translatable), sourceLocation: sourceLocation)
    case .pseudo:
      #expect(
        merged.translated == translatable, "\(format): pseudo-translations merge",
        sourceLocation: sourceLocation)
      if translatable > 0 {
        #expect(merged.text != prepared.text, sourceLocation: sourceLocation)
      }
    }
  }
}
