import Foundation
import PrecisCore

/// How a batch runs.
public struct BatchOptions: Sendable, Hashable {
  /// Files in flight at once.
  public var jobs: Int
  /// Whether to keep the outputs of inputs that a previous run finished and that have not
  /// changed since (same content, same pipeline, outputs still there), redoing the rest.
  public var resume: Bool
  /// The part of the batch to run, or `nil` for all of it.
  public var shard: Shard?
  /// Which files to read.
  public var walk: WalkOptions
  /// Input bytes in flight at once: a file is started only while the files in flight are
  /// smaller together, unless none is (so one large file still runs, alone).
  public var maxBytesInFlight: Int
  /// The largest input file read; a larger one is recorded as an error, unread.
  public var maxFileSize: FileSizeLimit

  public init(
    jobs: Int = 1, resume: Bool = false, shard: Shard? = nil, walk: WalkOptions = WalkOptions(),
    maxBytesInFlight: Int = 256 << 20, maxFileSize: FileSizeLimit = .default
  ) {
    self.maxFileSize = maxFileSize
    self.jobs = max(1, jobs)
    self.resume = resume
    self.shard = shard
    self.walk = walk
    self.maxBytesInFlight = max(1, maxBytesInFlight)
  }
}

/// How far a batch has got.
public struct BatchProgress: Sendable, Hashable {
  /// Inputs finished (processed, failed, skipped or kept from a previous run).
  public var filesDone = 0
  /// Inputs in the batch.
  public var filesTotal = 0
  /// Input bytes finished.
  public var bytesDone = 0
  /// Input bytes in the batch.
  public var bytesTotal = 0
  /// Inputs that failed.
  public var failed = 0
  /// Inputs kept from a previous run (`--resume`).
  public var reused = 0

  public init() {}
}

/// What a running batch tells its observer, always from one task, in order.
public enum BatchEvent: Sendable {
  /// The inputs are listed; nothing is processed yet.
  case started(BatchProgress)
  /// One input is finished and its manifest line written.
  case finished(ManifestEntry, BatchProgress)
}

/// What a batch run did.
public struct BatchReport: Sendable, Equatable {
  /// One entry per input, in input order.
  public var entries: [ManifestEntry]
  /// Inputs kept from a previous run.
  public var reused: Int
  /// Bytes of the inputs processed by this run (not those kept).
  public var bytesProcessed: Int
  /// Wall-clock seconds.
  public var seconds: Double
  /// Temporary files of a killed run removed at the start.
  public var removedTemporaryFiles: Int

  public var written: Int { entries.count { $0.status == .ok } }
  public var failed: Int { entries.count { $0.status == .error } }
  public var skipped: Int { entries.count { $0.status == .skipped } }
  /// Bytes of every input in the batch.
  public var bytes: Int { entries.reduce(0) { $0 + $1.bytes } }

  /// The one-line summary printed at the end, such as `37 written, 2 failed`.
  public var summary: String {
    var text = "\(written) written"
    if reused > 0 { text += " (\(reused) unchanged since the last run)" }
    text += ", \(failed) failed"
    if skipped > 0 { text += ", \(skipped) skipped" }
    return text
  }

  /// `report.json`: the totals.
  public func json(jobs: Int, shard: Shard?) -> String {
    let rate = seconds > 0 ? Double(bytesProcessed) / 1e6 / seconds : 0
    var fields = [
      "\"files\":\(entries.count)", "\"ok\":\(written)", "\"failed\":\(failed)",
      "\"skipped\":\(skipped)", "\"reused\":\(reused)", "\"bytes\":\(bytes)",
      "\"bytes_processed\":\(bytesProcessed)", "\"seconds\":\(rounded(seconds, 1000))",
      "\"mb_per_second\":\(rounded(rate, 100))", "\"jobs\":\(jobs)",
    ]
    if let shard { fields.append("\"shard\":\"\(shard)\"") }
    return "{" + fields.joined(separator: ",") + "}\n"
  }
}

/// Runs every file of a folder tree through a pipeline, a bounded number at a time.
///
/// Each file is read, processed and written by one child task, which returns its manifest
/// entry; a failure is recorded and the rest go on. Outputs mirror the input tree inside the
/// output folder, each written to a temporary file and renamed. `manifest.jsonl` gets a line
/// as each input finishes, so a killed run leaves a valid prefix that `--resume` reads; at the
/// end it is rewritten in input order, atomically, next to `report.json`.
///
/// Memory: the files in flight (at most `jobs`, and at most `maxBytesInFlight` bytes unless
/// one file is larger), plus a manifest entry per input.
public struct BatchRunner: Sendable {
  public var inputRoot: String
  public var outputRoot: String
  public var processor: DocumentProcessor
  public var options: BatchOptions

  public init(
    inputRoot: String, outputRoot: String, processor: DocumentProcessor, options: BatchOptions
  ) {
    self.inputRoot = inputRoot
    self.outputRoot = outputRoot
    self.processor = processor
    self.options = options
  }

  public init(inputRoot: String, outputRoot: String, processor: DocumentProcessor, jobs: Int) {
    self.init(
      inputRoot: inputRoot, outputRoot: outputRoot, processor: processor,
      options: BatchOptions(jobs: jobs))
  }

  /// The fingerprint of everything besides the input that decides the outputs.
  public var pipelineHash: String {
    let overrides =
      "\u{0}lang=\(processor.language?.rawValue ?? "")\u{0}encoding=\(processor.encoding ?? "")"
    return fingerprint((processor.configuration.text + overrides).utf8)
  }

  /// Runs the batch, writes `manifest.jsonl` and `report.json`, and returns what happened.
  ///
  /// - Throws: `InputError` when the input folder cannot be listed, `OutputError` when the
  ///   output folder or the manifest cannot be written. A bad input file is not an error here:
  ///   it is recorded in its manifest entry.
  public func run(observer: (@Sendable (BatchEvent) -> Void)? = nil) async throws -> BatchReport {
    let clock = ContinuousClock()
    let start = clock.now
    let shard = options.shard
    let output = try OutputDirectory(
      path: outputRoot, temporaryTag: shard.map { "s\($0.index)of\($0.count)-" } ?? "")
    let removed = output.removeTemporaryFiles()
    var walk = options.walk
    walk.skip = outputRoot
    let listed = try InputFile.list(root: inputRoot, options: walk)
    // Two inputs whose outputs would share names (a.txt, a.md): the first keeps them. Found
    // before sharding, so every shard agrees.
    var owners: [String: String] = [:]
    var conflicts: [String: String] = [:]
    for item in listed where item.problem == nil {
      let base = Self.baseName(of: item.path)
      if let owner = owners[base] { conflicts[item.path] = owner } else { owners[base] = item.path }
    }
    let items = shard.map { shard in listed.filter { shard.contains($0.path) } } ?? listed

    let manifestPath = outputRoot + "/" + Manifest.fileName(shard: shard)
    let previous = options.resume ? Manifest.read(path: manifestPath) : [:]
    let log = try ManifestLog(path: manifestPath, truncate: !options.resume)
    let pipelineHash = self.pipelineHash

    var progress = BatchProgress()
    progress.filesTotal = items.count
    progress.bytesTotal = items.reduce(0) { $0 + $1.size }
    observer?(.started(progress))

    var entries = [ManifestEntry?](repeating: nil, count: items.count)
    var reused = 0
    var bytesProcessed = 0
    var logError: OutputError? = nil
    func record(_ index: Int, _ entry: ManifestEntry, wasReused: Bool) {
      entries[index] = entry
      do { try log.append(entry) } catch { logError = logError ?? error }
      progress.filesDone += 1
      progress.bytesDone += items[index].size
      if entry.status == .error { progress.failed += 1 }
      if wasReused {
        reused += 1
        progress.reused += 1
      } else {
        bytesProcessed += entry.bytes
      }
      observer?(.finished(entry, progress))
    }

    let jobs = options.jobs
    let budget = options.maxBytesInFlight
    await withTaskGroup(of: Finished.self) { group in
      var next = 0
      var running = 0
      var runningBytes = 0
      while true {
        // Start what the limits allow, recording paths that are not read on the way.
        while next < items.count {
          let item = items[next]
          if let entry = unreadEntry(
            item, conflict: conflicts[item.path], pipelineHash: pipelineHash)
          {
            record(next, entry, wasReused: false)
            next += 1
            continue
          }
          if running >= jobs || (running > 0 && runningBytes + item.size > budget) { break }
          let index = next
          let old = previous[item.path]
          group.addTask {
            let (entry, wasReused) = process(
              item, previous: old, output: output, pipelineHash: pipelineHash)
            return Finished(index: index, size: item.size, entry: entry, reused: wasReused)
          }
          running += 1
          runningBytes += item.size
          next += 1
        }
        guard let done = await group.next() else { break }
        running -= 1
        runningBytes -= done.size
        record(done.index, done.entry, wasReused: done.reused)
      }
    }
    if let logError { throw logError }

    let finished = entries.compactMap { $0 }
    // Inputs gone since the last run (or now left out) have no outputs in a clean run.
    if options.resume {
      let current = Set(items.map(\.path))
      let kept = Set(finished.flatMap(\.outputs))
      for (path, old) in previous where !current.contains(path) {
        for stale in old.outputs where !kept.contains(stale) { output.removeFile(stale) }
      }
    }
    let manifest = try output.create(Manifest.fileName(shard: shard))
    do {
      for entry in finished { try manifest.append(Manifest.line(for: entry) + "\n") }
      try manifest.commit()
    } catch {
      manifest.discard()
      throw error
    }
    let report = BatchReport(
      entries: finished, reused: reused, bytesProcessed: bytesProcessed,
      seconds: Self.seconds(clock.now - start), removedTemporaryFiles: removed)
    try output.write(report.json(jobs: jobs, shard: shard), to: Manifest.reportName(shard: shard))
    return report
  }

  /// The name outputs are given for an input: its path without the last extension.
  public static func baseName(of path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path }
    let base = String(path[..<dot])
    // ".txt" alone, or "notes/.txt", keeps its name.
    return base.isEmpty || base.hasSuffix("/") ? path : base
  }

  private struct Finished: Sendable {
    var index: Int
    var size: Int
    var entry: ManifestEntry
    var reused: Bool
  }

  /// The entry of a path that is not read: skipped, unreadable or in conflict.
  private func unreadEntry(_ item: InputItem, conflict: String?, pipelineHash: String)
    -> ManifestEntry?
  {
    switch item.problem {
    case .skipped(let reason):
      var entry = ManifestEntry(path: item.path, status: .skipped, pipelineHash: pipelineHash)
      entry.error = "\(item.path): \(reason)"
      entry.errorKind = "input"
      return entry
    case .unreadable(let reason):
      var entry = ManifestEntry(path: item.path, status: .error, pipelineHash: pipelineHash)
      entry.error = "\(item.path): \(reason)"
      entry.errorKind = "input"
      return entry
    case nil:
      guard let owner = conflict else { return nil }
      var entry = ManifestEntry(path: item.path, status: .error, pipelineHash: pipelineHash)
      entry.error =
        "\(item.path): its outputs would have the same names as those of '\(owner)'; rename one of them"
      entry.errorKind = "output"
      entry.bytes = item.size
      return entry
    }
  }

  /// Reads, processes and writes one input; returns its entry and whether it was kept as the
  /// previous run left it.
  private func process(
    _ item: InputItem, previous: ManifestEntry?, output: OutputDirectory, pipelineHash: String
  ) -> (ManifestEntry, Bool) {
    let clock = ContinuousClock()
    let start = clock.now
    let path = item.path
    var entry = ManifestEntry(path: path, status: .ok, pipelineHash: pipelineHash)
    do throws(ProcessingError) {
      let document: Document
      do {
        let bytes: [UInt8]
        do {
          bytes = try InputFile.read(
            inputRoot + "/" + path, followSymlinks: options.walk.followSymlinks,
            limit: options.maxFileSize)
        } catch {
          throw .input(InputError(path: path, reason: error.reason))
        }
        entry.bytes = bytes.count
        entry.contentHash = fingerprint(bytes)
        if let previous, previous.status == .ok, previous.pipelineHash == pipelineHash,
          previous.contentHash == entry.contentHash,
          previous.outputs.allSatisfy(output.containsFile)
        {
          return (previous, true)
        }
        document = try processor.document(from: bytes, source: path)
      }
      entry.encoding = document.inputEncoding.name
      entry.language = document.language?.rawValue
      entry.paragraphs = document.paragraphs.count
      entry.segments = document.segments.count
      // Prepared once, for the word count and the writers that need it.
      let prepared = PreparedDocument(document)
      entry.words = WordCounter().counts(of: prepared).total.words
      entry.summary = processor.configuration.summary(of: document)
      try processor.forEachOutput(
        of: document, baseName: Self.baseName(of: path), prepared: prepared
      ) { (rendered) throws(ProcessingError) in
        do throws(OutputError) { try output.write(rendered.contents, to: rendered.relativePath) } catch {
          throw .output(error)
        }
        entry.outputs.append(rendered.relativePath)
      }
    } catch {
      entry.status = .error
      entry.error = error.description
      entry.errorKind = error.kind
      // A failed input keeps no outputs: none of a set half-written when a later file failed.
      for written in entry.outputs { output.removeFile(written) }
      entry.outputs = []
    }
    // Outputs of the previous run that this one no longer writes would not be in a clean run.
    if let previous {
      for stale in previous.outputs where !entry.outputs.contains(stale) {
        output.removeFile(stale)
      }
    }
    entry.milliseconds = rounded(Self.seconds(clock.now - start) * 1000, 100)
    return (entry, false)
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}

func rounded(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
