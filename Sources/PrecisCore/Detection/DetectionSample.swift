/// The part of a document the language identifier reads at once.
///
/// The whole text when it fits the budget, else windows of about 2 KB (at least four) spread
/// evenly over it, each starting at a paragraph start where one is near. URLs and e-mail
/// addresses are blanked out (see ``DetectionText/maskNoise(_:)``). The bytes are followed by
/// the spaces CLD2 needs after a text (``CLD2/padding``), so that CLD2 reads them in place.
struct DetectionSample {
  /// The bytes CLD2 reads: the windows, each followed by a line break; then the padding.
  private var bytes: [UInt8]
  /// The number of bytes CLD2 reads (without the padding).
  let count: Int
  /// Where each window comes from: its start in `bytes`, its start in the text, its length.
  private(set) var pieces: [(sampleStart: Int, textStart: Int, length: Int)] = []
  /// Whether `bytes` is the whole text (then sample offsets are text offsets).
  let coversWholeText: Bool

  /// The fewest windows a long text is sampled in.
  static let minimumWindows = 4
  /// The length windows aim at when the budget allows more than the fewest.
  static let windowBytes = 2048

  /// The bytes to read of a text of `length` bytes: `minimum`, or a 32nd of a long text, so
  /// that a long text is sampled more densely but never costs more than about 1 ns a byte.
  static func budget(forLength length: Int, minimum: Int) -> Int { max(minimum, length / 32) }

  init(text: UnsafeBufferPointer<UInt8>, budget: Int, paragraphs: [Range<Int>]) {
    let n = text.count
    if n <= budget {
      bytes = [UInt8](unsafeUninitializedCapacity: n + CLD2.padding) { buffer, initialized in
        _ = buffer.initialize(fromContentsOf: text)
        initialized = n
      }
      pieces = [(0, 0, n)]
      coversWholeText = true
    } else {
      coversWholeText = false
      bytes = []
      let windowCount = max(Self.minimumWindows, budget / Self.windowBytes)
      bytes.reserveCapacity(budget + windowCount + CLD2.padding)
      pieces.reserveCapacity(windowCount)
      let windowLength = budget / windowCount
      var previousEnd = 0
      for k in 0..<windowCount {
        let position = k * n / windowCount
        let limit = (k + 1) * n / windowCount
        // Start at the first paragraph that starts in this quarter, else where it begins.
        var start =
          Self.firstParagraphStart(atOrAfter: position, in: paragraphs).flatMap {
            $0 < limit ? $0 : nil
          }
          ?? position
        start = max(start, previousEnd)
        while start < n && text[start] & 0xC0 == 0x80 { start += 1 }
        var end = min(start + windowLength, n)
        while end < n && end > start && text[end] & 0xC0 == 0x80 { end -= 1 }
        if end <= start { continue }
        pieces.append((bytes.count, start, end - start))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
        bytes.append(0x0A)
        previousEnd = end
      }
    }
    count = bytes.count
    bytes.withUnsafeMutableBufferPointer { DetectionText.maskNoise($0) }
    bytes.append(contentsOf: repeatElement(0x20, count: CLD2.padding))
  }

  /// Calls `body` with the bytes CLD2 reads (without the padding, which lies after them).
  func withText<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<count])) }
  }

  /// CLD2's reading of the sample.
  func read(wantsChunks: Bool) -> CLD2Result {
    withText { CLD2.detect(padded: $0, wantsChunks: wantsChunks) }
  }

  /// The text ranges that a range of `bytes` covers (one per window it touches).
  func textRanges(of sampleRange: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for piece in pieces {
      let lo = max(sampleRange.lowerBound, piece.sampleStart)
      let hi = min(sampleRange.upperBound, piece.sampleStart + piece.length)
      if lo < hi {
        result.append(
          (piece.textStart + lo - piece.sampleStart)..<(piece.textStart + hi - piece.sampleStart))
      }
    }
    return result
  }

  /// Whether the sample holds all of the text `range`.
  func covers(_ range: Range<Int>) -> Bool {
    if coversWholeText { return true }
    return pieces.contains {
      $0.textStart <= range.lowerBound && range.upperBound <= $0.textStart + $0.length
    }
  }

  /// The start of the first paragraph starting at or after `offset`.
  static func firstParagraphStart(atOrAfter offset: Int, in paragraphs: [Range<Int>]) -> Int? {
    var lo = 0
    var hi = paragraphs.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if paragraphs[mid].lowerBound < offset { lo = mid + 1 } else { hi = mid }
    }
    return lo < paragraphs.count ? paragraphs[lo].lowerBound : nil
  }
}
