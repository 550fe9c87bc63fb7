// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "precis",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "precis", targets: ["precis"]),
    .library(name: "PrecisCore", targets: ["PrecisCore"]),
    .library(name: "PrecisRunner", targets: ["PrecisRunner"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CICU",
      pkgConfig: "icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    .target(name: "PrecisICU", dependencies: ["CICU"]),
    // CLD2, the language identifier (Debian: libcld2-dev), behind plain C functions.
    .target(name: "CCLD2", linkerSettings: [.linkedLibrary("cld2")]),
    // Snowball stemmers (Debian's libstemmer-dev; it has no pkg-config file).
    .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
    .target(name: "PrecisStemmer", dependencies: ["CStemmer"]),
    .target(
      name: "PrecisCore",
      dependencies: ["PrecisICU", "CCLD2", "PrecisStemmer"],
      exclude: ["PrecisCore.docc"],
      // Per-language sentence rules, compiled into the binary as byte arrays.
      resources: [.embedInCode("Segmentation/Rules")]
    ),
    .target(
      name: "PrecisRunner",
      dependencies: ["PrecisCore", .product(name: "Yams", package: "Yams")]
    ),
    .executableTarget(
      name: "precis",
      dependencies: [
        "PrecisRunner",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // `swift run precis` builds this product alone with -index-system-modules, which loads
      // the system module CICU beside Foundation's bundled ICU, and the two clash.
      swiftSettings: [.unsafeFlags(["-index-ignore-system-modules"])]
    ),
    // Generators of hard Unicode for property tests.
    .target(
      name: "PrecisTestGenerators",
      dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
      path: "Tests/Generators"
    ),
    // Paths to corpora/ and ../shared for the tests.
    .target(
      name: "PrecisTestSupport",
      dependencies: ["PrecisCore", "PrecisTestGenerators"],
      path: "Tests/Support"
    ),
    .testTarget(
      name: "PrecisICUTests",
      // Nothing that imports Foundation: this module sees CICU (tests build with testing
      // enabled, which loads internal imports), and the two ICUs clash in one module.
      dependencies: ["PrecisICU"]
    ),
    .testTarget(
      name: "PrecisCoreTests",
      dependencies: ["PrecisCore", "PrecisTestSupport", "PrecisTestGenerators", .product(name: "PropertyBased", package: "swift-property-based")],
      // Golden files of the format tests.
      exclude: [
        "Formats/XLIFF/Fixtures", "Formats/TMX/Fixtures", "Formats/PO/Fixtures", "Formats/Aligned/Fixtures",
        "Formats/TSV/Fixtures", "Segmentation/Fixtures",
      ]
    ),
    .testTarget(
      name: "PrecisRunnerTests",
      dependencies: ["PrecisRunner", "PrecisTestSupport"]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["PrecisRunner", "PrecisTestSupport", "precis"]
    ),
  ]
)
