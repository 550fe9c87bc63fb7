// swift-tools-version:6.1
// Benchmarks for Precis, kept out of the main package so that its users and CI never build
// the benchmark tool. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
  name: "precis-benchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Without `name:` the identity would be the checkout folder's name.
    .package(name: "precis", path: ".."),
    // Only the malloc interposer: the default traits also pull in a Swift runtime
    // interposer for Linux that the offline package mirror does not have.
    .package(
      url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1",
      traits: ["MallocInterposer"]),
  ],
  targets: [
    // Inputs of a given size cut from corpora/, shared by the benchmarks and the tool.
    .target(name: "BenchmarkInputs"),
    .executableTarget(
      name: "PrecisBenchmarks",
      dependencies: [
        "BenchmarkInputs",
        .product(name: "PrecisCore", package: "precis"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/PrecisBenchmarks",
      swiftSettings: noSystemModuleIndex,
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // Single-core throughput over a folder of files, in MB/s, to compare with icu-limit.
    .executableTarget(
      name: "precis-throughput",
      dependencies: [.product(name: "PrecisCore", package: "precis")],
      swiftSettings: noSystemModuleIndex
    ),
  ]
)

// A debug build of one product indexes system modules, and indexing loads the system module
// CICU beside Foundation's bundled ICU, which clash: keep executables importing Foundation
// from indexing system modules (the main package does the same for `precis`).
var noSystemModuleIndex: [SwiftSetting] { [.unsafeFlags(["-index-ignore-system-modules"])] }
