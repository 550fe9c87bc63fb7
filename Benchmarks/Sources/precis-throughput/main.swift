// precis-throughput: Precis's single-core speed over a folder of files, in the units of
// ../shared/tools/icu-limit, so that the two can be compared in one run on one folder.
//
//   precis-throughput [-r REPEATS] [-o chain,chain,...] [-L] FOLDER...
//
// A chain is stage kinds joined by '+', starting with `decode` (TextDecoder), optionally
// after `read` (read each file from disk inside the timed loop, as icu-limit's `all` and
// `allnw` do); the rest are kinds from StageCatalog.standard with default options, such as
// `decode+normalize+split`. Every file is read into memory first. Files named `xx_…` get
// language `xx` (icu-limit's rule) unless the chain has `detect`, or -L is given.
// Rates are MB (10^6 bytes of input) per second of this thread's CPU time; median, min, max.
import Foundation
import PrecisCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

struct InputFile {
  var path: String
  var name: String
  var language: LanguageTag?
  var bytes: [UInt8]
}

struct Chain {
  var name: String
  var readsFiles: Bool
  var pipeline: Pipeline
  var setsLanguage: Bool
}

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("precis-throughput: \(message)\n".utf8))
  exit(1)
}

func cpuSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

func makeStage<S: Stage>(_ type: S.Type) throws -> any Stage { try S(options: S.Options()) }

func parseChain(_ text: String, useLanguages: Bool) -> Chain {
  var kinds = text.split(separator: "+").map(String.init)
  let readsFiles = kinds.first == "read"
  if readsFiles { kinds.removeFirst() }
  guard kinds.first == "decode" else { fail("chain '\(text)' must start with decode or read+decode") }
  kinds.removeFirst()
  var stages: [any Stage] = []
  for kind in kinds {
    guard let type = StageCatalog.stageType(kind: kind) else {
      fail("unknown stage '\(kind)' in '\(text)'; known: \(StageCatalog.kinds.joined(separator: ", "))")
    }
    do { stages.append(try makeStage(type)) } catch { fail("stage '\(kind)': \(error)") }
  }
  do {
    let pipeline = try Pipeline(stages: stages)
    return Chain(
      name: text, readsFiles: readsFiles, pipeline: pipeline,
      setsLanguage: useLanguages && !kinds.contains("detect"))
  } catch {
    fail("chain '\(text)': \(error)")
  }
}

func collectFiles(_ paths: [String]) -> [InputFile] {
  let fm = FileManager.default
  var found: [String] = []
  for path in paths {
    var isDirectory: ObjCBool = false
    guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { fail("\(path): no such file or folder") }
    if !isDirectory.boolValue {
      found.append(path)
      continue
    }
    guard let walker = fm.enumerator(atPath: path) else { fail("\(path): cannot list the folder") }
    for case let relative as String in walker where relative.hasSuffix(".txt") {
      found.append(path + "/" + relative)
    }
  }
  // Byte order, as icu-limit's strcmp.
  found.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  return found.map { path in
    guard let data = fm.contents(atPath: path) else { fail("\(path): cannot read the file") }
    let name = String(path.split(separator: "/").last ?? "")
    var language: LanguageTag? = nil
    if let underscore = name.firstIndex(of: "_"), (2...3).contains(name.distance(from: name.startIndex, to: underscore)) {
      language = LanguageTag(String(name[..<underscore]))
    }
    return InputFile(path: path, name: name, language: language, bytes: [UInt8](data))
  }
}

/// Reads `path` into `buffer` (grown as needed) with POSIX calls; returns the length.
func readFile(_ path: String, into buffer: inout [UInt8]) -> Int {
  let fd = open(path, O_RDONLY)
  if fd < 0 { fail("\(path): cannot open") }
  defer { close(fd) }
  var count = 0
  while true {
    if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: max(4096, buffer.count))) }
    let n = buffer.withUnsafeMutableBytes { raw in
      read(fd, raw.baseAddress! + count, raw.count - count)
    }
    if n < 0 { fail("\(path): cannot read") }
    if n == 0 { return count }
    count += n
  }
}

/// One pass of `chain` over every file; returns a checksum (segments, else characters).
func run(_ chain: Chain, files: [InputFile], decoder: TextDecoder, buffer: inout [UInt8]) -> Int {
  var checksum = 0
  for file in files {
    var document: Document
    do {
      if chain.readsFiles {
        let n = readFile(file.path, into: &buffer)
        document = try buffer.withUnsafeBufferPointer { all throws(DecodeError) in
          try decoder.decode(UnsafeBufferPointer(rebasing: all[..<n]), source: file.name)
        }
      } else {
        document = try decoder.decode(file.bytes, source: file.name)
      }
      if chain.setsLanguage, let language = file.language { document.language = language }
      document = try chain.pipeline.apply(to: document)
    } catch {
      fail("\(error)")
    }
    checksum += document.segments.isEmpty ? document.text.utf8.count : document.segments.count
  }
  return checksum
}

var repeats = 5
var chainList: String? = nil
var useLanguages = true
var paths: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "-r":
    guard let value = arguments.popFirst().flatMap({ Int($0) }) else { fail("-r needs a number") }
    repeats = value
  case "-o":
    guard let value = arguments.popFirst() else { fail("-o needs a list of chains") }
    chainList = value
  case "-L": useLanguages = false
  case "-h", "--help":
    print("usage: precis-throughput [-r REPEATS] [-o chain,chain,...] [-L] FOLDER...")
    exit(0)
  default: paths.append(argument)
  }
}
if paths.isEmpty { fail("no input; usage: precis-throughput [-r REPEATS] [-o chain,...] [-L] FOLDER...") }
if repeats < 1 { fail("-r must be at least 1") }

var defaultChains = [
  "decode", "decode+normalize", "decode+split", "decode+normalize+split", "read+decode+normalize+split",
]
if StageCatalog.stageType(kind: "detect") != nil {
  defaultChains += ["decode+normalize+detect+split", "read+decode+normalize+detect+split"]
}
let chains = (chainList.map { $0.split(separator: ",").map(String.init) } ?? defaultChains)
  .map { parseChain($0, useLanguages: useLanguages) }

let files = collectFiles(paths)
let totalBytes = files.reduce(0) { $0 + $1.bytes.count }
let languageCount = Set(files.map { $0.language?.rawValue ?? "" }).count
FileHandle.standardError.write(Data(
  "PrecisCore on ICU \(icuVersion), \(files.count) files, \(String(format: "%.2f", Double(totalBytes) / 1e6)) MB, \(languageCount) languages, \(repeats) repeats\n".utf8))

let decoder = TextDecoder()
var buffer = [UInt8](repeating: 0, count: 1 << 16)
func padded(_ s: String, _ width: Int, left: Bool = false) -> String {
  let pad = String(repeating: " ", count: max(0, width - s.count))
  return left ? s + pad : pad + s
}
FileHandle.standardOutput.write(Data(([padded("chain", 36, left: true), padded("MB/s", 9), padded("min", 9), padded("max", 9), padded("count", 12)].joined(separator: " ") + "\n").utf8))
for chain in chains {
  var checksum = run(chain, files: files, decoder: decoder, buffer: &buffer)  // warm-up
  var seconds: [Double] = []
  for _ in 0..<repeats {
    let start = cpuSeconds()
    checksum = run(chain, files: files, decoder: decoder, buffer: &buffer)
    seconds.append(cpuSeconds() - start)
  }
  seconds.sort()
  let mb = Double(totalBytes) / 1e6
  let rates = [mb / seconds[repeats / 2], mb / seconds[repeats - 1], mb / seconds[0]]
  // print flushes a line at a time only on a terminal; a long run is watched through a pipe.
  FileHandle.standardOutput.write(Data((
    ([padded(chain.name, 36, left: true)] + rates.map { padded(String(format: "%.1f", $0), 9) }
      + [padded(String(checksum), 12)]).joined(separator: " ") + "\n").utf8))
}
var usage = rusage()
#if canImport(Glibc)
  getrusage(RUSAGE_SELF.rawValue, &usage)
#else
  getrusage(RUSAGE_SELF, &usage)
#endif
FileHandle.standardError.write(Data(String(format: "max RSS %.1f MB\n", Double(usage.ru_maxrss) / 1024).utf8))
