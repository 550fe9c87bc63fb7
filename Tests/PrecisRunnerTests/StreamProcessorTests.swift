import Foundation
import PrecisRunner
import Testing

@Suite struct StreamProcessorTests {
  let stream = StreamProcessor(
    processor: DocumentProcessor(configuration: PipelineLoader.builtIn()))

  func object(_ line: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
  }

  @Test func segmentsADocument() throws {
    let line = stream.result(
      for: Array(#"{"id":"n1","text":"Hello there. How are you?","lang":"en"}"#.utf8), number: 1)
    let result = try object(line)
    #expect(result["id"] as? String == "n1")
    #expect(result["lang"] as? String == "en")
    let segments = try #require(result["segments"] as? [[String: Any]])
    #expect(segments.map { $0["text"] as? String } == ["Hello there.", "How are you?"])
    #expect(segments.map { $0["start"] as? Int } == [0, 13])
    #expect(segments.map { $0["end"] as? Int } == [12, 25])
    let outputs = try #require(result["outputs"] as? [[String: Any]])
    let names = outputs.compactMap { $0["name"] as? String }
    #expect(names.starts(with: ["n1.segments.tsv", "n1.segments.jsonl"]))
    #expect(outputs.allSatisfy { $0["text"] is String })
  }

  @Test func namesOutputsAfterThePath() throws {
    let namesOnly = StreamProcessor(processor: stream.processor, outputMode: .names)
    let result = try object(
      namesOnly.result(for: Array(#"{"path":"de/a.txt","text":"Gut."}"#.utf8), number: 1))
    #expect(result["path"] as? String == "de/a.txt")
    let outputs = try #require(result["outputs"] as? [[String: Any]])
    let names = outputs.compactMap { $0["name"] as? String }
    #expect(names.starts(with: ["de/a.segments.tsv", "de/a.segments.jsonl"]))
    #expect(outputs.allSatisfy { $0["text"] == nil })
  }

  @Test func echoesNumericIds() throws {
    let line = stream.result(for: Array(#"{"id":42,"text":"x"}"#.utf8), number: 1)
    #expect(line.hasPrefix(#"{"id":42,"#))
  }

  @Test(
    arguments: [
      ("not json", nil), ("", nil), (#"[1,2]"#, nil), (#"{"id":"a"}"#, "a"),
      (#"{"text":"no id"}"#, nil),
      (#"{"id":true,"text":"x"}"#, nil), (#"{"id":"b","text":"x","lang":"??"}"#, "b"),
      (#"{"id":"c","text":7}"#, nil),
    ] as [(String, String?)])
  func answersABadLineWithAnError(_ input: String, _ id: String?) throws {
    let result = try object(stream.result(for: Array(input.utf8), number: 5))
    #expect(result["line"] as? Int == 5)
    #expect((result["error"] as? String)?.isEmpty == false)
    #expect(result["id"] as? String == id)
  }
}
