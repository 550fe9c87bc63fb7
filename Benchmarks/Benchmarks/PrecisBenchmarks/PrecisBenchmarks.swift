// Benchmarks of Precis's stages on inputs cut from corpora/.
//
// Run from Benchmarks/: `swift package benchmark`; one of them: `--filter "split, 100 KB de"`.
// "1 MB" is 10^6 bytes (cut at a line break, a little less), so a 1 MB benchmark's
// throughput in iterations per second is its speed in MB/s.
import Benchmark
import BenchmarkInputs
import PrecisCore

let benchmarks: @Sendable () -> Void = {
  let corpora: Corpora
  do {
    corpora = try Corpora()
  } catch {
    fatalError("cannot read corpora/ (\(Corpora.defaultDirectory.path)): \(error); set PRECIS_CORPORA")
  }

  // The machine is shared, so times get a wide tolerance; allocation counts barely vary
  // and get a narrow one. (`.cpuTotal` was tried: it counts in scheduler ticks, 0 for the
  // small inputs.)
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .throughput],
    warmupIterations: 2,
    maxDuration: .seconds(2),
    maxIterations: 500,
    thresholds: [
      .wallClock: .init(relative: [.p90: 25]),
      .throughput: .init(relative: [.p90: 25]),
      .mallocCountTotal: .init(relative: [.p90: 2], absolute: [.p90: 20]),
    ]
  )

  let decoder = TextDecoder()
  let normalizer = try! TextNormalizer(options: .init())
  let splitter = try! SentenceSplitter(options: .init())
  let multiScript = corpora.multiScript(size: 1_000_000)

  func decoded(_ bytes: [UInt8], language: String? = nil) -> Document {
    var document = try! decoder.decode(bytes, source: "input.txt")
    document.language = language.flatMap(LanguageTag.init)
    return document
  }
  func normalized(_ bytes: [UInt8], language: String? = nil) -> Document {
    try! normalizer.apply(to: decoded(bytes, language: language))
  }

  Benchmark("decode, 1 MB multi-script") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try decoder.decode(multiScript, source: "input.txt"))
    }
  }

  let multiScriptDecoded = decoded(multiScript)
  Benchmark("normalize, 1 MB multi-script") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try normalizer.apply(to: multiScriptDecoded))
    }
  }

  let splitInputs: [(String, Document)] = [
    ("split, 1 KB de", normalized(corpora.text(language: "de", size: 1_000), language: "de")),
    ("split, 100 KB de", normalized(corpora.text(language: "de", size: 100_000), language: "de")),
    ("split, 100 KB en", normalized(corpora.text(language: "en", size: 100_000), language: "en")),
    ("split, 100 KB ja", normalized(corpora.text(language: "ja", size: 100_000), language: "ja")),
    ("split, 100 KB th", normalized(corpora.text(language: "th", size: 100_000), language: "th")),
    ("split, 1 MB multi-script", normalized(multiScript)),
  ]
  for (name, document) in splitInputs {
    Benchmark(name) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try splitter.apply(to: document))
      }
    }
  }

  let pipeline = try! Pipeline(stages: [normalizer, splitter])
  Benchmark("decode+normalize+split, 1 MB multi-script") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try pipeline.apply(to: try decoder.decode(multiScript, source: "input.txt")))
    }
  }

  // The same text as separate articles (about 3 KB each), each with its folder's language:
  // the shape of a batch run.
  let files = corpora.files(size: 1_000_000)
  let languages = files.map { LanguageTag($0.language) }
  Benchmark("decode+normalize+split, 1 MB multi-script files") { benchmark in
    for _ in benchmark.scaledIterations {
      for (file, language) in zip(files, languages) {
        var document = try decoder.decode(file.bytes, source: file.name)
        document.language = language
        blackHole(try pipeline.apply(to: document))
      }
    }
  }

  // Language detection, once the catalog has it.
  if let detectType = StageCatalog.stageType(kind: "detect") {
    func make<S: Stage>(_ type: S.Type) throws -> any Stage { try S(options: S.Options()) }
    let detecting = try! Pipeline(stages: [normalizer, try! make(detectType), splitter])
    Benchmark("decode+normalize+detect+split, 1 MB multi-script files") { benchmark in
      for _ in benchmark.scaledIterations {
        for file in files {
          blackHole(try detecting.apply(to: try decoder.decode(file.bytes, source: file.name)))
        }
      }
    }
  }
}
