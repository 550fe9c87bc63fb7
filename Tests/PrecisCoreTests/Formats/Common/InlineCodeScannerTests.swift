import PrecisCore
import PrecisTestSupport
import PropertyBased
import Testing

@Suite struct InlineCodeScannerTests {
  @Test(arguments: [
    ("Hello {name}!", ["{name}"]),
    ("{0} of {1}", ["{0}", "{1}"]),
    ("Total {{ count }} and ${x}", ["{{ count }}", "${x}"]),
    ("%s, %d, %1$d, %-5.2f, %lld, %@", ["%s", "%d", "%1$d", "%-5.2f", "%lld", "%@"]),
    ("Line<br/>break <br> and <b>bold</b>", ["<br/>", "<br>", "<b>", "</b>"]),
    ("3.5% less, 100% sure, %50 indirim, 5%ige Lösung, 20%.", []),
    ("a < b > c and {} and { x }", []),
  ])
  func findsPlaceholders(text: String, expected: [String]) {
    let pieces = InlineCodeScanner.pieces(of: text)
    #expect(pieces.placeholders == expected)
    #expect(pieces.joinedText == text)
  }

  @Test(arguments: [
    ("See https://example.org/a_b-c?x=1&y=2.", ["https://example.org/a_b-c?x=1&y=2"]),
    (
      "(www.example.com/path) and http://x.org/wiki/A_(b).",
      ["www.example.com/path", "http://x.org/wiki/A_(b)"]
    ),
    ("누리집(https://example.com/night-market)에서", ["https://example.com/night-market"]),
    ("組合のホームページ（https://example.org/shincha）で", ["https://example.org/shincha"]),
    (
      "Write to press@example.com. Or info-mercado@example.co.uk!",
      ["press@example.com", "info-mercado@example.co.uk"]
    ),
    ("전자우편(market@example.com)으로", ["market@example.com"]),
    ("Run `npm install` now", ["`npm install`"]),
    ("not@an-address and @handle and a@b.c", []),
  ])
  func protectsURLsAddressesAndCode(text: String, expected: [String]) {
    let pieces = InlineCodeScanner.pieces(of: text)
    let protected = pieces.compactMap { if case let .protected(s, _) = $0 { s } else { nil } }
    #expect(protected == expected)
    #expect(pieces.joinedText == text)
  }

  @Test func piecesRebuildRandomText() async {
    await propertyCheck(count: RandomDocuments.cases, input: HardText.document()) { text in
      #expect(InlineCodeScanner.pieces(of: text).joinedText == text)
    }
  }
}

@Suite struct PseudoTranslatorTests {
  @Test func accentsLengthensAndBracketsButKeepsCodes() {
    let pieces = InlineCodeScanner.pieces(of: "Save {name} to https://x.org now")
    let pseudo = PseudoTranslator.translate(pieces)
    #expect(pseudo.joinedText == "[Šáṽé {name} ţö https://x.org ñöŵ ~~~~~~~~~~]")
    #expect(pseudo.placeholders == ["{name}"])
    #expect(pseudo.contains(.protected("https://x.org", .url)))
  }
}
