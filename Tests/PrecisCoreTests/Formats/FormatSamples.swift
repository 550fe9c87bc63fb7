import PrecisCore

/// Documents the format tests share.
enum FormatSamples {
  /// Normalises and splits `text` as `prepare` would.
  static func document(
    _ text: String, language: String? = "en", source: String = "news/article.txt"
  ) throws -> Document {
    var document = Document(source: source, text: text)
    document.language = language.flatMap { LanguageTag($0) }
    let pipeline = try Pipeline(stages: [
      try TextNormalizer(options: .init()), try SentenceSplitter(options: .init()),
    ])
    return try pipeline.apply(to: document)
  }

  /// An article with everything a writer must handle: placeholders of every kind, a URL, an
  /// e-mail address, code, U+0001 inside a sentence and at a boundary, `& < > " '`, a tab,
  /// right-to-left text, combining marks and an emoji.
  static let hardArticle = """
    date 2025-11-06 + share − 16 px

    Library hours change

    Hello {name}, your order %s shipped on Monday. Read more at https://example.org/news or write to press@example.com.
    The sensor log holds a control\u{01}character here, and 5 < 6 > 4 & "double" 'single' quotes.\u{01} Use `npm install` with {{count}} items, ${total} in total and %1$d left.<br/>Tabs\tstay.

    Arabic: مرحبا بالعالم. Combining: q\u{301} and x\u{303}. Emoji: 👩‍💻 works.  Two spaces before this one!

    """

  /// ``hardArticle`` with roles as `classify` would set them: the first paragraph is
  /// boilerplate, the second a heading; one sentence has a summary rank.
  static func hardDocument() throws -> Document {
    var document = try self.document(hardArticle)
    document.paragraphs[0].role = .boilerplate
    for i in document.paragraphs[0].segments { document.segments[i].role = .boilerplate }
    document.paragraphs[1].role = .heading
    for i in document.paragraphs[1].segments { document.segments[i].role = .heading }
    let ranked = document.paragraphs[2].segments.lowerBound
    document.segments[ranked].rank = 1
    document.segments[ranked].score = 0.875
    return document
  }
}
