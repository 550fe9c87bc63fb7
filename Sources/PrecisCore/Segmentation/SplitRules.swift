/// A language's sentence rules, read from `Segmentation/Rules/<language>.txt`.
///
/// The files are data, not code: lists of abbreviations, sentence starters and punctuation,
/// and a few settings. `und.txt` holds what every language shares (the full stops of every
/// script, bullets, file extensions); a language's rules are `und.txt` plus its own file.
/// The format is described in <doc:SegmentationConventions>.
///
/// The files are embedded in the binary (SwiftPM's `embedInCode`) and parsed once, on first
/// use, into byte-keyed tables.
struct SplitRules: Sendable {
  /// Abbreviations that never end a sentence, such as titles before names.
  ///
  /// `Dr.`, `e.g.`, `z. B.`.
  var neverEnd = WordTable()
  /// Abbreviations that end a sentence only when a sentence starter follows: "etc.", "U.S.".
  var mayEnd = WordTable()
  /// Abbreviations that end a sentence before any capitalised word but a title.
  ///
  /// "6 p.m. Travellers …" ends one, "5 a.m. Mr. Smith" does not.
  var endBeforeCapital = WordTable()
  /// Abbreviations that never end a sentence before a number, and elsewhere act as `mayEnd`.
  ///
  /// `p. 5`, `Nr. 3`.
  var beforeNumber = WordTable()
  /// Words that begin sentences; they decide after `mayEnd` abbreviations and ordinals.
  var starters = WordTable(ignoresCase: true)
  /// Names that end in "!" or "?" ("Yahoo!"); treated like `mayEnd`.
  var exclamations = WordTable()
  /// Single letters that are words and may end a sentence ("I" in English); every other
  /// single letter followed by a full stop is an initial or a list label.
  var letterWords = WordTable()
  /// Characters that end a sentence in this language besides `. ! ? …` and the full stops.
  var terminators: ScalarSet = ScalarSet()
  /// Characters that end a sentence except between one-word list items (the Arabic comma).
  var weakTerminators: ScalarSet = ScalarSet()
  /// Characters that end a label or lead-in unless a quotation follows (the Arabic colon).
  var labelTerminators: ScalarSet = ScalarSet()
  /// Characters that never end a sentence in this language (the period in Armenian).
  var nonTerminators: ScalarSet = ScalarSet()
  /// Full stops of scripts that end a sentence whatever follows (`。`, `।`, `։`).
  var fullStops: ScalarSet = ScalarSet()
  /// List bullets ("•", "‣"); a bullet repeated later in a line starts a new item.
  var bullets: ScalarSet = ScalarSet()
  /// File name extensions: "report.PDF" is a name, not two sentences.
  var fileExtensions = WordTable(ignoresCase: true)
  /// Top-level web domains: "News.Az" is a name, not two sentences.
  var domains = WordTable(ignoresCase: true)
  /// Beginnings of web addresses ("https://", "www.").
  var urlPrefixes: [[UInt8]] = []
  /// Whether a number followed by a full stop is an ordinal, as in German `am 3. Oktober`.
  var ordinals = false
  /// Whether `!` and `?` end a sentence before a lower-case word ("кім? не?"); in English
  /// they do not ("thump! thump! down she came").
  var strongEndsBeforeLowercase = false
  /// Whether a space between two runs of the script ends a sentence (Thai).
  var spaceEndsSentence = false
  /// Words that, after such a space, continue the sentence (conjunctions).
  var clauseStarters = WordTable()
  /// Words that, opening a sentence, make its first such space a clause break: "if",
  /// "when", "however".
  var clauseOpeners = WordTable()
  /// Words that, before such a space, continue the sentence ("namely").
  var clauseEnders = WordTable()
  /// Words that, before such a space, end a sentence (final particles).
  var sentenceFinals = WordTable()
  /// The fewest words on each side of such a space for it to end a sentence.
  var minimumWords = 3
  /// The most words a sentence's opening clause ("if …", "however") has before its space.
  var longestOpeningClause = 8

  /// The first two UTF-8 bytes of every non-ASCII character the scan must look at (sentence
  /// marks, closing quotes, spaces), as a set of 64 × 64 bits: one word per lead byte
  /// (C0–FF), one bit per second byte (80–BF), each by its low six bits, so that the table
  /// fits in eight cache lines; see ``mayBeMark(_:_:)``.
  private(set) var markPrefixes: [UInt64] = []

  /// Whether a character whose UTF-8 form starts with `lead`, `second` may be a sentence mark,
  /// a closing quote or a space: the scan decodes only those. `lead` must be a lead byte and
  /// `second` the byte after it, as in valid UTF-8.
  @inline(__always)
  func mayBeMark(_ lead: UInt8, _ second: UInt8) -> Bool {
    Self.mayBeMark(lead, second, in: markPrefixes)
  }

  /// ``mayBeMark(_:_:)`` with ``markPrefixes`` at hand, for a loop that reads many characters.
  @inline(__always)
  static func mayBeMark(_ lead: UInt8, _ second: UInt8, in markPrefixes: [UInt64]) -> Bool {
    markPrefixes[Int(lead & 0x3F)] >> UInt64(second & 0x3F) & 1 == 1
  }

  /// For the three-byte characters among those of ``markPrefixes``: for each lead byte's
  /// low four bits and second byte's low six bits, a bit for each low six bits of a third
  /// byte; see ``mayBeMark(_:_:_:in:thirds:)``.
  private(set) var markThirds: [UInt64] = []

  /// A bit for each lead byte (by its low six bits) that starts some character of
  /// ``markPrefixes``: a character with any other lead byte is no mark.
  private(set) var markLeads: UInt64 = 0

  /// ``mayBeMark(_:_:in:)`` told exactly for a three-byte character: whether the character
  /// `lead`, `second`, `third` is one the scan must look at. Devanagari's vowel signs share
  /// their first two bytes with the danda, kana and the ideographic comma with `。`.
  @inline(__always)
  static func mayBeMark(
    _ lead: UInt8, _ second: UInt8, _ third: UInt8, in markPrefixes: [UInt64], thirds: [UInt64]
  ) -> Bool {
    guard mayBeMark(lead, second, in: markPrefixes) else { return false }
    return thirds[Int(lead & 0x0F) << 6 | Int(second & 0x3F)] >> UInt64(third & 0x3F) & 1 == 1
  }

  /// Whether the ASCII character `c` may end a sentence (or close a quote after a dash) in
  /// these rules: `. ! ? " '` and the language's own ASCII marks.
  @inline(__always)
  func mayBeASCIIMark(_ c: UInt8) -> Bool {
    (c < 64 ? asciiMarks.0 >> UInt64(c) : asciiMarks.1 >> UInt64(c & 63)) & 1 == 1
  }

  /// ``mayBeASCIIMark(_:)``'s characters as bits: 0x00–0x3F, 0x40–0x7F.
  private var asciiMarks: (UInt64, UInt64) = (0, 0)

  /// Fills ``markPrefixes`` from the marks of these rules; call once they are complete.
  mutating func indexMarks() {
    var table = [UInt64](repeating: 0, count: 64)
    var thirds = [UInt64](repeating: 0, count: 16 * 64)
    var marks: [UInt32] = [0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF0E]
    marks += [0xA0, 0x1680, 0x202F, 0x205F, 0x3000] + Array(0x2000...0x200A)  // spaces
    marks += [0xBB, 0x2019, 0x201D, 0x300D, 0x300F]  // closing quotes after a dash
    for set in [fullStops, terminators, weakTerminators, labelTerminators, nonTerminators] {
      marks += set.scalars
    }
    for v in marks where v >= 0x80 {
      var bytes: [UInt8] = []
      bytes.append(contentsOf: String(Character(Unicode.Scalar(v) ?? " ")).utf8)
      guard bytes.count >= 2 else { continue }
      table[Int(bytes[0] & 0x3F)] |= 1 << UInt64(bytes[1] & 0x3F)
      if bytes.count == 3 {
        thirds[Int(bytes[0] & 0x0F) << 6 | Int(bytes[1] & 0x3F)] |= 1 << UInt64(bytes[2] & 0x3F)
      }
    }
    markPrefixes = table
    markThirds = thirds
    markLeads = 0
    for k in 0..<64 where table[k] != 0 { markLeads |= 1 << UInt64(k) }
    asciiMarks = (0, 0)
    var ascii: [UInt32] = [0x2E, 0x21, 0x3F, 0x22, 0x27]
    for set in [terminators, weakTerminators, labelTerminators] { ascii += set.scalars }
    for v in ascii where v < 0x80 {
      if v < 64 { asciiMarks.0 |= 1 << UInt64(v) } else { asciiMarks.1 |= 1 << UInt64(v - 64) }
    }
    urlPrefixHeads = urlPrefixes.filter { $0.count >= 2 }.map {
      UInt16($0[0] | 0x20) << 8 | UInt16($0[1] | 0x20)
    }
    urlPrefixLeads = (0, 0)
    for head in urlPrefixHeads {
      let lead = Int(head >> 8)
      if lead < 64 { urlPrefixLeads.0 |= 1 << UInt64(lead) } else if lead < 128 {
        urlPrefixLeads.1 |= 1 << UInt64(lead - 64)
      }
    }
  }

  /// Whether a web address may start with the bytes `c0`, `c1` (compared in lower case): a
  /// bit test first, since most words start with no prefix's letter.
  @inline(__always)
  func mayStartURL(_ c0: UInt8, _ c1: UInt8) -> Bool {
    let lead = c0 | 0x20
    guard lead < 128 else { return false }
    let bits = lead < 64 ? urlPrefixLeads.0 >> UInt64(lead) : urlPrefixLeads.1 >> UInt64(lead - 64)
    guard bits & 1 == 1 else { return false }
    return urlPrefixHeads.contains(UInt16(lead) << 8 | UInt16(c1 | 0x20))
  }

  /// The first bytes (in lower case) of ``urlPrefixes``, as a 128-bit set.
  private var urlPrefixLeads: (UInt64, UInt64) = (0, 0)

  /// The first two bytes of each of ``urlPrefixes``, in lower case, for a cheap first test.
  private(set) var urlPrefixHeads: [UInt16] = []

  /// Adds everything in `other`; `other`'s settings win.
  mutating func merge(_ other: SplitRules, settings: Set<String>) {
    neverEnd.formUnion(other.neverEnd)
    mayEnd.formUnion(other.mayEnd)
    endBeforeCapital.formUnion(other.endBeforeCapital)
    beforeNumber.formUnion(other.beforeNumber)
    starters.formUnion(other.starters)
    exclamations.formUnion(other.exclamations)
    letterWords.formUnion(other.letterWords)
    terminators.formUnion(other.terminators)
    weakTerminators.formUnion(other.weakTerminators)
    labelTerminators.formUnion(other.labelTerminators)
    nonTerminators.formUnion(other.nonTerminators)
    fullStops.formUnion(other.fullStops)
    bullets.formUnion(other.bullets)
    fileExtensions.formUnion(other.fileExtensions)
    domains.formUnion(other.domains)
    urlPrefixes += other.urlPrefixes
    clauseStarters.formUnion(other.clauseStarters)
    clauseOpeners.formUnion(other.clauseOpeners)
    clauseEnders.formUnion(other.clauseEnders)
    sentenceFinals.formUnion(other.sentenceFinals)
    if settings.contains("ordinals") { ordinals = other.ordinals }
    if settings.contains("strong-ends-before-lowercase") {
      strongEndsBeforeLowercase = other.strongEndsBeforeLowercase
    }
    if settings.contains("space-ends-sentence") { spaceEndsSentence = other.spaceEndsSentence }
    if settings.contains("minimum-words") { minimumWords = other.minimumWords }
    if settings.contains("longest-opening-clause") {
      longestOpeningClause = other.longestOpeningClause
    }
  }
}

extension SplitRules {
  /// The rules for `language` (its primary subtag), or nil when there is no rule file.
  static func rules(for language: LanguageTag) -> SplitRules? {
    Library.shared.byLanguage[language.language]
  }

  /// The rules every language shares, for languages without a file.
  static var shared: SplitRules { Library.shared.shared }

  /// One language's rules behind a reference, to hand to code that reads them often
  /// without copying a kilobyte of tables.
  final class Shared: Sendable {
    let rules: SplitRules
    init(_ rules: SplitRules) { self.rules = rules }
  }

  /// The rules for `language`, else those every language shares, made once per language.
  static func sharedRules(for language: LanguageTag) -> Shared {
    Library.shared.sharedByLanguage[language.language] ?? Library.shared.sharedRules
  }

  /// The languages that have a rule file.
  static var languages: [String] { Library.shared.byLanguage.keys.sorted() }

  /// Problems found while reading the rule files; empty when they are all well-formed.
  static var problems: [String] { Library.shared.problems }

  /// Every rule file, parsed once.
  private struct Library: Sendable {
    var byLanguage: [String: SplitRules] = [:]
    var shared = SplitRules()
    var problems: [String] = []
    var sharedByLanguage: [String: Shared] = [:]
    var sharedRules = Shared(SplitRules())

    static let shared = Library()

    init() {
      var parser = RuleFileParser(name: "und.txt")
      let base = RuleFiles.shared.withUnsafeBufferPointer { parser.parse($0) }
      problems += parser.problems
      shared = base.rules
      shared.indexMarks()
      for (language, bytes) in RuleFiles.languages {
        var parser = RuleFileParser(name: "\(language).txt")
        let own = bytes.withUnsafeBufferPointer { parser.parse($0) }
        problems += parser.problems
        var rules = base.rules
        rules.merge(own.rules, settings: own.settings)
        rules.indexMarks()
        byLanguage[language] = rules
        sharedByLanguage[language] = Shared(rules)
      }
      sharedRules = Shared(shared)
    }
  }
}

/// Reads one rule file; see <doc:SegmentationConventions> for the format.
///
/// A line `[section]` starts a section; in it, words are separated by white space and `#`
/// starts a comment. `[settings]` holds `key = value` lines.
struct RuleFileParser {
  let name: String
  private(set) var problems: [String] = []

  init(name: String) { self.name = name }

  /// The sections a rule file may have.
  static let sections = [
    "never-end", "may-end", "end-before-capital", "before-number", "starters", "exclamations",
    "letter-words",
    "terminators", "weak-terminators", "label-terminators", "non-terminators", "full-stops",
    "bullets",
    "file-extensions", "domains", "url-prefixes", "clause-starters", "clause-openers",
    "clause-enders", "sentence-finals",
    "settings",
  ]

  /// Parses `b`; returns the rules and the names of the settings the file gave.
  mutating func parse(_ b: UnsafeBufferPointer<UInt8>) -> (rules: SplitRules, settings: Set<String>)
  {
    var rules = SplitRules()
    var given: Set<String> = []
    var section = ""
    var lineNumber = 0
    var lineStart = 0
    while lineStart < b.count {
      var lineEnd = lineStart
      while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
      lineNumber += 1
      defer { lineStart = lineEnd + 1 }
      // Cut the comment: a `#` at the start of a word.
      var contentEnd = lineStart
      var j = lineStart
      while j < lineEnd {
        if b[j] == 0x23 && (j == lineStart || b[j - 1] == 0x20 || b[j - 1] == 0x09) { break }
        j += 1
        contentEnd = j
      }
      let words = Self.words(in: lineStart..<contentEnd, of: b)
      guard let first = words.first else { continue }
      if b[first.lowerBound] == 0x5B && b[first.upperBound - 1] == 0x5D && words.count == 1 {
        section = String(
          decoding: UnsafeBufferPointer(rebasing: b[first.lowerBound + 1..<first.upperBound - 1]),
          as: UTF8.self)
        if !Self.sections.contains(section) {
          problems.append(
            "\(name):\(lineNumber): unknown section [\(section)]; known: \(Self.sections.joined(separator: ", "))"
          )
          section = "?"
        }
        continue
      }
      if section == "settings" {
        let text = String(
          decoding: UnsafeBufferPointer(rebasing: b[lineStart..<contentEnd]), as: UTF8.self)
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces() }
        guard parts.count == 2 else {
          problems.append("\(name):\(lineNumber): expected 'key = value' in [settings]")
          continue
        }
        if !apply(setting: parts[0], value: parts[1], to: &rules) {
          problems.append(
            "\(name):\(lineNumber): bad setting '\(text.trimmingSpaces())'; known: ordinals, strong-ends-before-lowercase, space-ends-sentence (yes|no), minimum-words, longest-opening-clause (N)"
          )
        } else {
          given.insert(parts[0])
        }
        continue
      }
      for word in words {
        let bytes = UnsafeBufferPointer(rebasing: b[word])
        switch section {
        case "never-end": rules.neverEnd.insert(bytes)
        case "may-end": rules.mayEnd.insert(bytes)
        case "end-before-capital": rules.endBeforeCapital.insert(bytes)
        case "before-number": rules.beforeNumber.insert(bytes)
        case "starters": rules.starters.insert(bytes)
        case "exclamations": rules.exclamations.insert(bytes)
        case "letter-words": rules.letterWords.insert(bytes)
        case "file-extensions": rules.fileExtensions.insert(bytes)
        case "domains": rules.domains.insert(bytes)
        case "url-prefixes": rules.urlPrefixes.append(Array(bytes))
        case "clause-starters": rules.clauseStarters.insert(bytes)
        case "clause-openers": rules.clauseOpeners.insert(bytes)
        case "clause-enders": rules.clauseEnders.insert(bytes)
        case "sentence-finals": rules.sentenceFinals.insert(bytes)
        case "terminators", "weak-terminators", "label-terminators", "non-terminators",
          "full-stops", "bullets":
          let (v, w) = UTF8Text.scalar(at: 0, in: bytes)
          guard w == bytes.count else {
            problems.append(
              "\(name):\(lineNumber): '\(String(decoding: bytes, as: UTF8.self))' in [\(section)] is not one character"
            )
            continue
          }
          switch section {
          case "terminators": rules.terminators.insert(v)
          case "weak-terminators": rules.weakTerminators.insert(v)
          case "label-terminators": rules.labelTerminators.insert(v)
          case "non-terminators": rules.nonTerminators.insert(v)
          case "full-stops": rules.fullStops.insert(v)
          default: rules.bullets.insert(v)
          }
        case "?":
          break  // under an unknown section, reported once
        default:
          problems.append("\(name):\(lineNumber): words before the first [section]")
        }
      }
    }
    return (rules, given)
  }

  private func apply(setting key: String, value: String, to rules: inout SplitRules) -> Bool {
    func flag() -> Bool? { value == "yes" ? true : value == "no" ? false : nil }
    switch key {
    case "ordinals":
      guard let f = flag() else { return false }
      rules.ordinals = f
    case "strong-ends-before-lowercase":
      guard let f = flag() else { return false }
      rules.strongEndsBeforeLowercase = f
    case "space-ends-sentence":
      guard let f = flag() else { return false }
      rules.spaceEndsSentence = f
    case "minimum-words":
      guard let n = Int(value), n >= 1 else { return false }
      rules.minimumWords = n
    case "longest-opening-clause":
      guard let n = Int(value), n >= 0 else { return false }
      rules.longestOpeningClause = n
    default: return false
    }
    return true
  }

  /// The ranges of the words (runs of bytes other than space and tab) in `range`.
  private static func words(in range: Range<Int>, of b: UnsafeBufferPointer<UInt8>) -> [Range<Int>]
  {
    var result: [Range<Int>] = []
    var i = range.lowerBound
    while i < range.upperBound {
      while i < range.upperBound && (b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D) { i += 1 }
      let start = i
      while i < range.upperBound && b[i] != 0x20 && b[i] != 0x09 && b[i] != 0x0D { i += 1 }
      if i > start { result.append(start..<i) }
    }
    return result
  }
}

extension StringProtocol {
  fileprivate func trimmingSpaces() -> String {
    String(
      drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: {
        $0 == " " || $0 == "\t" || $0 == "\r"
      }).reversed())
  }
}
