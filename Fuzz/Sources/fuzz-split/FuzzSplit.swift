import FuzzSupport
import PrecisCore

private let normalizer = try! TextNormalizer(options: .init())
private let detector = try! LanguageDetector(options: .init())
private let splitter = try! SentenceSplitter(options: .init())

/// Lossy-decoded bytes normalised, detected and split: the segments lie in order on scalar
/// boundaries, and the segments with the gaps between them rebuild the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput else { return 0 }
  var document = Document(source: "fuzz", text: lossyText(data, size))
  do {
    document = try normalizer.apply(to: document)
    document = try detector.apply(to: document)
    document = try splitter.apply(to: document)
  } catch {
    return 0
  }
  requireLosslessSegments(document)
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_split_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
