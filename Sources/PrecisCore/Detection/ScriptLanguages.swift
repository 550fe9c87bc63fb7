import PrecisICU

/// The language a text most likely has, judged from its script alone: the fallback when the
/// text is too short or too odd for the language identifier.
enum ScriptLanguages {
  /// A guess and how sure it is.
  struct Guess: Sendable, Hashable {
    var language: LanguageTag
    var confidence: Double
    /// Whether the script is written by essentially one language (Thai, Hangul, Greek …).
    var isDistinctive: Bool { confidence >= Self.distinctive }

    static let distinctive = 0.8
    static let shared = 0.3
  }

  /// ISO 15924 code → language and confidence.
  ///
  /// Scripts used by one language get `distinctive`; scripts shared by many get their most
  /// used language at `shared` (or a little more where one language dominates).
  static let table: [String: (String, Double)] = [
    "Thai": ("th", Guess.distinctive), "Hang": ("ko", Guess.distinctive),
    "Hira": ("ja", Guess.distinctive), "Kana": ("ja", Guess.distinctive),
    "Grek": ("el", Guess.distinctive), "Hebr": ("he", Guess.distinctive),
    "Taml": ("ta", Guess.distinctive), "Geor": ("ka", Guess.distinctive),
    "Armn": ("hy", Guess.distinctive), "Khmr": ("km", Guess.distinctive),
    "Laoo": ("lo", Guess.distinctive), "Mymr": ("my", Guess.distinctive),
    "Sinh": ("si", Guess.distinctive), "Gujr": ("gu", Guess.distinctive),
    "Guru": ("pa", Guess.distinctive), "Telu": ("te", Guess.distinctive),
    "Knda": ("kn", Guess.distinctive), "Mlym": ("ml", Guess.distinctive),
    "Orya": ("or", Guess.distinctive), "Thaa": ("dv", Guess.distinctive),
    "Tibt": ("bo", Guess.distinctive), "Ethi": ("am", Guess.distinctive),
    "Beng": ("bn", 0.6),  // also Assamese
    "Hani": ("zh", 0.5),  // Japanese without kana is rare
    "Arab": ("ar", Guess.shared),  // also Persian, Urdu …
    "Cyrl": ("ru", Guess.shared),  // also Ukrainian, Bulgarian, Serbian …
    "Deva": ("hi", Guess.shared),  // also Marathi, Nepali …
  ]

  /// The language the scripts of a text point to, or nil (Latin script, or no letters).
  ///
  /// Japanese mixes kanji with kana: text whose kana are at least a tenth of its kanji and
  /// kana is Japanese, even when kanji are the majority. Hangul with some Hanja is Korean.
  static func guess(from counts: ScriptCounts) -> Guess? {
    guard let dominant = counts.dominant else { return nil }
    let kana =
      counts.characters(in: Script(code: "Hira")) + counts.characters(in: Script(code: "Kana"))
    let han = counts.characters(in: Script(code: "Hani"))
    if kana > 0 && kana * 10 >= kana + han && (dominant.code == "Hani" || kana >= counts.total / 2)
    {
      return guess(code: "Hira")
    }
    return guess(code: dominant.code)
  }

  private static func guess(code: String) -> Guess? {
    guard let (language, confidence) = table[code], let tag = LanguageTag(language) else {
      return nil
    }
    return Guess(language: tag, confidence: confidence)
  }
}
