import Foundation

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
public struct OutputDirectory: Sendable {
  /// The folder's path.
  public let root: String

  /// Makes the folder (and its parents) if needed.
  public init(path: String) throws(OutputError) {
    root = path
    try Self.makeDirectories(path)
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
  public func write(_ bytes: UnsafeBufferPointer<UInt8>, to relativePath: String) throws(OutputError) {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true)
    guard !relativePath.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0 == ".." || $0 == "." })
    else {
      throw OutputError(path: relativePath, reason: "refusing to write outside the output folder")
    }
    let path = root + "/" + parts.joined(separator: "/")
    if parts.count > 1 {
      try Self.makeDirectories(root + "/" + parts.dropLast().joined(separator: "/"))
    }
    try Self.writeAtomically(bytes, to: path)
  }

  /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
  public static func writeAtomically(_ bytes: UnsafeBufferPointer<UInt8>, to path: String) throws(OutputError) {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    let temporary = "\(directory)/.\(name).precis-tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    if fd < 0 { throw OutputError(path: path, reason: "cannot create a file (\(errnoText())); check the folder exists and is writable") }
    var written = 0
    while written < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        let message = errnoText()
        close(fd)
        unlink(temporary)
        throw OutputError(path: path, reason: "write failed (\(message)); nothing was written")
      }
      written += n
    }
    if close(fd) != 0 {
      let message = errnoText()
      unlink(temporary)
      throw OutputError(path: path, reason: "write failed (\(message)); nothing was written")
    }
    if rename(temporary, path) != 0 {
      let message = errnoText()
      unlink(temporary)
      throw OutputError(path: path, reason: "cannot rename into place (\(message)); nothing was written")
    }
  }

  static func makeDirectories(_ path: String) throws(OutputError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw OutputError(path: path, reason: "cannot create the folder (\(error.localizedDescription))")
    }
  }
}

func errnoText() -> String { String(cString: strerror(errno)) }
