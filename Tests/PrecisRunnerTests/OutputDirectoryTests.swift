import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct OutputDirectoryTests {
  func allFiles(_ root: String) -> [String] {
    (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
  }

  @Test(arguments: ["../escape.txt", "/tmp/abs.txt", "a/../../b.txt", "a//b.txt", "./a.txt", ""])
  func refusesPathsThatLeaveTheFolder(_ path: String) throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root + "/out")
    #expect(throws: OutputError.self) { try output.write("x", to: path) }
    #expect(allFiles(root) == ["out"])
  }

  @Test func refusesToWriteThroughASymbolicLink() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    try FileManager.default.createDirectory(
      atPath: root + "/elsewhere", withIntermediateDirectories: true)
    let output = try OutputDirectory(path: root + "/out")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/out/de", withDestinationPath: root + "/elsewhere")
    #expect(throws: OutputError.self) { try output.write("x", to: "de/a.txt") }
    #expect(allFiles(root + "/elsewhere").isEmpty)
  }

  @Test func writesWholeFilesAndLeavesNoTemporaryOnes() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root)
    let big = String(repeating: "0123456789", count: 20_000)
    try output.write(big, to: "de/news/a.txt")
    try output.write("second", to: "de/news/a.txt")
    #expect(try String(contentsOfFile: root + "/de/news/a.txt", encoding: .utf8) == "second")
    #expect(allFiles(root) == ["de", "de/news", "de/news/a.txt"])
    #expect(output.containsFile("de/news/a.txt"))
    #expect(!output.containsFile("de/news"))
  }

  @Test func discardingLeavesTheOldFile() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root)
    try output.write("old", to: "a.txt")
    let file = try output.create("a.txt")
    try file.append("new, half")
    file.discard()
    #expect(try String(contentsOfFile: root + "/a.txt", encoding: .utf8) == "old")
    #expect(allFiles(root) == ["a.txt"])
  }

  @Test func removesLeftoverTemporaryFilesOfItsOwnTag() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let names = [
      "a.txt", "sub/.a.txt.precis-tmp-123-abc", ".b.tsv.precis-tmp-s2of3-9-f",
      ".c.tsv.precis-tmp-s1of3-9-f",
      "sub/.keep",
    ]
    for name in names {
      try FileManager.default.createDirectory(
        atPath: (root + "/" + name as NSString).deletingLastPathComponent,
        withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: root + "/" + name, contents: Data())
    }
    let shard = try OutputDirectory(path: root, temporaryTag: "s2of3-")
    #expect(shard.removeTemporaryFiles() == 1)
    let all = try OutputDirectory(path: root)
    #expect(all.removeTemporaryFiles() == 2)
    #expect(allFiles(root) == ["a.txt", "sub", "sub/.keep"])
  }

  @Test func streamsPiecesIntoATemporaryFileRenamedWhenComplete() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root)
    let piece = Array(String(repeating: "0123456789", count: 1_000).utf8)
    var midway: [String] = []
    try output.write({ sink in
      for k in 0..<30 {
        piece.withUnsafeBufferPointer { sink.append($0) }
        sink.bytes.append(contentsOf: Array("\(k)\n".utf8))
        sink.flushIfFull()
      }
      midway = allFiles(root)
    }, to: "de/a.txt")
    // Half-way, pieces are in the temporary file and the target does not exist yet.
    #expect(!midway.contains("de/a.txt"))
    #expect(midway.contains { $0.hasPrefix("de/.a.txt" + AtomicFile.marker) })
    let expected = (0..<30).map { String(repeating: "0123456789", count: 1_000) + "\($0)\n" }.joined()
    #expect(try String(contentsOfFile: root + "/de/a.txt", encoding: .utf8) == expected)
    #expect(allFiles(root) == ["de", "de/a.txt"])
  }

  @Test func failsCleanlyInAMissingFolder() throws {
    let bytes = Array("x".utf8)
    #expect(throws: OutputError.self) {
      try bytes.withUnsafeBufferPointer { try OutputDirectory.writeAtomically($0, to: "/nonexistent-folder/x.txt") }
    }
  }
}
