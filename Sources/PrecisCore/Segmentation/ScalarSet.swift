/// A small set of scalars (a language's sentence marks, bullets), looked up without hashing.
///
/// Rule files list a handful of marks; scanning a short sorted array after a range check is
/// cheaper than hashing every character of the text.
struct ScalarSet: Sendable, Equatable {
  private var values: [UInt32] = []
  private var lowest: UInt32 = .max
  private var highest: UInt32 = 0

  init() {}

  init(_ values: [UInt32]) {
    for v in values { insert(v) }
  }

  var isEmpty: Bool { values.isEmpty }

  /// The scalars, ascending.
  var scalars: [UInt32] { values }

  mutating func insert(_ v: UInt32) {
    guard !contains(v) else { return }
    values.append(v)
    values.sort()
    lowest = min(lowest, v)
    highest = max(highest, v)
  }

  mutating func formUnion(_ other: ScalarSet) {
    for v in other.values { insert(v) }
  }

  @inline(__always)
  func contains(_ v: UInt32) -> Bool {
    guard v >= lowest && v <= highest else { return false }
    for x in values {
      if x == v { return true }
      if x > v { return false }
    }
    return false
  }
}
