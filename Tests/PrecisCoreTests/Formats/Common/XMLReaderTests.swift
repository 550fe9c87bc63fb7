import Testing

@testable import PrecisCore

@Suite struct XMLReaderTests {
  @Test func readsElementsAttributesAndReferences() throws {
    let root = try XMLReader.parse(
      """
      \u{FEFF}<?xml version="1.0"?>
      <!DOCTYPE tmx SYSTEM "tmx14.dtd" [ <!ENTITY x "y"> ]>
      <!-- comment -->
      <a b='1 &amp; 2' c="tab&#9;and&#10;line	raw">x &lt;&#x1F600;&#65;<![CDATA[<raw> & ]]>\r\ny<e/></a>
      """)
    #expect(root.name == "a")
    #expect(root.attribute("b") == "1 & 2")
    #expect(root.attribute("c") == "tab\tand\nline raw")
    #expect(root.textContent == "x <😀A<raw> & \ny")
    #expect(root.elements.map(\.name) == ["e"])
  }

  @Test(arguments: [
    ("<a><b></a>", "line 1: </a> closes <b>"),
    ("<a>&nbsp;</a>", "line 1: unknown entity '&nbsp;'"),
    ("<a>\n<b x=1/></a>", "line 2: the value of 'x' must be quoted"),
    ("<a></a><b/>", "line 1: a second root element <b>"),
    ("<a>", "<a> (line 1) is not closed"),
    ("text", "text outside the root element"),
  ])
  func reportsWhereXMLIsBroken(xml: String, message: String) {
    #expect {
      try XMLReader.parse(xml)
    } throws: { error in
      (error as? XMLParseError)?.description.contains(message) == true
    }
  }

  @Test func jsonReadsEscapesAndSurrogates() throws {
    let value = try JSONValue.parse(
      #"{"a": ["\u00e9\ud83d\ude00\n", true, null, -1.5e2], "b": {}}"#)
    #expect(value["a"] == .array([.string("é😀\n"), .bool(true), .null, .number(-150)]))
    #expect(value["b"] == .object([]))
    #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"a": "\ud83d"}"#) }
    #expect(throws: JSONParseError.self) { try JSONValue.parse("[1, 2") }
  }
}
