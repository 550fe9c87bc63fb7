/// A BCP 47 language tag such as `de`, `pt-BR` or `zh-Hant`, kept in its canonical case.
public struct LanguageTag: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The tag, such as `pt-BR`.
  public let rawValue: String

  /// Parses a tag: a 2–3 letter language, then subtags of 2–8 letters or digits.
  ///
  /// `_` is accepted as a separator (`pt_BR`, as ICU writes locales).
  public init?(_ string: String) {
    let parts = string.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
    guard let first = parts.first, (2...3).contains(first.count),
      first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    var canonical = [first.lowercased()]
    for part in parts.dropFirst() {
      guard (1...8).contains(part.count), part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
      else { return nil }
      switch part.count {
      case 2 where part.allSatisfy(\.isLetter): canonical.append(part.uppercased())  // region
      case 4 where part.allSatisfy(\.isLetter): canonical.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())  // script
      default: canonical.append(part.lowercased())
      }
    }
    rawValue = canonical.joined(separator: "-")
  }

  /// The primary language subtag, such as `pt` for `pt-BR`.
  public var language: String {
    String(rawValue.prefix(while: { $0 != "-" }))
  }

  /// The tag as an ICU locale ID, such as `pt_BR`.
  public var icuLocale: String { rawValue.split(separator: "-").joined(separator: "_") }

  public var description: String { rawValue }

  public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let string = try container.decode(String.self)
    guard let tag = LanguageTag(string) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(string)' is not a language tag (e.g. en, de, pt-BR)")
    }
    self = tag
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }

  /// English, the language assumed when none is known.
  public static let english = LanguageTag(unchecked: "en")

  init(unchecked: String) { rawValue = unchecked }
}
