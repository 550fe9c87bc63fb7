import Foundation
import Testing

/// Checks `actual` against the golden file `Fixtures/<name>` beside the calling test file.
///
/// `PRECIS_RECORD=1 swift test` writes `actual` into the golden file instead and fails, so
/// that the change is reviewed in the diff before the next run.
func expectGolden(
  _ actual: String, matches name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "Fixtures")
  let url = folder.appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["PRECIS_RECORD"] == "1" {
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(actual.utf8).write(to: url)
      Issue.record(
        "recorded \(name); review the diff, then run without PRECIS_RECORD",
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("cannot record \(name): \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let data = try? Data(contentsOf: url) else {
    Issue.record(
      "no golden file Fixtures/\(name); record it with PRECIS_RECORD=1 swift test",
      sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  guard expected != actual else { return }
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  let line =
    zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(expectedLines.count, actualLines.count)
  let want = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
  let got = line < actualLines.count ? String(actualLines[line]) : "(end of file)"
  Issue.record(
    "\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(PRECIS_RECORD=1 swift test re-records)",
    sourceLocation: sourceLocation)
}
