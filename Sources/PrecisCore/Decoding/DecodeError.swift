/// A file could not be read as text. Nothing is written for it.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A NUL byte or other binary content.
  case binary(source: String, byteOffset: Int)
  /// Bytes that are not valid UTF-8 in a file that is otherwise UTF-8.
  case invalidUTF8(source: String, byteOffset: Int, byte: UInt8)
  /// Neither UTF-8 nor confidently another encoding.
  case undetectableEncoding(source: String, byteOffset: Int, candidates: [String])
  /// The bytes do not fit the encoding that was given or detected.
  case invalidInEncoding(source: String, encoding: String, byteOffset: Int)
  /// The encoding name is unknown to ICU.
  case unknownEncoding(source: String, name: String)

  public var description: String {
    switch self {
    case let .binary(source, offset):
      "\(source): looks binary (NUL or control byte at offset \(offset)); precis reads text files only"
    case let .invalidUTF8(source, offset, byte):
      "\(source): invalid UTF-8 (byte 0x\(hex(byte)) at offset \(offset)); fix the file or pass --encoding NAME"
    case let .undetectableEncoding(source, offset, candidates):
      if candidates.isEmpty {
        "\(source): not UTF-8 (first bad byte at offset \(offset)) and the encoding is unclear; pass --encoding NAME"
      } else {
        "\(source): not UTF-8 (first bad byte at offset \(offset)) and the encoding is unclear (\(candidates.joined(separator: " or "))); pass --encoding NAME"
      }
    case let .invalidInEncoding(source, encoding, offset):
      "\(source): bytes at offset \(offset) are not valid \(encoding); check the file or pass another --encoding"
    case let .unknownEncoding(source, name):
      "\(source): unknown encoding '\(name)'; use a name ICU knows, e.g. utf-8, windows-1252, iso-8859-2, koi8-r, shift_jis, gb18030, euc-kr"
    }
  }

  private func hex(_ b: UInt8) -> String {
    let s = String(b, radix: 16, uppercase: true)
    return s.count == 1 ? "0" + s : s
  }
}
