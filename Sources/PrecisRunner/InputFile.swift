import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file could not be read.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file.
  public var path: String
  /// What went wrong and what to do.
  public var reason: String

  public var description: String { "\(path): \(reason)" }
}

/// Reads input files and finds them in folders.
public enum InputFile {
  /// Reads a whole file, or standard input for `-`.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    if path == "-" {
      return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw InputError(path: path, reason: "cannot open (\(errnoText()))") }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
      throw InputError(path: path, reason: "is a folder; use 'precis run FOLDER --output DIR' for folders")
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(max(Int(info.st_size), 0) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, reason: "read failed (\(errnoText()))")
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  /// The files under `root`, as paths relative to it, in a stable order (by UTF-8 bytes).
  ///
  /// Hidden files and folders (names starting with `.`) are skipped; symbolic links are
  /// listed as files (reading one that loops fails for that file alone) and never followed
  /// into folders. `skip` names a folder to leave out, such as the output folder.
  public static func list(root: String, skip: String? = nil) throws(InputError) -> [String] {
    var result: [String] = []
    let skipPath = skip.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    func walk(_ relative: String) throws(InputError) {
      let absolute = relative.isEmpty ? root : root + "/" + relative
      if let skipPath, URL(fileURLWithPath: absolute).standardizedFileURL.path == skipPath { return }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: absolute)
      } catch {
        throw InputError(path: absolute, reason: "cannot list the folder (\(error.localizedDescription))")
      }
      for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
      where !name.hasPrefix(".") {
        let child = relative.isEmpty ? name : relative + "/" + name
        var info = stat()
        if lstat(root + "/" + child, &info) != 0 { result.append(child); continue }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: try walk(child)
        case S_IFREG, S_IFLNK: result.append(child)
        default: continue
        }
      }
    }
    try walk("")
    return result
  }
}
