/// A set of 64-bit hashes that are already well mixed (FNV-1a of a word), looked up without
/// hashing them again: open addressing over a power-of-two table, probed linearly.
///
/// `Set<UInt64>` would run each key through SipHash on every lookup, which costs more than
/// computing the FNV hash of the word did. Zero is kept apart, since it marks empty slots.
struct HashSet64: Sendable {
  private var slots: [UInt64] = [0, 0, 0, 0, 0, 0, 0, 0]
  private var hasZero = false
  private(set) var count = 0

  var isEmpty: Bool { count == 0 }

  /// Whether `key` is in the set.
  @inline(__always)
  func contains(_ key: UInt64) -> Bool {
    if key == 0 { return hasZero }
    return slots.withUnsafeBufferPointer { s in
      let mask = s.count - 1
      var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
      while true {
        let v = s[i]
        if v == key { return true }
        if v == 0 { return false }
        i = (i + 1) & mask
      }
    }
  }

  /// Adds `key`.
  mutating func insert(_ key: UInt64) {
    if key == 0 {
      if !hasZero { count += 1 }
      hasZero = true
      return
    }
    if contains(key) { return }
    if (count + 1) * 2 > slots.count { grow() }
    place(key)
    count += 1
  }

  /// Adds every key of `other`.
  mutating func formUnion(_ other: HashSet64) {
    if other.hasZero { insert(0) }
    for key in other.slots where key != 0 { insert(key) }
  }

  private mutating func place(_ key: UInt64) {
    let mask = slots.count - 1
    var i = Int(truncatingIfNeeded: key ^ key >> 29) & mask
    while slots[i] != 0 { i = (i + 1) & mask }
    slots[i] = key
  }

  private mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    for key in old where key != 0 { place(key) }
  }
}
