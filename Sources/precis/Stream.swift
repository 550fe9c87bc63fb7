import ArgumentParser
import Foundation
import PrecisCore
import PrecisRunner

struct Stream: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run JSON Lines documents from standard input through a pipeline.",
    discussion: """
      Each input line is {"id": …, "text": …} or {"path": …, "text": …}, with an
      optional "lang" (a code, or auto). Each gives one output line, in input order:
      {"id", "lang", "paragraphs", "words", "segments": [{"id", "text", "start",
      "end"}], "outputs": [{"name", "text"}]} — "summary" too when the pipeline
      scores sentences. start and end are UTF-8 offsets into the normalised text. A
      line that cannot be used gives {"id", "line", "error"} and the stream goes on.

      For Spark (RDD.pipe), Hadoop Streaming and GNU parallel: the exit status is 0
      unless the pipeline file is wrong (64) or standard output cannot be written
      (1); bad lines are reported in the output, not by the exit status.
      """)

  @Option(help: "A pipeline file (YAML); the built-in default when absent.")
  var pipeline: String?

  @Option(help: "The language of every document without \"lang\" (auto, or a code such as en).")
  var lang: String = "auto"

  @Option(help: "How outputs appear: inline (with their text), names, or none.")
  var outputs: StreamProcessor.OutputMode = .inline

  @Option(help: ArgumentHelp("Skip (with an error result) lines longer than this: 100M, 2G, or none.", valueName: "size"))
  var maxFileSize: FileSizeLimit?

  @Option(help: "Documents in flight at once; results stay in input order.")
  var jobs: Int = 1

  func validate() throws {
    if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    if lang != "auto" && LanguageTag(lang) == nil {
      throw ValidationError("'\(lang)' is not a language tag; use auto or a code such as en, de")
    }
  }

  func run() async throws {
    let configuration: PipelineConfiguration
    configuration = try loadPipeline(pipeline)
    let processor = StreamProcessor(
      processor: DocumentProcessor(
        configuration: configuration, language: lang == "auto" ? nil : LanguageTag(lang)),
      outputMode: outputs)
    let limit = maxFileSize ?? configuration.maxFileSize ?? .default
    var reader = LineReader(fd: STDIN_FILENO, limit: limit.bytes)
    var failed = false
    await withTaskGroup(of: (Int, String).self) { group in
      var number = 0
      var nextToWrite = 1
      var running = 0
      var waiting: [Int: String] = [:]
      var exhausted = false
      while !(exhausted && running == 0) {
        while !exhausted && running < jobs {
          guard let line = reader.next() else {
            exhausted = true
            break
          }
          number += 1
          let index = number
          switch line {
          case .text(let line): group.addTask { (index, processor.result(for: line, number: index)) }
          case .tooLong: group.addTask { (index, processor.tooLong(number: index, limit: limit)) }
          }
          running += 1
        }
        guard let (index, text) = await group.next() else { break }
        running -= 1
        waiting[index] = text
        while let ready = waiting.removeValue(forKey: nextToWrite) {
          if !failed && !writeLine(ready) { failed = true }
          nextToWrite += 1
        }
      }
    }
    if failed {
      printError("cannot write to standard output (\(String(cString: strerror(errno))))")
      throw ExitCode(1)
    }
  }

  /// Writes one line to standard output in one go; `false` when it cannot be written.
  private func writeLine(_ text: String) -> Bool {
    var bytes = Array(text.utf8)
    bytes.append(UInt8(ascii: "\n"))
    var written = 0
    while written < bytes.count {
      let n = bytes[written...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        return false
      }
      written += n
    }
    return true
  }
}

extension StreamProcessor.OutputMode: ExpressibleByArgument {}

/// Reads lines from a file descriptor, without their line breaks; a line longer than a limit
/// is skipped as it is read, so memory holds one line of at most the limit.
struct LineReader {
  /// A line, or the place of one that was too long.
  enum Line {
    case text(ArraySlice<UInt8>)
    case tooLong
  }

  let fd: Int32
  let limit: Int
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// Whether the rest of a too long line is being skipped.
  private var skipping = false

  init(fd: Int32, limit: Int = .max) {
    self.fd = fd
    self.limit = limit
  }

  /// The next line, or `nil` at the end; a last line without a line break still counts.
  mutating func next() -> Line? {
    var searchFrom = start
    while true {
      if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
        let line = buffer[start..<newline]
        start = newline + 1
        if skipping {
          skipping = false
          return .tooLong
        }
        return line.count > limit ? .tooLong : .text(line)
      }
      if atEnd {
        guard start < buffer.count || skipping else { return nil }
        let line = buffer[start...]
        start = buffer.count
        if skipping {
          skipping = false
          return .tooLong
        }
        return line.count > limit ? .tooLong : .text(line)
      }
      if buffer.count - start > limit {
        // Too long already: drop it and skip to the next line break.
        buffer.removeAll(keepingCapacity: true)
        start = 0
        skipping = true
      }
      // Drop what was returned before reading more, so the buffer holds one line at most.
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      searchFrom = buffer.count
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 {
        atEnd = true
        continue
      }
      buffer.append(contentsOf: chunk[0..<n])
    }
  }
}
