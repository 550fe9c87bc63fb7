@testable import PrecisCore
import PropertyBased
import Testing

@Suite struct SegmentIDTests {
  /// The id as the format defines it, written the plain way.
  func expected(_ hash: UInt64, _ occurrence: Int, _ index: Int) -> String {
    var hex = String(hash >> 16, radix: 16)
    hex = String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    let suffix = occurrence > 0 ? ".\(occurrence)" : ""
    return "p\(hex)\(suffix)-\(index + 1)"
  }

  @Test(arguments: [
    (UInt64(0), 0, 0, "p000000000000-1"),
    (UInt64.max, 0, 9, "pffffffffffff-10"),
    (UInt64(0x3f9a_12bc_07d1_0000), 1, 1, "p3f9a12bc07d1.1-2"),
    (UInt64(0x0000_0000_0abc_ffff), 12, 99, "p000000000abc.12-100"),
  ])
  func formats(hash: UInt64, occurrence: Int, index: Int, id: String) {
    #expect(SegmentID(paragraphHash: hash, occurrence: occurrence, index: index).rawValue == id)
  }

  @Test func matchesTheDefinitionOnRandomValues() async {
    await propertyCheck(count: 1000, input: Gen<UInt64>.value(in: 0...UInt64.max).array(of: 3...3)) { r in
      let occurrence = r[1] % 3 == 0 ? 0 : Int(r[1] % 100_000)
      let index = Int(r[2] % 1_000_000)
      let id = SegmentID(paragraphHash: r[0], occurrence: occurrence, index: index)
      #expect(id.rawValue == expected(r[0], occurrence, index))
    }
  }

  @Test func anIDReadBackEqualsTheIDMade() async {
    await propertyCheck(count: 1000, input: Gen<UInt64>.value(in: 0...UInt64.max).array(of: 3...3)) { r in
      let occurrence = r[1] % 3 == 0 ? 0 : Int(r[1] % 100_000)
      let index = Int(r[2] % 1_000_000)
      let made = SegmentID(paragraphHash: r[0], occurrence: occurrence, index: index)
      let read = SegmentID(rawValue: made.rawValue)
      #expect(read == made)
      #expect(read.hashValue == made.hashValue)
      #expect(read.rawValue == made.rawValue)
    }
  }

  @Test(arguments: [
    "P3f9a12bc07d1-2", "p3F9a12bc07d1-2", "p3f9a12bc07d1-02", "p3f9a12bc07d1-0", "p3f9a12bc07d1.0-2",
    "p3f9a12bc07d1.01-2", "p3f9a12bc07d1.-2", "p3f9a12bc07d1-", "p3f9a12bc07d1-2x", "p3f9a12bc07d-2",
    "u3", "", "p3f9a12bc07d1.99999-2", "p3f9a12bc07d1-99999999999",
  ])
  func otherFormsAreKeptAsRead(text: String) {
    let id = SegmentID(rawValue: text)
    #expect(id.rawValue == text)
    #expect(id != SegmentID(paragraphHash: 0x3f9a_12bc_07d1_0000, occurrence: 0, index: 1))
    #expect(id == SegmentID(rawValue: text))
  }

  @Test func outOfRangeNumbersKeepTheirText() {
    let id = SegmentID(paragraphHash: 0x3f9a_12bc_07d1_0000, occurrence: 70_000, index: 4)
    #expect(id.rawValue == "p3f9a12bc07d1.70000-5")
    #expect(SegmentID(rawValue: id.rawValue) == id)
    #expect(SegmentID(rawValue: "p3f9a12bc07d1-2") == SegmentID(paragraphHash: 0x3f9a_12bc_07d1_0000, occurrence: 0, index: 1))
  }

  @Test func hashesOfManyRangesAreEachRangesHash() async {
    // Ranges of every length from empty up, in runs that end at different times, so that
    // lanes take new paragraphs while others are half done, and run out unevenly.
    await propertyCheck(count: 200, input: Gen<UInt64>.value(in: 0...UInt64.max).array(of: 0...40)) { seeds in
      let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
      var ranges: [Range<Int>] = []
      var start = 0
      for seed in seeds {
        let length = Int(seed % 300)
        let from = start % 3000
        ranges.append(from..<(from + length))
        start += Int((seed >> 32) % 50) + length
      }
      let hashes = bytes.withUnsafeBufferPointer { SegmentID.hashes(of: ranges, in: $0) }
      #expect(hashes == ranges.map { SegmentID.hash(bytes[$0]) })
    }
  }

  @Test func occurrencesCountEqualHashesBefore() async {
    // Few distinct values, so that repeats are common; 0 among them; short and long lists.
    await propertyCheck(count: 200, input: Gen<UInt64>.value(in: 0...UInt64.max).array(of: 0...3)) { seeds in
      let length = Int((seeds.first ?? 0) % 300)
      let values: [UInt64] = [0, 1, 0x8000_0000_0000_0000, seeds.last ?? 7, 0xFFFF_FFFF_FFFF_FFFF]
      let offset = Int((seeds.first ?? 0) % 5)
      var hashes: [UInt64] = []
      for k in 0..<length {
        let choices = k % 3 == 0 ? 5 : 2
        let value: UInt64 = values[(k * 7 + offset) % choices]
        hashes.append(value &+ UInt64(k / 40))
      }
      var seen: [UInt64: Int] = [:]
      let expected = hashes.map { hash in
        defer { seen[hash, default: 0] += 1 }
        return seen[hash, default: 0]
      }
      #expect(SegmentID.occurrences(of: hashes) == expected)
    }
  }
}

