/// Writes XLIFF 2.1: `NAME.<tgt>.xlf`, one `<file>` per document, one `<unit>` per
/// paragraph, one `<segment>` per sentence.
///
/// - The text between segments is in `<ignorable>`: the gap before a unit's first segment
///   closes the previous unit, and the text before the first segment opens the first, so
///   joining every unit's segments and ignorables in order rebuilds the document.
/// - Ids are the segment ids (`p3f9a12bc07d1-2`) and, for units, the paragraph's part of
///   them (`p3f9a12bc07d1`): stable across runs and unique in the document.
/// - Units whose paragraph is boilerplate or protected say `translate="no"`; a segment not
///   to be translated inside a unit to translate is wrapped in `<mrk translate="no">`, as
///   are URLs, e-mail addresses and code.
/// - Placeholders become `<ph>` with `disp`, `equiv` and a `dataRef` into `<originalData>`.
/// - Characters XML cannot hold (controls, including those normalisation removed) become
///   `<cp hex="…"/>`.
/// - `<notes>` give the place (file, paragraph, line), the role and the summary rank.
public struct XLIFF2Writer: SingleFileTranslationWriter {
  public static let format = "xliff2"
  public let fileExtension = "xlf"
  public var fill: TargetFill

  public init(fill: TargetFill = .empty) { self.fill = fill }

  /// Writes the XLIFF text of a prepared document into `sink`, a segment at a time.
  ///
  /// A unit's notes and `<originalData>` come before its segments, so each unit is read
  /// twice: once for the notes and the codes, once for the segments.
  public func write(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, to sink: inout ByteSink
  ) {
    sink.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    sink.append("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\"")
    sink.append(
      " srcLang=\"\(document.sourceLanguage.rawValue)\" trgLang=\"\(target(targetLanguage).rawValue)\">\n"
    )
    sink.append(
      "  <file id=\"f1\" original=\"\(XMLText.attribute(document.source))\" xml:space=\"preserve\">\n"
    )
    let counts = document.counts ?? WordCounter().counts(of: document).total
    sink.append("    <notes>\n")
    sink.append(
      "      <note id=\"n1\" category=\"counts\">\(XMLText.content(counts.summary))</note>\n")
    sink.append("    </notes>\n")
    if document.units.isEmpty {
      // XLIFF needs a unit; a document without segments is all layout, kept untranslated.
      sink.append(
        "    <unit id=\"u1\" translate=\"no\">\n      <segment id=\"s1\">\n        <source>")
      document.withUTF8 {
        XMLText.appendContent(
          bytes: UnsafeBufferPointer(rebasing: $0[document.endOffset...]), to: &sink,
          invalid: Self.cp)
      }
      sink.append("</source>\n      </segment>\n    </unit>\n")
    }
    for (u, unit) in document.units.enumerated() {
      writeUnit(unit, index: u, of: document, to: &sink)
    }
    sink.append("  </file>\n</xliff>\n")
  }

  static func cp(_ v: UInt32) -> String { "<cp hex=\"\(XMLText.hex(v))\"/>" }

  private func writeUnit(
    _ unit: PreparedUnit, index u: Int, of document: PreparedDocument, to sink: inout ByteSink
  ) {
    let segments = document.segments
    sink.append(
      "    <unit id=\"\(XMLText.attribute(unit.id))\"\(unit.isTranslatable ? "" : " translate=\"no\"")>\n"
    )
    // Notes: the unit's place and role, then what is particular to each segment.
    sink.append("      <notes>\n")
    var noteCount = 0
    func note(_ category: String, _ text: String) {
      noteCount += 1
      sink.append(
        "        <note id=\"n\(noteCount)\" category=\"\(category)\">\(XMLText.content(text))</note>\n"
      )
    }
    note("location", "\(document.source), paragraph \(unit.paragraph + 1), line \(unit.line)")
    if unit.role != .body { note("role", unit.role.rawValue) }
    // Equal codes share one <data>, numbered in the order they first appear.
    var dataIDs: [String: String] = [:]
    var dataOrder: [String] = []
    for index in unit.segments {
      let segment = segments[index]
      var particular: [String] = []
      if segment.role != .body && segment.role != unit.role {
        particular.append("role: \(segment.role.rawValue)")
      }
      if !segment.isTranslatable && unit.isTranslatable { particular.append("do not translate") }
      if let rank = segment.rank {
        particular.append(
          "summary rank \(rank)"
            + (segment.score.map { ", score " + PreparedSegment.decimal($0) } ?? ""))
      }
      if let language = segment.language { particular.append("language: \(language.rawValue)") }
      if !particular.isEmpty {
        note("segment", "\(segment.id.rawValue): " + particular.joined(separator: "; "))
      }
      for piece in segment.pieces {
        if case let .placeholder(code, _) = piece, dataIDs[code] == nil {
          dataIDs[code] = "d\(dataOrder.count + 1)"
          dataOrder.append(code)
        }
      }
      sink.flushIfFull()
    }
    sink.append("      </notes>\n")
    if !dataOrder.isEmpty {
      sink.append("      <originalData>\n")
      for code in dataOrder {
        sink.append("        <data id=\"\(dataIDs[code] ?? "")\">")
        XMLText.appendContent(code, to: &sink, invalid: Self.cp)
        sink.append("</data>\n")
        sink.flushIfFull()
      }
      sink.append("      </originalData>\n")
    }
    // Inline ids, unique in the unit: counted on through the unit's segments.
    var next = 1
    for (k, index) in unit.segments.enumerated() {
      let segment = segments[index]
      let pieces = segment.pieces
      var wrapper: String? = nil
      if !segment.isTranslatable && unit.isTranslatable {
        wrapper = "m\(next)"
        next += 1
      }
      var ids: [String] = []
      for piece in pieces {
        switch piece {
        case .placeholder: ids.append("ph\(next)")
        case .protected: ids.append("m\(next)")
        case .text: continue
        }
        next += 1
      }
      if !segment.beforeRange.isEmpty && (k > 0 || u == 0) {
        segment.withBeforeUTF8 { ignorable($0, to: &sink) }
      }
      sink.append("      <segment id=\"\(XMLText.attribute(segment.id.rawValue))\"")
      let targetPieces = segment.targetPieces(fill)
      if targetPieces != nil && fill == .pseudo && segment.isTranslatable {
        sink.append(" state=\"translated\"")
      }
      sink.append(">\n        <source>")
      inline(pieces, ids: ids, wrapper: wrapper, data: dataIDs, to: &sink)
      sink.append("</source>\n")
      if let targetPieces {
        sink.append("        <target>")
        inline(targetPieces, ids: ids, wrapper: wrapper, data: dataIDs, to: &sink)
        sink.append("</target>\n")
      }
      sink.append("      </segment>\n")
      sink.flushIfFull()
    }
    // The gap after the unit: before the next unit's first segment, or the document's end.
    let last = unit.segments.upperBound
    if last < segments.count {
      segments[last].withBeforeUTF8 { if !$0.isEmpty { ignorable($0, to: &sink) } }
    } else {
      document.withUTF8 {
        let end = UnsafeBufferPointer(rebasing: $0[document.endOffset...])
        if !end.isEmpty { ignorable(end, to: &sink) }
      }
    }
    sink.append("    </unit>\n")
    sink.flushIfFull()
  }

  private func ignorable(_ text: UnsafeBufferPointer<UInt8>, to sink: inout ByteSink) {
    sink.append("      <ignorable>\n        <source>")
    XMLText.appendContent(bytes: text, to: &sink, invalid: Self.cp)
    sink.append("</source>\n      </ignorable>\n")
  }

  private func inline(
    _ pieces: [InlinePiece], ids: [String], wrapper: String?, data: [String: String],
    to sink: inout ByteSink
  ) {
    if let wrapper { sink.append("<mrk id=\"\(wrapper)\" translate=\"no\">") }
    var k = 0
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &sink, invalid: Self.cp)
      case let .placeholder(code, kind):
        let id = k < ids.count ? ids[k] : "ph\(k + 1)"
        k += 1
        let type: String
        switch kind {
        case .markup:
          type = code.hasPrefix("<br") ? "type=\"fmt\" subType=\"xlf:lb\"" : "type=\"fmt\""
        case .variable, .printf: type = "type=\"ui\" subType=\"xlf:var\""
        }
        sink.append("<ph id=\"\(id)\" dataRef=\"\(data[code] ?? "")\" canDelete=\"no\" \(type)")
        sink.append(" disp=\"\(XMLText.attribute(code))\" equiv=\"\(XMLText.attribute(code))\"/>")
      case let .protected(text, _):
        let id = k < ids.count ? ids[k] : "m\(k + 1)"
        k += 1
        sink.append("<mrk id=\"\(id)\" translate=\"no\">")
        XMLText.appendContent(text, to: &sink, invalid: Self.cp)
        sink.append("</mrk>")
      }
    }
    if wrapper != nil { sink.append("</mrk>") }
  }
}
