/// Writes XLIFF 1.2 (strict): `NAME.<tgt>.xliff12.xlf`, a `<group>` per paragraph and a
/// `<trans-unit>` per sentence, for tools that do not read XLIFF 2 yet.
///
/// - The layout (segment ids and the text between them) travels in the header as
///   `<skl><internal-file form="application/x-precis-skeleton+json">`, the
///   ``Skeleton`` without source texts, so the file alone is enough for `merge`.
/// - Segments not to be translated are `translate="no"` trans-units (and groups).
/// - Placeholders are `<x id="…" ctype="…" equiv-text="{name}"/>` (`ctype="lb"` for
///   `<br/>`, `x-variable`, `x-printf` or `x-markup` otherwise); URLs, e-mail addresses and
///   code are `<mrk mtype="protected">`; characters XML cannot hold are
///   `<x id="…" ctype="x-cp-0001"/>` (the code point in hex).
/// - Each trans-unit has `<note from="developer">` with the place, role and summary rank.
public struct XLIFF12Writer: SingleFileTranslationWriter {
  public static let format = "xliff12"
  public let fileExtension = "xliff12.xlf"
  public var fill: TargetFill

  /// The `form` of the embedded skeleton.
  public static let skeletonForm = "application/x-precis-skeleton+json"

  public init(fill: TargetFill = .empty) { self.fill = fill }

  /// Writes the XLIFF 1.2 text of a prepared document into `sink`, a segment at a time
  /// (the embedded skeleton too).
  public func write(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, to sink: inout ByteSink
  ) {
    sink.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    sink.append("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n")
    sink.append(
      "  <file original=\"\(XMLText.attribute(document.source))\" source-language=\"\(document.sourceLanguage.rawValue)\""
    )
    sink.append(" target-language=\"\(target(targetLanguage).rawValue)\" datatype=\"plaintext\">\n")
    sink.append("    <header>\n      <skl>\n        <internal-file form=\"\(Self.skeletonForm)\">")
    sink.append {
      Skeleton.write(document, includingSource: false, to: &$0)
    } transformedBy: {
      XMLText.appendContent(bytes: $0, to: &$1) { _ in "\u{FFFD}" }
    }
    sink.append("</internal-file>\n      </skl>\n")
    let counts = document.counts ?? WordCounter().counts(of: document).total
    sink.append("      <note from=\"developer\">\(XMLText.content(counts.summary))</note>\n")
    sink.append("    </header>\n    <body>\n")
    for unit in document.units {
      sink.append(
        "      <group id=\"\(XMLText.attribute(unit.id))\"\(unit.isTranslatable ? "" : " translate=\"no\"")>\n"
      )
      for index in unit.segments {
        let segment = document.segments[index]
        sink.append(
          "        <trans-unit id=\"\(XMLText.attribute(segment.id.rawValue))\" xml:space=\"preserve\""
        )
        sink.append(segment.isTranslatable ? ">\n" : " translate=\"no\">\n")
        sink.append("          <source>")
        inline(segment.pieces, to: &sink)
        sink.append("</source>\n")
        if let target = segment.targetPieces(fill) {
          let state =
            fill == .pseudo && segment.isTranslatable
            ? "translated" : segment.isTranslatable ? "needs-translation" : "final"
          sink.append("          <target state=\"\(state)\">")
          inline(target, to: &sink)
          sink.append("</target>\n")
        }
        sink.append(
          "          <note from=\"developer\">\(XMLText.content(segment.context(in: document).joined(separator: "; ")))</note>\n"
        )
        sink.append("        </trans-unit>\n")
        sink.flushIfFull()
      }
      sink.append("      </group>\n")
      sink.flushIfFull()
    }
    sink.append("    </body>\n  </file>\n</xliff>\n")
  }

  /// Inline content; `<x>` ids count from 1 in each `<source>` and again in its `<target>`,
  /// so the k-th code of both has the same id.
  private func inline(_ pieces: [InlinePiece], to sink: inout ByteSink) {
    var next = 1
    func cp(_ v: UInt32) -> String {
      defer { next += 1 }
      return "<x id=\"\(next)\" ctype=\"x-cp-\(XMLText.hex(v))\"/>"
    }
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &sink, invalid: cp)
      case let .placeholder(code, kind):
        // An attribute cannot hold a character XML cannot (U+0019 inside "<b\u{19}>"), and
        // equiv-text would lose it: such a code goes as text, its characters as <x>.
        if code.unicodeScalars.contains(where: { !XMLText.isXMLCharacter($0.value) }) {
          XMLText.appendContent(code, to: &sink, invalid: cp)
          continue
        }
        let ctype: String
        switch kind {
        case .markup: ctype = code.hasPrefix("<br") ? "lb" : "x-markup"
        case .variable: ctype = "x-variable"
        case .printf: ctype = "x-printf"
        }
        sink.append(
          "<x id=\"\(next)\" ctype=\"\(ctype)\" equiv-text=\"\(XMLText.attribute(code))\"/>")
        next += 1
      case let .protected(text, _):
        sink.append("<mrk mtype=\"protected\">")
        XMLText.appendContent(text, to: &sink, invalid: cp)
        sink.append("</mrk>")
      }
    }
  }
}
