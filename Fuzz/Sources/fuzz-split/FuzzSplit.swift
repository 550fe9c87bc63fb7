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
  let utf8 = Array(document.text.utf8)
  var previous = 0
  for segment in document.segments {
    require(segment.range.lowerBound >= previous, "segment \(segment.range) overlaps the one before (ends \(previous))")
    require(segment.range.upperBound <= utf8.count, "segment \(segment.range) past the text's \(utf8.count) bytes")
    require(!segment.range.isEmpty, "empty segment at \(segment.range)")
    for bound in [segment.range.lowerBound, segment.range.upperBound] where bound < utf8.count {
      require(utf8[bound] & 0xC0 != 0x80, "segment bound \(bound) inside a scalar")
    }
    previous = segment.range.upperBound
  }
  require(document.rebuiltText() == document.text, "segments and gaps do not rebuild the text")
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_split_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
