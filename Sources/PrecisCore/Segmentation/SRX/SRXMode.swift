/// How SRX rules are combined with ICU's sentence breaks.
public enum SRXMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// SRX alone decides where sentences end (line breaks still end segments).
  case replace
  /// ICU's breaks stand where no SRX rule matches; SRX rules add breaks and, with
  /// `break="no"`, remove ICU's (Okapi's `useIcu4jBreakRules`).
  case refine
}
