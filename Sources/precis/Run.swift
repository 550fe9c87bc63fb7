import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Run: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run every file of a folder tree through a pipeline.",
    discussion: """
      Outputs mirror the input tree inside --output, each written to a temporary file and
      renamed; manifest.jsonl gets a line per input. A bad file is recorded and the rest go
      on. Exit status: 0 when every file succeeded, 1 when some failed, 64 for usage errors.
      Without --pipeline, the built-in default (the text of pipelines/default.yaml) is used.
      """)

  @Argument(help: "The folder to read.")
  var inputDirectory: String = "corpora"

  @Option(help: "A pipeline file (YAML); the built-in default when absent.")
  var pipeline: String?

  @Option(help: "The folder to write into (made if absent).")
  var output: String

  @Option(help: "Files in flight at once (default: the number of cores).")
  var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "The language of every file (auto, or a code such as en).")
  var lang: String = "auto"

  @Option(help: "The encoding of every file (auto, utf-8, windows-1252 …).")
  var encoding: String = "auto"

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de")
    }
    var isDirectory: ObjCBool = false
    if !FileManager.default.fileExists(atPath: inputDirectory, isDirectory: &isDirectory) || !isDirectory.boolValue {
      throw ValidationError("'\(inputDirectory)' is not a folder; give the folder to read")
    }
  }

  func run() async throws {
    let configuration: PipelineConfiguration
    do {
      configuration = try pipeline.map { path throws(PipelineFileError) in try PipelineLoader.load(path: path) }
        ?? PipelineLoader.builtIn()
    } catch {
      printError(error.description)
      throw ExitCode(64)
    }
    for warning in configuration.warnings where !quiet { printError("warning: \(warning)") }
    let processor = DocumentProcessor(
      configuration: configuration, language: lang == "auto" ? nil : LanguageTag(lang),
      encoding: encoding.lowercased() == "auto" ? nil : encoding)
    let runner = BatchRunner(inputRoot: inputDirectory, outputRoot: output, processor: processor, jobs: jobs)
    let report: BatchReport
    do {
      report = try await runner.run()
    } catch let error as CustomStringConvertible & Error {
      printError(error.description)
      throw ExitCode(1)
    }
    for entry in report.entries where entry.status == "error" {
      printError(entry.error ?? entry.path)
    }
    if !quiet || report.failed > 0 {
      FileHandle.standardError.write(Data("\(report.summary)\n".utf8))
    }
    if report.failed > 0 { throw ExitCode(1) }
  }
}
