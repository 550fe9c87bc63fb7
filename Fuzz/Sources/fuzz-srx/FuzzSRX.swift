import FuzzSupport
import PrecisCore

/// Bytes as an SRX file: reading and compiling either throws `SRXFileError` or gives rules
/// that can be asked for the rules of a language.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size <= maximumInput else { return 0 }
  guard let rules = try? SRXRules(bytes: bytes(data, size), source: "fuzz.srx") else { return 0 }
  for tag in ["en", "pt-BR", "ja"] {
    _ = rules.languageRuleNames(for: LanguageTag(tag)!)
  }
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_srx_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
