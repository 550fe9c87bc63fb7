internal import CICU

/// A writing system, named by its ISO 15924 code as ICU gives it.
///
/// Such as `Latn`, `Cyrl`, `Hani`, `Hira`, `Kana`, `Hang` or `Thai`.
public struct Script: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The four-letter ISO 15924 code, such as `Latn`.
  public let code: String

  /// Wraps an ISO 15924 code such as `Cyrl`.
  public init(code: String) { self.code = code }

  public var description: String { code }

  public static func < (lhs: Script, rhs: Script) -> Bool { lhs.code < rhs.code }

  /// The Latin script.
  public static let latin = Script(code: "Latn")
}

/// How many letters of each script a text holds, most frequent first.
///
/// Characters of the Common and Inherited scripts (digits, punctuation, spaces, combining
/// marks) and unassigned code points are not counted; ASCII letters count as Latin.
public struct ScriptCounts: Sendable, Hashable {
  /// Each script found, with its number of characters, most frequent first (ties by code).
  public let counts: [(script: Script, characters: Int)]

  /// The number of characters counted, in all scripts.
  public var total: Int { counts.reduce(0) { $0 + $1.characters } }

  /// The most frequent script, or nil when the text has no letters.
  public var dominant: Script? { counts.first?.script }

  /// The number of characters of `script`.
  public func characters(in script: Script) -> Int {
    counts.first { $0.script == script }?.characters ?? 0
  }

  init(counts: [(script: Script, characters: Int)]) { self.counts = counts }

  public static func == (lhs: ScriptCounts, rhs: ScriptCounts) -> Bool {
    lhs.counts.elementsEqual(rhs.counts) {
      $0.script == $1.script && $0.characters == $1.characters
    }
  }

  public func hash(into hasher: inout Hasher) {
    for entry in counts {
      hasher.combine(entry.script)
      hasher.combine(entry.characters)
    }
  }
}

/// Counts the characters of each script in valid UTF-8, with ICU's script property.
///
/// - Complexity: O(*n*) in the length of `utf8`; one ICU lookup per non-ASCII character.
public func scriptCounts(utf8: UnsafeBufferPointer<UInt8>) -> ScriptCounts {
  // Indexed by ICU's script code; far more than ICU defines (about 200).
  var tally = [Int](repeating: 0, count: 256)
  var latinASCII = 0
  var i = 0
  let n = utf8.count
  while i < n {
    let lead = utf8[i]
    if lead < 0x80 {
      // ASCII letters are Latin; everything else in ASCII is Common.
      if (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A { latinASCII += 1 }
      i += 1
      continue
    }
    let width = UTF8Walk.utf8Width(lead: lead)
    guard i + width <= n else { break }
    var scalar: UInt32
    switch width {
    case 2: scalar = UInt32(lead & 0x1F)
    case 3: scalar = UInt32(lead & 0x0F)
    default: scalar = UInt32(lead & 0x07)
    }
    for k in 1..<width { scalar = scalar << 6 | UInt32(utf8[i + k] & 0x3F) }
    i += width
    let code = icuScriptCode(of: scalar)
    if code >= 0 && code < tally.count { tally[code] += 1 }
  }
  var counts: [(script: Script, characters: Int)] = []
  for (code, count) in tally.enumerated() where count > 0 {
    counts.append((icuScript(code: code), count))
  }
  if latinASCII > 0 {
    if let k = counts.firstIndex(where: { $0.script == .latin }) {
      counts[k].characters += latinASCII
    } else {
      counts.append((.latin, latinASCII))
    }
  }
  counts.sort {
    $0.characters != $1.characters ? $0.characters > $1.characters : $0.script < $1.script
  }
  return ScriptCounts(counts: counts)
}

/// Counts the characters of each script in `text`.
public func scriptCounts(of text: String) -> ScriptCounts {
  var text = text
  return text.withUTF8 { scriptCounts(utf8: $0) }
}

/// The script most of the letters of `text` are written in, or nil when it has none.
///
///     dominantScript(of: "Привет, мир")  // Cyrl
public func dominantScript(of text: String) -> Script? {
  scriptCounts(of: text).dominant
}

/// ICU's script code of a scalar, or -1 for Common, Inherited, Unknown and errors.
func icuScriptCode(of scalar: UInt32) -> Int {
  var status = U_ZERO_ERROR
  let script = cicu_uscript_getScript(UChar32(bitPattern: scalar), &status)
  if status.rawValue > U_ZERO_ERROR.rawValue { return -1 }
  if script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN {
    return -1
  }
  return Int(script.rawValue)
}

/// The `Script` of ICU's script code, by its ISO 15924 short name.
func icuScript(code: Int) -> Script {
  guard let name = cicu_uscript_getShortName(UScriptCode(rawValue: Int32(code))) else {
    return Script(code: "Zzzz")
  }
  return Script(code: String(cString: name))
}
