/// A writer of translator-ready files, working from a ``PreparedDocument`` so that a batch
/// prepares each document once for all its formats and target languages.
public protocol TranslationWriter: SegmentWriter {
  /// What the writer puts in the targets.
  var fill: TargetFill { get }
  /// The files for one document and target language, named after `baseName`: by default
  /// the streams' bytes, gathered.
  func files(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  /// The files for one document and target language, each written on demand into a
  /// ``ByteSink`` a piece at a time.
  func streams(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
}

extension TranslationWriter {
  public func files(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    files(for: PreparedDocument(document), baseName: baseName, targetLanguage: targetLanguage)
  }

  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    files(for: PreparedDocument(document), baseName: "document", targetLanguage: targetLanguage)
      .first?.contents ?? ""
  }

  public func streams(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
  {
    streams(for: PreparedDocument(document), baseName: baseName, targetLanguage: targetLanguage)
  }

  public func files(for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    streams(for: document, baseName: baseName, targetLanguage: targetLanguage).map(SegmentFile.init)
  }

  /// The target language, or `und` when none is given.
  func target(_ language: LanguageTag?) -> LanguageTag { language ?? PreparedDocument.undetermined }
}

/// A translated file could not be merged.
///
/// Nothing is written.
public struct MergeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file being read.
  public var file: String
  /// What is wrong and what to do, in lower case.
  public var reason: String

  public init(file: String, reason: String) {
    self.file = file
    self.reason = reason
  }

  public var description: String { "\(file): \(reason)" }
}

/// What a reader found in a translated file.
public struct TranslatedFile: Sendable, Hashable {
  /// The format's name, such as `xliff2`.
  public var format: String
  public var sourceLanguage: String?
  public var targetLanguage: String?
  /// The layout, when the file carries it (XLIFF).
  public var layout: Skeleton?
  /// The skeleton file the file names (PO and TMX headers), relative to the file's folder.
  public var skeletonReference: String?
  /// The segments in file order.
  public var entries: [TranslatedEntry]
  /// Whether entries match the layout by position rather than by id (aligned text).
  public var isPositional: Bool = false

  public init(
    format: String, sourceLanguage: String? = nil, targetLanguage: String? = nil,
    layout: Skeleton? = nil,
    skeletonReference: String? = nil, entries: [TranslatedEntry], isPositional: Bool = false
  ) {
    self.format = format
    self.sourceLanguage = sourceLanguage
    self.targetLanguage = targetLanguage
    self.layout = layout
    self.skeletonReference = skeletonReference
    self.entries = entries
    self.isPositional = isPositional
  }
}

/// One segment as read back from a translated file.
public struct TranslatedEntry: Sendable, Hashable {
  /// The segment id; `nil` in formats that match by position.
  public var id: String?
  /// The source text, codes put back as their original text; `nil` when the file has none.
  public var source: String?
  /// The target text; `nil` or empty when untranslated.
  public var target: String?
  /// The codes of the source (placeholders), as their original text.
  public var sourceCodes: [String]
  /// The codes of the target.
  public var targetCodes: [String]
  /// `false` when the file marks the segment not to be translated.
  public var isTranslatable: Bool
  /// 1-based line in the file, for messages.
  public var line: Int?

  public init(
    id: String?, source: String?, target: String?, sourceCodes: [String], targetCodes: [String],
    isTranslatable: Bool = true, line: Int? = nil
  ) {
    self.id = id
    self.source = source
    self.target = target
    self.sourceCodes = sourceCodes
    self.targetCodes = targetCodes
    self.isTranslatable = isTranslatable
    self.line = line
  }

  /// An entry of a text format, whose codes are the placeholders found in its texts.
  public init(
    id: String?, source: String?, target: String?, isTranslatable: Bool = true, line: Int? = nil
  ) {
    self.init(
      id: id, source: source, target: target,
      sourceCodes: source.map { InlineCodeScanner.pieces(of: $0).placeholders } ?? [],
      targetCodes: target.map { InlineCodeScanner.pieces(of: $0).placeholders } ?? [],
      isTranslatable: isTranslatable, line: line)
  }
}

/// A translation format written as one file per target language, `NAME.<tgt>.<extension>`.
public protocol SingleFileTranslationWriter: TranslationWriter {
  /// The file's text for one prepared document and target language.
  func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String
  /// Writes the file for one prepared document and target language into `sink`, a piece at
  /// a time: the bytes of ``render(_:targetLanguage:)``.
  func write(_ document: PreparedDocument, targetLanguage: LanguageTag?, to sink: inout ByteSink)
}

extension SingleFileTranslationWriter {
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    ByteSink.text { write(document, targetLanguage: targetLanguage, to: &$0) }
  }

  public func streams(
    for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?
  ) -> [SegmentStream] {
    [
      SegmentStream(
        relativePath: "\(baseName).\(target(targetLanguage).rawValue).\(fileExtension)"
      ) { write(document, targetLanguage: targetLanguage, to: &$0) }
    ]
  }
}
