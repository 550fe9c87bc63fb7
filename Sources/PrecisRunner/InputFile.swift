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

/// One thing found in a batch folder: a file to read, or a path recorded without reading it.
public struct InputItem: Sendable, Hashable {
  /// Why a path is recorded without being read.
  public enum Problem: Sendable, Hashable {
    /// Left out on purpose, such as a symbolic link that is not followed.
    case skipped(String)
    /// Cannot be read: a loop, a dangling link, a FIFO, a folder that cannot be listed.
    case unreadable(String)
  }

  /// The path relative to the batch folder, with `/` between names.
  public var path: String
  /// The size in bytes as listed (0 for problems).
  public var size: Int
  /// Why the path is not read, or `nil` for a file to read.
  public var problem: Problem?

  public init(path: String, size: Int, problem: Problem? = nil) {
    self.path = path
    self.size = size
    self.problem = problem
  }
}

/// How a batch folder is walked.
public struct WalkOptions: Sendable, Hashable {
  /// Whether symbolic links are followed (into folders too, stopping at loops).
  public var followSymlinks: Bool
  /// Globs a file must match one of, when not empty (see `InputFile.matches`).
  public var include: [String]
  /// Globs that leave out a file or a whole folder.
  public var exclude: [String]
  /// A folder never to enter, such as the output folder inside the input folder.
  public var skip: String?

  public init(
    followSymlinks: Bool = false, include: [String] = [], exclude: [String] = [],
    skip: String? = nil
  ) {
    self.followSymlinks = followSymlinks
    self.include = include
    self.exclude = exclude
    self.skip = skip
  }
}

/// Reads input files and finds them in folders.
public enum InputFile {
  /// Reads a whole file, or standard input for `-`.
  ///
  /// - Parameters:
  ///   - path: the file.
  ///   - followSymlinks: whether a symbolic link is read through (`false` refuses one).
  ///   - limit: the largest file to read; a larger one is refused before it is read (standard
  ///     input and a file growing meanwhile, as soon as they pass it).
  /// - Throws: `InputError` when the file cannot be opened or read, is a folder, is not a
  ///   regular file (a FIFO is never waited on), or is larger than `limit`.
  public static func read(
    _ path: String, followSymlinks: Bool = true, limit: FileSizeLimit = .default
  ) throws(InputError) -> [UInt8] {
    if path == "-" {
      var bytes: [UInt8] = []
      while true {
        let chunk = FileHandle.standardInput.readData(ofLength: 1 << 20)
        if chunk.isEmpty { break }
        bytes.append(contentsOf: chunk)
        if bytes.count > limit.bytes {
          throw InputError(
            path: "standard input",
            reason:
              "passed the \(limit) limit on input files; pass --max-file-size with a larger size, or split the input"
          )
        }
      }
      return bytes
    }
    // O_NONBLOCK: a FIFO put where a file was listed must not hang the batch.
    var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
    if !followSymlinks { flags |= O_NOFOLLOW }
    let fd = open(path, flags)
    if fd < 0 {
      if errno == ELOOP {
        throw InputError(
          path: path,
          reason: followSymlinks
            ? "symbolic link loop; fix or remove the link"
            : "is a symbolic link; pass --follow-symlinks to read it")
      }
      throw InputError(path: path, reason: "cannot open (\(errnoText()))")
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) != 0 {
      throw InputError(path: path, reason: "cannot read its details (\(errnoText()))")
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR:
      throw InputError(
        path: path, reason: "is a folder; use 'precis run FOLDER --output DIR' for folders")
    default:
      throw InputError(
        path: path,
        reason: "is not a regular file (\(fileKind(info.st_mode))); precis reads regular files only"
      )
    }
    if Int(info.st_size) > limit.bytes {
      throw InputError(path: path, reason: limit.refusal(size: Int(info.st_size), option: "--max-file-size"))
    }
    // Read straight into an array of the listed size (one more byte shows growth), then
    // grow only for a file that grew meanwhile: no zeroed scratch buffer per file.
    var capacity = max(Int(info.st_size), 0) + 1
    var bytes: [UInt8] = []
    while true {
      let start = bytes.count
      var failure: String? = nil
      var atEnd = false
      bytes.append(contentsOf: repeatElement(0, count: capacity - start))
      let filled = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return start }
        var offset = start
        while offset < buffer.count {
          let n = systemRead(fd, base + offset, buffer.count - offset)
          if n < 0 {
            if errno == EINTR || errno == EAGAIN { continue }
            failure = errnoText()
            break
          }
          if n == 0 {
            atEnd = true
            break
          }
          offset += n
        }
        return offset
      }
      bytes.removeSubrange(filled...)
      if let failure { throw InputError(path: path, reason: "read failed (\(failure))") }
      if bytes.count > limit.bytes {
        throw InputError(path: path, reason: limit.refusal(size: bytes.count, option: "--max-file-size"))
      }
      if atEnd { break }
      capacity *= 2
    }
    return bytes
  }

  /// The files under `root`, as paths relative to it, sorted by their UTF-8 bytes.
  ///
  /// Hidden files and folders (names starting with `.`) are left out. A symbolic link is
  /// recorded as skipped unless `options.followSymlinks`; when following, a link that leads
  /// back into a folder being walked, loops on itself or dangles is recorded as unreadable,
  /// so a loop never hangs the walk. FIFOs, sockets and devices are recorded as unreadable
  /// and never opened. A folder that cannot be listed is recorded as unreadable too.
  ///
  /// - Throws: `InputError` when `root` itself cannot be listed.
  public static func list(root: String, options: WalkOptions = WalkOptions()) throws(InputError)
    -> [InputItem]
  {
    var result: [InputItem] = []
    var skipIdentity: FileIdentity? = nil
    if let skip = options.skip, let info = statInfo(skip, follow: true) {
      skipIdentity = FileIdentity(info)
    }
    guard let rootInfo = statInfo(root, follow: true) else {
      throw InputError(path: root, reason: "cannot read the folder (\(errnoText()))")
    }
    guard (rootInfo.st_mode & S_IFMT) == S_IFDIR else {
      throw InputError(path: root, reason: "is not a folder; give the folder to read")
    }
    let rootNames: [String]
    do {
      rootNames = try names(in: root)
    } catch {
      throw InputError(path: root, reason: "cannot list the folder (\(error.message))")
    }

    func include(_ relative: String) -> Bool {
      if options.exclude.contains(where: { matches($0, path: relative) }) { return false }
      return options.include.isEmpty
        || options.include.contains(where: { matches($0, path: relative) })
    }

    func walk(_ relative: String, names: [String], ancestors: [FileIdentity]) {
      for name in names {
        if name.hasPrefix("\u{0}") {
          let child = (relative.isEmpty ? "" : relative + "/") + name.dropFirst()
          if include(child) {
            result.append(
              InputItem(
                path: child, size: 0,
                problem: .unreadable(
                  "the name is not valid UTF-8 (bad bytes shown as \\xNN); rename it in UTF-8 to read it")
              ))
          }
          continue
        }
        let child = relative.isEmpty ? name : relative + "/" + name
        let absolute = root + "/" + child
        if options.exclude.contains(where: { matches($0, path: child) }) { continue }
        guard let info = statInfo(absolute, follow: false) else {
          let message = errnoText()
          if include(child) {
            result.append(
              InputItem(
                path: child, size: 0, problem: .unreadable("cannot read its details (\(message))")))
          }
          continue
        }
        var target = info
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        if isLink {
          guard options.followSymlinks else {
            if include(child) {
              result.append(
                InputItem(
                  path: child, size: 0,
                  problem: .skipped(
                    "symbolic link, not followed; pass --follow-symlinks to read it")))
            }
            continue
          }
          guard let followed = statInfo(absolute, follow: true) else {
            let code = errno
            let reason =
              code == ELOOP
              ? "symbolic link loop; fix or remove the link"
              : code == ENOENT
                ? "symbolic link to nothing (dangling); fix or remove the link"
                : "cannot follow the symbolic link (\(errnoText()))"
            if include(child) {
              result.append(InputItem(path: child, size: 0, problem: .unreadable(reason)))
            }
            continue
          }
          target = followed
        }
        switch target.st_mode & S_IFMT {
        case S_IFDIR:
          let identity = FileIdentity(target)
          if identity == skipIdentity { continue }
          if ancestors.contains(identity) {
            result.append(
              InputItem(
                path: child, size: 0,
                problem: .unreadable(
                  "symbolic link loop (leads back to a folder above it); not followed")))
            continue
          }
          do {
            walk(child, names: try Self.names(in: absolute), ancestors: ancestors + [identity])
          } catch {
            result.append(
              InputItem(
                path: child, size: 0,
                problem: .unreadable("cannot list the folder (\(error.message))")))
          }
        case S_IFREG:
          if include(child) { result.append(InputItem(path: child, size: Int(target.st_size))) }
        default:
          if include(child) {
            result.append(
              InputItem(
                path: child, size: 0,
                problem: .unreadable(
                  "is not a regular file (\(fileKind(target.st_mode))); precis reads regular files only"
                )))
          }
        }
      }
    }
    walk("", names: rootNames, ancestors: [FileIdentity(rootInfo)])
    result.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    return result
  }

  /// Whether `path` (relative, `/`-separated) matches a glob.
  ///
  /// A glob without `/` is matched against the last name (`*.txt`, `draft-*`); a glob with
  /// `/` against the whole relative path, where `*` also crosses folders (`de/*`,
  /// `news/*/2024-*.txt`). `?`, `[abc]` and `[!abc]` work as in the shell.
  public static func matches(_ glob: String, path: String) -> Bool {
    let subject = glob.contains("/") ? path : String(path.split(separator: "/").last ?? "")
    return fnmatch(glob, subject, 0) == 0
  }

  /// The names in a folder, without hidden ones, sorted by their UTF-8 bytes.
  ///
  /// A name that is not valid UTF-8 cannot be held in a `String` without changing it (and a
  /// changed name opens nothing), so it is marked with a leading NUL and its bad bytes
  /// written as `\xFF`; `list` records it as unreadable.
  static func names(in folder: String) throws(SystemError) -> [String] {
    guard let dir = opendir(folder) else { throw SystemError(message: errnoText()) }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let bytes = withUnsafePointer(to: entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(
          to: UInt8.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)
        ) {
          Array(UnsafeBufferPointer(start: $0, count: strlen(UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))))
        }
      }
      if bytes.first == UInt8(ascii: ".") { continue }
      if let name = String(validating: bytes, as: UTF8.self) {
        names.append(name)
      } else {
        names.append("\u{0}" + escapedName(bytes))
      }
    }
    names.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    return names
  }

  /// `bytes` with every byte that is not part of valid UTF-8 written as `\xFF`.
  static func escapedName(_ bytes: [UInt8]) -> String {
    var text = ""
    var rest = bytes[...]
    while !rest.isEmpty {
      // The longest valid prefix, then one bad byte.
      var valid = rest.count
      while valid > 0 && String(validating: rest.prefix(valid), as: UTF8.self) == nil { valid -= 1 }
      text += String(decoding: rest.prefix(valid), as: UTF8.self)
      rest = rest.dropFirst(valid)
      if let bad = rest.first {
        text += "\\x" + String(bad, radix: 16, uppercase: true)
        rest = rest.dropFirst()
      }
    }
    return text
  }

  static func statInfo(_ path: String, follow: Bool) -> stat? {
    var info = stat()
    let status = follow ? stat(path, &info) : lstat(path, &info)
    return status == 0 ? info : nil
  }

  static func fileKind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFDIR: "a folder"
    case S_IFLNK: "a symbolic link"
    default: "not a file"
    }
  }
}

/// A file's device and inode, to recognise a folder reached twice.
struct FileIdentity: Hashable {
  var device: UInt64
  var inode: UInt64

  init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
  }
}

/// An `errno` failure, as text.
struct SystemError: Error {
  var message: String
}

#if canImport(Glibc)
  let systemRead = Glibc.read
#elseif canImport(Musl)
  let systemRead = Musl.read
#elseif canImport(Darwin)
  let systemRead = Darwin.read
#endif
