import Foundation
import PrecisCore
import PrecisRunner
import PrecisTestSupport
import Testing

/// `precis run` and `precis stream` as a user runs them: the built executable on folders.
@Suite struct BatchRunTests {
  static let isRoot = geteuid() == 0

  func isManifestOrReport(_ path: String) -> Bool {
    path.hasPrefix("manifest.") || path.hasPrefix("report.")
  }

  /// A run killed with SIGKILL half-way, then resumed, leaves what a clean run leaves.
  @Test func resumingAfterAKillEqualsACleanRun() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let count = 300
    try Tree.makeArticles(in: root + "/in", count: count, repeats: 8)
    #expect(
      try PrecisProcess.run(["run", root + "/in", "--output", root + "/clean", "--quiet"]) == 0)

    let run = try PrecisProcess.start([
      "run", root + "/in", "--output", root + "/out", "--jobs", "2", "--quiet",
    ])
    var lines = 0
    while run.isRunning {
      lines = (FileManager.default.contents(atPath: root + "/out/manifest.jsonl") ?? Data()).count {
        $0 == 0x0A
      }
      if lines >= count / 2 { break }
      usleep(2_000)
    }
    kill(run.processIdentifier, SIGKILL)
    run.waitUntilExit()
    // Killed before the end: the manifest is the log of finished files, not the final one.
    #expect(
      run.terminationReason == .uncaughtSignal,
      "the run ended before it was killed; make the inputs larger")
    let logged = try Tree.manifestLines(root + "/out/manifest.jsonl")
    #expect(logged.count < count)
    // A temporary file as a killed run leaves one.
    _ = FileManager.default.createFile(
      atPath: root + "/out/news/.article-0.segments.tsv.precis-tmp-1-dead",
      contents: Data("half".utf8))

    #expect(
      try PrecisProcess.run([
        "run", root + "/in", "--output", root + "/out", "--jobs", "2", "--resume", "--quiet",
      ]) == 0)
    let clean = Tree.files(root + "/clean", excluding: isManifestOrReport)
    let resumed = Tree.files(root + "/out", excluding: isManifestOrReport)
    let listed = Manifest.read(path: root + "/clean/manifest.jsonl").values.flatMap(\.outputs)
    #expect(clean.count == listed.count && clean.count >= count * 2)
    #expect(resumed.keys.sorted() == clean.keys.sorted())
    #expect(resumed == clean)
    #expect(!resumed.keys.contains { $0.contains(".precis-tmp-") })
    let manifest = try Tree.manifestLines(root + "/out/manifest.jsonl")
    #expect(manifest.count == count)
    #expect(manifest == (try Tree.manifestLines(root + "/clean/manifest.jsonl")))
    let report = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: root + "/out/report.json")))
        as? [String: Any])
    let reused = try #require(report["reused"] as? Int)
    #expect(
      reused >= logged.count - 2 && reused < count,
      "resume should keep what the killed run finished")
  }

  /// Files that cannot be read are recorded one by one, the others processed, and the run
  /// exits 1 without crashing.
  @Test(arguments: [false, true])
  func recordsEveryBadFileAndGoesOn(followSymlinks: Bool) throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer {
      chmod(root + "/in/locked.txt", 0o644)
      TestPaths.removeTemporaryFolder(root)
    }
    let input = root + "/in"
    try FileManager.default.createDirectory(
      atPath: input + "/sub", withIntermediateDirectories: true)
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: URL(fileURLWithPath: input + "/" + name))
    }
    try write("good.txt", Array("A good file. It has two sentences.\n".utf8))
    try write("sub/good.txt", Array("Another one.\n".utf8))
    try write("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01, 0x02])
    try write(
      "invalid.txt", Array("caf".utf8) + [0xC3, 0xA9, 0x20, 0xFF, 0xFE, 0x20] + Array("bad\n".utf8))
    try write("empty.txt", [])
    // About 10 MB without a line break.
    let sentence = Array("Ein Satz ohne Zeilenumbruch, und noch einer. ".utf8)
    try write(
      "long.txt", Array([[UInt8]](repeating: sentence, count: 10_000_000 / sentence.count).joined())
    )
    #expect(mkfifo(input + "/fifo.txt", 0o644) == 0)
    try FileManager.default.createDirectory(
      atPath: input + "/folder.txt", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: input + "/dangling.txt", withDestinationPath: "missing.txt")
    try FileManager.default.createSymbolicLink(
      atPath: input + "/self.txt", withDestinationPath: "self.txt")
    try FileManager.default.createSymbolicLink(
      atPath: input + "/sub/loop", withDestinationPath: "..")
    if !Self.isRoot {
      try write("locked.txt", Array("Nobody may read this.\n".utf8))
      chmod(input + "/locked.txt", 0)
    }

    var arguments = ["run", input, "--output", root + "/out", "--jobs", "2", "--quiet"]
    if followSymlinks { arguments.append("--follow-symlinks") }
    #expect(try PrecisProcess.run(arguments) == 1)

    let entries = Manifest.read(path: root + "/out/manifest.jsonl")
    var expected: [String: ManifestEntry.Status] = [
      "good.txt": .ok, "sub/good.txt": .ok, "empty.txt": .ok, "long.txt": .ok,
      "binary.txt": .error, "invalid.txt": .error, "fifo.txt": .error,
      "dangling.txt": followSymlinks ? .error : .skipped,
      "self.txt": followSymlinks ? .error : .skipped,
      "sub/loop": followSymlinks ? .error : .skipped,
    ]
    if !Self.isRoot { expected["locked.txt"] = .error }
    #expect(entries.mapValues(\.status) == expected)
    for (path, entry) in entries where entry.status != .ok {
      #expect(entry.error?.hasPrefix(path + ": ") == true, "\(path): \(entry.error ?? "no error")")
      #expect(entry.outputs.isEmpty)
    }
    #expect((entries["long.txt"]?.segments ?? 0) > 100_000)
    #expect(entries["empty.txt"]?.segments == 0)
    #expect(FileManager.default.fileExists(atPath: root + "/out/sub/good.segments.jsonl"))
    #expect(!FileManager.default.fileExists(atPath: root + "/out/binary.segments.tsv"))
  }

  /// Shards 1/3, 2/3 and 3/3 into one folder write exactly what one unsharded run writes.
  @Test func threeShardsEqualOneRun() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    try Tree.makeArticles(in: root + "/in", count: 90, repeats: 1)
    #expect(
      try PrecisProcess.run(["run", root + "/in", "--output", root + "/whole", "--quiet"]) == 0)
    for k in 1...3 {
      #expect(
        try PrecisProcess.run([
          "run", root + "/in", "--output", root + "/parts", "--shard", "\(k)/3", "--quiet",
        ]) == 0)
    }
    let whole = Tree.files(root + "/whole", excluding: isManifestOrReport)
    #expect(whole.count == Manifest.read(path: root + "/whole/manifest.jsonl").values.flatMap(\.outputs).count)
    #expect(whole.count >= 180)
    #expect(Tree.files(root + "/parts", excluding: isManifestOrReport) == whole)
    var shardLines: [String] = []
    for k in 1...3 {
      let lines = try Tree.manifestLines(root + "/parts/manifest.\(k)-of-3.jsonl")
      #expect(!lines.isEmpty)
      shardLines += lines
    }
    #expect(
      shardLines.sorted() == (try Tree.manifestLines(root + "/whole/manifest.jsonl")).sorted())
  }

  @Test func rejectsUsageErrorsWith64() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let corpora = TestPaths.corpora
    #expect(
      try PrecisProcess.run(["run", corpora, "--output", root + "/o", "--shard", "4/3"]) == 64)
    #expect(try PrecisProcess.run(["run", corpora, "--output", root + "/o", "--jobs", "0"]) == 64)
    #expect(try PrecisProcess.run(["run", root + "/missing", "--output", root + "/o"]) == 64)
    #expect(try PrecisProcess.run(["run", corpora, "--output", corpora]) == 64)
    #expect(!FileManager.default.fileExists(atPath: root + "/o"))
  }

  /// `precis stream` gives the segments `precis run` writes, one result per input line.
  @Test func streamGivesTheSegmentsOfRun() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    #expect(
      try PrecisProcess.run(["run", TestPaths.corpora, "--output", root + "/out", "--quiet"]) == 0)
    let files = TestPaths.corporaFiles().filter {
      !$0.hasPrefix("mixed/encodings-") || $0.hasSuffix(".utf8.txt")
    }
    var input = ""
    for path in files {
      let text = String(decoding: try TestPaths.corporaBytes(path), as: UTF8.self)
      input += "{\"path\":\(JSONText.quoted(path)),\"text\":\(JSONText.quoted(text))}\n"
    }
    input += "this line is not JSON\n"
    let (status, output) = try PrecisProcess.run(
      ["stream", "--outputs", "none", "--jobs", "2"], input: Data(input.utf8))
    #expect(status == 0)
    let lines = output.split(separator: 0x0A)
    #expect(lines.count == files.count + 1)
    for (path, line) in zip(files, lines) {
      let result = try #require(
        try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
      #expect(result["path"] as? String == path)
      let segments = try #require(result["segments"] as? [[String: Any]])
      let written = try String(
        contentsOfFile: root + "/out/" + BatchRunner.baseName(of: path) + ".segments.jsonl",
        encoding: .utf8)
      let expected = try written.split(separator: "\n").map { line in
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      }
      #expect(
        segments.map { $0["id"] as? String } == expected.map { $0["id"] as? String }, "\(path)")
      #expect(
        segments.map { $0["text"] as? String } == expected.map { $0["text"] as? String }, "\(path)")
      #expect(
        segments.map { $0["start"] as? Int } == expected.map { $0["start"] as? Int }, "\(path)")
    }
    let last = try #require(
      try JSONSerialization.jsonObject(with: Data(lines.last ?? Data())) as? [String: Any])
    #expect(last["line"] as? Int == files.count + 1)
    #expect(last["error"] is String)
  }
}
