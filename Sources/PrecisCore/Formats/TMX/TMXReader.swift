/// Reads a translated TMX file back: per `<tu>`, its `tuid`, the source (the `<tuv>` in the
/// header's `srclang`) and the target (the first other `<tuv>`).
///
/// `<ph>`, `<bpt>`, `<ept>`, `<it>` and `<ut>` become their content and count as codes;
/// `<ph type="x-cp-XXXX"/>` becomes the character U+XXXX; `<hi>` keeps its content.
public enum TMXReader {
  /// Reads `text`; `name` names the file in errors.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let root: XMLElement
    do { root = try XMLReader.parse(text) } catch {
      throw MergeError(file: name, reason: "not well-formed XML (\(error))")
    }
    guard root.localName == "tmx", let header = root.first("header"), let body = root.first("body")
    else {
      throw MergeError(
        file: name,
        reason: "not a TMX file (the root is <\(root.name)>, or it lacks <header> or <body>)")
    }
    let sourceLanguage = header.attribute("srclang") ?? ""
    var skeleton: String? = nil
    for prop in header.elements("prop") where prop.attribute("type") == "x-precis-skeleton" {
      skeleton = prop.textContent
    }
    var targetLanguage: String? = nil
    var entries: [TranslatedEntry] = []
    for tu in body.elements("tu") {
      let tuvs = tu.elements("tuv")
      func language(_ tuv: XMLElement) -> String {
        (tuv.attribute("xml:lang") ?? tuv.attribute("lang") ?? "").lowercased()
      }
      let sourceTUV = tuvs.first { language($0) == sourceLanguage.lowercased() }
      let targetTUV = tuvs.first { language($0) != sourceLanguage.lowercased() }
      if targetLanguage == nil, let targetTUV {
        targetLanguage = targetTUV.attribute("xml:lang") ?? targetTUV.attribute("lang")
      }
      let source = sourceTUV?.first("seg").map(flatten)
      let target = targetTUV?.first("seg").map(flatten)
      let isTranslatable = !tu.elements("prop").contains {
        $0.attribute("type") == "x-translate" && $0.textContent == "no"
      }
      entries.append(
        TranslatedEntry(
          id: tu.attribute("tuid"), source: source?.text, target: target?.text,
          sourceCodes: source?.codes ?? [],
          targetCodes: target?.codes ?? [], isTranslatable: isTranslatable, line: tu.line))
    }
    return TranslatedFile(
      format: TMXWriter.format, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage,
      skeletonReference: skeleton, entries: entries)
  }

  static func flatten(_ seg: XMLElement) -> (text: String, codes: [String]) {
    var text = ""
    var codes: [String] = []
    func visit(_ e: XMLElement) {
      for child in e.children {
        switch child {
        case let .text(s): text += s
        case let .element(c):
          switch c.localName {
          case "ph" where c.attribute("type")?.hasPrefix("x-cp-") == true:
            if let v = c.attribute("type").flatMap({ UInt32($0.dropFirst(5), radix: 16) }),
              let scalar = Unicode.Scalar(v)
            {
              text.unicodeScalars.append(scalar)
            }
          case "ph", "bpt", "ept", "it", "ut":
            let native = c.textContent
            text += native
            codes.append(native)
          case "sub": continue
          default: visit(c)
          }
        }
      }
    }
    visit(seg)
    return (text, codes)
  }
}
