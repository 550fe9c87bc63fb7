/// What a `beforebreak` pattern's matches can end with: the characters at the last positions
/// before the break, when the pattern says so plainly (literals, small classes, groups of
/// alternatives).
///
/// Used to try an abbreviation rule only at breaks it could match: a rule for
/// "Abs." needs an "s" before the full stop.
///
/// Every answer over-approximates: `nil` means "any character", and a set holds at least the
/// characters a match can have there.
enum SRXTail {
  /// The largest set of characters kept; larger ones count as "any".
  static let maximumSet = 64
  /// The most partial matches followed at once.
  static let maximumStates = 256

  /// White space as ICU's `\s` means it (the White_Space property).
  static let whiteSpace: Set<UInt32> = Set(
    [
      0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
      0x3000,
    ]
      + Array(0x2000...0x200A))

  /// ICU's `\h`: horizontal white space.
  static let horizontalSpace: Set<UInt32> = Set(
    [0x09, 0x20, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000] + Array(0x2000...0x200A))
  /// ICU's `\v`: vertical white space.
  static let verticalSpace: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]

  /// The possible characters at the last `count` positions of a match of `pattern` (an ICU
  /// pattern), last first, skipping trailing tokens that match only white space.
  ///
  /// `nil` for a position any character may fill. Also `nil` overall when the last kept position
  /// may be white space, since then the tail cannot be lined up with a break.
  static func lastCharacters(of pattern: String, count: Int) -> [Set<UInt32>?]? {
    if pattern.contains("(?x") || pattern.contains("(?-") { return nil }
    let caseless = pattern.contains("(?i")
    var tokens = PatternToken.split(pattern)
    if !tokens.contains(where: { $0.kind == .alternation }) {
      // White space after the text ends up after the break, in the gap.
      while let last = tokens.last, last.isSingleCharacter,
        let set = characters(of: last, caseless: caseless), set.isSubset(of: whiteSpace)
      {
        tokens.removeLast()
      }
    }
    if tokens.isEmpty { return nil }
    let states = tail(of: tokens, need: count, caseless: caseless)
    var result: [Set<UInt32>?] = Array(repeating: [], count: count)
    for state in states {
      for k in 0..<count {
        let set: Set<UInt32>? = k < state.count ? state[k] : nil
        if let set, let current = result[k] {
          let union = current.union(set)
          result[k] = union.count > maximumSet ? nil : union
        } else {
          result[k] = nil
        }
      }
    }
    if states.isEmpty { return nil }
    guard let last = result.first, let last, last.isDisjoint(with: whiteSpace) else { return nil }
    return result
  }

  /// The ways a match of `tokens` can end: each state lists the character sets at the last
  /// positions, last first, at most `need` of them (fewer when the match can be shorter).
  private static func tail(of tokens: [PatternToken], need: Int, caseless: Bool) -> [[Set<UInt32>?]]
  {
    // Top-level alternatives end in any of their own ways.
    if tokens.contains(where: { $0.kind == .alternation }) {
      var states: [[Set<UInt32>?]] = []
      var current: [PatternToken] = []
      for token in tokens + [PatternToken(kind: .alternation, atom: "|", quantifier: "")] {
        if token.kind == .alternation {
          states += tail(of: current, need: need, caseless: caseless)
          current = []
        } else {
          current.append(token)
        }
      }
      return Array(states.prefix(maximumStates))
    }
    var open: [[Set<UInt32>?]] = [[]]  // still reading tokens backwards
    var done: [[Set<UInt32>?]] = []
    for token in tokens.reversed() {
      if open.isEmpty { break }
      var next: [[Set<UInt32>?]] = []
      func add(_ state: [Set<UInt32>?]) {
        if state.count >= need {
          done.append(Array(state.prefix(need)))
        } else {
          next.append(state)
        }
      }
      let (lower, upper) = bounds(of: token)
      if isZeroWidth(token) {
        next = open
      } else if token.isSingleCharacter {
        let set = characters(of: token, caseless: caseless)
        for state in open {
          for r in lower...max(lower, min(upper, need - state.count)) {
            add(state + Array(repeating: set, count: r))
          }
        }
      } else if token.kind == .group, let alternatives = alternatives(of: token) {
        var inner: [[Set<UInt32>?]] = []
        for alternative in alternatives {
          inner += tail(of: PatternToken.split(alternative), need: need, caseless: caseless)
        }
        for state in open {
          if lower == 0 { add(state) }
          if upper == 0 { continue }
          for piece in inner {
            var grown = state + piece
            // A further repetition, or a required one, would need the group again: unknown.
            if grown.count < need && (lower > 1 || (upper > 1 && piece.count < need - state.count))
            {
              grown += Array(repeating: nil, count: need - grown.count)
            }
            add(grown)
          }
        }
      } else {
        // Quoted text, back-references, anything else: unknown from here on.
        for state in open { add(state + Array(repeating: nil, count: need - state.count)) }
      }
      open = Array(next.prefix(maximumStates))
      if done.count > maximumStates { return [Array(repeating: nil, count: need)] }
    }
    // A match may start here: the characters before it are not the pattern's to say.
    return done + open
  }

  private static func isZeroWidth(_ token: PatternToken) -> Bool {
    switch token.kind {
    case .anchor: return true
    case .escape:
      guard let letter = token.atom.unicodeScalars.dropFirst().first else { return false }
      return "bBAGZz".unicodeScalars.contains(letter)
    case .group:
      if token.isFlagGroup { return true }
      return ["(?=", "(?!", "(?<=", "(?<!"].contains { token.atom.hasPrefix($0) }
    default: return false
    }
  }

  /// The repetition bounds of a token; 1…1 without a quantifier, upper bound capped.
  private static func bounds(of token: PatternToken) -> (Int, Int) {
    var q = Substring(token.quantifier)
    if q.count > 1, q.last == "?" || q.last == "+" { q = q.dropLast() }
    switch q {
    case "": return (1, 1)
    case "*": return (0, Int.max)
    case "+": return (1, Int.max)
    case "?": return (0, 1)
    default:
      let parts = q.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
      let lower = Int(parts.first ?? "") ?? 0
      let upper = parts.count == 1 ? lower : Int(parts[1]) ?? Int.max
      return (lower, upper)
    }
  }

  /// The alternatives inside a capturing, non-capturing, named or atomic group.
  private static func alternatives(of token: PatternToken) -> [String]? {
    var inner = Substring(token.atom.dropFirst().dropLast())
    if inner.hasPrefix("?:") || inner.hasPrefix("?>") {
      inner = inner.dropFirst(2)
    } else if inner.hasPrefix("?<"), let close = inner.firstIndex(of: ">") {
      inner = inner[inner.index(after: close)...]
    } else if inner.hasPrefix("?") {
      return nil  // flags with a colon, and the like
    }
    var result: [String] = []
    var current = ""
    for t in PatternToken.split(String(inner)) {
      if t.kind == .alternation {
        result.append(current)
        current = ""
      } else {
        current += t.text
      }
    }
    result.append(current)
    return result
  }

  /// The characters a single-character token matches, when they are few and plain.
  static func characters(of token: PatternToken, caseless: Bool) -> Set<UInt32>? {
    var set: Set<UInt32>
    switch token.kind {
    case .literal:
      guard let c = token.atom.unicodeScalars.first else { return nil }
      set = [c.value]
    case .escape:
      let scalars = Array(token.atom.unicodeScalars)
      guard scalars.count >= 2 else { return nil }
      switch scalars[1] {
      case "s": set = whiteSpace
      case "t": set = [0x09]
      case "n": set = [0x0A]
      case "r": set = [0x0D]
      case "f": set = [0x0C]
      case "u" where scalars.count == 6:
        guard let v = UInt32(String(String.UnicodeScalarView(scalars[2...])), radix: 16) else {
          return nil
        }
        set = [v]
      case "x" where scalars.count > 3 && scalars[2] == "{":
        guard
          let v = UInt32(
            String(String.UnicodeScalarView(scalars[3..<(scalars.count - 1)])), radix: 16)
        else {
          return nil
        }
        set = [v]
      case "h": set = horizontalSpace
      case "v": set = verticalSpace
      case let c where c.value < 0x80 && !c.properties.isAlphabetic && !("0"..."9").contains(c):
        set = [c.value]  // an escaped punctuation mark such as \. or \-
      default:
        return nil  // \w, \d, \p{…}: too many characters
      }
    case .characterClass:
      guard let members = classMembers(token.atom) else { return nil }
      set = members
    default:
      return nil
    }
    if caseless {
      for v in set {
        guard let s = Unicode.Scalar(v) else { continue }
        for variant in [s.properties.lowercaseMapping, s.properties.uppercaseMapping] {
          if variant.unicodeScalars.count == 1, let u = variant.unicodeScalars.first {
            set.insert(u.value)
          }
        }
      }
    }
    return set.count > maximumSet ? nil : set
  }

  /// The members of a plain class such as `[Aa]`, `[A-Z]` or `[\s\u00A0.]`; `nil` for
  /// negated, nested, property or set-operation classes, and for large ones.
  private static func classMembers(_ atom: String) -> Set<UInt32>? {
    let s = Array(atom.unicodeScalars.dropFirst().dropLast())
    if s.first == "^" { return nil }
    var set: Set<UInt32> = []
    var i = 0
    var previous: UInt32? = nil
    while i < s.count {
      var value: UInt32
      let c = s[i]
      if c == "[" || (c == "&" && i + 1 < s.count && s[i + 1] == "&") { return nil }
      if c == "\\" {
        guard i + 1 < s.count else { return nil }
        let e = s[i + 1]
        i += 2
        switch e {
        case "s", "h", "v":
          set.formUnion(e == "s" ? whiteSpace : e == "h" ? horizontalSpace : verticalSpace)
          previous = nil
          continue
        case "t": value = 0x09
        case "n": value = 0x0A
        case "r": value = 0x0D
        case "u":
          guard i + 4 <= s.count,
            let v = UInt32(String(String.UnicodeScalarView(s[i..<(i + 4)])), radix: 16)
          else {
            return nil
          }
          value = v
          i += 4
        default:
          guard !e.properties.isAlphabetic, !("0"..."9").contains(e) else { return nil }
          value = e.value
        }
      } else if c == "-", let low = previous, i + 1 < s.count {
        // A range: the next character is its upper end.
        var high = s[i + 1].value
        var step = 2
        if s[i + 1] == "\\" {
          guard i + 2 < s.count, s[i + 2] != "u", !s[i + 2].properties.isAlphabetic else {
            return nil
          }
          high = s[i + 2].value
          step = 3
        }
        guard high >= low, high - low <= UInt32(maximumSet) else { return nil }
        for v in low...high { set.insert(v) }
        i += step
        previous = nil
        continue
      } else {
        value = c.value
        i += 1
      }
      set.insert(value)
      previous = value
      if set.count > maximumSet { return nil }
    }
    return set.isEmpty ? nil : set
  }
}
