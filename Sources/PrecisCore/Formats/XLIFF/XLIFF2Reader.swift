/// Reads a translated XLIFF 2.x file back: the layout from its units (segments and
/// ignorables in order) and each segment's source and target.
///
/// `<ph>`, `<sc>`, `<ec>` and the ends of `<pc>` become their original text from
/// `<originalData>` (else `equiv`, else `disp`) and count as codes; `<cp hex>` becomes its
/// character; `<mrk>` keeps its content. A unit or group with `translate="no"`, or a
/// segment whose whole source is a `<mrk translate="no">`, keeps its source.
public enum XLIFF2Reader {
  /// Reads `text`; `name` names the file in errors.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let (root, file) = try singleXLIFFFile(in: text, name: name, label: "XLIFF 2") {
      $0.hasPrefix("2.")
    }
    var entries: [TranslatedEntry] = []
    var layout: [Skeleton.Entry] = []
    var pending = ""
    func walk(_ element: XMLElement, translate: Bool) throws(MergeError) {
      for child in element.elements {
        let inherited = translate && child.attribute("translate") != "no"
        switch child.localName {
        case "group": try walk(child, translate: inherited)
        case "unit": try unit(child, translate: inherited)
        default: continue
        }
      }
    }
    func unit(_ unit: XMLElement, translate: Bool) throws(MergeError) {
      var data: [String: String] = [:]
      for d in unit.first("originalData")?.elements("data") ?? [] {
        if let id = d.attribute("id") { data[id] = flatten(d, data: [:]).text }
      }
      for part in unit.elements {
        switch part.localName {
        case "ignorable":
          pending += part.first("source").map { flatten($0, data: data).text } ?? ""
        case "segment":
          guard let id = part.attribute("id") else {
            throw MergeError(
              file: name,
              reason:
                "a <segment> without an id (line \(part.line)); ids must match the prepared file")
          }
          guard let sourceElement = part.first("source") else {
            throw MergeError(
              file: name, reason: "segment '\(id)' (line \(part.line)) has no <source>")
          }
          let source = flatten(sourceElement, data: data)
          let target = part.first("target").map { flatten($0, data: data) }
          let isTranslatable = translate && !isWholeProtected(sourceElement)
          layout.append(
            Skeleton.Entry(
              id: id, before: pending, source: source.text, isTranslatable: isTranslatable))
          pending = ""
          entries.append(
            TranslatedEntry(
              id: id, source: source.text, target: target?.text, sourceCodes: source.codes,
              targetCodes: target?.codes ?? [], isTranslatable: isTranslatable, line: part.line))
        default: continue
        }
      }
    }
    try walk(file, translate: file.attribute("translate") != "no")
    let skeleton = Skeleton(
      source: file.attribute("original") ?? "", sourceLanguage: root.attribute("srcLang") ?? "und",
      segments: layout,
      end: pending)
    return TranslatedFile(
      format: XLIFF2Writer.format, sourceLanguage: root.attribute("srcLang"),
      targetLanguage: root.attribute("trgLang"),
      layout: skeleton, entries: entries)
  }

  static func isWholeProtected(_ source: XMLElement) -> Bool {
    var marker: XMLElement? = nil
    for child in source.children {
      switch child {
      case let .text(s) where s.isEmpty: continue
      case .text: return false
      case let .element(e):
        guard marker == nil, e.localName == "mrk", e.attribute("translate") == "no" else {
          return false
        }
        marker = e
      }
    }
    return marker != nil
  }

  /// The text of inline content, codes replaced by their original text, and the codes.
  static func flatten(_ element: XMLElement, data: [String: String]) -> (
    text: String, codes: [String]
  ) {
    var text = ""
    var codes: [String] = []
    func code(_ e: XMLElement, ref: String) {
      let original =
        e.attribute(ref).flatMap { data[$0] } ?? e.attribute("equiv") ?? e.attribute("disp") ?? ""
      text += original
      codes.append(original)
    }
    func visit(_ e: XMLElement) {
      for child in e.children {
        switch child {
        case let .text(s): text += s
        case let .element(c):
          switch c.localName {
          case "ph", "sc", "ec": code(c, ref: "dataRef")
          case "pc":
            let start =
              c.attribute("dataRefStart").flatMap { data[$0] } ?? c.attribute("equivStart") ?? ""
            let end =
              c.attribute("dataRefEnd").flatMap { data[$0] } ?? c.attribute("equivEnd") ?? ""
            text += start
            if !start.isEmpty { codes.append(start) }
            visit(c)
            text += end
            if !end.isEmpty { codes.append(end) }
          case "cp":
            if let v = c.attribute("hex").flatMap({ UInt32($0, radix: 16) }),
              let scalar = Unicode.Scalar(v)
            {
              text.unicodeScalars.append(scalar)
            }
          case "sm", "em": continue
          default: visit(c)
          }
        }
      }
    }
    visit(element)
    return (text, codes)
  }
}
