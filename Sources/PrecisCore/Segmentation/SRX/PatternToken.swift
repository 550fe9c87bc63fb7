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
  /// possessive one changes what else can match, so it is left alone).
  ///
  /// `nil` when there is no quantifier.
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
