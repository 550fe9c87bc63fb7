import PrecisICU

/// Normalises a document's text: Unicode form, line endings, stray controls.
///
/// Requires: nothing. Adds: normalized. In a pipeline file:
///
///     - kind: normalize
///       form: nfc          # nfc (default), nfkc, nfkc-casefold
///
/// CRLF and CR become LF; U+2028 becomes a line break and U+2029 a paragraph break (a blank
/// line); NEL (U+0085) becomes LF. C0 and C1 controls other than TAB and LF, and stray
/// byte-order marks (U+FEFF), are removed and kept in `Document.removedCharacters`.
/// ZWJ, ZWNJ, variation selectors and bidi marks are kept (they carry meaning). Then ICU
/// normalises to the form. Normalising twice gives the same text as normalising once.
///
/// - Complexity: O(*n*) in the UTF-8 length of the text.
public struct TextNormalizer: Stage {
  /// Options of the `normalize` stage.
  public struct Options: StageOptions {
    /// The Unicode normalisation form; NFKC only on purpose (it folds "²" to "2").
    public var form: NormalizationForm = .nfc

    public static let knownKeys = ["form"]

    public init() {}
    public init(form: NormalizationForm) { self.form = form }

    enum CodingKeys: String, CodingKey { case form }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      form = try c.decodeChoice(NormalizationForm.self, forKey: .form) ?? .nfc
    }
  }

  public static let kind = "normalize"
  public static let requires: Set<DocumentFeature> = []
  public static let adds: Set<DocumentFeature> = [.normalized]

  public let options: Options
  private let normalizer: Normalizer

  public init(options: Options) throws(StageError) {
    self.options = options
    do {
      normalizer = try Normalizer(form: options.form)
    } catch {
      throw StageError(stage: Self.kind, source: "-", reason: error.description)
    }
  }

  public func apply(to document: consuming Document) throws(StageError) -> Document {
    var document = document
    document.features.insert(.normalized)
    do throws(ICUError) {
      // Most text needs nothing: check first, so that nothing is copied. The check is exact:
      // text that ICU's quick check cannot decide alone (Tamil's vowel signs, Devanagari's
      // nukta) is nearly always normalised already, and is then kept without a copy.
      var text = document.text
      let (needsCleaning, isNormalized) = try Self.withUTF8(&text) { input throws(ICUError) in
        Self.needsCleaning(input)
          ? (true, false) : (false, try normalizer.isNormalized(utf8: input, exactly: true))
      }
      if isNormalized { return document }
      // From here on each text is let go as soon as the next exists: the document's text,
      // the cleaned text, then the normalised bytes once they are a string.
      text = document.takeText()
      var cleaned: Cleaned? = nil
      if needsCleaning {
        cleaned = text.withUTF8 { Self.cleanControls($0) }
        if let result = cleaned {
          text = result.text
          cleaned!.text = ""
        }
      }
      let normalized = try Self.withUTF8(&text) { input throws(ICUError) -> NormalizedUTF8? in
        if try normalizer.isNormalized(utf8: input) { return nil }
        let result = try normalizer.normalize(utf8: input)
        return result.changed ? result : nil
      }
      if cleaned == nil && normalized == nil {
        document.putBackText(text)
        return document
      }
      if var normalized {
        text = ""
        text = String(decoding: normalized.bytes, as: UTF8.self)
        normalized.bytes = []
      }
      let cleanMap = OffsetMap(anchors: cleaned?.anchors ?? [])
      let unicodeMap = OffsetMap(anchors: normalized?.anchors ?? [])
      let removed = (cleaned?.removed ?? []).map {
        RemovedCharacter(utf8Offset: unicodeMap.normalizedOffset(of: $0.utf8Offset), scalar: $0.scalar)
      }
      document.replaceText(with: text, map: unicodeMap.composed(with: cleanMap), removed: removed)
      document.features.insert(.normalized)
      return document
    } catch {
      throw StageError(stage: Self.kind, source: document.source, reason: error.description)
    }
  }

  /// `text.withUTF8(body)` for a body that throws `ICUError`.
  private static func withUTF8<R>(
    _ text: inout String, _ body: (UnsafeBufferPointer<UInt8>) throws(ICUError) -> R
  ) throws(ICUError) -> R {
    let outcome = text.withUTF8 { bytes in Result { () throws(ICUError) -> R in try body(bytes) } }
    return try outcome.get()
  }

  /// Line endings and controls, fixed in one pass over the UTF-8 bytes.
  struct Cleaned {
    var text: String
    var anchors: [OffsetAnchor]
    var removed: [RemovedCharacter]
  }

  /// Fixes line endings and controls; `nil` when there is nothing to fix.
  ///
  /// Nothing it does lengthens the text, so the result is written straight into a string of
  /// the input's length.
  static func cleanControls(_ input: UnsafeBufferPointer<UInt8>) -> Cleaned? {
    // Fast path: nothing to change in most text. Look for the exact sequences the loop below
    // changes, not just their lead bytes: E2 starts every curly quote and dash, EF most CJK
    // punctuation, C2 the no-break space, so nearly every real text has one of those.
    if !needsCleaning(input) { return nil }
    var anchors = [OffsetAnchor(normalized: 0, original: 0)]
    var removed: [RemovedCharacter] = []
    var changed = false
    let text = String(unsafeUninitializedCapacity: input.count) { out in
      var count = 0
      func anchor(_ original: Int) {
        let last = anchors[anchors.count - 1]
        if last.original + (count - last.normalized) != original {
          anchors.append(OffsetAnchor(normalized: count, original: original))
        }
      }
      var i = 0
      let n = input.count
      while i < n {
        let b = input[i]
        var replacement: (UInt8, count: Int)? = nil
        var width = 1
        var removedScalar: UInt32? = nil
        switch b {
        case 0x0D:
          replacement = (0x0A, 1)
          if i + 1 < n && input[i + 1] == 0x0A { width = 2 }
        case 0x09, 0x0A: break
        case 0x00..<0x20, 0x7F:
          removedScalar = UInt32(b)
        case 0xC2 where i + 1 < n && input[i + 1] >= 0x80 && input[i + 1] <= 0x9F:
          width = 2
          if input[i + 1] == 0x85 { replacement = (0x0A, 1) } else { removedScalar = UInt32(input[i + 1]) }
        case 0xE2 where i + 2 < n && input[i + 1] == 0x80 && (input[i + 2] == 0xA8 || input[i + 2] == 0xA9):
          width = 3
          replacement = (0x0A, input[i + 2] == 0xA8 ? 1 : 2)
        case 0xEF where i + 2 < n && input[i + 1] == 0xBB && input[i + 2] == 0xBF:
          width = 3
          removedScalar = 0xFEFF
        default: break
        }
        if let scalar = removedScalar {
          changed = true
          removed.append(RemovedCharacter(utf8Offset: count, scalar: scalar))
          i += width
          anchor(i)
        } else if let (byte, repeats) = replacement {
          changed = true
          anchor(i)
          for _ in 0..<repeats {
            out[count] = byte
            count += 1
          }
          i += width
          anchor(i)
        } else {
          out[count] = b
          count += 1
          i += 1
        }
      }
      return count
    }
    return changed ? Cleaned(text: text, anchors: anchors, removed: removed) : nil
  }

  /// Whether `input` holds anything `cleanControls` changes: CR, a C0 control other than TAB
  /// and LF, DEL, a C1 control (C2 80–9F), U+2028/U+2029 (E2 80 A8/A9) or U+FEFF (EF BB BF).
  static func needsCleaning(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = input.count
    guard let base = input.baseAddress else { return false }
    var i = 0
    // Sixteen bytes at a time: a vector with no byte below 0x20 and none of 7F, C2, E2 and
    // EF holds nothing to clean. Only the bytes found are looked at (most often a line feed
    // or a lead byte).
    let raw = UnsafeRawPointer(base)
    // Whole vectors on both sides of each test (with a number on one side, the tests are made
    // byte by byte).
    let x20 = SIMD16<UInt8>(repeating: 0x20)
    let x7F = SIMD16<UInt8>(repeating: 0x7F)
    let xE2 = SIMD16<UInt8>(repeating: 0xE2)
    let xEF = SIMD16<UInt8>(repeating: 0xEF)
    while i + 16 <= n {
      let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
      // C2 and E2 differ only in bit 5: one test finds both.
      let hit = v .< x20 .| v .== x7F .| (v | x20) .== xE2 .| v .== xEF
      let words = unsafeBitCast(
        SIMD16<UInt8>(repeating: 0).replacing(with: 0x80, where: hit), to: SIMD2<UInt64>.self)
      if words[0] | words[1] != 0 {
        for half in 0..<2 {
          var found = UInt64(littleEndian: words[half])
          while found != 0 {
            if needsCleaning(at: i + 8 * half + found.trailingZeroBitCount >> 3, input) { return true }
            found &= found &- 1
          }
        }
      }
      i += 16
    }
    // The rest eight bytes at a time, in the same way.
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // The top bit of each zero byte (and maybe of a byte above one: a superset).
    @inline(__always) func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    while i + 8 <= n {
      let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
      let control = (w &- 0x20 &* ones) & ~w & highs
      // C2 and E2 differ only in bit 5: one test finds both.
      var found =
        control | zeroBytes(w ^ (0x7F &* ones)) | zeroBytes((w | (0x20 &* ones)) ^ (0xE2 &* ones))
        | zeroBytes(w ^ (0xEF &* ones))
      // Only the bytes found are looked at (most often one line feed or lead byte).
      while found != 0 {
        if needsCleaning(at: i + found.trailingZeroBitCount >> 3, input) { return true }
        found &= found &- 1
      }
      i += 8
    }
    while i < n {
      if needsCleaning(at: i, input) { return true }
      i += 1
    }
    return false
  }

  /// Whether the byte at `i` starts something `cleanControls` changes.
  @inline(__always)
  private static func needsCleaning(at i: Int, _ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = input.count
    let b = input[i]
    if b < 0xC2 {
      if (b < 0x20 && b != 0x0A && b != 0x09) || b == 0x7F { return true }
    } else if b == 0xC2 {
      if i + 1 < n && input[i + 1] >= 0x80 && input[i + 1] <= 0x9F { return true }
    } else if b == 0xE2 {
      if i + 2 < n && input[i + 1] == 0x80 && (input[i + 2] == 0xA8 || input[i + 2] == 0xA9) {
        return true
      }
    } else if b == 0xEF {
      if i + 2 < n && input[i + 1] == 0xBB && input[i + 2] == 0xBF { return true }
    }
    return false
  }
}
