import Foundation
import PrecisRunner
import Synchronization

/// Shows a batch's progress on standard error, redrawn in place at most ten times a second,
/// and prints each failure as it happens.
///
/// The line is drawn only when `showsProgress` (standard error is a terminal and not
/// `--quiet`); failures are printed either way. A thread of its own redraws the line, since
/// the batch keeps every task thread busy.
final class ProgressMeter: Sendable {
  let showsProgress: Bool
  private let state = Mutex(State())

  private struct State {
    var progress = BatchProgress()
    var start = ContinuousClock.now
    var lastDraw: ContinuousClock.Instant? = nil
    var isDrawn = false
    var isRunning = false
  }

  init(showsProgress: Bool) {
    self.showsProgress = showsProgress
  }

  /// Starts the redrawing thread.
  func start() {
    guard showsProgress else { return }
    state.withLock {
      $0.isRunning = true
      $0.start = .now
    }
    let thread = Thread { [self] in
      while state.withLock({ $0.isRunning }) {
        usleep(100_000)
        state.withLock { draw(&$0, force: false) }
      }
    }
    thread.start()
  }

  /// Takes a batch event.
  func handle(_ event: BatchEvent) {
    state.withLock { state in
      switch event {
      case .started(let progress):
        state.progress = progress
        state.start = .now
      case .finished(let entry, let progress):
        state.progress = progress
        if entry.status == .error {
          var text = state.isDrawn ? "\r\u{1B}[K" : ""
          text += "precis: \(entry.error ?? entry.path)\n"
          FileHandle.standardError.write(Data(text.utf8))
          state.isDrawn = false
          state.lastDraw = nil
        }
      }
      draw(&state, force: false)
    }
  }

  /// Stops redrawing and clears the line.
  func stop() {
    state.withLock { state in
      state.isRunning = false
      if state.isDrawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
      state.isDrawn = false
    }
  }

  private func draw(_ state: inout State, force: Bool) {
    guard showsProgress, state.isRunning else { return }
    let now = ContinuousClock.now
    if !force, let last = state.lastDraw, now - last < .milliseconds(100) { return }
    state.lastDraw = now
    state.isDrawn = true
    let p = state.progress
    let elapsed = seconds(now - state.start)
    let rate = elapsed > 0 ? Double(p.bytesDone) / 1e6 / elapsed : 0
    var line = "\r\u{1B}[K\(p.filesDone)/\(p.filesTotal) files, \(format(rate)) MB/s"
    if rate > 0 && p.bytesDone > 0 {
      let remaining = Double(p.bytesTotal - p.bytesDone) / 1e6 / rate
      line += ", ETA \(clock(remaining))"
    }
    if p.failed > 0 { line += ", \(p.failed) failed" }
    if p.reused > 0 { line += ", \(p.reused) unchanged" }
    FileHandle.standardError.write(Data(line.utf8))
  }

  private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  private func format(_ rate: Double) -> String {
    let tenths = Int((rate * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  private func clock(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
    let mm = m < 10 ? "0\(m)" : "\(m)"
    let ss = s < 10 ? "0\(s)" : "\(s)"
    return h > 0 ? "\(h):\(mm):\(ss)" : "\(m):\(ss)"
  }
}
