import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run every file of a folder tree through a pipeline.",
    discussion: """
      Files are read in a stable order (by path); hidden files and folders are left
      out, and symbolic links are recorded as skipped unless --follow-symlinks.
      Outputs mirror the input tree inside --output, each written to a temporary
      file and renamed. manifest.jsonl gets a line per input as it finishes (path,
      hashes, status, error, language, counts, outputs, time) and is rewritten in
      input order at the end, beside report.json (totals). A bad file is recorded
      and the rest go on.

      --resume after a crash or kill redoes only inputs that are missing, changed,
      failed, or whose outputs are gone; the result equals a clean run's. --shard
      K/N runs the Kth of N disjoint parts (by a hash of the path), writing
      manifest.K-of-N.jsonl, so shards may share one output folder.

      Exit status: 0 when every file succeeded, 1 when some failed, 64 for usage
      errors. Without --pipeline, the built-in default (the text of
      pipelines/default.yaml) is used.
      """)

  @Argument(help: "The folder to read.")
  var inputDirectory: String = "corpora"

  @Option(help: "A pipeline file (YAML); the built-in default when absent.")
  var pipeline: String?

  @Option(help: "The folder to write into (made if absent).")
  var output: String

  @Option(help: "Files in flight at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Keep what a previous run into --output finished; redo the rest.")
  var resume = false

  @Option(help: ArgumentHelp("Run part K of N, such as 2/3.", valueName: "K/N"))
  var shard: Shard?

  @Option(
    help: ArgumentHelp(
      "Read only files matching this glob (repeatable): *.txt, or de/* for a path.",
      valueName: "glob"))
  var include: [String] = []

  @Option(
    help: ArgumentHelp(
      "Leave out files and folders matching this glob (repeatable).", valueName: "glob"))
  var exclude: [String] = []

  @Flag(help: "Follow symbolic links to files and folders (loops are recorded, not followed).")
  var followSymlinks = false

  @Option(help: "The language of every file (auto, or a code such as en).")
  var lang: String = "auto"

  @Option(help: "The encoding of every file (auto, utf-8, windows-1252 …).")
  var encoding: String = "auto"

  @Flag(help: "Print nothing but errors: no progress, no summary unless something failed.")
  var quiet = false

  @Option(help: maxFileSizeHelp)
  var maxFileSize: FileSizeLimit?

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de")
    }
    if encoding.lowercased() != "auto" && !PrecisCore.isKnownEncoding(encoding) {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use auto or a name ICU knows, e.g. utf-8, windows-1252")
    }
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: inputDirectory, isDirectory: &isDirectory)
      || !isDirectory.boolValue
    {
      throw ValidationError("'\(inputDirectory)' is not a folder; give the folder to read")
    }
    let input = URL(fileURLWithPath: inputDirectory).resolvingSymlinksInPath().standardizedFileURL
      .path
    let out = URL(fileURLWithPath: output).resolvingSymlinksInPath().standardizedFileURL.path
    if input == out {
      throw ValidationError(
        "--output must not be the input folder; give another folder, e.g. '\(inputDirectory)-out'")
    }
    if input.hasPrefix(out + "/") {
      throw ValidationError("the input folder is inside --output; give an output folder outside it")
    }
  }

  func run() async throws {
    let configuration: PipelineConfiguration
    configuration = try loadPipeline(pipeline)
    for warning in configuration.warnings where !quiet { printError("warning: \(warning)") }
    let processor = DocumentProcessor(
      configuration: configuration, language: lang == "auto" ? nil : LanguageTag(lang),
      encoding: encoding.lowercased() == "auto" ? nil : encoding)
    let options = BatchOptions(
      jobs: jobs, resume: resume, shard: shard,
      walk: WalkOptions(followSymlinks: followSymlinks, include: include, exclude: exclude),
      maxFileSize: maxFileSize ?? configuration.maxFileSize ?? .default)
    let runner = BatchRunner(
      inputRoot: inputDirectory, outputRoot: output, processor: processor, options: options)
    let meter = ProgressMeter(showsProgress: !quiet && isatty(STDERR_FILENO) == 1)
    meter.start()
    let report: BatchReport
    do {
      report = try await runner.run { event in meter.handle(event) }
    } catch let error as CustomStringConvertible & Error {
      meter.stop()
      printError(error.description)
      throw ExitCode(1)
    }
    meter.stop()
    if !quiet || report.failed > 0 {
      FileHandle.standardError.write(Data("\(report.summary)\n".utf8))
    }
    if report.failed > 0 { throw ExitCode(1) }
  }
}

extension Shard: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}
