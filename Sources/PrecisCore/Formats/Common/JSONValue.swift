/// A parsed JSON value, for reading skeleton files without Foundation.
enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  /// Members in file order.
  case object([(String, JSONValue)])

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case let (.bool(a), .bool(b)): a == b
    case let (.number(a), .number(b)): a == b
    case let (.string(a), .string(b)): a == b
    case let (.array(a), .array(b)): a == b
    case let (.object(a), .object(b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case let .bool(v): hasher.combine(v)
    case let .number(v): hasher.combine(v)
    case let .string(v): hasher.combine(v)
    case let .array(v): hasher.combine(v)
    case let .object(v):
      for (key, value) in v {
        hasher.combine(key)
        hasher.combine(value)
      }
    }
  }

  subscript(key: String) -> JSONValue? {
    if case let .object(members) = self { return members.first { $0.0 == key }?.1 }
    return nil
  }

  var string: String? { if case let .string(s) = self { s } else { nil } }
  var bool: Bool? { if case let .bool(b) = self { b } else { nil } }
  var array: [JSONValue]? { if case let .array(a) = self { a } else { nil } }
  var int: Int? {
    if case let .number(d) = self, d == d.rounded(), abs(d) < 1e15 { Int(d) } else { nil }
  }

  /// Parses JSON text (RFC 8259).
  static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var parser = JSONParser(bytes: Array(text.utf8))
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    guard parser.i == parser.bytes.count else { throw parser.fail("text after the JSON value") }
    return value
  }
}

/// JSON that could not be read: where and why.
struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
  var line: Int
  var message: String
  var description: String { "line \(line): \(message)" }
}

private struct JSONParser {
  let bytes: [UInt8]
  var i = 0
  var line = 1

  func fail(_ message: String) -> JSONParseError { JSONParseError(line: line, message: message) }

  mutating func skipSpace() {
    while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) {
      if bytes[i] == 0x0A { line += 1 }
      i += 1
    }
  }

  mutating func expect(_ literal: String) throws(JSONParseError) {
    for c in literal.utf8 {
      guard i < bytes.count, bytes[i] == c else { throw fail("expected '\(literal)'") }
      i += 1
    }
  }

  mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth < 64 else { throw fail("nested too deeply") }
    guard i < bytes.count else { throw fail("unexpected end") }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      i += 1
      var members: [(String, JSONValue)] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
      while true {
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
          throw fail("expected a member name in quotes")
        }
        let key = try string()
        skipSpace()
        try expect(":")
        skipSpace()
        members.append((key, try value(depth: depth + 1)))
        skipSpace()
        guard i < bytes.count else { throw fail("an object is not closed") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        throw fail("expected ',' or '}'")
      }
    case UInt8(ascii: "["):
      i += 1
      var items: [JSONValue] = []
      skipSpace()
      if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        guard i < bytes.count else { throw fail("an array is not closed") }
        if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
        if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        throw fail("expected ',' or ']'")
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      try expect("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expect("false")
      return .bool(false)
    case UInt8(ascii: "n"):
      try expect("null")
      return .null
    default:
      let start = i
      while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
      guard i > start, let number = Double(String(decoding: bytes[start..<i], as: UTF8.self)) else {
        throw fail("unexpected character")
      }
      return .number(number)
    }
  }

  mutating func hex4() throws(JSONParseError) -> UInt32 {
    guard i + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16)
    else {
      throw fail("bad \\u escape")
    }
    i += 4
    return v
  }

  mutating func string() throws(JSONParseError) -> String {
    i += 1
    var out: [UInt8] = []
    while true {
      guard i < bytes.count else { throw fail("a string is not closed") }
      let c = bytes[i]
      if c == UInt8(ascii: "\"") { i += 1; break }
      if c < 0x20 { throw fail("a control character in a string; write it as \\u escape") }
      if c != UInt8(ascii: "\\") {
        out.append(c)
        i += 1
        continue
      }
      i += 1
      guard i < bytes.count else { throw fail("a string is not closed") }
      let e = bytes[i]
      i += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var v = try hex4()
        if v >= 0xD800 && v < 0xDC00 {
          guard i + 2 <= bytes.count, bytes[i] == UInt8(ascii: "\\"),
            bytes[i + 1] == UInt8(ascii: "u")
          else {
            throw fail("a lone surrogate in a \\u escape")
          }
          i += 2
          let low = try hex4()
          guard low >= 0xDC00 && low < 0xE000 else {
            throw fail("a lone surrogate in a \\u escape")
          }
          v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(v) else { throw fail("a lone surrogate in a \\u escape") }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))'")
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
