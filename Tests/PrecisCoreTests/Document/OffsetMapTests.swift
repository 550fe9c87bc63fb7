import PrecisCore
import Testing

@Suite struct OffsetMapTests {
  @Test func identityMapsToItself() {
    #expect(OffsetMap.identity.originalOffset(of: 42) == 42)
  }

  @Test func clampsInsideReplacedText() {
    // "ﬁ" (3 bytes) became "fi" (2 bytes) at offset 1.
    let map = OffsetMap(anchors: [.init(normalized: 0, original: 0), .init(normalized: 3, original: 4)])
    #expect(map.originalOffset(of: 1) == 1)
    #expect(map.originalOffset(of: 3) == 4)
    #expect(map.originalOffset(of: 5) == 6)
  }

  @Test func composesLikeApplyingBothMaps() {
    let later = OffsetMap(anchors: [.init(normalized: 0, original: 0), .init(normalized: 4, original: 5), .init(normalized: 9, original: 12)])
    let earlier = OffsetMap(anchors: [.init(normalized: 0, original: 0), .init(normalized: 2, original: 4), .init(normalized: 7, original: 8)])
    let composed = later.composed(with: earlier)
    for n in 0...20 {
      #expect(composed.originalOffset(of: n) == earlier.originalOffset(of: later.originalOffset(of: n)), "at \(n)")
    }
  }
}
