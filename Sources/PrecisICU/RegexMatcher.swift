internal import CICU

/// Matches one ``CompiledRegex`` against a ``RegexText``; offsets are UTF-16 offsets.
///
/// Not thread-safe: ICU's matcher keeps state. Make one per thread with
/// ``CompiledRegex/makeMatcher(timeLimit:)``, and reuse it for many texts.
public final class RegexMatcher {
  private let handle: OpaquePointer
  /// The pattern this matcher matches.
  public let regex: CompiledRegex
  /// The text being matched; kept so that its storage outlives ICU's pointer into it.
  public private(set) var text: RegexText?

  init(handle: OpaquePointer, regex: CompiledRegex) {
    self.handle = handle
    self.regex = regex
  }

  deinit { cicu_uregex_close(handle) }

  /// Sets the most work one match may do, in ICU's units (about 10,000 backtracking steps
  /// each); 0 for no limit.
  public func setTimeLimit(_ limit: Int) throws(ICUError) {
    var status = U_ZERO_ERROR
    cicu_uregex_setTimeLimit(handle, Int32(clamping: limit), &status)
    try icuCheck(status, "set the time limit of a regular expression")
  }

  /// Starts matching `text`, from its start, with no region.
  public func reset(_ text: RegexText) throws(RegexMatchError) {
    var status = U_ZERO_ERROR
    cicu_uregex_setText(handle, text.units.baseAddress, Int32(text.utf16Count), &status)
    try regexCheck(status, "set the text of a regular expression")
    self.text = text
  }

  /// Lets go of the text (so its storage can be freed while the matcher is kept).
  public func dropText() {
    var status = U_ZERO_ERROR
    cicu_uregex_setText(handle, emptyUTF16, 0, &status)
    text = nil
  }

  /// Restricts matching to `range`.
  ///
  /// With transparent bounds, look-around and `\b` see the text outside the region; with anchoring
  /// bounds, `^` and `$` match at the region's ends.
  public func setRegion(
    _ range: Range<Int>, transparentBounds: Bool = true, anchoringBounds: Bool = false
  ) throws(RegexMatchError) {
    // A bound between the two halves of a surrogate pair makes ICU read outside the text;
    // keep whole characters.
    var lower = range.lowerBound
    var upper = range.upperBound
    if let text {
      if splitsPair(lower, text) { lower += 1 }
      if splitsPair(upper, text) { upper -= 1 }
      upper = max(lower, upper)
    }
    var status = U_ZERO_ERROR
    cicu_uregex_setRegion(handle, Int32(lower), Int32(upper), &status)
    cicu_uregex_useTransparentBounds(handle, transparentBounds ? 1 : 0, &status)
    cicu_uregex_useAnchoringBounds(handle, anchoringBounds ? 1 : 0, &status)
    try regexCheck(status, "set the region of a regular expression")
  }

  /// Finds the first match that lies inside `range`.
  ///
  /// Look-around and `\b` see the text around the range; `^` and `$` match only at the text's own
  /// ends.
  public func firstMatch(in range: Range<Int>) throws(RegexMatchError) -> Range<Int>? {
    try setRegion(range, transparentBounds: true, anchoringBounds: false)
    return try findNext()
  }

  /// Finds the first match that starts at or after `utf16Offset`, searching the whole text
  /// (any region is dropped).
  ///
  /// Later calls to ``findNext()`` continue after it.
  public func find(from utf16Offset: Int) throws(RegexMatchError) -> Range<Int>? {
    var start = utf16Offset
    if let text, splitsPair(start, text) { start += 1 }
    var status = U_ZERO_ERROR
    let found = cicu_uregex_find(handle, Int32(start), &status)
    try regexCheck(status, "find a match")
    return found != 0 ? try matchRange() : nil
  }

  /// Finds the next match after the previous one (or from the region's start after a reset).
  public func findNext() throws(RegexMatchError) -> Range<Int>? {
    var status = U_ZERO_ERROR
    let found = cicu_uregex_findNext(handle, &status)
    try regexCheck(status, "find the next match")
    return found != 0 ? try matchRange() : nil
  }

  /// Whether a match starts exactly at `utf16Offset` (it need not reach the end).
  ///
  /// The whole text is visible; any region is dropped.
  public func lookingAt(_ utf16Offset: Int) throws(RegexMatchError) -> Bool {
    // No character starts inside a surrogate pair (and ICU would read outside the text).
    if let text, splitsPair(utf16Offset, text) { return false }
    var status = U_ZERO_ERROR
    let found = cicu_uregex_lookingAt(handle, Int32(utf16Offset), &status)
    try regexCheck(status, "match at an offset")
    return found != 0
  }

  /// Whether the pattern matches all of `range`, seeing the text around it (look-around and
  /// `\b`; `^` and `$` match only at the text's own ends).
  public func matches(exactly range: Range<Int>) throws(RegexMatchError) -> Bool {
    try setRegion(range, transparentBounds: true, anchoringBounds: false)
    var status = U_ZERO_ERROR
    let found = cicu_uregex_matches(handle, -1, &status)
    try regexCheck(status, "match a region")
    return found != 0
  }

  /// Whether the pattern matches the whole text.
  public func matchesWhole() throws(RegexMatchError) -> Bool {
    var status = U_ZERO_ERROR
    let found = cicu_uregex_matches(handle, 0, &status)
    try regexCheck(status, "match a whole text")
    return found != 0
  }

  private func splitsPair(_ offset: Int, _ text: RegexText) -> Bool {
    offset > 0 && offset < text.utf16Count && text.unit(at: offset) & 0xFC00 == 0xDC00
      && text.unit(at: offset - 1) & 0xFC00 == 0xD800
  }

  private func matchRange() throws(RegexMatchError) -> Range<Int> {
    var status = U_ZERO_ERROR
    let start = cicu_uregex_start(handle, 0, &status)
    let end = cicu_uregex_end(handle, 0, &status)
    try regexCheck(status, "read a match")
    return Int(start)..<Int(end)
  }

}

/// Throws for a failing `status` (a free function: no C type may appear in a member of a
/// public type, see `ICUError.init`).
private func regexCheck(_ status: UErrorCode, _ operation: String) throws(RegexMatchError) {
  guard status.rawValue > U_ZERO_ERROR.rawValue else { return }
  switch status {
  case U_REGEX_TIME_OUT: throw .timeLimitExceeded
  case U_REGEX_STACK_OVERFLOW: throw .stackLimitExceeded
  default: throw .icu(icuError(status, operation))
  }
}

/// One UTF-16 unit that ICU may point at when a matcher has no text; never written.
// nonisolated(unsafe): allocated once, never mutated, and ICU reads nothing at length 0.
private nonisolated(unsafe) let emptyUTF16: UnsafeMutablePointer<UInt16> = {
  let p = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
  p.initialize(to: 0)
  return p
}()
