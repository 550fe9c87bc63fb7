import FuzzSupport
import PrecisCore

/// Raw bytes through `TextDecoder`: it either throws `DecodeError` or returns a document
/// whose text is valid, whose offsets map back inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let input = UnsafeBufferPointer(start: data, count: size)
  guard let document = try? TextDecoder().decode(input, source: "fuzz") else { return 0 }
  let length = document.text.utf8.count
  require(size > 0 || length == 0, "an empty input decoded to \(length) bytes")
  let end = document.inputByteOffset(of: length)
  require(end >= 0 && end <= size, "end of text maps to input byte \(end) of \(size)")
  var previous = 0
  for offset in stride(from: 0, through: length, by: max(1, length / 64)) {
    let at = document.inputByteOffset(of: offset)
    require(at >= previous, "input offsets fall: \(previous) then \(at) at text offset \(offset)")
    previous = at
  }
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_decode_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
