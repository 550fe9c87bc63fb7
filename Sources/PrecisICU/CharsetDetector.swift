internal import CICU

/// One guess of ICU's charset detector.
public struct CharsetMatch: Sendable, Hashable {
  /// ICU's name for the charset, such as `windows-1252` or `Shift_JIS`.
  public var name: String
  /// ICU's confidence, 0–100.
  public var confidence: Int
}

/// ICU's statistical charset detector.
public enum CharsetDetector {
  /// Returns ICU's guesses for `bytes`, most confident first.
  public static func detect(_ bytes: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [CharsetMatch] {
    var status = U_ZERO_ERROR
    guard let detector = cicu_ucsdet_open(&status) else {
      throw icuError(status, "open the charset detector")
    }
    defer { cicu_ucsdet_close(detector) }
    try icuCheck(status, "open the charset detector")
    // The detector's statistics settle long before this; larger inputs only cost time.
    let sample = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 64 * 1024)])
    var found: Int32 = 0
    let matches: [CharsetMatch] = try sample.withMemoryRebound(to: CChar.self) {
      chars throws(ICUError) in
      cicu_ucsdet_setText(detector, chars.baseAddress, Int32(chars.count), &status)
      try icuCheck(status, "give text to the charset detector")
      guard let all = cicu_ucsdet_detectAll(detector, &found, &status) else { return [] }
      try icuCheck(status, "detect the charset")
      var result: [CharsetMatch] = []
      for i in 0..<Int(found) {
        guard let match = all[i], let name = cicu_ucsdet_getName(match, &status) else { continue }
        let confidence = cicu_ucsdet_getConfidence(match, &status)
        result.append(CharsetMatch(name: String(cString: name), confidence: Int(confidence)))
      }
      return result
    }
    return matches
  }
}
