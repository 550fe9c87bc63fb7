import ArgumentParser
import PrecisCore

struct Split: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the text's sentence segments, one per line or as JSON Lines.",
    discussion: """
      jsonl: one object per segment with id, text, paragraph, start and end (UTF-8 offsets
      into the normalised text), role, translate and lang.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case lines, jsonl }

  @OptionGroup var input: InputOptions

  @Option(help: "The language (auto: detected, or a code such as en, de, pt-BR).")
  var lang: String = "auto"

  @Option(help: "lines or jsonl.")
  var format: Format = .lines

  @Option(help: "The normal form: nfc, nfkc or nfkc-casefold.")
  var form: NormalizationForm = .nfc

  func validate() throws {
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de, pt-BR")
    }
  }

  func run() throws {
    try reportingFailures {
      var document = try input.decode()
      if lang != "auto" { document.language = LanguageTag(lang) }
      let pipeline = try Pipeline(stages: [
        try TextNormalizer(options: .init(form: form)),
        try LanguageDetector(options: .init()),  // keeps --lang; finds paragraphs in other languages
        try SentenceSplitter(options: .init()),
      ])
      document = try pipeline.apply(to: document)
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
