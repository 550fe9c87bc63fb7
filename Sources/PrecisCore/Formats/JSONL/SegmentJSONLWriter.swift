/// Writes one JSON object per segment, as `precis split --format jsonl` prints them.
///
/// Fields: `id`, `text`, `paragraph` (0-based), `start` and `end` (UTF-8 offsets into the
/// normalised text), `role`, `translate`, and `lang` when known.
public struct SegmentJSONLWriter: SegmentWriter {
  public static let format = "jsonl"
  public let fileExtension = "segments.jsonl"

  public init() {}

  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 2)
    for segment in document.segments {
      out += line(for: segment, in: document)
      out += "\n"
    }
    return out
  }

  /// The JSON object of one segment, without a line break.
  public func line(for segment: Segment, in document: Document) -> String {
    var fields = [
      "\"id\":\(JSONText.quoted(segment.id.rawValue))",
      "\"text\":\(JSONText.quoted(document.text(of: segment)))",
      "\"paragraph\":\(segment.paragraph)",
      "\"start\":\(segment.range.lowerBound)",
      "\"end\":\(segment.range.upperBound)",
      "\"role\":\(JSONText.quoted(segment.role.rawValue))",
      "\"translate\":\(segment.isTranslatable)",
    ]
    if let lang = segment.language ?? document.language {
      fields.append("\"lang\":\(JSONText.quoted(lang.rawValue))")
    }
    return "{" + fields.joined(separator: ",") + "}"
  }
}
