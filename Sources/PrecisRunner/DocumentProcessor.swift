import PrecisCore

/// Why one input failed; the batch records it and goes on.
public enum ProcessingError: Error, Sendable, Equatable, CustomStringConvertible {
  case input(InputError)
  case decode(DecodeError)
  case stage(StageError)
  case output(OutputError)

  public var description: String {
    switch self {
    case let .input(e): e.description
    case let .decode(e): e.description
    case let .stage(e): e.description
    case let .output(e): e.description
    }
  }

  /// The short kind recorded in the manifest, such as `decode`.
  public var kind: String {
    switch self {
    case .input: "input"
    case .decode: "decode"
    case .stage(let e): e.stage
    case .output: "output"
    }
  }
}

/// A rendered output file: a name relative to the output folder and its text.
public struct RenderedOutput: Sendable, Hashable {
  public var relativePath: String
  public var contents: String
}

/// Runs one input through a configuration: decode, stages, writers. Does no IO itself.
public struct DocumentProcessor: Sendable {
  /// The loaded pipeline.
  public let configuration: PipelineConfiguration
  /// A language that overrides detection (`--lang`).
  public let language: LanguageTag?
  /// An encoding that overrides detection (`--encoding`).
  public let encoding: String?

  public init(configuration: PipelineConfiguration, language: LanguageTag? = nil, encoding: String? = nil) {
    self.configuration = configuration
    self.language = language
    self.encoding = encoding
  }

  /// Decodes `bytes` and runs the stages.
  public func document(from bytes: [UInt8], source: String) throws(ProcessingError) -> Document {
    var document: Document
    do {
      document = try TextDecoder(encoding: encoding ?? configuration.encoding).decode(bytes, source: source)
    } catch {
      throw .decode(error)
    }
    if let language { document.language = language }
    do {
      return try configuration.pipeline.apply(to: document)
    } catch {
      throw .stage(error)
    }
  }

  /// Renders every configured output of `document`, named after `baseName` (the input's
  /// path relative to the batch folder, without its extension).
  ///
  /// Translation formats write one set per target language, skipping a target equal to the
  /// document's language; when any format needs it, `NAME.skeleton.json` is written once.
  public func outputs(of document: Document, baseName: String) -> [RenderedOutput] {
    var result: [RenderedOutput] = []
    forEachOutput(of: document, baseName: baseName) { result.append($0) }
    return result
  }

  /// Renders the outputs of ``outputs(of:baseName:)`` one at a time and hands each to `body`
  /// before rendering the next, so that only one is held in memory.
  ///
  /// - Parameter prepared: `PreparedDocument(document)` when the caller has it already.
  public func forEachOutput<E: Error>(
    of document: Document, baseName: String, prepared: PreparedDocument? = nil,
    _ body: (RenderedOutput) throws(E) -> Void
  ) throws(E) {
    var written: Set<String> = []
    var prepared = prepared
    var needsSkeleton = false
    func add(_ files: [SegmentFile]) throws(E) {
      for file in files where written.insert(file.relativePath).inserted {
        try body(RenderedOutput(relativePath: file.relativePath, contents: file.contents))
      }
    }
    let fit = configuration.summaryFit
    for spec in configuration.outputs {
      let writer = spec.writer(fit: fit)
      needsSkeleton = needsSkeleton || writer.needsSkeleton
      let targets: [LanguageTag?] =
        spec.targetLanguages.isEmpty ? [nil] : spec.targetLanguages.filter { $0 != document.language }
      for target in targets {
        if let translation = writer as? any TranslationWriter {
          var ready = prepared ?? PreparedDocument(document)
          // Counted once for all the files that note the counts.
          if ready.counts == nil && (spec.format == .xliff2 || spec.format == .xliff12) {
            ready.counts = WordCounter().counts(of: ready).total
          }
          prepared = ready
          try add(translation.files(for: ready, baseName: baseName, targetLanguage: target))
        } else {
          try add(writer.files(for: document, baseName: baseName, targetLanguage: target))
        }
      }
    }
    if needsSkeleton {
      let ready = prepared ?? PreparedDocument(document)
      try add([SegmentFile(relativePath: "\(baseName).\(Skeleton.fileExtension)", contents: Skeleton(ready).json())])
    }
  }
}
