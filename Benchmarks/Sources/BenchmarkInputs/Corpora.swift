import Foundation

/// The project's sample articles in `corpora/`, and inputs of a given size made from them.
///
/// Only the language folders (`corpora/<lang>/`) are used: `corpora/mixed/` holds legacy
/// encodings and texts of two languages, which have no single language to name them by.
public struct Corpora: Sendable {
  /// One sample article.
  public struct Sample: Sendable {
    /// The folder's language, such as `de`.
    public var language: String
    /// The path below `corpora/`, such as `de/hochwasserschutz.txt`.
    public var name: String
    /// The file's bytes (UTF-8).
    public var bytes: [UInt8]
  }

  /// Every sample, sorted by path.
  public let samples: [Sample]

  /// The `corpora/` folder: `$PRECIS_CORPORA` if set, else the one beside `Benchmarks/`.
  public static var defaultDirectory: URL {
    if let path = ProcessInfo.processInfo.environment["PRECIS_CORPORA"], !path.isEmpty {
      return URL(fileURLWithPath: path)
    }
    // This file is Benchmarks/Sources/BenchmarkInputs/Corpora.swift.
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("corpora")
  }

  /// Reads the language folders of `directory`.
  public init(directory: URL = Corpora.defaultDirectory) throws {
    let fm = FileManager.default
    var samples: [Sample] = []
    let languages = try fm.contentsOfDirectory(atPath: directory.path)
      .filter { $0 != "mixed" && !$0.hasPrefix(".") }.sorted()
    for language in languages {
      let folder = directory.appendingPathComponent(language)
      for name in try fm.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".txt") {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        guard String(validating: bytes, as: UTF8.self) != nil else { continue }
        samples.append(Sample(language: language, name: "\(language)/\(name)", bytes: bytes))
      }
    }
    guard !samples.isEmpty else {
      throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
    }
    self.samples = samples
  }

  /// About `size` bytes of text in every language: the samples in turn, one after another,
  /// separated by blank lines, cut at the last line break before `size`.
  public func multiScript(size: Int) -> [UInt8] {
    concatenated(samples, size: size)
  }

  /// About `size` bytes of text in one language, such as `de`.
  public func text(language: String, size: Int) -> [UInt8] {
    concatenated(samples.filter { $0.language == language }, size: size)
  }

  /// Whole samples in turn, as separate files, until they hold at least `size` bytes.
  public func files(size: Int) -> [Sample] {
    var result: [Sample] = []
    var total = 0
    var i = 0
    while total < size {
      let sample = samples[i % samples.count]
      result.append(sample)
      total += sample.bytes.count
      i += 1
    }
    return result
  }

  private func concatenated(_ pool: [Sample], size: Int) -> [UInt8] {
    precondition(!pool.isEmpty, "no sample for this input")
    var out: [UInt8] = []
    out.reserveCapacity(size + 8192)
    var i = 0
    while out.count < size {
      var bytes = pool[i % pool.count].bytes
      while bytes.last == 0x0A { bytes.removeLast() }
      out.append(contentsOf: bytes)
      out.append(contentsOf: [0x0A, 0x0A])
      i += 1
    }
    // Cut at a line break so that no character or sentence is left half.
    var end = size
    while end > 0 && out[end - 1] != 0x0A { end -= 1 }
    return Array(out[..<end])
  }
}
