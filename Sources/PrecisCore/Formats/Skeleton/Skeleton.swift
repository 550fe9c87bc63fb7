/// The layout of a prepared document: segment ids in order with the text between them.
///
/// `merge` needs it for the formats that hold segments but not the text between them (TMX,
/// PO, aligned text, TSV): `prepare` writes it beside them as `NAME.skeleton.json`, and
/// XLIFF 1.2 carries it in `<header><skl><internal-file>`. XLIFF 2 needs none: its
/// `<ignorable>` elements hold the gaps.
///
/// ```json
/// {"format": "precis-skeleton", "version": 1,
///  "source": "en/news.txt", "source-language": "en",
///  "segments": [
///   {"id": "p3f9a12bc07d1-1", "before": "", "source": "Hello.", "translate": true},
///   {"id": "p3f9a12bc07d1-2", "before": " ", "source": "Bye.", "translate": true}
///  ],
///  "end": "\n"}
/// ```
///
/// `before` is the text between the previous segment (or the start) and this one; `end` the
/// text after the last. Joining `before`, then the segment's text, for every segment, then
/// `end`, rebuilds the document. Characters other formats cannot hold are `\u` escapes.
public struct Skeleton: Sendable, Hashable {
  /// The value of the `format` member.
  public static let formatName = "precis-skeleton"
  /// The file name ending: `NAME.skeleton.json`.
  public static let fileExtension = "skeleton.json"

  /// The document's source name.
  public var source: String
  /// The source language tag.
  public var sourceLanguage: String
  /// The segments in order.
  public var segments: [Entry]
  /// The text after the last segment.
  public var end: String

  /// One segment of the layout.
  public struct Entry: Sendable, Hashable {
    public var id: String
    /// The text before the segment.
    public var before: String
    /// The segment's source text; `nil` in a layout that leaves it to the file it travels in.
    public var source: String?
    /// Whether translators work on it; when not, `merge` keeps the source.
    public var isTranslatable: Bool

    public init(id: String, before: String, source: String?, isTranslatable: Bool) {
      self.id = id
      self.before = before
      self.source = source
      self.isTranslatable = isTranslatable
    }
  }

  public init(source: String, sourceLanguage: String, segments: [Entry], end: String) {
    self.source = source
    self.sourceLanguage = sourceLanguage
    self.segments = segments
    self.end = end
  }

  /// The layout of a prepared document; `includingSource: false` leaves the sources out.
  public init(_ document: PreparedDocument, includingSource: Bool = true) {
    source = document.source
    sourceLanguage = document.sourceLanguage.rawValue
    segments = document.segments.map {
      Entry(
        id: $0.id.rawValue, before: $0.before, source: includingSource ? $0.text : nil,
        isTranslatable: $0.isTranslatable)
    }
    end = document.end
  }

  /// The skeleton as JSON, one segment a line, ASCII-safe for XML: controls, DEL, C1
  /// controls, U+FEFF, U+FFFE, U+FFFF and the line separators are `\u` escapes.
  public func json() -> String {
    ByteSink.text { sink in
      Self.writeHeader(source: source, sourceLanguage: sourceLanguage, to: &sink)
      for (i, entry) in segments.enumerated() {
        var id = entry.id
        var before = entry.before
        var source = entry.source
        id.withUTF8 { id in
          before.withUTF8 { before in
            if source != nil {
              source!.withUTF8 {
                Self.writeEntry(
                  i, id: id, before: before, source: $0, translate: entry.isTranslatable, to: &sink)
              }
            } else {
              Self.writeEntry(
                i, id: id, before: before, source: nil, translate: entry.isTranslatable, to: &sink)
            }
          }
        }
      }
      var end = end
      end.withUTF8 { Self.writeFooter(isEmpty: segments.isEmpty, end: $0, to: &sink) }
    }
  }

  /// Writes the JSON of `Skeleton(document, includingSource:)` into `sink`, a segment at a
  /// time, without making the skeleton: the same bytes as ``json()``.
  public static func write(
    _ document: PreparedDocument, includingSource: Bool = true, to sink: inout ByteSink
  ) {
    writeHeader(source: document.source, sourceLanguage: document.sourceLanguage.rawValue, to: &sink)
    for (i, segment) in document.segments.enumerated() {
      var id = segment.id.rawValue
      id.withUTF8 { id in
        segment.withBeforeUTF8 { before in
          if includingSource {
            segment.withUTF8 {
              writeEntry(
                i, id: id, before: before, source: $0, translate: segment.isTranslatable, to: &sink)
            }
          } else {
            writeEntry(
              i, id: id, before: before, source: nil, translate: segment.isTranslatable, to: &sink)
          }
        }
      }
    }
    document.withUTF8 {
      writeFooter(
        isEmpty: document.segments.isEmpty,
        end: UnsafeBufferPointer(rebasing: $0[document.endOffset...]), to: &sink)
    }
  }

  private static func writeHeader(source: String, sourceLanguage: String, to sink: inout ByteSink) {
    sink.bytes.append(ascii: "{\"format\": \"")
    sink.bytes.append(utf8: formatName)
    sink.bytes.append(ascii: "\", \"version\": 1,\n \"source\": ")
    appendQuoted(source, to: &sink.bytes)
    sink.bytes.append(ascii: ", \"source-language\": ")
    appendQuoted(sourceLanguage, to: &sink.bytes)
    sink.bytes.append(ascii: ",\n \"segments\": [")
  }

  private static func writeEntry(
    _ i: Int, id: UnsafeBufferPointer<UInt8>, before: UnsafeBufferPointer<UInt8>,
    source: UnsafeBufferPointer<UInt8>?, translate: Bool, to sink: inout ByteSink
  ) {
    sink.bytes.append(ascii: i == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ")
    appendQuoted(bytes: id, to: &sink)
    sink.bytes.append(ascii: ", \"before\": ")
    appendQuoted(bytes: before, to: &sink)
    if let source {
      sink.bytes.append(ascii: ", \"source\": ")
      appendQuoted(bytes: source, to: &sink)
    }
    sink.bytes.append(ascii: translate ? ", \"translate\": true}" : ", \"translate\": false}")
    sink.flushIfFull()
  }

  private static func writeFooter(
    isEmpty: Bool, end: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink
  ) {
    sink.bytes.append(ascii: isEmpty ? "],\n" : "\n ],\n")
    sink.bytes.append(ascii: " \"end\": ")
    appendQuoted(bytes: end, to: &sink)
    sink.bytes.append(ascii: "}\n")
  }

  /// Reads a skeleton written by ``json()``.
  ///
  /// - Parameter file: names the skeleton in errors.
  public init(json text: String, file: String) throws(MergeError) {
    let value: JSONValue
    do {
      value = try JSONValue.parse(text)
    } catch {
      throw MergeError(
        file: file, reason: "not a readable skeleton (\(error)); prepare the document again")
    }
    guard value["format"]?.string == Self.formatName else {
      throw MergeError(
        file: file, reason: "not a precis skeleton (no \"format\": \"\(Self.formatName)\")")
    }
    guard value["version"]?.int == 1 else {
      throw MergeError(
        file: file,
        reason:
          "skeleton version \(value["version"]?.int.map(String.init) ?? "?") is not supported; this precis reads version 1"
      )
    }
    guard let list = value["segments"]?.array, let end = value["end"]?.string else {
      throw MergeError(
        file: file, reason: "the skeleton lacks \"segments\" or \"end\"; prepare the document again"
      )
    }
    var entries: [Entry] = []
    entries.reserveCapacity(list.count)
    for (i, item) in list.enumerated() {
      guard let id = item["id"]?.string, let before = item["before"]?.string else {
        throw MergeError(file: file, reason: "skeleton segment \(i + 1) lacks \"id\" or \"before\"")
      }
      entries.append(
        Entry(
          id: id, before: before, source: item["source"]?.string,
          isTranslatable: item["translate"]?.bool ?? true))
    }
    self.init(
      source: value["source"]?.string ?? "",
      sourceLanguage: value["source-language"]?.string ?? "und",
      segments: entries, end: end)
  }

  static func quoted(_ s: String) -> String {
    UTF8Escaping.escaped(
      s, prefix: "\"", suffix: "\"", mayEscape: mayEscape, replacement: replacement)
  }

  /// Appends `s` as ``quoted(_:)`` writes it.
  static func appendQuoted(_ s: String, to out: inout [UInt8]) {
    out.append(0x22)
    UTF8Escaping.append(s, to: &out, mayEscape: mayEscape, replacement: replacement)
    out.append(0x22)
  }

  /// Appends valid UTF-8 `bytes` as ``quoted(_:)`` writes them, a piece at a time.
  static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
    sink.bytes.append(0x22)
    UTF8Escaping.append(bytes: bytes, to: &sink, mayEscape: mayEscape, replacement: replacement)
    sink.bytes.append(0x22)
  }

  @inline(__always)
  static func mayEscape(_ b: UInt8) -> Bool {
    b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF
  }

  static func replacement(_ v: UInt32) -> String? {
    switch v {
    case 0x22: return "\\\""
    case 0x5C: return "\\\\"
    case 0x0A: return "\\n"
    case 0x09: return "\\t"
    case 0x0D: return "\\r"
    case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF, 0x2028, 0x2029:
      return "\\u" + XMLText.hex(v).lowercased()
    default: return nil
    }
  }
}

/// Writes `NAME.skeleton.json`, the layout `merge` needs beside TMX, PO, aligned and TSV files.
public struct SkeletonWriter: SegmentWriter {
  public static let format = "skeleton"
  public let fileExtension = Skeleton.fileExtension

  public init() {}

  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    let prepared = PreparedDocument(document)
    return ByteSink.text { Skeleton.write(prepared, to: &$0) }
  }

  public func streams(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
  {
    let prepared = PreparedDocument(document)
    return [
      SegmentStream(relativePath: "\(baseName).\(fileExtension)") {
        Skeleton.write(prepared, to: &$0)
      }
    ]
  }

  public func files(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    [
      SegmentFile(
        relativePath: "\(baseName).\(fileExtension)",
        contents: render(document, targetLanguage: nil))
    ]
  }
}
