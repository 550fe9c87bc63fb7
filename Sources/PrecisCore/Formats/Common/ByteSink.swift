/// Where a writer's bytes go: gathered in ``bytes`` and handed on in pieces, so that a large
/// output is never held whole.
///
/// A writer appends to ``bytes`` and calls ``flushIfFull()`` between records; whoever made
/// the sink calls ``flush()`` at the end. Writers stay pure: they never learn where the
/// pieces go (the runner writes them to a temporary file that is renamed once complete).
public struct ByteSink {
  /// The bytes gathered since the last piece was handed on.
  public var bytes: [UInt8] = []
  /// How many bytes are gathered before they are handed on.
  public let pieceSize: Int
  private let emit: (UnsafeBufferPointer<UInt8>) -> Void

  /// The usual piece size: 64 KiB.
  public static let defaultPieceSize = 1 << 16

  /// Makes a sink that hands each piece to `emit`.
  public init(
    pieceSize: Int = ByteSink.defaultPieceSize,
    _ emit: @escaping (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    self.pieceSize = max(1, pieceSize)
    self.emit = emit
    bytes.reserveCapacity(min(self.pieceSize, Self.defaultPieceSize) + 256)
  }

  /// Hands on the gathered bytes once there are ``pieceSize`` or more.
  @inline(__always)
  public mutating func flushIfFull() {
    if bytes.count >= pieceSize { flush() }
  }

  /// Hands on the gathered bytes, if any.
  public mutating func flush() {
    if bytes.isEmpty { return }
    bytes.withUnsafeBufferPointer { emit($0) }
    bytes.removeAll(keepingCapacity: bytes.capacity <= 4 * max(pieceSize, Self.defaultPieceSize))
  }

  /// Appends valid UTF-8 bytes, handing them on in pieces when they are many.
  public mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
    if bytes.count + piece.count < pieceSize {
      bytes.append(contentsOf: piece)
      return
    }
    flush()
    emit(piece)
  }

  /// Appends text as UTF-8.
  public mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// The bytes `write` puts in a sink, gathered in one array.
  public static func collect(_ write: (inout ByteSink) -> Void) -> [UInt8] {
    final class Box { var bytes: [UInt8] = [] }
    let box = Box()
    var sink = ByteSink(pieceSize: Int.max) { box.bytes.append(contentsOf: $0) }
    write(&sink)
    if box.bytes.isEmpty { return sink.bytes }
    sink.flush()
    return box.bytes
  }

  /// The text `write` puts in a sink.
  public static func text(_ write: (inout ByteSink) -> Void) -> String {
    String(decoding: collect(write), as: UTF8.self)
  }
}

/// One output file of a writer, written on demand into a ``ByteSink``.
public struct SegmentStream {
  /// Where the file goes, relative to the output folder, such as `news.segments.tsv`.
  public var relativePath: String
  /// Writes the file's bytes into the sink (without the final ``ByteSink/flush()``).
  public var write: (inout ByteSink) -> Void

  public init(relativePath: String, write: @escaping (inout ByteSink) -> Void) {
    self.relativePath = relativePath
    self.write = write
  }

  /// The stream of a file already rendered.
  public init(_ file: SegmentFile) {
    let contents = file.contents
    self.init(relativePath: file.relativePath) { $0.append(contents) }
  }

  /// The whole file as text.
  public var contents: String { ByteSink.text(write) }
}
