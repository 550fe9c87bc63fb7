import Foundation
import PrecisCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file could not be written. Nothing half-written is left behind.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The path that was being written.
  public var path: String
  /// What went wrong and what to do.
  public var reason: String

  public var description: String { "\(path): \(reason)" }
}

/// The folder that outputs go to; every file is written to a temporary file, then renamed.
///
/// Temporary files are named `.NAME.precis-tmp-TAG…` beside their target, so a run that was
/// killed leaves only such files behind, and `removeTemporaryFiles()` finds them. Nothing is
/// ever written outside the folder: paths with `..`, absolute paths and paths through a
/// symbolic link inside the folder are refused.
public struct OutputDirectory: Sendable {
  /// The folder's path.
  public let root: String
  /// Marks this run's temporary files, such as `s2of3-` for a shard; empty otherwise.
  public let temporaryTag: String

  /// Makes the folder (and its parents) if needed.
  public init(path: String, temporaryTag: String = "") throws(OutputError) {
    root = path
    self.temporaryTag = temporaryTag
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw OutputError(
        path: path, reason: "cannot create the folder (\(error.localizedDescription))")
    }
  }

  /// Writes `contents` to `relativePath` inside the folder, atomically.
  ///
  /// - Throws: `OutputError` for a path that would leave the folder, or when writing fails.
  public func write(_ contents: String, to relativePath: String) throws(OutputError) {
    var text = contents
    let outcome = text.withUTF8 { bytes in
      Result { () throws(OutputError) in try write(bytes, to: relativePath) }
    }
    try outcome.get()
  }

  /// Writes `bytes` to `relativePath` inside the folder, atomically.
  public func write(_ bytes: UnsafeBufferPointer<UInt8>, to relativePath: String)
    throws(OutputError)
  {
    let file = try create(relativePath)
    do {
      try file.append(bytes)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// Writes the bytes `produce` puts in a sink to `relativePath` inside the folder, a piece
  /// at a time, atomically: into a temporary file, renamed once all of it is written.
  public func write(_ produce: (inout ByteSink) -> Void, to relativePath: String)
    throws(OutputError)
  {
    let file = try create(relativePath)
    final class Failure { var error: OutputError? }
    let failure = Failure()
    var sink = ByteSink { bytes in
      guard failure.error == nil else { return }
      do throws(OutputError) { try file.append(bytes) } catch { failure.error = error }
    }
    produce(&sink)
    sink.flush()
    do throws(OutputError) {
      if let error = failure.error { throw error }
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }

  /// Starts writing `relativePath`: the bytes go to a temporary file until `commit()`.
  public func create(_ relativePath: String) throws(OutputError) -> AtomicFile {
    let path = try prepare(relativePath)
    return try AtomicFile(path: path, tag: temporaryTag)
  }

  /// Whether `relativePath` is a regular file inside the folder.
  public func containsFile(_ relativePath: String) -> Bool {
    guard let path = try? checked(relativePath) else { return false }
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Removes `relativePath` if it is a file inside the folder.
  public func removeFile(_ relativePath: String) {
    guard let path = try? checked(relativePath), containsFile(relativePath) else { return }
    unlink(path)
  }

  /// Removes temporary files left by a run that was killed, in the whole folder tree.
  ///
  /// With a tag, only the files of runs with that tag (the same shard) are removed, so
  /// shards writing into one folder at once leave each other's files alone.
  /// - Returns: how many were removed.
  @discardableResult
  public func removeTemporaryFiles() -> Int {
    let marker = AtomicFile.marker + temporaryTag
    var removed = 0
    func sweep(_ folder: String) {
      guard let dir = opendir(folder) else { return }
      var folders: [String] = []
      while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
          pointer.withMemoryRebound(
            to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)
          ) {
            String(cString: $0)
          }
        }
        if name == "." || name == ".." { continue }
        let path = folder + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: folders.append(path)
        case S_IFREG:
          if name.hasPrefix("."), name.contains(marker), unlink(path) == 0 { removed += 1 }
        default: continue
        }
      }
      closedir(dir)
      for child in folders { sweep(child) }
    }
    sweep(root)
    return removed
  }

  /// The absolute path of `relativePath`, with its folders made; refuses paths that leave.
  private func prepare(_ relativePath: String) throws(OutputError) -> String {
    let path = try checked(relativePath)
    let parts = relativePath.split(separator: "/")
    var folder = root
    for part in parts.dropLast() {
      folder += "/" + part
      var info = stat()
      if lstat(folder, &info) == 0 {
        switch info.st_mode & S_IFMT {
        case S_IFDIR: continue
        case S_IFLNK:
          throw OutputError(
            path: relativePath,
            reason:
              "refusing to write through the symbolic link '\(folder)'; remove it from the output folder"
          )
        default:
          throw OutputError(
            path: relativePath, reason: "'\(folder)' is in the way and is not a folder; remove it")
        }
      }
      if mkdir(folder, 0o755) != 0 && errno != EEXIST {
        throw OutputError(
          path: relativePath, reason: "cannot create the folder '\(folder)' (\(errnoText()))")
      }
    }
    return path
  }

  private func checked(_ relativePath: String) throws(OutputError) -> String {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
    guard !relativePath.isEmpty, !relativePath.hasPrefix("/"),
      !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." })
    else {
      throw OutputError(path: relativePath, reason: "refusing to write outside the output folder")
    }
    return root + "/" + relativePath
  }

  /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
  public static func writeAtomically(_ bytes: UnsafeBufferPointer<UInt8>, to path: String)
    throws(OutputError)
  {
    let file = try AtomicFile(path: path, tag: "")
    do {
      try file.append(bytes)
      try file.commit()
    } catch {
      file.discard()
      throw error
    }
  }
}

/// A file being written: bytes go to `.NAME.precis-tmp-…` beside it until `commit()`
/// renames that over the target, so readers see the old file or the whole new one.
///
/// Call `commit()` or `discard()` exactly once. Used by one task at a time.
public final class AtomicFile {
  /// The part of a temporary file's name that marks it as precis's.
  public static let marker = ".precis-tmp-"

  /// The target path.
  public let path: String
  /// The temporary file's path.
  public let temporaryPath: String
  private var fd: Int32
  private var buffer: [UInt8] = []

  /// Creates the temporary file for `path`.
  public init(path: String, tag: String) throws(OutputError) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    self.path = path
    let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
    temporaryPath = "\(directory)/.\(name)\(Self.marker)\(tag)\(getpid())-\(random)"
    fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 {
      throw OutputError(
        path: path,
        reason: "cannot create a file (\(errnoText())); check the folder exists and is writable")
    }
  }

  deinit {
    if fd >= 0 {
      close(fd)
      unlink(temporaryPath)
    }
  }

  /// Adds bytes at the end.
  public func append(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    // Large pieces (a whole output) go straight to the file; small ones (manifest lines)
    // are gathered first.
    if bytes.count >= 1 << 12 {
      try flush()
      try writeAll(bytes)
    } else {
      buffer.append(contentsOf: bytes)
      if buffer.count >= 1 << 16 { try flush() }
    }
  }

  /// Adds text at the end, as UTF-8.
  public func append(_ text: String) throws(OutputError) {
    var text = text
    let outcome = text.withUTF8 { bytes in Result { () throws(OutputError) in try append(bytes) } }
    try outcome.get()
  }

  /// Puts the file in place of the target.
  public func commit() throws(OutputError) {
    try flush()
    let descriptor = fd
    fd = -1
    if close(descriptor) != 0 {
      let message = errnoText()
      unlink(temporaryPath)
      throw OutputError(path: path, reason: "write failed (\(message)); nothing was written")
    }
    if rename(temporaryPath, path) != 0 {
      let message = errnoText()
      unlink(temporaryPath)
      throw OutputError(
        path: path, reason: "cannot rename into place (\(message)); nothing was written")
    }
  }

  /// Removes the temporary file; the target is left as it was.
  public func discard() {
    guard fd >= 0 else { return }
    close(fd)
    fd = -1
    unlink(temporaryPath)
  }

  private func flush() throws(OutputError) {
    if buffer.isEmpty { return }
    let pending = buffer
    buffer.removeAll(keepingCapacity: true)
    let outcome = pending.withUnsafeBufferPointer { bytes in
      Result { () throws(OutputError) in try writeAll(bytes) }
    }
    try outcome.get()
  }

  private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputError) {
    guard fd >= 0 else { throw OutputError(path: path, reason: "already closed") }
    guard let base = bytes.baseAddress else { return }
    var written = 0
    while written < bytes.count {
      let n = systemWrite(fd, base + written, bytes.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        throw OutputError(
          path: path,
          reason:
            "write failed (\(errnoText())); nothing was written; free space in the output folder (or raise its limits) and run again"
        )
      }
      written += n
    }
  }
}

func errnoText() -> String { String(cString: strerror(errno)) }

#if canImport(Glibc)
  let systemWrite = Glibc.write
#elseif canImport(Musl)
  let systemWrite = Musl.write
#elseif canImport(Darwin)
  let systemWrite = Darwin.write
#endif
