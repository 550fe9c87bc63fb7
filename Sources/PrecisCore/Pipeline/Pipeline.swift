/// Stages in order, checked so that each finds what it needs before any file is read.
public struct Pipeline: Sendable {
  /// The stages, in the order they run.
  public let stages: [any Stage]

  /// Makes a pipeline, checking each stage's requirements against what earlier stages add.
  ///
  /// - Throws: `PipelineError` naming the stage and what to add before it, such as
  ///   `stage 'score' needs sentences; add 'split' before it`.
  public init(stages: [any Stage]) throws(PipelineError) {
    var have: Set<DocumentFeature> = []
    for stage in stages {
      let missing = stage.requirements.subtracting(have).sorted()
      if let first = missing.first {
        let provider = StageCatalog.standard.first { $0.adds.contains(first) }?.kind ?? "?"
        throw PipelineError(
          "stage '\(stage.kind)' needs \(first.rawValue); add '\(provider)' before it")
      }
      have.formUnion(stage.additions)
    }
    self.stages = stages
  }

  /// Runs every stage on `document`, in order.
  ///
  /// Each stage is handed the document, not a copy, so that a stage taking it `consuming`
  /// holds the only reference to its text and arrays (a large document is then never held
  /// twice).
  public func apply(to document: consuming Document) throws(StageError) -> Document {
    var document = document
    for stage in stages {
      document = try stage.apply(to: consume document)
      document.features.formUnion(stage.additions)
    }
    return document
  }
}
