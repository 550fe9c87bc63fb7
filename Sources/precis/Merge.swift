import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Rebuild the translated document from a translated XLIFF, TMX, PO, TSV or aligned file.",
    discussion: """
      The format comes from the file's name: .xlf (XLIFF 2 or 1.2), .tmx, .po, .tsv,
      or .txt (the target side of aligned text). XLIFF carries the text between
      segments; TMX, PO, TSV and aligned text need NAME.skeleton.json, which prepare
      writes beside them (PO and TMX name it in their header; --skeleton overrides).
      Segments without a target keep their source. Merging refuses, with one line
      and nothing written, when ids do not match the prepared file or a target lost
      a code such as {name} or %s. Without --output the document goes to standard
      output.
      """)

  @Argument(help: "The translated file.")
  var file: String

  @Option(help: "Where to write the document (atomically); standard output when absent.")
  var output: String?

  @Option(
    help: "The skeleton file; by default the one the file names, or NAME.skeleton.json beside it.")
  var skeleton: String?

  @Option(help: maxFileSizeHelp)
  var maxFileSize: FileSizeLimit = .default

  func run() throws {
    try reportingFailures {
      let text = try readText(file)
      let translated = try TranslationFormats.read(text, name: file)
      let layout: Skeleton
      if let carried = translated.layout, skeleton == nil {
        layout = carried
      } else {
        let folder = (file as NSString).deletingLastPathComponent
        let named =
          translated.skeletonReference.map { ($0 as NSString).lastPathComponent }
          ?? TranslationFormats.conventionalSkeletonName(for: file)
        let path = skeleton ?? (folder.isEmpty ? named : folder + "/" + named)
        guard FileManager.default.fileExists(atPath: path) else {
          throw MergeError(
            file: file,
            reason:
              "needs its layout file \(path), which prepare writes beside it; put it there or pass --skeleton PATH"
          )
        }
        layout = try Skeleton(json: try readText(path), file: path)
      }
      let result = try SegmentMerger.merge(translated, layout: layout, name: file)
      if let output {
        var bytes = result.text
        let outcome = bytes.withUTF8 { buffer in
          Result { () throws(OutputError) in try OutputDirectory.writeAtomically(buffer, to: output)
          }
        }
        try outcome.get()
      } else {
        printOutput(result.text)
      }
      if result.untranslated > 0 {
        printError(
          "\(file): \(result.untranslated) segment\(result.untranslated == 1 ? " has" : "s have") no translation; the source was kept"
        )
      }
    }
  }

  func readText(_ path: String) throws -> String {
    let bytes = try InputFile.read(path, limit: maxFileSize)
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw MergeError(file: path, reason: "not valid UTF-8; save the file as UTF-8")
    }
    return text
  }
}
