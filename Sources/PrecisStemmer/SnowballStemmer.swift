internal import CStemmer

/// A Snowball stemmer for one language, from Debian's `libstemmer`.
///
/// Not thread-safe: libstemmer keeps the word being stemmed inside the stemmer. Make one per
/// task (opening one costs a small allocation) and let it go when done.
public final class SnowballStemmer {
  /// The Snowball algorithm, such as `english`.
  public let algorithm: String
  private let handle: OpaquePointer
  private var scratch: [UInt8] = []

  /// Opens the stemmer for a language code such as `en`, `pt` or `ta`; `nil` when Snowball
  /// has no algorithm for it.
  public convenience init?(language: String) {
    guard let algorithm = Self.algorithm(forLanguage: language) else { return nil }
    self.init(algorithm: algorithm)
  }

  /// Opens the stemmer for a Snowball algorithm name; `nil` when libstemmer does not have it.
  public init?(algorithm: String) {
    guard let opened = cstem_new(algorithm) else { return nil }
    self.handle = opened
    self.algorithm = algorithm
  }

  deinit { cstem_delete(handle) }

  /// The stem of a lower-case word given as UTF-8 bytes.
  public func stem(utf8 word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard let base = word.baseAddress, !word.isEmpty else { return [] }
    guard let result = cstem_stem(handle, base, Int32(word.count)) else { return Array(word) }
    let length = Int(cstem_length(handle))
    return Array(UnsafeBufferPointer(start: result, count: length))
  }

  /// The stem of a lower-case word.
  public func stem(_ word: String) -> String {
    var word = word
    let bytes = word.withUTF8 { stem(utf8: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The Snowball algorithm for an ISO 639-1 (or -3) language code, if libstemmer has one.
  public static func algorithm(forLanguage code: String) -> String? {
    guard let name = names[code.lowercased()] else { return nil }
    return available.contains(name) ? name : nil
  }

  /// The algorithm names this libstemmer offers.
  public static let available: Set<String> = {
    var result: Set<String> = []
    guard var cursor = cstem_list() else { return result }
    while let name = cursor.pointee {
      result.insert(String(cString: name))
      cursor += 1
    }
    return result
  }()

  /// Language codes and the Snowball algorithm for each.
  static let names: [String: String] = [
    "ar": "arabic", "ara": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan",
    "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
    "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian",
    "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nb": "norwegian",
    "nn": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
  ]
}
