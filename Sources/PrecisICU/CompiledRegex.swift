internal import CICU

/// How a regular expression matches; ICU's `UREGEX_*` flags.
public struct RegexOptions: OptionSet, Sendable, Hashable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// Letters match without regard to case (`(?i)`).
  public static let caseInsensitive = RegexOptions(rawValue: 2)
  /// White space and `#` comments in the pattern are ignored (`(?x)`).
  public static let comments = RegexOptions(rawValue: 4)
  /// `^` and `$` match at line starts and ends too (`(?m)`).
  public static let multiline = RegexOptions(rawValue: 8)
  /// `.` matches line terminators too (`(?s)`).
  public static let dotMatchesLineSeparators = RegexOptions(rawValue: 32)
  /// `\b` uses Unicode word boundaries (UAX #29) instead of `\w` changes (`(?w)`).
  public static let unicodeWordBoundaries = RegexOptions(rawValue: 256)
}

/// A regular expression compiled once by ICU, shared between threads, matched through
/// ``RegexMatcher``s made from it.
///
/// The syntax is ICU's (<https://unicode-org.github.io/icu/userguide/strings/regexp.html>):
/// Perl-like, Unicode-aware `\w`, `\d`, `\s` and `\b`, possessive quantifiers, atomic groups,
/// bounded look-behind, `\p{…}` properties and set operations such as `[\p{L}&&[^a-z]]`.
public final class CompiledRegex: @unchecked Sendable {
  // @unchecked: the handle is used only as the source of `uregex_clone`, which reads the
  // compiled pattern (never changed after compiling) and counts references atomically;
  // ICU documents clones as usable from separate threads. Matching happens on the clones.
  private let handle: OpaquePointer
  /// The pattern as given.
  public let pattern: String
  /// The options it was compiled with.
  public let options: RegexOptions

  /// Compiles `pattern`.
  ///
  /// - Throws: `RegexSyntaxError` with ICU's error name and the offset where it stopped.
  public init(_ pattern: String, options: RegexOptions = []) throws(RegexSyntaxError) {
    var status = U_ZERO_ERROR
    var parseError = UParseError()
    let units = Array(pattern.utf16)
    let opened = units.withUnsafeBufferPointer { p in
      cicu_uregex_open(p.baseAddress, Int32(p.count), options.rawValue, &parseError, &status)
    }
    guard status.rawValue <= U_ZERO_ERROR.rawValue, let opened else {
      if let opened { cicu_uregex_close(opened) }
      let name = String(cString: cicu_u_errorName(status))
      throw RegexSyntaxError(
        pattern: pattern, name: name, offset: parseError.offset >= 0 ? Int(parseError.offset) : nil)
    }
    self.handle = opened
    self.pattern = pattern
    self.options = options
  }

  deinit { cicu_uregex_close(handle) }

  /// Makes a matcher for this pattern, for use on one thread.
  ///
  /// - Parameter timeLimit: the most work one match may do before giving up, in ICU's units
  ///   of 10,000 backtracking steps (roughly milliseconds); 0 for no limit.
  public func makeMatcher(timeLimit: Int = 0) throws(ICUError) -> RegexMatcher {
    var status = U_ZERO_ERROR
    let clone = cicu_uregex_clone(handle, &status)
    guard status.rawValue <= U_ZERO_ERROR.rawValue, let clone else {
      if let clone { cicu_uregex_close(clone) }
      throw icuError(status, "clone regular expression \"\(pattern)\"")
    }
    let matcher = RegexMatcher(handle: clone, regex: self)
    try matcher.setTimeLimit(timeLimit)
    return matcher
  }

  /// Whether the whole of `string` matches the pattern.
  public func matchesWhole(_ string: String) throws(RegexMatchError) -> Bool {
    let text: RegexText
    let matcher: RegexMatcher
    do {
      text = try RegexText(string)
      matcher = try makeMatcher()
    } catch {
      throw .icu(error)
    }
    try matcher.reset(text)
    return try matcher.matchesWhole()
  }
}
