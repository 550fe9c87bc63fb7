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
    ("version: 1\nbase: &b {kind: split}\nstages: [*b]\n", "p.yaml:2:1: unknown top-level key 'base'"),
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
