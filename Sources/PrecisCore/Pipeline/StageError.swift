/// A stage failed on one document: the document fails, the batch goes on.
public struct StageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The stage's kind, such as `split`.
  public var stage: String
  /// The document's source, such as `de/news-01.txt`.
  public var source: String
  /// What happened and what to do, in lower case.
  public var reason: String

  public init(stage: String, source: String, reason: String) {
    self.stage = stage
    self.source = source
    self.reason = reason
  }

  public var description: String { "\(source): \(stage): \(reason)" }
}

/// A pipeline whose stages cannot run in the order given.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and how to fix it.
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
