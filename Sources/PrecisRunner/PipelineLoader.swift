import Foundation
import PrecisCore
import Yams

/// A pipeline file that cannot be used, with the place and the allowed values.
public struct PipelineFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, as given.
  public var file: String
  /// 1-based line and column, when known.
  public var line: Int?
  public var column: Int?
  /// What is wrong and what is allowed.
  public var message: String

  public var description: String {
    if let line, let column { return "\(file):\(line):\(column): \(message)" }
    return "\(file): \(message)"
  }
}

/// Reads pipeline files (YAML), rejecting unknown keys and bad values with their place.
public enum PipelineLoader {
  /// Loads the pipeline file at `path`.
  public static func load(path: String) throws(PipelineFileError) -> PipelineConfiguration {
    let bytes: [UInt8]
    do {
      bytes = try InputFile.read(path)
    } catch {
      throw PipelineFileError(file: path, message: error.reason)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw PipelineFileError(file: path, message: "not valid UTF-8; save the pipeline file as UTF-8")
    }
    return try parse(text, file: path)
  }

  /// The built-in default pipeline.
  public static func builtIn() -> PipelineConfiguration {
    do {
      return try parse(DefaultPipeline.yaml, file: DefaultPipeline.name)
    } catch {
      fatalError("the built-in pipeline is invalid: \(error)")  // a programmer error
    }
  }

  /// Parses pipeline YAML; `file` names it in errors.
  public static func parse(_ yaml: String, file: String) throws(PipelineFileError) -> PipelineConfiguration {
    func fail(_ node: Node?, _ message: String) -> PipelineFileError {
      PipelineFileError(file: file, line: node?.mark?.line, column: node?.mark?.column, message: message)
    }
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: yaml) else { throw fail(nil, "empty pipeline file; it needs at least 'version: 1' and 'stages'") }
      root = composed
    } catch let error as PipelineFileError {
      throw error
    } catch let error as YamlError {
      throw PipelineFileError(file: file, message: "not valid YAML: \(Self.describe(error))")
    } catch {
      throw PipelineFileError(file: file, message: "not valid YAML: \(error)")
    }
    try refuseAliases(in: root, fail)
    let top = try mapping(root, "the pipeline file", fail)
    try checkKeys(top, allowed: ["version", "input", "stages", "outputs"], what: "top-level key", fail)

    // version
    guard let versionNode = value(top, "version") else { throw fail(root, "missing 'version'; add 'version: 1'") }
    guard case let .scalar(versionScalar) = versionNode, let version = Int(versionScalar.string), version == 1 else {
      throw fail(versionNode, "unsupported version '\(versionNode.string ?? "?")'; allowed values: 1")
    }

    // input
    var encoding: String? = nil
    var maxFileSize: FileSizeLimit? = nil
    if let inputNode = value(top, "input") {
      let input = try mapping(inputNode, "'input'", fail)
      try checkKeys(input, allowed: ["encoding", "max-file-size"], what: "option for 'input'", fail)
      if let node = value(input, "max-file-size") {
        guard let text = node.string, let limit = FileSizeLimit(text) else {
          throw fail(
            node,
            "'max-file-size' must be a size such as 100M, 2G or 500MB (K, M, G: powers of 1024; KB, MB, GB: of 1000), or none"
          )
        }
        maxFileSize = limit
      }
      if let node = value(input, "encoding") {
        guard let name = node.string, !name.isEmpty else { throw fail(node, "'encoding' must be a name such as auto, utf-8 or windows-1252") }
        if name.lowercased() != "auto" {
          guard PrecisCore.isKnownEncoding(name) else {
            throw fail(node, "unknown encoding '\(name)'; use auto or a name ICU knows, e.g. utf-8, windows-1252, koi8-r, shift_jis")
          }
          encoding = name
        }
      }
    }

    // stages
    guard let stagesNode = value(top, "stages") else { throw fail(root, "missing 'stages'; list at least '- kind: normalize'") }
    guard case let .sequence(stageList) = stagesNode else { throw fail(stagesNode, "'stages' must be a list of '- kind: NAME' entries") }
    var stages: [any Stage] = []
    var warnings: [String] = []
    for stageNode in stageList {
      let entry = try mapping(stageNode, "a stage", fail)
      guard let kindNode = value(entry, "kind"), let kind = kindNode.string else {
        throw fail(stageNode, "a stage needs 'kind'; known kinds: \(StageCatalog.kinds.joined(separator: ", "))")
      }
      guard let type = StageCatalog.stageType(kind: kind) else {
        throw fail(kindNode, "unknown stage kind '\(kind)'; known kinds: \(StageCatalog.kinds.joined(separator: ", "))")
      }
      stages.append(try makeStage(type, entry: entry, kind: kind, file: file, warnings: &warnings, fail))
    }
    let pipeline: Pipeline
    do {
      pipeline = try Pipeline(stages: stages)
    } catch {
      throw fail(stagesNode, error.message)
    }

    // outputs
    var outputs: [OutputSpec] = []
    if let outputsNode = value(top, "outputs") {
      guard case let .sequence(list) = outputsNode else { throw fail(outputsNode, "'outputs' must be a list of '- format: NAME' entries") }
      let formats = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
      for node in list {
        let entry = try mapping(node, "an output", fail)
        try checkKeys(entry, allowed: ["format", "to", "target"] + summaryKeys, what: "option for an output", fail)
        guard let formatNode = value(entry, "format"), let name = formatNode.string else {
          throw fail(node, "an output needs 'format'; known formats: \(formats)")
        }
        guard let format = OutputFormat(rawValue: name) else {
          throw fail(formatNode, "unknown output format '\(name)'; known formats: \(formats)")
        }
        var targets: [LanguageTag] = []
        if let toNode = value(entry, "to") {
          let items: [Node]
          switch toNode {
          case let .sequence(seq): items = Array(seq)
          case .scalar: items = [toNode]
          default: throw fail(toNode, "'to' must be a language or a list of languages, e.g. [fr, de]")
          }
          for item in items {
            guard let s = item.string, let tag = LanguageTag(s) else {
              throw fail(item, "'\(item.string ?? "?")' is not a language tag (e.g. fr, de, pt-BR)")
            }
            targets.append(tag)
          }
        }
        if format.needsTargetLanguage && targets.isEmpty {
          throw fail(node, "output '\(name)' needs target languages, e.g. 'to: [fr, de]'")
        }
        var fill = TargetFill.empty
        if let fillNode = value(entry, "target") {
          let allowed = TargetFill.allCases.map(\.rawValue).joined(separator: ", ")
          guard let raw = fillNode.string, let chosen = TargetFill(rawValue: raw) else {
            throw fail(fillNode, "unknown value '\(fillNode.string ?? "?")' for 'target'; allowed values: \(allowed)")
          }
          fill = chosen
        }
        var spec = OutputSpec(format: format, targetLanguages: targets, fill: fill)
        try readSummaryLength(entry, into: &spec, fail)
        outputs.append(spec)
      }
    }
    var configuration = PipelineConfiguration(
      name: file, text: yaml, version: version, encoding: encoding, pipeline: pipeline, outputs: outputs)
    configuration.warnings = warnings
    configuration.maxFileSize = maxFileSize
    return configuration
  }

  /// The length options of a `summary` output.
  static let summaryKeys = ["sentences", "words", "budget-words", "ratio", "cut"]

  /// Reads `sentences: N`, `words: N`, `budget-words: N` or `ratio: R` (one of them) and
  /// `cut: true` into a `summary` output; other formats have no length.
  private static func readSummaryLength(
    _ entry: Node.Mapping, into spec: inout OutputSpec, _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) {
    let given = summaryKeys.compactMap { key in value(entry, key).map { (key, $0) } }
    guard let first = given.first else { return }
    guard spec.format == .summary else {
      throw fail(first.1, "'\(first.0)' is an option of 'format: summary' outputs only")
    }
    let lengths = given.filter { $0.0 != "cut" }
    if lengths.count > 1 {
      throw fail(lengths[1].1, "give one of 'sentences', 'words', 'budget-words' or 'ratio', not '\(lengths[0].0)' and '\(lengths[1].0)'")
    }
    func whole(_ node: Node, _ key: String) throws(PipelineFileError) -> Int {
      guard let text = node.string, let n = Int(text), n >= 1 else {
        throw fail(node, "'\(key)' must be a whole number of at least 1, e.g. \(key == "sentences" ? 3 : 40)")
      }
      return n
    }
    if let (key, node) = lengths.first {
      switch key {
      case "sentences": spec.summaryLength = .sentences(try whole(node, key))
      case "words": spec.summaryLength = .words(try whole(node, key))
      case "budget-words": spec.summaryLength = .budgetWords(try whole(node, key))
      default:
        guard let text = node.string, let r = Double(text), r > 0, r <= 1 else {
          throw fail(node, "'ratio' must be a share above 0 and at most 1, e.g. 0.2")
        }
        spec.summaryLength = .ratio(r)
      }
    }
    if let (_, node) = given.first(where: { $0.0 == "cut" }) {
      guard let text = node.string, let cut = Bool(text) else {
        throw fail(node, "'cut' must be true or false")
      }
      switch spec.summaryLength {
      case .words, .budgetWords: spec.cut = cut
      default: throw fail(node, "'cut' goes with 'words' or 'budget-words'")
      }
    }
  }

  private static func makeStage(
    _ type: any Stage.Type, entry: Node.Mapping, kind: String, file: String,
    warnings: inout [String], _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) -> any Stage {
    try makeStage(opening: type, entry: entry, kind: kind, file: file, warnings: &warnings, fail)
  }

  private static func makeStage<S: Stage>(
    opening type: S.Type, entry: Node.Mapping, kind: String, file: String,
    warnings: inout [String], _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) -> any Stage {
    let known = S.Options.knownKeys
    for (key, _) in entry where key.string != "kind" {
      let name = key.string ?? "?"
      if !known.contains(name) {
        let list = known.isEmpty ? "none" : known.joined(separator: ", ")
        throw fail(key, "unknown option '\(name)' for stage '\(kind)'; known options: \(list)")
      }
    }
    let pairs = entry.filter { $0.key.string != "kind" }.map { ($0.key, $0.value) }
    let optionsNode = Node.mapping(Node.Mapping(pairs, .implicit, .block, entry.mark))
    var options: S.Options
    do {
      options = try YAMLDecoder().decode(S.Options.self, from: optionsNode)
    } catch let error as DecodingError {
      let (path, message) = describe(error)
      let node = path.last.flatMap { key in value(entry, key.stringValue) } ?? .mapping(entry)
      throw fail(node, "stage '\(kind)': \(message)")
    } catch {
      throw fail(.mapping(entry), "stage '\(kind)': \(error)")
    }
    // Files the options name (rule files) are read here, relative to the pipeline file.
    for reference in options.referencedFiles {
      let node = value(entry, reference.key) ?? .mapping(entry)
      let path = OptionFiles.resolve(reference.path, relativeTo: file)
      do {
        let bytes = try InputFile.read(path)
        options = try options.loading(reference, source: path, bytes: bytes, warnings: &warnings)
      } catch let error as InputError {
        throw fail(node, "stage '\(kind)': \(reference.key): \(error.description)")
      } catch let error as OptionFileError {
        throw fail(node, "stage '\(kind)': \(reference.key): \(error.description)")
      } catch {
        throw fail(node, "stage '\(kind)': \(reference.key): \(error)")
      }
    }
    do {
      return try S(options: options)
    } catch {
      throw fail(.mapping(entry), "stage '\(kind)': \(error.reason)")
    }
  }

  private static func describe(_ error: DecodingError) -> ([any CodingKey], String) {
    switch error {
    case let .dataCorrupted(context):
      return (context.codingPath, context.debugDescription)
    case let .typeMismatch(type, context):
      let key = context.codingPath.last?.stringValue ?? "value"
      return (context.codingPath, "'\(key)' should be \(typeName(type))")
    case let .valueNotFound(type, context):
      let key = context.codingPath.last?.stringValue ?? "value"
      return (context.codingPath, "'\(key)' needs \(typeName(type))")
    case let .keyNotFound(key, context):
      return (context.codingPath, "missing option '\(key.stringValue)'")
    @unknown default:
      return ([], "\(error)")
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is Bool.Type: "true or false"
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is String.Type: "a text value"
    default: "a \(type)"
    }
  }

  private static func describe(_ error: YamlError) -> String {
    "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
  }

  private static func mapping(
    _ node: Node, _ what: String, _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) -> Node.Mapping {
    if case .alias = node { throw fail(node, "YAML aliases are not allowed in pipeline files; write the value out") }
    guard case let .mapping(m) = node else { throw fail(node, "\(what) must be a mapping of 'key: value' lines") }
    for (key, value) in m {
      if case .alias = value { throw fail(value, "YAML aliases are not allowed in pipeline files; write the value out") }
      if key.string == nil { throw fail(key, "keys must be plain names") }
    }
    return m
  }

  /// Refuses YAML aliases (`*name`). Yams hands back the anchored node itself for each alias
  /// (and lets go of the anchor's name), so a few lines of nested aliases ("billion laughs")
  /// stand for billions of nodes that any walk over the tree, a decoder's or an error
  /// message's, would visit. A list or mapping met twice at the same place in the file is
  /// such a repeat; the walk stops there, so it visits each node of the file once. Aliases of
  /// single values cost nothing and are left to the checks of each key.
  static func refuseAliases(
    in root: Node, _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) {
    var seen: Set<[Int]> = []
    var pending = [root]
    var visited = 0
    while let node = pending.popLast() {
      visited += 1
      if visited > 1_000_000 {
        throw fail(nil, "more than a million YAML values; a pipeline file holds a few dozen")
      }
      switch node {
      case .mapping, .sequence:
        if let mark = node.mark, !seen.insert([mark.line, mark.column]).inserted {
          throw fail(
            node,
            "this value is repeated through a YAML alias (*name); pipeline files allow no aliases: write the value out"
          )
        }
      case .alias:
        throw fail(node, "pipeline files allow no YAML aliases (*name); write the value out")
      case .scalar: break
      }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() { pending += [value, key] }
      case .sequence(let sequence): pending += sequence.reversed()
      case .scalar, .alias: break
      }
    }
  }

  private static func checkKeys(
    _ m: Node.Mapping, allowed: [String], what: String, _ fail: (Node?, String) -> PipelineFileError
  ) throws(PipelineFileError) {
    var seen: Set<String> = []
    for (key, _) in m {
      let name = key.string ?? "?"
      if !allowed.contains(name) {
        throw fail(key, "unknown \(what) '\(name)'; known: \(allowed.joined(separator: ", "))")
      }
      if !seen.insert(name).inserted { throw fail(key, "'\(name)' is given twice") }
    }
  }

  private static func value(_ m: Node.Mapping, _ key: String) -> Node? {
    m.first { $0.key.string == key }?.value
  }
}
