internal import CICU

/// A failure reported by an ICU function, with the ICU error name and what was being done.
public struct ICUError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The numeric `UErrorCode`.
  public let code: Int32
  /// ICU's name for the code, such as `U_ILLEGAL_ARGUMENT_ERROR`.
  public let name: String
  /// What Precis asked ICU to do, such as `open sentence break iterator for "de"`.
  public let operation: String

  public var description: String { "ICU failed to \(operation): \(name)" }

  // No C type may appear in a signature of a public type's members, even internal ones:
  // test builds serialise internal members, and a client that then loads CICU beside
  // Foundation's bundled ICU does not compile.
  init(code: Int32, operation: String) {
    self.code = code
    self.name = String(cString: cicu_u_errorName(UErrorCode(rawValue: code)))
    self.operation = operation
  }
}

/// An `ICUError` for `status` (kept out of `ICUError` itself; see its init).
func icuError(_ status: UErrorCode, _ operation: String) -> ICUError {
  ICUError(code: Int32(status.rawValue), operation: operation)
}

/// Throws when `status` is a failure. Negative codes are warnings (a locale fallback, say).
func icuCheck(_ status: UErrorCode, _ operation: @autoclosure () -> String) throws(ICUError) {
  if status.rawValue > U_ZERO_ERROR.rawValue {
    throw icuError(status, operation())
  }
}

/// The version of the ICU library Precis is linked against, such as `72.1`.
public let icuVersion: String = {
  var info = [UInt8](repeating: 0, count: 4)
  cicu_u_getVersion(&info)
  return "\(info[0]).\(info[1])"
}()

extension ICUError {
  /// An error that was not ICU's, caught where only ICU errors were expected.
  public static let unexpected = ICUError(code: Int32(U_INTERNAL_PROGRAM_ERROR.rawValue), operation: "run")
}
