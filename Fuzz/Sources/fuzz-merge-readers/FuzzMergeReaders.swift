import FuzzSupport
import PrecisCore

/// Lossy-decoded bytes through every reader `precis merge` uses: each either throws
/// `MergeError` or returns a file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput else { return 0 }
  let text = lossyText(data, size)
  _ = try? POReader.read(text, name: "fuzz.po")
  _ = try? TMXReader.read(text, name: "fuzz.tmx")
  _ = try? XLIFF12Reader.read(text, name: "fuzz.xlf")
  _ = try? XLIFF2Reader.read(text, name: "fuzz.xlf")
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_merge_readers_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
