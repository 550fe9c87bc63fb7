import FuzzSupport
import PrecisCore

private let normalizer = try! TextNormalizer(options: .init())
private let detector = try! LanguageDetector(options: .init())
private let splitter = try! SentenceSplitter(options: .init())
private let classifier = try! SegmentClassifier(options: .init())

/// Lossy-decoded bytes through `prepare`'s stages, then every translation format with the
/// source copied into the target (each streamed in small pieces), read back and merged: the
/// merged text is the prepared text, scalar for scalar. PO cannot hold U+0004 (msgfmt
/// refuses it even escaped), so a text holding it skips PO.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput / 4 else { return 0 }
  var document = Document(source: "fuzz/doc.txt", text: lossyText(data, size))
  do {
    document = try normalizer.apply(to: document)
    document = try detector.apply(to: document)
    document = try splitter.apply(to: document)
    document = try classifier.apply(to: document)
  } catch {
    return 0
  }
  let prepared = PreparedDocument(document)
  let skeleton: Skeleton
  do {
    skeleton = try Skeleton(json: Skeleton(prepared).json(), file: "doc.skeleton.json")
  } catch {
    require(false, "the skeleton does not read back: \(error)")
    return 0
  }
  let writers = TranslationFormats.names.compactMap { TranslationFormats.writer(named: $0, fill: .copySource) }
  let holdsEndOfTransmission = prepared.text.unicodeScalars.contains("\u{4}")
  for writer in writers {
    for stream in writer.streams(for: prepared, baseName: "doc", targetLanguage: LanguageTag("x-tgt")) {
      if holdsEndOfTransmission && stream.relativePath.hasSuffix(".po") { continue }
      guard !stream.relativePath.hasSuffix(".skeleton.json") else { continue }
      // Pieces of 7 bytes: every piece boundary a writer can meet, inside characters too.
      var bytes: [UInt8] = []
      var sink = ByteSink(pieceSize: 7) { bytes.append(contentsOf: $0) }
      stream.write(&sink)
      sink.flush()
      let contents = String(decoding: bytes, as: UTF8.self)
      require(Array(contents.utf8) == bytes, "\(stream.relativePath) is not valid UTF-8")
      do {
        let read = try TranslationFormats.read(contents, name: stream.relativePath)
        let merged = try SegmentMerger.merge(read, layout: read.layout ?? skeleton, name: stream.relativePath)
        require(
          Array(merged.text.unicodeScalars) == Array(prepared.text.unicodeScalars),
          "\(stream.relativePath) merges to different text")
      } catch {
        require(false, "\(stream.relativePath) does not read back: \(error)")
      }
    }
  }
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_round_trip_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
