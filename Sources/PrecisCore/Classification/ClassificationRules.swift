/// Per-language word lists the `classify` stage reads: the rules as data.
///
/// Each language has three lists, written one entry per `|`:
///
/// - `more`: how a line pointing to another article begins ("Read more:", "Lesen Sie auch").
///   Such a line is page furniture; when it ends with a colon, its whole paragraph (the list
///   of links under it) is too.
/// - `credit`: how a byline or a source line begins ("By", "Quelle:", "Фото:"). Only short
///   lines without a closing full stop count, so a sentence that starts with "By" stays text.
/// - `chrome`: words of toolbars and share buttons ("Share", "Print", "字号"). A short line
///   with two of them, or one and a separator, is furniture.
///
/// Entries are matched case-insensitively at the start of a line and must end at a non-letter
/// (a colon, a space, the end of the line), so `Par` does not match "Paris". To add a
/// language, add a row; keep entries general to the language, never to one site or text.
public enum ClassificationRules {
  /// The lists of one language.
  public struct Lists: Sendable, Hashable {
    public var more: [String]
    public var credit: [String]
    public var chrome: [String]
  }

  /// The lists for a language code such as `de`; the union of every language when `nil`
  /// (the language is unknown), and nothing for a language without a row.
  public static func lists(for language: String?) -> Lists {
    guard let language else { return all }
    return parsed[language] ?? Lists(more: [], credit: [], chrome: [])
  }

  /// Every row parsed once, rather than for each document.
  static let parsed: [String: Lists] = table.mapValues(parse)

  static let all: Lists = {
    var result = Lists(more: [], credit: [], chrome: [])
    for key in table.keys.sorted() {
      let lists = parsed[key]!
      result.more += lists.more
      result.credit += lists.credit
      result.chrome += lists.chrome
    }
    return result
  }()

  static func parse(_ row: (more: String, credit: String, chrome: String)) -> Lists {
    func split(_ s: String) -> [String] {
      s.split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.map { $0.lowercased() }
    }
    return Lists(more: split(row.more), credit: split(row.credit), chrome: split(row.chrome))
  }

  /// The table: language → (more, credit, chrome).
  static let table: [String: (more: String, credit: String, chrome: String)] = [
    "ar": (
      "اقرأ أيضاً | اقرأ أيضا | اقرأ ايضا | شاهد أيضاً | شاهد أيضا | مواضيع ذات صلة | أخبار ذات صلة",
      "المصدر | مصدر | تصوير | بقلم | كتب | تحرير",
      "مشاركة | طباعة | الرئيسية | تعليقات | حجم الخط"
    ),
    "de": (
      "Lesen Sie auch | Lesen Sie mehr | Mehr zum Thema | Auch interessant | Siehe auch | Weiterlesen | Das könnte Sie auch interessieren",
      "Von | Quelle | Quellen | Foto | Fotos | Bild | Bilder | Text | Autor | Autorin | Aktualisiert | Veröffentlicht",
      "Teilen | Drucken | Merken | Startseite | Kommentare | Schriftgröße | Versenden"
    ),
    "el": (
      "Διαβάστε επίσης | Διαβάστε ακόμη | Δείτε επίσης | Σχετικά άρθρα",
      "Πηγή | Φωτογραφία | Φωτογραφίες | Κείμενο | Του | Της",
      "Κοινοποίηση | Εκτύπωση | Αρχική | Σχόλια"
    ),
    "en": (
      "Read more | Read also | Also read | See also | Related | Related articles | Related stories | More on this story | More:",
      "By | Source | Sources | Photo | Photos | Image | Images | Picture | Text | Words | Reporting by | Written by | Credit | Credits | Editor | Updated | Published | Posted",
      "Share | Print | Comment | Comments | Email | E-mail | Tweet | Save | Home | Font size | Text size | Subscribe"
    ),
    "es": (
      "Lee también | Lea también | Leer también | Ver también | Te puede interesar | Le puede interesar | Relacionado | Noticias relacionadas",
      "Por | Fuente | Foto | Fotos | Texto | Redacción | Actualizado | Publicado",
      "Compartir | Imprimir | Inicio | Comentarios | Tamaño de letra"
    ),
    "fr": (
      "À lire aussi | A lire aussi | Lire aussi | Voir aussi | À voir aussi | Sur le même sujet | Lire la suite",
      "Par | Source | Sources | Photo | Photos | Crédit | Crédits | Texte | Publié le | Mis à jour",
      "Partager | Imprimer | Accueil | Commentaires | Taille du texte"
    ),
    "he": (
      "קראו עוד | קרא עוד | קראו גם | קרא גם | עוד בנושא | כתבות נוספות",
      "מאת | מקור | צילום | כתב | כתבת | עדכון אחרון",
      "שתפו | שתף | הדפסה | הדפס | ראשי | תגובות"
    ),
    "hi": (
      "यह भी पढ़ें | ये भी पढ़ें | और पढ़ें | इसे भी पढ़ें | संबंधित खबरें",
      "स्रोत | फोटो | रिपोर्ट | संवाददाता | अपडेट | प्रकाशित",
      "शेयर | शेयर करें | प्रिंट | होम | टिप्पणी"
    ),
    "id": (
      "Baca juga | Baca selengkapnya | Lihat juga | Berita terkait | Artikel terkait",
      "Oleh | Sumber | Foto | Penulis | Editor | Reporter | Pewarta",
      "Bagikan | Cetak | Beranda | Komentar"
    ),
    "it": (
      "Leggi anche | Vedi anche | Potrebbe interessarti | Articoli correlati",
      "Di | Fonte | Foto | Testo | Aggiornato | Pubblicato",
      "Condividi | Stampa | Home | Commenti"
    ),
    "ja": (
      "関連記事 | 関連ニュース | 関連リンク | あわせて読みたい | こちらもおすすめ",
      "出典 | 写真 | 文 | 取材 | 記者 | 提供 | 更新",
      "シェア | ポスト | 印刷 | ホーム | 文字サイズ | コメント | ブックマーク"
    ),
    "ko": (
      "관련 기사 | 관련기사 | 함께 읽기 | 함께 보면 좋은 기사",
      "출처 | 사진 | 기자 | 입력 | 수정 | 글",
      "공유 | 스크랩 | 인쇄 | 홈 | 댓글 | 글자크기"
    ),
    "pl": (
      "Czytaj także | Czytaj też | Zobacz także | Zobacz też | Przeczytaj również",
      "Źródło | Fot | Foto | Autor | Autorka | Tekst | Aktualizacja",
      "Udostępnij | Drukuj | Strona główna | Komentarze"
    ),
    "pt": (
      "Leia também | Leia mais | Veja também | Saiba mais | Relacionado",
      "Por | Fonte | Foto | Fotos | Texto | Atualizado | Publicado",
      "Partilhar | Compartilhar | Imprimir | Início | Comentários"
    ),
    "ru": (
      "Читайте также | Смотрите также | По теме | Материалы по теме | Читайте нас",
      "Источник | Фото | Автор | Текст | Обновлено | Опубликовано",
      "Поделиться | Печать | Главная | Комментарии | Размер шрифта"
    ),
    "ta": (
      "இதையும் படிக்க | இதையும் படியுங்கள் | தொடர்புடைய செய்திகள் | மேலும் படிக்க",
      "ஆதாரம் | படம் | செய்தியாளர் | புதுப்பிக்கப்பட்டது",
      "பகிர் | அச்சிடு | முகப்பு | கருத்து"
    ),
    "th": (
      "ข่าวที่เกี่ยวข้อง | อ่านเพิ่มเติม | อ่านต่อ | ข่าวเกี่ยวข้อง",
      "ที่มา | รายงานโดย | ภาพ | เรียบเรียง | ผู้เขียน | อัปเดต | อัปเดตล่าสุด",
      "แชร์ | พิมพ์ | หน้าแรก | ขนาดตัวอักษร | ความคิดเห็น"
    ),
    "tr": (
      "İlgili haber | İlgili haberler | Ayrıca okuyun | Bunlar da ilginizi çekebilir",
      "Kaynak | Fotoğraf | Haber | Yazan | Muhabir | Güncelleme",
      "Paylaş | Yazdır | Ana Sayfa | Yorumlar"
    ),
    "uk": (
      "Читайте також | Дивіться також | По темі | Матеріали за темою",
      "Джерело | Фото | Автор | Текст | Оновлено",
      "Поділитися | Друк | Головна | Коментарі"
    ),
    "vi": (
      "Xem thêm | Đọc thêm | Tin liên quan | Bài liên quan",
      "Nguồn | Ảnh | Theo | Bài và ảnh | Cập nhật",
      "Chia sẻ | In bài | Trang chủ | Bình luận"
    ),
    "zh": (
      "相关阅读 | 延伸阅读 | 相关新闻 | 推荐阅读 | 相關閱讀 | 延伸閱讀 | 相關新聞",
      "来源 | 來源 | 本文来源 | 责任编辑 | 責任編輯 | 编辑 | 編輯 | 记者 | 記者 | 图片来源 | 摄影 | 攝影",
      "分享 | 打印 | 列印 | 首页 | 首頁 | 字号 | 字號 | 评论 | 評論 | 收藏 | 阅读"
    ),
  ]
}

extension Substring {
  func trimmingSpaces() -> String {
    var s = self[...]
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return String(s)
  }
}
