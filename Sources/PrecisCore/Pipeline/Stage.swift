/// The options of a stage, decoded from a pipeline file; every option has a default.
public protocol StageOptions: Decodable, Sendable, Equatable {
  /// The option keys a pipeline file may give, in kebab-case.
  static var knownKeys: [String] { get }
  /// The options when a pipeline file gives none.
  init()
  /// The files the options name, such as an SRX rule file; the runner reads them (stages do
  /// no file IO) and hands each to ``loading(_:source:bytes:warnings:)``. None by default.
  var referencedFiles: [OptionFile] { get }
  /// The options with a referenced file's bytes read into them; `source` names the file in
  /// messages, and `warnings` collects what the file's content made the options skip.
  func loading(
    _ file: OptionFile, source: String, bytes: [UInt8], warnings: inout [String]
  ) throws(OptionFileError) -> Self
}

/// A file named by a stage option, as written in the pipeline file.
public struct OptionFile: Sendable, Hashable {
  /// The option's key, such as `srx`.
  public var key: String
  /// The path as written; the runner resolves it against the pipeline file's folder.
  public var path: String

  public init(key: String, path: String) {
    self.key = key
    self.path = path
  }
}

/// A file named by a stage option that cannot be used; the message names the file and place.
public struct OptionFileError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

extension StageOptions {
  public var referencedFiles: [OptionFile] { [] }

  public func loading(
    _ file: OptionFile, source: String, bytes: [UInt8], warnings: inout [String]
  ) throws(OptionFileError) -> Self { self }
}

/// A step that transforms a document. Configure it in `init`; keep no mutable state; do no
/// file IO.
public protocol Stage: Sendable {
  associatedtype Options: StageOptions
  /// The name used in pipeline files, in kebab-case, such as `split`.
  static var kind: String { get }
  /// What must be in a document before this stage runs; checked when the pipeline is made.
  static var requires: Set<DocumentFeature> { get }
  /// What this stage adds.
  static var adds: Set<DocumentFeature> { get }
  /// The options the stage was made with.
  var options: Options { get }
  /// Makes the stage, failing on options that cannot work together.
  init(options: Options) throws(StageError)
  /// Returns `document` with this stage's work applied.
  ///
  /// The pipeline hands the document over (`consuming`): a stage that declares its parameter
  /// `consuming` too owns the only reference, so changing the segments or replacing the text
  /// changes them in place instead of copying them (a stage that borrows it still works).
  func apply(to document: consuming Document) throws(StageError) -> Document
}

extension Stage {
  /// The stage's kind, from an instance.
  public var kind: String { Self.kind }
  /// What the stage needs, from an instance.
  public var requirements: Set<DocumentFeature> { Self.requires }
  /// What the stage adds, from an instance.
  public var additions: Set<DocumentFeature> { Self.adds }
}

/// Decodes an option whose value must be one of a fixed list, naming them when it is not.
extension KeyedDecodingContainer {
  public func decodeChoice<T: RawRepresentable & CaseIterable>(
    _ type: T.Type, forKey key: Key
  ) throws -> T? where T.RawValue == String {
    guard let raw = try decodeIfPresent(String.self, forKey: key) else { return nil }
    guard let value = T(rawValue: raw) else {
      let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self,
        debugDescription: "unknown value '\(raw)' for '\(key.stringValue)'; allowed values: \(allowed)")
    }
    return value
  }
}
