import PrecisCore

/// A file format a pipeline writes, one file per input (and per target language).
public enum OutputFormat: String, Sendable, Hashable, CaseIterable, Codable {
  /// `NAME.segments.tsv`: id, source, target, notes.
  case tsv
  /// `NAME.segments.jsonl`: one JSON object per segment.
  case jsonl
  /// `NAME.<tgt>.xlf`: XLIFF 2.1.
  case xliff2
  /// `NAME.<tgt>.xliff12.xlf`: XLIFF 1.2.
  case xliff12
  /// `NAME.<src>-<tgt>.tmx`: TMX 1.4b.
  case tmx
  /// `NAME.<tgt>.po`: gettext PO.
  case po
  /// `NAME.<src>.txt` and `NAME.<tgt>.txt`: aligned text, line i is segment i.
  case aligned
  /// `NAME.summary.txt`: the best sentences in document order (needs `score`); three unless
  /// the output says `sentences`, `words`, `budget-words` or `ratio`.
  case summary

  /// The writer for this format.
  public var writer: any SegmentWriter { writer(fill: .empty) }

  /// The writer for this format, filling targets as `fill` says.
  public func writer(fill: TargetFill) -> any SegmentWriter {
    switch self {
    case .jsonl: SegmentJSONLWriter()
    case .summary: SummaryWriter()
    default: TranslationFormats.writer(named: rawValue, fill: fill) ?? TSVWriter(fill: fill)
    }
  }

  /// Whether the format needs target languages (`to:`).
  public var needsTargetLanguage: Bool {
    switch self {
    case .tsv, .jsonl, .summary: false
    case .xliff2, .xliff12, .tmx, .po, .aligned: true
    }
  }
}

/// One entry of a pipeline file's `outputs`.
public struct OutputSpec: Sendable, Hashable {
  /// The format.
  public var format: OutputFormat
  /// The target languages; empty for formats that do not need one.
  public var targetLanguages: [LanguageTag]
  /// What goes in the targets: nothing (the default), a copy of the source, or pseudo-text.
  public var fill: TargetFill = .empty
  /// How long a `summary` output is (and the manifest's summary): three sentences unless
  /// the pipeline file says otherwise.
  public var summaryLength: SummaryLength = .sentences(3)
  /// Whether a summary of a number of words cuts its last sentence at the limit.
  public var cut = false

  public init(
    format: OutputFormat, targetLanguages: [LanguageTag] = [], fill: TargetFill = .empty,
    summaryLength: SummaryLength = .sentences(3), cut: Bool = false
  ) {
    self.format = format
    self.targetLanguages = targetLanguages
    self.fill = fill
    self.summaryLength = summaryLength
    self.cut = cut
  }

  /// The writer for this output; `fit` is how a summary of a number of words chooses.
  public func writer(fit: SummaryFit) -> any SegmentWriter {
    format == .summary ? SummaryWriter(length: summaryLength, cut: cut, fit: fit) : format.writer(fill: fill)
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
  /// The largest input file to read (`input: max-file-size`), or `nil` for the default.
  public var maxFileSize: FileSizeLimit? = nil

  /// How a summary of a number of words chooses among the best sentences: the `score`
  /// stage's `fit-…` options.
  public var summaryFit: SummaryFit {
    SummaryFit(stages: pipeline.stages)
  }

  /// The summary the manifest and `precis stream` report: the sentences of the first
  /// `summary` output (three when there is none), in document order, joined by spaces; `nil`
  /// when the document was not scored.
  public func summary(of document: Document) -> String? {
    guard document.segments.contains(where: { $0.rank != nil }) else { return nil }
    let spec = outputs.first { $0.format == .summary } ?? OutputSpec(format: .summary)
    let chosen = Summary.sentences(of: document, length: spec.summaryLength, cut: spec.cut, fit: summaryFit)
    if chosen.isEmpty { return nil }
    return chosen.map(\.text).joined(separator: " ")
  }
}
