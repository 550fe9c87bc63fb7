import Foundation
import PrecisCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One line of `manifest.jsonl`: what happened to one input.
///
/// Keys are written in sorted order, one object per line, without a time other than
/// `time_ms`, so two runs over the same inputs give the same lines apart from `time_ms`.
public struct ManifestEntry: Sendable, Codable, Equatable {
  /// What happened to an input.
  public enum Status: String, Sendable, Codable {
    /// Processed, every output written.
    case ok
    /// Failed; `error` says why and nothing was written for it.
    case error
    /// Left out on purpose (a symbolic link that is not followed); `error` says why.
    case skipped
  }

  /// The input's path relative to the batch folder.
  public var path: String
  /// What happened.
  public var status: Status
  /// The error or the reason for skipping, one line.
  public var error: String?
  /// The stage or step that failed, such as `decode`.
  public var errorKind: String?
  /// A fingerprint of the input bytes (FNV-1a 64, hex); resuming compares it.
  public var contentHash: String?
  /// A fingerprint of the pipeline text and overrides; resuming compares it.
  public var pipelineHash: String
  /// The input size in bytes.
  public var bytes: Int
  /// The input encoding.
  public var encoding: String?
  /// The document's language.
  public var language: String?
  /// How many paragraphs.
  public var paragraphs: Int?
  /// How many segments.
  public var segments: Int?
  /// How many words, as translation tools count them (`WordCounter`).
  public var words: Int?
  /// The summary, when the pipeline scores sentences.
  public var summary: String?
  /// Output files, relative to the output folder.
  public var outputs: [String]
  /// Wall-clock milliseconds spent on this input.
  public var milliseconds: Double

  public init(path: String, status: Status, pipelineHash: String) {
    self.path = path
    self.status = status
    self.pipelineHash = pipelineHash
    self.bytes = 0
    self.outputs = []
    self.milliseconds = 0
  }

  enum CodingKeys: String, CodingKey {
    case path, status, error
    case errorKind = "error_kind"
    case contentHash = "content_hash"
    case pipelineHash = "pipeline_hash"
    case bytes, encoding, language, paragraphs, segments, words
    case summary, outputs
    case milliseconds = "time_ms"
  }
}

/// Reads and writes `manifest.jsonl`.
public enum Manifest {
  /// The manifest's file name, `manifest.jsonl`, or `manifest.2-of-3.jsonl` for a shard.
  public static func fileName(shard: Shard?) -> String {
    shard.map { "manifest.\($0.index)-of-\($0.count).jsonl" } ?? "manifest.jsonl"
  }

  /// The totals report's file name, `report.json`, or `report.2-of-3.json` for a shard.
  public static func reportName(shard: Shard?) -> String {
    shard.map { "report.\($0.index)-of-\($0.count).json" } ?? "report.json"
  }

  /// One manifest line, without the line break: a JSON object with its keys sorted and
  /// absent values left out.
  public static func line(for entry: ManifestEntry) -> String {
    // Written by hand, into one string: a JSONEncoder per line cost more than segmenting a
    // small file.
    var out = "{"
    out.reserveCapacity(
      320 + entry.path.utf8.count * 5 + (entry.summary?.utf8.count ?? 0) + (entry.error?.utf8.count ?? 0))
    var first = true
    func key(_ key: String) {
      if !first { out += "," }
      first = false
      out += "\""
      out += key
      out += "\":"
    }
    func add(_ name: String, _ value: String?) {
      guard let value else { return }
      key(name)
      out += value
    }
    func add(_ name: String, quoting value: String?) {
      guard let value else { return }
      key(name)
      out += JSONText.quoted(value)
    }
    add("bytes", String(entry.bytes))
    add("content_hash", quoting: entry.contentHash)
    add("encoding", quoting: entry.encoding)
    add("error", quoting: entry.error)
    add("error_kind", quoting: entry.errorKind)
    add("language", quoting: entry.language)
    key("outputs")
    out += "["
    for (k, output) in entry.outputs.enumerated() {
      if k > 0 { out += "," }
      out += JSONText.quoted(output)
    }
    out += "]"
    add("paragraphs", entry.paragraphs.map { String($0) })
    add("path", quoting: entry.path)
    add("pipeline_hash", quoting: entry.pipelineHash)
    add("segments", entry.segments.map { String($0) })
    add("status", quoting: entry.status.rawValue)
    add("summary", quoting: entry.summary)
    add("time_ms", entry.milliseconds.isFinite ? "\(entry.milliseconds)" : "0")
    add("words", entry.words.map { String($0) })
    out += "}"
    return out
  }

  /// The entries of a manifest, the last one per path winning; lines that do not parse (the
  /// end of a line cut short by a crash) are ignored. A missing file gives none.
  public static func read(path: String) -> [String: ManifestEntry] {
    guard let bytes = try? InputFile.read(path, limit: .none) else { return [:] }
    let decoder = JSONDecoder()
    var entries: [String: ManifestEntry] = [:]
    for line in bytes.split(separator: UInt8(ascii: "\n")) {
      guard let entry = try? decoder.decode(ManifestEntry.self, from: Data(line)) else { continue }
      entries[entry.path] = entry
    }
    return entries
  }
}

/// `manifest.jsonl` while a batch runs: a line is appended as each input finishes, in one
/// `write` call, so a run that is killed leaves whole lines behind.
public final class ManifestLog {
  /// The file.
  public let path: String
  private let fd: Int32

  /// Opens the log; `truncate` starts it empty, otherwise lines are added at its end.
  public init(path: String, truncate: Bool) throws(OutputError) {
    self.path = path
    var flags = O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC
    if truncate { flags |= O_TRUNC }
    fd = open(path, flags, 0o644)
    if fd < 0 { throw OutputError(path: path, reason: "cannot open the manifest (\(errnoText()))") }
    // A line cut short by a crash is ended, so the next line is whole.
    if !truncate, let last = Self.lastByte(path), last != UInt8(ascii: "\n") {
      _ = systemWrite(fd, "\n", 1)
    }
  }

  private static func lastByte(_ path: String) -> UInt8? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return nil }
    defer { close(fd) }
    let size = lseek(fd, 0, SEEK_END)
    guard size > 0 else { return nil }
    var byte: UInt8 = 0
    return pread(fd, &byte, 1, size - 1) == 1 ? byte : nil
  }

  deinit { close(fd) }

  /// Appends one entry as a line.
  public func append(_ entry: ManifestEntry) throws(OutputError) {
    let line = Array((Manifest.line(for: entry) + "\n").utf8)
    var written = 0
    while written < line.count {
      let n = line[written...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw OutputError(path: path, reason: "cannot add to the manifest (\(errnoText()))")
      }
      written += n
    }
  }
}

/// One of `count` parts of a batch, for running a batch on several machines (`--shard 2/3`).
///
/// A path belongs to part `fnv1a64(path) % count + 1`, so the parts are disjoint, cover the
/// batch together, and do not depend on which other files exist.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
  /// The part, from 1.
  public var index: Int
  /// How many parts.
  public var count: Int

  /// Makes `index`/`count`; `nil` unless `1 <= index <= count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `K/N`, such as `2/3`.
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  /// Whether the input at `path` (relative to the batch folder) belongs to this part.
  public func contains(_ path: String) -> Bool {
    Int(SegmentID.hash(path.utf8) % UInt64(count)) == index - 1
  }

  public var description: String { "\(index)/\(count)" }
}

/// Hex of the FNV-1a 64 fingerprint used in the manifest.
public func fingerprint(_ bytes: some Sequence<UInt8>) -> String {
  let hex = String(SegmentID.hash(bytes), radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
