/// Finds placeholders, URLs, e-mail addresses and code in a segment's text.
///
/// | found | as |
/// |---|---|
/// | `{name}`, `{0}`, `{user.id}` (letters, digits, `_ . : -`, up to 64 bytes) | placeholder (variable) |
/// | `{{ var }}` (no braces or line breaks inside, up to 64 bytes) | placeholder (variable) |
/// | `${x}` | placeholder (variable) |
/// | `%s`, `%d`, `%1$d`, `%-5.2f`, `%@`, `%lld` — not followed by a letter or digit | placeholder (printf) |
/// | `<br/>`, `<br>`, `<b>`, `</b>`, `<a href="…">` (no line break, up to 200 bytes) | placeholder (markup) |
/// | `http://`, `https://`, `ftp://`, `www.` at a word start, up to a space, a non-ASCII character, `<>"` or an unbalanced `)`, less trailing punctuation | protected (url) |
/// | `local@domain.tld` (ASCII) | protected (email) |
/// | `` `text` `` on one line | protected (code) |
///
/// The rules look only at ASCII bytes, so text in every script passes through untouched.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
public enum InlineCodeScanner {
  /// Splits `text` into pieces; joining their texts gives `text` back.
  public static func pieces(of text: String) -> [InlinePiece] {
    var copy = text
    return copy.withUTF8 { pieces(utf8: $0, whole: text) }
  }

  /// The pieces of `b`; `whole`, when given, is `b` as a string, used as it is when `b` is
  /// all text (most segments), instead of a copy.
  static func pieces(utf8 b: UnsafeBufferPointer<UInt8>, whole: String? = nil) -> [InlinePiece] {
    var result: [InlinePiece] = []
    var textStart = 0
    var i = 0
    let n = b.count
    func string(_ r: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }
    func emit(_ range: Range<Int>, _ make: (String) -> InlinePiece) {
      if textStart < range.lowerBound { result.append(.text(string(textStart..<range.lowerBound))) }
      result.append(make(string(range)))
      textStart = range.upperBound
    }
    while i < n {
      let c = b[i]
      var found: (Range<Int>, (String) -> InlinePiece)? = nil
      switch c {
      case UInt8(ascii: "{"):
        if let end = doubleBrace(b, i) ?? singleBrace(b, i) {
          found = (i..<end, { .placeholder($0, .variable) })
        }
      case UInt8(ascii: "$"):
        if i + 1 < n, b[i + 1] == UInt8(ascii: "{"), let end = closing(b, from: i + 2, limit: 64) {
          found = (i..<end, { .placeholder($0, .variable) })
        }
      case UInt8(ascii: "%"):
        if let end = printf(b, i) { found = (i..<end, { .placeholder($0, .printf) }) }
      case UInt8(ascii: "<"):
        if let end = tag(b, i) { found = (i..<end, { .placeholder($0, .markup) }) }
      case UInt8(ascii: "`"):
        if let end = backtick(b, i) { found = (i..<end, { .protected($0, .code) }) }
      case UInt8(ascii: "h"), UInt8(ascii: "f"), UInt8(ascii: "w"):
        if let end = url(b, i) { found = (i..<end, { .protected($0, .url) }) }
      case UInt8(ascii: "@"):
        if let range = email(b, at: i, notBefore: textStart) {
          found = (range, { .protected($0, .email) })
        }
      default: break
      }
      if let (range, make) = found {
        emit(range, make)
        i = range.upperBound
      } else {
        i += 1
      }
    }
    if textStart < n {
      if textStart == 0, let whole {
        result.append(.text(whole))
      } else {
        result.append(.text(string(textStart..<n)))
      }
    }
    return result
  }

  @inline(__always) static func isAlnum(_ c: UInt8) -> Bool {
    (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A)
  }

  @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
    c | 0x20 >= 0x61 && c | 0x20 <= 0x7A
  }

  /// `{{ … }}`: the end offset.
  static func doubleBrace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    guard i + 1 < b.count, b[i + 1] == UInt8(ascii: "{") else { return nil }
    var j = i + 2
    var sawContent = false
    while j + 1 < b.count, j - i <= 64 {
      let c = b[j]
      if c == UInt8(ascii: "}") { return b[j + 1] == UInt8(ascii: "}") && sawContent ? j + 2 : nil }
      if c == UInt8(ascii: "{") || c == 0x0A { return nil }
      if c != 0x20 { sawContent = true }
      j += 1
    }
    return nil
  }

  /// `{name}`: the end offset.
  static func singleBrace(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    var j = i + 1
    while j < b.count, j - i <= 64 {
      let c = b[j]
      if c == UInt8(ascii: "}") { return j > i + 1 ? j + 1 : nil }
      guard
        isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
          || c == UInt8(ascii: "-")
      else { return nil }
      j += 1
    }
    return nil
  }

  /// The offset after the `}` closing a `${`, with no braces or line breaks between.
  static func closing(_ b: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
    var j = start
    while j < b.count, j - start <= limit {
      let c = b[j]
      if c == UInt8(ascii: "}") { return j > start ? j + 1 : nil }
      if c == UInt8(ascii: "{") || c == 0x0A || c == 0x20 { return nil }
      j += 1
    }
    return nil
  }

  /// `%[n$][flags][width][.precision][length]conversion`: the end offset.
  static func printf(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    let n = b.count
    var j = i + 1
    func digits() { while j < n, b[j] >= 0x30, b[j] <= 0x39 { j += 1 } }
    // Positional argument: digits then `$`.
    let positional = j
    digits()
    if j > positional {
      if j < n, b[j] == UInt8(ascii: "$") { j += 1 } else { j = positional }
    }
    while j < n,
      [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0"), UInt8(ascii: "#")].contains(b[j])
    { j += 1 }
    if j < n, b[j] == UInt8(ascii: "*") { j += 1 } else { digits() }
    if j < n, b[j] == UInt8(ascii: ".") {
      j += 1
      if j < n, b[j] == UInt8(ascii: "*") { j += 1 } else { digits() }
    }
    for length in ["hh", "ll", "h", "l", "L", "z", "j", "t", "q"] {
      let bytes = Array(length.utf8)
      if j + bytes.count <= n, Array(b[j..<(j + bytes.count)]) == bytes {
        j += bytes.count
        break
      }
    }
    guard j < n, "diouxXeEfFgGaAcspn@".utf8.contains(b[j]) else { return nil }
    j += 1
    if j < n, isAlnum(b[j]) { return nil }
    return j
  }

  /// `<name …>`, `</name>`, `<name/>`: the end offset.
  static func tag(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    let n = b.count
    var j = i + 1
    if j < n, b[j] == UInt8(ascii: "/") { j += 1 }
    guard j < n, isLetter(b[j]) else { return nil }
    while j < n, isAlnum(b[j]) || b[j] == UInt8(ascii: "-") { j += 1 }
    guard j < n else { return nil }
    if b[j] == UInt8(ascii: ">") { return j + 1 }
    if b[j] == UInt8(ascii: "/") { return j + 1 < n && b[j + 1] == UInt8(ascii: ">") ? j + 2 : nil }
    guard b[j] == 0x20 else { return nil }
    var quote: UInt8? = nil
    while j < n, j - i <= 200 {
      let c = b[j]
      if c == 0x0A { return nil }
      if let q = quote {
        if c == q { quote = nil }
      } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
        quote = c
      } else if c == UInt8(ascii: "<") {
        return nil
      } else if c == UInt8(ascii: ">") {
        return j + 1
      }
      j += 1
    }
    return nil
  }

  /// `` `code` ``: the end offset.
  static func backtick(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    var j = i + 1
    while j < b.count, j - i <= 200 {
      if b[j] == 0x0A { return nil }
      if b[j] == UInt8(ascii: "`") { return j > i + 1 ? j + 1 : nil }
      j += 1
    }
    return nil
  }

  static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ prefix: String) -> Bool {
    var j = i
    for p in prefix.utf8 {
      guard j < b.count, b[j] | (isLetter(b[j]) ? 0x20 : 0) == p else { return false }
      j += 1
    }
    return true
  }

  /// A URL starting at `i`: the end offset.
  static func url(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    if i > 0, isAlnum(b[i - 1]) || b[i - 1] == UInt8(ascii: "@") || b[i - 1] == UInt8(ascii: ".") {
      return nil
    }
    let n = b.count
    var j: Int
    if hasPrefix(b, i, "https://") {
      j = i + 8
    } else if hasPrefix(b, i, "http://") {
      j = i + 7
    } else if hasPrefix(b, i, "ftp://") {
      j = i + 6
    } else if hasPrefix(b, i, "www.") {
      j = i + 4
    } else {
      return nil
    }
    let bodyStart = j
    var depth = 0
    while j < n {
      let c = b[j]
      if c <= 0x20 || c >= 0x7F { break }
      if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "\"")
        || c == UInt8(ascii: "`")
        || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
      {
        break
      }
      if c == UInt8(ascii: "(") { depth += 1 }
      if c == UInt8(ascii: ")") {
        if depth == 0 { break }
        depth -= 1
      }
      j += 1
    }
    // Sentence punctuation after a URL is not part of it.
    while j > bodyStart, ".,;:!?'".utf8.contains(b[j - 1]) { j -= 1 }
    guard j > bodyStart, isAlnum(b[bodyStart]) else { return nil }
    return j
  }

  /// An e-mail address around the `@` at `at`, starting no earlier than `notBefore`.
  static func email(_ b: UnsafeBufferPointer<UInt8>, at: Int, notBefore: Int) -> Range<Int>? {
    func local(_ c: UInt8) -> Bool {
      isAlnum(c) || "._%+-".utf8.contains(c)
    }
    var start = at
    while start > notBefore, local(b[start - 1]) { start -= 1 }
    while start < at, b[start] == UInt8(ascii: ".") { start += 1 }
    guard start < at else { return nil }
    var end = at + 1
    while end < b.count,
      isAlnum(b[end]) || b[end] == UInt8(ascii: "-") || b[end] == UInt8(ascii: ".")
    { end += 1 }
    while end > at + 1, b[end - 1] == UInt8(ascii: ".") || b[end - 1] == UInt8(ascii: "-") {
      end -= 1
    }
    var lastDot = end - 1
    while lastDot > at, b[lastDot] != UInt8(ascii: ".") { lastDot -= 1 }
    // A domain with a dot, not right after the `@`, and a top-level part of two letters or more.
    guard lastDot > at + 1, end - lastDot - 1 >= 2 else { return nil }
    for k in (lastDot + 1)..<end where !isLetter(b[k]) { return nil }
    return start..<end
  }
}
