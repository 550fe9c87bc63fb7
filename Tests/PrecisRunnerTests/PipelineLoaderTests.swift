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
