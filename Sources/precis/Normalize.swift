import ArgumentParser
import PrecisCore

struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the normalised text (the normalize stage alone).",
    discussion: """
      NFC by default; CRLF and CR become LF; controls other than TAB and LF are
      removed and counted. --format json adds the encoding, the form and what was
      removed.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

  @OptionGroup var input: InputOptions

  @Option(help: "The normal form: nfc, nfkc or nfkc-casefold.")
  var form: NormalizationForm = .nfc

  @Option(help: "text (the normalised text) or json.")
  var format: Format = .text

  func run() throws {
    try reportingFailures {
      let document = try TextNormalizer(options: .init(form: form)).apply(to: try input.decode())
      switch format {
      case .text:
        printOutput(document.text)
      case .json:
        let removed = document.removedCharacters.map { "{\"offset\":\($0.utf8Offset),\"scalar\":\($0.scalar)}" }
        printOutput(
          "{\"source\":\(JSONText.quoted(document.source)),\"encoding\":\(JSONText.quoted(document.inputEncoding.name)),"
            + "\"form\":\(JSONText.quoted(form.rawValue)),\"removed\":[\(removed.joined(separator: ","))],"
            + "\"text\":\(JSONText.quoted(document.text))}\n")
      }
    }
  }
}
