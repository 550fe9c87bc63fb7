// swift-tools-version:6.1
// libFuzzer targets for Precis, kept out of the main package like Benchmarks/. Build one with
//   swift build -c debug --package-path Fuzz -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -parse-as-library --product fuzz-decode
// or build and run them all with scripts/run-fuzzers.sh (see README.md).
import PackageDescription

let package = Package(
  name: "precis-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Without `name:` the identity would be the checkout folder's name.
    .package(name: "precis", path: ".."),
  ],
  targets: [
    // The property checks that every fuzz target shares.
    .target(name: "CFuzzerDriver"),
    .target(
      name: "FuzzSupport",
      dependencies: ["CFuzzerDriver", .product(name: "PrecisCore", package: "precis")],
      swiftSettings: noSystemModuleIndex),
    fuzzTarget("fuzz-decode", core: true),
    fuzzTarget("fuzz-normalize", core: true),
    fuzzTarget("fuzz-split", core: true),
    fuzzTarget("fuzz-split-srx", core: true),
    fuzzTarget("fuzz-srx", core: true),
    fuzzTarget("fuzz-merge-readers", core: true),
    fuzzTarget("fuzz-round-trip", core: true),
    fuzzTarget("fuzz-pipeline-file", core: true, runner: true),
  ]
)

/// An executable whose entry point is `LLVMFuzzerTestOneInput`. A debug build on Linux links
/// `main` to `<module>_main` (so that tests can load executables), which each target defines
/// with `@_cdecl` to start libFuzzer's driver; a release build takes libFuzzer's own `main`.
@MainActor func fuzzTarget(_ name: String, core: Bool, runner: Bool = false) -> Target {
  var dependencies: [Target.Dependency] = ["FuzzSupport"]
  if core { dependencies.append(.product(name: "PrecisCore", package: "precis")) }
  if runner { dependencies.append(.product(name: "PrecisRunner", package: "precis")) }
  return .executableTarget(name: name, dependencies: dependencies, swiftSettings: noSystemModuleIndex)
}

// A debug build of one product indexes system modules, and indexing loads the system module
// CICU beside Foundation's bundled ICU, which clash: keep executables importing Foundation
// from indexing system modules (the main package does the same for `precis`).
var noSystemModuleIndex: [SwiftSetting] { [.unsafeFlags(["-index-ignore-system-modules"])] }
