import Foundation
import PrecisCore
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct PipelineLoaderTests {
  @Test func builtInDefaultEqualsTheFile() throws {
    let file = try String(contentsOfFile: TestPaths.pipelines + "/default.yaml", encoding: .utf8)
    #expect(file == DefaultPipeline.yaml)
  }

  @Test func everyPipelineFileLoads() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.pipelines).filter { $0.hasSuffix(".yaml") }
    #expect(!names.isEmpty)
    for name in names {
      let configuration = try PipelineLoader.load(path: TestPaths.pipelines + "/" + name)
      #expect(!configuration.pipeline.stages.isEmpty, "\(name)")
    }
  }

  @Test func unknownOptionIsReportedWithItsPlace() {
    let yaml = """
      version: 1
      stages:
        - kind: normalize
        - kind: split
          abbrevations: [ggf.]
      """
    #expect {
      _ = try PipelineLoader.parse(yaml, file: "p.yaml")
    } throws: { error in
      let message = (error as? PipelineFileError)?.description ?? ""
      return message.hasPrefix("p.yaml:5:5: unknown option 'abbrevations' for stage 'split'; known options: ")
    }
  }

  @Test(arguments: [
    ("version: 1\nstages:\n  - kind: normalize\n    form: nfd\n", "p.yaml:4:11: stage 'normalize': unknown value 'nfd' for 'form'; allowed values: nfc, nfkc, nfkc-casefold"),
    ("version: 1\nstages:\n  - kind: tokenize\n", "p.yaml:3:11: unknown stage kind 'tokenize'; known kinds: "),
    (
      "version: 1\nstages:\n  - kind: split\n  - kind: score\n    word-limits:\n      centrality: 0.5\n",
      "p.yaml:6:7: stage 'score': unknown option 'centrality' in 'word-limits'; known options: position-weight, "
    ),
    ("version: 2\nstages: []\n", "p.yaml:1:10: unsupported version '2'; allowed values: 1"),
    ("version: 1\nstage: []\n", "p.yaml:2:1: unknown top-level key 'stage'; known: version, input, stages, outputs"),
    ("version: 1\nstages:\n  - kind: split\n    suppressions: maybe\n", "p.yaml:4:19: stage 'split': 'suppressions' should be true or false"),
    ("version: 1\nstages: []\noutputs:\n  - format: docx\n", "p.yaml:4:13: unknown output format 'docx'; known formats: "),
    ("version: 1\ninput:\n  encoding: klingon-8\nstages: []\n", "p.yaml:3:13: unknown encoding 'klingon-8'"),
    (
      "version: 1\nbase: &b {kind: split}\nstages: [*b]\n",
      "p.yaml:2:7: this value is repeated through a YAML alias (*name)"
    ),
  ])
  func badFilesAreReportedWithPlaceAndChoices(yaml: String, expectedPrefix: String) {
    do {
      _ = try PipelineLoader.parse(yaml, file: "p.yaml")
      Issue.record("no error for \(yaml)")
    } catch {
      #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func optionsDefaultWhenAbsent() throws {
    let configuration = try PipelineLoader.parse("version: 1\nstages:\n  - kind: normalize\n  - kind: split\n", file: "p")
    let normalizer = try #require(configuration.pipeline.stages.first as? TextNormalizer)
    #expect(normalizer.options == TextNormalizer.Options())
    #expect(configuration.encoding == nil)
  }
}

@Suite struct TranslationOutputTests {
  @Test func translationFormatsNeedTargetsAndTakeAFill() throws {
    let yaml = "version: 1\nstages:\n  - kind: split\noutputs:\n  - format: xliff2\n    to: [fr, de]\n    target: pseudo\n"
    let configuration = try PipelineLoader.parse(yaml, file: "p.yaml")
    #expect(configuration.outputs == [OutputSpec(format: .xliff2, targetLanguages: [LanguageTag("fr")!, LanguageTag("de")!], fill: .pseudo)])
    #expect {
      _ = try PipelineLoader.parse("version: 1\nstages: []\noutputs:\n  - format: po\n", file: "p.yaml")
    } throws: { error in
      (error as? PipelineFileError)?.description == "p.yaml:4:5: output 'po' needs target languages, e.g. 'to: [fr, de]'"
    }
    #expect {
      _ = try PipelineLoader.parse("version: 1\nstages: []\noutputs:\n  - format: po\n    to: fr\n    target: machine\n", file: "p.yaml")
    } throws: { error in
      (error as? PipelineFileError)?.description.hasPrefix("p.yaml:6:13: unknown value 'machine' for 'target'; allowed values: empty, copy-source, pseudo") == true
    }
  }

  @Test func outputsAreNamedAsTheDesignSays() throws {
    let yaml = """
      version: 1
      stages:
        - kind: normalize
        - kind: split
      outputs:
        - format: xliff2
          to: [fr, de]
        - format: xliff12
          to: [fr]
        - format: tmx
          to: [fr]
        - format: po
          to: [fr]
        - format: aligned
          to: [fr, de]
        - format: tsv
      """
    let processor = DocumentProcessor(configuration: try PipelineLoader.parse(yaml, file: "p.yaml"), language: LanguageTag("de"))
    let document = try processor.document(from: Array("Eins. Zwei.\n".utf8), source: "de/n.txt")
    let names = processor.outputs(of: document, baseName: "de/n").map(\.relativePath)
    // The German target is skipped for a German document; the skeleton comes once, last.
    #expect(names == [
      "de/n.fr.xlf", "de/n.fr.xliff12.xlf", "de/n.de-fr.tmx", "de/n.fr.po", "de/n.de.txt", "de/n.fr.txt",
      "de/n.segments.tsv", "de/n.skeleton.json",
    ])
  }
}

@Suite struct SummaryOutputTests {
  static let text = """
    The council approved the new budget for the city's libraries on Wednesday evening after a long debate. \
    The plan sets spending for next year at eight million dollars. \
    Two smaller branches may close in the spring if donations do not rise. \
    Residents who spoke at the meeting asked the council to keep every branch open. \
    The mayor said the city would look for other savings before any branch closes.

    """

  static func pipeline(_ output: String) -> String {
    "version: 1\nstages:\n  - kind: normalize\n  - kind: split\n  - kind: classify\n  - kind: score\noutputs:\n  - format: summary\n\(output)"
  }

  @Test func lengthOptionsAreRead() throws {
    func spec(_ lines: String) throws -> OutputSpec {
      try #require(PipelineLoader.parse(Self.pipeline(lines), file: "p.yaml").outputs.first)
    }
    #expect(try spec("").summaryLength == .sentences(3))
    #expect(try spec("    sentences: 5\n").summaryLength == .sentences(5))
    #expect(try spec("    words: 40\n").summaryLength == .words(40))
    let budget = try spec("    budget-words: 60\n    cut: true\n")
    #expect(budget.summaryLength == .budgetWords(60) && budget.cut)
    #expect(try spec("    ratio: 0.25\n").summaryLength == .ratio(0.25))
  }

  @Test(arguments: [
    ("    sentences: 0\n", "p.yaml:9:16: 'sentences' must be a whole number of at least 1, e.g. 3"),
    ("    words: 40\n    sentences: 2\n", "p.yaml:9:12: give one of 'sentences', 'words', 'budget-words' or 'ratio', not 'sentences' and 'words'"),
    ("    ratio: 1.5\n", "p.yaml:9:12: 'ratio' must be a share above 0 and at most 1, e.g. 0.2"),
    ("    sentences: 2\n    cut: true\n", "p.yaml:10:10: 'cut' goes with 'words' or 'budget-words'"),
  ])
  func badLengthsAreReportedWithTheirPlace(lines: String, message: String) {
    #expect {
      _ = try PipelineLoader.parse(Self.pipeline(lines), file: "p.yaml")
    } throws: { error in
      (error as? PipelineFileError)?.description == message
    }
  }

  @Test func onlySummaryOutputsTakeALength() {
    let yaml = "version: 1\nstages:\n  - kind: split\noutputs:\n  - format: tsv\n    words: 40\n"
    #expect {
      _ = try PipelineLoader.parse(yaml, file: "p.yaml")
    } throws: { error in
      (error as? PipelineFileError)?.description == "p.yaml:6:12: 'words' is an option of 'format: summary' outputs only"
    }
  }

  @Test func theFileTheManifestAndTheStreamFollowTheLength() throws {
    for (lines, count) in [("", 3), ("    sentences: 1\n", 1), ("    sentences: 4\n", 4)] {
      let configuration = try PipelineLoader.parse(Self.pipeline(lines), file: "p.yaml")
      let processor = DocumentProcessor(configuration: configuration, language: LanguageTag("en"))
      let document = try processor.document(from: Array(Self.text.utf8), source: "n.txt")
      let file = try #require(processor.outputs(of: document, baseName: "n").first)
      let lines = file.contents.split(separator: "\n")
      #expect(lines.count == count)
      // The manifest's summary is the same sentences, joined by spaces.
      #expect(configuration.summary(of: document) == lines.joined(separator: " "))
    }
    let words = try PipelineLoader.parse(Self.pipeline("    words: 12\n"), file: "p.yaml")
    let processor = DocumentProcessor(configuration: words, language: LanguageTag("en"))
    let document = try processor.document(from: Array(Self.text.utf8), source: "n.txt")
    // Whole sentences near 12 words: the last may run past only to end closer to 12.
    let summary = try #require(words.summary(of: document))
    #expect(summary.split(separator: " ").count < 24)
    #expect(summary.split(separator: " ").count < (configuration3(document) ?? "").split(separator: " ").count)
  }

  func configuration3(_ document: Document) -> String? {
    (try? PipelineLoader.parse(Self.pipeline(""), file: "p.yaml"))?.summary(of: document)
  }
}
