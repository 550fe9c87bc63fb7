import PrecisICU

/// Maps UTF-8 offsets in the normalised text back to offsets in the text as decoded.
///
/// A sorted list of anchors where the two texts line up. Between two anchors, offsets advance
/// together from the first, never past the second anchor's original offset; so a character
/// that normalisation changed maps to the start of what it came from.
public struct OffsetMap: Sendable, Hashable {
  /// The anchors, rising in both coordinates; the first is (0, 0).
  public private(set) var anchors: [OffsetAnchor]

  /// The map of text that was not changed.
  public static let identity = OffsetMap(anchors: [OffsetAnchor(normalized: 0, original: 0)])

  /// Makes a map from anchors rising in both coordinates, starting at (0, 0).
  public init(anchors: [OffsetAnchor]) {
    self.anchors = anchors.isEmpty ? [OffsetAnchor(normalized: 0, original: 0)] : anchors
  }

  /// Whether the map is the identity.
  public var isIdentity: Bool { anchors.count == 1 && anchors[0] == OffsetAnchor(normalized: 0, original: 0) }

  /// The offset in the original text that the normalised offset `n` comes from.
  ///
  /// - Complexity: O(log *a*) in the number of anchors.
  public func originalOffset(of n: Int) -> Int {
    let k = lastAnchor(atOrBefore: n, by: \.normalized)
    let a = anchors[k]
    let value = a.original + (n - a.normalized)
    return k + 1 < anchors.count ? min(value, anchors[k + 1].original) : value
  }

  /// The normalised offset that the original offset `o` ends up at.
  public func normalizedOffset(of o: Int) -> Int {
    let k = lastAnchor(atOrBefore: o, by: \.original)
    let a = anchors[k]
    let value = a.normalized + (o - a.original)
    return k + 1 < anchors.count ? min(value, anchors[k + 1].normalized) : value
  }

  /// The map that applies `self` and then `earlier`: normalised → intermediate → original.
  public func composed(with earlier: OffsetMap) -> OffsetMap {
    if earlier.isIdentity { return self }
    if isIdentity { return earlier }
    var points = anchors.map(\.normalized)
    for e in earlier.anchors {
      // Where the earlier map's anchor lands in this map's output, if inside a linear run.
      let k = lastAnchor(atOrBefore: e.normalized, by: \.original)
      let a = anchors[k]
      let delta = e.normalized - a.original
      let runLength = k + 1 < anchors.count ? anchors[k + 1].normalized - a.normalized : Int.max
      if delta < runLength { points.append(a.normalized + delta) }
    }
    points.sort()
    var result: [OffsetAnchor] = []
    for n in points where result.last?.normalized != n {
      let o = earlier.originalOffset(of: originalOffset(of: n))
      if let last = result.last, last.original + (n - last.normalized) == o { continue }
      result.append(OffsetAnchor(normalized: n, original: o))
    }
    // Text removed at the very start (a control the earlier step dropped) leaves the first
    // anchor at (0, k); every map starts at (0, 0), so that no offset maps before the start.
    if let first = result.first, first.original != 0 {
      result.insert(OffsetAnchor(normalized: 0, original: 0), at: 0)
    }
    return OffsetMap(anchors: result)
  }

  private func lastAnchor(atOrBefore value: Int, by key: KeyPath<OffsetAnchor, Int>) -> Int {
    var lo = 0
    var hi = anchors.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if anchors[mid][keyPath: key] <= value { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }
}
