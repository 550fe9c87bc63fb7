import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Prepare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Write translator-ready files: XLIFF 2.1, XLIFF 1.2, TMX, PO, aligned text, TSV.",
    discussion: """
      Each FILE goes through the pipeline's stages (the built-in default, or
      --pipeline), then one file per format and target language is written into
      --output, named after FILE:
      NAME.<tgt>.xlf (xliff2), NAME.<tgt>.xliff12.xlf, NAME.<src>-<tgt>.tmx,
      NAME.<tgt>.po, NAME.<src>.txt + NAME.<tgt>.txt (aligned), NAME.segments.tsv,
      and NAME.skeleton.json (the layout `precis merge` needs for TMX, PO, aligned
      text and TSV). Each file is written to a temporary file and renamed. A line
      per FILE reports the counts of words and characters to translate (see
      WordCounts in the docs); --report json prints them as JSON. Exit status: 0
      when every file was prepared, 1 when some failed, 64 for usage errors.
      """)

  enum Report: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Argument(help: "The files to prepare, or - for standard input.")
  var files: [String]

  @Option(help: "Target languages, comma-separated (e.g. fr,de,pt-BR).")
  var to: String

  @Option(help: "The source language (e.g. en); detected (or undetermined) when absent.")
  var from: String?

  @Option(help: "Formats, comma-separated: xliff2, xliff12, tmx, po, aligned, tsv.")
  var format: String = "xliff2"

  @Option(help: "The folder to write into (made if absent).")
  var output: String = "."

  @Flag(help: "Copy the source into every target.")
  var copySource = false

  @Flag(help: "Fill targets with pseudo-translations (accented, ~30 % longer, bracketed).")
  var pseudo = false

  @Option(help: "A pipeline file whose stages to run; the built-in default when absent.")
  var pipeline: String?

  @Option(help: "The input encoding (auto, utf-8, windows-1252 …).")
  var encoding: String = "auto"

  @Option(help: "How to print the counts: text or json.")
  var report: Report = .text

  @Option(help: maxFileSizeHelp)
  var maxFileSize: FileSizeLimit?

  var targetLanguages: [LanguageTag] {
    to.split(separator: ",").compactMap {
      LanguageTag(String($0).trimmingCharacters(in: .whitespaces))
    }
  }

  var formats: [OutputFormat] {
    format.split(separator: ",").compactMap {
      OutputFormat(rawValue: String($0).trimmingCharacters(in: .whitespaces))
    }
  }

  func validate() throws {
    if files.isEmpty { throw ValidationError("give at least one FILE to prepare") }
    for part in to.split(separator: ",", omittingEmptySubsequences: false)
    where LanguageTag(String(part).trimmingCharacters(in: .whitespaces)) == nil {
      throw ValidationError(
        "'\(part)' in --to is not a language tag; use codes such as fr,de,pt-BR")
    }
    if let from, LanguageTag(from) == nil {
      throw ValidationError("'\(from)' is not a language tag; use a code such as en, de, pt-BR")
    }
    for part in format.split(separator: ",", omittingEmptySubsequences: false) {
      let name = String(part).trimmingCharacters(in: .whitespaces)
      if !TranslationFormats.names.contains(name) {
        throw ValidationError(
          "unknown format '\(name)'; use one or more of \(TranslationFormats.names.joined(separator: ", "))"
        )
      }
    }
    if copySource && pseudo { throw ValidationError("choose --copy-source or --pseudo, not both") }
    if let from, let source = LanguageTag(from), targetLanguages.contains(source) {
      throw ValidationError("--to \(source) is the source language; give other target languages")
    }
    if encoding.lowercased() != "auto" && !PrecisCore.isKnownEncoding(encoding) {
      throw ValidationError(
        "unknown encoding '\(encoding)'; use auto or a name ICU knows, e.g. utf-8, windows-1252")
    }
  }

  func run() throws {
    var configuration: PipelineConfiguration
    configuration = try loadPipeline(pipeline)
    let fill: TargetFill = copySource ? .copySource : pseudo ? .pseudo : .empty
    configuration.outputs = formats.map {
      OutputSpec(format: $0, targetLanguages: targetLanguages, fill: fill)
    }
    let processor = DocumentProcessor(
      configuration: configuration, language: from.flatMap { LanguageTag($0) },
      encoding: encoding.lowercased() == "auto" ? nil : encoding)
    let directory: OutputDirectory
    do { directory = try OutputDirectory(path: output) } catch {
      printError(error.description)
      throw ExitCode(1)
    }
    var seenNames: [String: String] = [:]
    var total = Counts()
    var failed = 0
    var reports: [String] = []
    for file in files {
      let base = Self.baseName(of: file)
      if let other = seenNames[base] {
        printError(
          "\(file): has the same name as \(other), so their outputs would collide; prepare them into different --output folders"
        )
        failed += 1
        continue
      }
      seenNames[base] = file
      do throws(ProcessingError) {
        let decoded: Document
        do {
          let bytes: [UInt8]
          do {
            bytes = try InputFile.read(
              file, limit: maxFileSize ?? configuration.maxFileSize ?? .default)
          } catch { throw .input(error) }
          // The bytes are let go of here, before the stages run.
          decoded = try processor.decode(bytes, source: file)
        }
        let document = try processor.run(consume decoded)
        // Each output is written a piece at a time into its temporary file as it is rendered;
        // a failure removes the files of this input already written, so none of its set stays.
        var outputs: [String] = []
        do {
          try processor.forEachStream(of: document, baseName: base) {
            (stream) throws(OutputError) in
            try directory.write(stream.write, to: stream.relativePath)
            outputs.append(stream.relativePath)
          }
        } catch {
          for path in outputs { directory.removeFile(path) }
          throw .output(error)
        }
        let counts = WordCounter().counts(of: document).total
        total += counts
        let language = document.language?.rawValue ?? "und"
        switch report {
        case .text:
          reports.append(
            "\(file) (\(language)): \(counts.summary); \(outputs.count) file\(outputs.count == 1 ? "" : "s") written"
          )
        case .json:
          let names = outputs.map { JSONText.quoted($0) }.joined(separator: ",")
          reports.append(
            "{\"file\":\(JSONText.quoted(file)),\"lang\":\(JSONText.quoted(language)),\"counts\":\(counts.json),\"outputs\":[\(names)]}"
          )
        }
      } catch {
        printError(error.description)
        failed += 1
      }
    }
    switch report {
    case .text:
      var out = reports.joined(separator: "\n")
      if !reports.isEmpty { out += "\n" }
      if reports.count > 1 { out += "total (\(reports.count) files): \(total.summary)\n" }
      printOutput(out)
    case .json:
      printOutput(
        "{\"files\":[\(reports.joined(separator: ","))],\"total\":\(total.json),\"failed\":\(failed)}\n"
      )
    }
    if failed > 0 { throw ExitCode(1) }
  }

  /// The name outputs are called after: the file name without its last extension.
  static func baseName(of path: String) -> String {
    if path == "-" { return "stdin" }
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
    return String(name[..<dot])
  }
}
