/// Writes a document's summary as plain text: the chosen sentences in document order, one
/// per line.
///
/// Needs a document that went through `score` (otherwise the lead is written). The length
/// comes from the writer: three sentences unless the pipeline's output says otherwise.
public struct SummaryWriter: StreamingSegmentWriter {
  public static let format = "summary"
  public let fileExtension = "summary.txt"
  /// How long the summary is.
  public var length: SummaryLength
  /// Whether a summary of a number of words cuts its last sentence at the limit.
  public var cut: Bool
  /// How a summary of a number of words chooses among the best sentences.
  public var fit: SummaryFit

  public init(length: SummaryLength = .sentences(3), cut: Bool = false, fit: SummaryFit = .init()) {
    self.length = length
    self.cut = cut
    self.fit = fit
  }

  /// Writes the summary of `document` into `sink`, a sentence at a time.
  public func write(_ document: Document, to sink: inout ByteSink) {
    for sentence in Summary.sentences(of: document, length: length, cut: cut, fit: fit) {
      // One sentence per line: a line break inside a sentence would read as two.
      sink.append(sentence.text.split(whereSeparator: \.isNewline).joined(separator: " "))
      sink.bytes.append(0x0A)
      sink.flushIfFull()
    }
  }
}
