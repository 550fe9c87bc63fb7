import Foundation
import PrecisTestSupport

/// The built `precis` executable, run as a user would.
enum PrecisProcess {
  /// The executable beside the test bundle (the test target depends on it), else in `.build`.
  static let executable: String? = {
    var candidates: [URL] = []
    if let first = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    candidates.append(URL(fileURLWithPath: TestPaths.packageRoot + "/.build/debug"))
    for folder in candidates {
      let path = folder.appendingPathComponent("precis").path
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: path)
      {
        return path
      }
    }
    return nil
  }()

  /// Starts `precis arguments…` with standard input from `input` (or nothing).
  static func start(_ arguments: [String], input: Data? = nil, output: FileHandle? = nil) throws
    -> Process
  {
    guard let executable else { throw Missing() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = output ?? FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    if let input {
      // A process that stops reading early must fail its test, not kill the test runner.
      signal(SIGPIPE, SIG_IGN)
      let pipe = Pipe()
      process.standardInput = pipe
      try process.run()
      let writer = pipe.fileHandleForWriting
      Thread {
        writer.write(input)
        try? writer.close()
      }.start()
      return process
    }
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Runs `precis arguments…` to the end; returns its exit status.
  @discardableResult
  static func run(_ arguments: [String]) throws -> Int32 {
    let process = try start(arguments)
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Runs `precis arguments…` with `input` on standard input; returns its exit status and output.
  static func run(_ arguments: [String], input: Data) throws -> (Int32, Data) {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let path = folder + "/stdout"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    let process = try start(arguments, input: input, output: handle)
    process.waitUntilExit()
    try handle.close()
    return (process.terminationStatus, try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  struct Missing: Error, CustomStringConvertible {
    var description: String {
      "the built precis executable was not found beside the tests; run swift build first"
    }
  }
}

/// Files of a folder tree, for comparing two runs.
enum Tree {
  /// Every file's path relative to `root` (hidden ones too), sorted, with its bytes.
  static func files(_ root: String, excluding: (String) -> Bool = { _ in false }) -> [String: Data]
  {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory),
        !isDirectory.boolValue, !excluding(path)
      else { continue }
      result[path] = FileManager.default.contents(atPath: root + "/" + path) ?? Data()
    }
    return result
  }

  /// The manifest's lines without their times, which differ from run to run.
  static func manifestLines(_ path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { line in
      String(line.replacing(/"time_ms":[-0-9.e]+,?/, with: ""))
    }
  }

  /// Writes `count` articles made from corpora/ (paragraphs in another order, repeated) into
  /// `root`, in a few folders.
  static func makeArticles(in root: String, count: Int, repeats: Int) throws {
    let sources = TestPaths.corporaFiles().filter { !$0.hasPrefix("mixed/") }
    let texts = try sources.map { String(decoding: try TestPaths.corporaBytes($0), as: UTF8.self) }
    for i in 0..<count {
      let paragraphs = texts[i % texts.count].split(
        separator: "\n\n", omittingEmptySubsequences: true)
      let shift = i % max(paragraphs.count, 1)
      let reordered = Array(paragraphs[shift...] + paragraphs[..<shift])
      let text = String(repeating: reordered.joined(separator: "\n\n") + "\n\n", count: repeats)
      let folder = "\(root)/\(["news", "blog", "docs"][i % 3])/\(i / 40)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/article-\(i).txt"))
    }
  }
}
