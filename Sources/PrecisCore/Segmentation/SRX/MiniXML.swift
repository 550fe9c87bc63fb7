/// A small XML reader for rule files (SRX): elements, attributes, text, CDATA, comments,
/// processing instructions, a skipped DOCTYPE, the predefined entities, character
/// references and namespace prefixes.
///
/// It builds a tree; rule files are small.
///
/// Not a validating parser: no DTD entities, no external resources (nothing is fetched).
enum MiniXML {
  /// An element with its resolved namespace, attributes, children and byte offset.
  struct Element {
    /// The name as written, such as `okpsrx:options`.
    var name: String
    /// The name without its prefix, such as `options`.
    var localName: String
    /// The namespace the prefix (or the default namespace) resolves to; empty for none.
    var namespace: String
    /// Attributes in document order, names as written (`xmlns` declarations included).
    var attributes: [(name: String, value: String)]
    var children: [Node]
    /// Byte offset of the `<` that opens the element.
    var offset: Int

    func attribute(_ name: String) -> String? {
      attributes.first { $0.name == name }?.value
    }

    /// The child elements, in order.
    var elements: [Element] {
      children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The element's text: its text children joined (child elements' text is not included).
    var text: String {
      children.reduce(into: "") { if case .text(let t) = $1 { $0 += t } }
    }
  }

  enum Node {
    case element(Element)
    case text(String)
  }

  /// A place in the input that is not well-formed XML.
  struct Failure: Error {
    var offset: Int
    var message: String
  }

  /// Parses a whole document (valid UTF-8, without a byte-order mark) and returns its root.
  static func parse(_ bytes: [UInt8]) throws(Failure) -> Element {
    var reader = Reader(bytes: bytes)
    return try reader.document()
  }

  /// 1-based line and column (in characters) of a byte offset.
  static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var i = 0
    let end = min(offset, bytes.count)
    while i < end {
      let b = bytes[i]
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return (line, column)
  }

  private struct Reader {
    let bytes: [UInt8]
    var i = 0
    /// Namespace bindings in scope, innermost last: prefix ("" for the default) → URI.
    var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(Failure) -> Element {
      try misc(allowDoctype: true)
      guard i < bytes.count, bytes[i] == 0x3C else {
        throw Failure(offset: i, message: "no root element; expected '<'")
      }
      let root = try element()
      try misc(allowDoctype: false)
      if i < bytes.count {
        throw Failure(offset: i, message: "unexpected content after the root element")
      }
      return root
    }

    /// Skips white space, comments, processing instructions and (before the root) a DOCTYPE.
    mutating func misc(allowDoctype: Bool) throws(Failure) {
      while i < bytes.count {
        let b = bytes[i]
        if isSpace(b) {
          i += 1
        } else if starts(with: "<?") {
          try skip(past: "?>", what: "processing instruction")
        } else if starts(with: "<!--") {
          try skip(past: "-->", what: "comment")
        } else if allowDoctype && starts(with: "<!DOCTYPE") {
          try skipDoctype()
        } else if b == 0x3C {
          return
        } else {
          throw Failure(offset: i, message: "text outside the root element")
        }
      }
    }

    mutating func element() throws(Failure) -> Element {
      let start = i
      i += 1  // <
      let name = try self.name()
      var attributes: [(name: String, value: String)] = []
      var scope: [String: String] = [:]
      while true {
        let hadSpace = skipSpaces()
        guard i < bytes.count else {
          throw Failure(offset: start, message: "unclosed tag <\(name)")
        }
        if bytes[i] == 0x3E || starts(with: "/>") { break }
        if !hadSpace {
          throw Failure(offset: i, message: "expected white space before an attribute in <\(name)>")
        }
        let attributeOffset = i
        let attributeName = try self.name()
        skipSpaces()
        guard i < bytes.count, bytes[i] == 0x3D else {
          throw Failure(offset: i, message: "expected '=' after attribute '\(attributeName)'")
        }
        i += 1
        skipSpaces()
        let value = try attributeValue()
        if attributes.contains(where: { $0.name == attributeName }) {
          throw Failure(
            offset: attributeOffset, message: "attribute '\(attributeName)' is given twice")
        }
        attributes.append((attributeName, value))
        if attributeName == "xmlns" {
          scope[""] = value
        } else if attributeName.hasPrefix("xmlns:") {
          scope[String(attributeName.dropFirst(6))] = value
        }
      }
      scopes.append(scope)
      defer { scopes.removeLast() }
      let (prefix, local) = split(name)
      guard let namespace = resolve(prefix) else {
        throw Failure(
          offset: start, message: "namespace prefix '\(prefix)' of <\(name)> is not declared")
      }
      var element = Element(
        name: name, localName: local, namespace: namespace, attributes: attributes, children: [],
        offset: start)
      if starts(with: "/>") {
        i += 2
        return element
      }
      i += 1  // >
      try content(of: &element)
      return element
    }

    mutating func content(of element: inout Element) throws(Failure) {
      var text: [UInt8] = []
      func flush(_ text: inout [UInt8], into element: inout Element) {
        if !text.isEmpty {
          element.children.append(.text(String(decoding: text, as: UTF8.self)))
          text.removeAll()
        }
      }
      while true {
        guard i < bytes.count else {
          throw Failure(offset: element.offset, message: "<\(element.name)> is never closed")
        }
        let b = bytes[i]
        if b == 0x26 {
          try reference(into: &text)
        } else if b != 0x3C {
          text.append(b)
          i += 1
        } else if starts(with: "</") {
          let closeOffset = i
          i += 2
          let name = try self.name()
          skipSpaces()
          guard i < bytes.count, bytes[i] == 0x3E else {
            throw Failure(offset: i, message: "expected '>' to close </\(name)")
          }
          i += 1
          if name != element.name {
            throw Failure(
              offset: closeOffset,
              message: "</\(name)> closes <\(element.name)>; the tags do not match")
          }
          flush(&text, into: &element)
          return
        } else if starts(with: "<![CDATA[") {
          i += 9
          guard let end = find("]]>") else {
            throw Failure(offset: i, message: "unclosed CDATA section")
          }
          text.append(contentsOf: bytes[i..<end])
          i = end + 3
        } else if starts(with: "<!--") {
          try skip(past: "-->", what: "comment")
        } else if starts(with: "<?") {
          try skip(past: "?>", what: "processing instruction")
        } else {
          flush(&text, into: &element)
          element.children.append(.element(try self.element()))
        }
      }
    }

    mutating func attributeValue() throws(Failure) -> String {
      guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else {
        throw Failure(offset: i, message: "attribute values must be quoted")
      }
      let quote = bytes[i]
      let start = i
      i += 1
      var value: [UInt8] = []
      while true {
        guard i < bytes.count else {
          throw Failure(offset: start, message: "unclosed attribute value")
        }
        let b = bytes[i]
        if b == quote {
          i += 1
          return String(decoding: value, as: UTF8.self)
        }
        if b == 0x3C { throw Failure(offset: i, message: "'<' in an attribute value; write &lt;") }
        if b == 0x26 {
          try reference(into: &value)
        } else {
          // XML turns tabs and line breaks in attribute values into spaces.
          value.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b)
          i += 1
        }
      }
    }

    /// Reads `&name;` or `&#…;` at `i` and appends the character's UTF-8.
    mutating func reference(into out: inout [UInt8]) throws(Failure) {
      let start = i
      guard let semicolon = bytes[i...].prefix(12).firstIndex(of: 0x3B) else {
        throw Failure(offset: start, message: "'&' that starts no entity; write &amp;")
      }
      let body = Array(bytes[(i + 1)..<semicolon])
      i = semicolon + 1
      switch String(decoding: body, as: UTF8.self) {
      case "lt": out.append(0x3C)
      case "gt": out.append(0x3E)
      case "amp": out.append(0x26)
      case "quot": out.append(0x22)
      case "apos": out.append(0x27)
      case let name where name.hasPrefix("#"):
        let digits = name.dropFirst()
        let value: UInt32? =
          digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
          throw Failure(offset: start, message: "'&\(name);' is not a character")
        }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      case let name:
        throw Failure(
          offset: start, message: "unknown entity '&\(name);'; only the five XML entities are known"
        )
      }
    }

    mutating func name() throws(Failure) -> String {
      let start = i
      while i < bytes.count {
        let b = bytes[i]
        if isSpace(b) || b == 0x2F || b == 0x3E || b == 0x3D || b == 0x3C || b == 0x22 || b == 0x27
        {
          break
        }
        i += 1
      }
      if i == start { throw Failure(offset: start, message: "expected a name") }
      return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    func split(_ name: String) -> (prefix: String, local: String) {
      guard let colon = name.firstIndex(of: ":") else { return ("", name) }
      return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }

    func resolve(_ prefix: String) -> String? {
      for scope in scopes.reversed() {
        if let uri = scope[prefix] { return uri }
      }
      return prefix.isEmpty ? "" : nil
    }

    @discardableResult
    mutating func skipSpaces() -> Bool {
      let start = i
      while i < bytes.count && isSpace(bytes[i]) { i += 1 }
      return i > start
    }

    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    func starts(with literal: StaticString) -> Bool {
      let count = literal.utf8CodeUnitCount
      guard i + count <= bytes.count else { return false }
      return literal.withUTF8Buffer { lit in
        for k in 0..<count where bytes[i + k] != lit[k] { return false }
        return true
      }
    }

    func find(_ literal: StaticString) -> Int? {
      var j = i
      let count = literal.utf8CodeUnitCount
      return literal.withUTF8Buffer { lit in
        while j + count <= bytes.count {
          var same = true
          for k in 0..<count where bytes[j + k] != lit[k] {
            same = false
            break
          }
          if same { return j }
          j += 1
        }
        return nil
      }
    }

    mutating func skip(past literal: StaticString, what: String) throws(Failure) {
      let start = i
      i += 2
      guard let end = find(literal) else {
        throw Failure(offset: start, message: "unclosed \(what)")
      }
      i = end + literal.utf8CodeUnitCount
    }

    /// Skips `<!DOCTYPE …>`, including an internal subset in brackets and quoted strings.
    mutating func skipDoctype() throws(Failure) {
      let start = i
      var depth = 0
      var quote: UInt8? = nil
      i += 9
      while i < bytes.count {
        let b = bytes[i]
        i += 1
        if let q = quote {
          if b == q { quote = nil }
        } else if b == 0x22 || b == 0x27 {
          quote = b
        } else if b == 0x5B {
          depth += 1
        } else if b == 0x5D {
          depth -= 1
        } else if b == 0x3E && depth <= 0 {
          return
        }
      }
      throw Failure(offset: start, message: "unclosed DOCTYPE")
    }
  }
}
