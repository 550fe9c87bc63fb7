/// The largest input file precis reads, such as `512M`: `--max-file-size` on the command
/// line, `max-file-size` under `input:` in a pipeline file.
///
/// A file is read whole into memory, and a run needs a few times its size (see Limits in the
/// docs), so a limit keeps one stray huge file from exhausting memory. A larger file is
/// refused with one line naming it, its size and the limit; in a batch it is recorded as an
/// error and the rest go on.
public struct FileSizeLimit: Sendable, Hashable, CustomStringConvertible {
  /// The most bytes a file may have; `Int.max` for no limit.
  public var bytes: Int

  /// 512 MiB: far above any article, below what makes a small machine swap.
  public static let `default` = FileSizeLimit(bytes: 512 << 20)
  /// No limit.
  public static let none = FileSizeLimit(bytes: .max)

  public init(bytes: Int) { self.bytes = max(0, bytes) }

  /// Reads a size such as `100M`, `2G`, `640K`, `1000` (bytes), `1.5G` or `none`.
  ///
  /// `K`, `M`, `G` and `T` (also `KiB` … `TiB`) count in powers of 1024; `KB`, `MB`, `GB` and
  /// `TB` in powers of 1000. Case does not matter.
  public init?(_ text: String) {
    let trimmed = text.trimmingSpaces().lowercased()
    if trimmed == "none" || trimmed == "unlimited" {
      self = .none
      return
    }
    let number = trimmed.prefix { ($0 >= "0" && $0 <= "9") || $0 == "." }
    let unit = trimmed.dropFirst(number.count).trimmingSpaces()
    guard !number.isEmpty, let value = Double(number), value.isFinite else { return nil }
    let scale: Double
    switch unit {
    case "", "b": scale = 1
    case "k", "kib": scale = 1024
    case "m", "mib": scale = 1024 * 1024
    case "g", "gib": scale = 1024 * 1024 * 1024
    case "t", "tib": scale = 1024 * 1024 * 1024 * 1024
    case "kb": scale = 1e3
    case "mb": scale = 1e6
    case "gb": scale = 1e9
    case "tb": scale = 1e12
    default: return nil
    }
    let total = (value * scale).rounded(.down)
    guard total < 9e18 else { return nil }
    self.init(bytes: Int(total))
  }

  /// The limit as written back, such as `512M`, `1.5G` or `none`.
  public var description: String {
    bytes == .max ? "none" : Self.format(bytes)
  }

  /// A byte count in the largest unit that keeps it readable: `734003200` → `700M`.
  public static func format(_ bytes: Int) -> String {
    let units: [(String, Int)] = [("T", 1 << 40), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)]
    for (name, size) in units where bytes >= size {
      if bytes % size == 0 { return "\(bytes / size)\(name)" }
      let tenths = (bytes * 10 + size / 2) / size
      return "\(tenths / 10).\(tenths % 10)\(name)"
    }
    return "\(bytes) bytes"
  }

  /// The reason a file of `size` bytes is refused, for an `InputError`.
  func refusal(size: Int, option: String) -> String {
    let mebibyte = 1 << 20
    let next = FileSizeLimit.format((max(size, bytes) + mebibyte - 1) / mebibyte * mebibyte)
    return
      "is \(FileSizeLimit.format(size)) (\(size) bytes), over the \(self) limit on input files; pass \(option) \(next) (or more) to read it, or split the file"
  }
}

extension StringProtocol {
  fileprivate func trimmingSpaces() -> String {
    String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
