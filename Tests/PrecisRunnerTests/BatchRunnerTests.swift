import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct BatchRunnerTests {
  func folder(_ files: [String: [UInt8]]) throws -> String {
    let root = try TestPaths.makeTemporaryFolder()
    for (path, bytes) in files {
      let url = URL(fileURLWithPath: root + "/in/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(bytes).write(to: url)
    }
    return root
  }

  func runner(
    _ root: String, _ options: BatchOptions = BatchOptions(jobs: 2), pipeline: String? = nil
  ) throws
    -> BatchRunner
  {
    let configuration =
      try pipeline.map { try PipelineLoader.parse($0, file: "test.yaml") }
      ?? PipelineLoader.builtIn()
    return BatchRunner(
      inputRoot: root + "/in", outputRoot: root + "/out",
      processor: DocumentProcessor(configuration: configuration), options: options)
  }

  @Test func recordsBadFilesAndGoesOn() async throws {
    let root = try folder([
      "a.txt": Array("One. Two.\n".utf8), "bin.txt": [0x41, 0, 0x42],
      "bad.txt": [0x63, 0xC3, 0xA9, 0xFF],
      "empty.txt": [], "z/b.txt": Array("Three.\n".utf8),
    ])
    defer { TestPaths.removeTemporaryFolder(root) }
    let report = try await runner(root).run()
    #expect(report.entries.map(\.path) == ["a.txt", "bad.txt", "bin.txt", "empty.txt", "z/b.txt"])
    #expect(report.entries.map(\.status) == [.ok, .error, .error, .ok, .ok])
    #expect(report.summary == "3 written, 2 failed")
    #expect(report.entries[0].segments == 2)
    #expect(report.entries[0].words == 2)
    #expect(report.entries[1].errorKind == "decode")
    #expect(report.entries[4].outputs.starts(with: ["z/b.segments.tsv", "z/b.segments.jsonl"]))
    #expect(FileManager.default.fileExists(atPath: root + "/out/z/b.segments.jsonl"))
    #expect(!FileManager.default.fileExists(atPath: root + "/out/bad.segments.tsv"))
    let manifest = try String(contentsOfFile: root + "/out/manifest.jsonl", encoding: .utf8)
    #expect(manifest == report.entries.map { Manifest.line(for: $0) + "\n" }.joined())
    let totals = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: root + "/out/report.json"))) as? [String: Any])
    #expect(totals["files"] as? Int == 5)
    #expect(totals["failed"] as? Int == 2)
  }

  @Test func givesOutputNamesToTheFirstOfTwoInputsThatShareThem() async throws {
    let root = try folder(["a.md": Array("Md.\n".utf8), "a.txt": Array("Txt.\n".utf8)])
    defer { TestPaths.removeTemporaryFolder(root) }
    let report = try await runner(root).run()
    #expect(report.entries.map(\.status) == [.ok, .error])
    #expect(report.entries[1].error?.contains("'a.md'") == true)
  }

  @Test func resumingKeepsWhatIsDoneAndRedoesWhatChanged() async throws {
    let root = try folder([
      "a.txt": Array("A one.\n".utf8), "b.txt": Array("B one.\n".utf8), "c.txt": Array("C.\n".utf8),
    ])
    defer { TestPaths.removeTemporaryFolder(root) }
    let first = try await runner(root).run()
    #expect(first.written == 3)
    try Data("B two. Changed.\n".utf8).write(to: URL(fileURLWithPath: root + "/in/b.txt"))
    try FileManager.default.removeItem(atPath: root + "/out/c.segments.tsv")
    let second = try await runner(root, BatchOptions(jobs: 2, resume: true)).run()
    #expect(second.reused == 1)
    #expect(second.entries[0] == first.entries[0])
    #expect(second.entries[1].segments == 2)
    #expect(FileManager.default.fileExists(atPath: root + "/out/c.segments.tsv"))

    // Another pipeline writes other outputs: the old ones go, as a clean run would not have them.
    let tsvOnly = "version: 1\nstages:\n  - kind: split\noutputs:\n  - format: tsv\n"
    let third = try await runner(root, BatchOptions(jobs: 1, resume: true), pipeline: tsvOnly).run()
    #expect(third.reused == 0)
    #expect(!FileManager.default.fileExists(atPath: root + "/out/a.segments.jsonl"))
    #expect(FileManager.default.fileExists(atPath: root + "/out/a.segments.tsv"))

    // An input that is gone takes its outputs with it.
    try FileManager.default.removeItem(atPath: root + "/in/c.txt")
    let fourth = try await runner(root, BatchOptions(jobs: 1, resume: true), pipeline: tsvOnly).run()
    #expect(fourth.entries.map(\.path) == ["a.txt", "b.txt"])
    #expect(fourth.reused == 2)
    #expect(!FileManager.default.fileExists(atPath: root + "/out/c.segments.tsv"))
  }

  @Test func runsFilesLargerThanTheByteBudgetOneAtATime() async throws {
    var files: [String: [UInt8]] = [:]
    for i in 0..<12 {
      files["f\(i).txt"] = Array(String(repeating: "Word word. ", count: 50 + i).utf8)
    }
    let root = try folder(files)
    defer { TestPaths.removeTemporaryFolder(root) }
    let report = try await runner(root, BatchOptions(jobs: 4, maxBytesInFlight: 100)).run()
    #expect(report.written == 12)
    #expect(
      report.entries.map(\.path)
        == files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
  }

  @Test(arguments: ["a.txt", "dir/a.b.txt", "dir.v2/readme", ".txt", "x/.txt", "a."])
  func namesOutputsWithoutTheExtension(_ path: String) {
    let expected = [
      "a.txt": "a", "dir/a.b.txt": "dir/a.b", "dir.v2/readme": "dir.v2/readme", ".txt": ".txt",
      "x/.txt": "x/.txt", "a.": "a",
    ]
    #expect(BatchRunner.baseName(of: path) == expected[path])
  }
}
