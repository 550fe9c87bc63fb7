@testable import PrecisCore
import Testing

@Suite struct UTF8ValidatorTests {
  /// The standard library's answer: whether a string can be made from the bytes as they are.
  func isValidForSwift(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

  func check(_ bytes: [UInt8]) -> (isValid: Bool, isASCII: Bool) {
    bytes.withUnsafeBufferPointer { UTF8Validator.check($0) }
  }

  @Test func agreesWithTheStandardLibraryOnEveryPairOfBytes() {
    // Each pair, with each kind of third and fourth byte, in the middle of a text (where the
    // two-byte look-up reads it), at its end, and alone.
    for pair in 0..<0x10000 {
      let b0 = UInt8(pair >> 8)
      let b1 = UInt8(pair & 0xFF)
      for tail in [[], [0x80], [0xBF, 0x80], [0x41, 0x80], [0x80, 0xC0]] as [[UInt8]] {
        for (before, after) in [([0xC3, 0xA9], [0x61, 0x62, 0x63, 0x64]), ([0xC3, 0xA9], []), ([], [])] as [([UInt8], [UInt8])] {
          let bytes = before + [b0, b1] + tail + after
          let expected = isValidForSwift(bytes)
          if check(bytes).isValid != expected {
            Issue.record("\(bytes): expected \(expected)")
            return
          }
        }
      }
    }
  }

  @Test func agreesWithTheStandardLibraryOnRandomText() {
    let pieces: [[UInt8]] = [
      [0x61], [0x20], [0x0A], [0xC3, 0xA9], [0xD0, 0xB6], [0xE0, 0xA4, 0x95], [0xE4, 0xB8, 0xAD],
      [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBD], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
      // Ill-formed: a lone continuation, a cut sequence, overlong forms, a surrogate, past
      // U+10FFFF, bytes that never occur.
      [0x80], [0xE4, 0xB8], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF],
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    for _ in 0..<20_000 {
      var bytes: [UInt8] = []
      let count = next(40)
      // Mostly well-formed pieces, so that texts are often valid.
      for _ in 0..<count { bytes += pieces[next(4) == 0 ? next(pieces.count) : next(11)] }
      let found = check(bytes)
      #expect(found.isValid == isValidForSwift(bytes), "\(bytes)")
      if found.isValid { #expect(found.isASCII == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)") }
    }
  }
}
