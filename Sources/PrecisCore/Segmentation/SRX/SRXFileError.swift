/// An SRX file that cannot be used: not XML, or not SRX 2.0.
///
/// Nothing is segmented with it.
public struct SRXFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, as given.
  public var source: String
  /// 1-based line and column, when known.
  public var line: Int?
  public var column: Int?
  /// What is wrong and what to do, in lower case.
  public var message: String

  public init(source: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.source = source
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    if let line, let column { return "\(source):\(line):\(column): \(message)" }
    return "\(source): \(message)"
  }
}

/// Something in an SRX file that Precis skipped, or gave up on while segmenting, with
/// enough to find it: a rule that does not compile, a rule that ran out of time.
public struct SRXWarning: Sendable, Hashable, CustomStringConvertible {
  /// The file, as given.
  public var source: String
  /// The line of the element in the file, when known.
  public var line: Int?
  /// The `languagerulename` of the rule, when the warning is about a rule.
  public var languageRule: String?
  /// The rule's 1-based position in its `languagerule`.
  public var ruleIndex: Int?
  /// The pattern concerned, as written in the file.
  public var pattern: String?
  /// What happened and what Precis did about it.
  public var message: String

  public init(
    source: String, line: Int? = nil, languageRule: String? = nil, ruleIndex: Int? = nil,
    pattern: String? = nil, message: String
  ) {
    self.source = source
    self.line = line
    self.languageRule = languageRule
    self.ruleIndex = ruleIndex
    self.pattern = pattern
    self.message = message
  }

  public var description: String {
    var place = source
    if let line { place += ":\(line)" }
    var text = "\(place): "
    if let languageRule, let ruleIndex {
      text += "languagerule '\(languageRule)' rule \(ruleIndex): "
    }
    if let pattern { text += "pattern '\(pattern)': " }
    return text + message
  }
}
