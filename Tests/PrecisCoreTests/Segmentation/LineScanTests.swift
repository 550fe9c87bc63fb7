import PrecisTestSupport
import PropertyBased
import Testing

@testable import PrecisCore

/// The word-at-a-time line feed search and the paragraph finder built on it agree with
/// byte-by-byte reading.
@Suite struct LineScanTests {
  /// Paragraphs as first written: every byte of every line read.
  static func referenceParagraphs(_ b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int? = nil
    var lastEnd = 0
    var lineStart = 0
    let n = b.count
    while lineStart < n {
      var lineEnd = lineStart
      var blank = true
      while lineEnd < n && b[lineEnd] != 0x0A {
        if blank {
          let w = Whitespace.width(at: lineEnd, in: b)
          if w == 0 { blank = false } else { lineEnd += w; continue }
        }
        lineEnd += 1
      }
      if lineEnd > n { lineEnd = n }
      if blank {
        if let s = start { result.append(s..<lastEnd) }
        start = nil
      } else {
        if start == nil { start = lineStart }
        lastEnd = lineEnd
      }
      lineStart = lineEnd + 1
    }
    if let s = start { result.append(s..<lastEnd) }
    return result
  }

  static func check(_ text: String) {
    var text = text
    text.withUTF8 { b in
      #expect(ParagraphSplitter.paragraphs(in: b) == Self.referenceParagraphs(b), "\(Array(b))")
      for i in 0...b.count {
        var j = i
        while j < b.count && b[j] != 0x0A { j += 1 }
        #expect(Whitespace.lineEnd(from: i, in: b) == j)
      }
    }
  }

  @Test(arguments: [
    "", "\n", "a", "a\n", "\n\na\n\n", "1234567\n89", "12345678\n9", "123456789\n", "\u{3000}\n \t\nx",
    "abcdefghijklmnop\nq\n\n\u{A0}\nrstuvwxyz0123456\n", String(repeating: "é", count: 20) + "\n\n" + "x",
    "\u{0A}\u{0B}\u{0A}\u{8A}\u{10A}", "line one\r\n\r\nline two\r\n",
  ])
  func paragraphsAndLineEndsEqualByteReading(_ text: String) {
    Self.check(text)
  }

  @Test func paragraphsAndLineEndsEqualByteReadingOnRandomText() async {
    await propertyCheck(count: 300, input: HardText.string(upTo: 120)) { text in
      Self.check(text)
    }
  }
}
