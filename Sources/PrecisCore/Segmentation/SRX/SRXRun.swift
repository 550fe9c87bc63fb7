/// What one document's segmentation with SRX rules gave up on, carried from paragraph to
/// paragraph: a rule that ran out of time is not tried again in the same document.
public struct SRXRun: Sendable {
  /// Per language tag: positions in the language's rule list no longer tried.
  var disabled: [String: Set<Int>] = [:]
  /// Per language tag: buckets of probe rules, as (run, bucket), whose merged pattern ran out
  /// of time; their rules are tried one by one, so that the one at fault can be named.
  var unmerged: [String: Set<[Int]>] = [:]
  /// What happened, in order.
  public var warnings: [SRXWarning] = []

  public init() {}
}
