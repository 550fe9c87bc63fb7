/// Rewrites the Java regular expressions that SRX files are written in (Okapi, OmegaT,
/// LanguageTool and OpenXLIFF all match with `java.util.regex`) into ICU's syntax, which
/// SRX 2.0 names and which accepts almost all of them as they are.
///
/// What changes:
/// - Java-only inline flags `U` (Unicode classes: ICU's are always Unicode), `u` and `d`
///   are dropped from `(?…)` and `(?…:` groups.
/// - Unbounded `*`, `+` and `{n,}` inside a look-behind become `{0,100}`, `{1,100}` and
///   `{n,100}`: Java accepts them, ICU needs a bounded look-behind.
/// - A `}` that closes no `{n,m}` is escaped; Java reads it as a literal.
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
