/// A piece of a segment's text as the writers see it: plain text, or something translators
/// must keep as it is.
public enum InlinePiece: Sendable, Hashable {
  /// Text to translate.
  case text(String)
  /// A placeholder the program fills in (`{name}`, `%s`, `%1$d`, `{{var}}`, `${x}`, `<br/>`):
  /// it must appear in the translation exactly once, anywhere.
  case placeholder(String, PlaceholderKind)
  /// Text that must not be translated: a URL, an e-mail address or code.
  case protected(String, ProtectedKind)

  /// The piece's text as it stands in the source.
  public var text: String {
    switch self {
    case let .text(s), let .placeholder(s, _), let .protected(s, _): s
    }
  }
}

/// What kind of placeholder a code is, for formats that say so.
public enum PlaceholderKind: String, Sendable, Hashable, CaseIterable {
  /// `{name}`, `{0}`, `{{var}}`, `${x}`: a named or numbered variable.
  case variable
  /// `%s`, `%1$d`, `%.2f`: a printf conversion.
  case printf
  /// `<br/>`, `<b>`, `</b>`: a markup tag.
  case markup
}

/// What kind of text is protected from translation.
public enum ProtectedKind: String, Sendable, Hashable, CaseIterable {
  case url
  case email
  /// Text in backticks, such as `` `npm install` ``.
  case code
}

extension Array where Element == InlinePiece {
  /// The placeholders, in order.
  public var placeholders: [String] {
    compactMap { if case let .placeholder(s, _) = $0 { s } else { nil } }
  }

  /// The pieces' text joined: the segment's text.
  public var joinedText: String {
    var out = ""
    for piece in self { out += piece.text }
    return out
  }
}
