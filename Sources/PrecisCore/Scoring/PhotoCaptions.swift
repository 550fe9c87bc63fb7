/// Finds the photo captions that a page's text carries in among its sentences: a sentence
/// that places people in a picture with a remark in brackets, `Ms Phuong (centre) is seen as
/// …`, `The two leaders (left and right) met …`, `Bà Phượng (ở giữa) …`, `(கோப்புப்படம்)`.
///
/// Such a sentence describes an image the text no longer shows, so it is not the gist of
/// the article; `score` gives it `caption-weight` of its score. The remark must be short
/// (at most six words), name a place in the picture (or say the picture is from the files),
/// and hold nothing else but words that go with that (`far`, `second`, `from`, `ở`, `bên`,
/// …), so `(left-wing)`, `(2 left)` or `(the right to appeal)` are not captions.
///
/// Written for Precis; the words are lower-case and compared after case folding, in every
/// language at once (a caption's language may differ from the document's).
enum PhotoCaptions {
  /// Words that place someone in a picture, or say the picture is a file one: a remark in
  /// brackets needs one of these.
  static let places: Set<String> = words("""
    left right centre center middle pictured shown above below inset l-r r-l
    gauche droite centre milieu
    links rechts mitte
    izquierda derecha centro
    esquerda direita
    sinistra destra
    trái phải giữa
    kiri kanan tengah
    слева справа центре
    ซ้าย ขวา กลาง
    இடது வலது நடுவில் கோப்புப்படம்
    左 右 左から 右から 왼쪽 오른쪽 가운데
    """)

  /// Words that may go with a place in such a remark.
  static let companions: Set<String> = words("""
    far second third fourth fifth from front back top bottom row and the with standing seated
    à au de en la le bas haut
    im von und zweite zweiter
    a en la el de y
    à ao na da e
    a al da e
    ở bên thứ hai ba từ và hàng phía ngoài cùng đứng ngồi
    dari paling dan baris
    на в второй
    """)

  /// Whether `bytes` (UTF-8) hold a caption's remark in round brackets, `(…)` or `（…）`.
  static func holdsCaption(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < bytes.count {
      // ( is 28; （ is EF BC 88.
      let opens = bytes[i] == 0x28 ? 1 : isFullwidth(bytes, at: i, last: 0x88) ? 3 : 0
      guard opens > 0 else {
        i += 1
        continue
      }
      let start = i + opens
      var end = start
      // ) is 29; ）is EF BC 89. A remark longer than this is not a caption's.
      let limit = min(bytes.count, start + longest)
      while end < limit && bytes[end] != 0x29 && !isFullwidth(bytes, at: end, last: 0x89)
        && bytes[end] != 0x28
      {
        end += 1
      }
      if end < limit && bytes[end] != 0x28 && end > start
        && isRemark(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
      {
        return true
      }
      i = end
    }
    return false
  }

  /// The longest remark, in bytes, that may be a caption's.
  static let longest = 64

  /// Whether the words between brackets are a caption's remark.
  static func isRemark(_ remark: String) -> Bool {
    let words = remark.lowercased().split { $0 == " " || $0 == "," || $0 == "，" || $0 == "、" }
    guard !words.isEmpty, words.count <= 6 else { return false }
    var placed = false
    for word in words {
      let word = String(word)
      if places.contains(word) {
        placed = true
      } else if !companions.contains(word) {
        return false
      }
    }
    return placed
  }

  private static func isFullwidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, last: UInt8) -> Bool {
    i + 2 < bytes.count && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == last
  }

  private static func words(_ list: String) -> Set<String> {
    Set(list.split { $0 == " " || $0 == "\n" }.map(String.init))
  }
}
