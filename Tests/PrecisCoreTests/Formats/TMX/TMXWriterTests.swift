import Testing

@testable import PrecisCore

@Suite struct TMXWriterTests {
  @Test func matchesGoldenFile() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let file = try #require(
      TMXWriter().files(for: prepared, baseName: "news/article", targetLanguage: LanguageTag("fr"))
        .first)
    #expect(file.relativePath == "news/article.en-fr.tmx")
    expectGolden(file.contents, matches: "article.en-fr.tmx")
  }

  @Test func passesTheFormatChecks() throws {
    try checkSegmentWriter(format: TMXWriter.format, document: try FormatSamples.hardDocument())
  }

  @Test func namesTheSkeletonInItsHeader() throws {
    let prepared = PreparedDocument(try FormatSamples.hardDocument())
    let file = try #require(
      TMXWriter().files(for: prepared, baseName: "news/article", targetLanguage: LanguageTag("fr"))
        .first)
    #expect(
      try TMXReader.read(file.contents, name: file.relativePath).skeletonReference
        == "article.skeleton.json")
  }

  @Test func mergeRefusesATargetWithAnExtraCode() throws {
    let prepared = PreparedDocument(try FormatSamples.document("Hello {name}."))
    let tmx = TMXWriter(fill: .copySource).render(prepared, targetLanguage: LanguageTag("de"))
      .replacingOccurrences(
        of: "<tuv xml:lang=\"de\"><seg>Hello",
        with: "<tuv xml:lang=\"de\"><seg><ph x=\"9\">%s</ph>Hallo")
    let read = try TMXReader.read(tmx, name: "a.en-de.tmx")
    #expect {
      try SegmentMerger.merge(read, layout: Skeleton(prepared), name: "a.en-de.tmx")
    } throws: { error in
      (error as? MergeError)?.reason.contains("has the code %s more often") == true
    }
  }
}
