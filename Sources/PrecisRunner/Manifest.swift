import Foundation
import PrecisCore

/// One line of `manifest.jsonl`: what happened to one input.
public struct ManifestEntry: Sendable, Codable, Equatable {
  /// The input's path relative to the batch folder.
  public var path: String
  /// `ok` or `error`.
  public var status: String
  /// The error, one line, when `status` is `error`.
  public var error: String?
  /// The stage or step that failed.
  public var errorKind: String?
  /// SHA-256-free content fingerprint: FNV-1a 64 of the input bytes, in hex.
  public var contentHash: String?
  /// The same fingerprint of the pipeline file's text.
  public var pipelineHash: String
  /// The input size in bytes.
  public var bytes: Int
  /// The input encoding.
  public var encoding: String?
  /// The document's language.
  public var language: String?
  public var paragraphs: Int?
  public var segments: Int?
  /// Output files, relative to the output folder.
  public var outputs: [String]
  /// Wall-clock milliseconds spent on this input.
  public var milliseconds: Double

  enum CodingKeys: String, CodingKey {
    case path, status, error, errorKind = "error_kind", contentHash = "content_hash"
    case pipelineHash = "pipeline_hash", bytes, encoding, language, paragraphs, segments, outputs
    case milliseconds = "ms"
  }
}

/// Hex of the FNV-1a 64 fingerprint used in the manifest.
public func fingerprint(_ bytes: some Sequence<UInt8>) -> String {
  let hex = String(SegmentID.hash(bytes), radix: 16)
  return String(repeating: "0", count: 16 - hex.count) + hex
}
