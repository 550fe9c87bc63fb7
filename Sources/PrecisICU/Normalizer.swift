internal import CICU

/// A Unicode normalisation form Precis can apply.
public enum NormalizationForm: String, Sendable, Hashable, CaseIterable {
  /// Canonical composition: the default; changes how text is encoded, never what it says.
  case nfc
  /// Compatibility composition: also folds "²" to "2" and "ﬁ" to "fi"; use on purpose.
  case nfkc
  /// NFKC with case folding and default-ignorable characters removed, for matching.
  case nfkcCasefold = "nfkc-casefold"
}

/// A point where normalised text and the text it came from line up again.
///
/// Between two anchors, offsets advance together from the first anchor, never past the
/// second anchor's original offset.
public struct OffsetAnchor: Sendable, Hashable {
  /// A UTF-8 offset in the normalised text.
  public var normalized: Int
  /// The UTF-8 offset in the text before normalisation.
  public var original: Int

  public init(normalized: Int, original: Int) {
    self.normalized = normalized
    self.original = original
  }
}

/// Normalised UTF-8 bytes and the anchors that map them back to the input.
public struct NormalizedUTF8: Sendable {
  /// The normalised text, as UTF-8.
  public var bytes: [UInt8]
  /// Anchors from normalised to input offsets; the first is always (0, 0).
  public var anchors: [OffsetAnchor]
  /// Whether any byte changed.
  public var changed: Bool
}

/// ICU's normaliser for one form, shareable between threads.
///
/// - Complexity: O(*n*); text that ICU's quick check accepts is copied without conversion.
public struct Normalizer: @unchecked Sendable {
  // @unchecked: the UNormalizer2 instances ICU hands out are immutable singletons that
  // ICU documents as safe to use from any thread.
  private let handle: OpaquePointer
  /// The form this normaliser produces.
  public let form: NormalizationForm

  /// Gets ICU's normaliser for `form`.
  public init(form: NormalizationForm) throws(ICUError) {
    var status = U_ZERO_ERROR
    let instance = icuNormalizerInstance(form, &status)
    try icuCheck(status, "load the \(form.rawValue) normaliser")
    guard let instance else { throw icuError(U_MISSING_RESOURCE_ERROR, "load normaliser") }
    self.handle = instance
    self.form = form
  }

  /// Normalises `string`.
  public func normalize(_ string: String) throws(ICUError) -> String {
    var copy = string
    let outcome = copy.withUTF8 { bytes in
      Result { () throws(ICUError) in try normalize(utf8: bytes) }
    }
    let result = try outcome.get()
    return result.changed ? String(decoding: result.bytes, as: UTF8.self) : string
  }

  /// Whether valid UTF-8 text is already in this form (ICU's quick check, line by line).
  ///
  /// Cheaper than ``normalize(utf8:)``: nothing is copied when the answer is yes. Most lines
  /// are answered from a table of ICU's quick-check answers per character, which also settles
  /// a "maybe" character right after a starter (क and the nukta stay apart in NFC, न and the
  /// nukta compose). The quick check says no to text it cannot decide alone (a "maybe" after
  /// another mark); `exactly` then asks ICU's full check for those pieces. For NFC and NFKC
  /// the table reads the whole text in one pass, and only the lines it cannot accept go to
  /// ICU.
  public func isNormalized(
    utf8 input: UnsafeBufferPointer<UInt8>, exactly: Bool = false
  ) throws(ICUError) -> Bool {
    // NFKC_Casefold folds ASCII capitals: its lines are checked one by one.
    if form == .nfkcCasefold { return try isNormalizedLineByLine(utf8: input, exactly: exactly) }
    // Made only for a line the table cannot answer (most documents have none).
    var icuBuffer: UTF16Buffer? = nil
    let table = QuickCheckTable.of(form)
    // The table reads the whole text in one pass; a line it cannot accept goes to ICU, and
    // the pass goes on after that line.
    var start = 0
    while let rejected = Self.firstRejected(input, from: start, table: table) {
      var lineStart = rejected
      while lineStart > start && input[lineStart - 1] != 0x0A { lineStart -= 1 }
      var lineEnd = rejected
      while lineEnd < input.count && input[lineEnd] != 0x0A { lineEnd += 1 }
      if try !isNormalizedByICU(
        input, line: lineStart..<lineEnd, exactly: exactly, buffer: &icuBuffer)
      {
        return false
      }
      start = lineEnd + 1
    }
    return true
  }

  /// ``isNormalized(utf8:exactly:)`` line by line: an ASCII line (without capitals, for
  /// NFKC_Casefold) needs nothing, other lines are read with the table, and a line the table
  /// cannot accept goes to ICU. (For NFC and NFKC, the one pass of ``firstRejected(_:from:table:)``
  /// gives the same answers.)
  func isNormalizedLineByLine(
    utf8 input: UnsafeBufferPointer<UInt8>, exactly: Bool
  ) throws(ICUError) -> Bool {
    var icuBuffer: UTF16Buffer? = nil
    let table = QuickCheckTable.of(form)
    var lineStart = 0
    while lineStart < input.count {
      var lineEnd = lineStart
      var ascii = true
      var upper = false
      // Every scalar below U+0300 is NFC as it stands (NFC_QC=Yes): lead bytes up to 0xCB.
      var belowCombiningMarks = true
      if let base = input.baseAddress {
        // Eight bytes at a time up to the word that holds the line feed.
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while lineEnd + 8 <= input.count {
          let w = raw.loadUnaligned(fromByteOffset: lineEnd, as: UInt64.self)
          let lf = w ^ (0x0A &* ones)
          if (lf &- ones) & ~lf & highs != 0 { break }
          if w & highs != 0 {
            ascii = false
            // A byte of 0xCC or more: its top bit, and its low seven bits plus 0x34 carry.
            if ((w & ~highs) &+ 0x34 &* ones) & w & highs != 0 { belowCombiningMarks = false }
          } else {
            // "A"…"Z": at least 0x41 (adding 0x3F carries), below 0x5B (adding 0x25 does not).
            if (w &+ 0x3F &* ones) & ~(w &+ 0x25 &* ones) & highs != 0 { upper = true }
          }
          lineEnd += 8
        }
      }
      while lineEnd < input.count && input[lineEnd] != 0x0A {
        let b = input[lineEnd]
        if b >= 0x80 {
          ascii = false
          if b > 0xCB { belowCombiningMarks = false }
        } else if b >= 0x41 && b <= 0x5A {
          upper = true
        }
        lineEnd += 1
      }
      if ascii {
        if form == .nfkcCasefold && upper { return false }
      } else if form == .nfc && belowCombiningMarks {
        // Latin with diacritics as precomposed letters: nothing to check.
      } else if Self.quickCheckYes(
        UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd]), table: table,
        asciiIsYes: form != .nfkcCasefold)
      {
        // Every character is one the quick check accepts, in order: nothing for ICU to do.
      } else if try !isNormalizedByICU(
        input, line: lineStart..<lineEnd, exactly: exactly, buffer: &icuBuffer)
      {
        return false
      }
      lineStart = lineEnd + 1
    }
    return true
  }

  /// ICU's answer for one line of `input`: its quick check, and when that cannot decide and
  /// `exactly` is set, its full check. `buffer` is made on first use and kept for the next.
  private func isNormalizedByICU(
    _ input: UnsafeBufferPointer<UInt8>, line range: Range<Int>, exactly: Bool,
    buffer icuBuffer: inout UTF16Buffer?
  ) throws(ICUError) -> Bool {
    // A long line is checked in pieces, each ending before an ASCII character (which
    // never combines with what comes before it), so the UTF-16 copy stays small.
    let line = UnsafeBufferPointer(rebasing: input[range])
    var start = range.lowerBound
    while start < range.upperBound {
      let cut = range.lowerBound + Self.pieceEnd(line, from: start - range.lowerBound)
      let buffer = icuBuffer ?? UTF16Buffer()
      icuBuffer = buffer
      try buffer.fill(utf8: UnsafeBufferPointer(rebasing: input[start..<cut]))
      var status = U_ZERO_ERROR
      let span = buffer.units.withUnsafeBufferPointer { units in
        cicu_unorm2_spanQuickCheckYes(handle, units.baseAddress, Int32(buffer.count), &status)
      }
      try icuCheck(status, "check normalisation")
      if Int(span) < buffer.count {
        guard exactly else { return false }
        let normalized = buffer.units.withUnsafeBufferPointer { units in
          cicu_unorm2_isNormalized(handle, units.baseAddress, Int32(buffer.count), &status)
        }
        try icuCheck(status, "check normalisation")
        if normalized == 0 { return false }
      }
      start = cut
    }
    return true
  }

  /// Where in `text` (valid UTF-8, NFC or NFKC) from `start` (a line start) the table first
  /// meets a character it cannot accept; nil when it accepts everything to the end.
  ///
  /// The table accepts what ``quickCheckYes(_:table:asciiIsYes:)`` accepts line by line, in
  /// one pass and mostly without decoding: ASCII is skipped eight bytes at a time, and a
  /// character of a block of 64 that holds only starters the quick check says yes to is
  /// skipped from its first two bytes. Only the other characters are decoded and looked up.
  /// (The widths come from branches on the lead byte, which in text of one script go the same
  /// way each time: a table of steps, looked up from each character's first two bytes, took
  /// fewer instructions but made each step wait for the look-up, and was slower.)
  static func firstRejected(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, table: QuickCheckTable
  ) -> Int? {
    guard let p = text.baseAddress else { return nil }
    let n = text.count
    return table.classes.withUnsafeBufferPointer { classes -> Int? in
      table.maybes.withUnsafeBufferPointer { maybes -> Int? in
        table.plainBlocks.withUnsafeBufferPointer { plainBlocks -> Int? in
          let raw = UnsafeRawPointer(p)
          var i = start
          // The end of the last character that is not a starter, and its combining class: the
          // class before a character is 0 unless one of those ends right where it starts.
          var markEnd = -1
          var markClass: UInt8 = 0
          while i < n {
            if p[i] < 0x80 {
              if i + 8 <= n {
                let high = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080
                // Up to the first byte that is not ASCII (all eight when none is).
                i += high == 0 ? 8 : UInt64(littleEndian: high).trailingZeroBitCount >> 3
              } else {
                i += 1
              }
              continue
            }
            let b0 = p[i]
            let width: Int
            let block: Int
            if b0 < 0xE0 {
              guard i + 1 < n else { return i }
              width = 2
              block = Int(b0 & 0x1F)
            } else if b0 < 0xF0 {
              guard i + 2 < n else { return i }
              width = 3
              block = Int(b0 & 0x0F) << 6 | Int(p[i + 1] & 0x3F)
            } else {
              return i  // beyond the Basic Multilingual Plane: ICU decides
            }
            if plainBlocks[block] != 0 {
              i += width
              continue
            }
            let scalar =
              width == 2
              ? block << 6 | Int(p[i + 1] & 0x3F)
              : block << 6 | Int(p[i + 2] & 0x3F)
            let previous = markEnd == i ? markClass : 0
            let combining = classes[scalar]
            if combining == 0 {
              i += width
              continue
            }
            if combining == QuickCheckTable.notYes {
              // A "maybe" is in the form unless it composes with the character before, which
              // must be a starter (see quickCheckYes).
              let maybe = maybes[scalar]
              guard maybe != QuickCheckTable.notYes, previous == 0 else { return i }
              if i > start && table.composes(Self.scalar(endingAt: i, in: p), scalar) { return i }
              markClass = maybe
            } else {
              if combining < previous { return i }
              markClass = combining
            }
            i += width
            markEnd = i
          }
          return nil
        }
      }
    }
  }

  /// The scalar of valid UTF-8 that ends just before `end` (which is above 0).
  @inline(__always)
  private static func scalar(endingAt end: Int, in p: UnsafePointer<UInt8>) -> Int {
    var i = end - 1
    var value = 0
    var shift = 0
    // Continuation bytes, last first, then the lead byte (at most three before it).
    while p[i] & 0xC0 == 0x80 && end - i < 4 && i > 0 {
      value |= Int(p[i] & 0x3F) << shift
      shift += 6
      i -= 1
    }
    let lead = Int(p[i])
    let payload = lead < 0x80 ? lead : lead < 0xE0 ? lead & 0x1F : lead < 0xF0 ? lead & 0x0F : lead & 0x07
    return payload << shift | value
  }

  /// Whether ICU's quick check says yes to `line` (valid UTF-8), found with `table` alone:
  /// every character's answer is yes, and combining marks come in canonical order (their
  /// classes never fall between two starters), as the quick check itself asks. False when
  /// a character is not yes, or is beyond the Basic Multilingual Plane; ICU then decides.
  static func quickCheckYes(
    _ line: UnsafeBufferPointer<UInt8>, table: QuickCheckTable, asciiIsYes: Bool
  ) -> Bool {
    guard let p = line.baseAddress else { return true }
    let n = line.count
    return table.classes.withUnsafeBufferPointer { classes in
      table.maybes.withUnsafeBufferPointer { maybes in
        table.startersOnly.withUnsafeBufferPointer { startersOnly in
          var i = 0
          // The combining class of the character before, and the character (-1 at the start).
          var previous: UInt8 = 0
          var previousScalar = -1
          // Whether the scalar is accepted, in order after the one before.
          @inline(__always) func accepts(_ scalar: Int) -> Bool {
            // Most scripts' blocks of 64 are all starters the check accepts: a bit each, so
            // that the 64 KB table is read only for the blocks with marks.
            if startersOnly[scalar >> 12] >> UInt64(scalar >> 6 & 63) & 1 == 1 {
              previous = 0
              previousScalar = scalar
              return true
            }
            let combining = classes[scalar]
            if combining == QuickCheckTable.notYes {
              // A character the quick check says "maybe" to (Tamil's ா, Devanagari's nukta, a
              // Hangul vowel) is in the form unless it composes with the character before; that
              // one must be a starter, so that nothing stands between them.
              let maybe = maybes[scalar]
              guard maybe != QuickCheckTable.notYes, previous == 0 else { return false }
              if previousScalar >= 0 && table.composes(previousScalar, scalar) { return false }
              previous = maybe
              previousScalar = scalar
              return true
            }
            if combining != 0 && combining < previous { return false }
            previous = combining
            previousScalar = scalar
            return true
          }
          while i < n {
            let b0 = p[i]
            let scalar: Int
            if b0 < 0x80 {
              // Runs of ASCII eight bytes at a time: all starters the check accepts, but for
              // the capitals NFKC_Casefold folds.
              if asciiIsYes && i + 8 <= n {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                  previous = 0
                  previousScalar = Int(p[i + 7])
                  i += 8
                  continue
                }
              }
              scalar = Int(b0)
              i += 1
            } else if b0 < 0xE0 {
              guard i + 1 < n else { return false }
              scalar = Int(b0 & 0x1F) << 6 | Int(p[i + 1] & 0x3F)
              i += 2
            } else if b0 < 0xF0 {
              guard i + 2 < n else { return false }
              scalar = Int(b0 & 0x0F) << 12 | Int(p[i + 1] & 0x3F) << 6 | Int(p[i + 2] & 0x3F)
              i += 3
            } else {
              return false
            }
            if !accepts(scalar) { return false }
          }
          return true
        }
      }
    }
  }

  /// The most UTF-8 bytes of a line that ``isNormalized(utf8:)`` and ``normalize(utf8:)``
  /// convert at once (unless no ASCII character comes sooner).
  static let pieceBytes = 1 << 16

  /// Where the piece of `line` that starts at `start` ends: before the last ASCII byte within
  /// ``pieceBytes``, else before the first one after, else at the end.
  static func pieceEnd(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let cut = min(start + pieceBytes, line.count)
    if cut == line.count { return cut }
    var p = cut
    while p > start && line[p] >= 0x80 { p -= 1 }
    if p > start { return p }
    p = cut
    while p < line.count && line[p] >= 0x80 { p += 1 }
    return p
  }

  /// Normalises valid UTF-8 line by line, keeping anchors back to the input offsets.
  public func normalize(utf8 input: UnsafeBufferPointer<UInt8>) throws(ICUError) -> NormalizedUTF8 {
    var out: [UInt8] = []
    out.reserveCapacity(input.count + input.count / 16)
    var anchors = [OffsetAnchor(normalized: 0, original: 0)]
    var changed = false
    let buffer = UTF16Buffer()
    var dest16: [UInt16] = []
    var dest8: [UInt8] = []

    func anchor(_ normalized: Int, _ original: Int) {
      let last = anchors[anchors.count - 1]
      if last.original + (normalized - last.normalized) != original {
        anchors.append(OffsetAnchor(normalized: normalized, original: original))
      }
    }

    var lineStart = 0
    while lineStart < input.count {
      var lineEnd = lineStart
      var ascii = true
      while lineEnd < input.count && input[lineEnd] != 0x0A {
        if input[lineEnd] >= 0x80 { ascii = false }
        lineEnd += 1
      }
      let line = UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd])
      if ascii {
        if form == .nfkcCasefold {
          for b in line {
            let lowered = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            if lowered != b { changed = true }
            out.append(lowered)
          }
        } else {
          out.append(contentsOf: line)
        }
      } else {
        // A long line is normalised in pieces, each ending before an ASCII character (which
        // starts a normalisation boundary), so the UTF-16 copy stays small.
        var start = 0
        while start < line.count {
          let cut = Self.pieceEnd(line, from: start)
          changed =
            try normalizeLine(
              UnsafeBufferPointer(rebasing: line[start..<cut]), lineStart: lineStart + start,
              into: &out, buffer: buffer, dest16: &dest16, dest8: &dest8, anchor: anchor)
            || changed
          start = cut
        }
      }
      if lineEnd < input.count { out.append(0x0A) }
      lineStart = lineEnd + 1
    }
    return NormalizedUTF8(bytes: out, anchors: anchors, changed: changed || out.count != input.count)
  }

  private func normalizeLine(
    _ line: UnsafeBufferPointer<UInt8>, lineStart: Int, into out: inout [UInt8],
    buffer: UTF16Buffer, dest16: inout [UInt16], dest8: inout [UInt8],
    anchor: (Int, Int) -> Void
  ) throws(ICUError) -> Bool {
    try buffer.fill(utf8: line)
    let count = buffer.count
    var changed = false
    var status = U_ZERO_ERROR
    try buffer.units.withUnsafeBufferPointer { units throws(ICUError) in
      guard let base = units.baseAddress else { return }
      var pos16 = 0
      var pos8 = 0
      while pos16 < count {
        // Copy the part ICU already accepts as normalised.
        let span = Int(
          cicu_unorm2_spanQuickCheckYes(handle, base + pos16, Int32(count - pos16), &status))
        try icuCheck(status, "check normalisation")
        var end8 = pos8
        var i16 = pos16
        while i16 < pos16 + span {
          let lead = line[end8]
          end8 += UTF8Walk.utf8Width(lead: lead)
          i16 += UTF8Walk.utf16Width(lead: lead)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: line[pos8..<end8]))
        pos16 += span
        pos8 = end8
        if pos16 >= count { break }
        // Take one chunk up to the next normalisation boundary and normalise it alone.
        var chunkEnd16 = pos16
        var chunkEnd8 = pos8
        repeat {
          let lead = line[chunkEnd8]
          chunkEnd8 += UTF8Walk.utf8Width(lead: lead)
          chunkEnd16 += UTF8Walk.utf16Width(lead: lead)
        } while chunkEnd16 < count
          && !boundaryBefore(units: units, at: chunkEnd16, count: count)
        let chunkLength = chunkEnd16 - pos16
        let capacity = chunkLength * 18 + 16  // NFKC expands one character to at most 18
        if dest16.count < capacity { dest16 = [UInt16](repeating: 0, count: capacity) }
        let written = dest16.withUnsafeMutableBufferPointer { d in
          Int(
            cicu_unorm2_normalize(
              handle, base + pos16, Int32(chunkLength), d.baseAddress, Int32(d.count), &status))
        }
        try icuCheck(status, "normalise text")
        if dest8.count < written * 3 + 4 { dest8 = [UInt8](repeating: 0, count: written * 3 + 4) }
        var length8: Int32 = 0
        dest16.withUnsafeBufferPointer { s in
          dest8.withUnsafeMutableBufferPointer { d in
            d.withMemoryRebound(to: CChar.self) { dc in
              _ = cicu_u_strToUTF8(
                dc.baseAddress, Int32(dc.count), &length8, s.baseAddress, Int32(written), &status)
            }
          }
        }
        try icuCheck(status, "convert normalised text to UTF-8")
        let original = UnsafeBufferPointer(rebasing: line[pos8..<chunkEnd8])
        let replacement = dest8[0..<Int(length8)]
        if !original.elementsEqual(replacement) {
          changed = true
          anchor(out.count, lineStart + pos8)
          out.append(contentsOf: replacement)
          anchor(out.count, lineStart + chunkEnd8)
        } else {
          out.append(contentsOf: original)
        }
        pos16 = chunkEnd16
        pos8 = chunkEnd8
      }
    }
    return changed
  }

  private func boundaryBefore(units: UnsafeBufferPointer<UInt16>, at i: Int, count: Int) -> Bool {
    var scalar = Int32(units[i])
    if units[i] & 0xFC00 == 0xD800 && i + 1 < count && units[i + 1] & 0xFC00 == 0xDC00 {
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (Int32(units[i + 1]) - 0xDC00)
    }
    return cicu_unorm2_hasBoundaryBefore(handle, scalar) != 0
  }
}

/// ICU's normaliser for `form` (an immutable singleton), or nil with `status` set.
func icuNormalizerInstance(_ form: NormalizationForm, _ status: inout UErrorCode) -> OpaquePointer? {
  switch form {
  case .nfc: cicu_unorm2_getNFCInstance(&status)
  case .nfkc: cicu_unorm2_getNFKCInstance(&status)
  case .nfkcCasefold: cicu_unorm2_getNFKCCasefoldInstance(&status)
  }
}

/// For every scalar of the Basic Multilingual Plane, what ICU's quick check for one form says
/// of it alone: its canonical combining class when the answer is yes, ``notYes`` otherwise.
///
/// Made from ICU's own answers the first time a form needs it (64 KB, a few milliseconds),
/// so that text in most scripts is checked without a UTF-16 copy.
final class QuickCheckTable: @unchecked Sendable {
  // @unchecked: the normaliser ICU hands out is an immutable singleton, safe from any thread.
  /// The entry of a scalar the quick check does not say yes to (no combining class is 255).
  static let notYes: UInt8 = 0xFF
  let classes: [UInt8]
  /// For the scalars the quick check says "maybe" to, their combining class; ``notYes`` for
  /// the others.
  let maybes: [UInt8]
  private let handle: OpaquePointer?
  /// A bit for each block of 64 scalars (block `k` is bit `k % 64` of word `k / 64`): set when
  /// every scalar of the block is a starter (class 0) the quick check says yes to.
  let startersOnly: [UInt64]
  /// For each block of 64 scalars, 1 when every scalar of it is a starter the quick check
  /// says yes to, else 0 (``startersOnly`` as bytes).
  let plainBlocks: [UInt8]

  private init(_ form: NormalizationForm) {
    var status = U_ZERO_ERROR
    let handle = icuNormalizerInstance(form, &status)
    var classes = [UInt8](repeating: Self.notYes, count: 0x10000)
    var maybes = [UInt8](repeating: Self.notYes, count: 0x10000)
    // A form whose normaliser is missing answers nothing here; ICU's own check reports it.
    if let handle, status.rawValue <= U_ZERO_ERROR.rawValue {
      var unit: UInt16 = 0
      for scalar in 0..<0x10000 where !(0xD800..<0xE000).contains(scalar) {
        unit = UInt16(scalar)
        var status = U_ZERO_ERROR
        let span = cicu_unorm2_spanQuickCheckYes(handle, &unit, 1, &status)
        if status.rawValue <= U_ZERO_ERROR.rawValue && span == 1 {
          classes[scalar] = cicu_unorm2_getCombiningClass(handle, Int32(scalar))
        } else if status.rawValue <= U_ZERO_ERROR.rawValue
          && cicu_unorm2_quickCheck(handle, &unit, 1, &status) == Int32(UNORM_MAYBE.rawValue)
          && status.rawValue <= U_ZERO_ERROR.rawValue
        {
          maybes[scalar] = cicu_unorm2_getCombiningClass(handle, Int32(scalar))
        }
      }
    }
    self.handle = status.rawValue <= U_ZERO_ERROR.rawValue ? handle : nil
    self.classes = classes
    self.maybes = maybes
    var startersOnly = [UInt64](repeating: 0, count: 16)
    for block in 0..<1024 where classes[(block << 6)..<((block + 1) << 6)].allSatisfy({ $0 == 0 }) {
      startersOnly[block >> 6] |= 1 << UInt64(block & 63)
    }
    self.startersOnly = startersOnly
    self.plainBlocks = (0..<1024).map { UInt8(startersOnly[$0 >> 6] >> UInt64($0 & 63) & 1) }
  }

  /// Whether `first` and `second` compose into one character in this form (ICU's answer).
  func composes(_ first: Int, _ second: Int) -> Bool {
    guard let handle else { return true }
    return cicu_unorm2_composePair(handle, Int32(first), Int32(second)) >= 0
  }

  private static let nfc = QuickCheckTable(.nfc)
  private static let nfkc = QuickCheckTable(.nfkc)
  private static let nfkcCasefold = QuickCheckTable(.nfkcCasefold)

  /// The table of `form`, made on first use.
  static func of(_ form: NormalizationForm) -> QuickCheckTable {
    switch form {
    case .nfc: nfc
    case .nfkc: nfkc
    case .nfkcCasefold: nfkcCasefold
    }
  }
}
