import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

/// Writers that stream their files into a ``ByteSink`` a piece at a time write the same bytes
/// as a rendering built whole (the writers' renderings from before they streamed, or one built
/// from each segment's text), on the corpora and on random documents.
@Suite struct StreamedOutputTests {
  /// Every stream of every writer, for a target language, with pieces of `pieceSize` bytes.
  func streamedFiles(_ document: Document, pieceSize: Int) -> [String: [UInt8]] {
    let prepared = PreparedDocument(document)
    var result: [String: [UInt8]] = [:]
    func take(_ streams: [SegmentStream], _ tag: String) {
      for stream in streams {
        final class Pieces { var bytes: [UInt8] = [] }
        let pieces = Pieces()
        var sink = ByteSink(pieceSize: pieceSize) { pieces.bytes.append(contentsOf: $0) }
        stream.write(&sink)
        sink.flush()
        result[tag + stream.relativePath] = pieces.bytes
      }
    }
    for name in TranslationFormats.names {
      for fill in TargetFill.allCases {
        guard let writer = TranslationFormats.writer(named: name, fill: fill) else { continue }
        take(
          writer.streams(for: prepared, baseName: "doc", targetLanguage: LanguageTag("fr")),
          "\(fill) ")
      }
    }
    take(SegmentJSONLWriter().streams(for: document, baseName: "doc", targetLanguage: nil), "")
    take(SkeletonWriter().streams(for: document, baseName: "doc", targetLanguage: nil), "")
    take(SummaryWriter().streams(for: document, baseName: "doc", targetLanguage: nil), "")
    take(
      SummaryWriter(length: .ratio(0.5)).streams(
        for: document, baseName: "half", targetLanguage: nil), "")
    return result
  }

  /// The same files rendered the plain way: one string per segment, joined.
  func renderedFiles(_ document: Document) -> [String: [UInt8]] {
    let prepared = PreparedDocument(document)
    var result: [String: [UInt8]] = [:]
    let french = LanguageTag("fr")
    let source = prepared.sourceLanguage.rawValue
    for fill in TargetFill.allCases {
      result["\(fill) doc.fr.xlf"] = Array(
        WholeXLIFF2Rendering(fill: fill).render(prepared, targetLanguage: french).utf8)
      result["\(fill) doc.fr.xliff12.xlf"] = Array(
        WholeXLIFF12Rendering(fill: fill).render(prepared, targetLanguage: french).utf8)
      result["\(fill) doc.\(source)-fr.tmx"] = Array(
        WholeTMXRendering(fill: fill).render(
          prepared, targetLanguage: french, skeleton: "doc.skeleton.json"
        ).utf8)
      result["\(fill) doc.fr.po"] = Array(
        WholePORendering(fill: fill).render(
          prepared, targetLanguage: french, skeleton: "doc.skeleton.json"
        ).utf8)
      let aligned = WholeAlignedRendering(fill: fill)
      result["\(fill) doc.\(source).txt"] = Array(aligned.sourceText(prepared).utf8)
      result["\(fill) doc.fr.txt"] = Array(aligned.targetText(prepared).utf8)
    }
    // TSV, from each segment's text and the escaping function.
    for fill in TargetFill.allCases {
      var tsv = TSVWriter.header.joined(separator: "\t") + "\n"
      for segment in prepared.segments {
        let unit = prepared.units[segment.unit]
        let target =
          segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
        var notes = "paragraph \(unit.paragraph + 1)"
        let role = segment.role == .body ? unit.role : segment.role
        if role != .body { notes += "; \(role.rawValue)" }
        if !segment.isTranslatable { notes += "; do not translate" }
        if let rank = segment.rank { notes += "; summary rank \(rank)" }
        tsv +=
          [segment.id.rawValue, TSVWriter.escape(segment.text), TSVWriter.escape(target), notes]
          .joined(separator: "\t") + "\n"
      }
      result["\(fill) doc.segments.tsv"] = Array(tsv.utf8)
    }
    let jsonl = document.segments.map { SegmentJSONLWriter().line(for: $0, in: document) + "\n" }
    result["doc.segments.jsonl"] = Array(jsonl.joined().utf8)
    result["doc.skeleton.json"] = Array(Skeleton(prepared).json().utf8)
    // Summaries, a sentence a line.
    for (name, length) in [("doc", SummaryLength.sentences(3)), ("half", .ratio(0.5))] {
      let sentences = Summary.sentences(of: document, length: length)
      result["\(name).summary.txt"] = Array(
        sentences.map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }
          .joined().utf8)
    }
    return result
  }

  func check(
    _ document: Document, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let rendered = renderedFiles(document)
    // `Int.max`: one piece, as `SegmentStream.contents` and the writers' `files` gather them.
    for pieceSize in [1, 4096, ByteSink.defaultPieceSize, Int.max] {
      let streamed = streamedFiles(document, pieceSize: pieceSize)
      #expect(streamed.keys.sorted() == rendered.keys.sorted(), sourceLocation: sourceLocation)
      for (name, bytes) in streamed where bytes != rendered[name] {
        Issue.record(
          "\(label): \(name) with pieces of \(pieceSize) differs", sourceLocation: sourceLocation)
      }
    }
    // The writers' `files`, which gather each stream into a string (the later of two files of
    // one name, as in `streamedFiles`: aligned text from French to French).
    let prepared = PreparedDocument(document)
    var gathered: [String: [UInt8]] = [:]
    for name in TranslationFormats.names {
      for fill in TargetFill.allCases {
        guard let writer = TranslationFormats.writer(named: name, fill: fill) else { continue }
        for file in writer.files(for: prepared, baseName: "doc", targetLanguage: LanguageTag("fr"))
        {
          gathered["\(fill) " + file.relativePath] = Array(file.contents.utf8)
        }
      }
    }
    for (name, bytes) in gathered where bytes != rendered[name] {
      Issue.record("\(label): \(name) from files(for:) differs", sourceLocation: sourceLocation)
    }
  }

  @Test func corporaStreamAsRendered() throws {
    let pipeline = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init()),
      SentenceSplitter(options: .init()), SegmentClassifier(options: .init()),
      SentenceScorer(options: .init()),
    ])
    let files = TestPaths.corporaFiles()
    #expect(files.count > 20)
    for file in files {
      let decoded = try TextDecoder().decode(try TestPaths.corporaBytes(file), source: file)
      check(try pipeline.apply(to: decoded), file)
    }
  }

  @Test func randomDocumentsStreamAsRendered() async {
    await propertyCheck(count: 300, input: RandomDocuments.input) { text, language in
      check(try RandomDocuments.document(text, language: language), text.debugDescription)
    }
  }

  @Test func aSegmentLongerThanManyPiecesStreamsAsRendered() throws {
    // One sentence of about 400 KB with escapes and multi-byte characters at every offset
    // a piece could end at.
    let text = String(repeating: "a\tb\\c «é» 日本 👩‍💻 \u{01} ", count: 12_000) + "end."
    let document = try FormatSamples.document(text)
    #expect(document.segments.count == 1)
    check(document, "long segment")
  }

  /// XLIFF 1.2 carries the skeleton's JSON escaped for XML as it is written; a piece of it
  /// that ends inside a character waits for the rest before it is escaped.
  @Test(arguments: [1, 2, 3, 5, 64])
  func piecesCutInsideACharacterAreJoinedBeforeTheyAreEscaped(pieceSize: Int) {
    let text = "é & 日本 <x> 👩‍💻 \u{FEFF}\u{85}\u{1}ok"
    let bytes = Array(text.utf8)
    final class Pieces { var bytes: [UInt8] = [] }
    let pieces = Pieces()
    var sink = ByteSink(pieceSize: pieceSize) { pieces.bytes.append(contentsOf: $0) }
    sink.append { inner in
      // A byte at a time, so that pieces end wherever `pieceSize` falls.
      for b in bytes {
        inner.bytes.append(b)
        inner.flushIfFull()
      }
    } transformedBy: { piece, out in
      XMLText.appendContent(bytes: piece, to: &out) { "[\($0)]" }
    }
    sink.flush()
    var expected = ""
    XMLText.appendContent(text, to: &expected) { "[\($0)]" }
    #expect(String(decoding: pieces.bytes, as: UTF8.self) == expected)
    #expect(expected.contains("[1]") && expected.contains("&amp;") && expected.contains("&#xFEFF;"))
  }

  @Test func aControlRemovedInsideAComposedLetterGoesBackBeforeIt() throws {
    // The control stood between "e" and the accent that NFC composes with it.
    let document = try FormatSamples.document("Caf e\u{01}\u{301} au lait.")
    let prepared = PreparedDocument(document)
    #expect(prepared.text == "Caf \u{01}\u{E9} au lait.")
    #expect(prepared.rebuiltText() == prepared.text)
  }
}
