internal import CICU

/// A character's class in Unicode's sentence break rules (UAX #29, the `Sentence_Break`
/// property), from ICU's property data: what a caller needs to tell where ICU's sentence
/// iterator could break without running it.
public enum SentenceBreakClass: UInt8, Sendable {
  case other, cr, lf, extend, sep, format, sp, lower, upper, oLetter, numeric, aTerm, sTerm
  case close, sContinue

  /// The class of the code point `v`.
  public init(of v: UInt32) {
    if v < 0x80 {
      self = Self.ascii[Int(v)]
    } else {
      self = Self.lookUp(v)
    }
  }

  /// Whether the class ends sentences: ATerm or STerm.
  public var isTerminator: Bool { self == .aTerm || self == .sTerm }

  /// Whether characters of the class attach to the one before (Extend, Format).
  public var isTransparent: Bool { self == .extend || self == .format }

  private static let ascii: [SentenceBreakClass] = (0..<128).map { lookUp(UInt32($0)) }

  private static func lookUp(_ v: UInt32) -> SentenceBreakClass {
    let value = cicu_u_getIntPropertyValue(UChar32(bitPattern: v), UCHAR_SENTENCE_BREAK)
    switch UInt32(bitPattern: value) {
    case U_SB_CR.rawValue: return .cr
    case U_SB_LF.rawValue: return .lf
    case U_SB_EXTEND.rawValue: return .extend
    case U_SB_SEP.rawValue: return .sep
    case U_SB_FORMAT.rawValue: return .format
    case U_SB_SP.rawValue: return .sp
    case U_SB_LOWER.rawValue: return .lower
    case U_SB_UPPER.rawValue: return .upper
    case U_SB_OLETTER.rawValue: return .oLetter
    case U_SB_NUMERIC.rawValue: return .numeric
    case U_SB_ATERM.rawValue: return .aTerm
    case U_SB_STERM.rawValue: return .sTerm
    case U_SB_CLOSE.rawValue: return .close
    case U_SB_SCONTINUE.rawValue: return .sContinue
    default: return .other
    }
  }
}
