/// The content of an SRX 2.0 file: its header, its language rules and its language maps,
/// as written (patterns are not compiled here; see ``SRXRules``).
public struct SRXDocument: Sendable, Hashable {
  /// The file, as given; used in messages.
  public var source: String
  /// `segmentsubflows`: whether text inside inline codes is segmented on its own.
  ///
  /// Plain text has no inline codes, so Precis reads it and does nothing with it.
  public var segmentsSubflows: Bool
  /// `cascade`: whether every matching language map applies (in order) or only the first.
  public var cascade: Bool
  /// The `formathandle` elements; plain text has no inline codes, so they are only kept.
  public var formatHandles: [FormatHandle]
  /// Okapi's `useIcu4jBreakRules` extension: the rules are exceptions to ICU's sentence
  /// breaks.
  ///
  /// Precis then defaults to the `refine` mode.
  public var usesICUBreakRules: Bool
  /// The `languagerule` elements, in order.
  public var languageRules: [LanguageRule]
  /// The `languagemap` elements of `maprules`, in order.
  public var languageMaps: [LanguageMap]

  /// A `formathandle`: whether an inline code of a type stays with the segment it closes.
  public struct FormatHandle: Sendable, Hashable {
    public var type: String
    public var include: Bool

    public init(type: String, include: Bool) {
      self.type = type
      self.include = include
    }
  }

  /// A named, ordered list of rules.
  public struct LanguageRule: Sendable, Hashable {
    /// `languagerulename`.
    public var name: String
    public var rules: [Rule]
    /// The line of the element.
    public var line: Int

    public init(name: String, rules: [Rule], line: Int = 0) {
      self.name = name
      self.rules = rules
      self.line = line
    }
  }

  /// One rule: break or not where `beforeBreak` matches text ending at a position and
  /// `afterBreak` matches text starting there.
  ///
  /// An empty pattern matches anywhere.
  public struct Rule: Sendable, Hashable {
    /// `break="yes"` (the default) or `"no"`.
    public var isBreak: Bool
    public var beforeBreak: String
    public var afterBreak: String
    /// The line of the `rule` element.
    public var line: Int

    public init(isBreak: Bool, beforeBreak: String, afterBreak: String, line: Int = 0) {
      self.isBreak = isBreak
      self.beforeBreak = beforeBreak
      self.afterBreak = afterBreak
      self.line = line
    }
  }

  /// A `languagemap`: languages whose code matches `languagePattern` use `languageRuleName`.
  public struct LanguageMap: Sendable, Hashable {
    public var languagePattern: String
    public var languageRuleName: String
    /// The line of the element.
    public var line: Int

    public init(languagePattern: String, languageRuleName: String, line: Int = 0) {
      self.languagePattern = languagePattern
      self.languageRuleName = languageRuleName
      self.line = line
    }
  }

  /// The SRX 2.0 namespace.
  public static let namespace = "http://www.lisa.org/srx20"
  /// The SRX 1.0 namespace, whose files read the same but for `<maprule>` around the maps.
  public static let namespace1 = "http://www.lisa.org/srx10"

  /// Makes a document from parts, for rules built in code.
  public init(
    source: String, cascade: Bool, languageRules: [LanguageRule], languageMaps: [LanguageMap],
    usesICUBreakRules: Bool = false
  ) {
    self.source = source
    self.segmentsSubflows = true
    self.cascade = cascade
    self.formatHandles = []
    self.usesICUBreakRules = usesICUBreakRules
    self.languageRules = languageRules
    self.languageMaps = languageMaps
  }

  /// Reads an SRX file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with one.
  ///
  /// - Parameter source: the file's name, for messages.
  /// - Throws: `SRXFileError` with the line and column of the first problem.
  public init(bytes: [UInt8], source: String) throws(SRXFileError) {
    let utf8 = try Self.utf8(of: bytes, source: source)
    let root: MiniXML.Element
    do {
      root = try MiniXML.parse(utf8)
    } catch {
      let (line, column) = MiniXML.lineAndColumn(of: error.offset, in: utf8)
      throw SRXFileError(
        source: source, line: line, column: column, message: "not well-formed XML: \(error.message)"
      )
    }
    try self.init(root: root, bytes: utf8, source: source)
  }

  /// Reads SRX text.
  public init(text: String, source: String) throws(SRXFileError) {
    try self.init(bytes: Array(text.utf8), source: source)
  }

  private init(root: MiniXML.Element, bytes: [UInt8], source: String) throws(SRXFileError) {
    func fail(_ element: MiniXML.Element, _ message: String) -> SRXFileError {
      let (line, column) = MiniXML.lineAndColumn(of: element.offset, in: bytes)
      return SRXFileError(source: source, line: line, column: column, message: message)
    }
    var lines = LineTable(bytes)
    func isSRX(_ e: MiniXML.Element) -> Bool {
      e.namespace == Self.namespace || e.namespace == Self.namespace1 || e.namespace.isEmpty
    }
    func children(_ e: MiniXML.Element, named name: String) -> [MiniXML.Element] {
      e.elements.filter { isSRX($0) && $0.localName == name }
    }
    func yesNo(_ e: MiniXML.Element, _ attribute: String, default value: Bool) throws(SRXFileError)
      -> Bool
    {
      guard let raw = e.attribute(attribute) else { return value }
      switch raw.trimmingSpaces.lowercased() {
      case "yes", "true", "1": return true
      case "no", "false", "0": return false
      default:
        throw fail(e, "\(attribute)=\"\(raw)\" on <\(e.name)>; allowed values: yes, no")
      }
    }

    guard isSRX(root), root.localName == "srx" else {
      throw fail(
        root,
        "not an SRX file: the root element is <\(root.name)>; expected <srx xmlns=\"\(Self.namespace)\">"
      )
    }
    if let version = root.attribute("version"), !version.hasPrefix("2"), !version.hasPrefix("1") {
      throw fail(
        root, "SRX version \(version) is not supported; precis reads SRX 2.0 (and 1.0) files")
    }
    self.source = source

    // Header. The XSD requires both attributes; Okapi defaults a missing cascade to "no".
    let header = children(root, named: "header").first
    segmentsSubflows =
      try header.map { h throws(SRXFileError) in try yesNo(h, "segmentsubflows", default: true) }
      ?? true
    cascade =
      try header.map { h throws(SRXFileError) in try yesNo(h, "cascade", default: false) } ?? false
    formatHandles = []
    usesICUBreakRules = false
    if let header {
      for handle in children(header, named: "formathandle") {
        formatHandles.append(
          FormatHandle(
            type: handle.attribute("type") ?? "",
            include: try yesNo(handle, "include", default: false)))
      }
      // Okapi's extension element; its files spell the attribute two ways.
      for options in header.elements where options.localName == "options" && !isSRX(options) {
        for name in ["useIcu4jBreakRules", "useIcu4JBreakRules"]
        where options.attribute(name) != nil {
          usesICUBreakRules = try yesNo(options, name, default: false)
        }
      }
    }

    guard let body = children(root, named: "body").first else {
      throw fail(root, "no <body>; an SRX file needs <body> with <languagerules> and <maprules>")
    }
    languageRules = []
    for group in children(body, named: "languagerules") {
      for element in children(group, named: "languagerule") {
        guard let name = element.attribute("languagerulename") else {
          throw fail(element, "<languagerule> without languagerulename")
        }
        var rules: [Rule] = []
        for ruleElement in children(element, named: "rule") {
          let before = children(ruleElement, named: "beforebreak").first?.text ?? ""
          let after = children(ruleElement, named: "afterbreak").first?.text ?? ""
          rules.append(
            Rule(
              isBreak: try yesNo(ruleElement, "break", default: true), beforeBreak: before,
              afterBreak: after, line: lines.line(of: ruleElement.offset)))
        }
        languageRules.append(
          LanguageRule(name: name, rules: rules, line: lines.line(of: element.offset)))
      }
    }
    languageMaps = []
    for group in children(body, named: "maprules") {
      // SRX 1.0 wrapped the maps in <maprule>; read those too, in order.
      var maps = children(group, named: "languagemap")
      for old in children(group, named: "maprule") { maps += children(old, named: "languagemap") }
      for element in maps {
        guard let pattern = element.attribute("languagepattern"),
          let name = element.attribute("languagerulename")
        else {
          throw fail(element, "<languagemap> needs languagepattern and languagerulename")
        }
        languageMaps.append(
          LanguageMap(
            languagePattern: pattern, languageRuleName: name, line: lines.line(of: element.offset)))
      }
    }
  }

  /// The file's text as UTF-8 with line breaks as XML reads them (CR LF and CR become LF).
  private static func utf8(of bytes: [UInt8], source: String) throws(SRXFileError) -> [UInt8] {
    var text: [UInt8]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      text = Array(bytes.dropFirst(3))
    } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var k = 2
      while k + 1 < bytes.count {
        let a = UInt16(bytes[k])
        let b = UInt16(bytes[k + 1])
        units.append(little ? a | b << 8 : a << 8 | b)
        k += 2
      }
      var scalars = String.UnicodeScalarView()
      var decoder = UTF16()
      var iterator = units.makeIterator()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let s): scalars.append(s)
        case .emptyInput: break loop
        case .error:
          throw SRXFileError(
            source: source, message: "not valid UTF-16; save the SRX file as UTF-8")
        }
      }
      text = Array(String(scalars).utf8)
    } else {
      text = bytes
    }
    guard String(validating: text, as: UTF8.self) != nil else {
      let bad = text.withUnsafeBufferPointer { UTF8Validator.scan($0).firstInvalid } ?? 0
      let (line, column) = MiniXML.lineAndColumn(of: bad, in: text)
      throw SRXFileError(
        source: source, line: line, column: column,
        message: "not valid UTF-8; save the SRX file as UTF-8")
    }
    if text.contains(0x0D) {
      var out: [UInt8] = []
      out.reserveCapacity(text.count)
      var k = 0
      while k < text.count {
        if text[k] == 0x0D {
          out.append(0x0A)
          if k + 1 < text.count && text[k + 1] == 0x0A { k += 1 }
        } else {
          out.append(text[k])
        }
        k += 1
      }
      text = out
    }
    return text
  }
}

/// Finds the line of byte offsets that arrive in any order, from a table of line starts.
private struct LineTable {
  private var starts: [Int] = [0]

  init(_ bytes: [UInt8]) {
    for (k, b) in bytes.enumerated() where b == 0x0A { starts.append(k + 1) }
  }

  mutating func line(of offset: Int) -> Int {
    var lo = 0
    var hi = starts.count
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if starts[mid] <= offset { lo = mid } else { hi = mid }
    }
    return lo + 1
  }
}

extension String {
  /// The string without ASCII spaces, tabs and line breaks at either end.
  fileprivate var trimmingSpaces: String {
    let scalars = unicodeScalars
    let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }),
      let last = scalars.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}
