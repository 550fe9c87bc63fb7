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

  /// `../shared` beside the project, or the folder `PRECIS_SHARED` names (for checkouts
  /// that are not beside it, such as git worktrees).
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
