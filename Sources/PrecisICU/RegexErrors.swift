/// A regular expression ICU cannot compile, with ICU's reason and where in the pattern.
public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The pattern as given.
  public let pattern: String
  /// ICU's name for the problem, such as `U_REGEX_RULE_SYNTAX`.
  public let name: String
  /// The offset in the pattern, in characters, where ICU stopped; `nil` when it did not say.
  public let offset: Int?

  public init(pattern: String, name: String, offset: Int?) {
    self.pattern = pattern
    self.name = name
    self.offset = offset
  }

  public var description: String {
    if let offset { return "\(name) at offset \(offset)" }
    return name
  }
}

/// A match that ICU gave up on.
public enum RegexMatchError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The match ran past the matcher's time limit: usually a pattern that backtracks without end.
  case timeLimitExceeded
  /// The match needed more backtracking memory than the matcher's stack limit.
  case stackLimitExceeded
  /// Another ICU failure.
  case icu(ICUError)

  public var description: String {
    switch self {
    case .timeLimitExceeded: "ICU's time limit for one match ran out"
    case .stackLimitExceeded: "ICU's backtracking stack limit ran out"
    case .icu(let error): error.description
    }
  }
}
