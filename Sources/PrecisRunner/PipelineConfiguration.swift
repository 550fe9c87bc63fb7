import PrecisCore

/// A file format a pipeline writes, one file per input (and per target language).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
  /// `NAME.segments.tsv`: id, source, target, notes.
  case tsv
  /// `NAME.segments.jsonl`: one JSON object per segment.
  case jsonl

  /// The writer for this format.
  public var writer: any SegmentWriter {
    switch self {
    case .tsv: TSVWriter()
    case .jsonl: SegmentJSONLWriter()
    }
  }
}

/// One entry of a pipeline file's `outputs`.
public struct OutputSpec: Sendable, Hashable {
  /// The format.
  public var format: OutputFormat
  /// The target languages; empty for formats that do not need one.
  public var targetLanguages: [LanguageTag]

  public init(format: OutputFormat, targetLanguages: [LanguageTag] = []) {
    self.format = format
    self.targetLanguages = targetLanguages
  }
}

/// A loaded pipeline file: how to decode, which stages, which outputs.
public struct PipelineConfiguration: Sendable {
  /// Where it came from: a path, or `default (built in)`.
  public var name: String
  /// The file's text, hashed into the manifest so a changed pipeline redoes every file.
  public var text: String
  /// The file format version.
  public var version: Int
  /// The input encoding, or `nil` to detect it.
  public var encoding: String?
  /// The stages.
  public var pipeline: Pipeline
  /// The outputs.
  public var outputs: [OutputSpec]
  /// What loading skipped but could go on without, such as an SRX rule ICU cannot compile.
  public var warnings: [String] = []
}
