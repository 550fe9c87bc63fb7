/// Every stage kind a pipeline file may name.
public enum StageCatalog {
  /// The standard stages, in the order a pipeline usually runs them.
  public static let standard: [any Stage.Type] = [
    TextNormalizer.self,
    LanguageDetector.self,
    SentenceSplitter.self,
    SegmentClassifier.self,
    SentenceScorer.self,
  ]

  /// The stage type of a kind, such as `split`.
  public static func stageType(kind: String) -> (any Stage.Type)? {
    standard.first { $0.kind == kind }
  }

  /// Every kind, for error messages.
  public static var kinds: [String] { standard.map { $0.kind } }
}
