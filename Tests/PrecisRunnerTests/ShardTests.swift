import PrecisRunner
import Testing

@Suite struct ShardTests {
  @Test(arguments: ["1/3", "3/3", "1/1"])
  func readsParts(_ text: String) throws {
    let shard = try #require(Shard(text))
    #expect(shard.description == text)
  }

  @Test(arguments: ["0/3", "4/3", "1/0", "1", "a/b", "1/2/3", "-1/2"])
  func rejectsBadParts(_ text: String) {
    #expect(Shard(text) == nil)
  }

  @Test func partsAreDisjointAndCoverEverything() throws {
    let paths = (0..<500).map { "de/news-\($0).txt" }
    let shards = try (1...3).map { try #require(Shard(index: $0, count: 3)) }
    for path in paths {
      #expect(shards.filter { $0.contains(path) }.count == 1)
    }
    // Every part gets some of 500 paths.
    for shard in shards { #expect(paths.contains { shard.contains($0) }) }
  }
}
