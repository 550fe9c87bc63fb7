import Foundation
import PrecisCore
import PrecisRunner
import PrecisTestSupport
import Testing

@Suite struct SRXPipelineTests {
  let srx = """
    <srx xmlns="http://www.lisa.org/srx20" version="2.0">
    <header segmentsubflows="yes" cascade="yes"/>
    <body><languagerules><languagerule languagerulename="Default">
    <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule><beforebreak>(?U)[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule><beforebreak>[</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule></languagerules>
    <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules>
    </body></srx>
    """

  /// Writes `files` (relative path → text) into a new folder and returns it.
  func folder(_ files: [String: String]) throws -> String {
    try TestPaths.makeTemporaryFolder(with: files)
  }

  @Test func srxFileIsReadRelativeToThePipelineFile() throws {
    let root = try folder([
      "pipelines/p.yaml":
        "version: 1\nstages:\n  - kind: split\n    srx: ../rules/r.srx\n    srx-mode: replace\n",
      "rules/r.srx": srx,
    ])
    defer { TestPaths.removeTemporaryFolder(root) }
    let configuration = try PipelineLoader.load(path: root + "/pipelines/p.yaml")
    let splitter = try #require(configuration.pipeline.stages.first as? SentenceSplitter)
    #expect(splitter.options.srx?.mode == .replace)
    #expect(splitter.options.srx?.rules?.document.languageRules.first?.rules.count == 3)
    // The third rule does not compile: a warning naming the file, not a failure.
    #expect(configuration.warnings.count == 1)
    #expect(
      configuration.warnings.first?.hasPrefix(
        root + "/pipelines/../rules/r.srx:6: languagerule 'Default' rule 3: pattern '[': ") == true)
    let document = try configuration.pipeline.apply(
      to: Document(source: "t", text: "Dr. Who came. He left."))
    #expect(document.segments.map { document.text(of: $0) } == ["Dr. Who came.", "He left."])
  }

  @Test(arguments: [
    (
      "version: 1\nstages:\n  - kind: split\n    srx: missing.srx\n",
      "p.yaml:4:10: stage 'split': srx: ROOT/missing.srx: cannot open"
    ),
    (
      "version: 1\nstages:\n  - kind: split\n    srx: bad.srx\n",
      "p.yaml:4:10: stage 'split': srx: ROOT/bad.srx:1:1: not an SRX file"
    ),
    (
      "version: 1\nstages:\n  - kind: split\n    srx-mode: refine\n",
      "p.yaml:4:15: stage 'split': 'srx-mode' needs 'srx: FILE'"
    ),
    (
      "version: 1\nstages:\n  - kind: split\n    srx: r.srx\n    srx-mode: merge\n",
      "p.yaml:5:15: stage 'split': unknown value 'merge' for 'srx-mode'; allowed values: replace, refine"
    ),
  ])
  func badSRXOptionsNameThePlace(yaml: String, expected: String) throws {
    let root = try folder(["p.yaml": yaml, "bad.srx": "<rules/>", "r.srx": srx])
    defer { TestPaths.removeTemporaryFolder(root) }
    do {
      _ = try PipelineLoader.load(path: root + "/p.yaml")
      Issue.record("no error for \(yaml)")
    } catch {
      let expectedPrefix = root + "/" + expected.replacingOccurrences(of: "ROOT", with: root)
      #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
      #expect(!error.description.contains("\n"))
    }
  }
}
