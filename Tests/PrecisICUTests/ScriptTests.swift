import PrecisICU
import Testing

@Suite struct ScriptTests {
  @Test(arguments: [
    ("Hello, world", "Latn"),
    ("Привет, мир", "Cyrl"),
    ("สวัสดีครับ", "Thai"),
    ("안녕하세요", "Hang"),
    ("ひらがなだけ", "Hira"),
    ("中文字符", "Hani"),
    ("שלום עולם", "Hebr"),
    ("Καλημέρα", "Grek"),
    ("مرحبا بالعالم", "Arab"),
    ("नमस्ते दुनिया", "Deva"),
    ("வணக்கம்", "Taml"),
  ])
  func findsTheDominantScript(text: String, code: String) {
    #expect(dominantScript(of: text) == Script(code: code))
  }

  @Test func countsLettersOnlyAndSortsByCount() {
    // Digits, spaces, punctuation and the combining acute (Inherited) are not counted.
    let counts = scriptCounts(of: "Москва 2025: Cafe\u{301}, ok!")
    #expect(counts.counts.map(\.script.code) == ["Cyrl", "Latn"])
    #expect(counts.characters(in: Script(code: "Cyrl")) == 6)
    #expect(counts.characters(in: .latin) == 6)
    #expect(counts.total == 12)
  }

  @Test func textWithoutLettersHasNoScript() {
    #expect(dominantScript(of: "") == nil)
    #expect(dominantScript(of: "12:30 — 4 € / 5 %") == nil)
  }
}
