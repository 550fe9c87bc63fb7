internal import CICU

/// A reusable UTF-16 buffer that valid UTF-8 is transcoded into before ICU sees it.
///
/// ICU iterates UTF-16 about twice as fast as UTF-8 through `UText`, and transcoding is
/// cheap, so each worker keeps one of these and fills it per paragraph.
final class UTF16Buffer {
  private(set) var units: [UInt16] = []
  private(set) var count = 0

  /// Fills the buffer with `utf8`, which must be valid UTF-8 (it is not checked again: ICU's
  /// lenient conversion, about twice as fast, gives the same units for valid text).
  func fill(utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) {
    // Each UTF-8 byte gives at most one UTF-16 unit (and the lenient conversion needs room
    // for as many units as bytes).
    let needed = max(utf8.count, 1)
    if units.count < needed { units = [UInt16](repeating: 0, count: needed + needed / 4) }
    var length: Int32 = 0
    var status = U_ZERO_ERROR
    units.withUnsafeMutableBufferPointer { dest in
      utf8.withMemoryRebound(to: CChar.self) { src in
        _ = cicu_u_strFromUTF8Lenient(
          dest.baseAddress, Int32(dest.count), &length, src.baseAddress, Int32(src.count), &status)
      }
    }
    try icuCheck(status, "convert UTF-8 to UTF-16")
    count = Int(length)
  }
}
