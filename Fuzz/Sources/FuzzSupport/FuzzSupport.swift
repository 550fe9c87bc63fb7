import PrecisCore

/// Stops the process when a property the fuzzer checks does not hold, so that libFuzzer
/// reports the input as a crash and keeps it.
public func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #fileID, line: UInt = #line
) {
  if !condition() { fatalError("property violated: \(message())", file: file, line: line) }
}

/// The fuzzer's bytes as an array.
public func bytes(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
  Array(UnsafeBufferPointer(start: data, count: size))
}

/// The fuzzer's bytes as text, invalid UTF-8 repaired with U+FFFD.
public func lossyText(_ data: UnsafePointer<UInt8>, _ size: Int) -> String {
  String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// At most this many bytes go through the slower targets, to keep runs quick.
public let maximumInput = 64 * 1024

import CFuzzerDriver

/// Runs libFuzzer's driver over `body`: the `main` of a fuzz target's debug build.
public func runFuzzer(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
  var count = argc
  var arguments = argv
  return LLVMFuzzerRunDriver(&count, &arguments, body)
}

/// A pointer to stand in for the data of an empty input.
nonisolated(unsafe) public let emptyInput: UnsafePointer<UInt8> = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

/// The segments of a split document lie in order on scalar boundaries, none empty, and with
/// the gaps between them rebuild the text.
public func requireLosslessSegments(_ document: Document) {
  let utf8 = Array(document.text.utf8)
  var previous = 0
  for segment in document.segments {
    require(segment.range.lowerBound >= previous, "segment \(segment.range) overlaps the one before (ends \(previous))")
    require(segment.range.upperBound <= utf8.count, "segment \(segment.range) past the text's \(utf8.count) bytes")
    require(!segment.range.isEmpty, "empty segment at \(segment.range)")
    for bound in [segment.range.lowerBound, segment.range.upperBound] where bound < utf8.count {
      require(utf8[bound] & 0xC0 != 0x80, "segment bound \(bound) inside a scalar")
    }
    previous = segment.range.upperBound
  }
  require(document.rebuiltText() == document.text, "segments and gaps do not rebuild the text")
}
