import Foundation
import PrecisTestSupport
import Testing

@Suite struct CommandLineTests {
  @Test func splitPrintsJSONLinesWithOffsetsIntoTheNormalisedText() throws {
    let text = "Caf\u{65}\u{301} noir. Deuxième phrase!\r\n\r\nNouveau paragraphe."
    let outcome = try PrecisBinary.run(["split", "--lang", "fr", "--format", "jsonl"], input: Array(text.utf8))
    #expect(outcome.status == 0)
    let normalized = try PrecisBinary.run(["normalize"], input: Array(text.utf8)).stdout
    let bytes = Array(normalized.utf8)
    let lines = outcome.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    for line in lines {
      let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let start = try #require(object["start"] as? Int)
      let end = try #require(object["end"] as? Int)
      #expect(String(decoding: bytes[start..<end], as: UTF8.self) == object["text"] as? String)
      #expect(object["paragraph"] is Int)
    }
  }

  @Test func splitReadsFilesAndPrintsLines() throws {
    let outcome = try PrecisBinary.run(["split", "--lang", "de", TestPaths.corpora + "/de/radweg-eroeffnung.txt"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.split(separator: "\n").count > 10)
  }

  @Test(arguments: [
    ("invalid.txt", Array("Grüße ".utf8) + [0xFF, 0xFE, 0x41] + Array(" ünd".utf8), "invalid UTF-8"),
    ("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00] as [UInt8], "looks binary"),
  ])
  func badInputGivesOneLineAndNonZeroExit(name: String, bytes: [UInt8], reason: String) throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let path = folder + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    for command in [["split", path], ["normalize", path]] {
      let outcome = try PrecisBinary.run(command)
      #expect(outcome.status == 1)
      #expect(outcome.stdout.isEmpty)
      let lines = outcome.stderr.split(separator: "\n")
      #expect(lines.count == 1)
      #expect(lines.first?.contains(path) == true && lines.first?.contains(reason) == true, "\(outcome.stderr)")
    }
    // A batch records the file and writes nothing for it.
    let output = folder + "/out"
    let run = try PrecisBinary.run(["run", folder, "--output", output, "--quiet"])
    #expect(run.status == 1)
    let written = try FileManager.default.contentsOfDirectory(atPath: output)
    #expect(written.sorted() == ["manifest.jsonl", "report.json"])
  }

  @Test(arguments: [
    ("mixed/encodings-fr.windows-1252.txt", "mixed/encodings-fr.utf8.txt"),
    ("mixed/encodings-fr.utf16le.txt", "mixed/encodings-fr.utf8.txt"),
    ("mixed/encodings-ja.shift_jis.txt", "mixed/encodings-ja.utf8.txt"),
  ])
  func legacyEncodingsNormaliseToTheirUTF8Twin(legacy: String, twin: String) throws {
    let a = try PrecisBinary.run(["normalize", TestPaths.corpora + "/" + legacy])
    let b = try PrecisBinary.run(["normalize", TestPaths.corpora + "/" + twin])
    #expect(a.status == 0 && b.status == 0)
    #expect(Array(a.stdout.utf8) == Array(b.stdout.utf8))
  }

  @Test func unknownEncodingIsAUsageError() throws {
    let outcome = try PrecisBinary.run(["split", "--encoding", "klingon-8", "-"], input: Array("x".utf8))
    #expect(outcome.status == 64)
  }

  @Test func runProcessesEveryCorporaFile() throws {
    let output = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(output) }
    let outcome = try PrecisBinary.run(["run", TestPaths.corpora, "--output", output, "--quiet"])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let manifest = try String(contentsOfFile: output + "/manifest.jsonl", encoding: .utf8)
    #expect(manifest.split(separator: "\n").count == TestPaths.corporaFiles().count)
    #expect(!manifest.contains("\"status\":\"error\""))
  }

  @Test func badPipelineFileIsReportedWithItsPlace() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let pipeline = folder + "/p.yaml"
    try "version: 1\nstages:\n  - kind: normalize\n    from: nfc\n".write(toFile: pipeline, atomically: true, encoding: .utf8)
    let outcome = try PrecisBinary.run(["run", TestPaths.corpora, "--pipeline", pipeline, "--output", folder + "/out"])
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains("p.yaml:4:5: unknown option 'from' for stage 'normalize'; known options: form"))
  }
}
