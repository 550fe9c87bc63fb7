import ArgumentParser
import PrecisCore
import PrecisRunner

struct Split: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the text's sentence segments, one per line or as JSON Lines.",
    discussion: """
      jsonl: one object per segment with id, text, paragraph, start and end (UTF-8
      offsets into the normalised text), role, translate and lang.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl }

  @OptionGroup var input: InputOptions

  @Option(help: "The language (auto: detected, or a code such as en, de, pt-BR).")
  var lang: String = "auto"

  @Option(help: "lines or jsonl.")
  var format: Format = .lines

  @Option(help: "The normal form: nfc, nfkc or nfkc-casefold.")
  var form: NormalizationForm = .nfc

  @Option(help: "SRX 2.0 segmentation rules to split with.")
  var srx: String?

  @Option(help: "replace (SRX alone) or refine (SRX on ICU's breaks); default: the file's choice.")
  var srxMode: SRXMode?

  func validate() throws {
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de, pt-BR")
    }
    if srxMode != nil && srx == nil {
      throw ValidationError("--srx-mode needs --srx FILE, the SRX 2.0 rule file to use")
    }
  }

  func run() throws {
    try reportingFailures {
      var document = try input.decode()
      if lang != "auto" { document.language = LanguageTag(lang) }
      var splitOptions = SentenceSplitter.Options()
      if let srx {
        let rules = try SRXRules(bytes: try InputFile.read(srx), source: srx)
        for warning in rules.warnings { printError("warning: \(warning)") }
        splitOptions.srx = SRXSplitOptions(rules: rules, mode: srxMode)
      }
      let pipeline = try Pipeline(stages: [
        try TextNormalizer(options: .init(form: form)),
        try LanguageDetector(options: .init()),  // keeps --lang; finds paragraphs in other languages
        try SentenceSplitter(options: splitOptions),
      ])
      document = try pipeline.apply(to: document)
      for warning in document.warnings { printError("warning: \(warning)") }
      var out = ""
      out.reserveCapacity(document.text.utf8.count + document.segments.count * 64)
      switch format {
      case .lines:
        for segment in document.segments {
          out += document.text(of: segment)
          out += "\n"
        }
      case .jsonl:
        out = SegmentJSONLWriter().render(document, targetLanguage: nil)
      }
      printOutput(out)
    }
  }
}

extension SRXMode: ExpressibleByArgument {}
