import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

@main
struct PrecisCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "precis",
    abstract: "Prepare multilingual text for translators and summarise it.",
    discussion: """
      One staged pipeline: decode → normalize → split → export. Offsets are UTF-8
      bytes into the normalised text; segments and the gaps between them rebuild it
      exactly.
      """,
    version: "0.1.0 (ICU \(PrecisICU.icuVersion))",
    subcommands: [
      Normalize.self, Detect.self, Split.self, Summarize.self, Prepare.self, Merge.self, Run.self,
      Stream.self,
    ]
  )
}

/// Where a single-document command reads from, and how.
struct InputOptions: ParsableArguments {
  @Argument(help: "The input file, or - for standard input.")
  var file: String = "-"

  @Option(help: "The input encoding (auto, utf-8, windows-1252, shift_jis …).")
  var encoding: String = "auto"

  @Option(help: maxFileSizeHelp)
  var maxFileSize: FileSizeLimit = .default

  func validate() throws {
    if encoding.lowercased() != "auto" && !PrecisCore.isKnownEncoding(encoding) {
      throw ValidationError("unknown encoding '\(encoding)'; use auto or a name ICU knows, e.g. utf-8, windows-1252, koi8-r, shift_jis, gb18030")
    }
  }

  /// Reads and decodes the input.
  func decode() throws(ProcessingError) -> Document {
    let bytes: [UInt8]
    do { bytes = try InputFile.read(file, limit: maxFileSize) } catch { throw .input(error) }
    do {
      return try TextDecoder(encoding: encoding).decode(bytes, source: file)
    } catch {
      throw .decode(error)
    }
  }
}

/// Prints `message` to standard error as `precis: message`.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("precis: \(message)\n".utf8))
}

/// Writes `text` to standard output in one call.
func printOutput(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

/// Runs `body`, turning an input error into one line on standard error and exit status 1.
func reportingFailures<R>(_ body: () throws -> R) throws -> R {
  do {
    return try body()
  } catch let error as ValidationError {
    throw error
  } catch let error as CustomStringConvertible & Error {
    printError(error.description)
    throw ExitCode(1)
  }
}

extension LanguageTag: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
}

extension NormalizationForm: ExpressibleByArgument {}

extension FileSizeLimit: ExpressibleByArgument {
  public init?(argument: String) { self.init(argument) }
  public var defaultValueDescription: String { description }
}

/// The help of every `--max-file-size`.
let maxFileSizeHelp = ArgumentHelp(
  "Refuse input files larger than this: 100M, 2G (powers of 1024), 500MB (of 1000), or none.",
  valueName: "size")

/// Loads the pipeline file at `path`, or the built-in default; a bad file is a usage error
/// (one line naming the file, line and column, then exit status 64).
func loadPipeline(_ path: String?) throws -> PipelineConfiguration {
  do {
    return try path.map { path throws(PipelineFileError) in try PipelineLoader.load(path: path) }
      ?? PipelineLoader.builtIn()
  } catch {
    printError(error.description)
    throw ExitCode(64)
  }
}
