import Foundation
import PrecisTestSupport
import Testing

@testable import PrecisCore

/// Every paragraph of the corpora should get its folder's language.
///
/// The expected language is the folder (`corpora/de/…` is German); in `corpora/mixed/` it is
/// the first two-letter part of the file name (`en-with-french-quote.txt` is English,
/// `encodings-fr.utf8.txt` French), except for the one paragraph in another language that
/// `foreign` names by its first words. Every paragraph of at least 40 characters is counted.
/// Those with fewer than 40 letters once URLs and e-mail addresses are blanked (breadcrumb
/// and dateline rows, a link line) are never judged alone: by rule they keep the document's
/// language. They are counted too, and their number is reported.
@Suite struct CorporaLanguageTests {
  static let foreign: [String: (start: String, language: String)] = [
    "mixed/en-with-french-quote.txt": ("« Nous sommes", "fr"),
    "mixed/de-with-english-paragraph.txt": ("We came here", "en"),
  ]

  static func expectedLanguage(of file: String) -> String {
    let parts = file.split(separator: "/")
    guard parts.first == "mixed", let name = parts.last else { return String(parts[0]) }
    return name.split(whereSeparator: { $0 == "-" || $0 == "." }).first { $0.count == 2 }.map(
      String.init) ?? "?"
  }

  struct Tally {
    var right = 0
    var total = 0
    var short = 0
    var wrong: [String] = []
  }

  func measure(_ mode: LanguageDetector.ParagraphMode) throws -> Tally {
    var tally = Tally()
    let pipeline = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init(paragraphs: mode)),
    ])
    for file in TestPaths.corporaFiles() {
      let document = try pipeline.apply(
        to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
      for paragraph in document.paragraphs {
        let text = document.text(of: paragraph)
        if text.unicodeScalars.count < 40 { continue }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { DetectionText.maskNoise($0) }
        if bytes.withUnsafeBufferPointer({ DetectionText.letterCount($0) }) < 40 {
          tally.short += 1
        }
        tally.total += 1
        var expected = Self.expectedLanguage(of: file)
        if let foreign = Self.foreign[file], text.hasPrefix(foreign.start) {
          expected = foreign.language
        }
        let found = paragraph.language ?? document.language
        if found == LanguageTag(expected) {
          tally.right += 1
        } else {
          tally.wrong.append(
            "\(file) \(paragraph.range): \(found?.rawValue ?? "none") for \(expected)")
        }
      }
    }
    return tally
  }

  @Test(arguments: [LanguageDetector.ParagraphMode.auto, .all])
  func paragraphsGetTheirFolderLanguage(mode: LanguageDetector.ParagraphMode) throws {
    let tally = try measure(mode)
    let percent = Double(tally.right) * 100 / Double(max(tally.total, 1))
    print(
      "detect (paragraphs: \(mode.rawValue)): \(tally.right) of \(tally.total) corpora paragraphs ≥ 40 chars right"
        + " (\(String(format: "%.1f", percent)) %), \(tally.short) of them under 40 letters")
    #expect(tally.total >= 200)
    #expect(percent >= 99, "\(tally.wrong)")
  }

  @Test func paragraphsAloneMostlyGetTheirLanguage() throws {
    // Each paragraph of at least 40 letters read on its own, without its document.
    let detector = try LanguageDetector(options: .init())
    let normalizer = try TextNormalizer(options: .init())
    var right = 0
    var total = 0
    var wrong: [String] = []
    for file in TestPaths.corporaFiles() {
      let document = try normalizer.apply(
        to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
      let paragraphs = try detector.apply(to: document).paragraphs
      for paragraph in paragraphs {
        let text = document.text(of: paragraph)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { DetectionText.maskNoise($0) }
        if bytes.withUnsafeBufferPointer({ DetectionText.letterCount($0) }) < 40 { continue }
        total += 1
        var expected = Self.expectedLanguage(of: file)
        if let foreign = Self.foreign[file], text.hasPrefix(foreign.start) {
          expected = foreign.language
        }
        let found = detector.detectLanguage(of: text)?.language
        if found == LanguageTag(expected) {
          right += 1
        } else {
          wrong.append("\(file): \(found?.rawValue ?? "none") for \(expected): \(text.prefix(60))")
        }
      }
    }
    let percent = Double(right) * 100 / Double(max(total, 1))
    print(
      "detect (each paragraph alone): \(right) of \(total) corpora paragraphs ≥ 40 letters right (\(String(format: "%.1f", percent)) %)"
    )
    for line in wrong { print("  \(line)") }
    #expect(percent >= 99, "\(wrong)")
  }

  @Test(arguments: CorporaLanguageTests.foreign.keys.sorted())
  func theForeignParagraphIsFound(file: String) throws {
    let foreign = try #require(Self.foreign[file])
    let document = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init()),
    ])
    .apply(to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
    #expect(document.language == LanguageTag(Self.expectedLanguage(of: file)))
    let marked = document.paragraphs.filter { $0.language != nil }
    #expect(marked.count == 1)
    #expect(marked.first.map { document.text(of: $0).hasPrefix(foreign.start) } == true)
    #expect(marked.first?.language == LanguageTag(foreign.language))
  }

  /// The screen lets the prose of every corpora article pass: a suspect paragraph costs a
  /// CLD2 reading. Only short rows (a breadcrumb, a "read also" link, a headline) may be
  /// suspect; a paragraph of at least 80 letters is prose.
  @Test func theScreenPassesTheProseOfEveryLanguage() throws {
    let normalizer = try TextNormalizer(options: .init())
    var suspects: [String] = []
    var screened = 0
    for file in TestPaths.corporaFiles() where !file.hasPrefix("mixed/") {
      let document = try normalizer.apply(
        to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
      let language = try #require(LanguageTag(Self.expectedLanguage(of: file)))
      var text = document.text
      text.withUTF8 { bytes in
        guard let screen = ParagraphScreen(language: language, sample: bytes) else { return }
        for range in ParagraphSplitter.paragraphs(in: bytes) {
          let paragraph = UnsafeBufferPointer(rebasing: bytes[range])
          if DetectionText.letterCount(paragraph, upTo: 80) < 80 { continue }
          screened += 1
          if screen.isSuspect(bytes, range: range) {
            suspects.append("\(file): \(String(decoding: paragraph.prefix(60), as: UTF8.self))")
          }
        }
      }
    }
    print("screen: \(suspects.count) of \(screened) corpora paragraphs of ≥ 80 letters suspect")
    for line in suspects { print("  \(line)") }
    #expect(screened >= 150)
    #expect(suspects.isEmpty)
  }

  @Test func everyCorporaFileGetsItsLanguage() throws {
    let pipeline = try Pipeline(stages: [
      TextNormalizer(options: .init()), LanguageDetector(options: .init()),
    ])
    for file in TestPaths.corporaFiles() {
      let document = try pipeline.apply(
        to: TextDecoder().decode(TestPaths.corporaBytes(file), source: file))
      #expect(document.language == LanguageTag(Self.expectedLanguage(of: file)), "\(file)")
      #expect((document.languageConfidence ?? 0) >= 0.8, "\(file)")
    }
  }
}
