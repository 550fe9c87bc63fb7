import Foundation
import PrecisCore

/// What a batch run did.
public struct BatchReport: Sendable, Equatable {
  /// One entry per input, in input order.
  public var entries: [ManifestEntry]
  public var written: Int { entries.filter { $0.status == "ok" }.count }
  public var failed: Int { entries.filter { $0.status == "error" }.count }
  /// The one-line summary printed at the end, such as `37 written, 2 failed`.
  public var summary: String { "\(written) written, \(failed) failed" }
}

/// Runs every file of a folder tree through a pipeline, a bounded number at a time.
///
/// Each file is read, processed and written by one child task, which returns its manifest
/// entry; a failure is recorded and the rest go on. Outputs mirror the input tree inside the
/// output folder, each written to a temporary file and renamed.
public struct BatchRunner: Sendable {
  public var inputRoot: String
  public var outputRoot: String
  public var processor: DocumentProcessor
  public var jobs: Int

  public init(inputRoot: String, outputRoot: String, processor: DocumentProcessor, jobs: Int) {
    self.inputRoot = inputRoot
    self.outputRoot = outputRoot
    self.processor = processor
    self.jobs = max(1, jobs)
  }

  /// Runs the batch and writes `manifest.jsonl`.
  public func run(progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> BatchReport {
    let output = try OutputDirectory(path: outputRoot)
    let paths = try InputFile.list(root: inputRoot, skip: outputRoot)
    let pipelineHash = fingerprint(processor.configuration.text.utf8)
    var entries = [ManifestEntry?](repeating: nil, count: paths.count)
    await withTaskGroup(of: (Int, ManifestEntry).self) { group in
      var next = 0
      func addNext() {
        guard next < paths.count else { return }
        let index = next
        let path = paths[index]
        next += 1
        group.addTask { (index, process(path, output: output, pipelineHash: pipelineHash)) }
      }
      for _ in 0..<min(jobs, paths.count) { addNext() }
      var done = 0
      for await (index, entry) in group {
        entries[index] = entry
        done += 1
        progress?(done, paths.count)
        addNext()
      }
    }
    let finished = entries.compactMap { $0 }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var manifest = ""
    for entry in finished {
      let data = (try? encoder.encode(entry)) ?? Data()
      manifest += String(decoding: data, as: UTF8.self) + "\n"
    }
    try output.write(manifest, to: "manifest.jsonl")
    return BatchReport(entries: finished)
  }

  private func process(_ path: String, output: OutputDirectory, pipelineHash: String) -> ManifestEntry {
    let clock = ContinuousClock()
    let start = clock.now
    var entry = ManifestEntry(
      path: path, status: "ok", error: nil, errorKind: nil, contentHash: nil,
      pipelineHash: pipelineHash, bytes: 0, encoding: nil, language: nil, paragraphs: nil,
      segments: nil, outputs: [], milliseconds: 0)
    do throws(ProcessingError) {
      let bytes: [UInt8]
      do { bytes = try InputFile.read(inputRoot + "/" + path) } catch { throw .input(error) }
      entry.bytes = bytes.count
      entry.contentHash = fingerprint(bytes)
      let document = try processor.document(from: bytes, source: path)
      entry.encoding = document.inputEncoding.name
      entry.language = document.language?.rawValue
      entry.paragraphs = document.paragraphs.count
      entry.segments = document.segments.count
      let base = path.lastIndex(of: ".").map { dot in
        path[dot...].contains("/") ? path : String(path[..<dot])
      } ?? path
      for rendered in processor.outputs(of: document, baseName: base) {
        do { try output.write(rendered.contents, to: rendered.relativePath) } catch { throw .output(error) }
        entry.outputs.append(rendered.relativePath)
      }
    } catch {
      entry.status = "error"
      entry.error = error.description
      entry.errorKind = error.kind
    }
    let elapsed = clock.now - start
    entry.milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
    return entry
  }
}
