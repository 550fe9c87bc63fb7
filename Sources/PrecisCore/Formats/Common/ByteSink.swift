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
    // (Divided rather than multiplied: a sink that gathers everything has `Int.max`.)
    bytes.removeAll(keepingCapacity: bytes.capacity / 4 <= max(pieceSize, Self.defaultPieceSize))
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

extension ByteSink {
  /// Runs `write` into a sink of its own and hands each of its pieces, cut between
  /// characters, to `transform`, which appends them to this sink (escaped, say), so that
  /// one format can carry another's bytes without either being held whole.
  mutating func append(
    _ write: (inout ByteSink) -> Void,
    transformedBy transform: (UnsafeBufferPointer<UInt8>, inout ByteSink) -> Void
  ) {
    final class Target {
      var sink: ByteSink
      /// The start of a character that the last piece ended in the middle of.
      var partial: [UInt8] = []
      init(_ sink: ByteSink) { self.sink = sink }
    }
    let target = Target(self)
    bytes = []
    withoutActuallyEscaping(transform) { transform in
      func handle(_ piece: UnsafeBufferPointer<UInt8>) {
        let cut = Self.completeCharacters(piece)
        if cut < piece.count { target.partial = Array(piece[cut...]) }
        transform(UnsafeBufferPointer(rebasing: piece[..<cut]), &target.sink)
      }
      var inner = ByteSink(pieceSize: min(pieceSize, Self.defaultPieceSize)) { piece in
        if target.partial.isEmpty {
          handle(piece)
        } else {
          let joined = target.partial + Array(piece)
          target.partial = []
          joined.withUnsafeBufferPointer { handle($0) }
        }
      }
      write(&inner)
      inner.flush()
    }
    if !target.partial.isEmpty {
      // Not UTF-8 (writers write whole characters): the bytes repaired, never read past.
      var rest = String(decoding: target.partial, as: UTF8.self)
      rest.withUTF8 { transform($0, &target.sink) }
    }
    self = target.sink
    target.sink.bytes = []
  }

  /// How many bytes of `piece` hold whole characters: all of them, unless it ends inside one.
  static func completeCharacters(_ piece: UnsafeBufferPointer<UInt8>) -> Int {
    var i = piece.count
    while i > 0 && piece.count - i < 4 {
      i -= 1
      let b = piece[i]
      if b & 0xC0 == 0x80 { continue }
      let width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
      return i + width <= piece.count ? piece.count : i
    }
    return piece.count
  }
}
