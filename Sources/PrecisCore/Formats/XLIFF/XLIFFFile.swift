/// The root and the one `<file>` of an XLIFF document, after checking the root's version.
///
/// - Parameters:
///   - text: the XLIFF text.
///   - name: the file, for errors.
///   - label: how errors name the expected format, such as `XLIFF 1.2`.
///   - acceptsVersion: whether the root's `version` is one this reader handles.
/// - Throws: `MergeError` for text that is not well-formed, another format, or several files.
func singleXLIFFFile(
  in text: String, name: String, label: String, acceptsVersion: (String) -> Bool
) throws(MergeError) -> (root: XMLElement, file: XMLElement) {
  let root: XMLElement
  do { root = try XMLReader.parse(text) } catch {
    throw MergeError(file: name, reason: "not well-formed XML (\(error))")
  }
  guard root.localName == "xliff", let version = root.attribute("version"), acceptsVersion(version)
  else {
    throw MergeError(
      file: name,
      reason:
        "not an \(label) file (the root is <\(root.name)> version \(root.attribute("version") ?? "?"))"
    )
  }
  let files = root.elements("file")
  guard files.count == 1, let file = files.first else {
    throw MergeError(
      file: name,
      reason:
        "holds \(files.count) <file> elements; merge one document at a time (one <file> per XLIFF)"
    )
  }
  return (root, file)
}
