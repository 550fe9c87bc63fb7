import FuzzSupport
import PrecisRunner

/// Bytes as a pipeline file: `PipelineLoader.parse` either throws `PipelineFileError` or
/// returns a configuration.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput else { return 0 }
  _ = try? PipelineLoader.parse(lossyText(data, size), file: "fuzz.yaml")
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_pipeline_file_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
