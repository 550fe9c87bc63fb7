import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct OutputDirectoryTests {
  @Test(arguments: ["../escape.txt", "/etc/passwd", "a/../../b", "./x", ""])
  func refusesPathsOutsideTheFolder(path: String) throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root)
    #expect(throws: OutputError.self) { try output.write("x", to: path) }
  }

  @Test func writesAtomicallyAndLeavesNoTemporaryFiles() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let output = try OutputDirectory(path: root)
    try output.write("first", to: "deep/er/file.txt")
    try output.write("second", to: "deep/er/file.txt")
    #expect(try String(contentsOfFile: root + "/deep/er/file.txt", encoding: .utf8) == "second")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/deep/er") == ["file.txt"])
  }

  @Test func failsCleanlyInAMissingFolder() throws {
    let bytes = Array("x".utf8)
    #expect(throws: OutputError.self) {
      try bytes.withUnsafeBufferPointer { try OutputDirectory.writeAtomically($0, to: "/nonexistent-folder/x.txt") }
    }
  }
}
