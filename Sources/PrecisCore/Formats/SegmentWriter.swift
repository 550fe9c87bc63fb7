/// A file format that segments are written in.
///
/// Writers are pure: document in, text out.
public protocol SegmentWriter: Sendable {
  /// The name used in pipeline files and on the command line, such as `tsv`.
  static var format: String { get }
  /// The file name ending, such as `segments.tsv`.
  var fileExtension: String { get }
  /// Renders the document's segments for translation into `targetLanguage`.
  func render(_ document: Document, targetLanguage: LanguageTag?) -> String
  /// The files this writer makes for one document, named after `baseName` (the input's name
  /// without its extension).
  ///
  /// The default is one file, `NAME.<tgt>.<fileExtension>` (or `NAME.<fileExtension>`
  /// without a target language), holding `render(_:targetLanguage:)`.
  func files(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  /// Whether `merge` needs the layout file `NAME.skeleton.json` beside this format's files,
  /// because the format does not carry the text between segments.
  var needsSkeleton: Bool { get }
  /// The files of ``files(for:baseName:targetLanguage:)``, each written on demand into a
  /// ``ByteSink``, so that a large output need not be held whole. The bytes are the same.
  ///
  /// The default renders the files first; writers that can write a piece at a time do.
  func streams(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
}

extension SegmentWriter {
  public func files(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentFile]
  {
    [
      SegmentFile(
        relativePath: fileName(baseName: baseName, targetLanguage: targetLanguage),
        contents: render(document, targetLanguage: targetLanguage))
    ]
  }

  /// The default file name: `NAME.<tgt>.<fileExtension>`, or `NAME.<fileExtension>` without
  /// a target language.
  func fileName(baseName: String, targetLanguage: LanguageTag?) -> String {
    targetLanguage.map { "\(baseName).\($0.rawValue).\(fileExtension)" } ?? "\(baseName).\(fileExtension)"
  }

  public var needsSkeleton: Bool { false }

  public func streams(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
  {
    files(for: document, baseName: baseName, targetLanguage: targetLanguage).map(SegmentStream.init)
  }
}

/// A file a writer made: a path relative to the output folder, and its text.
public struct SegmentFile: Sendable, Hashable {
  /// Where the file goes, relative to the output folder, such as `news.fr.xlf`.
  public var relativePath: String
  /// The file's text (written as UTF-8).
  public var contents: String

  public init(relativePath: String, contents: String) {
    self.relativePath = relativePath
    self.contents = contents
  }

  /// The file a stream writes, gathered.
  public init(_ stream: SegmentStream) {
    self.init(relativePath: stream.relativePath, contents: stream.contents)
  }
}

/// What a writer puts in the target of each segment.
public enum TargetFill: String, Sendable, Hashable, CaseIterable, Codable {
  /// Nothing: the translator fills the targets (the default).
  case empty
  /// A copy of the source, for tools that translate over the source text.
  case copySource = "copy-source"
  /// Pseudo-translation: accented, about 30 % longer, bracketed, codes untouched; for
  /// testing that a product shows translated text whole.
  case pseudo
}

/// Escapes text for JSON string literals.
public enum JSONText {
  /// `string` as a JSON string literal, with quotes.
  public static func quoted(_ string: String) -> String {
    UTF8Escaping.escaped(
      string, prefix: "\"", suffix: "\"", mayEscape: mayEscape, replacement: replacement)
  }

  /// Appends `string` as a JSON string literal, with quotes.
  static func appendQuoted(_ string: String, to out: inout [UInt8]) {
    out.append(0x22)
    UTF8Escaping.append(string, to: &out, mayEscape: mayEscape, replacement: replacement)
    out.append(0x22)
  }

  /// Appends valid UTF-8 `bytes` as a JSON string literal, with quotes.
  static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
    out.append(0x22)
    UTF8Escaping.append(bytes: bytes, to: &out, mayEscape: mayEscape, replacement: replacement)
    out.append(0x22)
  }

  /// Appends valid UTF-8 `bytes` as a JSON string literal, with quotes, a piece at a time.
  static func appendQuoted(bytes: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
    sink.bytes.append(0x22)
    UTF8Escaping.append(bytes: bytes, to: &sink, mayEscape: mayEscape, replacement: replacement)
    sink.bytes.append(0x22)
  }

  @inline(__always)
  static func mayEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b == 0xE2 }

  static func replacement(_ v: UInt32) -> String? {
    switch v {
    case 0x22: return "\\\""
    case 0x5C: return "\\\\"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x08: return "\\b"
    case 0x0C: return "\\f"
    case 0..<0x20, 0x2028, 0x2029:
      let hex = String(v, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: return nil
    }
  }
}

/// A writer of one file, `NAME.<tgt>.<fileExtension>`, that writes it a piece at a time:
/// ``render(_:targetLanguage:)`` and ``streams(for:baseName:targetLanguage:)`` come from
/// ``write(_:to:)``.
public protocol StreamingSegmentWriter: SegmentWriter {
  /// Writes the file for `document` into `sink`.
  func write(_ document: Document, to sink: inout ByteSink)
}

extension StreamingSegmentWriter {
  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    ByteSink.text { write(document, to: &$0) }
  }

  public func streams(for document: Document, baseName: String, targetLanguage: LanguageTag?)
    -> [SegmentStream]
  {
    let name = fileName(baseName: baseName, targetLanguage: targetLanguage)
    return [SegmentStream(relativePath: name) { write(document, to: &$0) }]
  }
}
