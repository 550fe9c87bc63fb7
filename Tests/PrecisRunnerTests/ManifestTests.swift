import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct ManifestTests {
  @Test func writesSortedKeysOnOneLine() {
    var entry = ManifestEntry(path: "de/a.txt", status: .ok, pipelineHash: "00000000000000ff")
    entry.outputs = ["de/a.segments.tsv"]
    entry.segments = 3
    let line = Manifest.line(for: entry)
    #expect(!line.contains("\n"))
    #expect(
      line.hasPrefix("{\"bytes\":0,\"outputs\":[\"de/a.segments.tsv\"],\"path\":\"de/a.txt\""))
    #expect(line.contains("\"status\":\"ok\""))
  }

  @Test func readsTheLastWholeLinePerPath() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let path = root + "/manifest.jsonl"
    let log = try ManifestLog(path: path, truncate: true)
    var first = ManifestEntry(path: "a.txt", status: .error, pipelineHash: "1")
    try log.append(first)
    first.status = .ok
    try log.append(first)
    try log.append(ManifestEntry(path: "b.txt", status: .ok, pipelineHash: "1"))
    // A line cut short, as a crash leaves it.
    let handle = try #require(FileHandle(forWritingAtPath: path))
    handle.seekToEndOfFile()
    handle.write(Data("{\"path\":\"c.txt\",\"sta".utf8))
    handle.closeFile()
    let entries = Manifest.read(path: path)
    #expect(entries.keys.sorted() == ["a.txt", "b.txt"])
    #expect(entries["a.txt"]?.status == .ok)
    // Adding to it after the crash ends the cut line first, so the new line is read.
    try ManifestLog(path: path, truncate: false).append(
      ManifestEntry(path: "d.txt", status: .ok, pipelineHash: "1"))
    #expect(Manifest.read(path: path).keys.sorted() == ["a.txt", "b.txt", "d.txt"])
    #expect(Manifest.read(path: root + "/missing.jsonl").isEmpty)
  }

  @Test func namesShardFiles() throws {
    #expect(Manifest.fileName(shard: nil) == "manifest.jsonl")
    #expect(Manifest.fileName(shard: Shard("2/3")) == "manifest.2-of-3.jsonl")
    #expect(Manifest.reportName(shard: Shard("2/3")) == "report.2-of-3.json")
  }
}
