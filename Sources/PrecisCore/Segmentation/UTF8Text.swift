/// Reading scalars and their classes straight from valid UTF-8 bytes, without `String`s.
///
/// The splitter's rules look at a few scalars around each candidate boundary; these helpers
/// decode them in place and answer the questions the rules ask (letter? upper case? digit?).
enum UTF8Text {
  /// The scalar starting at `i` and its byte length.
  @inline(__always)
  static func scalar(at i: Int, in b: UnsafeBufferPointer<UInt8>) -> (value: UInt32, width: Int) {
    let c0 = UInt32(b[i])
    if c0 < 0x80 { return (c0, 1) }
    let n = b.count
    if c0 < 0xE0 {
      guard i + 1 < n else { return (c0, 1) }
      return ((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2)
    }
    if c0 < 0xF0 {
      guard i + 2 < n else { return (c0, 1) }
      return ((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3)
    }
    guard i + 3 < n else { return (c0, 1) }
    let v = (c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6
    return (v | UInt32(b[i + 3] & 0x3F), 4)
  }

  /// The scalar ending at `end` (exclusive) and its byte length; `(0, 0)` at the start.
  @inline(__always)
  static func scalar(before end: Int, in b: UnsafeBufferPointer<UInt8>) -> (
    value: UInt32, width: Int
  ) {
    guard end > 0 else { return (0, 0) }
    var start = end - 1
    while start > 0 && end - start < 4 && b[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start, in: b)
  }

  /// The UTF-8 byte length of the scalar `v`.
  @inline(__always)
  static func width(of v: UInt32) -> Int {
    v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
  }

  /// Whether `v` is white space as segments are trimmed (see `Whitespace`).
  @inline(__always)
  static func isSpace(_ v: UInt32) -> Bool {
    switch v {
    case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Whether `v` is an invisible format character that rules look through: bidi marks and
  /// embeddings, zero-width space and joiners, the word joiner, the soft hyphen.
  @inline(__always)
  static func isFormat(_ v: UInt32) -> Bool {
    switch v {
    case 0xAD, 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
  }

  /// Whether `v` is a letter (or a combining mark, which belongs to the letter before it).
  @inline(__always)
  static func isLetter(_ v: UInt32) -> Bool {
    if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
    if v < ScalarClasses.tableLimit { return ScalarClasses.table.has(v, ScalarClasses.letter) }
    return ScalarClasses.compute(v) & ScalarClasses.letter != 0
  }

  /// Whether `v` is a decimal digit of any script.
  @inline(__always)
  static func isDigit(_ v: UInt32) -> Bool {
    if v < 0x80 { return v &- 0x30 < 10 }
    if v < ScalarClasses.tableLimit { return ScalarClasses.table.has(v, ScalarClasses.digit) }
    return ScalarClasses.compute(v) & ScalarClasses.digit != 0
  }

  /// Whether `v` is an upper-case or title-case letter.
  @inline(__always)
  static func isUpper(_ v: UInt32) -> Bool {
    if v < 0x80 { return v &- 0x41 < 26 }
    if v < ScalarClasses.tableLimit { return ScalarClasses.table.has(v, ScalarClasses.upper) }
    return ScalarClasses.compute(v) & ScalarClasses.upper != 0
  }

  /// Whether `v` is a lower-case letter.
  @inline(__always)
  static func isLower(_ v: UInt32) -> Bool {
    if v < 0x80 { return v &- 0x61 < 26 }
    if v < ScalarClasses.tableLimit { return ScalarClasses.table.has(v, ScalarClasses.lower) }
    return ScalarClasses.compute(v) & ScalarClasses.lower != 0
  }

  /// Whether `v` is a combining mark (general category Mn or Mc).
  @inline(__always)
  static func isMark(_ v: UInt32) -> Bool {
    if v < 0x80 { return false }
    if v < ScalarClasses.tableLimit { return ScalarClasses.table.has(v, ScalarClasses.mark) }
    return ScalarClasses.compute(v) & ScalarClasses.mark != 0
  }

  /// Whether `v` is a letter or digit.
  @inline(__always)
  static func isWordCharacter(_ v: UInt32) -> Bool { isLetter(v) || isDigit(v) }

  /// Whether `v` is a Han ideograph, kana or CJK punctuation: scripts written without spaces,
  /// where a full stop ends a sentence whatever follows.
  @inline(__always)
  static func isCJK(_ v: UInt32) -> Bool {
    switch v {
    case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
      0x20000...0x3FFFF:
      true
    default: false
    }
  }

  /// Whether `v` is a letter, vowel sign or tone mark of Thai or Lao: scripts written with
  /// no space between words and no sentence mark.
  @inline(__always)
  static func isThaiOrLao(_ v: UInt32) -> Bool { v &- 0x0E01 < 0x4E || v &- 0x0E81 < 0x5F }

  /// Whether `v` repeats or shortens the word before it (Thai ๆ ฯ, Lao ໆ ຯ).
  @inline(__always)
  static func isRepetitionMark(_ v: UInt32) -> Bool {
    v == 0x0E46 || v == 0x0E2F || v == 0x0EC6 || v == 0x0EAF
  }

  /// Whether `v` is a dash: hyphen-minus, en dash, em dash, horizontal bar.
  @inline(__always)
  static func isDash(_ v: UInt32) -> Bool {
    v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2015
  }

  /// The lower-case form of `v` for the scripts whose abbreviations the rules list.
  ///
  /// Used only to match rule words without regard to case; a simple, allocation-free
  /// mapping of Latin, Greek, Cyrillic and Armenian capitals.
  @inline(__always)
  static func folded(_ v: UInt32) -> UInt32 {
    if v < 0x80 { return v &- 0x41 < 26 ? v + 0x20 : v }
    if v < FoldTable.limit { return FoldTable.shared.folded(v) }
    return v  // nothing from U+0580 up is folded
  }

  /// ``folded(_:)`` worked out case by case; the table below U+0580 is filled from it.
  static func foldedBySearch(_ v: UInt32) -> UInt32 {
    switch v {
    case 0x41...0x5A: v + 0x20
    case 0xC0...0xDE where v != 0xD7: v + 0x20
    case 0x100...0x137 where v & 1 == 0 && v != 0x130: v + 1
    case 0x139...0x148 where v & 1 == 1: v + 1
    case 0x14A...0x177 where v & 1 == 0: v + 1
    case 0x179...0x17E where v & 1 == 1: v + 1
    case 0x391...0x3AB where v != 0x3A2: v + 0x20
    case 0x386: 0x3AC
    case 0x388...0x38A: v + 0x25
    case 0x38C: 0x3CC
    case 0x38E, 0x38F: v + 0x3F
    case 0x400...0x40F: v + 0x50
    case 0x410...0x42F: v + 0x20
    case 0x460...0x481 where v & 1 == 0: v + 1
    case 0x48A...0x4BF where v & 1 == 0: v + 1
    case 0x4C1...0x4CE where v & 1 == 1: v + 1
    case 0x4D0...0x4FF where v & 1 == 0: v + 1
    case 0x531...0x556: v + 0x30
    default: v
    }
  }
}

/// ``UTF8Text/folded(_:)`` below U+0580 (Latin, Greek, Cyrillic, Armenian), one load each.
struct FoldTable: Sendable {
  static let limit: UInt32 = 0x580
  static let shared = FoldTable()

  private let table: [UInt16]

  private init() {
    table = (0..<Self.limit).map { UInt16(UTF8Text.foldedBySearch($0)) }
  }

  @inline(__always)
  func folded(_ v: UInt32) -> UInt32 {
    UInt32(table.withUnsafeBufferPointer { $0[Int(v)] })
  }
}

/// The classes the splitter asks about, for every scalar below U+2000 (the alphabets with
/// case, and the scripts of Western and South Asia) in a table of one byte each, filled from
/// the standard library's Unicode data on first use (about a millisecond): a lookup then
/// costs a load instead of a search of the property data.
struct ScalarClasses: Sendable {
  static let letter: UInt8 = 1
  static let digit: UInt8 = 2
  static let upper: UInt8 = 4
  static let lower: UInt8 = 8
  static let mark: UInt8 = 16

  static let tableLimit: UInt32 = 0x2000
  static let table = ScalarClasses()

  private let table: [UInt8]

  private init() {
    var table = [UInt8](repeating: 0, count: Int(Self.tableLimit))
    for v in 0x80..<Int(Self.tableLimit) { table[v] = Self.compute(UInt32(v)) }
    self.table = table
  }

  @inline(__always)
  func has(_ v: UInt32, _ flag: UInt8) -> Bool {
    table.withUnsafeBufferPointer { $0[Int(v)] } & flag != 0
  }

  /// The classes of `v`, from its Unicode properties.
  static func compute(_ v: UInt32) -> UInt8 {
    // Han ideographs, kana and Hangul syllables: letters without case, asked about often.
    switch v {
    case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3:
      return letter
    default: break
    }
    guard let s = Unicode.Scalar(v) else { return 0 }
    let p = s.properties
    let category = p.generalCategory
    var flags: UInt8 = 0
    if p.isAlphabetic || category == .nonspacingMark || category == .spacingMark {
      flags |= letter
    }
    if category == .nonspacingMark || category == .spacingMark { flags |= mark }
    if p.numericType == .decimal { flags |= digit }
    if p.isUppercase || category == .titlecaseLetter { flags |= upper }
    if p.isLowercase { flags |= lower }
    return flags
  }
}
