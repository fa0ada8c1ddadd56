"""Build boilerstrip/data/function_words.json: per-language function-word lists.

For the languages the evaluation data has clean running text for (English from the gold text of
dragnet, l3s-gn1, cleaneval-dev and cleanportaleval; de, es, fi, fr, sv from the clean lines of
turku-line-quality), the list is the most frequent short words by document frequency. For other common
web languages the lists are the core articles, pronouns, prepositions and conjunctions of the language
(EXTRA below), written by hand.

    python tools/build_function_words.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.data import load_set  # noqa: E402

TOP = 120
"""Words kept per data-derived language."""
MAX_LEN = 7
"""Function words are short; longer frequent words are topic words of the data."""
MIN_DOC_SHARE = 0.08
"""A word must occur in at least this share of the language's documents."""

EXTRA: dict[str, str] = {
    "it": "il lo la i gli le un una uno di a da in con su per tra fra e o ma che non si è sono "
          "del della dei delle al alla ai alle nel nella come anche più questo questa ha hanno "
          "essere era ci ne se perché quando dove chi cui suo sua loro noi voi io tu lui lei",
    "pt": "o a os as um uma uns umas de do da dos das em no na nos nas por para com sem e ou mas "
          "que se não é são foi ser ter tem como mais muito também ao aos à às pelo pela seu sua "
          "ele ela eles elas eu nós você isso este esta esse essa já quando onde",
    "nl": "de het een en van in op te dat die is met voor niet aan er zijn als ook bij door maar "
          "om dan naar of uit wat nog wordt werd al kan hij zij ze we je ik hun haar dit deze was "
          "heeft hebben over tot",
    "pl": "i w na z do się nie że to jest o jak ale po co tak za od przez dla a są był była być "
          "jego jej ich ten ta te który która które czy tylko już może przy oraz lub także",
    "cs": "a v na se že je to s z do o k i ale jako by byl bylo jsou pro po od jak tak už jen "
          "který která které jeho její jejich nebo také při ze když tento tato toto",
    "ru": "и в не на я что с он а как по но это к у из за то от же так все она его для бы "
          "вы мы о был были было есть еще уже или только ее их при если когда даже этот эта "
          "чтобы где себя до нет",
    "uk": "і в не на що з він а як по але це до у за та від так все вона його для б ви ми о "
          "був були було є ще вже або тільки її їх при якщо коли навіть цей ця щоб де",
    "tr": "ve bir bu da de için ile çok ne gibi daha o ama en kadar sonra olarak olan var ya "
          "mi mı ise her şey ben sen biz onlar değil",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak ke akan pada juga ada saya kami "
          "mereka atau oleh sebagai bisa sudah karena seperti lebih",
    "hu": "a az és hogy nem is egy meg de van volt csak már mint még ez az azt ha el ki mi "
          "vagy pedig után között",
    "ro": "și în de la a cu pe nu o un una că se din pentru este sunt mai ca dar sau care lui "
          "ei lor al ale fost",
    "da": "og i at det er en til på de med for som den af ikke der har et var jeg men om vi "
          "kan han hun fra så også efter",
    "no": "og i det som en på er til av at for med ikke de har den et var jeg men om vi kan "
          "han hun fra så også etter",
    "bg": "и в на е се за от да не с по че са като този тази това които която който но или ще "
          "към при до след още му си го ги беше има няма както само вече",
    "el": "και το να του η της την σε με για τα από που των ο στο στην θα δεν οι τις τους είναι "
          "ένα μια στα ότι αλλά στις στον ή τον αυτό πιο μας σας όπως ενώ μετά",
    "ar": "في من على إلى عن أن إن هذا هذه التي الذي مع كان ما لا هو هي قد بعد كما بين أو ذلك "
          "حتى كل لم لن عند ثم وقد وفي ومن وأن الى التى تلك أيضا منذ خلال حيث",
    "fa": "و در به از که این را با است برای آن یک خود تا بر هم نیز شده می شود های ها کرد بود "
          "اند شد وی اما یا اگر هر چه پس",
    "he": "של את על עם זה לא כי הוא היא גם אבל או אם כל יש אין מה רק עוד כמו אחרי לפני בין "
          "הם אני היה היו זו אלה כך מאוד אחד אשר",
    "hi": "के का की में है हैं और से को पर यह भी ने एक कि था थे थी लिए तो इस हो कर गया किया "
          "साथ या नहीं वह जो कुछ अपने तक बाद",
    "bn": "ও এবং এ এই করে হয় থেকে জন্য না যে তার একটি সঙ্গে হয়েছে কিন্তু বা তিনি আর এক সে "
          "তাদের করা এর দিয়ে হবে নিয়ে পর কাছে ছিল আমি আমরা কোন",
    "ko": "이 그 저 것 수 등 및 더 또 또는 그리고 하지만 그러나 있는 있다 없는 없다 있습니다 "
          "합니다 했다 한다 하는 위해 대한 통해 따라 같은 때문에 이번 모든 다른 많은 이후 중 때",
    "vi": "và của là có được cho các những một trong với không này đã để người khi từ theo về "
          "đến như cũng nhưng thì tại sẽ ra vào lại nên mà bị đang rất nhiều hay hoặc nếu vì do "
          "trên sau đó",
    "zh": "的 了 是 在 不 和 有 这 我 他 也 就 人 都 一 上 们 中 个 到 说 要 与 对 为 以 地 "
          "着 而 及 但 被 把 其 或 等",
    "ja": "の に は を た が で て と し れ さ ある いる も な する から こと として い や れる "
          "など なっ ない この ため その あっ よう また もの",
}


def _words(text: str) -> set[str]:
    return {w for w in regex.findall(r"\w+", text.lower()) if not w.isdigit()}


def build(data: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {"en": []}
    for name in ("dragnet", "l3s-gn1", "cleaneval-dev", "cleanportaleval"):
        for page in load_set(data, name):
            if page.gold_text:
                texts["en"].append(page.gold_text)
    for page in load_set(data, "turku-line-quality"):
        assert page.text is not None and page.line_labels is not None
        clean = [ln for ln, lab in zip(page.text.split("\n"), page.line_labels) if lab == 1]
        texts.setdefault(page.lang or "xx", []).append("\n".join(clean))
    out: dict[str, list[str]] = {}
    for lang, docs in sorted(texts.items()):
        df: Counter[str] = Counter()
        for d in docs:
            df.update(_words(d))
        # (ties in document frequency broken by the word: a set's order
        # changes from run to run)
        ranked = sorted(df.items(), key=lambda wc: (-wc[1], wc[0]))
        keep = [w for w, c in ranked if len(w) <= MAX_LEN and c >= MIN_DOC_SHARE * len(docs)]
        out[lang] = sorted(keep[:TOP])
    for lang, words in EXTRA.items():
        # (NFC, as boilerstrip normalizes every page's text: Bengali's "হয়" keeps its nukta apart)
        out[lang] = sorted(set(unicodedata.normalize("NFC", words).split()))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--out", type=Path, default=Path("boilerstrip/data/function_words.json"))
    args = ap.parse_args()
    table = build(args.data)
    args.out.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: " + ", ".join(f"{k}={len(v)}" for k, v in table.items()))


if __name__ == "__main__":
    main()
