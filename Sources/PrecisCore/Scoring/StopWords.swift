/// Short lists of function words per language, which carry no topic and so do not count
/// towards a sentence's centrality.
///
/// Written for Precis: articles, pronouns, prepositions, conjunctions, auxiliaries and
/// reporting verbs ("said"), lower-case, separated by spaces. Words are compared after case
/// folding and before stemming. A language without a list still works: terms that occur in
/// most sentences of a document weigh little anyway.
public enum StopWords {
  /// The stop words of a language code such as `en`; empty for a language without a list.
  public static func words(for language: String) -> Set<String> {
    guard let list = lists[language] else { return [] }
    return Set(list.split(separator: " ").map(String.init))
  }

  static let lists: [String: String] = [
    "en": """
      a an the and or but if of to in on at by for with from as is are was were be been being it its \
      this that these those he she they we you i his her their our your my him them us not no so than then \
      there here who whom which what when where why how all any both each few more most other some such only \
      own same too very can will just do does did has have had having would should could may might must shall \
      also into about over after before under again further once up down out off said says say mr mrs ms one \
      two new
      """,
    "de": """
      der die das den dem des ein eine einen einem einer eines und oder aber doch wenn dann als wie so zu zum \
      zur im in am an auf aus bei mit nach von vor für über unter um durch gegen ohne bis seit ist sind war \
      waren sein gewesen wird werden wurde wurden hat haben hatte hatten kann können konnte muss müssen soll \
      sollen will wollen es er sie wir ihr ich du ihn ihm ihnen sich sein seine ihre ihrer unser dies diese \
      dieser dieses jener nicht kein keine auch noch nur schon sehr mehr dass ob weil da wo was wer man \
      sagte sagt laut heißt
      """,
    "fr": """
      le la les l un une des du de d et ou mais donc or ni car si que qu qui quoi dont où à au aux en dans sur \
      sous par pour avec sans chez entre vers depuis pendant avant après contre est sont était étaient être \
      été a ont avait avaient avoir sera seront fait il elle ils elles on nous vous je tu se s ce cet cette \
      ces c son sa ses leur leurs notre nos votre vos mon ma mes lui y ne pas plus moins très aussi tout \
      tous toute toutes même encore déjà selon dit a-t-il a-t-elle
      """,
    "es": """
      el la los las lo un una unos unas y e o u pero sino si que quien quienes cual cuales cuyo donde cuando \
      como de del a al en con sin por para sobre entre hasta desde hacia contra tras es son era eran fue \
      fueron ser sido está están estaba ha han había haber hay se su sus le les me te nos os él ella ellos \
      ellas yo tú nosotros este esta estos estas ese esa esos esas no más muy también ya aún según dijo
      """,
    "it": """
      il lo la i gli le l un uno una e ed o ma se che chi cui dove quando come di del dello della dei degli \
      delle a al allo alla ai agli alle da dal dalla in nel nello nella nei negli nelle con su sul sulla per \
      tra fra è sono era erano essere stato stata ha hanno aveva avere si suo sua suoi sue loro lui lei noi \
      voi io tu questo questa questi queste quello quella non più molto anche già ancora secondo detto
      """,
    "pt": """
      o a os as um uma uns umas e ou mas se que quem qual quais cujo onde quando como de do da dos das em no \
      na nos nas num numa ao aos à às por pelo pela pelos pelas para com sem sobre entre até desde contra é \
      são era eram foi foram ser sido está estão estava tem têm tinha ter há seu sua seus suas ele ela eles \
      elas nós eu tu você este esta estes estas esse essa isso isto não mais muito também já ainda segundo \
      disse
      """,
    "nl": """
      de het een en of maar als dan dat die dit deze wie wat waar wanneer hoe van in op aan bij met naar voor \
      door over onder tot uit om tegen zonder is zijn was waren wordt worden werd werden heeft hebben had \
      hadden kan kunnen zal zullen hij zij ze wij we jij je ik hem haar hun ons niet geen ook nog al zeer \
      meer zei volgens
      """,
    "ru": """
      и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее её мне было \
      вот от меня еще ещё нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был была были \
      было будет него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо \
      ней для мы тебя их чем сам чтобы без будто чего раз тоже себе под этот эта это эти того этого при \
      после над об также который которая которые которого сказал заявил по словам
      """,
    "uk": """
      і й та в у на з із зі до від за по про для при над під без через що як це цей ця ці той та ті він вона \
      воно вони ми ви я ти його її їх їм нам вам не ні так але або чи якщо коли де вже ще також був була \
      було були є бути буде який яка яке які сказав заявив
      """,
    "pl": """
      i w we z ze na do od o u za po przy dla bez pod nad przez przed między a ale lub albo czy że jak gdy \
      gdzie co kto który która które którego jest są był była było byli być będzie ma mają miał on ona ono \
      oni one my wy ja ty jego jej ich im się nie tak też także już jeszcze to ten ta te tego tej powiedział
      """,
    "tr": """
      ve veya ile ama fakat ancak de da ki bu şu o bir her çok daha en gibi için kadar sonra önce olarak \
      olan oldu olduğu olmak ise mi mı mu mü ne neden nasıl hangi ben sen biz siz onlar onun bunu şunu \
      diye dedi göre
      """,
    "el": """
      ο η το οι τα του της των τον την τους τις ένας μια ένα και ή αλλά αν ότι πως που όταν όπως σε στο στη \
      στην στον στα στις στους από με για προς κατά μετά πριν είναι ήταν θα να δεν μη μην αυτό αυτή αυτός \
      αυτά εγώ εσύ εμείς σας μας τους επίσης ακόμη δήλωσε
      """,
    "id": """
      yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau oleh sebagai telah \
      sudah ada karena bahwa mereka ia dia kami kita saya anda tersebut bisa dapat lebih para namun tetapi \
      jika saat setelah sebelum hingga serta antara kata ujar menurut
      """,
    "vi": """
      và của là các những được có trong cho với này đã một không để khi từ người ra đến như thì cũng đó \
      theo tại về vào nhiều hơn sẽ bị nhưng mà nên nếu rằng lại còn vẫn đang rất hay các ông bà anh chị \
      nói cho biết
      """,
    "ar": """
      في من إلى على عن مع أن إن كان كانت هذا هذه ذلك تلك التي الذي الذين ما لا لم لن قد كل بعد قبل عند \
      حتى أو ثم بين هو هي هم نحن أنا وقد وفي ومن وأن كما أيضا أيضاً قال وقال
      """,
    "he": """
      של את על עם אל מן כי אם או גם לא כל זה זו זאת הוא היא הם הן אנחנו אני היה הייתה היו יש אין אשר \
      כמו לפי אמר
      """,
    "hi": """
      का की के को में से पर और या है हैं था थी थे हो होता होती होते ने यह वह ये वे इस उस इन उन एक भी \
      तो ही कि जो तक लिए साथ बाद कहा गया गई
      """,
    "ta": """
      ஒரு மற்றும் இந்த அந்த என்று என்ற இது அது அவர் அவர்கள் உள்ள உள்ளது இல்லை போது மேலும் என தான் கூறினார் \
      தெரிவித்தார்
      """,
    "th": """
      ที่ และ ใน ของ การ เป็น ได้ ให้ มี ว่า จะ ไม่ กับ จาก โดย แต่ หรือ ก็ นี้ นั้น ซึ่ง อยู่ ไป มา แล้ว \
      เพื่อ ความ กล่าว
      """,
    "ja": """
      の に は を た が で て と し れ さ ある いる も な する から だ こと として い や れる など なっ ない \
      この ため その あっ よう また もの という あり まで られ なる へ か だっ それ によって により おり \
      より による ず なり られる において ば なかっ なく しかし について せ だ です ます でし
      """,
    "zh": """
      的 了 和 是 在 有 也 就 都 而 及 与 与 或 一个 这 那 这个 那个 他 她 它 他们 我们 你 我 之 中 对 \
      为 以 等 将 被 把 从 到 说 表示 上 下 着 过 还 又 并 但 其
      """,
    "ko": """
      이 그 저 것 수 등 및 또 또는 그리고 하지만 그러나 있다 없다 했다 한다 하는 있는 위해 대한 통해 \
      밝혔다 말했다
      """,
  ]
}
