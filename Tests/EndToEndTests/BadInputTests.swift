import Foundation
import PrecisRunner
import PrecisTestSupport
import Testing

/// Bad input through the built `precis`, made by the tests in temporary folders: each case
/// ends in output or in one clear error line (file, place, what to do), with the exit
/// status of the CLI contract, without a crash or a hang, and with no temporary or half
/// files left in the output folder.
@Suite struct BadInputTests {
  /// What one run did.
  struct Outcome {
    var status: Int32
    var stdout: Data
    var stderr: String
    var timedOut: Bool
    var crashed: Bool

    var output: String { String(decoding: stdout, as: UTF8.self) }
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  /// Runs `precis arguments…` (through `/bin/sh -c` with `shell` before it, when given),
  /// killing it after `seconds`.
  static func run(
    _ arguments: [String], input: Data = Data(), in folder: String? = nil, shell: String? = nil,
    seconds: Double = 120
  ) throws -> Outcome {
    let process = Process()
    if let shell {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      let quoted = ([PrecisBinary.path] + arguments).map {
        "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
      }
      process.arguments = ["-c", shell + "; exec " + quoted.joined(separator: " ")]
    } else {
      process.executableURL = URL(fileURLWithPath: PrecisBinary.path)
      process.arguments = arguments
    }
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    signal(SIGPIPE, SIG_IGN)
    try process.run()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    let group = DispatchGroup()
    group.enter()
    Thread {
      out = stdout.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }.start()
    group.enter()
    Thread {
      err = stderr.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }.start()
    let writer = stdin.fileHandleForWriting
    Thread {
      if !input.isEmpty { writer.write(input) }
      try? writer.close()
    }.start()
    let timedOut = group.wait(timeout: .now() + seconds) == .timedOut
    if timedOut {
      kill(process.processIdentifier, SIGKILL)
      group.wait()
    }
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, stdout: out, stderr: String(decoding: err, as: UTF8.self),
      timedOut: timedOut, crashed: process.terminationReason == .uncaughtSignal && !timedOut)
  }

  /// Expects the run to end by itself, without a crash.
  static func expectEnded(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!outcome.timedOut, "hung", sourceLocation: sourceLocation)
    #expect(!outcome.crashed, "crashed: \(outcome.stderr)", sourceLocation: sourceLocation)
  }

  /// Expects exactly one line on standard error, `precis: …` holding every piece of `parts`.
  static func expectOneErrorLine(
    _ outcome: Outcome, status: Int32 = 1, containing parts: [String],
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    expectEnded(outcome, sourceLocation: sourceLocation)
    #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
    #expect(outcome.errorLines.count == 1, "\(outcome.stderr)", sourceLocation: sourceLocation)
    let line = outcome.errorLines.first ?? ""
    #expect(line.hasPrefix("precis: "), "\(line)", sourceLocation: sourceLocation)
    for part in parts {
      #expect(line.contains(part), "\(line) lacks \(part)", sourceLocation: sourceLocation)
    }
  }

  /// Every file below `folder`, relative to it.
  static func listing(_ folder: String) -> [String] {
    ((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  /// Expects no temporary file of precis below `folder`.
  static func expectNoLeftovers(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation)
  {
    let left = listing(folder).filter { $0.contains(AtomicFile.marker) }
    #expect(left.isEmpty, "left behind: \(left)", sourceLocation: sourceLocation)
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  // MARK: - Bytes that are not quite text

  struct DecodeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// The lines `split` prints, or `nil` when it must refuse the file.
    var lines: [String]?
    /// What the error line must hold besides the file name.
    var error: [String] = []
    var testDescription: String { name }
  }

  static let decodeCases: [DecodeCase] = [
    DecodeCase(
      name: "truncated.txt", bytes: Array("Hello world. Caf".utf8) + [0xC3], lines: nil,
      error: ["offset 16", "--encoding"]),
    DecodeCase(
      name: "truncated-in-text.txt",
      bytes: Array("Grüße aus Köln. Zweiter Satz ".utf8) + [0xE2, 0x82] + Array(" hier.".utf8),
      lines: nil, error: ["invalid UTF-8 (byte 0xE2 at offset 32)", "--encoding"]),
    // Overlong forms are not UTF-8, and too little text to tell which encoding it is.
    DecodeCase(
      name: "overlong.txt",
      bytes: Array("Hello ".utf8) + [0xC0, 0xAF] + Array(" world. Bye.".utf8),
      lines: nil, error: ["not UTF-8 (first bad byte at offset 6)", "--encoding NAME"]),
    DecodeCase(
      name: "utf16le.txt", bytes: utf16("Hello world. Second sentence here.\n", bigEndian: false),
      lines: ["Hello world.", "Second sentence here."]),
    DecodeCase(
      name: "utf16be.txt", bytes: utf16("Hello world. Second sentence here.\n", bigEndian: true),
      lines: ["Hello world.", "Second sentence here."]),
    DecodeCase(name: "bom-only.txt", bytes: [0xEF, 0xBB, 0xBF], lines: []),
    DecodeCase(name: "utf16-bom-only.txt", bytes: [0xFF, 0xFE], lines: []),
    DecodeCase(
      name: "nul.txt", bytes: Array("Hello".utf8) + [0] + Array("world. Bye.".utf8), lines: nil,
      error: ["looks binary", "offset 5"]),
  ]

  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
      bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
  }

  @Test(arguments: decodeCases)
  func splitReadsOrRefusesWithOneLine(_ c: DecodeCase) throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    try Self.write(c.bytes, to: folder + "/" + c.name)
    let outcome = try Self.run(["split", c.name], in: folder)
    if let lines = c.lines {
      Self.expectEnded(outcome)
      #expect(outcome.status == 0, "\(outcome.stderr)")
      #expect(outcome.stderr.isEmpty)
      #expect(outcome.output.split(separator: "\n").map(String.init) == lines)
    } else {
      Self.expectOneErrorLine(outcome, containing: [c.name + ":"] + c.error)
      #expect(outcome.stdout.isEmpty)
    }
  }

  /// The same files in a batch: the good ones are written, each bad one is one manifest line
  /// with its error, and the run exits 1.
  @Test func aBatchOfDamagedFilesGoesOn() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    for c in Self.decodeCases { try Self.write(c.bytes, to: root + "/in/" + c.name) }
    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1)
    let manifest = Manifest.read(path: root + "/out/manifest.jsonl")
    #expect(manifest.count == Self.decodeCases.count)
    for c in Self.decodeCases {
      let entry = try #require(manifest[c.name])
      #expect((entry.status == .ok) == (c.lines != nil), "\(c.name): \(entry.error ?? "")")
      if c.lines == nil {
        #expect(entry.outputs.isEmpty)
        #expect(outcome.stderr.contains(c.name + ": "))
      }
    }
    Self.expectNoLeftovers(root + "/out")
  }

  // MARK: - Huge inputs

  /// 10 MB of sentences without a line break: split, nothing lost (the segments hold every
  /// byte but the spaces between them).
  @Test func tenMegabytesWithoutALineBreak() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let sentence = Array("Dr. Smith paid 3.14 euros for the naïve café, e.g. here. ".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(10_000_000 + sentence.count)
    while bytes.count < 10_000_000 { bytes += sentence }
    try Self.write(bytes, to: folder + "/long.txt")
    let outcome = try Self.run(["split", "long.txt", "--lang", "en"], in: folder)
    Self.expectEnded(outcome)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    let lines = outcome.stdout.count { $0 == 0x0A }
    #expect(lines > 1000)
    #expect(outcome.stdout.filter { $0 != 0x0A && $0 != 0x20 } == Data(bytes.filter { $0 != 0x20 }))
  }

  /// A million one-word paragraphs: a million segments, in order.
  @Test func aMillionOneWordParagraphs() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let count = 1_000_000
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 8)
    for i in 0..<count {
      bytes += Array("w\(i % 10_000)".utf8)
      bytes += [0x0A, 0x0A]
    }
    try Self.write(bytes, to: folder + "/many.txt")
    let outcome = try Self.run(["split", "many.txt", "--lang", "en"], in: folder)
    Self.expectEnded(outcome)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.count { $0 == 0x0A } == count)
    #expect(outcome.output.hasPrefix("w0\nw1\nw2\n"))
  }

  // MARK: - Folders and names

  @Test func foldersAHundredLevelsDeep() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let deep = (1...100).map { "d\($0)" }.joined(separator: "/")
    try Self.write(Array("Deep down. Still text.\n".utf8), to: root + "/in/" + deep + "/a.txt")
    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root)
    Self.expectEnded(outcome)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(FileManager.default.fileExists(atPath: root + "/out/" + deep + "/a.segments.tsv"))
    Self.expectNoLeftovers(root + "/out")
  }

  /// Spaces, quotes and a line break are ordinary names; a name that is not UTF-8 is
  /// recorded as an error with its bytes shown, and the rest go on.
  @Test func awkwardFileNames() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let text = Array("One sentence. Another one.\n".utf8)
    let good = ["with space.txt", "quote\"s'.txt", "new\nline.txt"]
    for name in good { try Self.write(text, to: root + "/in/" + name) }
    // "bad\xFF\xFEname.txt", made with the raw bytes.
    var raw = Array((root + "/in/bad").utf8) + [0xFF, 0xFE] + Array("name.txt".utf8)
    raw.append(0)
    let fd = raw.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
    }
    try #require(fd >= 0)
    _ = text.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    close(fd)

    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1)
    #expect(
      outcome.errorLines == [
        "precis: bad\\xFF\\xFEname.txt: the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it in UTF-8 to read it",
        "3 written, 1 failed",
      ])
    let manifest = Manifest.read(path: root + "/out/manifest.jsonl")
    for name in good {
      #expect(manifest[name]?.status == .ok, "\(name)")
      let base = String(name.dropLast(4))
      #expect(FileManager.default.fileExists(atPath: root + "/out/" + base + ".segments.tsv"))
    }
    #expect(manifest["bad\\xFF\\xFEname.txt"]?.status == .error)
    Self.expectNoLeftovers(root + "/out")
  }

  // MARK: - Outputs that cannot be written

  static let isRoot = geteuid() == 0

  @Test(.enabled(if: !isRoot, "root writes into read-only folders"))
  func readOnlyOutputFolder() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer {
      chmod(root + "/out", 0o755)
      TestPaths.removeTemporaryFolder(root)
    }
    try Self.write(Array("Text. More text.\n".utf8), to: root + "/in/a.txt")
    try FileManager.default.createDirectory(
      atPath: root + "/out", withIntermediateDirectories: true)
    chmod(root + "/out", 0o555)
    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root)
    Self.expectOneErrorLine(outcome, containing: ["out/manifest.jsonl", "Permission denied"])
    #expect(Self.listing(root + "/out").isEmpty)
  }

  /// A file where the output needs a folder: that input fails with the reason; others go on.
  @Test func aFileInTheWayOfAnOutputFolder() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    try Self.write(Array("Text. More text.\n".utf8), to: root + "/in/de/a.txt")
    try Self.write(Array("Other. Text.\n".utf8), to: root + "/in/b.txt")
    try Self.write(Array("not a folder".utf8), to: root + "/out/de")
    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1)
    #expect(outcome.errorLines.count == 2)
    #expect(
      outcome.errorLines.first?.contains("is in the way and is not a folder; remove it") == true)
    let manifest = Manifest.read(path: root + "/out/manifest.jsonl")
    #expect(manifest["de/a.txt"]?.status == .error)
    #expect(manifest["b.txt"]?.status == .ok)
    Self.expectNoLeftovers(root + "/out")
  }

  /// Writes that fail half-way (a file size limit, as a full disk would): the input whose
  /// outputs do not fit fails with one line, none of its files stays (not even the ones that
  /// were complete), and the small input is written.
  @Test func aWriteThatFailsHalfWay() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    var big: [UInt8] = []
    while big.count < 1_500_000 { big += Array("A sentence of some length goes here. ".utf8) }
    try Self.write(big, to: root + "/in/big.txt")
    try Self.write(Array("Small. File.\n".utf8), to: root + "/in/small.txt")
    // 1 MB per file (in 512-byte blocks); SIGXFSZ ignored, so a write past it fails (EFBIG).
    let limit = "trap '' XFSZ; ulimit -f 2048"
    let outcome = try Self.run(["run", "in", "--output", "out", "--quiet"], in: root, shell: limit)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1)
    #expect(outcome.errorLines.count == 2, "\(outcome.stderr)")
    #expect(outcome.errorLines.first?.contains("big.") == true)
    #expect(outcome.errorLines.first?.contains("write failed") == true)
    #expect(outcome.errorLines.first?.contains("nothing was written") == true)
    #expect(outcome.errorLines.last == "1 written, 1 failed")
    let files = Self.listing(root + "/out")
    #expect(!files.contains { $0.hasPrefix("big.") }, "\(files)")
    #expect(files.contains("small.segments.tsv"))
    Self.expectNoLeftovers(root + "/out")

    // prepare: the aligned files fit, the XLIFF does not; none stays.
    let prepare = try Self.run(
      ["prepare", "in/big.txt", "--to", "fr", "--format", "aligned,xliff2", "--output", "prep"],
      in: root, shell: "trap '' XFSZ; ulimit -f 3500")
    Self.expectOneErrorLine(
      prepare, containing: ["big.fr.xlf", "write failed", "nothing was written"])
    #expect(Self.listing(root + "/prep").isEmpty, "\(Self.listing(root + "/prep"))")
  }

  /// Every format is written a piece at a time: one whose file does not fit fails half-way
  /// through it, and neither that file nor its temporary file stays, in `prepare` and in a
  /// batch (the summary, as long as the text, in a batch only).
  @Test(arguments: ["xliff2", "xliff12", "tmx", "po", "aligned", "tsv", "summary"])
  func eachFormatThatFailsHalfWayLeavesNothing(format: String) throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    var big: [UInt8] = []
    var k = 0
    while big.count < 1_500_000 {
      big += Array("Sentence \(k) of some length goes here, with <b>{name}</b> & more. ".utf8)
      k += 1
    }
    try Self.write(big, to: root + "/in/big.txt")
    try Self.write(Array("Small. File.\n".utf8), to: root + "/in/small.txt")
    // 1 MB per file (in 512-byte blocks); SIGXFSZ ignored, so a write past it fails (EFBIG).
    let limit = "trap '' XFSZ; ulimit -f 2048"
    if format != "summary" {
      let prepare = try Self.run(
        ["prepare", "in/big.txt", "--to", "fr", "--format", format, "--output", "prep"],
        in: root, shell: limit)
      Self.expectOneErrorLine(prepare, containing: ["big.", "write failed", "nothing was written"])
      #expect(Self.listing(root + "/prep").isEmpty, "\(Self.listing(root + "/prep"))")
    }
    let length = format == "summary" ? "    ratio: 1\n" : "    to: [fr]\n"
    let pipeline =
      "version: 1\nstages:\n  - kind: normalize\n  - kind: detect\n  - kind: split\n"
      + "  - kind: classify\n  - kind: score\noutputs:\n  - format: \(format)\n\(length)"
    try Self.write(Array(pipeline.utf8), to: root + "/p.yaml")
    let outcome = try Self.run(
      ["run", "in", "--pipeline", "p.yaml", "--output", "out", "--quiet"], in: root,
      shell: limit)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1, "\(outcome.stderr)")
    #expect(outcome.errorLines.first?.contains("big.") == true, "\(outcome.stderr)")
    #expect(outcome.errorLines.first?.contains("write failed") == true, "\(outcome.stderr)")
    // The manifest's line for the big input holds its summary too, so it does not fit either.
    #expect(
      outcome.errorLines.last
        == (format == "summary"
          ? "precis: out/manifest.jsonl: cannot add to the manifest (File too large)"
          : "1 written, 1 failed"),
      "\(outcome.stderr)")
    let files = Self.listing(root + "/out")
    #expect(!files.contains { $0.hasPrefix("big.") }, "\(files)")
    #expect(files.contains { $0.hasPrefix("small.") }, "\(files)")
    Self.expectNoLeftovers(root + "/out")
  }

  // MARK: - Pipeline and rule files that would never end

  static let bombs: [String] = {
    // Ten levels of nine aliases each, inside the list of target languages.
    var languages = "&l0 [fr, fr, fr, fr, fr, fr, fr, fr, fr]"
    for level in 1...9 {
      let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
      languages += ", &l\(level) [\(aliases)]"
    }
    return [
      """
      version: 1
      stages:
        - kind: normalize
          form: &a0 [&a1 [&a2 [lol, lol, lol, lol, lol, lol, lol, lol, lol]]]
      """,
      "version: 1\nstages:\n  - kind: normalize\noutputs:\n  - format: xliff2\n    to: [\(languages)]\n",
    ]
  }()

  /// "Billion laughs": ten levels of nine aliases stand for 9^10 values.
  @Test(arguments: bombs)
  func aliasBombsAreRefused(pipeline: String) throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    try Self.write(Array("Text.\n".utf8), to: root + "/in/a.txt")
    try Self.write(Array(pipeline.utf8), to: root + "/bomb.yaml")
    let outcome = try Self.run(
      ["run", "in", "--pipeline", "bomb.yaml", "--output", "out"], in: root, seconds: 60)
    if pipeline.contains("*") {
      Self.expectOneErrorLine(
        outcome, status: 64, containing: ["bomb.yaml:", "YAML alias", "write the value out"])
    } else {
      // No alias: the value is refused for its type.
      Self.expectOneErrorLine(outcome, status: 64, containing: ["bomb.yaml:4:", "'form'"])
    }
    #expect(!FileManager.default.fileExists(atPath: root + "/out/a.segments.tsv"))
  }

  /// `(a+)+b` on a long run of a's backtracks for ever; ICU's time limit stops it and the
  /// rule is skipped with a warning naming it; the text is split by the other rules.
  @Test func catastrophicSRXRuleGivesAWarningNotAHang() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let srx = """
      <?xml version="1.0" encoding="UTF-8"?>
      <srx xmlns="http://www.lisa.org/srx20" version="2.0">
        <header segmentsubflows="yes" cascade="no"/>
        <body>
          <languagerules>
            <languagerule languagerulename="Default">
              <rule break="yes"><beforebreak>(a+)+b</beforebreak><afterbreak></afterbreak></rule>
              <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule>
          </languagerules>
          <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules>
        </body>
      </srx>
      """
    try Self.write(Array(srx.utf8), to: root + "/evil.srx")
    let run = String(repeating: "a", count: 30_000)
    try Self.write(Array("Start here. \(run)c. End here.\n".utf8), to: root + "/a.txt")
    let outcome = try Self.run(["split", "a.txt", "--srx", "evil.srx"], in: root, seconds: 60)
    Self.expectEnded(outcome)
    #expect(outcome.status == 0)
    #expect(outcome.output == "Start here.\n\(run)c.\nEnd here.\n")
    #expect(outcome.errorLines.count == 1, "\(outcome.stderr)")
    let warning = outcome.errorLines.first ?? ""
    #expect(warning.hasPrefix("precis: warning: evil.srx:7: "))
    #expect(warning.contains("rule 1") && warning.contains("(a+)+b") && warning.contains("skipped"))
  }

  // MARK: - The file size limit

  @Test func filesOverTheLimitAreRefused() throws {
    let root = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(root) }
    let big = Array(String(repeating: "Some words. ", count: 200).utf8)  // 2,400 bytes
    try Self.write(big, to: root + "/in/big.txt")
    try Self.write(Array("Small. File.\n".utf8), to: root + "/in/small.txt")
    let refusal = [
      "big.txt: is 2.3K (2400 bytes), over the 1K limit on input files; pass --max-file-size 1M (or more) to read it, or split the file"
    ]

    let commands: [[String]] = [
      ["split"], ["normalize"], ["detect"], ["summarize"],
      ["prepare", "--to", "fr", "--output", "prep"],
    ]
    for command in commands {
      let outcome = try Self.run(command + ["in/big.txt", "--max-file-size", "1K"], in: root)
      Self.expectOneErrorLine(outcome, containing: refusal.map { "in/" + $0 })
      #expect(outcome.stdout.isEmpty || command[0] == "prepare", "\(command)")
    }
    #expect(Self.listing(root + "/prep").isEmpty)
    let piped = try Self.run(["split", "--max-file-size", "1K"], input: Data(big))
    Self.expectOneErrorLine(
      piped, containing: ["standard input: passed the 1K limit", "--max-file-size"])

    // In a batch the file is an error and the rest go on; the flag wins over the pipeline.
    let outcome = try Self.run(
      ["run", "in", "--output", "out", "--quiet", "--max-file-size", "1K"], in: root)
    Self.expectEnded(outcome)
    #expect(outcome.status == 1)
    #expect(outcome.errorLines == ["precis: " + refusal[0], "1 written, 1 failed"])
    let manifest = Manifest.read(path: root + "/out/manifest.jsonl")
    #expect(manifest["big.txt"]?.error == refusal[0])
    #expect(manifest["small.txt"]?.status == .ok)

    let pipeline = "version: 1\ninput:\n  max-file-size: 1K\nstages:\n  - kind: normalize\n"
    try Self.write(Array(pipeline.utf8), to: root + "/limit.yaml")
    let limited = try Self.run(
      ["run", "in", "--pipeline", "limit.yaml", "--output", "out2", "--quiet"], in: root)
    #expect(limited.status == 1)
    #expect(Manifest.read(path: root + "/out2/manifest.jsonl")["big.txt"]?.status == .error)
    let raised = try Self.run(
      [
        "run", "in", "--pipeline", "limit.yaml", "--output", "out3", "--quiet", "--max-file-size",
        "1M",
      ],
      in: root)
    #expect(raised.status == 0, "\(raised.stderr)")
    Self.expectNoLeftovers(root)

    let bad = try Self.run(["split", "in/small.txt", "--max-file-size", "lots"], in: root)
    #expect(bad.status == 64)
  }

  /// `stream`: a line over the limit is skipped as it is read (memory holds at most the
  /// limit) and gets an error result in its place; the lines around it go through.
  @Test func streamSkipsALineOverTheLimit() throws {
    let long = "{\"id\": \"b\", \"text\": \"" + String(repeating: "Long text. ", count: 400) + "\"}"
    let input =
      "{\"id\": \"a\", \"text\": \"One. Two.\"}\n\(long)\n{\"id\": \"c\", \"text\": \"Three.\"}\n\(long)"
    let outcome = try Self.run(
      ["stream", "--max-file-size", "1K", "--outputs", "none"], input: Data(input.utf8))
    Self.expectEnded(outcome)
    let lines = outcome.output.split(separator: "\n").map(String.init)
    #expect(lines.count == 4, "\(outcome.output)")
    let refusal =
      "longer than the 1K limit on a document; skipped; pass --max-file-size with a larger size, or split the document"
    #expect(lines.count == 4 && lines[0].contains("\"a\"") && !lines[0].contains("\"error\""))
    #expect(lines.count == 4 && lines[1] == "{\"line\":2,\"error\":\"\(refusal)\"}")
    #expect(lines.count == 4 && lines[2].contains("\"c\"") && !lines[2].contains("\"error\""))
    #expect(lines.count == 4 && lines[3] == "{\"line\":4,\"error\":\"\(refusal)\"}")
  }
}
