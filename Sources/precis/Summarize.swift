import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Summarize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print an extractive summary: the best sentences, in document order.",
    discussion: """
      Runs normalize, split, classify and score (or the stages of --pipeline) and
      prints the chosen sentences one per line. Headings, bylines, toolbars and
      other page furniture are never chosen.

      Length (one of; default --sentences 3):
        --sentences N      the N best sentences
        --ratio R          this share of the sentences (0 < R <= 1), at least one
        --words N          whole sentences that fill N words best (chosen among the
                           best ones); the last runs past N only when that ends
                           closer to N; with --cut it may always run past and is cut
                           at word N
        --budget-words N   sentences that fill N words best, the last one (in
                           document order) running past N; with --cut it is cut at
                           word N
      Words are counted with ICU's word breaks for the language (every script).

      json: {"lang", "sentences": [{"index", "text", "score", "start", "end"}]},
      where index is the segment's index in `precis split` and start/end are UTF-8
      offsets into the normalised text.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @OptionGroup var input: InputOptions

  @Option(help: "The number of sentences (default 3).")
  var sentences: Int?

  @Option(help: "Whole sentences filling about this many words.")
  var words: Int?

  @Option(help: "This share of the sentences, e.g. 0.2.")
  var ratio: Double?

  @Option(help: "Sentences filling this many words, the last one running past.")
  var budgetWords: Int?

  @Flag(help: "With --words or --budget-words: cut the last sentence at the word limit.")
  var cut = false

  @Option(help: "The language (auto, or a code such as en, de, th).")
  var lang: String = "auto"

  @Option(help: "text (one sentence per line) or json.")
  var format: Format = .text

  @Option(help: "A pipeline file whose stages (with their options) are used; it must have 'score'.")
  var pipeline: String?

  @Flag(help: .hidden)
  var timing = false

  func validate() throws {
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de, th")
    }
    let given = [sentences != nil, words != nil, ratio != nil, budgetWords != nil].filter { $0 }.count
    if given > 1 { throw ValidationError("give one of --sentences, --words, --ratio, --budget-words") }
    if let sentences, sentences < 1 { throw ValidationError("--sentences must be at least 1") }
    if let words, words < 1 { throw ValidationError("--words must be at least 1") }
    if let budgetWords, budgetWords < 1 { throw ValidationError("--budget-words must be at least 1") }
    if let ratio, !(ratio > 0 && ratio <= 1) { throw ValidationError("--ratio must be above 0 and at most 1, e.g. 0.2") }
    if cut && words == nil && budgetWords == nil { throw ValidationError("--cut goes with --words or --budget-words") }
  }

  var length: SummaryLength {
    if let words { return .words(words) }
    if let budgetWords { return .budgetWords(budgetWords) }
    if let ratio { return .ratio(ratio) }
    return .sentences(sentences ?? 3)
  }

  func stages() throws -> [any Stage] {
    guard let pipeline else {
      return [
        try TextNormalizer(options: .init()), try LanguageDetector(options: .init()),
        try SentenceSplitter(options: .init()), try SegmentClassifier(options: .init()),
        try SentenceScorer(options: .init()),
      ]
    }
    let configuration: PipelineConfiguration
    do {
      configuration = try PipelineLoader.load(path: pipeline)
    } catch {
      throw ValidationError(error.description)
    }
    guard configuration.pipeline.stages.contains(where: { $0 is SentenceScorer }) else {
      throw ValidationError("\(pipeline): the pipeline has no 'score' stage; add '- kind: score' after 'split'")
    }
    return configuration.pipeline.stages
  }

  func run() throws {
    let stages = try stages()
    try reportingFailures {
      let clock = ContinuousClock()
      var times: [(String, Duration)] = []
      var start = clock.now
      func lap(_ name: String) {
        let now = clock.now
        times.append((name, now - start))
        start = now
      }
      var document = try input.decode()
      if lang != "auto" { document.language = LanguageTag(lang) }
      lap("decode")
      for stage in stages {
        if let scorer = stage as? SentenceScorer {
          let analysis = try scorer.analyze(document)
          lap("tokenise")
          document = scorer.rank(document, using: analysis)
          lap("score")
        } else {
          document = try stage.apply(to: document)
          lap(stage.kind)
        }
        document.features.formUnion(stage.additions)
      }
      let chosen = Summary.sentences(of: document, length: length, cut: cut, fit: SummaryFit(stages: stages))
      lap("select")
      switch format {
      case .text:
        printOutput(chosen.map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n" }.joined())
      case .json:
        let items = chosen.map { s in
          "{\"index\":\(s.index),\"text\":\(JSONText.quoted(s.text)),\"score\":\(Self.number(s.score)),"
            + "\"start\":\(s.range.lowerBound),\"end\":\(s.range.upperBound)}"
        }
        let language = document.language.map { JSONText.quoted($0.rawValue) } ?? "null"
        printOutput("{\"lang\":\(language),\"sentences\":[\(items.joined(separator: ","))]}\n")
      }
      if timing {
        let parts = times.map { name, d in
          let ms = Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
          return "\(name) \(String(format: "%.2f", ms)) ms"
        }
        FileHandle.standardError.write(
          Data("timing: \(parts.joined(separator: ", ")); \(document.segments.count) segments\n".utf8))
      }
    }
  }

  static func number(_ value: Double) -> String {
    String(format: "%.4f", value)
  }
}
