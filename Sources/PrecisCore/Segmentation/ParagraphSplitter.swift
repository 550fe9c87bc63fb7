/// Finds paragraphs: blocks of lines between blank lines (lines of only white space).
enum ParagraphSplitter {
  /// The paragraph ranges of `text`, each from its first line's start to its last line's end.
  ///
  /// - Complexity: O(*n*).
  static func paragraphs(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start: Int? = nil
    var lastEnd = 0
    var lineStart = 0
    let n = b.count
    while lineStart < n {
      var lineEnd = lineStart
      var blank = true
      // White space first; past the first other character, only the line feed matters.
      while lineEnd < n && b[lineEnd] != 0x0A {
        let w = Whitespace.width(at: lineEnd, in: b)
        if w == 0 {
          blank = false
          lineEnd = Whitespace.lineEnd(from: lineEnd, in: b)
          break
        }
        lineEnd += w
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
}
