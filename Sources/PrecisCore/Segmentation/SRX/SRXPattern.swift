/// Rewrites the Java regular expressions that SRX files are written in (Okapi, OmegaT,
/// LanguageTool and OpenXLIFF all match with `java.util.regex`) into ICU's syntax, which
/// SRX 2.0 names and which accepts almost all of them as they are.
///
/// What changes:
/// - Java-only inline flags `U` (Unicode classes: ICU's are always Unicode), `u` and `d`
///   are dropped from `(?…)` and `(?…:` groups.
/// - Unbounded `*`, `+` and `{n,}` inside a look-behind become `{0,100}`, `{1,100}` and
///   `{n,100}`: Java accepts them, ICU needs a bounded look-behind.
/// - A `}` that closes no `{n,m}` is escaped; Java reads it as a literal. So is a `]` first
///   in a class (`[]a]`), which Java reads as a member.
/// - Okapi's `\Y` (an inline code) matches nothing, since plain text has no inline codes,
///   and Okapi's `[noauto]` marker at the end of a pattern is removed.
enum SRXPattern {
  /// The longest text an unbounded quantifier in a look-behind may cover after rewriting.
  static let lookBehindBound = 100

  /// `pattern` in ICU syntax.
  static func icuPattern(fromJava pattern: String) -> String {
    var source = Array(pattern.unicodeScalars)
    if source.count >= 8, String(String.UnicodeScalarView(source.suffix(8))) == "[noauto]" {
      source.removeLast(8)
    }
    var out = String.UnicodeScalarView()
    var i = 0
    var classDepth = 0
    // For each open group, whether it is a look-behind.
    var groups: [Bool] = []
    var lookBehinds = 0
    // Whether the last thing copied was a quantifier: a `+` after one makes it possessive.
    var afterQuantifier = false
    let n = source.count

    func peek(_ k: Int) -> Unicode.Scalar? { k < n ? source[k] : nil }
    func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }

    while i < n {
      let c = source[i]
      let quantified = afterQuantifier
      afterQuantifier = false
      if c == "\\" {
        guard let next = peek(i + 1) else {
          out.append(c)
          i += 1
          continue
        }
        if next == "Q" {
          // \Q…\E quotes everything up to \E.
          var j = i + 2
          while j < n && !(source[j] == "\\" && peek(j + 1) == "E") { j += 1 }
          out.append(contentsOf: source[i..<min(j + 2, n)])
          i = j + 2
          continue
        }
        if next == "Y" && classDepth == 0 {
          append("(?!)")
          i += 2
          continue
        }
        out.append(c)
        out.append(next)
        i += 2
        // \p{…}, \P{…}, \x{…} and \N{…} carry their braces along.
        if "pPxN".unicodeScalars.contains(next) && peek(i) == "{" {
          while i < n {
            let d = source[i]
            out.append(d)
            i += 1
            if d == "}" { break }
          }
        }
        continue
      }
      if classDepth > 0 {
        if c == "[" {
          classDepth += 1
        } else if c == "]" {
          classDepth -= 1
        }
        out.append(c)
        i += 1
        continue
      }
      switch c {
      case "[":
        classDepth = 1
        out.append(c)
        i += 1
        // A `]` first in a class (after an optional `^`) is a literal.
        if peek(i) == "^" {
          out.append("^")
          i += 1
        }
        if peek(i) == "]" {
          append("\\]")
          i += 1
        }
      case "(":
        if peek(i + 1) == "?" {
          if peek(i + 2) == "<", let kind = peek(i + 3), kind == "=" || kind == "!" {
            groups.append(true)
            lookBehinds += 1
            append("(?<\(kind)")
            i += 4
            continue
          }
          if let (flags, length) = inlineFlags(source, at: i) {
            append(flags)
            if flags.hasSuffix(":") { groups.append(false) }
            i += length
            continue
          }
        }
        groups.append(false)
        out.append(c)
        i += 1
      case ")":
        if let last = groups.popLast(), last { lookBehinds -= 1 }
        out.append(c)
        i += 1
      case "*", "+":
        if lookBehinds > 0 && !(c == "+" && quantified) {
          append(c == "*" ? "{0,\(lookBehindBound)}" : "{1,\(lookBehindBound)}")
        } else {
          out.append(c)
        }
        afterQuantifier = !quantified
        i += 1
      case "?":
        out.append(c)
        afterQuantifier = !quantified && !(out.count >= 2 && Array(out.suffix(2)) == ["(", "?"])
        i += 1
      case "{":
        if let (interval, length) = repetition(source, at: i) {
          if lookBehinds > 0, interval.upper == nil {
            append("{\(interval.lower),\(max(interval.lower, lookBehindBound))}")
          } else {
            out.append(contentsOf: source[i..<(i + length)])
          }
          afterQuantifier = true
          i += length
        } else {
          out.append(c)
          i += 1
        }
      case "}":
        append("\\}")
        i += 1
      default:
        out.append(c)
        i += 1
      }
    }
    return String(out)
  }

  /// A `{n}`, `{n,}` or `{n,m}` at `i`: its bounds and its length in scalars.
  private static func repetition(
    _ s: [Unicode.Scalar], at i: Int
  ) -> ((lower: Int, upper: Int?), Int)? {
    var j = i + 1
    func number() -> Int? {
      let start = j
      while j < s.count, let v = s[j].properties.numericType, v == .decimal, s[j].isASCII { j += 1 }
      return j > start ? Int(String(String.UnicodeScalarView(s[start..<j]))) : nil
    }
    guard let lower = number() else { return nil }
    if j < s.count && s[j] == "}" { return ((lower, lower), j + 1 - i) }
    guard j < s.count && s[j] == "," else { return nil }
    j += 1
    let upper = number()
    guard j < s.count && s[j] == "}" else { return nil }
    return ((lower, upper), j + 1 - i)
  }

  /// An inline flag group `(?flags)` or `(?flags:` at `i`, rewritten without Java-only
  /// flags, and the length it covers; `nil` when `i` starts another kind of group.
  private static func inlineFlags(_ s: [Unicode.Scalar], at i: Int) -> (String, Int)? {
    var j = i + 2
    var kept = ""
    var sawFlag = false
    while j < s.count {
      let c = s[j]
      switch c {
      case "i", "m", "s", "x", "w", "-":
        kept.unicodeScalars.append(c)
        sawFlag = true
      case "U", "u", "d":
        sawFlag = true  // Java only: ICU classes are always Unicode, lines are always Unicode
      case ")":
        guard sawFlag else { return nil }
        let flags = kept.trimmingTrailingDash
        return (flags.isEmpty ? "" : "(?\(flags))", j + 1 - i)
      case ":":
        guard sawFlag else { return nil }
        let flags = kept.trimmingTrailingDash
        return (flags.isEmpty ? "(?:" : "(?\(flags):", j + 1 - i)
      default:
        return nil
      }
      j += 1
    }
    return nil
  }
}

extension String {
  /// The flags without a `-` that no longer turns anything off.
  fileprivate var trimmingTrailingDash: String {
    var s = self
    while s.hasSuffix("-") { s.removeLast() }
    return s
  }
}

extension SRXPattern {
  /// `before` without what cannot change where its matches end: a leading `X*` (or `X?`)
  /// is dropped and a leading `X+` (or `X{n,}`, `X{n,m}`) becomes `X` (`X{n}`), for a
  /// single-character `X`, so `.*\.at` becomes `\.at` and `\w+\.` becomes `\w\.`.
  ///
  /// SRX asks only whether `beforebreak` matches text *ending* at a position, and any such
  /// match that starts with a run of `X` still matches without all but the needed number of
  /// them. The shorter pattern is tried at fewer places and is often of bounded length, so
  /// it can be tried as a look-behind at candidate positions.
  static func trimmingLeadingRepeats(_ pattern: String) -> String {
    var tokens = PatternToken.split(pattern)
    var k = 0
    while k < tokens.count, tokens[k].isFlagGroup { k += 1 }
    while k < tokens.count {
      let token = tokens[k]
      guard token.isSingleCharacter, let (lower, isReducible) = token.repetition, isReducible else {
        break
      }
      if lower == 0 {
        tokens.remove(at: k)
        continue
      }
      tokens[k].quantifier = lower == 1 ? "" : "{\(lower)}"
      break
    }
    return tokens.map(\.text).joined()
  }

  /// `after` without what cannot change where its matches start: the mirror of
  /// ``trimmingLeadingRepeats(_:)`` at the end (`\s+` becomes `\s`, a final `.*` goes).
  static func trimmingTrailingRepeats(_ pattern: String) -> String {
    var tokens = PatternToken.split(pattern)
    reduceTrailingRepeats(&tokens) { _ in true }
    return tokens.map(\.text).joined()
  }

  /// Drops the last token while it is a reducible repeat with a lower bound of 0 that
  /// `accepts`, and lowers the first one with a positive bound to exactly that bound.
  static func reduceTrailingRepeats(
    _ tokens: inout [PatternToken], where accepts: (PatternToken) -> Bool
  ) {
    while let last = tokens.last, last.isSingleCharacter, accepts(last),
      let (lower, isReducible) = last.repetition, isReducible
    {
      if lower == 0 {
        tokens.removeLast()
        continue
      }
      tokens[tokens.count - 1].quantifier = lower == 1 ? "" : "{\(lower)}"
      break
    }
  }
}

extension SRXPattern {
  /// `before` without repeated white space at its end, for a rule whose `afterbreak` is
  /// empty: `\bz\.B\.\s*` becomes `\bz\.B\.` and `\.\s+` becomes `\.\s`.
  ///
  /// Positions in one run of white space are one break (segments are trimmed), so a rule
  /// that needs nothing after the break matches at the same breaks with or without the white
  /// space it allows. Only classes of white space are trimmed.
  static func trimmingTrailingSpace(_ before: String) -> String {
    var tokens = PatternToken.split(before)
    if tokens.contains(where: { $0.kind == .alternation }) { return before }
    reduceTrailingRepeats(&tokens) { token in
      SRXTail.characters(of: token, caseless: false)?.isSubset(of: SRXTail.whiteSpace) ?? false
    }
    return tokens.map(\.text).joined()
  }
}

extension SRXPattern {
  /// Whether every match of `pattern` (ICU syntax) has a length below some bound, as an ICU
  /// look-behind needs: no `*`, `+` or `{n,}`, no back-reference, no `\X`.
  ///
  /// Look-arounds inside add no length and are not looked into; ICU has the last word when
  /// compiling.
  static func hasBoundedLength(_ pattern: String) -> Bool {
    for token in PatternToken.split(pattern) {
      if token.quantifier.hasPrefix("*") || token.quantifier.hasPrefix("+")
        || token.quantifier.contains(",}")
      {
        return false
      }
      switch token.kind {
      case .escape:
        guard let letter = token.atom.unicodeScalars.dropFirst().first else { return false }
        if "X123456789k".unicodeScalars.contains(letter) { return false }
      case .group:
        if ["(?=", "(?!", "(?<=", "(?<!"].contains(where: { token.atom.hasPrefix($0) }) {
          continue
        }
        if token.isFlagGroup { continue }
        var inner = Substring(token.atom.dropFirst().dropLast())
        if inner.hasPrefix("?:") || inner.hasPrefix("?>") {
          inner = inner.dropFirst(2)
        } else if inner.hasPrefix("?<"), let close = inner.firstIndex(of: ">") {
          inner = inner[inner.index(after: close)...]
        } else if inner.hasPrefix("?"), let colon = inner.firstIndex(of: ":") {
          inner = inner[inner.index(after: colon)...]  // (?i:…)
        }
        if !hasBoundedLength(String(inner)) { return false }
      default:
        continue
      }
    }
    return true
  }

  /// Whether `pattern` has `\1`…`\9` or `\k<name>` outside a character class.
  static func hasBackReference(_ pattern: String) -> Bool {
    var escaped = false
    var depth = 0
    for c in pattern.unicodeScalars {
      if escaped {
        escaped = false
        if depth == 0 && (("1"..."9").contains(c) || c == "k") { return true }
        continue
      }
      switch c {
      case "\\": escaped = true
      case "[": depth += 1
      case "]": depth = max(0, depth - 1)
      default: break
      }
    }
    return false
  }
}
