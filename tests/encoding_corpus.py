# ruff: noqa: RUF001  (real text in many scripts)
"""The encoding corpus: real sentences in 17 languages, written as web pages in 36 encodings, each
declared correctly (meta charset, http-equiv, XML declaration, HTTP header), declared wrongly, and
not declared at all.

The corpus is built in memory by :func:`cases` (the tests use it that way); ``python
tests/encoding_corpus.py DIR`` writes it to ``DIR`` to look at (one file per case, and
``index.json``).

The texts are short news-style paragraphs written for this corpus, plus each language's well-known
pangram or (Japanese) the opening of Soseki's *I Am a Cat* (public domain).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

# language -> (title, paragraphs)
TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "cs": (
        "Praha se připravuje na zimu",
        (
            "Městská rada v pondělí schválila plán zimní údržby silnic a chodníků. Posypové vozy "
            "budou letos vyjíždět dříve než v minulých letech, protože meteorologové očekávají "
            "první mrazy již na začátku listopadu.",
            "Řidiči by si měli včas přezout pneumatiky a připravit se na delší cestu do práce. "
            "Dopravní podnik zároveň posílí noční tramvajové linky, aby se lidé dostali domů i po "
            "půlnoci.",
            "Příliš žluťoučký kůň úpěl ďábelské ódy, říká se v české větě, která obsahuje všechna "
            "písmena s diakritikou. Učitelé ji rádi používají při psaní na klávesnici.",
        ),
    ),
    "pl": (
        "Nowy most na Wiśle otwarty dla ruchu",
        (
            "W sobotę rano mieszkańcy Krakowa po raz pierwszy przejechali nowym mostem łączącym "
            "dwie dzielnice miasta. Budowa trwała prawie trzy lata i kosztowała więcej, niż "
            "zakładano.",
            "Prezydent miasta podziękował robotnikom i inżynierom, którzy pracowali także w nocy i "
            "podczas mrozów. Zapowiedział, że wkrótce ruszy budowa ścieżki rowerowej wzdłuż rzeki.",
            "Zażółć gęślą jaźń, to zdanie zawiera wszystkie polskie litery ze znakami "
            "diakrytycznymi. Przez lata służyło do sprawdzania czcionek i klawiatur.",
        ),
    ),
    "ru": (
        "В Москве открылась новая библиотека",
        (
            "В субботу в центре города открылась новая городская библиотека, в которой собрано "
            "более двухсот тысяч книг. Читатели смогут брать книги домой бесплатно, а в читальном "
            "зале работает кафе.",
            "Директор библиотеки рассказала, что здание строили четыре года. По её словам, особое "
            "внимание уделили детскому отделу, где проходят занятия и встречи с писателями.",
            "Съешь же ещё этих мягких французских булок, да выпей чаю. Эта фраза содержит все "
            "буквы русского алфавита и часто используется для проверки шрифтов.",
        ),
    ),
    "uk": (
        "У Києві відкрили нову бібліотеку",
        (
            "У суботу в центрі міста відкрилася нова публічна бібліотека, у якій зібрано понад "
            "двісті тисяч книжок. Читачі зможуть безкоштовно брати книжки додому.",
            "Директорка бібліотеки розповіла, що особливу увагу приділили дитячому відділу, де "
            "відбуватимуться заняття та зустрічі з письменниками.",
            "Чуєш їх, доцю, га? Кумедна ж ти, прощайся без ґольфів! Це речення містить усі літери "
            "української абетки.",
        ),
    ),
    "fr": (
        "Le festival de musique attire des milliers de visiteurs",
        (
            "Pendant trois jours, la petite ville a accueilli plus de vingt mille festivaliers "
            "venus écouter des concerts en plein air. Les organisateurs se réjouissent d'une "
            "édition réussie malgré la chaleur.",
            "Les bénévoles ont distribué de l'eau et installé des zones d'ombre près des scènes. "
            "« Nous avons appris de nos erreurs de l'année dernière », explique la directrice, "
            "qui prépare déjà la prochaine édition.",
            "Le prix du billet, fixé à 45 €, reste abordable pour les familles. Œuvres d'art, "
            "ateliers pour enfants et dégustations de produits régionaux complètent le programme.",
        ),
    ),
    "de": (
        "Neue Radwege für die Innenstadt",
        (
            "Der Stadtrat hat am Donnerstag beschlossen, in den nächsten zwei Jahren zwölf "
            "Kilometer neue Radwege zu bauen. Die Straßen in der Altstadt sollen dafür teilweise "
            "für Autos gesperrt werden.",
            "Viele Geschäftsleute befürchten, dass weniger Kunden in die Innenstadt kommen. Die "
            "Bürgermeisterin hält dagegen: Überall dort, wo es mehr Platz für Fußgänger gebe, "
            "steige auch der Umsatz.",
            "Franz jagt im komplett verwahrlosten Taxi quer durch Bayern, heißt ein bekannter "
            "Satz, der alle Buchstaben des Alphabets enthält. Schüler üben damit das Tippen.",
        ),
    ),
    "tr": (
        "İstanbul'da yeni metro hattı açıldı",
        (
            "Şehrin iki yakasını birbirine bağlayan yeni metro hattı pazartesi günü hizmete girdi. "
            "Yolcular ilk gün ücretsiz seyahat etti ve istasyonlarda uzun kuyruklar oluştu.",
            "Belediye başkanı, hattın günde yarım milyon yolcu taşıyacağını söyledi. Trafikte "
            "geçen sürenin azalması ve hava kirliliğinin düşmesi bekleniyor.",
            "Pijamalı hasta yağız şoföre çabucak güvendi. Bu cümle Türk alfabesinin bütün "
            "harflerini içerir ve klavye denemelerinde sıkça kullanılır.",
        ),
    ),
    "el": (
        "Νέο μουσείο ανοίγει στην Αθήνα",
        (
            "Το νέο μουσείο σύγχρονης τέχνης άνοιξε τις πόρτες του την Κυριακή, και χιλιάδες "
            "επισκέπτες περίμεναν στην ουρά από νωρίς το πρωί. Η είσοδος θα είναι δωρεάν τον "
            "πρώτο μήνα.",
            "Η διευθύντρια του μουσείου δήλωσε ότι η συλλογή περιλαμβάνει έργα Ελλήνων και ξένων "
            "καλλιτεχνών. Τα σχολεία της πόλης θα μπορούν να οργανώνουν επισκέψεις κάθε εβδομάδα.",
            "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία, λέει μια φράση που περιέχει όλα τα γράμματα του "
            "ελληνικού αλφαβήτου. Χρησιμοποιείται συχνά για τον έλεγχο γραμματοσειρών.",
        ),
    ),
    "he": (
        "פסטיבל האור חוזר לירושלים",
        (
            "בשבוע הבא ייפתח בעיר העתיקה פסטיבל האור השנתי, ואלפי מבקרים צפויים להגיע מכל רחבי "
            "הארץ. המיצגים יוצגו בכל ערב משעה שמונה ועד חצות.",
            "מנהלת הפסטיבל סיפרה כי השנה השתתפו אמנים משמונה מדינות. הכניסה חופשית, אך מומלץ להגיע "
            "בתחבורה ציבורית בגלל העומס בכבישים.",
            "הרשויות ביקשו מהתושבים להתעדכן באתר העירייה לגבי שינויים בקווי האוטובוס ובהסדרי החניה "
            "באזור.",
        ),
    ),
    "ar": (
        "افتتاح مكتبة جديدة في وسط المدينة",
        (
            "افتتحت البلدية يوم السبت مكتبة عامة جديدة تضم أكثر من مئة ألف كتاب باللغتين العربية "
            "والإنجليزية. ويمكن للزوار استعارة الكتب مجانا طوال أيام الأسبوع.",
            "وقال مدير المكتبة إن المبنى يضم قاعة للأطفال ومساحة للدراسة وقاعة للمحاضرات. وأضاف أن "
            "المكتبة ستنظم ورشات للكتابة والقراءة خلال فصل الصيف.",
            "وعبر عدد من السكان عن سعادتهم بالمشروع، مؤكدين أن المدينة كانت بحاجة إلى مكان هادئ "
            "للقراءة والتعلم.",
        ),
    ),
    "lt": (
        "Vilniuje atidaryta nauja biblioteka",
        (
            "Šeštadienį Vilniaus centre duris atvėrė nauja viešoji biblioteka, kurioje sukaupta "
            "daugiau nei du šimtai tūkstančių knygų. Skaitytojai knygas galės skolintis nemokamai.",
            "Bibliotekos direktorė sakė, kad ypatingas dėmesys skirtas vaikų skyriui, kuriame vyks "
            "užsiėmimai ir susitikimai su rašytojais.",
            "Gyventojai džiaugiasi, kad šalia namų atsirado rami vieta skaityti ir mokytis, o "
            "vaikai čia galės ruošti namų darbus.",
        ),
    ),
    "ja": (
        "東京で新しい図書館が開館",
        (
            "東京都内に新しい公立図書館が土曜日に開館し、朝から多くの市民が訪れました。館内には約"
            "二十万冊の本があり、子ども向けの読み聞かせの部屋も設けられています。",
            "館長は「誰もが気軽に立ち寄れる場所にしたい」と話しています。夜は午後九時まで開いて"
            "おり、仕事帰りの人も利用できるということです。",
            "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめ"
            "じめした所でニャーニャー泣いていた事だけは記憶している。",
        ),
    ),
    "zh": (
        "北京新建公共图书馆正式开放",
        (
            "北京市一座新建的公共图书馆于周六正式对外开放，馆内藏书超过二十万册。许多市民一大早"
            "就在门口排队，希望成为第一批读者。",
            "图书馆负责人介绍说，新馆特别设置了儿童阅读区和自习室，每天开放到晚上九点。读者可以"
            "凭身份证免费办理借书证。",
            "有市民表示，以前要坐一个小时的公交车才能借到书，现在步行十分钟就到了，非常方便。",
        ),
    ),
    "zh-tw": (
        "台北新建公共圖書館正式開放",
        (
            "台北市一座新建的公共圖書館於週六正式對外開放，館內藏書超過二十萬冊。許多市民一大早"
            "就在門口排隊，希望成為第一批讀者。",
            "圖書館負責人介紹說，新館特別設置了兒童閱讀區和自習室，每天開放到晚上九點。讀者可以"
            "憑身分證免費辦理借書證。",
            "有市民表示，以前要坐一個小時的公車才能借到書，現在步行十分鐘就到了，非常方便。",
        ),
    ),
    "ko": (
        "서울에 새 도서관 문을 열어",
        (
            "서울 시내에 새로운 공공 도서관이 토요일에 문을 열었고, 아침부터 많은 시민들이 "
            "찾아왔습니다. 도서관에는 약 이십만 권의 책이 있으며 어린이를 위한 독서실도 마련되어 "
            "있습니다.",
            "관장은 누구나 편하게 들를 수 있는 곳을 만들고 싶다고 말했습니다. 도서관은 밤 아홉 "
            "시까지 열려 있어 퇴근길 직장인들도 이용할 수 있습니다.",
            "주민들은 걸어서 십 분 거리에 도서관이 생겨 매우 편리해졌다고 입을 모았습니다.",
        ),
    ),
    "th": (
        "เปิดห้องสมุดแห่งใหม่ในกรุงเทพฯ",
        (
            "ห้องสมุดประชาชนแห่งใหม่ในกรุงเทพมหานครเปิดให้บริการเมื่อวันเสาร์ที่ผ่านมา "
            "มีหนังสือมากกว่าสองแสนเล่ม และมีมุมอ่านหนังสือสำหรับเด็กด้วย",
            "ผู้อำนวยการห้องสมุดกล่าวว่า ห้องสมุดจะเปิดทุกวันจนถึงสามทุ่ม "
            "เพื่อให้คนทำงานสามารถแวะมาอ่านหนังสือได้หลังเลิกงาน",
            "ชาวบ้านในละแวกนั้นต่างดีใจที่มีสถานที่เงียบสงบสำหรับการอ่านและการเรียนรู้ใกล้บ้าน",
        ),
    ),
    "en": (
        "City opens a new public library",
        (
            "The city opened a new public library on Saturday, and hundreds of residents queued "
            "outside before the doors opened. The building holds more than two hundred thousand "
            "books.",
            "The head librarian said the children's floor had been designed with local schools, "
            "and that the reading rooms would stay open until nine in the evening.",
            "The quick brown fox jumps over the lazy dog, as every typist learns on the first day.",
        ),
    ),
}


@dataclass(frozen=True)
class Encoding:
    label: str
    """The label a page would declare (``<meta charset=LABEL>``)."""
    codec: str
    """Python codec that writes the bytes."""
    whatwg: str
    """The WHATWG name the decoder must report."""
    lang: str
    bom: bool = False


ENCODINGS: tuple[Encoding, ...] = (
    Encoding("utf-8", "utf-8", "utf-8", "ja"),
    Encoding("utf-8", "utf-8", "utf-8", "ru"),
    Encoding("utf-8", "utf-8", "utf-8", "fr"),
    Encoding("utf-8", "utf-8", "utf-8", "en"),
    Encoding("utf-8", "utf-8-sig", "utf-8", "el", bom=True),
    Encoding("utf-16le", "utf-16-le", "utf-16le", "ru", bom=True),
    Encoding("utf-16be", "utf-16-be", "utf-16be", "zh", bom=True),
    Encoding("utf-16le", "utf-16-le", "utf-16le", "cs"),
    Encoding("utf-16be", "utf-16-be", "utf-16be", "ru"),
    Encoding("utf-32le", "utf-32-le", "utf-32le", "el", bom=True),
    Encoding("utf-32be", "utf-32-be", "utf-32be", "ja", bom=True),
    Encoding("utf-32le", "utf-32-le", "utf-32le", "ru"),
    Encoding("utf-32be", "utf-32-be", "utf-32be", "fr"),
    Encoding("windows-1250", "cp1250", "windows-1250", "cs"),
    Encoding("iso-8859-2", "iso8859-2", "iso-8859-2", "pl"),
    Encoding("windows-1251", "cp1251", "windows-1251", "ru"),
    Encoding("koi8-r", "koi8-r", "koi8-r", "ru"),
    Encoding("koi8-u", "koi8-u", "koi8-u", "uk"),
    Encoding("iso-8859-5", "iso8859-5", "iso-8859-5", "ru"),
    Encoding("windows-1252", "cp1252", "windows-1252", "fr"),
    Encoding("iso-8859-1", "latin-1", "windows-1252", "de"),
    Encoding("iso-8859-15", "iso8859-15", "iso-8859-15", "fr"),
    Encoding("windows-1254", "cp1254", "windows-1254", "tr"),
    Encoding("iso-8859-9", "iso8859-9", "windows-1254", "tr"),
    Encoding("iso-8859-7", "iso8859-7", "iso-8859-7", "el"),
    Encoding("windows-1253", "cp1253", "windows-1253", "el"),
    Encoding("iso-8859-8", "iso8859-8", "iso-8859-8", "he"),
    Encoding("windows-1255", "cp1255", "windows-1255", "he"),
    Encoding("windows-1256", "cp1256", "windows-1256", "ar"),
    Encoding("iso-8859-6", "iso8859-6", "iso-8859-6", "ar"),
    Encoding("windows-1257", "cp1257", "windows-1257", "lt"),
    Encoding("iso-8859-13", "iso8859-13", "iso-8859-13", "lt"),
    Encoding("shift_jis", "cp932", "shift_jis", "ja"),
    Encoding("euc-jp", "euc-jp", "euc-jp", "ja"),
    Encoding("iso-2022-jp", "iso2022-jp", "iso-2022-jp", "ja"),
    Encoding("gb18030", "gb18030", "gb18030", "zh"),
    Encoding("gb2312", "gbk", "gbk", "zh"),
    Encoding("big5", "big5", "big5", "zh-tw"),
    Encoding("euc-kr", "euc-kr", "euc-kr", "ko"),
    Encoding("tis-620", "tis-620", "windows-874", "th"),
)

# Ordinary page furniture in ASCII, as real pages carry (it dilutes the text for detectors).
_CSS = (
    "body{margin:0;font-family:Georgia,serif;color:#222}header,footer{background:#f4f4f4;"
    "padding:8px 16px}nav a{margin-right:12px;text-decoration:none}article{max-width:40em;"
    "margin:2em auto;line-height:1.5}h1{font-size:2em}.byline{color:#666;font-size:.9em}"
)
_JS = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"

DECLARATIONS = ("meta", "http-equiv", "xml", "transport", "none", "wrong-utf8", "wrong-1252")
"""How a case declares its encoding. ``wrong-utf8``: the page says UTF-8 (the bytes are not);
``wrong-1252``: it says windows-1252 (or, for a UTF-8 page, ISO-8859-1)."""


@dataclass(frozen=True)
class Case:
    name: str
    raw: bytes
    transport: str | None
    """Charset of the HTTP header, for the ``transport`` declaration."""
    encoding: Encoding
    declaration: str
    title: str
    paragraphs: tuple[str, ...]


def page(lang: str, head_decl: str, xml_label: str | None = None) -> str:
    title, paras = TEXTS[lang]
    body = "".join(f"<p>{p}</p>\n" for p in paras)
    prolog = "<!DOCTYPE html>\n"
    if xml_label is not None:
        prolog = (
            f'<?xml version="1.0" encoding="{xml_label}"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        )
    return (
        f'{prolog}<html lang="{lang}"><head>{head_decl}\n<title>{title} - Example News</title>\n'
        f"<style>{_CSS}</style>\n<script>{_JS}</script>\n</head>\n<body>\n"
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a>'
        "</nav></header>\n"
        f'<article>\n<h1>{title}</h1>\n<p class="byline">2024-05-04</p>\n{body}</article>\n'
        "<footer><p>Copyright 2024 Example News</p></footer>\n</body></html>\n"
    )


def _bytes(text: str, enc: Encoding) -> bytes:
    return text.encode(enc.codec)  # strict: every text must be writable in its encoding


def cases() -> list[Case]:
    out: list[Case] = []
    for enc in ENCODINGS:
        title, paras = TEXTS[enc.lang]
        wide = enc.whatwg.startswith(("utf-16", "utf-32"))
        tag = f"{enc.label}{'-bom' if enc.bom else ''}-{enc.lang}"
        for decl in DECLARATIONS:
            transport = None
            if decl == "meta":
                text = page(enc.lang, f'<meta charset="{enc.label}">')
            elif decl == "http-equiv":
                text = page(
                    enc.lang,
                    f'<meta http-equiv="Content-Type" content="text/html; charset={enc.label}">',
                )
            elif decl == "xml":
                text = page(enc.lang, "", xml_label=enc.label)
            elif decl == "transport":
                text = page(enc.lang, "")
                transport = enc.label
            elif decl == "none":
                text = page(enc.lang, "")
            elif decl == "wrong-utf8":
                if enc.whatwg == "utf-8" or enc.codec == "iso2022-jp":
                    continue  # UTF-8 (and 7-bit ISO-2022-JP) are valid UTF-8: not a wrong label
                text = page(enc.lang, '<meta charset="utf-8">')
            else:
                label = "iso-8859-1" if enc.whatwg == "utf-8" else "windows-1252"
                if enc.whatwg in ("windows-1252",):
                    continue
                text = page(enc.lang, f'<meta charset="{label}">')
            if wide and not enc.bom and decl in ("meta", "http-equiv", "xml"):
                continue  # a declaration inside UTF-16/32 bytes cannot be read: same as "none"
            raw = _bytes(text, enc)
            if enc.bom and enc.whatwg != "utf-8":
                raw = {
                    "utf-16le": b"\xff\xfe",
                    "utf-16be": b"\xfe\xff",
                    "utf-32le": b"\xff\xfe\x00\x00",
                    "utf-32be": b"\x00\x00\xfe\xff",
                }[enc.whatwg] + raw
            out.append(Case(f"{tag}-{decl}", raw, transport, enc, decl, title, paras))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python tests/encoding_corpus.py DIR", file=sys.stderr)
        return 2
    d = Path(argv[1])
    d.mkdir(parents=True, exist_ok=True)
    index = []
    for c in cases():
        (d / f"{c.name}.html").write_bytes(c.raw)
        index.append(
            {
                "file": f"{c.name}.html",
                "label": c.encoding.label,
                "whatwg": c.encoding.whatwg,
                "declaration": c.declaration,
                "transport": c.transport,
                "lang": c.encoding.lang,
            }
        )
    (d / "index.json").write_text(json.dumps(index, indent=1, ensure_ascii=False), "utf-8")
    print(f"{len(index)} cases in {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
