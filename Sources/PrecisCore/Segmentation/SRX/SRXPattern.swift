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
    while let last = tokens.last, last.isSingleCharacter,
      let (lower, isReducible) = last.repetition,
      isReducible
    {
      if lower == 0 {
        tokens.removeLast()
        continue
      }
      tokens[tokens.count - 1].quantifier = lower == 1 ? "" : "{\(lower)}"
      break
    }
    return tokens.map(\.text).joined()
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
    while let last = tokens.last, last.isSingleCharacter,
      let set = SRXTail.characters(of: last, caseless: false), set.isSubset(of: SRXTail.whiteSpace),
      let (lower, isReducible) = last.repetition, isReducible
    {
      if lower == 0 {
        tokens.removeLast()
        continue
      }
      tokens[tokens.count - 1].quantifier = lower == 1 ? "" : "{\(lower)}"
      break
    }
    return tokens.map(\.text).joined()
  }
}

/// A top-level piece of an ICU pattern: an atom and its quantifier.
struct PatternToken {
  enum Kind { case literal, dot, escape, characterClass, group, anchor, alternation, quoted }
  var kind: Kind
  var atom: String
  var quantifier: String

  var text: String { atom + quantifier }

  /// A group that only sets flags, such as `(?i)`.
  var isFlagGroup: Bool {
    guard kind == .group, atom.hasPrefix("(?"), atom.hasSuffix(")"), quantifier.isEmpty else {
      return false
    }
    let inner = atom.dropFirst(2).dropLast()
    return !inner.isEmpty
      && inner.unicodeScalars.allSatisfy { "imsxw-".unicodeScalars.contains($0) }
  }

  /// Whether the atom always matches exactly one character.
  var isSingleCharacter: Bool {
    switch kind {
    case .literal, .dot, .characterClass: return true
    case .escape:
      // Zero-width escapes and ones that may match more than one character.
      guard let letter = atom.unicodeScalars.dropFirst().first else { return false }
      return !"bBAGZzXRQEk123456789".unicodeScalars.contains(letter)
    default: return false
    }
  }

  /// The quantifier's lower bound, and whether it may be trimmed (greedy or lazy; a
  /// possessive one changes what else can match, so it is left alone). `nil` when there is
  /// no quantifier.
  var repetition: (lower: Int, isReducible: Bool)? {
    guard !quantifier.isEmpty else { return nil }
    var q = Substring(quantifier)
    var reducible = true
    if q.count > 1, q.last == "+" {
      reducible = false
      q = q.dropLast()
    } else if q.count > 1, q.last == "?" {
      q = q.dropLast()
    }
    switch q {
    case "*", "?": return (0, reducible)
    case "+": return (1, reducible)
    default:
      guard q.first == "{", q.last == "}" else { return nil }
      let inside = q.dropFirst().dropLast()
      guard
        let lower = Int(inside.split(separator: ",", omittingEmptySubsequences: false).first ?? "")
      else {
        return nil
      }
      return (lower, reducible)
    }
  }

  /// Splits an ICU pattern into top-level tokens; joined again they give the pattern back.
  static func split(_ pattern: String) -> [PatternToken] {
    let s = Array(pattern.unicodeScalars)
    let n = s.count
    var tokens: [PatternToken] = []
    var i = 0
    func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(s[range])) }
    while i < n {
      let start = i
      var kind = PatternToken.Kind.literal
      switch s[i] {
      case "\\":
        if i + 1 < n && s[i + 1] == "Q" {
          kind = .quoted
          i += 2
          while i < n && !(s[i] == "\\" && i + 1 < n && s[i + 1] == "E") { i += 1 }
          i = min(n, i + 2)
        } else {
          kind = .escape
          i += 2
          let letter = i - 1 < n ? s[i - 1] : " "
          func hex(_ count: Int) {
            var k = 0
            while k < count && i < n && s[i].properties.isASCIIHexDigit {
              i += 1
              k += 1
            }
          }
          if "pPxNk".unicodeScalars.contains(letter), i < n,
            s[i] == "{" || (letter == "k" && s[i] == "<")
          {
            let close: Unicode.Scalar = s[i] == "<" ? ">" : "}"
            while i < n && s[i] != close { i += 1 }
            i = min(n, i + 1)
          } else if letter == "u" {
            hex(4)
          } else if letter == "U" {
            hex(8)
          } else if letter == "x" {
            hex(2)
          } else if letter == "c" {
            i = min(n, i + 1)
          } else if letter == "0" {
            var k = 0
            while k < 3 && i < n && ("0"..."7").contains(s[i]) {
              i += 1
              k += 1
            }
          }
        }
      case "[":
        kind = .characterClass
        var depth = 0
        var first = true
        while i < n {
          let c = s[i]
          if c == "\\" {
            i += 2
            first = false
            continue
          }
          if c == "[" {
            depth += 1
          } else if c == "]" && !(first && depth == 1) {
            depth -= 1
            if depth == 0 {
              i += 1
              break
            }
          }
          // A `]` right after `[` or `[^` is a literal.
          first = (c == "[") || (c == "^" && i > 0 && s[i - 1] == "[")
          i += 1
        }
      case "(":
        kind = .group
        var depth = 0
        var inClass = 0
        while i < n {
          let c = s[i]
          if c == "\\" {
            i += 2
            continue
          }
          if c == "[" {
            inClass += 1
          } else if c == "]" && inClass > 0 {
            inClass -= 1
          } else if inClass == 0 && c == "(" {
            depth += 1
          } else if inClass == 0 && c == ")" {
            depth -= 1
            if depth == 0 {
              i += 1
              break
            }
          }
          i += 1
        }
      case ".":
        kind = .dot
        i += 1
      case "^", "$":
        kind = .anchor
        i += 1
      case "|":
        kind = .alternation
        i += 1
      default:
        i += 1
      }
      i = min(i, n)
      let atom = text(start..<i)
      // The quantifier, if any: *, +, ?, {n}, {n,}, {n,m}, then an optional ? or +.
      let qStart = i
      if kind != .alternation && kind != .anchor && i < n {
        if s[i] == "*" || s[i] == "+" || s[i] == "?" {
          i += 1
        } else if s[i] == "{" {
          var j = i + 1
          while j < n && (s[j].properties.numericType != nil && s[j].isASCII || s[j] == ",") {
            j += 1
          }
          if j < n && s[j] == "}" && j > i + 1 { i = j + 1 }
        }
        if i > qStart && i < n && (s[i] == "?" || s[i] == "+") { i += 1 }
      }
      tokens.append(PatternToken(kind: kind, atom: atom, quantifier: text(qStart..<i)))
    }
    return tokens
  }
}

extension SRXPattern {
  /// Whether every match of `pattern` (ICU syntax) has a length below some bound, as an ICU
  /// look-behind needs: no `*`, `+` or `{n,}`, no back-reference, no `\X`. Look-arounds
  /// inside add no length and are not looked into; ICU has the last word when compiling.
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
