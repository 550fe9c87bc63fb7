import PrecisCore
import Testing

@Suite struct SRXDocumentTests {
  @Test func readsHeaderRulesAndMaps() throws {
    let text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!DOCTYPE srx [ <!ENTITY x "y"> ]>
      <srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
        <header segmentsubflows="no" cascade="yes">
          <formathandle type="end" include="yes"/>
          <okpsrx:options useIcu4jBreakRules="yes"/>
        </header>
        <body>
          <languagerules>
            <languagerule languagerulename="Default">
              <!-- a comment -->
              <rule break="no">
                <beforebreak>\\b(Mr|Dr)\\.</beforebreak>
                <afterbreak>\\s&amp;&#x41;<![CDATA[<x>]]></afterbreak>
              </rule>
              <rule><beforebreak>[.?!]</beforebreak></rule>
            </languagerule>
          </languagerules>
          <maprules>
            <languagemap languagepattern="[Ee][Nn].*" languagerulename="Default"/>
          </maprules>
        </body>
      </srx>
      """
    let document = try SRXDocument(text: text, source: "a.srx")
    #expect(!document.segmentsSubflows)
    #expect(document.cascade)
    #expect(document.usesICUBreakRules)
    #expect(document.formatHandles == [SRXDocument.FormatHandle(type: "end", include: true)])
    let rules = try #require(document.languageRules.first?.rules)
    #expect(rules.map(\.isBreak) == [false, true])
    #expect(rules[0].beforeBreak == #"\b(Mr|Dr)\."#)
    #expect(rules[0].afterBreak == #"\s&A<x>"#)
    #expect(rules[0].line == 12)
    #expect(rules[1].afterBreak == "")
    #expect(document.languageMaps.map(\.languagePattern) == ["[Ee][Nn].*"])
  }

  @Test func readsUTF16WithByteOrderMark() throws {
    let text =
      #"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body/></srx>"#
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    #expect(try SRXDocument(bytes: bytes, source: "u.srx").cascade == false)
  }

  @Test(arguments: [
    (
      "<srx version=\"2.0\"><body>\n<languagerules></srx>",
      "b.srx:2:16: not well-formed XML: </srx> closes <languagerules>; the tags do not match"
    ),
    ("<rules/>", "b.srx:1:1: not an SRX file: the root element is <rules>; expected <srx"),
    ("<srx version=\"3.0\"><body/></srx>", "b.srx:1:1: SRX version 3.0 is not supported"),
    (
      "<srx><header cascade=\"maybe\"/><body/></srx>",
      "b.srx:1:6: cascade=\"maybe\" on <header>; allowed values: yes, no"
    ),
    (
      "<srx><body><languagerules><languagerule/></languagerules></body></srx>",
      "b.srx:1:27: <languagerule> without languagerulename"
    ),
    ("<srx><body>&nbsp;</body></srx>", "b.srx:1:12: not well-formed XML: unknown entity '&nbsp;'"),
    ("<srx>", "b.srx:1:1: not well-formed XML: <srx> is never closed"),
  ])
  func badFilesNameThePlace(text: String, expectedPrefix: String) {
    do {
      _ = try SRXDocument(text: text, source: "b.srx")
      Issue.record("no error for \(text)")
    } catch {
      #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
      #expect(!error.description.contains("\n"))
    }
  }

  @Test func invalidUTF8IsReportedWithItsPlace() {
    let bytes = Array("<srx>\n  ".utf8) + [0xC3, 0x28] + Array("</srx>".utf8)
    #expect(
      throws: SRXFileError(
        source: "c.srx", line: 2, column: 3, message: "not valid UTF-8; save the SRX file as UTF-8")
    ) {
      try SRXDocument(bytes: bytes, source: "c.srx")
    }
  }

  @Test func readsSRX1MapsInsideMaprule() throws {
    let text = """
      <srx xmlns="http://www.lisa.org/srx10" version="1.0"><header segmentsubflows="yes"/>
      <body><languagerules><languagerule languagerulename="Default">
      <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\\s</afterbreak></rule>
      </languagerule></languagerules>
      <maprules><maprule maprulename="Default">
      <languagemap languagepattern=".*" languagerulename="Default"/>
      </maprule></maprules></body></srx>
      """
    let document = try SRXDocument(text: text, source: "old.srx")
    #expect(!document.cascade)
    #expect(document.languageMaps.map(\.languageRuleName) == ["Default"])
    #expect(document.languageRules.first?.rules.first?.afterBreak == "\\s")
  }
}
