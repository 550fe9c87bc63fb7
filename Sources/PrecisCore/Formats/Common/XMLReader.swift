/// A parsed XML element: its name, attributes and children, for the XLIFF and TMX readers.
///
/// Names are matched by local name (the part after a `:`), so a file written with a prefix
/// (`<xlf:unit>`) reads like one written with a default namespace.
struct XMLElement: Sendable, Hashable {
  var name: String
  var attributes: [XMLAttribute] = []
  var children: [XMLNode] = []
  /// 1-based line of the start tag, for messages.
  var line: Int

  var localName: Substring { name.split(separator: ":", maxSplits: 1).last ?? Substring(name) }

  /// The value of the attribute named `name` exactly, else of one whose local name is `name`.
  func attribute(_ name: String) -> String? {
    if let exact = attributes.first(where: { $0.name == name }) { return exact.value }
    if name.contains(":") { return nil }
    return attributes.first(where: {
      $0.name.split(separator: ":").last.map(String.init) == name && !$0.name.hasPrefix("xmlns")
    })?.value
  }

  /// The child elements.
  var elements: [XMLElement] {
    children.compactMap { if case let .element(e) = $0 { e } else { nil } }
  }

  /// The child elements with local name `name`.
  func elements(_ name: String) -> [XMLElement] { elements.filter { $0.localName == name } }

  /// The first child element with local name `name`.
  func first(_ name: String) -> XMLElement? { elements.first { $0.localName == name } }

  /// Every descendant element with local name `name`, in document order (not inside a match).
  func descendants(_ name: String) -> [XMLElement] {
    var result: [XMLElement] = []
    var stack = Array(elements.reversed())
    while let e = stack.popLast() {
      if e.localName == name {
        result.append(e)
      } else {
        stack.append(contentsOf: e.elements.reversed())
      }
    }
    return result
  }

  /// All text inside, markup dropped.
  var textContent: String {
    var out = ""
    for child in children {
      switch child {
      case let .text(s): out += s
      case let .element(e): out += e.textContent
      }
    }
    return out
  }
}

struct XMLAttribute: Sendable, Hashable {
  var name: String
  var value: String
}

indirect enum XMLNode: Sendable, Hashable {
  case element(XMLElement)
  case text(String)
}

/// XML that could not be read: where and why.
struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
  var line: Int
  var message: String
  var description: String { "line \(line): \(message)" }
}

/// A small XML 1.0 parser for the files translation tools send back.
///
/// It reads elements, attributes, text, character and entity references and CDATA; it skips
/// comments, processing instructions and the DOCTYPE, and never loads external entities.
/// Line breaks are normalised to LF, as XML requires.
enum XMLReader {
  static func parse(_ text: String) throws(XMLParseError) -> XMLElement {
    var copy = text
    let result: Result<XMLElement, XMLParseError> = copy.withUTF8 { b in
      do throws(XMLParseError) { return .success(try parse(utf8: b)) } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  static func parse(utf8 b: UnsafeBufferPointer<UInt8>) throws(XMLParseError) -> XMLElement {
    let n = b.count
    var i = 0
    var line = 1
    if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
    var stack: [XMLElement] = []
    var root: XMLElement? = nil
    var text: [UInt8] = []

    func fail(_ message: String) -> XMLParseError { XMLParseError(line: line, message: message) }
    func starts(_ s: String, at j: Int) -> Bool {
      var k = j
      for c in s.utf8 {
        guard k < n, b[k] == c else { return false }
        k += 1
      }
      return true
    }
    func skip(to end: String, what: String) throws(XMLParseError) {
      while i < n && !starts(end, at: i) {
        if b[i] == 0x0A { line += 1 }
        i += 1
      }
      guard i < n else { throw fail("\(what) is not closed with '\(end)'") }
      i += end.utf8.count
    }
    func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    func skipSpace() {
      while i < n && isSpace(b[i]) {
        if b[i] == 0x0A { line += 1 }
        i += 1
      }
    }
    func readName() throws(XMLParseError) -> String {
      let start = i
      while i < n && !isSpace(b[i]) && b[i] != UInt8(ascii: "/") && b[i] != UInt8(ascii: ">")
        && b[i] != UInt8(ascii: "=") && b[i] != UInt8(ascii: "<")
      { i += 1 }
      guard i > start else { throw fail("expected a name") }
      return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
    }
    /// Decodes the reference starting at `&` into `out`.
    func reference(into out: inout [UInt8]) throws(XMLParseError) {
      let start = i + 1
      var j = start
      while j < n && b[j] != UInt8(ascii: ";") && j - start < 12 { j += 1 }
      guard j < n, b[j] == UInt8(ascii: ";") else {
        throw fail("'&' must start a reference such as &amp;")
      }
      let name = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
      let scalar: Unicode.Scalar?
      switch name {
      case "lt": scalar = "<"
      case "gt": scalar = ">"
      case "amp": scalar = "&"
      case "quot": scalar = "\""
      case "apos": scalar = "'"
      default:
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
        } else if name.hasPrefix("#") {
          scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
        } else {
          throw fail("unknown entity '&\(name);'")
        }
      }
      guard let scalar else { throw fail("bad character reference '&\(name);'") }
      out.append(contentsOf: Array(String(Character(scalar)).utf8))
      i = j + 1
    }
    func flushText() throws(XMLParseError) {
      guard !text.isEmpty else { return }
      let s = String(decoding: text, as: UTF8.self)
      text.removeAll(keepingCapacity: true)
      if stack.isEmpty {
        if s.unicodeScalars.contains(where: { !($0 == " " || $0 == "\t" || $0 == "\n") }) {
          throw fail("text outside the root element")
        }
        return
      }
      if case let .text(previous)? = stack[stack.count - 1].children.last {
        stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(
          previous + s)
      } else {
        stack[stack.count - 1].children.append(.text(s))
      }
    }
    func close(_ element: XMLElement) throws(XMLParseError) {
      if stack.isEmpty {
        guard root == nil else { throw fail("a second root element <\(element.name)>") }
        root = element
      } else {
        stack[stack.count - 1].children.append(.element(element))
      }
    }

    while i < n {
      let c = b[i]
      if c == UInt8(ascii: "<") {
        try flushText()
        if starts("<!--", at: i) {
          i += 4
          try skip(to: "-->", what: "a comment")
        } else if starts("<![CDATA[", at: i) {
          i += 9
          let start = i
          try skip(to: "]]>", what: "a CDATA section")
          guard !stack.isEmpty else { throw fail("CDATA outside the root element") }
          for k in start..<(i - 3) where !(b[k] == 0x0D) { text.append(b[k]) }
          try flushText()
        } else if starts("<?", at: i) {
          i += 2
          try skip(to: "?>", what: "a processing instruction")
        } else if starts("<!DOCTYPE", at: i) {
          i += 9
          var depth = 0
          var quote: UInt8? = nil
          while i < n {
            let d = b[i]
            if d == 0x0A { line += 1 }
            if let q = quote {
              if d == q { quote = nil }
            } else if d == UInt8(ascii: "\"") || d == UInt8(ascii: "'") {
              quote = d
            } else if d == UInt8(ascii: "[") {
              depth += 1
            } else if d == UInt8(ascii: "]") {
              depth -= 1
            } else if d == UInt8(ascii: ">") && depth <= 0 {
              break
            }
            i += 1
          }
          guard i < n else { throw fail("the DOCTYPE is not closed") }
          i += 1
        } else if starts("</", at: i) {
          i += 2
          let name = try readName()
          skipSpace()
          guard i < n, b[i] == UInt8(ascii: ">") else { throw fail("expected '>' after </\(name)") }
          i += 1
          guard let open = stack.popLast() else { throw fail("</\(name)> closes nothing") }
          guard open.name == name else {
            throw fail("</\(name)> closes <\(open.name)> (line \(open.line))")
          }
          try close(open)
        } else {
          i += 1
          var element = XMLElement(name: try readName(), line: line)
          while true {
            skipSpace()
            guard i < n else { throw fail("<\(element.name)> is not closed") }
            if b[i] == UInt8(ascii: ">") {
              i += 1
              stack.append(element)
              break
            }
            if starts("/>", at: i) {
              i += 2
              try close(element)
              break
            }
            let attribute = try readName()
            skipSpace()
            guard i < n, b[i] == UInt8(ascii: "=") else {
              throw fail("attribute '\(attribute)' needs a value")
            }
            i += 1
            skipSpace()
            guard i < n, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else {
              throw fail("the value of '\(attribute)' must be quoted")
            }
            let quote = b[i]
            i += 1
            var value: [UInt8] = []
            while i < n && b[i] != quote {
              let d = b[i]
              if d == UInt8(ascii: "&") {
                try reference(into: &value)
                continue
              }
              if d == UInt8(ascii: "<") { throw fail("'<' in the value of '\(attribute)'") }
              if d == 0x0A { line += 1 }
              // Attribute-value normalisation: literal white space becomes a space.
              if d == 0x0D {
                value.append(0x20)
                if i + 1 < n && b[i + 1] == 0x0A { i += 1; line += 1 }
              } else {
                value.append(d == 0x09 || d == 0x0A ? 0x20 : d)
              }
              i += 1
            }
            guard i < n else { throw fail("the value of '\(attribute)' is not closed") }
            i += 1
            if element.attributes.contains(where: { $0.name == attribute }) {
              throw fail("attribute '\(attribute)' is given twice in <\(element.name)>")
            }
            element.attributes.append(
              XMLAttribute(name: attribute, value: String(decoding: value, as: UTF8.self)))
          }
        }
      } else if c == UInt8(ascii: "&") {
        guard !stack.isEmpty else { throw fail("a reference outside the root element") }
        try reference(into: &text)
      } else {
        if c == 0x0D {
          // CR LF and lone CR become LF.
          text.append(0x0A)
          line += 1
          i += (i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1
          continue
        }
        if c == 0x0A { line += 1 }
        text.append(c)
        i += 1
      }
    }
    try flushText()
    if let open = stack.last { throw fail("<\(open.name)> (line \(open.line)) is not closed") }
    guard let root else { throw fail("no root element") }
    return root
  }
}
