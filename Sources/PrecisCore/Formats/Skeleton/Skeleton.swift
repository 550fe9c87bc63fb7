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
    var out: [UInt8] = []
    var estimate = 200 + source.utf8.count + end.utf8.count
    for entry in segments {
      estimate += 60 + entry.id.utf8.count + entry.before.utf8.count + (entry.source?.utf8.count ?? 0)
    }
    out.reserveCapacity(estimate)
    out.append(ascii: "{\"format\": \"")
    out.append(utf8: Self.formatName)
    out.append(ascii: "\", \"version\": 1,\n \"source\": ")
    Self.appendQuoted(source, to: &out)
    out.append(ascii: ", \"source-language\": ")
    Self.appendQuoted(sourceLanguage, to: &out)
    out.append(ascii: ",\n \"segments\": [")
    for (i, entry) in segments.enumerated() {
      out.append(ascii: i == 0 ? "\n  {\"id\": " : ",\n  {\"id\": ")
      Self.appendQuoted(entry.id, to: &out)
      out.append(ascii: ", \"before\": ")
      Self.appendQuoted(entry.before, to: &out)
      if let source = entry.source {
        out.append(ascii: ", \"source\": ")
        Self.appendQuoted(source, to: &out)
      }
      out.append(ascii: entry.isTranslatable ? ", \"translate\": true}" : ", \"translate\": false}")
    }
    out.append(ascii: segments.isEmpty ? "],\n" : "\n ],\n")
    out.append(ascii: " \"end\": ")
    Self.appendQuoted(end, to: &out)
    out.append(ascii: "}\n")
    return String(decoding: out, as: UTF8.self)
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
    Skeleton(PreparedDocument(document)).json()
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
