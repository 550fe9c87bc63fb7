import Foundation
import PrecisTestSupport
import Testing

@testable import PrecisRunner

@Suite struct FileSizeLimitTests {
  @Test(arguments: [
    ("100M", 100 << 20), ("2G", 2 << 30), ("640k", 640 << 10), ("1000", 1000),
    ("500MB", 500_000_000),
    ("1.5G", 3 << 29), ("2GiB", 2 << 30), (" 7 K ", 7 << 10), ("1TB", 1_000_000_000_000),
  ])
  func readsSizes(text: String, bytes: Int) throws {
    #expect(FileSizeLimit(text)?.bytes == bytes)
  }

  @Test(arguments: ["", "lots", "12X", "-5M", "M", "1e400", "99999999999T"])
  func refusesOtherText(text: String) {
    #expect(FileSizeLimit(text) == nil)
  }

  @Test func printsSizesShort() {
    #expect(FileSizeLimit.default.description == "512M")
    #expect(FileSizeLimit.none.description == "none")
    #expect(FileSizeLimit("none") == FileSizeLimit.none)
    #expect(FileSizeLimit.format(10_380_402) == "9.9M")
    #expect(FileSizeLimit.format(999) == "999 bytes")
  }

  @Test func readRefusesALargerFileWithOneLine() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let path = folder + "/big.txt"
    try Data(repeating: 0x61, count: 3000).write(to: URL(fileURLWithPath: path))
    #expect(try InputFile.read(path, limit: FileSizeLimit(bytes: 3000)).count == 3000)
    #expect(throws: InputError.self) { try InputFile.read(path, limit: FileSizeLimit(bytes: 2999)) }
    do {
      _ = try InputFile.read(path, limit: FileSizeLimit(bytes: 1024))
    } catch {
      #expect(
        error.description
          == "\(path): is 2.9K (3000 bytes), over the 1K limit on input files; pass --max-file-size 1M (or more) to read it, or split the file"
      )
    }
  }
}

@Suite struct PipelineAliasTests {
  /// Ten levels of nine aliases: 9^10 values if anything expanded them.
  static let bomb: String = {
    var lines = [
      "version: 1", "stages:", "  - kind: normalize", "outputs:", "  - format: xliff2", "    to:",
    ]
    lines.append("      - &l0 [fr, fr, fr, fr, fr, fr, fr, fr, fr]")
    for level in 1...9 {
      lines.append(
        "      - &l\(level) ["
          + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test func aliasBombIsRefusedWithItsPlace() {
    #expect(throws: PipelineFileError.self) {
      try PipelineLoader.parse(Self.bomb, file: "bomb.yaml")
    }
    do {
      _ = try PipelineLoader.parse(Self.bomb, file: "bomb.yaml")
    } catch {
      // The first list repeated: the one anchored as &l0.
      #expect(error.line == 7)
      #expect(error.description.hasPrefix("bomb.yaml:7:9: "))
      #expect(error.message.contains("YAML alias"))
    }
  }

  @Test func anchorsWithoutAliasesAndScalarAliasesStillLoad() throws {
    let yaml = """
      version: 1
      input:
        encoding: &enc utf-8
        max-file-size: 2G
      stages:
        - kind: normalize
          form: &form nfc
      outputs:
        - format: tsv
      """
    let configuration = try PipelineLoader.parse(yaml, file: "p.yaml")
    #expect(configuration.maxFileSize == FileSizeLimit(bytes: 2 << 30))
    #expect(configuration.encoding == "utf-8")
  }

  @Test func maxFileSizeMustBeASize() {
    let yaml = "version: 1\ninput:\n  max-file-size: plenty\nstages:\n  - kind: normalize\n"
    do {
      _ = try PipelineLoader.parse(yaml, file: "p.yaml")
      Issue.record("a bad size was accepted")
    } catch {
      #expect(error.description.hasPrefix("p.yaml:3:18: 'max-file-size' must be a size"))
    }
  }
}
