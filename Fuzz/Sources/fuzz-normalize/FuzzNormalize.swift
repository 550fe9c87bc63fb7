import FuzzSupport
import PrecisCore

private let normalizers = NormalizationForm.allCases.map {
  try! TextNormalizer(options: .init(form: $0))
}

/// Lossy-decoded bytes through `TextNormalizer` in every form: normalising twice changes
/// nothing, and the offset map rises in both coordinates and stays inside both texts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput else { return 0 }
  let text = lossyText(data, size)
  let original = Document(source: "fuzz", text: text)
  for normalizer in normalizers {
    guard let once = try? normalizer.apply(to: original) else { continue }
    let form = normalizer.options.form
    guard let twice = try? normalizer.apply(to: once) else {
      fatalError("property violated: \(form) failed on its own output")
    }
    require(twice.text == once.text, "\(form) is not idempotent")
    let anchors = once.originalOffsets.anchors
    require(anchors.first?.normalized == 0 && anchors.first?.original == 0, "\(form): first anchor is not (0, 0)")
    for (a, b) in zip(anchors, anchors.dropFirst()) {
      require(a.normalized <= b.normalized && a.original <= b.original, "\(form): anchors fall: \(a) then \(b)")
    }
    let length = once.text.utf8.count
    let originalLength = text.utf8.count
    var previous = 0
    for n in 0...min(length, 4096) {
      let o = once.originalOffsets.originalOffset(of: n)
      require(o >= previous, "\(form): original offset falls at \(n): \(previous) then \(o)")
      previous = o
    }
    let end = once.originalOffsets.originalOffset(of: length)
    require(end <= originalLength, "\(form): end maps to \(end) past \(originalLength)")
    for removed in once.removedCharacters {
      require(removed.utf8Offset >= 0 && removed.utf8Offset <= length, "\(form): removed character at \(removed.utf8Offset) outside text of \(length)")
    }
  }
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_normalize_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
