/// Writes one JSON object per segment, as `precis split --format jsonl` prints them.
///
/// Fields: `id`, `text`, `paragraph` (0-based), `start` and `end` (UTF-8 offsets into the
/// normalised text), `role`, `translate`, and `lang` when known.
public struct SegmentJSONLWriter: StreamingSegmentWriter {
  public static let format = "jsonl"
  public let fileExtension = "segments.jsonl"

  public init() {}

  /// Writes the lines of `document` into `sink`, one segment at a time.
  public func write(_ document: Document, to sink: inout ByteSink) {
    var text = document.text
    text.withUTF8 { bytes in
      for segment in document.segments {
        append(segment, text: bytes, in: document, to: &sink)
        sink.bytes.append(0x0A)
        sink.flushIfFull()
      }
    }
  }

  /// Appends the JSON object of one segment, as ``line(for:in:)`` gives it; `text` is the
  /// document's text.
  func append(
    _ segment: Segment, text: UnsafeBufferPointer<UInt8>, in document: Document,
    to sink: inout ByteSink
  ) {
    sink.bytes.append(ascii: "{\"id\":")
    JSONText.appendQuoted(segment.id.rawValue, to: &sink.bytes)
    sink.bytes.append(ascii: ",\"text\":")
    let lo = min(max(segment.range.lowerBound, 0), text.count)
    let hi = min(max(segment.range.upperBound, lo), text.count)
    JSONText.appendQuoted(bytes: UnsafeBufferPointer(rebasing: text[lo..<hi]), to: &sink)
    sink.bytes.append(ascii: ",\"paragraph\":")
    sink.bytes.append(utf8: String(segment.paragraph))
    sink.bytes.append(ascii: ",\"start\":")
    sink.bytes.append(utf8: String(segment.range.lowerBound))
    sink.bytes.append(ascii: ",\"end\":")
    sink.bytes.append(utf8: String(segment.range.upperBound))
    sink.bytes.append(ascii: ",\"role\":")
    JSONText.appendQuoted(segment.role.rawValue, to: &sink.bytes)
    sink.bytes.append(ascii: segment.isTranslatable ? ",\"translate\":true" : ",\"translate\":false")
    if let lang = segment.language ?? document.language {
      sink.bytes.append(ascii: ",\"lang\":")
      JSONText.appendQuoted(lang.rawValue, to: &sink.bytes)
    }
    sink.bytes.append(0x7D)
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
