import PrecisCore
import Testing

/// A stage that needs sentences, to check ordering.
struct NeedsSentences: Stage {
  struct Options: StageOptions {
    static let knownKeys: [String] = []
    init() {}
    init(from decoder: any Decoder) throws {}
  }
  static let kind = "needs-sentences"
  static let requires: Set<DocumentFeature> = [.sentences]
  static let adds: Set<DocumentFeature> = []
  let options = Options()
  init(options: Options) {}
  func apply(to document: Document) throws(StageError) -> Document { document }
}

@Suite struct PipelineTests {
  @Test func rejectsAMisorderedPipeline() throws {
    #expect(throws: PipelineError("stage 'needs-sentences' needs sentences; add 'split' before it")) {
      try Pipeline(stages: [NeedsSentences(options: .init()), SentenceSplitter(options: .init())])
    }
    _ = try Pipeline(stages: [SentenceSplitter(options: .init()), NeedsSentences(options: .init())])
  }

  @Test func recordsWhatStagesAdded() throws {
    let pipeline = try Pipeline(stages: [TextNormalizer(options: .init()), SentenceSplitter(options: .init())])
    let document = try pipeline.apply(to: Document(source: "t", text: "A. B."))
    #expect(document.features == [.normalized, .paragraphs, .sentences])
  }
}
