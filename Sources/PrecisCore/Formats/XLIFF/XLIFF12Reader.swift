/// Reads a translated XLIFF 1.2 file back: the layout from the embedded skeleton and each
/// trans-unit's source and target.
///
/// `<x>` becomes its `equiv-text` (a code), or its character for `ctype="x-cp-…"`; a target's
/// `<x>` is resolved through the source's `<x>` with the same id. `<ph>`, `<bpt>`, `<ept>` and
/// `<it>` become their content (a code); `<g>` and `<mrk>` keep their content.
public enum XLIFF12Reader {
  /// Reads `text`; `name` names the file in errors.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let file = try singleXLIFFFile(in: text, name: name, label: "XLIFF 1.2") { $0 == "1.2" }.file
    guard let skeletonElement = file.first("header")?.first("skl")?.first("internal-file"),
      skeletonElement.attribute("form") == XLIFF12Writer.skeletonForm
    else {
      throw MergeError(
        file: name,
        reason:
          "has no precis layout in <header><skl>; merge XLIFF 1.2 files that precis prepared, with their header intact"
      )
    }
    let layout = try Skeleton(
      json: skeletonElement.textContent, file: name + " (embedded skeleton)")
    var entries: [TranslatedEntry] = []
    func walk(_ element: XMLElement, translate: Bool) {
      for child in element.elements {
        let inherited = translate && child.attribute("translate") != "no"
        switch child.localName {
        case "group", "body": walk(child, translate: inherited)
        case "trans-unit":
          guard let source = child.first("source") else { continue }
          let (sourceText, sourceCodes, map) = flatten(source, codes: [:])
          let target = child.first("target").map { flatten($0, codes: map) }
          entries.append(
            TranslatedEntry(
              id: child.attribute("id"), source: sourceText, target: target?.0,
              sourceCodes: sourceCodes,
              targetCodes: target?.1 ?? [], isTranslatable: inherited, line: child.line))
        default: continue
        }
      }
    }
    walk(file, translate: file.attribute("translate") != "no")
    return TranslatedFile(
      format: XLIFF12Writer.format, sourceLanguage: file.attribute("source-language"),
      targetLanguage: file.attribute("target-language"), layout: layout, entries: entries)
  }

  /// What an `<x>` stands for: a code's text, or a character.
  enum Standing: Hashable {
    case code(String)
    case character(Unicode.Scalar)
  }

  /// Text and codes of inline content; `codes` resolves `<x>` ids (from the source); returns
  /// the ids this content defines.
  static func flatten(_ element: XMLElement, codes known: [String: Standing]) -> (
    String, [String], [String: Standing]
  ) {
    var text = ""
    var codes: [String] = []
    var defined: [String: Standing] = [:]
    func standing(of x: XMLElement) -> Standing? {
      if let ctype = x.attribute("ctype"), ctype.hasPrefix("x-cp-"),
        let v = UInt32(ctype.dropFirst(5), radix: 16), let scalar = Unicode.Scalar(v)
      {
        return .character(scalar)
      }
      if let equiv = x.attribute("equiv-text") { return .code(equiv) }
      return nil
    }
    func visit(_ e: XMLElement) {
      for child in e.children {
        switch child {
        case let .text(s): text += s
        case let .element(c):
          switch c.localName {
          case "x", "bx", "ex":
            let id = c.attribute("id") ?? ""
            let meaning = known[id] ?? standing(of: c) ?? .code(c.attribute("equiv-text") ?? "")
            if !id.isEmpty { defined[id] = meaning }
            switch meaning {
            case let .code(s):
              text += s
              codes.append(s)
            case let .character(scalar): text.unicodeScalars.append(scalar)
            }
          case "ph", "bpt", "ept", "it":
            let native = c.textContent
            text += native
            codes.append(native)
          case "sub": continue
          default: visit(c)
          }
        }
      }
    }
    visit(element)
    return (text, codes, defined)
  }
}
