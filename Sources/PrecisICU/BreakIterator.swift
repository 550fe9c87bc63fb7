internal import CICU
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a break iterator looks for.
public enum BreakKind: Int, Sendable, Hashable {
  case character, word, line, sentence
}

/// ICU's constant for `kind` (a free function: see `ICUError.init`).
func icuBreakType(_ kind: BreakKind) -> UBreakIteratorType {
  switch kind {
  case .character: UBRK_CHARACTER
  case .word: UBRK_WORD
  case .line: UBRK_LINE
  case .sentence: UBRK_SENTENCE
  }
}

/// The kind of text a word-break segment holds, from ICU's rule status.
public enum WordKind: Sendable, Hashable {
  /// Spaces and punctuation.
  case none
  /// Digits and numbers.
  case number
  /// Letters of an alphabet or a syllabary.
  case letter
  /// Kana.
  case kana
  /// Ideographs.
  case ideograph

  init(ruleStatus: Int32) {
    switch ruleStatus {
    case ..<100: self = .none
    case 100..<200: self = .number
    case 200..<300: self = .letter
    case 300..<400: self = .kana
    default: self = .ideograph
    }
  }
}

/// An ICU break iterator for one locale and kind, reused for many texts.
///
/// Not thread-safe: ICU's `UBreakIterator` keeps state. Each thread gets its own through
/// ``withBreakIterator(_:locale:_:)``, which opens one per locale and kind and keeps it.
public final class BreakIterator {
  /// The locale asked for, such as `de` or `en@ss=standard`.
  public let locale: String
  /// What the iterator looks for.
  public let kind: BreakKind
  private let handle: OpaquePointer
  private let buffer = UTF16Buffer()
  private var scratch: [Int32] = []
  /// The last window's boundaries as UTF-8 offsets: returned, and reused by the next call
  /// once the caller has let go of them.
  private var offsets: [Int] = []

  /// Opens an iterator; ICU falls back to the root rules for a locale it does not know.
  public init(kind: BreakKind, locale: String) throws(ICUError) {
    var status = U_ZERO_ERROR
    let opened = cicu_ubrk_open(icuBreakType(kind), locale, nil, 0, &status)
    try icuCheck(status, "open \(kind) break iterator for \"\(locale)\"")
    guard let opened else { throw icuError(U_INTERNAL_PROGRAM_ERROR, "open break iterator") }
    self.handle = opened
    self.locale = locale
    self.kind = kind
  }

  deinit { cicu_ubrk_close(handle) }

  /// Returns the boundaries of `utf8` (valid UTF-8) as UTF-8 offsets, without 0 and with the end.
  ///
  /// Text longer than `window` bytes is read a window at a time, so that memory stays
  /// bounded whatever the length of a paragraph.
  ///
  /// - Complexity: O(*n*) in the length of `utf8`; O(`window`) memory.
  public func boundaries(
    utf8: UnsafeBufferPointer<UInt8>, window: Int = BreakIterator.window
  ) throws(ICUError) -> [Int] {
    let window = max(window, 2 * Self.windowMargin)
    if utf8.count <= window { return try boundaries(ofWindow: utf8) }
    // A long text is read in windows, so that its UTF-16 copy stays small. Each window
    // starts at a boundary the window before confirmed: ICU starts a sentence there as it
    // would in the whole text. Boundaries within `windowMargin` of a window's cut end are
    // not trusted (ICU looks ahead past a full stop) and are found again by the next window.
    var result: [Int] = []
    var start = 0
    while start < utf8.count {
      var end = min(start + window, utf8.count)
      while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end -= 1 }
      let found = try boundaries(ofWindow: UnsafeBufferPointer(rebasing: utf8[start..<end]))
      if end == utf8.count {
        result.append(contentsOf: found.lazy.map { $0 + start })
        break
      }
      let trusted = found.prefix { start + $0 <= end - Self.windowMargin }
      if let last = trusted.last {
        result.append(contentsOf: trusted.lazy.map { $0 + start })
        start += last
      } else {
        // No boundary before the margin (a sentence longer than the window): the next
        // window starts at the margin, without a boundary there.
        start = end - Self.windowMargin
        while utf8[start] & 0xC0 == 0x80 { start -= 1 }
      }
    }
    return result
  }

  /// The characters this sentence iterator may break at, other than a line feed: a text
  /// without any of them need not be read (see ``SentenceBreakCharacters``). Found once per
  /// locale in a process, with this iterator (whose text it replaces).
  public func sentenceBreakCharacters() throws(ICUError) -> SentenceBreakCharacters {
    try sentenceCharacterSets().all
  }

  /// ``sentenceBreakCharacters()`` but `.`, `!` and `?`: a text with none of them breaks
  /// only after those three marks (and its line feeds), where UAX #29's rules for
  /// terminators, closing marks and spaces (``SentenceBreakClass``) apply unchanged.
  public func sentenceBreakCharactersBesidesStops() throws(ICUError) -> SentenceBreakCharacters {
    try sentenceCharacterSets().others
  }

  private func sentenceCharacterSets() throws(ICUError) -> SentenceCharacterSets {
    precondition(kind == .sentence, "sentence break characters of a \(kind) iterator")
    if let breakCharacters { return breakCharacters }
    if let known = Self.sentenceCharacters.withLock({ $0[locale] }) {
      breakCharacters = known
      return known
    }
    let test = try SentenceBreakTest.shared()
    let codePoints = test.terminators + (try test.brokenCandidates(handle: handle))
    let sets = SentenceCharacterSets(
      all: SentenceBreakCharacters(codePoints: codePoints),
      others: SentenceBreakCharacters(
        codePoints: codePoints.filter { $0 != 0x2E && $0 != 0x21 && $0 != 0x3F }))
    Self.sentenceCharacters.withLock { $0[locale] = sets }
    breakCharacters = sets
    return sets
  }

  private struct SentenceCharacterSets: Sendable {
    let all: SentenceBreakCharacters
    let others: SentenceBreakCharacters
  }

  /// This iterator's ``sentenceBreakCharacters()`` and the rest, once asked for.
  private var breakCharacters: SentenceCharacterSets? = nil

  private static let sentenceCharacters = Mutex<[String: SentenceCharacterSets]>([:])

  /// The longest text, in UTF-8 bytes, that ``boundaries(utf8:window:)`` reads at once.
  public static let window = 1 << 18
  /// How far before a window's cut end a boundary must lie to be kept.
  static let windowMargin = 4096

  private func boundaries(ofWindow utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) -> [Int] {
    if utf8.isEmpty { return [] }
    try setText(utf8)
    scratch.removeAll(keepingCapacity: true)
    _ = cicu_ubrk_first(handle)
    while true {
      let b = cicu_ubrk_next(handle)
      if b == UBRK_DONE { break }
      scratch.append(b)
    }
    offsets.removeAll(keepingCapacity: true)
    UTF8Walk.appendUTF8Offsets(ofAscendingUTF16: scratch, in: utf8, to: &offsets)
    return offsets
  }

  /// Calls `body` with each segment between boundaries, as a UTF-8 range and its word kind.
  ///
  /// Text longer than `window` bytes is read a window at a time, as in
  /// ``boundaries(utf8:window:)``, so that its UTF-16 copy stays small whatever the length of
  /// a paragraph.
  ///
  /// - Complexity: O(*n*) in the length of `utf8`; O(`window`) memory.
  public func forEachSegment(
    utf8: UnsafeBufferPointer<UInt8>, window: Int = BreakIterator.window,
    _ body: (Range<Int>, WordKind) -> Void
  ) throws(ICUError) {
    if utf8.isEmpty { return }
    let window = max(window, 2 * Self.windowMargin)
    if utf8.count <= window {
      // One window, the most common: each segment goes straight to `body`.
      var from = 0
      try forEachSegment(ofWindow: utf8) { end, kind in
        body(from..<end, kind)
        from = end
      }
      return
    }
    var start = 0
    var segments: [(end: Int, kind: WordKind)] = []
    while start < utf8.count {
      var end = min(start + window, utf8.count)
      while end < utf8.count && utf8[end] & 0xC0 == 0x80 { end -= 1 }
      let piece = UnsafeBufferPointer(rebasing: utf8[start..<end])
      segments.removeAll(keepingCapacity: true)
      try forEachSegment(ofWindow: piece) { segments.append(($0, $1)) }
      // Segments ending within the margin of a cut are found again by the next window,
      // which starts at the last one trusted; one is always trusted, so that a window
      // without a boundary before its margin still moves on.
      let last = end == utf8.count
      var from = 0
      for (k, segment) in segments.enumerated()
      where last || k == 0 || start + segment.end <= end - Self.windowMargin {
        body((start + from)..<(start + segment.end), segment.kind)
        from = segment.end
      }
      start += from
      if last { break }
    }
  }

  /// Calls `body` with the end of each segment of one window, as a UTF-8 offset, and its kind.
  private func forEachSegment(
    ofWindow utf8: UnsafeBufferPointer<UInt8>, _ body: (Int, WordKind) -> Void
  ) throws(ICUError) {
    try setText(utf8)
    var byte = 0
    var unit = 0
    _ = cicu_ubrk_first(handle)
    while true {
      let b = cicu_ubrk_next(handle)
      if b == UBRK_DONE { break }
      let status = cicu_ubrk_getRuleStatus(handle)
      let target = Int(b)
      if target - unit > 16 {
        UTF8Walk.advance(&byte, &unit, toUnit: target, in: utf8)
      } else {
        // A word or a space: a few characters, stepped over one by one.
        while unit < target && byte < utf8.count {
          let lead = utf8[byte]
          byte += UTF8Walk.utf8Width(lead: lead)
          unit += UTF8Walk.utf16Width(lead: lead)
        }
      }
      body(byte, WordKind(ruleStatus: status))
    }
  }

  private func setText(_ utf8: UnsafeBufferPointer<UInt8>) throws(ICUError) {
    try buffer.fill(utf8: utf8)
    var status = U_ZERO_ERROR
    buffer.units.withUnsafeBufferPointer { units in
      cicu_ubrk_setText(handle, units.baseAddress, Int32(buffer.count), &status)
    }
    try icuCheck(status, "set text of \(kind) break iterator")
  }
}

/// Runs `body` with this thread's break iterator for `kind` and `locale`, opening it once.
///
/// Break iterators are not thread-safe and cost a rule-table load to open, so each thread
/// keeps one per kind and locale for its lifetime. `body` must not let the iterator escape.
public func withBreakIterator<R>(
  _ kind: BreakKind, locale: String, _ body: (BreakIterator) throws -> R
) throws -> R {
  let cache = ThreadCache.current
  let key = "\(kind.rawValue)|\(locale)"
  if let iterator = cache.iterators[key] { return try body(iterator) }
  let iterator = try BreakIterator(kind: kind, locale: locale)
  cache.iterators[key] = iterator
  return try body(iterator)
}

/// Per-thread ICU objects that must not be shared between threads.
final class ThreadCache {
  var iterators: [String: BreakIterator] = [:]
  var objects: [String: AnyObject] = [:]

  // The key is created once and never deleted; a thread's cache is released when it ends.
  private static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { pointer in
      #if canImport(Darwin)
        Unmanaged<ThreadCache>.fromOpaque(pointer).release()
      #else
        if let pointer { Unmanaged<ThreadCache>.fromOpaque(pointer).release() }
      #endif
    }
    return key
  }()

  static var current: ThreadCache {
    if let pointer = pthread_getspecific(key) {
      return Unmanaged<ThreadCache>.fromOpaque(pointer).takeUnretainedValue()
    }
    let cache = ThreadCache()
    pthread_setspecific(key, Unmanaged.passRetained(cache).toOpaque())
    return cache
  }
}

/// Returns this thread's object for `key`, made with `make` the first time this thread asks.
///
/// For ICU objects that are not thread-safe but are costly to make for every document, such
/// as a rule set's regular-expression matchers. The object lives as long as the thread; it
/// must not be handed to another thread.
public func threadLocalObject<T: AnyObject>(forKey key: String, make: () throws -> T) rethrows -> T {
  let cache = ThreadCache.current
  if let object = cache.objects[key] as? T { return object }
  let object = try make()
  cache.objects[key] = object
  return object
}
