/// Writes TMX 1.4b: `NAME.<src>-<tgt>.tmx`, one `<tu tuid="segment id">` per segment with a
/// source and a target `<tuv>`.
///
/// - The header names the document (`<prop type="x-precis-source">`) and the layout file
///   `merge` needs (`<prop type="x-precis-skeleton">NAME.skeleton.json</prop>`).
/// - Placeholders are `<ph x="n" type="x-variable|x-printf|x-markup">{name}</ph>`;
///   characters XML cannot hold are `<ph x="n" type="x-cp-0001"/>`; URLs, e-mail addresses
///   and code are `<hi type="x-url|x-email|x-code">`.
/// - Segments not to be translated have `<prop type="x-translate">no</prop>` and the source
///   as their target. Each `<tu>` has a `<note>` with the place, role and summary rank.
/// - No dates: two runs give the same bytes.
public struct TMXWriter: TranslationWriter {
  public static let format = "tmx"
  public let fileExtension = "tmx"
  public var fill: TargetFill
  public var needsSkeleton: Bool { true }

  public init(fill: TargetFill = .empty) { self.fill = fill }

  public func streams(
    for document: PreparedDocument, baseName: String, targetLanguage: LanguageTag?
  ) -> [SegmentStream] {
    let name =
      "\(baseName).\(document.sourceLanguage.rawValue)-\(target(targetLanguage).rawValue).\(fileExtension)"
    return [
      SegmentStream(relativePath: name) {
        write(
          document, targetLanguage: targetLanguage, skeleton: Self.skeletonName(baseName), to: &$0)
      }
    ]
  }

  /// The skeleton's file name beside `NAME`'s files: the last path component of `NAME` plus
  /// `.skeleton.json`.
  static func skeletonName(_ baseName: String) -> String {
    let last = baseName.split(separator: "/").last.map(String.init) ?? baseName
    return "\(last).\(Skeleton.fileExtension)"
  }

  /// The TMX text of a prepared document.
  public func render(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String? = nil
  ) -> String {
    ByteSink.text { write(document, targetLanguage: targetLanguage, skeleton: skeleton, to: &$0) }
  }

  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    render(document, targetLanguage: targetLanguage, skeleton: nil)
  }

  /// Writes the TMX text of a prepared document into `sink`, a segment at a time.
  public func write(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String? = nil,
    to sink: inout ByteSink
  ) {
    let source = document.sourceLanguage.rawValue
    let targetTag = target(targetLanguage).rawValue
    sink.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n"
    )
    sink.append(
      "  <header creationtool=\"precis\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"precis\""
    )
    sink.append(" adminlang=\"en\" srclang=\"\(source)\" datatype=\"plaintext\">\n")
    sink.append("    <prop type=\"x-precis-source\">\(XMLText.content(document.source))</prop>\n")
    if let skeleton {
      sink.append("    <prop type=\"x-precis-skeleton\">\(XMLText.content(skeleton))</prop>\n")
    }
    sink.append("  </header>\n  <body>\n")
    for segment in document.segments {
      sink.append("    <tu tuid=\"\(XMLText.attribute(segment.id.rawValue))\">\n")
      sink.append(
        "      <note>\(XMLText.content(segment.context(in: document).joined(separator: "; ")))</note>\n"
      )
      if !segment.isTranslatable { sink.append("      <prop type=\"x-translate\">no</prop>\n") }
      sink.append("      <tuv xml:lang=\"\(source)\"><seg>")
      let pieces = segment.pieces
      inline(pieces, to: &sink)
      sink.append("</seg></tuv>\n")
      sink.append("      <tuv xml:lang=\"\(targetTag)\"><seg>")
      let targetPieces = segment.isTranslatable ? segment.targetPieces(fill) : pieces
      if let targetPieces { inline(targetPieces, to: &sink) }
      sink.append("</seg></tuv>\n")
      sink.append("    </tu>\n")
      sink.flushIfFull()
    }
    sink.append("  </body>\n</tmx>\n")
  }

  private func inline(_ pieces: [InlinePiece], to sink: inout ByteSink) {
    var next = 1
    func cp(_ v: UInt32) -> String {
      defer { next += 1 }
      return "<ph x=\"\(next)\" type=\"x-cp-\(XMLText.hex(v))\"/>"
    }
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &sink, invalid: cp)
      case let .placeholder(code, kind):
        // A code holding a character XML cannot hold (U+0019 inside "<b\u{19}>") goes as text:
        // a <ph> inside a <ph> is not TMX, and the reader keeps only a code's text.
        if code.unicodeScalars.contains(where: { !XMLText.isXMLCharacter($0.value) }) {
          XMLText.appendContent(code, to: &sink, invalid: cp)
          continue
        }
        sink.append("<ph x=\"\(next)\" type=\"x-\(kind.rawValue)\">")
        XMLText.appendContent(code, to: &sink, invalid: cp)
        sink.append("</ph>")
        next += 1
      case let .protected(text, kind):
        sink.append("<hi type=\"x-\(kind.rawValue)\">")
        XMLText.appendContent(text, to: &sink, invalid: cp)
        sink.append("</hi>")
      }
    }
  }
}
