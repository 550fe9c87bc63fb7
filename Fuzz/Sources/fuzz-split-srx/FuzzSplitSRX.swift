import FuzzSupport
import PrecisCore

/// A small rule file of the shapes CAT tools ship: a cascade of language rules, no-break rules
/// with look-behind, break rules on closing quotes and line ends, and a catch-all map.
private let ruleText = """
  <?xml version="1.0" encoding="UTF-8"?>
  <srx xmlns="http://www.lisa.org/srx20" version="2.0">
    <header segmentsubflows="yes" cascade="yes"/>
    <body>
      <languagerules>
        <languagerule languagerulename="English">
          <rule break="no"><beforebreak>\\b(?:Dr|Mr|Mrs|St|U\\.S)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
          <rule break="no"><beforebreak>\\b\\p{Lu}\\.</beforebreak><afterbreak>\\s\\p{Lu}</afterbreak></rule>
        </languagerule>
        <languagerule languagerulename="Default">
          <rule break="no"><beforebreak>(?&lt;=\\d)\\.</beforebreak><afterbreak>\\d</afterbreak></rule>
          <rule break="yes"><beforebreak>[.?!…]+["'”»)]*</beforebreak><afterbreak>\\s+</afterbreak></rule>
          <rule break="yes"><beforebreak>[。！？]+[」』）]*</beforebreak><afterbreak></afterbreak></rule>
          <rule break="yes"><beforebreak>\\n</beforebreak><afterbreak></afterbreak></rule>
          <rule break="yes"><beforebreak>(?:a+)+b</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule>
      </languagerules>
      <maprules>
        <languagemap languagepattern="en.*" languagerulename="English"/>
        <languagemap languagepattern=".*" languagerulename="Default"/>
      </maprules>
    </body>
  </srx>
  """

private let rules = try! SRXRules(bytes: Array(ruleText.utf8), source: "fuzz.srx")
private let normalizer = try! TextNormalizer(options: .init())
private let replacing = splitter(.replace)
private let refining = splitter(.refine)

private func splitter(_ mode: SRXMode) -> SentenceSplitter {
  var options = SentenceSplitter.Options()
  options.language = LanguageTag("en")
  options.srx = SRXSplitOptions(rules: rules, mode: mode)
  return try! SentenceSplitter(options: options)
}

/// Lossy-decoded bytes normalised and split with SRX rules, replacing ICU's breaks when the
/// first byte is even and refining them when it is odd: the segments lie in order on scalar
/// boundaries, and the segments with the gaps between them rebuild the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size >= 1, size <= maximumInput else { return 0 }
  let split = data[0] & 1 == 0 ? replacing : refining
  var document = Document(source: "fuzz", text: lossyText(data + 1, size - 1))
  do {
    document = try normalizer.apply(to: document)
    document = try split.apply(to: document)
  } catch {
    return 0
  }
  requireLosslessSegments(document)
  return 0
}

/// The debug build's `main` (see Package.swift).
@_cdecl("fuzz_split_srx_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  runFuzzer(argc, argv) { data, size in fuzz(data ?? emptyInput, size) }
}
