/// Reads a translated gettext PO file back: per message, `msgctxt` (the segment id),
/// `msgid` (the source) and `msgstr` (the target; `msgstr[0]` for plural messages).
///
/// The header gives the languages and `X-Precis-Skeleton`. Fuzzy messages (`#, fuzzy`) count
/// as untranslated, as gettext treats them; obsolete ones (`#~`) are skipped. The file is read
/// byte by byte (keywords, quotes and escapes are ASCII), so a string that starts with a
/// combining mark reads like any other.
public enum POReader {
  struct Message {
    var context: [UInt8]? = nil
    var id: [UInt8]? = nil
    var translation: [UInt8]? = nil
    var fuzzy = false
    var line = 0
  }

  enum Field { case context, id, translation }

  /// Reads `text`; `name` names the file in errors.
  public static func read(_ text: String, name: String) throws(MergeError) -> TranslatedFile {
    let bytes = Array(text.utf8)
    var messages: [Message] = []
    var current = Message()
    var field: Field? = nil
    func finish() {
      if current.id != nil { messages.append(current) }
      current = Message()
      field = nil
    }
    var lineNumber = 0
    var start = 0
    while start <= bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      lineNumber += 1
      var lo = start
      var hi = end
      if hi > lo && bytes[hi - 1] == 0x0D { hi -= 1 }
      start = end + 1
      while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
      if lo == hi {
        finish()
        if end >= bytes.count { break }
        continue
      }
      let line = bytes[lo..<hi]
      if line.first == UInt8(ascii: "#") {
        if current.id != nil && current.translation != nil { finish() }
        if line.starts(with: Array("#,".utf8)),
          String(decoding: line, as: UTF8.self).contains("fuzzy")
        {
          current.fuzzy = true
        }
        continue
      }
      if line.first == UInt8(ascii: "\"") {
        let value = try unquote(line, line: lineNumber, name: name)
        switch field {
        case .context?: current.context?.append(contentsOf: value)
        case .id?: current.id?.append(contentsOf: value)
        case .translation?: current.translation?.append(contentsOf: value)
        case nil:
          throw MergeError(
            file: name,
            reason: "line \(lineNumber): a string continues nothing; start it with msgid or msgstr")
        }
        continue
      }
      var k = line.startIndex
      while k < line.endIndex && line[k] != 0x20 && line[k] != 0x09 && line[k] != UInt8(ascii: "\"")
      { k += 1 }
      let keyword = String(decoding: line[line.startIndex..<k], as: UTF8.self)
      while k < line.endIndex && (line[k] == 0x20 || line[k] == 0x09) { k += 1 }
      let value = try unquote(line[k...], line: lineNumber, name: name)
      switch keyword {
      case "msgctxt":
        if current.id != nil { finish() }
        current.context = value
        current.line = lineNumber
        field = .context
      case "msgid":
        if current.id != nil { finish() }
        if current.line == 0 { current.line = lineNumber }
        current.id = value
        field = .id
      case "msgid_plural":
        field = nil
      case "msgstr", "msgstr[0]":
        current.translation = value
        field = .translation
      default:
        if keyword.hasPrefix("msgstr[") {
          field = nil
          continue
        }
        throw MergeError(
          file: name,
          reason:
            "line \(lineNumber): unknown keyword '\(keyword)'; this does not look like a PO file")
      }
      if end >= bytes.count { break }
    }
    finish()
    var header: [String: String] = [:]
    var entries: [TranslatedEntry] = []
    func string(_ b: [UInt8]?) -> String? { b.map { String(decoding: $0, as: UTF8.self) } }
    for message in messages {
      if message.context == nil, message.id == [] {
        for field in (string(message.translation) ?? "").unicodeScalars.split(separator: "\n") {
          guard let colon = field.firstIndex(of: ":") else { continue }
          let key = String(String.UnicodeScalarView(field[..<colon]))
          let value = String(String.UnicodeScalarView(field[field.index(after: colon)...]))
          header[key] = value.trimmingCharacters(in: " ")
        }
        continue
      }
      entries.append(
        TranslatedEntry(
          id: string(message.context), source: string(message.id),
          target: message.fuzzy ? nil : string(message.translation),
          line: message.line))
    }
    return TranslatedFile(
      format: POWriter.format, sourceLanguage: header["X-Precis-Source-Language"],
      targetLanguage: header["Language"],
      skeletonReference: header["X-Precis-Skeleton"], entries: entries)
  }

  /// The content of a quoted PO string, escapes decoded, as UTF-8 bytes.
  static func unquote(_ s: ArraySlice<UInt8>, line: Int, name: String) throws(MergeError) -> [UInt8]
  {
    var body = s
    while let last = body.last, last == 0x20 || last == 0x09 { body = body.dropLast() }
    guard body.count >= 2, body.first == UInt8(ascii: "\""), body.last == UInt8(ascii: "\"") else {
      throw MergeError(file: name, reason: "line \(line): expected a string in double quotes")
    }
    body = body.dropFirst().dropLast()
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    func isOctal(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x37 }
    func hexValue(_ c: UInt8) -> UInt32? {
      switch c {
      case 0x30...0x39: UInt32(c - 0x30)
      case 0x41...0x46: UInt32(c - 0x41 + 10)
      case 0x61...0x66: UInt32(c - 0x61 + 10)
      default: nil
      }
    }
    func append(_ v: UInt32) {
      if let scalar = Unicode.Scalar(v) {
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      }
    }
    while i < body.endIndex {
      let c = body[i]
      i += 1
      if c == UInt8(ascii: "\"") {
        throw MergeError(
          file: name, reason: "line \(line): an unescaped '\"' inside a string; write it as \\\"")
      }
      guard c == UInt8(ascii: "\\") else {
        out.append(c)
        continue
      }
      guard i < body.endIndex else {
        throw MergeError(file: name, reason: "line \(line): a string ends with a lone backslash")
      }
      let e = body[i]
      i += 1
      switch e {
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "a"): out.append(0x07)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "v"): out.append(0x0B)
      case _ where isOctal(e):
        var v = UInt32(e - 0x30)
        var n = 1
        while n < 3, i < body.endIndex, isOctal(body[i]) {
          v = v * 8 + UInt32(body[i] - 0x30)
          i += 1
          n += 1
        }
        append(v)
      case UInt8(ascii: "x"):
        var v: UInt32 = 0
        var n = 0
        while n < 2, i < body.endIndex, let h = hexValue(body[i]) {
          v = v * 16 + h
          i += 1
          n += 1
        }
        append(v)
      default: out.append(e)
      }
    }
    return out
  }
}

extension String {
  func trimmingCharacters(in character: Unicode.Scalar) -> String {
    var scalars = Substring(self).unicodeScalars
    while scalars.first == character { scalars.removeFirst() }
    while scalars.last == character { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
