import PrecisICU

/// A run of consecutive probe rules.
///
/// They are all no-break rules, so which of them matches at a break does not matter, only whether
/// one does; so they are regrouped freely into buckets by the characters their `beforebreak` must
/// end with, and each bucket is tried as one merged pattern. At a break after "Haus." only the
/// rules that can end in "s." are tried.
struct SRXProbeRun: Sendable {
  /// A group of rules tried together.
  struct Bucket: Sendable {
    /// Positions of the rules in the rule list.
    let rules: [Int]
    /// The rules' probes as alternatives of one pattern (or one rule's probe).
    let merged: CompiledRegex
  }

  /// Positions of the rules in the rule list, from the first to the last.
  let rules: Range<Int>
  /// A rule with both patterns empty: the run matches everywhere.
  let always: Bool
  let buckets: [Bucket]
  /// Buckets to try whatever the text is.
  let anywhere: [Int]
  /// Buckets to try when the break follows this character.
  let byLast: [UInt32: [Int]]
  /// Buckets to try when the break follows these two characters (`first << 32 | last`).
  let byLastTwo: [UInt64: [Int]]

  /// The most rules merged into one pattern, which bounds the work of one probe.
  static let maximumBucket = 256
  /// The most keys one rule is filed under; a rule that could end in more is tried anywhere.
  static let maximumKeys = 16

  func shifted(by offset: Int) -> SRXProbeRun {
    SRXProbeRun(
      rules: (rules.lowerBound + offset)..<(rules.upperBound + offset), always: always,
      buckets: buckets.map { Bucket(rules: $0.rules.map { $0 + offset }, merged: $0.merged) },
      anywhere: anywhere, byLast: byLast, byLastTwo: byLastTwo)
  }

  /// Files `members` (positions of probe rules in `rules`) into buckets and compiles them.
  ///
  /// Returns the run and the members whose probe ICU cannot compile (a look-behind ICU
  /// cannot bound, say); they are left out.
  static func make(members: [Int], of rules: [SRXCompiledRule]) -> (SRXProbeRun, rejected: [Int]) {
    var anywhere: [Int] = []
    var byLast: [UInt32: [Int]] = [:]
    var byLastTwo: [UInt64: [Int]] = [:]
    for i in members {
      guard !rules[i].before.isEmpty,
        let tail = SRXTail.lastCharacters(of: rules[i].before, count: 2),
        let last = tail[0]
      else {
        anywhere.append(i)
        continue
      }
      if let first = tail[1], first.count * last.count <= maximumKeys {
        for a in first {
          for b in last { byLastTwo[UInt64(a) << 32 | UInt64(b), default: []].append(i) }
        }
      } else if last.count <= maximumKeys {
        for b in last { byLast[b, default: []].append(i) }
      } else {
        anywhere.append(i)
      }
    }
    var buckets: [Bucket] = []
    var rejected: Set<Int> = []
    func file(_ group: [Int]) -> [Int] {
      var indexes: [Int] = []
      var start = 0
      while start < group.count {
        let chunk = Array(group[start..<min(group.count, start + maximumBucket)])
        for (members, regex) in compile(chunk, of: rules, rejected: &rejected) {
          indexes.append(buckets.count)
          buckets.append(Bucket(rules: members, merged: regex))
        }
        start += maximumBucket
      }
      return indexes
    }
    let run = SRXProbeRun(
      rules: (members.first ?? 0)..<((members.last ?? -1) + 1), always: false, buckets: [],
      anywhere: file(anywhere), byLast: byLast.mapValues(file), byLastTwo: byLastTwo.mapValues(file)
    )
    return (
      SRXProbeRun(
        rules: run.rules, always: false, buckets: buckets, anywhere: run.anywhere,
        byLast: run.byLast,
        byLastTwo: run.byLastTwo),
      rejected.sorted()
    )
  }

  /// Compiles `members` as one pattern; when ICU refuses, halves the group until the rules
  /// at fault are alone, and leaves them out.
  private static func compile(
    _ members: [Int], of rules: [SRXCompiledRule], rejected: inout Set<Int>
  ) -> [([Int], CompiledRegex)] {
    let kept = members.filter { !rejected.contains($0) }
    if kept.isEmpty { return [] }
    let pattern =
      kept.count == 1
      ? rules[kept[0]].probePattern
      : kept.map { "(?:\(rules[$0].probePattern))" }.joined(separator: "|")
    if let regex = try? CompiledRegex(pattern) { return [(kept, regex)] }
    if kept.count == 1 {
      rejected.insert(kept[0])
      return []
    }
    let half = kept.count / 2
    return compile(Array(kept[..<half]), of: rules, rejected: &rejected)
      + compile(Array(kept[half...]), of: rules, rejected: &rejected)
  }

  /// A run holding one rule that matches everywhere.
  init(everywhere i: Int) {
    self.init(
      rules: i..<(i + 1), always: true, buckets: [], anywhere: [], byLast: [:], byLastTwo: [:])
  }

  private init(
    rules: Range<Int>, always: Bool, buckets: [Bucket], anywhere: [Int], byLast: [UInt32: [Int]],
    byLastTwo: [UInt64: [Int]]
  ) {
    self.rules = rules
    self.always = always
    self.buckets = buckets
    self.anywhere = anywhere
    self.byLast = byLast
    self.byLastTwo = byLastTwo
  }
}
