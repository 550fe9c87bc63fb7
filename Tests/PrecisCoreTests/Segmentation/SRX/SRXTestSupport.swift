import Foundation
import PrecisCore
import PrecisTestSupport
import Testing

/// Reading the SRX files kept in `../shared/data/srx` and splitting with them.
enum SRXFiles {
  /// Every SRX file kept beside the project, relative to `data/srx`.
  static let names = [
    "okapi/defaultSegmentation.srx", "okapi/okapi_default_icu4j.srx", "okapi/alternate-default.srx",
    "languagetool/segment.srx", "omegat/defaultRules.srx", "maxprograms-openxliff/default.srx",
    "loomchild-segment/default.srx",
  ]

  static func rules(_ name: String) throws -> SRXRules {
    if let rules = compiled[name] { return rules }
    return try load(name)
  }

  private static func load(_ name: String) throws -> SRXRules {
    let path = TestPaths.shared + "/data/srx/" + name
    return try SRXRules(
      bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: name)
  }

  /// Each file compiled once for all the tests (compiling thousands of rules takes a while).
  private static let compiled: [String: SRXRules] = {
    var result: [String: SRXRules] = [:]
    for name in names { result[name] = try? load(name) }
    return result
  }()

  /// Normalises and splits `text` with `rules`.
  static func split(
    _ text: String, rules: SRXRules?, mode: SRXMode? = nil, language: String = "en"
  ) throws -> Document {
    var document = Document(source: "t", text: text)
    document.language = LanguageTag(language)
    var options = SentenceSplitter.Options()
    if let rules { options.srx = SRXSplitOptions(rules: rules, mode: mode) }
    let pipeline = try Pipeline(stages: [
      try TextNormalizer(options: .init()), try SentenceSplitter(options: options),
    ])
    return try pipeline.apply(to: document)
  }

  /// The segments' texts.
  static func segments(
    _ text: String, rules: SRXRules?, mode: SRXMode? = nil, language: String = "en"
  ) throws -> [String] {
    let document = try split(text, rules: rules, mode: mode, language: language)
    return document.segments.map { document.text(of: $0) }
  }
}
