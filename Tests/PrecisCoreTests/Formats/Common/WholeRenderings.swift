@testable import PrecisCore

// The translation writers' renderings as they were before they wrote into a `ByteSink`: each
// file built whole as one string. `StreamedOutputTests` checks that the streamed files are
// these bytes, so they must not change with the writers.

/// XLIFF 2.1, rendered whole.
struct WholeXLIFF2Rendering {
  var fill: TargetFill

  func target(_ language: LanguageTag?) -> LanguageTag { language ?? PreparedDocument.undetermined }

  func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
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
      XMLText.appendContent(document.end, to: &out, invalid: XLIFF2Writer.cp)
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
        XMLText.appendContent(code, to: &out, invalid: XLIFF2Writer.cp)
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
    XMLText.appendContent(text, to: &out, invalid: XLIFF2Writer.cp)
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
        XMLText.appendContent(s, to: &out, invalid: XLIFF2Writer.cp)
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
        XMLText.appendContent(text, to: &out, invalid: XLIFF2Writer.cp)
        out += "</mrk>"
      }
    }
    if wrapper != nil { out += "</mrk>" }
  }
}

/// XLIFF 1.2, rendered whole.
struct WholeXLIFF12Rendering {
  var fill: TargetFill

  func target(_ language: LanguageTag?) -> LanguageTag { language ?? PreparedDocument.undetermined }

  func render(_ document: PreparedDocument, targetLanguage: LanguageTag?) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 3 + 1024)
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\">\n"
    out +=
      "  <file original=\"\(XMLText.attribute(document.source))\" source-language=\"\(document.sourceLanguage.rawValue)\""
    out += " target-language=\"\(target(targetLanguage).rawValue)\" datatype=\"plaintext\">\n"
    out +=
      "    <header>\n      <skl>\n        <internal-file form=\"\(XLIFF12Writer.skeletonForm)\">"
    XMLText.appendContent(Skeleton(document, includingSource: false).json(), to: &out) { _ in
      "\u{FFFD}"
    }
    out += "</internal-file>\n      </skl>\n"
    let counts = document.counts ?? WordCounter().counts(of: document).total
    out += "      <note from=\"developer\">\(XMLText.content(counts.summary))</note>\n"
    out += "    </header>\n    <body>\n"
    for unit in document.units {
      out +=
        "      <group id=\"\(XMLText.attribute(unit.id))\"\(unit.isTranslatable ? "" : " translate=\"no\"")>\n"
      for index in unit.segments {
        let segment = document.segments[index]
        out +=
          "        <trans-unit id=\"\(XMLText.attribute(segment.id.rawValue))\" xml:space=\"preserve\""
        out += segment.isTranslatable ? ">\n" : " translate=\"no\">\n"
        out += "          <source>"
        inline(segment.pieces, into: &out)
        out += "</source>\n"
        if let target = segment.targetPieces(fill) {
          let state =
            fill == .pseudo && segment.isTranslatable
            ? "translated" : segment.isTranslatable ? "needs-translation" : "final"
          out += "          <target state=\"\(state)\">"
          inline(target, into: &out)
          out += "</target>\n"
        }
        out +=
          "          <note from=\"developer\">\(XMLText.content(segment.context(in: document).joined(separator: "; ")))</note>\n"
        out += "        </trans-unit>\n"
      }
      out += "      </group>\n"
    }
    out += "    </body>\n  </file>\n</xliff>\n"
    return out
  }

  private func inline(_ pieces: [InlinePiece], into out: inout String) {
    var next = 1
    func cp(_ v: UInt32) -> String {
      defer { next += 1 }
      return "<x id=\"\(next)\" ctype=\"x-cp-\(XMLText.hex(v))\"/>"
    }
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &out, invalid: cp)
      case let .placeholder(code, kind):
        // An attribute cannot hold a character XML cannot (U+0019 inside "<b\u{19}>"), and
        // equiv-text would lose it: such a code goes as text, its characters as <x>.
        if code.unicodeScalars.contains(where: { !XMLText.isXMLCharacter($0.value) }) {
          XMLText.appendContent(code, to: &out, invalid: cp)
          continue
        }
        let ctype: String
        switch kind {
        case .markup: ctype = code.hasPrefix("<br") ? "lb" : "x-markup"
        case .variable: ctype = "x-variable"
        case .printf: ctype = "x-printf"
        }
        out += "<x id=\"\(next)\" ctype=\"\(ctype)\" equiv-text=\"\(XMLText.attribute(code))\"/>"
        next += 1
      case let .protected(text, _):
        out += "<mrk mtype=\"protected\">"
        XMLText.appendContent(text, to: &out, invalid: cp)
        out += "</mrk>"
      }
    }
  }
}

/// TMX, rendered whole.
struct WholeTMXRendering {
  var fill: TargetFill

  func target(_ language: LanguageTag?) -> LanguageTag { language ?? PreparedDocument.undetermined }

  func render(
    _ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String? = nil
  ) -> String {
    let source = document.sourceLanguage.rawValue
    let targetTag = target(targetLanguage).rawValue
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 3 + 1024)
    out +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n"
    out +=
      "  <header creationtool=\"precis\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"precis\""
    out += " adminlang=\"en\" srclang=\"\(source)\" datatype=\"plaintext\">\n"
    out += "    <prop type=\"x-precis-source\">\(XMLText.content(document.source))</prop>\n"
    if let skeleton {
      out += "    <prop type=\"x-precis-skeleton\">\(XMLText.content(skeleton))</prop>\n"
    }
    out += "  </header>\n  <body>\n"
    for segment in document.segments {
      out += "    <tu tuid=\"\(XMLText.attribute(segment.id.rawValue))\">\n"
      out +=
        "      <note>\(XMLText.content(segment.context(in: document).joined(separator: "; ")))</note>\n"
      if !segment.isTranslatable { out += "      <prop type=\"x-translate\">no</prop>\n" }
      out += "      <tuv xml:lang=\"\(source)\"><seg>"
      inline(segment.pieces, into: &out)
      out += "</seg></tuv>\n"
      out += "      <tuv xml:lang=\"\(targetTag)\"><seg>"
      let targetPieces = segment.isTranslatable ? segment.targetPieces(fill) : segment.pieces
      if let targetPieces { inline(targetPieces, into: &out) }
      out += "</seg></tuv>\n"
      out += "    </tu>\n"
    }
    out += "  </body>\n</tmx>\n"
    return out
  }

  private func inline(_ pieces: [InlinePiece], into out: inout String) {
    var next = 1
    func cp(_ v: UInt32) -> String {
      defer { next += 1 }
      return "<ph x=\"\(next)\" type=\"x-cp-\(XMLText.hex(v))\"/>"
    }
    for piece in pieces {
      switch piece {
      case let .text(s):
        XMLText.appendContent(s, to: &out, invalid: cp)
      case let .placeholder(code, kind):
        // A code holding a character XML cannot hold (U+0019 inside "<b\u{19}>") goes as text:
        // a <ph> inside a <ph> is not TMX, and the reader keeps only a code's text.
        if code.unicodeScalars.contains(where: { !XMLText.isXMLCharacter($0.value) }) {
          XMLText.appendContent(code, to: &out, invalid: cp)
          continue
        }
        out += "<ph x=\"\(next)\" type=\"x-\(kind.rawValue)\">"
        XMLText.appendContent(code, to: &out, invalid: cp)
        out += "</ph>"
        next += 1
      case let .protected(text, kind):
        out += "<hi type=\"x-\(kind.rawValue)\">"
        XMLText.appendContent(text, to: &out, invalid: cp)
        out += "</hi>"
      }
    }
  }
}

/// PO, rendered whole.
struct WholePORendering {
  var fill: TargetFill

  func target(_ language: LanguageTag?) -> LanguageTag { language ?? PreparedDocument.undetermined }

  func render(_ document: PreparedDocument, targetLanguage: LanguageTag?, skeleton: String?)
    -> String
  {
    let targetTag = target(targetLanguage).rawValue
    var out = ""
    out.reserveCapacity(document.text.utf8.count * 3 + 1024)
    out +=
      "# Segments of \(POWriter.oneLine(document.source)) for translation from \(document.sourceLanguage.rawValue) to \(targetTag).\n"
    if let skeleton {
      out +=
        "# merge needs \(POWriter.oneLine(skeleton)) beside this file: it holds the text between segments.\n"
    }
    out += "msgid \"\"\nmsgstr \"\"\n"
    var fields = [
      "Project-Id-Version: \(POWriter.oneLine(document.source))",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: 8bit",
      "Language: \(targetTag)",
      "X-Generator: precis",
      "X-Precis-Source: \(POWriter.oneLine(document.source))",
      "X-Precis-Source-Language: \(document.sourceLanguage.rawValue)",
    ]
    if let skeleton { fields.append("X-Precis-Skeleton: \(POWriter.oneLine(skeleton))") }
    for field in fields { out += "\"\(POWriter.escape(field))\\n\"\n" }
    for segment in document.segments {
      out += "\n"
      for note in segment.context(in: document) { out += "#. \(POWriter.oneLine(note))\n" }
      out += "#: \(POWriter.oneLine(document.source).replacingSpaces()):\(segment.line)\n"
      out += "msgctxt \"\(POWriter.escape(segment.id.rawValue))\"\n"
      out += "msgid " + POWriter.quoted(segment.text) + "\n"
      let target =
        segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
      out += "msgstr " + POWriter.quoted(target) + "\n"
    }
    return out
  }

}

/// Aligned text, rendered whole.
struct WholeAlignedRendering {
  var fill: TargetFill

  func sourceText(_ document: PreparedDocument) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count + document.segments.count)
    for segment in document.segments {
      out += LineEscaping.escape(segment.text, tabs: false)
      out += "\n"
    }
    return out
  }

  func targetText(_ document: PreparedDocument) -> String {
    var out = ""
    out.reserveCapacity(document.text.utf8.count + document.segments.count)
    for segment in document.segments {
      let target =
        segment.isTranslatable ? segment.targetPieces(fill)?.joinedText ?? "" : segment.text
      out += LineEscaping.escape(target, tabs: false)
      out += "\n"
    }
    return out
  }
}
