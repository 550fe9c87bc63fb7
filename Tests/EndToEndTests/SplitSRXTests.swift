import Foundation
import PrecisTestSupport
import Testing

@Suite struct SplitSRXTests {
  let srx = """
    <srx xmlns="http://www.lisa.org/srx20" version="2.0">
    <header segmentsubflows="yes" cascade="yes"/>
    <body><languagerules><languagerule languagerulename="Default">
    <rule break="no"><beforebreak>\\bDr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule><beforebreak>[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule><beforebreak>(unclosed</beforebreak></rule>
    </languagerule></languagerules>
    <maprules><languagemap languagepattern=".*" languagerulename="Default"/></maprules>
    </body></srx>
    """

  @Test func splitWithSRXPrintsSegmentsAndWarnings() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let path = folder + "/r.srx"
    try Data(srx.utf8).write(to: URL(fileURLWithPath: path))
    let outcome = try PrecisBinary.run(
      ["split", "--srx", path], input: Array("Is Dr. Who here? Yes.".utf8))
    #expect(outcome.status == 0)
    #expect(outcome.stdout == "Is Dr. Who here?\nYes.\n")
    #expect(
      outcome.stderr.hasPrefix(
        "precis: warning: \(path):6: languagerule 'Default' rule 3: pattern '(unclosed': "))
  }

  @Test func badSRXFileFailsWithOneLine() throws {
    let folder = try TestPaths.makeTemporaryFolder()
    defer { TestPaths.removeTemporaryFolder(folder) }
    let path = folder + "/r.srx"
    try Data("<srx><body>".utf8).write(to: URL(fileURLWithPath: path))
    let outcome = try PrecisBinary.run(["split", "--srx", path], input: Array("One. Two.".utf8))
    #expect(outcome.status == 1)
    #expect(outcome.stderr == "precis: \(path):1:6: not well-formed XML: <body> is never closed\n")
  }

  @Test func srxModeNeedsSRX() throws {
    let outcome = try PrecisBinary.run(
      ["split", "--srx-mode", "refine"], input: Array("One.".utf8))
    #expect(outcome.status == 64)
  }
}
