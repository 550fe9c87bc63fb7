import ArgumentParser
import Foundation
import PrecisCore

struct Detect: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the text's language and its paragraphs' languages (the detect stage alone).",
    discussion: """
      text: a first line with the language, the confidence (0 to 1) and the main
      script, then a line per paragraph: index, language, confidence, and start..end
      (UTF-8 offsets into the normalised text); '*' marks a paragraph in another
      language than the document. json: {"lang", "confidence", "script",
      "paragraphs": [{"index", "lang", "confidence", "start", "end"}]}. lang and
      confidence are null when no language was found.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @OptionGroup var input: InputOptions

  @Option(help: "Which paragraphs get a language of their own: auto, all or off.")
  var paragraphs: LanguageDetector.ParagraphMode = .auto

  @Option(help: "text or json.")
  var format: Format = .text

  func run() throws {
    try reportingFailures {
      let pipeline = try Pipeline(stages: [
        try TextNormalizer(options: .init()),
        try LanguageDetector(options: .init(paragraphs: paragraphs)),
      ])
      let document = try pipeline.apply(to: try input.decode())
      let script = dominantScript(of: document.text)
      switch format {
      case .text:
        var out =
          "\(document.language?.rawValue ?? "und") \(Self.number(document.languageConfidence))"
        out += " \(script?.code ?? "Zyyy")\n"
        for (i, paragraph) in document.paragraphs.enumerated() {
          let lang = paragraph.language ?? document.language
          let confidence = paragraph.languageConfidence ?? document.languageConfidence
          out += "\(i) \(lang?.rawValue ?? "und") \(Self.number(confidence))"
          out += " \(paragraph.range.lowerBound)..\(paragraph.range.upperBound)"
          out += paragraph.language == nil ? "\n" : " *\n"
        }
        printOutput(out)
      case .json:
        var items: [String] = []
        for (i, paragraph) in document.paragraphs.enumerated() {
          let lang = paragraph.language ?? document.language
          let confidence = paragraph.languageConfidence ?? document.languageConfidence
          items.append(
            "{\"index\":\(i),\"lang\":\(Self.quoted(lang?.rawValue)),\"confidence\":\(Self.number(confidence, null: "null")),"
              + "\"start\":\(paragraph.range.lowerBound),\"end\":\(paragraph.range.upperBound)}")
        }
        printOutput(
          "{\"lang\":\(Self.quoted(document.language?.rawValue)),"
            + "\"confidence\":\(Self.number(document.languageConfidence, null: "null")),"
            + "\"script\":\(Self.quoted(script?.code)),\"paragraphs\":[\(items.joined(separator: ","))]}\n"
        )
      }
    }
  }

  static func number(_ value: Double?, null: String = "-") -> String {
    value.map { String(format: "%.2f", $0) } ?? null
  }

  static func quoted(_ value: String?) -> String {
    value.map(JSONText.quoted) ?? "null"
  }
}

extension LanguageDetector.ParagraphMode: ExpressibleByArgument {}
