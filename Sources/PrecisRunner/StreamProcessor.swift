import Foundation
import PrecisCore

/// Turns one JSON Lines document into one JSON Lines result, for `precis stream`.
///
/// A document is an object with `text` and an `id` (string or number) or a `path`, and
/// optionally `lang` (a code, or `auto`); other keys are ignored. The result, on one line:
///
///     {"id":"7","lang":"en","paragraphs":2,"words":31,
///      "segments":[{"id":"p3f9a12bc07d1-1","text":"…","start":0,"end":42}, …],
///      "outputs":[{"name":"7.segments.tsv","text":"…"}, …]}
///
/// `id` and `path` are echoed as given; `start` and `end` are UTF-8 offsets into the
/// normalised text, as everywhere in precis; `summary` is added when the pipeline scores
/// sentences. `outputs` holds what `precis run` would write for a file at `path` (or named
/// after `id`): with the text (`inline`), as names only (`names`), or not at all (`none`).
/// A line that cannot be used gives `{"id":…,"line":N,"error":"…"}`, never a crash; every
/// input line gives exactly one output line, in order.
public struct StreamProcessor: Sendable {
  /// How outputs appear in a result.
  public enum OutputMode: String, Sendable, CaseIterable {
    case inline, names, none
  }

  /// The pipeline and overrides.
  public var processor: DocumentProcessor
  /// How outputs appear.
  public var outputMode: OutputMode

  public init(processor: DocumentProcessor, outputMode: OutputMode = .inline) {
    self.processor = processor
    self.outputMode = outputMode
  }

  /// The result line (without a line break) for input line `number` (from 1).
  public func result(for line: some Collection<UInt8>, number: Int) -> String {
    var bytes = Array(line)
    if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
    let input: StreamInput
    do {
      input = try JSONDecoder().decode(StreamInput.self, from: Data(bytes))
    } catch {
      let reason =
        bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 })
        ? "empty line; give one JSON object per line"
        : "not a JSON object with \"text\" (\(Self.describe(error))); give {\"id\": …, \"text\": …}"
      return errorLine(id: nil, number: number, reason)
    }
    let idJSON = input.id?.json
    guard let text = input.text else {
      return errorLine(
        id: idJSON, number: number, "missing \"text\"; give {\"id\": …, \"text\": …}")
    }
    guard input.id != nil || input.path != nil else {
      return errorLine(
        id: idJSON, number: number, "missing \"id\" or \"path\"; give one to tell results apart")
    }
    var language = processor.language
    if let lang = input.lang, lang != "auto" {
      guard let tag = LanguageTag(lang) else {
        return errorLine(
          id: idJSON, number: number,
          "'\(lang)' is not a language tag; use auto or a code such as en, de")
      }
      language = tag
    }
    let source = input.path ?? input.id?.text ?? "-"
    let lineProcessor = DocumentProcessor(
      configuration: processor.configuration, language: language, encoding: "utf-8")
    let document: Document
    do {
      document = try lineProcessor.document(from: Array(text.utf8), source: source)
    } catch {
      return errorLine(id: idJSON, number: number, error.description)
    }

    var out = "{"
    out.reserveCapacity(text.utf8.count * (outputMode == .inline ? 4 : 2) + 256)
    if let idJSON { out += "\"id\":\(idJSON)," }
    if let path = input.path { out += "\"path\":\(JSONText.quoted(path))," }
    out += "\"lang\":" + (document.language.map { JSONText.quoted($0.rawValue) } ?? "null")
    out +=
      ",\"paragraphs\":\(document.paragraphs.count),\"words\":\(WordCounter().counts(of: document).total.words)"
    out += ",\"segments\":["
    for (i, segment) in document.segments.enumerated() {
      if i > 0 { out += "," }
      out +=
        "{\"id\":\(JSONText.quoted(segment.id.rawValue)),\"text\":\(JSONText.quoted(document.text(of: segment)))"
      out += ",\"start\":\(segment.range.lowerBound),\"end\":\(segment.range.upperBound)}"
    }
    out += "]"
    if let summary = processor.configuration.summary(of: document) {
      out += ",\"summary\":\(JSONText.quoted(summary))"
    }
    if outputMode != .none {
      out += ",\"outputs\":["
      let base = BatchRunner.baseName(of: input.path ?? input.id?.text ?? "document")
      for (i, rendered) in processor.outputs(of: document, baseName: base).enumerated() {
        if i > 0 { out += "," }
        out += "{\"name\":\(JSONText.quoted(rendered.relativePath))"
        if outputMode == .inline { out += ",\"text\":\(JSONText.quoted(rendered.contents))" }
        out += "}"
      }
      out += "]"
    }
    out += "}"
    return out
  }

  /// The result of a line longer than `limit`, which was skipped unread.
  public func tooLong(number: Int, limit: FileSizeLimit) -> String {
    errorLine(
      id: nil, number: number,
      "longer than the \(limit) limit on a document; skipped; pass --max-file-size with a larger size, or split the document"
    )
  }

  private func errorLine(id: String?, number: Int, _ reason: String) -> String {
    var out = "{"
    if let id { out += "\"id\":\(id)," }
    out += "\"line\":\(number),\"error\":\(JSONText.quoted(reason))}"
    return out
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      let key = context.codingPath.last?.stringValue ?? "value"
      return "'\(key)' has the wrong type"
    case DecodingError.dataCorrupted(let context):
      if context.codingPath.isEmpty { return "not valid JSON" }
      return "'\(context.codingPath.last?.stringValue ?? "value")' is not valid"
    default:
      return "not valid JSON"
    }
  }
}

/// One document of `precis stream`'s input.
struct StreamInput: Decodable {
  var id: StreamID?
  var path: String?
  var text: String?
  var lang: String?
}

/// A document's `id` as given: a string or a number, echoed back unchanged.
enum StreamID: Decodable {
  case string(String)
  case integer(Int64)
  case number(Double)

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let i = try? c.decode(Int64.self) {
      self = .integer(i)
    } else {
      self = .number(try c.decode(Double.self))
    }
  }

  /// The id as JSON.
  var json: String {
    switch self {
    case .string(let s): JSONText.quoted(s)
    case .integer(let i): "\(i)"
    case .number(let d): d.isFinite ? "\(d)" : "null"
    }
  }

  /// The id as text, for naming outputs.
  var text: String {
    switch self {
    case .string(let s): s
    case .integer(let i): "\(i)"
    case .number(let d): "\(d)"
    }
  }
}
