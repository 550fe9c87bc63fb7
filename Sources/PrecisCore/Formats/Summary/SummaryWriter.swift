/// Writes a document's summary as plain text: the chosen sentences in document order, one
/// per line.
///
/// Needs a document that went through `score` (otherwise the lead is written). The length
/// comes from the writer: three sentences unless the pipeline's output says otherwise.
public struct SummaryWriter: SegmentWriter {
  public static let format = "summary"
  public let fileExtension = "summary.txt"
  /// How long the summary is.
  public var length: SummaryLength

  public init(length: SummaryLength = .sentences(3)) {
    self.length = length
  }

  public func render(_ document: Document, targetLanguage: LanguageTag?) -> String {
    var out = ""
    for sentence in Summary.sentences(of: document, length: length) {
      // One sentence per line: a line break inside a sentence would read as two.
      out += sentence.text.split(whereSeparator: \.isNewline).joined(separator: " ")
      out += "\n"
    }
    return out
  }
}
