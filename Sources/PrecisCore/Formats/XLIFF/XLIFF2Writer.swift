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

  /// The XLIFF text of a prepared document.
  public func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 3 + 1024)
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.1\""
    out +=
      " srcLang=\"\(document.sourceLanguage.rawValue)\" trgLang=\"\(target(targetLanguage).rawValue)\">\n"
    out +=
      "  <file id=\"f1\" original=\"\(XMLText.attribute(document.source))\" xml:space=\"preserve\">\n"
    let counts = document.counts ?? WordCounter().counts(of: document).total
    out += "    <notes>\n"
    out += "      <note id=\"n1\" category=\"counts\">\(XMLText.content(counts.summary))</note>\n"
    out += "    </notes>\n"
    if document.units.isEmpty {
      // XLIFF needs a unit; a document without segments is all layout, kept untranslated.
      out += "    <unit id=\"u1\" translate=\"no\">\n      <segment id=\"s1\">\n        <source>"
      XMLText.appendContent(document.end, to: &out, invalid: Self.cp)
      out += "</source>\n      </segment>\n    </unit>\n"
    }
    for (u, unit) in document.units.enumerated() {
      renderUnit(unit, index: u, of: document, into: &out)
    }
    out += "  </file>\n</xliff>\n"
    return out
  }

  static func cp(_ v: UInt32) -> String { "<cp hex=\"\(XMLText.hex(v))\"/>" }

  private func renderUnit(
    _ unit: PreparedUnit, index u: Int, of document: PreparedDocument, into out: inout String
  ) {
    let segments = unit.segments.map { document.segments[$0] }
    out +=
      "    <unit id=\"\(XMLText.attribute(unit.id))\"\(unit.isTranslatable ? "" : " translate=\"no\"")>\n"
    // Notes: the unit's place and role, then what is particular to each segment.
    var noteList = [
      ("location", "\(document.source), paragraph \(unit.paragraph + 1), line \(unit.line)")
    ]
    if unit.role != .body { noteList.append(("role", unit.role.rawValue)) }
    for segment in segments {
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
        noteList.append(
          ("segment", "\(segment.id.rawValue): " + particular.joined(separator: "; ")))
      }
    }
    out += "      <notes>\n"
    for (i, note) in noteList.enumerated() {
      out +=
        "        <note id=\"n\(i + 1)\" category=\"\(note.0)\">\(XMLText.content(note.1))</note>\n"
    }
    out += "      </notes>\n"
    // Inline ids, unique in the unit; equal codes share one <data>.
    var dataIDs: [String: String] = [:]
    var dataOrder: [String] = []
    var codeIDs: [[String]] = []
    var wrapperIDs: [String?] = []
    var next = 1
    for segment in segments {
      var ids: [String] = []
      if !segment.isTranslatable && unit.isTranslatable {
        wrapperIDs.append("m\(next)")
        next += 1
      } else {
        wrapperIDs.append(nil)
      }
      for piece in segment.pieces {
        switch piece {
        case let .placeholder(code, _):
          ids.append("ph\(next)")
          if dataIDs[code] == nil {
            dataIDs[code] = "d\(dataOrder.count + 1)"
            dataOrder.append(code)
          }
        case .protected: ids.append("m\(next)")
        case .text: continue
        }
        next += 1
      }
      codeIDs.append(ids)
    }
    if !dataOrder.isEmpty {
      out += "      <originalData>\n"
      for code in dataOrder {
        out += "        <data id=\"\(dataIDs[code] ?? "")\">"
        XMLText.appendContent(code, to: &out, invalid: Self.cp)
        out += "</data>\n"
      }
      out += "      </originalData>\n"
    }
    for (k, segment) in segments.enumerated() {
      let gap = segment.before
      if !gap.isEmpty && (k > 0 || u == 0) { ignorable(gap, into: &out) }
      out += "      <segment id=\"\(XMLText.attribute(segment.id.rawValue))\""
      let targetPieces = segment.targetPieces(fill)
      if targetPieces != nil && fill == .pseudo && segment.isTranslatable {
        out += " state=\"translated\""
      }
      out += ">\n        <source>"
      inline(segment.pieces, ids: codeIDs[k], wrapper: wrapperIDs[k], data: dataIDs, into: &out)
      out += "</source>\n"
      if let targetPieces {
        out += "        <target>"
        inline(targetPieces, ids: codeIDs[k], wrapper: wrapperIDs[k], data: dataIDs, into: &out)
        out += "</target>\n"
      }
      out += "      </segment>\n"
    }
    // The gap after the unit: before the next unit's first segment, or the document's end.
    let last = unit.segments.upperBound
    let after = last < document.segments.count ? document.segments[last].before : document.end
    if !after.isEmpty { ignorable(after, into: &out) }
    out += "    </unit>\n"
  }

  private func ignorable(_ text: String, into out: inout String) {
    out += "      <ignorable>\n        <source>"
    XMLText.appendContent(text, to: &out, invalid: Self.cp)
    out += "</source>\n      </ignorable>\n"
  }

  private func inline(
    _ pieces: [InlinePiece], ids: [String], wrapper: String?, data: [String: String],
    into out: inout String
  ) {
    if let wrapper { out += "<mrk id=\"\(wrapper)\" translate=\"no\">" }
    var k = 0
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &out, invalid: Self.cp)
      case let .placeholder(code, kind):
        let id = k < ids.count ? ids[k] : "ph\(k + 1)"
        k += 1
        let type: String
        switch kind {
        case .markup:
          type = code.hasPrefix("<br") ? "type=\"fmt\" subType=\"xlf:lb\"" : "type=\"fmt\""
        case .variable, .printf: type = "type=\"ui\" subType=\"xlf:var\""
        }
        out += "<ph id=\"\(id)\" dataRef=\"\(data[code] ?? "")\" canDelete=\"no\" \(type)"
        out += " disp=\"\(XMLText.attribute(code))\" equiv=\"\(XMLText.attribute(code))\"/>"
      case let .protected(text, _):
        let id = k < ids.count ? ids[k] : "m\(k + 1)"
        k += 1
        out += "<mrk id=\"\(id)\" translate=\"no\">"
        XMLText.appendContent(text, to: &out, invalid: Self.cp)
        out += "</mrk>"
      }
    }
    if wrapper != nil { out += "</mrk>" }
  }
}
