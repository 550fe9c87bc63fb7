import Foundation
import PrecisTestSupport
import Testing

@Suite struct PrepareMergeTests {
  static let formats = "xliff2,xliff12,tmx,po,aligned,tsv"

  /// The language of a corpora file: its folder's name, or none for `mixed/`.
  static func language(of path: String) -> String? {
    let folder = String(path.prefix { $0 != "/" })
    return folder == "mixed" ? nil : folder
  }

  /// Prepares every corpora file in every format into `folder`, mirroring `corpora/`. The
  /// target is Finnish, which no corpora file is written in, so no target is skipped.
  static func prepareCorpora(into folder: String, fill: [String] = []) throws {
    for path in TestPaths.corporaFiles() {
      let language = language(of: path)
      var arguments = ["prepare", TestPaths.corpora + "/" + path, "--to", "fi", "--format", formats]
      if let language { arguments += ["--from", language] }
      arguments += ["--output", folder + "/" + String(path.prefix { $0 != "/" })] + fill
      let outcome = try PrecisBinary.run(arguments)
      #expect(outcome.status == 0, "\(path): \(outcome.stderr)")
    }
  }

  @Test(.enabled(if: SharedData.isAvailable, "needs ../shared"))
  func preparedCorporaPassValidateSegments() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    try Self.prepareCorpora(into: folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TestPaths.shared + "/tools/validate-segments")
    process.arguments = ["-q", folder]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    let files = TestPaths.corporaFiles().count * 4  // xliff2, xliff12, tmx, po
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(
      text.hasSuffix("validate-segments: \(files) files, \(files) passed, 0 failed\n"), "\(text)")
  }

  @Test func copiedSourcesMergeBackToTheNormalisedInput() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    for (path, source) in [
      ("en/library-budget.txt", "en"), ("ja/taifu-kunren.txt", "ja"),
      ("mixed/encodings-ru.koi8-r.txt", "ru"),
    ] {
      let arguments = [
        "prepare", TestPaths.corpora + "/" + path, "--to", "fr", "--from", source, "--format",
        Self.formats, "--output", folder, "--copy-source",
      ]
      let prepared = try PrecisBinary.run(arguments)
      #expect(prepared.status == 0, "\(prepared.stderr)")
      let normalized = try PrecisBinary.run(["normalize", TestPaths.corpora + "/" + path]).stdout
      let base = folder + "/" + String(path.split(separator: "/").last!.dropLast(4))
      for file in [
        "\(base).fr.xlf", "\(base).fr.xliff12.xlf", "\(base).\(source)-fr.tmx", "\(base).fr.po",
        "\(base).fr.txt", "\(base).segments.tsv",
      ] {
        let merged = try PrecisBinary.run(["merge", file, "--output", folder + "/merged.txt"])
        #expect(merged.status == 0, "\(file): \(merged.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/merged.txt"))
        #expect(Array(bytes) == Array(normalized.utf8), "\(file)")
      }
    }
  }

  @Test func twoRunsWriteTheSameBytes() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    for run in ["a", "b"] {
      let outcome = try PrecisBinary.run([
        "prepare", TestPaths.corpora + "/de/hochwasserschutz.txt",
        TestPaths.corpora + "/zh/gujizhan.txt",
        "--to", "fr,en", "--format", Self.formats, "--output", folder + "/" + run, "--pseudo",
      ])
      #expect(outcome.status == 0, "\(outcome.stderr)")
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/a").sorted()
    #expect(names == (try FileManager.default.contentsOfDirectory(atPath: folder + "/b").sorted()))
    // Per file and target: 5 files; per file: the aligned source, the TSV and the skeleton.
    #expect(names.count == 2 * (2 * 5 + 3))
    for name in names {
      let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a/" + name))
      let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b/" + name))
      #expect(a == b, "\(name)")
    }
  }

  @Test func mergeRefusesLostCodesWithOneLineAndWritesNothing() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let input = folder + "/note.txt"
    try "Hello {name}, you have %d messages.\n".write(
      toFile: input, atomically: true, encoding: .utf8)
    let prepared = try PrecisBinary.run([
      "prepare", input, "--to", "de", "--from", "en", "--format", "po", "--output", folder,
      "--copy-source",
    ])
    #expect(prepared.status == 0, "\(prepared.stderr)")
    let po = folder + "/note.de.po"
    let text = try String(contentsOfFile: po, encoding: .utf8)
      .replacingOccurrences(
        of: "msgstr \"Hello {name}, you have %d messages.\"",
        with: "msgstr \"Hallo, du hast %d Nachrichten.\"")
    try text.write(toFile: po, atomically: true, encoding: .utf8)
    let merged = try PrecisBinary.run(["merge", po, "--output", folder + "/note.de.txt"])
    #expect(merged.status == 1)
    #expect(merged.stderr.split(separator: "\n").count == 1)
    #expect(merged.stderr.contains("lost the code {name}"), "\(merged.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder + "/note.de.txt"))
  }

  @Test func mergeNeedsTheSkeletonAndSaysWhere() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let input = folder + "/note.txt"
    try "One. Two.\n".write(toFile: input, atomically: true, encoding: .utf8)
    #expect(
      try PrecisBinary.run(["prepare", input, "--to", "de", "--format", "tsv", "--output", folder])
        .status == 0)
    try FileManager.default.removeItem(atPath: folder + "/note.skeleton.json")
    let merged = try PrecisBinary.run(["merge", folder + "/note.segments.tsv"])
    #expect(merged.status == 1)
    #expect(
      merged.stderr.contains("needs its layout file \(folder)/note.skeleton.json"),
      "\(merged.stderr)")
  }

  @Test func prepareReportsCountsAsJSON() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let input = folder + "/note.txt"
    try "Hello {name}. See https://example.org now.\n\nHello {name}.\n".write(
      toFile: input, atomically: true, encoding: .utf8)
    let outcome = try PrecisBinary.run([
      "prepare", input, "--to", "de", "--from", "en", "--format", "xliff2", "--output", folder,
      "--report", "json",
    ])
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
    let total = try #require(object["total"] as? [String: Int])
    #expect(total["segments"] == 3 && total["words"] == 6 && total["placeholders"] == 2)
    #expect(total["repeated-segments"] == 1 && total["repeated-words"] == 2)
  }

  @Test(arguments: [
    (["prepare", "x.txt", "--to", "fr", "--format", "docx"], "unknown format 'docx'"),
    (
      ["prepare", "x.txt", "--to", "fr", "--copy-source", "--pseudo"],
      "choose --copy-source or --pseudo"
    ),
    (["prepare", "x.txt", "--to", "f!r"], "is not a language tag"),
    (["prepare", "x.txt", "--to", "en", "--from", "en"], "is the source language"),
  ])
  func badPrepareArgumentsAreUsageErrors(arguments: [String], message: String) throws {
    let outcome = try PrecisBinary.run(arguments)
    #expect(outcome.status == 64)
    #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
  }
}
