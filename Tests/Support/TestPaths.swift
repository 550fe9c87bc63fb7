import Foundation
@_exported import PrecisTestGenerators

/// Where the project's own files and the data kept beside it are, found from this file.
public enum TestPaths {
  /// The package root (the folder holding Package.swift).
  public static let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }()

  /// `corpora/`.
  public static var corpora: String { packageRoot + "/corpora" }

  /// `pipelines/`.
  public static var pipelines: String { packageRoot + "/pipelines" }

  /// `../shared` beside the project, or the folder `PRECIS_SHARED` names (for worktrees
  /// that live elsewhere).
  public static var shared: String {
    if let path = ProcessInfo.processInfo.environment["PRECIS_SHARED"], !path.isEmpty { return path }
    return URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared").path
  }

  /// Every corpora file, relative to `corpora/`, sorted.
  public static func corporaFiles() -> [String] {
    let root = corpora
    let enumerator = FileManager.default.enumerator(atPath: root)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      if path.hasSuffix(".txt") { files.append(path) }
    }
    return files.sorted()
  }

  /// The bytes of a file under `corpora/`.
  public static func corporaBytes(_ relative: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: corpora + "/" + relative)))
  }

  /// A new empty temporary folder; remove it with `removeTemporaryFolder` in a `defer`.
  public static func makeTemporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "precis-test-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A new temporary folder holding `files` (relative path → text), folders made as needed.
  public static func makeTemporaryFolder(with files: [String: String]) throws -> String {
    let root = try makeTemporaryFolder()
    for (path, text) in files {
      let url = URL(fileURLWithPath: root + "/" + path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  /// Removes a folder made by `makeTemporaryFolder`.
  public static func removeTemporaryFolder(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// Whether the data kept beside the project (`../shared`) is there.
public enum SharedData {
  public static var isAvailable: Bool {
    FileManager.default.fileExists(atPath: TestPaths.shared + "/data/segmentation/golden_rules.jsonl")
  }
}

/// Runs the built `precis` executable.
public enum PrecisBinary {
  /// The executable, next to the test bundle (the test targets depend on it).
  public static let path: String = {
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [
      bundleDirectory.appendingPathComponent("precis").path,
      bundleDirectory.deletingLastPathComponent().appendingPathComponent("precis").path,
      TestPaths.packageRoot + "/.build/debug/precis",
    ] where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    return TestPaths.packageRoot + "/.build/debug/precis"
  }()

  /// What a run printed and its exit status.
  public struct Outcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs `precis` with `arguments`, feeding `input` on standard input.
  public static func run(_ arguments: [String], input: [UInt8] = [], in directory: String? = nil) throws -> Outcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Read both pipes concurrently so a full pipe cannot block the child.
    nonisolated(unsafe) var errData = Data()
    let errThread = Thread { errData = stderr.fileHandleForReading.readDataToEndOfFile() }
    errThread.start()
    if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
    try stdin.fileHandleForWriting.close()
    let outData = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errThread.isExecuting || !errThread.isFinished { usleep(1000) }
    return Outcome(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }
}
