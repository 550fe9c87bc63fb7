import PrecisICU

/// The `split` stage's SRX options: which rule file, and how its rules meet ICU's breaks.
///
/// In a pipeline file (the path is relative to the pipeline file):
///
///     - kind: split
///       srx: rules/okapi_default_icu4j.srx
///       srx-mode: refine      # or replace; default: the file's own choice
///
/// The runner reads the file (stages do no file IO) and puts the compiled ``rules`` here.
public struct SRXSplitOptions: Sendable, Equatable {
  /// The rule file as named in the pipeline file or on the command line.
  public var file: String
  /// How the rules are used; `nil` for the file's choice: `refine` when it asks for ICU's
  /// break rules (Okapi's `useIcu4jBreakRules="yes"`), else `replace`.
  public var mode: SRXMode?
  /// The compiled rules, once the file is read.
  public var rules: SRXRules?

  /// The option keys, as the `split` stage lists them.
  public static let knownKeys = ["srx", "srx-mode"]

  /// Options for rules already compiled.
  public init(rules: SRXRules, mode: SRXMode? = nil) {
    self.file = rules.document.source
    self.mode = mode
    self.rules = rules
  }

  /// Options naming a file that is still to be read.
  public init(file: String, mode: SRXMode? = nil) {
    self.file = file
    self.mode = mode
    self.rules = nil
  }

  /// The mode in effect: ``mode``, else the file's choice.
  public var effectiveMode: SRXMode {
    mode ?? (rules?.document.usesICUBreakRules == true ? .refine : .replace)
  }

  private enum CodingKeys: String, CodingKey {
    case srx
    case srxMode = "srx-mode"
  }

  /// Reads `srx` and `srx-mode` from the `split` stage's options; `nil` without `srx`.
  static func decode(from decoder: any Decoder) throws -> SRXSplitOptions? {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let mode = try c.decodeChoice(SRXMode.self, forKey: .srxMode)
    guard let file = try c.decodeIfPresent(String.self, forKey: .srx) else {
      if mode != nil {
        throw DecodingError.dataCorruptedError(
          forKey: .srxMode, in: c,
          debugDescription: "'srx-mode' needs 'srx: FILE', the SRX 2.0 rule file to use")
      }
      return nil
    }
    guard !file.isEmpty else {
      throw DecodingError.dataCorruptedError(
        forKey: .srx, in: c, debugDescription: "'srx' needs the path of an SRX 2.0 file")
    }
    return SRXSplitOptions(file: file, mode: mode)
  }
}

extension SentenceSplitter.Options {
  public var referencedFiles: [OptionFile] {
    guard let srx, srx.rules == nil else { return [] }
    return [OptionFile(key: "srx", path: srx.file)]
  }

  public func loading(
    _ file: OptionFile, source: String, bytes: [UInt8], warnings: inout [String]
  ) throws(OptionFileError) -> Self {
    guard file.key == "srx", var srx else { return self }
    let rules: SRXRules
    do {
      rules = try SRXRules(bytes: bytes, source: source)
    } catch {
      throw OptionFileError(error.description)
    }
    warnings += rules.warnings.map(\.description)
    srx.rules = rules
    var copy = self
    copy.srx = srx
    return copy
  }
}

extension SentenceSplitter {
  /// Checks that SRX rules named in the options were loaded.
  static func checkSRX(_ options: Options) throws(StageError) {
    if let srx = options.srx, srx.rules == nil {
      throw StageError(
        stage: kind, source: "-",
        reason: "the SRX file '\(srx.file)' was not read; load it with the pipeline file or --srx")
    }
  }

  /// `boundaries` (ICU's, for one paragraph) with the SRX rules applied, if there are any.
  func applyingSRX(
    to boundaries: [Int], in paragraph: UnsafeBufferPointer<UInt8>, language: LanguageTag,
    run: inout SRXRun
  ) throws(ICUError) -> [Int] {
    guard let srx = options.srx, let rules = srx.rules else { return boundaries }
    let icu = srx.effectiveMode == .refine ? boundaries : nil
    return try rules.boundaries(in: paragraph, language: language, icuBoundaries: icu, run: &run)
  }
}
