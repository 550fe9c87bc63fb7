/// A cheap first look at each paragraph that decides which ones the language identifier reads.
///
/// CLD2 reads a few hundred bytes a microsecond-scale step at a time; reading every paragraph
/// would cost more than all other stages together. The screen reads the start of a paragraph
/// once, byte by byte, and asks two questions a paragraph in the document's language answers
/// the same way as the document:
///
/// - **Script.** Are most of its letters in the document's script (Latin, Cyrillic, Arabic,
///   Han …), and does it have kana exactly when the document has?
/// - **Function words.** In languages written with spaces that have a list of function words
///   (``StopWords``), are enough of its words on that list? Prose has a third to a half of
///   its words there; a paragraph in another language of the same script has few.
///
/// A paragraph that answers differently is only *suspect*: CLD2 then reads it and decides.
/// The screen never marks a paragraph foreign by itself, so a suspect in the document's
/// language (a list of names, a table row) costs time, never a wrong answer.
struct ParagraphScreen {
  /// The document's script bucket and whether it uses kana.
  let script: ScriptBucket
  let kana: Bool
  /// The function words of the document's language, when it has a list and spaces.
  let words: WordTable?
  /// The share of function words (percent) below which a paragraph is suspect.
  let minimumPercent: Int

  /// The bytes at the start of a paragraph the screen reads.
  static let probeBytes = 256
  /// The bytes at the start of a paragraph whose letters decide its script.
  static let scriptBytes = 96
  /// The fewest words the function-word test needs.
  static let minimumWords = 8
  /// A paragraph whose share of function words (percent) is below this is suspect, unless
  /// its language has a share of its own in ``minimumPercents``.
  static let defaultMinimumPercent = 12
  /// Shares (percent) measured for languages whose prose has fewer function words: a
  /// Vietnamese article names many people, places and bodies in syllables of their own (in
  /// the corpora and in news texts, a tenth of its paragraphs had fewer than 12 % on the
  /// list), while a paragraph in English or French still has none or almost none.
  static let minimumPercents: [String: Int] = ["vi": 8]
  /// Words the screen adds to a language's list (``StopWords``, whose lists serve scoring
  /// too): more of the commonest function words and everyday words of languages whose prose
  /// has less than 12 % of its words on that list (Turkish, which writes most of them as
  /// suffixes; Russian and Ukrainian; Vietnamese, whose words are syllables). None of them
  /// is a word of a neighbour in the same script (Ukrainian "окрім", Russian "кроме").
  static let addedWords: [String: String] = [
    "tr": """
      bu iki üç yeni ayrıca yaklaşık arasında üzerinde içinde tarafından karşı bazı var yok değil \
      hem çünkü eğer yani artık bile sadece yalnızca kendi ilk toplam biri bunun buna bunlar onu ona \
      olması olacak edildi edilen eden etti yapılan yaptığı belirtti söyledi büyük tüm bütün \
      birlikte ilgili şöyle böyle olduğunu yılında yıl gün günü sırasında itibaren boyunca aynı
      """,
    "uk": """
      щоб тому тоді лише тільки навіть після між понад близько майже усі всі свій своє своїх свою \
      своїм свого цього цієї цих цьому цим цю яких якої якого якій яким має мають можна можуть треба \
      року році роки рік їй зокрема адже проте однак тобто хоча ніж поки досі сьогодні зараз мав \
      мала мали йдеться щодо наразі іще окрім крім серед кілька всього біля разом
      """,
    "ru": """
      кроме более около среди однако всего несколько года году этом этой этих которых котором \
      которой будут можно должны
      """,
    "vi": """
      năm ngày tháng sau trước trên dưới giữa việc làm đi lên xuống hiện nay thể cần phải đây đều \
      chỉ mới cùng bằng số nhất hai cả gì ai nào sự cách qua thêm tới vì nơi hết lần nhau chúng tôi \
      họ mình ở thế vậy chính thành đồng động hoặc rồi sao nhằm gần trở mỗi thường ngoài hàng
      """,
  ]
  /// Words of a language's list the screen leaves out because they are among the commonest
  /// words of its neighbours in the same script: Turkish "de", "da", "en", "o" and "ne" let
  /// a Spanish, Portuguese or French paragraph in a Turkish text pass.
  static let removedWords: [String: Set<String>] = ["tr": ["de", "da", "en", "o", "ne"]]
  /// Languages whose words are not separated by spaces: the script test only.
  static let unspaced: Set<String> = ["zh", "ja", "th", "lo", "km", "my"]

  /// Function-word tables for every language that has a list, built once.
  static let tables: [String: WordTable] = {
    var tables: [String: WordTable] = [:]
    for (language, list) in StopWords.lists where !unspaced.contains(language) {
      var table = WordTable()
      let removed = removedWords[language] ?? []
      for word in (list + " " + (addedWords[language] ?? "")).split(whereSeparator: {
        $0 == " " || $0 == "\n"
      }) where !removed.contains(String(word)) {
        var bytes = Array(word.utf8)
        bytes.withUnsafeBufferPointer { table.insert($0) }
      }
      tables[language] = table
    }
    return tables
  }()

  /// A screen for a document in `language`, whose script is taken from `sample` (text in that
  /// language); nil when the language has no way to be screened (no function words, and a
  /// script shared with other languages), so that every paragraph has to be read instead.
  init?(language: LanguageTag, sample: UnsafeBufferPointer<UInt8>) {
    let profile = ScriptProfile(sample, limit: sample.count)
    guard let script = profile.dominant else { return nil }
    let code = language.language
    self.script = script
    self.kana = profile.hasKana
    // In a script one language owns, the script test says all (and function words, written
    // as prefixes in Hebrew or particles in Korean, are hard to count).
    self.words = script.isDistinctive ? nil : Self.tables[code]
    self.minimumPercent = Self.minimumPercents[code] ?? Self.defaultMinimumPercent
    if words == nil && !Self.unspaced.contains(code) && !script.isDistinctive { return nil }
  }

  /// Whether the paragraph `range` of `text` may be in another language than the document.
  func isSuspect(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> Bool {
    let end = min(range.upperBound, range.lowerBound + Self.probeBytes)
    let probe = UnsafeBufferPointer(rebasing: text[range.lowerBound..<end])
    let profile = ScriptProfile(probe, limit: Self.scriptBytes)
    guard let dominant = profile.dominant else { return false }
    if dominant != script || profile.hasKana != kana { return true }
    guard let words else { return false }
    var counts = (total: 0, hits: 0)
    var h = WordTable.fnvBasis
    var length = 0
    var i = 0
    let n = probe.count
    // Whether the paragraph has passed already: even if every other byte left began a word,
    // and none of them a function word, the share would stay at least `minimumPercent`.
    var passed = false
    func endWord() {
      if length > 0 {
        counts.total += 1
        if words.containsFolded(hash: h) {
          counts.hits += 1
          let most = counts.total + 1 + (n - i + 1) / 2
          passed = counts.hits * 100 >= most * minimumPercent
        }
      }
      h = WordTable.fnvBasis
      length = 0
    }
    // Fetched once: through UTF8Text.folded, every scalar would check that it is made.
    let fold = FoldTable.shared
    while i < n {
      let c = probe[i]
      if c < 0x80 {
        if (c | 0x20) &- 0x61 < 26 {
          h = WordTable.hash(scalar: UInt32(c | 0x20), into: h)
          length += 1
        } else {
          endWord()
          if passed { return false }
        }
        i += 1
        continue
      }
      // Letters of most scripts are told by their lead byte: U+0100–U+07FF but for Arabic's
      // U+0600–U+063F (where U+061C is a format character), and U+0800–U+FFFF but for the
      // lead bytes E2 (punctuation, format characters), E3 (CJK punctuation) and EF
      // (fullwidth forms, U+FEFF) are neither punctuation nor format characters.
      if c >= 0xC4 && c < 0xE0 && c != 0xD8 && i + 1 < n {
        let v = UInt32(c & 0x1F) << 6 | UInt32(probe[i + 1] & 0x3F)
        h = WordTable.hash(scalar: v < FoldTable.limit ? fold.folded(v) : v, into: h)
        length += 1
        i += 2
        continue
      }
      if c >= 0xE0 && c < 0xF0 && c != 0xE2 && c != 0xE3 && c != 0xEF && i + 2 < n {
        // Nothing from U+0580 up is folded: the hash of the scalar is that of its bytes.
        h = (h ^ UInt64(c)) &* WordTable.fnvPrime
        h = (h ^ UInt64(probe[i + 1])) &* WordTable.fnvPrime
        h = (h ^ UInt64(probe[i + 2])) &* WordTable.fnvPrime
        length += 1
        i += 3
        continue
      }
      let (v, w) = UTF8Text.scalar(at: i, in: probe)
      if i + w > n { break }  // cut by the probe's end
      i += w
      if Self.isPunctuation(v) {
        endWord()
        if passed { return false }
        continue
      }
      if UTF8Text.isFormat(v) { continue }
      // UTF8Text.folded(v), v not ASCII.
      h = WordTable.hash(scalar: v < FoldTable.limit ? fold.folded(v) : v, into: h)
      length += 1
    }
    // A word cut by the probe's end is not counted.
    if end == range.upperBound { endWord() }
    return counts.total >= Self.minimumWords && counts.hits * 100 < counts.total * minimumPercent
  }

  /// Whether non-ASCII `v` separates words: Latin-1 punctuation and symbols, general
  /// punctuation to miscellaneous symbols, CJK and fullwidth punctuation, emoji.
  @inline(__always)
  static func isPunctuation(_ v: UInt32) -> Bool {
    switch v {
    case 0xA0...0xBF, 0xD7, 0xF7, 0x2000...0x2BFF, 0x3000...0x303F, 0xFF00...0xFF20, 0x1F000...0x1FAFF:
      true
    default: false
    }
  }
}

/// A coarse script class of a letter, from its code point: enough to tell Latin from
/// Cyrillic or Han from Hangul, not Serbian from Russian.
struct ScriptBucket: Hashable {
  let value: UInt32

  static let latin = ScriptBucket(value: 0)
  static let han = ScriptBucket(value: 1)
  static let kana = ScriptBucket(value: 2)
  static let hangul = ScriptBucket(value: 3)

  /// Whether one language all but owns the script (Greek, Hebrew, Thai, Hangul …), so that a
  /// paragraph in its script is in its language.
  var isDistinctive: Bool {
    switch value {
    // The bucket of a letter of each: α, א, அ, ก (the 128-point block 0x300 holds the
    // combining accents, not the Greek letters).
    case 3: true  // Hangul
    case (0x3B1 >> 7) - 2: true  // Greek
    case (0x5D0 >> 7) - 2: true  // Hebrew (and Yiddish, rarely)
    case (0xB85 >> 7) - 2: true  // Tamil
    case (0xE01 >> 7) - 2: true  // Thai
    default: false
    }
  }

  /// The number of buckets: values are below it (and below 64, for ``ScriptProfile``'s bits).
  static let count = 58

  /// In ``byLeadByte``: the scalars of this lead byte are letters of no bucket.
  static let noBucket = 0xFE
  /// In ``byLeadByte``: the scalar must be decoded (its bucket depends on more than the lead
  /// byte, or the lead byte starts no two- or three-byte sequence).
  static let decodeLead = 0xFF

  /// For each byte that starts a two- or three-byte UTF-8 sequence, the bucket all its
  /// scalars share (``of(_:)`` asked of each of them), or ``noBucket``; else ``decodeLead``.
  static let byLeadByte: [UInt8] = (0..<256).map { lead -> UInt8 in
    let c = UInt32(lead)
    let scalars: ClosedRange<UInt32>
    switch c {
    case 0xC2...0xDF: scalars = ((c & 0x1F) << 6)...((c & 0x1F) << 6 | 0x3F)
    case 0xE0...0xEF: scalars = max((c & 0x0F) << 12, 0x800)...((c & 0x0F) << 12 | 0xFFF)
    default: return UInt8(decodeLead)
    }
    var shared: Int? = nil
    for v in scalars where !(0xD800...0xDFFF).contains(v) {
      let k = of(v).map { Int($0.value) } ?? noBucket
      if shared == nil { shared = k } else if shared != k { return UInt8(decodeLead) }
    }
    return UInt8(shared ?? decodeLead)
  }

  /// For each block of 64 scalars of the Basic Multilingual Plane (`v >> 6`), the bucket all
  /// its scalars share (``of(_:)`` asked of each of them), or ``noBucket``; ``decodeLead``
  /// when they differ. For the lead bytes of three-byte sequences whose scalars differ
  /// (E0 holds Devanagari to Thai, E3 kana and Han), the first two bytes tell the block.
  static let byBlock: [UInt8] = (0..<1024).map { block -> UInt8 in
    var shared: Int? = nil
    for v in UInt32(block << 6)..<UInt32((block + 1) << 6) where !(0xD800...0xDFFF).contains(v) {
      let k = of(v).map { Int($0.value) } ?? noBucket
      if shared == nil { shared = k } else if shared != k { return UInt8(decodeLead) }
    }
    return UInt8(shared ?? decodeLead)
  }

  /// The bucket of letter `v`, or nil for what is not a letter of a classified script.
  @inline(__always)
  static func of(_ v: UInt32) -> ScriptBucket? {
    switch v {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
    case 0x3040...0x30FF: return .kana
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return .han
    case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
    case 0x370...0x1DFF: return ScriptBucket(value: (v >> 7) - 2)  // 128-point blocks: 4…57
    default: return nil
    }
  }
}

/// The bytes of letters of each script bucket over the start of a text.
///
/// Bytes, not letters: a script of three-byte letters (Hangul, Han, Devanagari) says as much
/// in a third of the letters as Latin, so a URL or an English name in a Korean paragraph does
/// not outweigh it (letter by letter, "행사 일정과 공연 정보는 시 관광 누리집(https://…" is Latin).
struct ScriptProfile {
  private(set) var dominant: ScriptBucket?
  private(set) var hasKana = false

  init(_ b: UnsafeBufferPointer<UInt8>, limit: Int) {
    let n = min(b.count, limit)
    // An ASCII start is counted without the table: only Latin can lead there.
    var i = 0
    var latin = 0
    if let raw = UnsafeRawPointer(b.baseAddress) {
      while i + 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if w & 0x8080_8080_8080_8080 != 0 { break }
        latin += Self.asciiLetters(w)
        i += 8
      }
    }
    while i < n && b[i] < 0x80 {
      if (b[i] | 0x20) &- 0x61 < 26 { latin += 1 }
      i += 1
    }
    if i >= n {
      dominant = latin > 0 ? .latin : nil
      return
    }
    var best: (bucket: ScriptBucket, count: Int)? = nil
    var kana = 0
    var han = 0
    // The buckets met (a bit each), so that looking for the largest count does not go over
    // all of them.
    var seen: UInt64 = 1
    withUnsafeTemporaryAllocation(of: Int.self, capacity: ScriptBucket.count) { counts in
      counts.initialize(repeating: 0)
      let raw = UnsafeRawPointer(b.baseAddress)
      ScriptBucket.byLeadByte.withUnsafeBufferPointer { leads in
        ScriptBucket.byBlock.withUnsafeBufferPointer { blocks in
          while i < n {
            let c = b[i]
            if c < 0x80 {
              // Eight ASCII bytes at once where they follow (see asciiLetters).
              if let raw, i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 == 0 {
                  latin += Self.asciiLetters(w)
                  i += 8
                  continue
                }
              }
              if (c | 0x20) &- 0x61 < 26 { latin += 1 }
              i += 1
              continue
            }
            if c < 0xC0 {
              i += 1
              continue
            }
            // Most lead bytes tell the bucket (or that there is none) without the scalar.
            var k = Int(leads[Int(c)])
            // A three-byte sequence (all of it in the text) whose lead byte's scalars differ:
            // its block may tell.
            if k == ScriptBucket.decodeLead && c >= 0xE0 && c < 0xF0 && i + 2 < b.count {
              k = Int(blocks[Int(c & 0x0F) << 6 | Int(b[i + 1] & 0x3F)])
            }
            let size: Int
            if k == ScriptBucket.decodeLead {
              let (v, w) = UTF8Text.scalar(at: i, in: b)
              i += w
              size = w
              guard let bucket = ScriptBucket.of(v) else { continue }
              k = Int(bucket.value)
            } else {
              size = c < 0xE0 ? 2 : 3
              i += size
              if k == ScriptBucket.noBucket { continue }
            }
            seen |= 1 << k
            counts[k] += size
          }
        }
      }
      counts[0] = latin
      var rest = seen
      while rest != 0 {
        let k = rest.trailingZeroBitCount
        rest &= rest - 1
        if counts[k] > (best?.count ?? 0) { best = (ScriptBucket(value: UInt32(k)), counts[k]) }
      }
      if seen & (1 << ScriptBucket.kana.value) != 0 { kana = counts[Int(ScriptBucket.kana.value)] }
      if seen & (1 << ScriptBucket.han.value) != 0 { han = counts[Int(ScriptBucket.han.value)] }
    }
    // Japanese: kana at least a tenth of kanji and kana, as ScriptLanguages judges.
    hasKana = kana > 0 && kana * 10 >= kana + han
    if hasKana, let b = best?.bucket, b == .han || b == .kana { best = (.kana, 0) }
    dominant = best?.bucket
  }

  /// The ASCII letters among eight ASCII bytes: a byte is a letter when, lower-cased, it is at
  /// least "a" and below "{" (adding 0x1F and 0x05 carries into its top bit at those bounds);
  /// the flags, one per byte, are summed by a multiply.
  @inline(__always)
  static func asciiLetters(_ w: UInt64) -> Int {
    let x = w | 0x2020_2020_2020_2020
    let atLeastA = x &+ 0x1F1F_1F1F_1F1F_1F1F
    let pastZ = x &+ 0x0505_0505_0505_0505
    let flags = (atLeastA & ~pastZ & 0x8080_8080_8080_8080) >> 7
    return Int(truncatingIfNeeded: (flags &* 0x0101_0101_0101_0101) >> 56)
  }
}
