# ruff: noqa: RUF001 (full-width letters and punctuation in the CJK text are what is tested)
"""The optional compiled helpers give the same numbers as the plain-Python forms, to the bit: the
tree walker's margins, the learned model's feature vectors, the text shapes."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import json
import math
import re
import struct
import sys
from array import array
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import classify, features
from boilerstrip.classify import learned, model
from boilerstrip.document import Doc, Segment
from boilerstrip.features import compute
from boilerstrip.pipeline import prepare

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

Forest = model._compiled_forest()
pytestmark = pytest.mark.skipif(Forest is None, reason="boilerstrip._speedups is not built here")


def _spec(name: str) -> dict[str, Any]:
    raw = resources.files("boilerstrip").joinpath(f"data/{name}.json").read_text("utf-8")
    spec: dict[str, Any] = json.loads(raw)
    return spec


def _page_vectors() -> list[tuple[str, list[list[float]]]]:
    out = []
    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, learned.LearnedArticle))]
    pages = sorted((FIXTURES / "real").glob("*/page.*")) + sorted((FIXTURES / "pages").glob("*/source.*"))
    for page in pages:
        doc, _ = prepare(page.read_bytes())
        if doc.segments:
            classify.run(doc, before)
            out.append((doc.kind, learned.vectors(doc)))
    return out


@pytest.mark.parametrize("name", ["model_html", "model_text"])
def test_compiled_forest_matches_python_bit_for_bit(name: str) -> None:
    vectors = [v for kind, vs in _page_vectors() if f"model_{kind}" == name for v in vs]
    assert vectors, "no fixture page of this kind"
    for stage, spec in _spec(name).items():
        if spec["type"] != "trees":
            continue
        python = model._compile_trees(float(spec["base"]), spec["trees"])
        compiled = Forest(float(spec["base"]), spec["trees"]).margin
        for v in vectors:
            assert compiled(v) == python(v), stage


def test_edge_values() -> None:
    # One stump on feature 0: NaN and infinities take the same branch in both walkers.
    trees = [[[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, -1.25], [-1, 0, 0, 0, 2.5]]]
    python = model._compile_trees(0.1, trees)
    compiled = Forest(0.1, trees).margin
    for x in (0.5, 0.4999999999, 0.5000000001, -math.inf, math.inf, math.nan, 0.0):
        assert compiled([x]) == python([x])


def _random_tree(rng: Any, depth: int, width: int) -> list[list[float]]:
    """A tree in the flat node format, of at most ``depth`` levels, leaves at any level."""
    nodes: list[list[float]] = []

    def grow(level: int) -> int:
        at = len(nodes)
        nodes.append([])
        if level == depth or (level and rng.random() < 0.2):
            nodes[at] = [-1, 0.0, 0, 0, rng.choice([rng.uniform(-2, 2), 0.0, -0.0, 1e-300])]
        else:
            feature, threshold = rng.randrange(width), rng.choice([rng.uniform(-1, 1), 0.0])
            left = grow(level + 1)
            right = grow(level + 1)
            nodes[at] = [feature, threshold, left, right, 0.0]
        return at

    grow(0)
    return nodes


def test_compiled_forest_of_any_depth_matches_python() -> None:
    """Forests whose trees are at most 6 deep are walked as complete trees, deeper ones node by
    node: both give the Python walk's sums, for any number of trees (4 are walked side by side),
    on vectors with NaN, infinities, zeros of both signs and values at the thresholds."""
    import random

    rng = random.Random(3)
    width = 7
    vectors = [[rng.choice([rng.uniform(-1.5, 1.5), 0.0, -0.0, math.nan, math.inf, -math.inf])
                for _ in range(width)] for _ in range(300)]
    for depth in (0, 1, 2, 3, 4, 5, 6, 7, 9):
        for n_trees in (1, 3, 4, 5, 9, 80):
            trees = [_random_tree(rng, depth, width) for _ in range(n_trees)]
            base = rng.uniform(-1, 1)
            python = model._compile_trees(base, trees)
            compiled = Forest(base, trees).margin
            for v in vectors:
                a, b = compiled(v), python(v)
                assert a == b or (math.isnan(a) and math.isnan(b)), (depth, n_trees)
                assert math.copysign(1.0, a) == math.copysign(1.0, b)


# --- the learned model's feature vectors (learned.rows and _speedups.Rows) -----------------------

Speedups = model.speedups()

ODD_TEXTS = [
    "",
    " ",
    "A",
    "a",
    "Ǆ",  # titlecase
    "ǅ",
    "ABC DEF",
    "ABC dEF",
    "HELLO, WORLD! 123",
    "NEWS ・ スポーツ",
    "中文内容\uff0c没有空格的句子。第二句！",
    "日本語のテキスト\uff1aカタカナとひらがな 2024年1月2日",
    "ภาษาไทยไม่มีการเว้นวรรค",
    "Ünïcödé Çàpïtàls ÀND lower",
    "ΑΒΓ δεζ ΗΘΙ",
    "١٢٣ ٤٥٦ arabic-indic digits ०१२",
    "\u00a0nbsp\u2003em-space\u3000ideographic\x1cfile-sep\x1fend\x85nel",
    "lone surrogate \ud800 and \udfff here",
    "astral \U0001d400\U0001d401 \U0001d7cf\U0001d7d0 \U0001f600 emoji",
    "Copyright © 2015 Example Ltd. All rights reserved.",
    "Posted by admin on March 3, 2015 at 10:45",
    "Home | News | Sport | Contact",
    "x" * 450 + " Y" * 20,
    "1 2 3 4 5 6 7 8 9 0 " * 30,
    "Short line.",
    "A long sentence of running prose, with enough words to look like a paragraph of an article, "
    "and a full stop at the end of it.",
]


def _text_doc(texts: list[str]) -> Doc:
    doc = Doc(kind="text")
    for i, t in enumerate(texts, 1):
        doc.segments.append(
            Segment(text=t, source=f"lines {i}-{i}", tag="line", line_start=i, line_end=i + i % 3,
                    indent=i % 25, bullet="*" if i % 4 == 0 else "", list_item=i % 4 == 0,
                    blank_before=i % 2 == 0, blank_after=i % 3 == 0)
        )
    compute(doc)
    return doc


def _flat(vs: list[list[float]]) -> bytes:
    return b"".join(struct.pack(f"<{len(v)}d", *v) for v in vs)


def _compiled_vectors(doc: Doc, lex: Any = None) -> list[list[float]]:
    got = learned.vectors(doc, lex)  # the compiled form here (the helper is built)
    assert learned._compiled_rows(doc) is not None
    return got


def _pages() -> list[tuple[str, bytes | str, str]]:
    out: list[tuple[str, bytes | str, str]] = []
    pages = sorted((FIXTURES / "real").glob("*/page.*")) + sorted(
        (FIXTURES / "pages").glob("*/source.*")
    )
    out += [(p.name, p.read_bytes(), "auto") for p in pages]
    gate = FIXTURES / "gate" / "pages.jsonl.gz"
    if gate.exists():
        with gzip.open(gate, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k % 3 or not line.strip():
                    continue
                rec = json.loads(line)
                raw = base64.b64decode(rec["raw_b64"]) if "raw_b64" in rec else rec["html"]
                out.append((f"gate/{rec['id']}", raw, "html"))
    return out


def _before_learned(doc: Doc) -> None:
    pipe = classify.PIPELINE
    at = next(i for i, s in enumerate(pipe) if isinstance(s, learned.LearnedArticle))
    classify.run(doc, pipe[:at])


@pytest.mark.parametrize("kind", ["html", "text"])
def test_compiled_vectors_match_python_bit_for_bit(kind: str) -> None:
    """The real pages as HTML, and their extracted text (whole and with the blocks' own line
    breaks) as text dumps."""
    import boilerstrip

    checked = 0
    for name, raw, as_kind in _pages():
        if kind == "html":
            doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        else:
            art = boilerstrip.extract(raw, kind=as_kind)  # type: ignore[arg-type]
            dump = "\n".join(b.text for b in art.blocks)
            doc, _ = prepare(dump, kind="text")
        if not doc.segments or doc.kind != kind:
            continue
        _before_learned(doc)
        lex = learned._models("html").get("lexicon")
        assert _flat(_compiled_vectors(doc, lex)) == _flat(list(learned.rows(doc, lex))), name
        checked += 1
    assert checked >= 5


def test_compiled_vectors_odd_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    for texts in (ODD_TEXTS, ODD_TEXTS[:1], ODD_TEXTS[:3], ODD_TEXTS * 3, ODD_TEXTS[::-1]):
        doc = _text_doc(texts)
        _before_learned(doc)
        want = _flat(list(learned.rows(doc)))
        assert _flat(_compiled_vectors(doc)) == want
        for chunk in (1, 2, 5):
            monkeypatch.setattr(learned, "_CHUNK", chunk)
            assert _flat(_compiled_vectors(doc)) == want
        monkeypatch.undo()


def test_compiled_vectors_any_range_of_a_long_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows keeps its running sums (window prefix sums, meta lines, characters before) at every
    256th block only and carries them on in fill(): any range, in any order, gives the vectors of
    the whole page's run, bit for bit, on a page of several marks."""
    import random

    texts = [f"{t} {k}" if k % 9 else t for k, t in enumerate(ODD_TEXTS * 40)]
    texts += ["Posted on 12 May 2011", "Copyright 2015 Example"] * 20
    doc = _text_doc(texts)
    _before_learned(doc)
    n = len(doc.segments)
    assert n > 3 * 256
    want = _flat(list(learned.rows(doc)))
    assert _flat(_compiled_vectors(doc)) == want
    lex = learned._models("html")["lexicon"]
    want_lex = _flat(list(learned.rows(doc, lex)))
    for chunk in (7, 255, 256, 257, n):
        monkeypatch.setattr(learned, "_CHUNK", chunk)
        assert _flat(_compiled_vectors(doc)) == want
        assert _flat(_compiled_vectors(doc, lex)) == want_lex
        assert _flat(list(learned.rows(doc, lex))) == want_lex
    monkeypatch.undo()
    rows = learned._compiled_rows(doc)
    width = len(learned.FEATURE_NAMES) * 8
    rng = random.Random(5)
    for _ in range(40):
        lo = rng.randrange(n + 1)
        hi = rng.randrange(lo, min(n, lo + 600) + 1)
        assert rows.fill(lo, hi) == want[lo * width : hi * width]
    with pytest.raises(IndexError):
        rows.fill(5, n + 1)


def test_compiled_vectors_hand_set_fields() -> None:
    """Fields at and past the bounds the features clip at, and a comment label."""
    from boilerstrip.types import Label

    doc = _text_doc(ODD_TEXTS)
    _before_learned(doc)
    for k, s in enumerate(doc.segments):
        s.indent = (0, 19, 20, 21, 500)[k % 5]
        s.depth = (0, 39, 40, 41, 10_000)[k % 5]
        s.heading = (0, 1, 2, 6)[k % 4]
        s.cues = (0, 1 << 18, (1 << 19) - 1, 1 << 40, 5)[k % 5]
        s.near_cues = (1 << 7, 0, 3, (1 << 62) | 1)[k % 4]
        s.tag = ("p", "li", "h", "unknown", "")[k % 5]
        s.line_end = 0 if k % 6 == 0 else s.line_end
        s.words = (0.0, 16.0, 16.5, 1e300)[k % 4]
        s.label = Label.COMMENT if k % 7 == 0 else s.label
        s.image_before = k % 2 == 1
    assert _flat(_compiled_vectors(doc)) == _flat(list(learned.rows(doc)))


def test_compiled_probabilities_match_python() -> None:
    for name in ("model_html", "model_text"):
        models = model.load(name)
        kind = name.split("_")[1]
        for _, raw, as_kind in _pages()[:6]:
            doc, _ = prepare(raw, kind=as_kind if kind == "html" else "text")  # type: ignore[arg-type]
            if not doc.segments:
                continue
            _before_learned(doc)
            vs = list(learned.rows(doc))
            flat = _flat(vs)
            for stage, m in models.items():
                spec = _spec(name)[stage]
                python = model._compile_trees(float(spec["base"]), spec["trees"])
                want = [model.sigmoid(python(v)) for v in vs]
                got = m.forest.probabilities(flat, len(learned.FEATURE_NAMES))
                assert [struct.pack("<d", x) for x in got] == [struct.pack("<d", x) for x in want]


def test_sigmoid_edges() -> None:
    trees = [[[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, 0.0], [-1, 0, 0, 0, 0.0]]]
    for base in (0.0, -0.0, 1e-300, -1e-300, 3.5, -3.5, 40.0, -40.0, 745.0, -745.0, 1e308,
                 -1e308, math.inf, -math.inf):
        f = Forest(base, trees)
        got = f.probabilities(struct.pack("<d", 0.0), 1)[0]
        assert struct.pack("<d", got) == struct.pack("<d", model.sigmoid(base)), base


def test_compiled_text_shape_and_isupper() -> None:
    texts = ODD_TEXTS + [t for t in ODD_TEXTS for t in (t.upper(), t.lower(), t.title(), t[:399])]
    for t in texts:
        assert Speedups.text_shape(t) == features.text_shape(t), repr(t)
        assert Speedups.isupper(t) is t.isupper(), repr(t)
    # every code point alone, and after a letter of each case
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        for t in (c, "a" + c, "A" + c, c + " x"):
            assert Speedups.isupper(t) is t.isupper(), hex(cp)
        assert Speedups.text_shape(c + "A b1") == features.text_shape(c + "A b1"), hex(cp)


# --- the text segmenter's wrap test (segment_text._continues and _speedups.wraps) ----------------


def _widths(lines: list[str]) -> tuple[list[int], list[int]]:
    from boilerstrip.segment_text import display_width

    lengths = [display_width(s) for s in lines]
    indents = [n - display_width(s.lstrip()) for n, s in zip(lengths, lines, strict=True)]
    return lengths, indents


def _python_wraps(lines: list[str], page: int | None = None) -> bytes:
    """segment_text._continues for every line, with the page width segment_text finds (or
    ``page``)."""
    from boilerstrip.segment_text import _continues, page_width

    lengths, indents = _widths(lines)
    if page is None:
        page = page_width(lengths)
    return bytes(
        1
        if i + 1 < len(lines) and _continues(lines[i + 1], lengths, indents, i, page)
        else 0
        for i in range(len(lines))
    )


def _compiled_wraps(lines: list[str], page: int | None = None) -> bytes:
    from boilerstrip import segment_text as st

    lengths, indents = _widths(lines)
    if page is None:
        page = st.page_width(lengths)
    got: bytes = Speedups.wraps(
        lines, lengths, indents, page, st._WIDE.match, st.display_width, st.NARROW_MIN_WIDTH,
        st.WRAP_MIN_WIDTH, st.WRAP_MAX_WIDTH, st.WRAP_WINDOW, st.WRAP_EVIDENCE, st.WRAP_CLOSE,
        st.SHORT_SHARE,
    )
    return got


_CJK_PARAGRAPHS = [
    # Chinese, a paragraph indented with two full-width spaces, full-width punctuation
    "\u3000\u3000北京时间昨天晚上，国家统计局发布了最新的经济数据。数据显示，今年前三个季度国内生产"
    "总值同比增长百分之五点二，增速比上半年有所回升。分析人士认为，消费和投资的恢复是主要原因，"
    "但外部需求仍然疲弱，出口面临较大压力。专家建议继续加大政策支持力度，稳定市场预期。",
    "\u3000\u3000与此同时，多地出台了促进消费的措施，包括发放消费券、举办购物节等活动。业内人士表示，"
    "这些措施在短期内效果明显，但长期来看还需要提高居民收入水平。",
    "相关新闻",
    "责任编辑：张三",
    # Japanese, kana and kanji, half-width digits
    "東京都は２０２４年度の予算案を発表した。総額は過去最大となり、子育て支援や防災対策に重点を置"
    "いている。知事は記者会見で「都民の生活を守るための予算だ」と述べた。一方で、財政の健全性を懸念"
    "する声も上がっている。",
    "ホーム ＞ ニュース ＞ 政治",
    # Korean: Hangul is wide, and words are separated by spaces
    "서울시는 오늘 대중교통 요금을 인상한다고 발표했습니다. 시는 지하철과 버스의 운영 적자가 계속 "
    "늘어나고 있어 요금 인상이 불가피하다고 설명했습니다. 시민들은 물가 상승으로 생활비 부담이 "
    "커지는 상황에서 요금까지 오르면 어려움이 더 커질 것이라고 우려했습니다.",
    "로그인 회원가입 고객센터",
    # full-width Latin, upper and lower case (a full-width lower-case letter: lower case and wide)
    "ＡＢＣニュースによると、ｏｐｅｎａｉやｇｏｏｇｌｅなどの企業が新しいモデルを発表した。"
    "ｔｈｅ ｑｕｉｃｋ ｂｒｏｗｎ ｆｏｘ ｊｕｍｐｓ ｏｖｅｒ ｔｈｅ ｌａｚｙ ｄｏｇ "
    "ａｎｄ ｒｕｎｓ ａｗａｙ ＦＡＳＴ ａｓ ｉｔ ｃａｎ.",
    # mixed wide and narrow: English words and numbers inside Chinese text
    "据Reuters报道，Apple公司在2024年第三季度的iPhone销量达到4,580万部，比去年同期增长了3.5%。"
    "CEO Tim Cook表示，中国市场的表现superior to expectations，尤其是在Shanghai和Shenzhen等城市。"
    "analysts expect the trend to continue through the end of the year, 但也有人持谨慎态度。",
    "Mixed line: running English prose with a few 中文词语 in it and then more English words that "
    "go on long enough to be wrapped at eighty columns, twice or three times over, 结束。",
]


def _wrap_columns(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` terminal columns as a dumper wraps it: between words, and
    between any two wide characters."""
    import regex

    from boilerstrip.segment_text import display_width

    lines: list[str] = []
    cur, used, space = "", 0, False
    for tok in regex.findall(r"[\p{ea=W}\p{ea=F}]| +|[^ \p{ea=W}\p{ea=F}]+", text):
        if tok.startswith(" "):
            space = True
            continue
        add = (1 if space and cur else 0) + display_width(tok)
        if cur and used + add > width:
            lines.append(cur)
            cur, used = tok, display_width(tok)
        else:
            cur += (" " if space and cur else "") + tok
            used += add
        space = False
    return [*lines, cur] if cur else lines


def _cjk_dumps() -> list[list[str]]:
    """The CJK paragraphs wrapped at 80 columns as w3m dumps them, and at other widths, narrow
    columns and indents included."""
    out = []
    for width in (80, 79, 78, 60, 40, 39, 30, 24, 17):
        lines: list[str] = []
        for k, p in enumerate(_CJK_PARAGRAPHS * 2):
            pad = " " * ((k * 5) % 7) if width < 80 else ""
            lines += [pad + ln for ln in _wrap_columns(p, width - len(pad))]
            if k % 2 == 0:
                lines.append("")
        out.append([ln.rstrip() for ln in lines])
    # a short paragraph alone among page-wide ones, and wide text next to narrow text
    wide = _wrap_columns(_CJK_PARAGRAPHS[0] + _CJK_PARAGRAPHS[1], 80)
    out.append([*wide, "", *_wrap_columns(_CJK_PARAGRAPHS[1][:60], 80), "", *wide])
    mixed = _wrap_columns(_CJK_PARAGRAPHS[10] * 3, 80)
    out.append([ln for pair in zip(wide, mixed, strict=False) for ln in pair])
    return out


def _dumps() -> list[list[str]]:
    """Text dumps: the fixture text page, and the fixture pages' text wrapped at several widths,
    indented, in two columns, with odd unicode; CJK text wrapped in terminal columns."""
    import textwrap

    import boilerstrip

    out = []
    for p in sorted((FIXTURES / "pages").glob("*/source.txt")):
        out.append(p.read_text("utf-8").split("\n"))
    for k, (_, raw, as_kind) in enumerate(_pages()[:40]):
        art = boilerstrip.extract(raw, kind=as_kind)  # type: ignore[arg-type]
        width = (18, 25, 39, 40, 41, 60, 79, 150, 230)[k % 9]
        lines: list[str] = []
        for j, b in enumerate(art.blocks):
            pad = " " * ((j * 7) % 9)
            lines += [pad + w for w in textwrap.wrap(b.text, width)] or [""]
            if j % 3 == 0:
                lines.append("")
        out.append([ln.rstrip() for ln in lines])
    odd = [t.rstrip() for t in ODD_TEXTS] + ["wörter " * 9, "ärger und " * 6, "x" * 45]
    out.append(odd * 3)
    out.append([("  " * (i % 5)) + t for i, t in enumerate(odd * 4)])
    out += _cjk_dumps()
    out += [[], [""], ["only one line of text here, long enough to be wrapped maybe"]]
    return out


def test_compiled_display_widths_match_python() -> None:
    """display_widths() measures lines and indents as segment_text does, with the width table (the
    Basic Multilingual Plane) and without: the dumps, and every code point alone, indented (by
    ASCII blanks, ideographic spaces, other blanks) and followed by ASCII or wide text."""
    from boilerstrip.segment_text import display_width

    dumps = _dumps()
    for cp in range(0, sys.maxunicode + 1, 5):
        c = chr(cp)
        dumps.append([c, "  " + c + "x", "\u3000" + c + " y", c + c + " 字", "\u2003\t" + c + "ab"])
    from boilerstrip.segment_text import _width_table

    table = _width_table()
    for lines in dumps:
        want = _widths(lines)
        assert Speedups.display_widths(lines, display_width) == want
        assert Speedups.display_widths(lines, display_width, table) == want


def test_compiled_wraps_match_python() -> None:
    checked = wide_checked = 0
    for lines in _dumps():
        want = _python_wraps(lines)
        assert _compiled_wraps(lines) == want
        checked += sum(want)
        for page in (0, 80, 100):  # the page-wide fallback on or off, whatever the dump shows
            assert _compiled_wraps(lines, page) == _python_wraps(lines, page)
    for lines in _cjk_dumps():
        wide_checked += sum(_python_wraps(lines))
    assert checked > 100  # the dumps do have wrapped lines
    assert wide_checked > 100  # and so does the CJK text


def test_ascii_is_never_wide() -> None:
    """The compiled helpers take an ASCII character as narrow without asking _WIDE, as
    display_width() does for an ASCII line."""
    from boilerstrip.segment_text import _WIDE

    assert not any(_WIDE.match(chr(c)) for c in range(128))


def test_compiled_wraps_every_first_character() -> None:
    """The next line's first word starts with every 7th code point (lower case or wide or not,
    space or not), after wide lines and narrow ones, in a wide column, a narrow one, and after a
    short line among wide ones: each code point in one of these 20 settings, in turn."""
    long, cjk, narrow = (
        "a line of running text that is long enough to wrap at forty-five",  # 65 columns
        "北京时间昨天晚上国家统计局发布了最新的经济数据数据显示今年前三个季度国内生产总值",  # 80
        "a narrow column of text wrapped at 30",  # 37: lower case or wide only
    )
    # the last line before the next one a few columns short of the width: the first word decides
    bases = [
        [*([long] * 5), long[:59]],
        [*([cjk] * 5), cjk[:38] + "a"],  # 77 columns: a wide start needs 2, not 3
        [*([narrow] * 5), narrow[:35]],
        [*(["x" * 42] * 5), "short line: thirty-six columns wide!"],  # short among wide lines
    ]
    wrapped = [0] * len(bases)
    for k, cp in enumerate(range(0, sys.maxunicode + 1, 7)):
        c = chr(cp)
        base = bases[k % len(bases)]
        nxt = (c + "word", c, " " + c + "x " + c, "w" + c + "rd more", c + "字" * 3)[k // 4 % 5]
        lines = [*base, nxt, base[0]]
        want = _python_wraps(lines)
        assert _compiled_wraps(lines) == want, hex(cp)
        wrapped[k % len(bases)] += want[len(base) - 1]
    assert min(wrapped) > 1000, wrapped  # every setting has lines wrapped and lines not
    assert max(wrapped) < 0x110000 // 7 // len(bases) - 1000, wrapped


def test_compiled_joiner_every_character() -> None:
    """Two wrapped lines are joined as _joiner joins them, whatever the last character of the one
    and the first of the other."""
    from boilerstrip import patterns as P
    from boilerstrip.segment_text import _WIDE, _joiner

    def joined(lines: list[str]) -> str:
        blocks = Speedups.text_blocks(
            lines, b"\x01\x01\x00", P.BULLET.match, _WIDE.match, lambda n: False, 0, 1023, 100
        )
        assert len(blocks) == 1
        text: str = blocks[0][4]
        return text

    for cp in range(0, sys.maxunicode + 1, 3):
        c = chr(cp)
        if c.isspace():
            continue
        for a, b in (("字字" + c, c + "字"), ("ab" + c, c + "字"), ("字" + c, "字b"), ("字字", c)):
            want = a + _joiner(a, b) + b
            want += _joiner(want, "字") + "字"
            assert joined([a, b, "字"]) == want, hex(cp)


# --- the text segmenter's paragraph loop (segment_text and _speedups.text_blocks) ---------------


def _segments(text: str, pure: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    from boilerstrip.compiled import PURE_PYTHON_ENV
    from boilerstrip.segment_text import segment_text

    with monkeypatch.context() as m:
        if pure:
            m.setenv(PURE_PYTHON_ENV, "1")
        doc = Doc(kind="text")
        segment_text(text, doc)
        doc.write_sources()
    return [
        (s.text, s.source, s.tag, s.line_start, s.line_end, s.indent, s.bullet, s.list_item,
         s.blank_before, s.blank_after, type(s.text), type(s.bullet), type(s.blank_before))
        for s in doc.segments
    ] + [("truncated", doc.budget.truncated)]


def _bulleted(lines: list[str]) -> list[str]:
    marks = ["• ", "□ ", "* ", "- ", "+ ", "1. ", "12) ", "[3] ", "1234. ", "·", "– ", "*", "o ",
             "\u0663. ", "\x1c- ", "\u3000* ", "\u00a0• "]
    return [
        (" " * (k % 4)) + marks[k % len(marks)] + ln if ln and k % 3 == 0 else ln
        for k, ln in enumerate(lines)
    ]


def test_compiled_text_segments_match_python() -> None:
    """text_segments() makes the Segments _make_segments makes, field for field, from the records
    text_blocks() gives for the dumps and from odd hand-made ones; bad records raise."""
    from boilerstrip import patterns as P
    from boilerstrip.segment_text import _WIDE, _make_segments

    names = [f.name for f in dataclasses.fields(Segment)]

    def fields(segs: list[Any]) -> list[tuple[Any, ...]]:
        return [tuple((type(getattr(s, n)), getattr(s, n)) for n in names) for s in segs]

    records: list[list[Any]] = []
    for lines in _dumps():
        lines = [ln.rstrip() for ln in lines]
        wrapped = bytes(k % 3 != 2 for k in range(len(lines)))
        records.append(
            Speedups.text_blocks(lines, wrapped, P.BULLET.match, _WIDE.match, lambda n: False, 0,
                                 1023, 20000)
        )
    odd = ["", "字字", "\ud800", "x" * 100000, "a\tb", "é" * 3, "\U0001f600"]
    records.append([(k % 5, k % 5 + 1, k, odd[k % 7], odd[(k + 3) % 7], k % 2 == 0, k % 3 == 0)
                    for k in range(40)])
    records.append([])
    new = Speedups.Segment
    for recs in records:
        origin = [k * 2 + 1 for k in range(max([r[1] for r in recs], default=0) + 1)]
        want = fields(_make_segments(list(recs), origin, Segment))
        copy = list(recs)
        got = Speedups.text_segments(copy, origin, new, "line", "")
        assert fields(got) == want
        assert all(r is None for r in copy)
        assert fields(_make_segments(list(recs), origin, new)) == want
    for bad in ([(0, 1)], [(0, 5, 0, "", "x", True, True)], [(-1, 1, 0, "", "x", True, True)],
                [("0", 1, 0, "", "x", True, True)], [None], [(0, 1, 0, "", "x", True, True, 1)]):
        with pytest.raises((TypeError, ValueError)):
            Speedups.text_segments(list(bad), [1, 2], new, "line", "")
    with pytest.raises(TypeError):
        Speedups.text_segments([(0, 1, 0, "", "x", True, True)], [1], new, b"line", "")


def test_compiled_segment_text_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    for lines in _dumps():
        for variant in (lines, _bulleted(lines)):
            text = "\n".join(variant)
            assert _segments(text, False, monkeypatch) == _segments(text, True, monkeypatch)
    for text in ("", "\n\n", "   \n\t\n", "x", " \u3000 y \u3000", "\ud800 lone\n\udfff",
                 "* \n- \n1.\n[1] x\n  • item text\n    continued"):
        assert _segments(text, False, monkeypatch) == _segments(text, True, monkeypatch)


def test_compiled_segment_text_stops_at_the_block_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip import budget

    monkeypatch.setattr(budget, "MAX_BLOCKS", 1500)
    text = "\n".join(f"line {k}\n" if k % 5 else f"line {k}" for k in range(6000))
    got = _segments(text, False, monkeypatch)
    assert got == _segments(text, True, monkeypatch)
    assert got[-1] == ("truncated", True) and 1500 <= len(got) - 1 < 3000


# --- word statistics of ASCII text (features.compute and pick_language) -------------------------


def _ascii_texts() -> list[str]:
    import random

    rng = random.Random(5)
    pieces = [chr(c) for c in range(128)] + [
        "the", "The", "AND", "of", "und", "der", "le", "la", "de", "_x_", "a1", "Mr.", "end.",
        "end!", "why?", '."', ".'", '.")', ".]", ". ", "!\t", "?\n", "...", "?!", "\x1c", "\x1f",
        "   ", "word", "WORD", "2015", "e.g.", "(ok.)", "quote.\"'\")]", "x.\x0b", ".\x85",
    ]
    out = ["", " ", ".", "!", "?", '."', ".\n", "a.\n", "a. \n", "_", "__init__", "a" * 300]
    for _ in range(5000):
        out.append("".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12))))
    for _, raw, as_kind in _pages()[:20]:
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        out += [s.text for s in doc.segments if s.text.isascii()]
    return [t for t in out if t.isascii()]


def test_compiled_ascii_features_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words, tokens' stop share, sentence ends and punct_end of every ASCII text above, with the
    English, German and French function words, with and without the helper."""
    from boilerstrip.compiled import PURE_PYTHON_ENV

    names = ("chars", "words", "stop_density", "punct_end", "sentences")
    texts = _ascii_texts()
    for lang in ("en", "de", "fr"):
        got = []
        for pure in (False, True):
            with monkeypatch.context() as m:
                if pure:
                    m.setenv(PURE_PYTHON_ENV, "1")
                doc = Doc(kind="text")
                doc.meta.lang = lang
                doc.segments = [Segment(t, "lines 1-1") for t in texts]
                compute(doc)
            got.append([tuple((getattr(s, k), type(getattr(s, k))) for k in names)
                        for s in doc.segments])
        assert got[0] == got[1], lang


def _python_hits(toks: list[str], n_langs: int) -> list[int]:
    """The function-word hits per language the plain-Python language pick counts for ``toks``."""
    want = [0] * n_langs
    features._count_hits(toks, want)
    return want


def test_compiled_language_hits_match_python() -> None:
    from array import array

    langs, index = features._language_index()
    for t in _ascii_texts()[::7]:
        hits = array("q", bytes(8 * len(langs)))
        n = Speedups.language_hits(t, index, hits)
        toks = features.tokens(t)
        assert n == len(toks) and list(hits) == _python_hits(toks, len(langs)), repr(t)


def test_compiled_features_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """features.compute (and the language it picks) with and without the helper, on the fixture
    pages (HTML, whatever their language) and on text documents of mixed scripts."""
    from boilerstrip.compiled import PURE_PYTHON_ENV

    names = ("chars", "words", "link_density", "stop_density", "punct_end", "sentences")

    def docs() -> list[Doc]:
        out = []
        for _, raw, as_kind in _pages():
            doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
            out.append(doc)
        out += [_text_doc(ODD_TEXTS), _text_doc([t for t in ODD_TEXTS if not t.isascii()])]
        out += [_text_doc(_ascii_texts()[:300]), _text_doc([])]
        return out

    def features_of(doc: Doc) -> list[tuple[Any, ...]]:
        return [tuple((getattr(s, k), type(getattr(s, k))) for k in names) for s in doc.segments]

    compiled = docs()
    with monkeypatch.context() as m:
        m.setenv(PURE_PYTHON_ENV, "1")
        python = docs()
        picked = [features.pick_language(d.segments, None) for d in python]
    assert len(compiled) == len(python)
    for a, b, p in zip(compiled, python, picked, strict=True):
        assert features_of(a) == features_of(b)
        assert features.pick_language(a.segments, None) is p


# --- the column finder's gutter counts (layout._gutter_counts and _speedups.gutter_counts) -------


def test_compiled_gutter_counts_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from boilerstrip import layout
    from boilerstrip.compiled import PURE_PYTHON_ENV

    rng = random.Random(3)
    pieces = ["word", "x", "中文", "é", " ", "  ", "   ", "    ", "      ", "\t", "\x1c", "\u3000",
              "\u00a0", "│", ".", "\ud800", "\U0001f600", "Menu", "1"]
    sets = [[], [""], ["   "], ["a   b"], [" a   b"], ["a   "], ["a   b   c    d"]]
    for _ in range(400):
        sets.append(
            ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
             for _ in range(rng.randrange(1, 12))]
        )
    for lines in sets:
        top = max((len(t) for t in lines), default=0) + 1
        for width in (0, 1, 3, 5, top // 2, top, top + 3, 5000):
            got = layout._gutter_counts(lines, width)
            with monkeypatch.context() as m:
                m.setenv(PURE_PYTHON_ENV, "1")
                assert got == layout._gutter_counts(lines, width), (lines, width)
    for lines in _dumps():  # and the column split as a whole
        got_split = layout.split_columns(lines)
        with monkeypatch.context() as m:
            m.setenv(PURE_PYTHON_ENV, "1")
            assert got_split == layout.split_columns(lines)


def test_compiled_column_split_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip import layout
    from boilerstrip.compiled import PURE_PYTHON_ENV

    dumps = [d for d in _dumps() if len(d) > 20]
    split = 0
    for k in range(len(dumps) - 1):
        left, right = dumps[k], dumps[k + 1]
        w = 30 + k % 25
        lines = [
            (a[:w].ljust(w) + " " * (3 + k % 4) + b).rstrip()
            for a, b in zip(left, right, strict=False)
        ]
        if k % 3 == 0:
            lines = ["│" + ln + "│" for ln in lines]
        got = layout.split_columns(lines)
        with monkeypatch.context() as m:
            m.setenv(PURE_PYTHON_ENV, "1")
            assert got == layout.split_columns(lines)
        split += got != [(ln, i) for i, ln in enumerate(lines)]
    assert split >= 5


def _column_inputs() -> list[list[str]]:
    """Lines for the column finder: the dumps side by side as in test_compiled_column_split_match
    python, with borders, and random lines of words, gaps, borders, newlines, tabs, wide and odd
    characters (not right-stripped), some of them very long."""
    import random

    dumps = [d for d in _dumps() if len(d) > 20]
    out: list[list[str]] = [[], [""], ["   "], ["\n"], ["│"], ["a   b"] * 5]
    for k in range(len(dumps) - 1):
        w = 20 + k % 31
        out.append([
            (a[:w].ljust(w) + " " * (1 + k % 5) + b).rstrip() + ("│" if k % 4 == 1 else "")
            for a, b in zip(dumps[k], dumps[k + 1], strict=False)
        ])
    rng = random.Random(11)
    pieces = ["word", "x", "中文字", "é", " ", "  ", "   ", "    ", "       ", "\t", "\x1c",
              "\u3000", "\u00a0", "│", "┼", "═", "╭", "\u2500", "\n", ".", "\ud800", "\U0001f600",
              "Menu", "1", "\x85", "ÿ"]
    for _ in range(600):
        lines = []
        for _ in range(rng.randrange(0, 16)):
            line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 24)))
            if rng.random() < 0.02:
                line = line * 300  # far past MAX_WIDTH
            lines.append(line)
        out.append(lines)
    for k in range(60):  # columns of random words with one gutter, some lines overrunning it
        x = 10 + k % 17
        lines = []
        for j in range(rng.randrange(3, 20)):
            left = "".join(rng.choice(["ab ", "cd", "e ", "中"]) for _ in range(x // 2))
            left = left[: x + (j % 3 == 0)].ljust(x + 1 + (k % 3))
            lines.append(left + rng.choice(["Side", "", "bar  b", "│x"]))
        out.append(lines)
    return out


def test_compiled_column_finder_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """_maybe_columns, _clean and the split itself (_speedups.maybe_columns, clean_lines,
    split_columns) give what the plain-Python forms give, with and without overrun, and with
    other constants (MIN_GAP with the gap pattern and pre-test made from it)."""
    from boilerstrip import layout
    from boilerstrip.compiled import PURE_PYTHON_ENV, speedups

    inputs = _column_inputs()

    def run(lines: list[str], wrapped: bool) -> tuple[Any, ...]:
        mod = speedups()
        cut = (  # the split alone, on lines as they are (not right-stripped)
            mod.split_columns(lines, wrapped, layout.MIN_GAP, layout.MIN_BAND_LINES,
                              layout.MIN_SIDED_LINES, layout.MAX_TRIES, layout.MAX_DEPTH,
                              layout.MAX_WIDTH)
            if mod is not None
            else layout._split(lines, list(range(len(lines))), 0, wrapped)
        )
        return (
            layout._maybe_columns(lines),
            layout._clean(lines),
            layout.split_columns(lines, lambda _: wrapped),
            layout.split_columns(lines),
            cut,
        )

    constants = [{}, {"MIN_BAND_LINES": 2, "MIN_SIDED_LINES": 1, "MAX_TRIES": 1},
                 {"MAX_DEPTH": 8, "MAX_WIDTH": 12, "SNIFF_LINES": 3},
                 {"MAX_TRIES": 0, "MAX_DEPTH": 0}]
    for gap in (2, 4):
        constants.append({"MIN_GAP": gap, "_GAP_RUN": " " * gap,
                          "_GAP": re.compile(rf"(?<=\S) {{{gap},}}(?=\S)")})
    split = 0
    for change in constants:
        with monkeypatch.context() as c:
            for name, value in change.items():
                c.setattr(layout, name, value)
            for lines in inputs:
                for wrapped in (False, True):
                    got = run(lines, wrapped)
                    with monkeypatch.context() as m:
                        m.setenv(PURE_PYTHON_ENV, "1")
                        want = run(lines, wrapped)
                    assert got == want, (change, lines, wrapped)
                    assert [type(t) for t, _ in got[2]] == [str] * len(got[2])
                    split += got[2] != [(ln, i) for i, ln in enumerate(lines)]
    assert split >= 100


def test_compiled_column_finder_rejects_what_is_not_str() -> None:
    for bad in ([b"a   b"] * 5, [None], ["a", 3]):
        with pytest.raises(TypeError):
            Speedups.split_columns(bad, False, 3, 4, 3, 4, 4, 4000)
        with pytest.raises(TypeError):
            Speedups.clean_lines(bad, "│")
    with pytest.raises(TypeError):
        Speedups.maybe_columns([None], "│", 10, 3, 4)
    with pytest.raises(ValueError):
        Speedups.split_columns(["a"], False, 0, 4, 3, 4, 4, 4000)


def test_a_stale_build_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip import compiled

    assert compiled.speedups() is Speedups
    monkeypatch.setattr(Speedups, "API", compiled.API - 1)
    assert compiled.speedups() is None
    monkeypatch.delattr(Speedups, "API")
    assert compiled.speedups() is None


def test_compiled_sentence_ends_and_punct_end(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ending of up to four characters among the ones the end-of-sentence tests look at."""
    import itertools

    from boilerstrip.compiled import PURE_PYTHON_ENV

    alphabet = [".", "!", "?", ":", ";", '"', "'", ")", "]", "\n", "a", " ", "\t", "\x1c"]
    texts = []
    for k in range(5):
        for tail in itertools.product(alphabet, repeat=k):
            texts.append("".join(tail))
            texts.append("Some words. And more" + "".join(tail))
    names = ("chars", "words", "link_density", "stop_density", "punct_end", "sentences")
    got = [tuple(getattr(s, k) for k in names) for s in _text_doc(texts).segments]
    with monkeypatch.context() as m:
        m.setenv(PURE_PYTHON_ENV, "1")
        want = [tuple(getattr(s, k) for k in names) for s in _text_doc(texts).segments]
    assert got == want
    assert sum(1 for g in got if g[4]) > 1000  # the endings do end sentences


def test_compiled_line_hints_match_python() -> None:
    import random

    import test_prechecks

    from boilerstrip import patterns as P

    rng = random.Random(9)
    pieces = [chr(c) for c in range(128)] + [
        "1st ", "2ND\t", "3rd", "4Th\x1c", "12/3", "10:45", "9-9", "1.2", " 7", "\x1f8", "ago",
        "AGO", "Just Now", "just  now", "(c)", "&COPY;", "Copyright", "Reply", "LOG", "sitemap",
        "Site Map", "Terms", "comment", "REPL", "Respons", "discussion", "CLOSED", "about",
        "Jan", "MAY", "sept", "Se", "pt", "dec ", " 3 ", "ma", "y", "\t12", "5th\n",
    ]
    texts = [t for t in test_prechecks.TEXTS if t.isascii()]
    for _ in range(20000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8))))
    texts.append("x" * 600 + " 5")
    texts += ["", "may", "May 3", "3 may", "x" * 5000 + "Dec 12", "12:" + "x" * 5000, "Sep\x0b9"]
    texts += [ln.strip() for d in _dumps() for ln in d if ln.isascii()]
    for t in texts:
        assert features._ascii_hints(t) == features._ascii_line_hints(t), repr(t)
        if not features._ascii_hints(t) & 2:  # the date hint holds wherever the pattern matches
            assert P.DATE.search(t) is None, repr(t)
    assert features._ascii_hints is not features._ascii_line_hints  # the compiled one is in use


def test_compiled_context_rows_match_python_bit_for_bit() -> None:
    import random
    from array import array

    from boilerstrip.classify import stacked
    from boilerstrip.compiled import speedups

    mod = speedups()
    rng = random.Random(7)
    for n in (1, 2, 3, 7, 40, 300):
        p = array("d", [rng.random() for _ in range(n)])
        chars = [rng.randint(0, 900) for _ in range(n)]
        own = [[rng.random() for _ in stacked.OWN] for _ in range(n)]
        pc = array("d", [rng.random() * rng.random() for _ in range(n)])
        page = stacked.ContextPage(p, chars, pc)
        for size in (1, 5, n):
            for lo in range(0, n, size):
                part = own[lo : lo + size]
                want = page.rows(lo, part)
                got = page.compiled_rows(mod, lo, part)
                width = len(stacked.NAMES)
                flat = struct.unpack(f"{len(got) // 8}d", got)
                assert [tuple(flat[k : k + width]) for k in range(0, len(flat), width)] == want
    # no sure block at all, and every block sure
    for p in (array("d", [0.1] * 6), array("d", [0.9] * 6)):
        page = stacked.ContextPage(p, [50] * 6, array("d", [0.7] * 6))
        own = [[0.0] * len(stacked.OWN)] * 6
        w = len(stacked.NAMES)
        flat = struct.unpack(f"{6 * w}d", page.compiled_rows(mod, 0, own))
        assert [tuple(flat[k : k + w]) for k in range(0, 6 * w, w)] == page.rows(0, own)


def test_compiled_context_rows_check_their_arrays() -> None:
    from array import array

    from boilerstrip.classify import stacked
    from boilerstrip.compiled import speedups

    mod = speedups()
    page = stacked.ContextPage(array("d", [0.2, 0.8, 0.6]), [10, 300, 200], array("d", [0.0] * 3))
    with pytest.raises(ValueError):
        page.compiled_rows(mod, 2, [[0.0] * len(stacked.OWN)] * 2)  # past the page's end
    with pytest.raises(ValueError):
        mod.context_rows(page.p, page.pre_pw, page.pre_w, page.pre_sure, page.sure_w,
                         page.next_sure, array("d", [0.0] * 3), 0, 0, 1, 0.8, 0.5, 1.0,
                         stacked.WINDOWS, stacked.SURE, stacked.FAR, stacked.MISSING, page.pc,
                         page.pre_cw, page.c_max, stacked.COMMENT_WINDOWS)


# --- the HTML segmenter's callbacks (segment_html._Walk and _speedups.Walk) -----------------------


def _html_segments(raw: str | bytes, python: bool, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every field of every block and of the metadata, segmented by the compiled or the Python
    walk."""
    from boilerstrip import segment_html
    from boilerstrip.budget import Budget
    from boilerstrip.decode import decode

    cls = segment_html._PySegmenter if python else segment_html.Segmenter
    monkeypatch.setattr(segment_html, "Segmenter", cls)
    monkeypatch.setattr(segment_html._local, "sax", None, raising=False)
    segment_html._cue_cache.clear()  # each walk computes every class and id value itself
    segment_html._token_cache.clear()
    text = decode(raw).text if isinstance(raw, bytes) else raw
    doc = Doc(kind="html", budget=Budget(None))
    segment_html.segment_page(text, doc)
    doc.write_sources()
    out: list[Any] = [
        (s.text, s.source, s.tag, s.frame, s.cues, s.near_cues, s.link_chars, s.heading,
         s.list_item, s.image_before, s.depth)
        for s in doc.segments
    ]
    out += [doc.parent, doc.frame_cues, dataclasses.astuple(doc.meta)]
    return out


HOSTILE_HTML = [
    "",
    "<p>",
    "plain words, no markup",
    "<html><body><p>a<br><br><br>b<br>c</p><pre> x\n  y <br> z</pre></body></html>",
    "<h1>One <b>two</b></h1><h1><h1>nested</h1></h1><div><h1>three</h1> tail</div>",
    "<html><head><title>T | S</title><meta property='og:title' content=' O  G '>"
    "<script type='application/ld+json'>{\"headline\": \"H\"}</script></head>"
    "<body><script type='application/ld+json'>{\"headline\": \"W\"}</script>"
    "<p class='articleBody storyText' id='x' role='main' itemprop='articleBody' "
    "style='display:none' aria-hidden='true' hidden>text</p></body></html>",
    "<div class='" + "x" * 400 + " comment'>long class</div><span class=''>e</span>",
    "<p>teaser <span class='comment-count'>12</span> <a class='comments-link'>12</a></p>"
    "<div class='comments'><p>a comment <b class='commentBody'>here</b></p></div>",
    "<p>" + "<a href=#>link</a> " * 50 + "</p><img src=x><video></video><p>after media</p>",
    "<table><tr><td>a<td>b<tr><td>c</table><ul><li>one<li>two<dl><dt>t<dd>d</dl></ul>",
    "<html><p>before body</p><body><p>in body</p></body></html><p>after</p>",
    "<svg><text>no</text></svg><math>x</math><select><option>o</select>tail \u00a0\u3000 end",
    "<div>" * 300 + "deep" + "</div>" * 300,
    "<section></section><section>" * 240 + "long path" + "</section>" * 240,  # cut past 2,000
    "<div><p>a</p><p>b</p><span><p>c</p></span>" * 40 + "</div>" * 40 + "<html><p>d</p></html>",
    "<p>\ud800 lone surrogate</p><p>\x00 nul \x0b</p><P CLASS=Nav>UPPER</P><x:y>ns</x:y>",
    "<!-- c --><p>a<!-- in -->b<?pi x?>c</p>&amp;&nbsp;&#12354;",
    "".join(
        f"<div class='{c}'><p id='{c}'>{k}</p></div>"
        for k, c in enumerate([
            "articleBody", "ArticleBODY", "aB", "AbC-dEf", "post_content", "nav2Menu", "x9Y",
            "commentList comment-list", "a" * 59 + "Nav", "b" * 61, "c" * 70 + " nav", "__",
            "-", " ", "sideBar\tfooter\nlogo", "\u0130tem", "\u212aicker", "caf\u00e9Nav",
            "m\u00e9nu", "hidden", "sr-only", "SHARE-tools", "adSlot1", "Ad", "taboolaWidget",
        ])
    ),
    # Sibling numbering: a first child of its tag numbered once a twin comes, after other tags;
    # children of skipped elements; elements after the walk; a second top-level element.
    "<div><p>a</p><span>s</span><i>i</i><p>b</p><span><p>c</p></span><i>x<p>y</p></i><p>d</p>"
    "<script>s</script><p>e</p><template><p>t</p><p>u</p></template></div><div>z</div>",
    "<ul><li>1</li></ul><ol><li>x<ul><li>2<li>3</ul></ol><ul><li>4</ul>" + "<p>q</p>" * 3,
    "<html><body><p>a</p></body><p>after body</p></html><html><p>second root</p></html>",
    "<html><head><title>t</title></head><head><p>in a second head</p></head><p>b</p></html>",
    "<body><div>" + "<section><h2>h</h2><p>p</p></section>" * 5 + "</div></body>",
    # <noscript> inside article markup, its text counted (nested elements, a nested <noscript>,
    # its tail), outside it, and in the head
    "<html><head><noscript><p>head</p></noscript></head><body><p>" + "menu " * 60 + "</p>"
    "<article><p>x</p><noscript><p>" + "words " * 60 + "<b>in</b> more</p><noscript>inner"
    "</noscript> tail</noscript><p>after</p></article><noscript>" + "outer " * 50 + "</noscript>"
    "<main><span itemprop='articleBody'><noscript>" + "span " * 50 + "</noscript></span></main>",
    # token pairs the compiled walk leaves to segment_html._token_cues: a recent-comments list
    "<div class='widget widget_recent_comments'><ul><li class='recentcomments'>Tim bei <a>X</a>"
    "</li></ul></div><div class='latest-Comments x'><p>y</p></div><div class='recent-posts'>"
    "<p>z</p></div><div id='recentComments'><p>w</p></div><div class='comments recent'><p>v</p>"
    "</div>",
]


def test_compiled_walk_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, raw, kind in _pages():
        if kind == "text" or (kind == "auto" and not name.endswith(".html")
                              and b"<" not in (raw if isinstance(raw, bytes) else raw.encode())):
            continue
        assert _html_segments(raw, False, monkeypatch) == _html_segments(raw, True, monkeypatch), name
    for raw in HOSTILE_HTML:
        assert _html_segments(raw, False, monkeypatch) == _html_segments(raw, True, monkeypatch), raw


def test_compiled_walk_records_refuse_bad_calls() -> None:
    """The compiled element records raise on what the walk never asks (no crash)."""
    from boilerstrip import segment_html

    if not hasattr(segment_html, "_CSegmenter"):
        pytest.skip("the compiled walk is not built")
    for cls in (segment_html._CSegmenter, segment_html._PySegmenter):
        seg = cls()
        with pytest.raises(ValueError):
            seg._push("p", True)  # no open element to hold the record
        root = seg._push_root("html", 1)
        assert root == 0 and seg._bottom() == 0
        assert seg._push("body", True) == 1
        assert seg._push(None, False) == -1
        assert seg._push("p", False) == -1
        with pytest.raises(ValueError):
            seg._push("p", True)  # the innermost open element has no record
        with pytest.raises((IndexError, ValueError)):
            seg._write_paths([object()], 0, {}, segment_html.shorten_path, 2000, 300, 32)
        with pytest.raises(ValueError):
            seg._write_paths([], -1, {}, segment_html.shorten_path, 2000, 300, 32)
        seg._write_paths([], 0, {"html": 1}, segment_html.shorten_path, 2000, 300, 32)
        seg._clear_elements()
        assert seg._bottom() == -1
        seg.end_use()
    seg = segment_html._CSegmenter()
    with pytest.raises(IndexError):
        seg._walk_start("p", {}, 5)  # no such record
    with pytest.raises(ValueError):
        seg._push_root("html", -1)


def test_compiled_walk_stops_at_the_block_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip import budget

    monkeypatch.setattr(budget, "MAX_BLOCKS", 1500)
    raw = "<body>" + "".join(f"<p>para {k}</p>" for k in range(6000)) + "</body>"
    got = _html_segments(raw, False, monkeypatch)
    assert got == _html_segments(raw, True, monkeypatch)
    assert 1500 <= len(got) - 3 < 3000


def test_records_are_off_the_cyclic_collector() -> None:
    import gc

    from boilerstrip import extract

    page = "<body>" + "".join(f"<p>para {k} <a href=#>x</a></p>" for k in range(50)) + "</body>"
    for raw, kind in ((page, "html"), ("line one.\n\nline two\n\n* item\n", "text")):
        doc, _ = prepare(raw, kind=kind)  # type: ignore[arg-type]
        assert doc.segments and not any(gc.is_tracked(s) for s in doc.segments), kind
        art = extract(raw, kind=kind)  # type: ignore[arg-type]
        assert art.blocks and not any(gc.is_tracked(b) for b in art.blocks), kind
    # Reference counting still frees them: nothing of a page outlives its result.
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(200):
        extract(page)
    gc.collect()
    assert len(gc.get_objects()) - before < 200


def _region_check(doc: Doc, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled region values and subtree sums against the plain-Python forms, bit for bit, and
    the blocks MainRegion puts in the region with and without the helper."""
    from boilerstrip.classify import region
    from boilerstrip.compiled import speedups
    from boilerstrip.features import BOILER, line_flags

    mod = speedups()
    segs = doc.segments
    flags = [line_flags(s) for s in segs]
    want = [region.value_of(s, bool(f & BOILER)) for s, f in zip(segs, flags, strict=True)]
    got = mod.region_values(segs, flags, region._VALUE_CONSTS)
    assert _flat([got]) == _flat([want])
    best, last_best, first_in, last_in, prose, share, linkd, _ = learned._page_sums(doc, want)
    c = mod.region_sums(segs, got, doc.parent, True)
    assert (c[0], c[1], c[3], c[4]) == (best, last_best, first_in, last_in)
    assert _flat([[c[5]], c[6], c[7]]) == _flat([[prose], share, linkd])
    assert mod.region_sums(segs, got, doc.parent, False)[:5] == c[:5]
    for s in segs:
        s.in_region = False
    region.MainRegion()(doc)
    compiled_in = [s.in_region for s in segs]
    for s in segs:
        s.in_region = False
    monkeypatch.setattr(region, "speedups", lambda: None)
    region.MainRegion()(doc)
    monkeypatch.undo()
    assert [s.in_region for s in segs] == compiled_in


def test_compiled_region_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.classify.region import MainRegion

    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, MainRegion))]
    checked = 0
    for _name, raw, as_kind in _pages():
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if not doc.segments:
            continue
        classify.run(doc, before)
        _region_check(doc, monkeypatch)
        checked += 1
    assert checked >= 5


def _candidates_check(doc: Doc) -> None:
    """The compiled candidate scores against the plain-Python form, bit for bit."""
    from boilerstrip.classify import candidates, region
    from boilerstrip.compiled import speedups
    from boilerstrip.features import BOILER, segments_flags

    mod = speedups()
    values = [
        region.value_of(s, bool(f & BOILER))
        for s, f in zip(doc.segments, segments_flags(doc.segments), strict=True)
    ]
    linkd = learned._page_sums(doc, values)[6]
    want = candidates._find(doc, linkd)
    got = candidates.find(doc, linkd)
    assert got[1:] == want[1:]
    assert _flat([got.score]) == _flat([want.score])
    raw = mod.candidates(doc.segments, doc.parent, doc.frame_cues, linkd, candidates._CONSTS)
    assert (raw[1] == b"") == (want.top < 0)


def test_compiled_candidates_match_python() -> None:
    from boilerstrip.classify import candidates
    from boilerstrip.classify.region import MainRegion

    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, MainRegion))]
    checked = tops = 0
    for _name, raw, as_kind in _pages():
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if not doc.segments or doc.kind != "html":
            continue
        classify.run(doc, before)
        _candidates_check(doc)
        checked += 1
        linkd = learned._page_sums(doc, [0.0] * len(doc.segments))[6]
        tops += candidates.find(doc, linkd).top >= 0
    assert checked >= 5 and tops >= 5
    # Commas of every width, headings and short blocks (no vote), blocks outside every element.
    doc, _ = prepare(
        "<html><body><div><p>"
        + "\u4e00\u3001\u4e8c\uff0c\u4e09, " * 20
        + "</p><h2>A heading, long enough to vote, if headings voted</h2><p>short</p></div>"
        "<div class=comments><p>" + "word, " * 40 + "</p></div></body></html>"
    )
    for s in doc.segments[:1]:
        s.frame = -1
    _candidates_check(doc)
    # No block votes (short lines only): no candidate, from both forms.
    doc, _ = prepare("<html><body><ul><li>Home</li><li>News</li></ul><p>Short.</p></body></html>")
    _candidates_check(doc)
    linkd = learned._page_sums(doc, [0.0] * len(doc.segments))[6]
    assert candidates.find(doc, linkd) == candidates._find(doc, linkd) == candidates.NONE
    # The compiled vectors walk the ancestors once for the prose shares and the candidate scores.
    assert candidates.ANCESTORS == learned.LEVELS


def test_compiled_candidates_refuse_bad_frames() -> None:
    from boilerstrip.classify import candidates
    from boilerstrip.compiled import speedups

    mod = speedups()
    doc, _ = prepare("<html><body><div><p>" + "word, " * 40 + "</p></div></body></html>")
    nf = len(doc.parent)
    with pytest.raises(ValueError):
        mod.candidates(doc.segments, [0] * nf, doc.frame_cues, [0.0] * nf, candidates._CONSTS)
    with pytest.raises(ValueError):
        mod.candidates(doc.segments, doc.parent, doc.frame_cues, [0.0] * (nf + 1),
                       candidates._CONSTS)
    doc.segments[0].frame = nf
    with pytest.raises(ValueError):
        mod.candidates(doc.segments, doc.parent, doc.frame_cues, [0.0] * nf, candidates._CONSTS)


def test_compiled_headline_frames_match_python() -> None:
    from boilerstrip.classify import headline
    from boilerstrip.compiled import speedups

    mod = speedups()
    checked = 0
    for _name, raw, as_kind in _pages():
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if not doc.segments or doc.kind != "html":
            continue
        names, longest = headline.names(doc)
        every: set[str] = set().union(*names)
        keys = sorted(every, key=len, reverse=True)
        for most in (0, 40, 300):
            got = mod.headline_scan(doc.segments, most, keys, every, headline.MIN_OVERLAP)
            assert got == headline._scan(doc.segments, most, keys, every)
            # (a stricter share keeps fewer blocks, none it would not keep at 0)
            stricter = mod.headline_scan(doc.segments, most, keys, every, 1.0)
            assert set(stricter) <= set(got) <= set(
                mod.headline_scan(doc.segments, most, keys, every, 0.0)
            )
        at, _score = headline.anchor(doc.segments, names, longest)
        if at < 0:
            continue
        frame = doc.segments[at].frame
        up = headline._frames(doc.parent, frame)
        assert mod.headline_frames(doc.parent, frame, headline.MAX_UP) == up
        assert headline.find(doc).up == up
        checked += 1
    assert checked >= 5
    # Several roots (a frame under none of the anchor's ancestors), levels past MAX_UP.
    parent = [-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -1, 11]
    for frame in (1, 10, 12):
        want = headline._frames(parent, frame)
        assert mod.headline_frames(parent, frame, headline.MAX_UP) == want
    assert headline._frames(parent, 12)[0] == 1
    assert max(headline._frames(parent, 12)) == headline.MAX_UP
    # Bad frames, parents and bounds are refused.
    with pytest.raises(ValueError):
        mod.headline_frames(parent, len(parent), 8)
    with pytest.raises(ValueError):
        mod.headline_frames(parent, 1, 0)
    with pytest.raises(ValueError):
        mod.headline_frames([0] * len(parent), 1, 8)
    # The scan: ASCII and other texts (one that lowers to ASCII: the Kelvin sign), keys of both
    # kinds, case, words in the names or not, blocks outside every element.
    doc = Doc(kind="html", parent=[-1, 0], frame_cues=[0, 0])
    texts = ["The CANAL walk", "Über den Kanal", "ÜBER DEN KANAL", "canal", "İstanbul", "x" * 50,
             "\u212aanal walk", "canal_walk, 2 a.m.", "a b c canal"]
    for t in texts:
        doc.segments.append(Segment(text=t, source="/x", tag="p", frame=1))
    doc.segments.append(Segment(text="canal, outside", source="/x", tag="p", frame=-1))
    compute(doc)
    for keys in (["canal"], ["über", "kanal"], ["i̇stanbul"], [], ["xx"], ["canal", "über"],
                 ["kanal"]):
        for every in (set(keys), {"the", "canal", "walk", "kanal", "2", "a", "m"}, set()):
            for most in (5, 14, 60):
                got = mod.headline_scan(doc.segments, most, keys, every, headline.MIN_OVERLAP)
                assert got == headline._scan(doc.segments, most, keys, every), (keys, most)
    assert mod.headline_scan(doc.segments, 60, ["canal"], {"the", "canal", "walk"}, 0.6) == [0, 3]
    # (the Kelvin sign's text is not ASCII: its words are left to the caller)
    assert 6 in mod.headline_scan(doc.segments, 60, ["kanal"], set(), 0.6)
    with pytest.raises(TypeError):
        mod.headline_scan(doc.segments, 60, [b"canal"], set(), 0.6)


def _rows_args(monkeypatch: pytest.MonkeyPatch, doc: Doc) -> tuple[Any, list[Any]]:
    """The compiled Rows type and the arguments learned._compiled_rows gives it for ``doc``."""
    from boilerstrip.compiled import speedups

    mod = speedups()
    captured: list[tuple[Any, ...]] = []
    rows_type = mod.Rows

    def spy(*args: Any) -> Any:
        captured.append(args)
        return rows_type(*args)

    monkeypatch.setattr(mod, "Rows", spy)
    learned._compiled_rows(doc)
    return rows_type, list(captured[0])


def test_compiled_vectors_refuse_a_headline_of_another_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from boilerstrip.classify import headline

    doc, _ = prepare(
        "<html><head><title>Canal walk | Garden</title></head><body><h1>Canal walk</h1><p>"
        + "word, " * 40 + "</p></body></html>"
    )
    _before_learned(doc)
    h = headline.find(doc)
    assert h.at == 0 and h.up[doc.segments[1].frame] == 1
    assert _flat(_compiled_vectors(doc)) == _flat(list(learned.rows(doc)))
    rows_type, args = _rows_args(monkeypatch, doc)
    assert args[-1] == (*h, headline.MAX_UP)
    for bad in ((len(doc.segments), *h[1:]), (*h[:4], h.up + b"\0")):
        args[-1] = (*bad, headline.MAX_UP)
        with pytest.raises(ValueError):
            rows_type(*args)


def test_compiled_lexicon_columns_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lexicon features (the compiled helper) against the Python form, on odd texts, long
    words and blocks, and the real pages' blocks, with the shipped lexicon and with weights that
    make every word count."""
    import boilerstrip
    from boilerstrip.classify import lexicon
    from boilerstrip.compiled import PURE_PYTHON_ENV

    shipped = learned._models("html").get("lexicon")
    assert isinstance(shipped, lexicon.Lexicon)
    pages = [[b.text for b in boilerstrip.extract(raw).blocks] for _, raw, _ in _pages()[:12]]
    texts = ODD_TEXTS + [
        "x" * 300 + " Y" * 5, "A_b9 " * 600, "Reply\tSHARE\nsaid, which.", "__ 00 _9_",
    ]
    every = {w: (k % 7 - 3) / 3.0 for k, w in enumerate(
        sorted({w for t in texts + [t for p in pages for t in p] for w in lexicon.words(t)})
    )}
    checked = 0
    for weights in (lexicon.Lexicon({"words": every}), shipped, lexicon.Lexicon({"words": {}})):
        for block_texts in [texts, texts[::-1], *pages]:
            n = len(block_texts)
            for first, last in ((0, n), (0, 1), (n // 2, n), (1, max(1, n - 1))):
                got = lexicon.columns(block_texts, weights, first, last)
                with monkeypatch.context() as m:
                    m.setenv(PURE_PYTHON_ENV, "1")
                    want = lexicon.columns(block_texts, weights, first, last)
                assert got.tobytes() == want.tobytes()
                whole = lexicon.columns(block_texts, weights)
                assert got.tobytes() == whole[6 * first : 6 * last].tobytes()
            checked += 1
    assert checked >= 20
    from boilerstrip.features import _char_table

    def cols(texts: list[Any], weights: dict[str, Any]) -> list[float]:
        table = Speedups.WordTable({w: (k,) for k, w in enumerate(weights)})
        values = array("d", [1.0] * len(weights))  # (the weights of the table's positions)
        for k, w in enumerate(weights):
            values[k] = weights[w] if isinstance(weights[w], float) else math.nan
        got = Speedups.lexicon_columns(
            texts, table, values, 2000, 4, 3, _char_table(), lexicon._values, weights, 0,
            len(texts),
        )
        return array("d", got).tolist()

    # ASCII, a table-covered text, CJK (handed to the Python form), an empty text
    got = cols(["Aa bB", "Éa", "中中 aa", ""], {"aa": 1.5, "bb": -0.5, "éa": 2.0, "中": 1.0})
    assert got[:3] == [0.5, 0.5, -0.5] and got[6:9] == [2.0, 2.0, 2.0]
    assert got[12:15] == [3.5 / 3, 3.5 / 3, 1.0] and got[18:21] == [0.0, 0.0, 0.0]
    with pytest.raises(TypeError):
        cols(["a", 1], {})
    with pytest.raises(TypeError):  # (a CJK text is handed to the Python form, which adds)
        cols(["中"], {"中": "x"})
    short = Speedups.WordTable({"a": (5,)})  # a position past the weights
    with pytest.raises(ValueError):
        Speedups.lexicon_columns(["a"], short, array("d", [1.0]), 2000, 4, 3, _char_table(),
                                 lexicon._values, {"a": 1.0}, 0, 1)
    with pytest.raises(ValueError):  # a range outside the texts
        Speedups.lexicon_columns(["a"], short, array("d", [1.0]), 2000, 4, 3, _char_table(),
                                 lexicon._values, {"a": 1.0}, 0, 2)


def test_compiled_vectors_copy_the_lexicon_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.classify import cohort, lexicon

    doc, _ = prepare(
        "<html><body><p>Subscribe to our newsletter</p><p>" + "He said, " * 30 + "</p>"
        "<p>Reply</p></body></html>"
    )
    _before_learned(doc)
    words = lexicon.Lexicon({"words": {
        "subscribe": -3.0, "newsletter": -2.0, "said": 1.0, "reply": -2.5,
    }})
    got = _compiled_vectors(doc, words)
    assert _flat(got) == _flat(list(learned.rows(doc, words)))
    at = learned.FEATURE_NAMES.index(lexicon.NAMES[0])
    assert got[0][at] == -5.0 / 4 and got[2][at] == -2.5
    # the columns of a chunk, as learned._chunks gives them, and ones of another length or type
    rows = learned._compiled_rows(doc)
    n = len(doc.segments)
    co = cohort.Cohorts(doc)
    for lo, hi in ((0, n), (0, 1), (1, n), (2, 2)):
        cols = learned._lexicon_columns(doc.segments, words, lo, hi)
        assert rows.fill(lo, hi, cols, co.columns(doc.segments, lo, hi)) == _flat(got[lo:hi])
    co_cols = co.columns(doc.segments, 0, n)
    for bad in (cols[:-1], array("f", cols), cols.tobytes()):
        with pytest.raises(ValueError):
            rows.fill(0, n, bad)
    full = learned._lexicon_columns(doc.segments, words, 0, n)
    assert rows.fill(0, n, full, co_cols) == _flat(got)
    for bad in (co_cols[:-1], array("f", co_cols), co_cols.tobytes()):
        with pytest.raises(ValueError, match="cohort"):
            rows.fill(0, n, full, bad)
    assert rows.fill(0, n, None, co_cols) == _flat(learned.vectors(doc))
    # without the cohort columns, theirs are 0 (as a text dump's are)
    width = len(learned.FEATURE_NAMES)
    at = learned.FEATURE_NAMES.index(cohort.NAMES[0])
    flat = memoryview(rows.fill(0, n)).cast("d").tolist()
    assert all(flat[i * width + at + k] == 0.0 for i in range(n) for k in range(len(cohort.NAMES)))


def test_compiled_region_hand_set_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """Comment labels, every density class, links, headings, chrome and body cues, blocks outside
    every element, and a page whose sums are all negative."""
    from boilerstrip import patterns as P
    from boilerstrip.classify.density import BAD, GOOD, NEARGOOD, SHORT
    from boilerstrip.types import Label

    doc, _ = prepare(
        "<html><body><nav><a href='/'>Home</a></nav><div><p>One paragraph of words here.</p>"
        "<p>Another paragraph.</p><ul><li>x</li><li>y</li></ul></div><aside><p>Side</p></aside>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    segs = doc.segments
    assert len(segs) >= 6 and doc.parent
    for k in range(3):
        for i, s in enumerate(segs):
            j = i + k
            s.cf = (BAD, SHORT, NEARGOOD, GOOD, 7)[j % 5]
            s.chars = (0, 3, 12, 20, 5000)[j % 5]
            s.link_density = (0.0, 0.5, 1.0, 0.25)[j % 4]
            s.link_chars = (0, 1, 20, 7)[j % 4]
            s.heading = (0, 2)[j % 2]
            s.near_cues = (0, P.NAV, P.BODY, P.AD | P.BODY)[j % 4]
            s.cues = (0, P.BODY, P.NAV, 1 << 40)[j % 4]
            s.label = Label.COMMENT if j % 6 == 0 else None
            s.line_flags = (0, 1, -1, 5)[j % 4] if j % 4 != 2 else 0
        segs[-1].frame = -1
        _region_check(doc, monkeypatch)
    for s in segs:  # nothing but chrome: no region
        s.cf, s.label = BAD, None
    _region_check(doc, monkeypatch)


def test_compiled_blocks_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The public blocks made in C against the plain-Python ones, field by field: the fixture pages
    as HTML and as text (with list marks drawn by a browser and the page's own), comments
    included."""
    import boilerstrip
    from boilerstrip import assemble

    def fields(art: Any) -> list[tuple[Any, ...]]:
        return [
            tuple((type(getattr(b, f)), getattr(b, f)) for f in ("text", "label", "score",
                                                               "source", "is_title", "comment"))
            for b in art.blocks
        ]

    inputs: list[tuple[bytes | str, str]] = []
    for _name, raw, as_kind in _pages()[:40]:
        inputs.append((raw, as_kind))
        art = boilerstrip.extract(raw, kind=as_kind)  # type: ignore[arg-type]
        marks = ("• ", "1. ", "- ", "* ", "[2] ", "")
        dump = "\n\n".join(f"{marks[k % 6]}{b.text}" for k, b in enumerate(art.blocks))
        inputs.append((dump, "text"))
    comments = 0
    for raw, as_kind in inputs:
        compiled = boilerstrip.extract(raw, kind=as_kind)  # type: ignore[arg-type]
        monkeypatch.setattr(assemble, "speedups", lambda: None)
        plain = boilerstrip.extract(raw, kind=as_kind)  # type: ignore[arg-type]
        monkeypatch.undo()
        assert fields(compiled) == fields(plain)
        assert compiled == plain
        comments += sum(b.comment is not None for b in compiled.blocks)
    assert comments > 0


def test_make_blocks_wants_a_slotted_type() -> None:
    from boilerstrip.compiled import speedups
    from boilerstrip.types import Label

    @dataclasses.dataclass
    class NoSlots:
        text: str

    with pytest.raises(TypeError, match="no slot"):
        speedups().make_blocks([], NoSlots, True, frozenset(), {}, Label.COMMENT, Label.NAVIGATION)


def test_compiled_segment_is_the_dataclass() -> None:
    """_speedups.Segment has the dataclass's fields, in its order, with its defaults; it is made by
    the same calls (by position and by name) and refuses the calls the generated __init__ refuses;
    its numbers and flags are stored as C numbers (a float field written an int reads back as the
    float; a bool field takes only a bool)."""
    from boilerstrip.types import Label

    new = Speedups.Segment
    names = [f.name for f in dataclasses.fields(Segment)]
    members = [n for n in dir(new) if not n.startswith("_")]
    assert sorted(members) == sorted(names)
    cases: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
        (("x", "/"), {}),
        (("x", "/", "p", 1, 5, 3, 2, 1, True, False, 7), {}),
        (("t", "lines 1-2"), {"tag": "line", "line_start": 1, "bullet": "•", "blank_after": False}),
        (("t", "s"), {"label": Label.COMMENT, "score": 0.25, "comment": 3, "p_article": 0.5}),
        (("t", "s"), {"words": 2.5, "line_flags": 6, "cf": 3, "chars": 10**12, "by": "rule"}),
        (tuple(getattr(Segment("a", "b"), n) for n in names), {}),
    ]
    for args, kwargs in cases:
        a, b = new(*args, **kwargs), Segment(*args, **kwargs)
        for n in names:
            va, vb = getattr(a, n), getattr(b, n)
            assert va == vb and type(va) is type(vb), n
    a = new("x", "/")
    a.words = 3  # an int into a float field
    assert a.words == 3.0 and type(a.words) is float
    a.label, a.comment = Label.ARTICLE, 2
    assert a.label is Label.ARTICLE and a.comment == 2
    a.label = a.comment = None
    assert a.label is None and a.comment is None
    assert repr(a).startswith("Segment(text='x', source='/', tag=''")
    with pytest.raises(TypeError):
        a.list_item = 1  # type: ignore[assignment]
    with pytest.raises(TypeError):
        a.frame = "2"  # type: ignore[assignment]
    with pytest.raises(AttributeError):
        a.nope = 1  # type: ignore[attr-defined]
    # The same checks as the generated __init__.
    with pytest.raises(TypeError):
        new("only text")
    with pytest.raises(TypeError):
        new(source="only source")
    with pytest.raises(TypeError):
        new("x", "/", nope=1)
    with pytest.raises(TypeError):
        new("x", "/", text="twice")
    with pytest.raises(TypeError):
        new(*range(len(names) + 1))


def _covered_texts(n: int = 3000) -> list[str]:
    """Texts of the characters the compiled features' table answers for, and some it does not:
    accents, Greek, Cyrillic, a dotted capital I (lowered to two characters), combining marks,
    no-break and thin spaces, line separators, curly quotes, the ellipsis, Arabic and Devanagari
    sentence ends, Thai and Han (not covered), at the ends and in the middle."""
    import random

    rng = random.Random(7)
    pieces = [
        "word", "Straße", "ĞÜŞİÖÇ", "İstanbul", "naïve", "e\u0301", "λόγος", "ΣΟΦΊΑ", "ς", "слово",
        "Ёлка", "\u00a0", "\u2009", "\u2028", " ", "  ", "\n", "\t", ".", "!", "?", "…", ":", ";",
        "”", "’", "»", ")", "]", "\"", "'", "؟", "।", "—", "–", "«", "“", "1", "2024", "_", "a_b",
        "ไทย", "中文", "ー", "\u0600", "٣", "€", "™", "\u200b", "x²", "ǅ", "ﬁ",
    ]
    out = []
    for _ in range(n):
        k = rng.randint(1, 12)
        out.append("".join(rng.choice(pieces) for _ in range(k)))
    return out


def test_compiled_features_of_covered_text_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.compiled import PURE_PYTHON_ENV

    names = ("chars", "words", "link_density", "stop_density", "punct_end", "sentences")
    texts = _covered_texts()
    compiled = _text_doc(texts)
    with monkeypatch.context() as m:
        m.setenv(PURE_PYTHON_ENV, "1")
        python = _text_doc(texts)
    assert [s.text for s in compiled.segments] == [s.text for s in python.segments]
    covered = 0
    table = features._char_table()
    for a, b in zip(compiled.segments, python.segments, strict=True):
        assert [(getattr(a, k), type(getattr(a, k))) for k in names] == [
            (getattr(b, k), type(getattr(b, k))) for k in names
        ], a.text
        covered += all(ord(c) < len(table) and table[ord(c)] & 1 for c in a.text)
    assert covered > 500


def test_char_table_reads_the_patterns() -> None:
    """Every code point's bits, against the patterns one character at a time."""
    import regex

    table = features._char_table()
    word, space = regex.compile(r"\w"), regex.compile(r"\s")
    end, close, term = (regex.compile(c) for c in (
        features._END_CLASS, features._CLOSE_CLASS, features._TERM_CLASS))
    for k in range(len(table)):
        c = chr(k)
        want = (
            (0 if features._WIDE_ANY.match(c) or features._CJK.match(c) else 1)
            | (2 if word.match(c) else 0)
            | (4 if space.match(c) else 0)
            | (8 if end.match(c) else 0)
            | (16 if close.match(c) else 0)
            | (32 if term.match(c) else 0)
        )
        assert table[k] == want, hex(k)


def test_compiled_language_hits_of_covered_text() -> None:
    from array import array

    langs, index = features._language_index()
    table = features._char_table()
    texts = _covered_texts(1500) + ["Der Hund läuft über die Straße und die Katze schläft.",
                                   "Ο σκύλος τρέχει και η γάτα κοιμάται.", "Собака бежит, а кошка спит."]
    answered = 0
    for t in texts:
        hits = array("q", bytes(8 * len(langs)))
        n = Speedups.language_hits(t, index, hits, table)
        if n < 0:
            assert not t.isascii() and not any(hits)
            continue
        answered += not t.isascii()
        toks = features.tokens(t)
        assert n == len(toks) and list(hits) == _python_hits(toks, len(langs)), repr(t)
    assert answered > 300


def test_word_table_finds_what_the_dict_finds() -> None:
    """WordTable.get(word) is index.get(word) as a tuple (a set's words at position 0), for the
    function words, their case variants, near misses and odd words; bad tables are refused."""
    import random

    langs, index = features._language_index()
    words = Speedups.WordTable(index)
    odd = {"": [3], "Upper": [1, 1], "straße": [0], "İ": [2], "i\u0307": [4], "\ud800": [5],
           "\U0001f600x": [6], "中文": [7, 0]}
    table = Speedups.WordTable(odd)
    stop = Speedups.WordTable(frozenset(["the", "und", "Ünd", "a"]))
    rng = random.Random(5)
    probes = list(index) + list(odd) + ["", "x", "THE", "The", "upper", "Upper", "straße",
                                        "strasse", "i", "\ud800", "中", "中文"]
    probes += ["".join(rng.choice("aeiouthnsr中ßİ") for _ in range(rng.randrange(1, 6)))
               for _ in range(3000)]
    for w in probes:
        got = words.get(w)
        assert got == (None if w not in index else tuple(index[w])), w
        assert table.get(w) == (None if w not in odd else tuple(odd[w])), w
        assert stop.get(w) == ((0,) if w in {"the", "und", "Ünd", "a"} else None), w
    assert Speedups.WordTable({}).get("x") is None
    for bad in ({1: [0]}, {"a": [-1]}, {"a": ["x"]}, {"a": 3}, ["a"], "abc", {b"a"}):
        with pytest.raises((TypeError, ValueError)):
            Speedups.WordTable(bad)


def test_compiled_language_sample_matches_python() -> None:
    """language_sample() from every start, with small and large limits, counts what the language
    pick's loop counts (language_hits() of each block, longest first), and stops where it stops:
    at the limit, or before a text the table does not answer for; longest_first() is the sorted
    order."""
    from array import array

    langs, index = features._language_index()
    table = features._char_table()
    words = features._language_words(Speedups)
    texts = _covered_texts(400) + [t for t in _ascii_texts()[::25]] + ODD_TEXTS
    texts += ["", "中文 the", "\ud800 und der", "the " * 500]
    segs = [Segment(t, "lines 1-1") for t in texts]
    order = Speedups.longest_first(segs)
    lengths = [len(t) for t in texts]
    assert list(order) == sorted(range(len(texts)), key=lengths.__getitem__, reverse=True)
    assert order.typecode == "q" and list(Speedups.longest_first([])) == []
    for limit in (1, 7, 50, 4000, 10**9):
        for start in (0, 1, 5, 100, len(order) - 1, len(order), len(order) + 3):
            hits = array("q", bytes(8 * len(langs)))
            stop, sampled = Speedups.language_sample(segs, order, start, words, hits, table, limit,
                                                     2)
            want = array("q", bytes(8 * len(langs)))
            k, total = start, 2
            while k < len(order) and total < limit:
                n = Speedups.language_hits(texts[order[k]], index, want, table)
                if n < 0:
                    break
                total += n
                k += 1
            assert (stop, sampled) == (min(k, max(start, len(order))), total), (limit, start)
            assert hits == want, (limit, start)
    hits = array("q", bytes(8))  # too few counts for the languages' positions
    with pytest.raises(ValueError):
        Speedups.language_sample(segs, order, 0, words, hits, table, 10, 0)
    with pytest.raises(TypeError):
        Speedups.language_sample(segs, order, 0, index, hits, table, 10, 0)
    with pytest.raises(IndexError):
        Speedups.language_sample(segs, array("q", [len(segs)]), 0, words,
                                 array("q", bytes(8 * len(langs))), table, 10, 0)
    with pytest.raises(TypeError):  # the order is an array of int64
        Speedups.language_sample(segs, list(order), 0, words, array("q", bytes(8 * len(langs))),
                                 table, 10, 0)
    with pytest.raises(TypeError):  # a stop-word table holds no other positions
        Speedups.ascii_features(segs, words, features._FLOATS, 0, 10, table)


def test_compiled_helpers_read_any_record_like_getattr() -> None:
    """The helpers read a Segment's slots directly; a record of another kind (attributes in a
    dict, properties), and a slot left unset, go through the generic lookup (its values, its
    AttributeError)."""
    import types

    from boilerstrip.classify import region

    doc, _ = prepare("<html><body><p>One paragraph of words here, and a few more.</p></body></html>")
    seg = doc.segments[0]
    names = [f.name for f in dataclasses.fields(Segment)]
    twin = types.SimpleNamespace(**{n: getattr(seg, n) for n in names})

    class Props:
        def __getattr__(self, name: str) -> Any:
            return getattr(seg, name)

    want = Speedups.region_values([seg], [0], region._VALUE_CONSTS)
    assert Speedups.region_values([twin], [0], region._VALUE_CONSTS) == want
    assert Speedups.region_values([Props()], [0], region._VALUE_CONSTS) == want
    gone = Segment(seg.text, seg.source)
    del gone.chars
    with pytest.raises(AttributeError):
        Speedups.region_values([gone], [0], region._VALUE_CONSTS)


def _title_inputs(doc: Doc) -> tuple[list[Segment], Any]:
    """The segments and the BlockPage that title.candidates hands to the block pass."""
    from boilerstrip.classify import title

    got: list[tuple[list[Segment], Any]] = []

    class Spy:
        def __getattr__(self, name: str) -> Any:
            return getattr(Speedups, name)

        def title_blocks(self, segs: list[Segment], page: Any) -> Any:
            got.append((segs, page))
            return Speedups.title_blocks(segs, page)

    orig = title.speedups
    title.speedups = Spy  # type: ignore[assignment]
    try:
        title.candidates(doc)
    finally:
        title.speedups = orig
    return got[0]


def _bits(x: Any) -> Any:
    """A candidate list with every float as its bits (so -0.0 and 0.0 differ)."""
    if isinstance(x, float):
        return ("f", struct.pack("<d", x))
    if isinstance(x, (list, tuple)):
        return [_bits(y) for y in x]
    return x


def _title_check(doc: Doc) -> None:
    from boilerstrip import patterns as P
    from boilerstrip.classify import title
    from boilerstrip.features import COPYRIGHT, segment_copyright
    from boilerstrip.types import Label

    segs = doc.segments
    args = (segs, Label.ARTICLE, segment_copyright, COPYRIGHT, title.MAX_CANDIDATE_CHARS,
            P.MAX_PATTERN_CHARS)
    assert Speedups.title_page(*args) == title.page_texts(*args)
    texts = [s.text.lower() for s in segs[:40]] + ["", "x", "é", segs[0].text.upper() if segs else "a"]
    n = len(segs)
    for lo, last, within in ((0, 40, texts[:6]), (5, n + 3, ["the", "", " ", "zzz"]), (-2, 3, []),
                             (0, 0, texts), (n, n, [])):
        want_counts = title.text_counts(segs, title.MAX_CANDIDATE_CHARS, lo, last, within)
        got_counts = Speedups.title_counts(segs, title.MAX_CANDIDATE_CHARS, lo, last, within)
        assert got_counts == want_counts
        assert all(v > 0 for v in want_counts[0].values())
    segs, page = _title_inputs(doc)
    want = title.block_candidates(segs, page)
    got = Speedups.title_blocks(segs, page)
    assert _bits(got) == _bits(want)
    assert [type(x) for _, _, v in got[0] for x in v] == [type(x) for _, _, v in want[0] for x in v]


def test_compiled_title_candidates_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The headline ranker's page pass and block pass (vectors, words, best match) are the same
    in C as in Python on every test page, and so is the title chosen."""
    from boilerstrip.classify import title

    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, title.Title))]
    checked = 0
    for _name, raw, as_kind in _pages():
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if doc.kind != "html" or not doc.segments:
            continue
        classify.run(doc, before)
        _title_check(doc)
        compiled = title.candidates(doc)
        monkeypatch.setattr(title, "speedups", lambda: None)
        assert _bits(title.candidates(doc)) == _bits(compiled)
        monkeypatch.undo()
        checked += 1
    assert checked >= 20


def test_compiled_title_candidates_odd_blocks() -> None:
    """Non-ASCII and mixed-case texts, multi-line blocks with datelines, dates, sentence ends with
    closing quotes, article/comment labels, negative and missing probabilities, word counts as
    int or float, and a page whose title has parts the blocks repeat."""
    from boilerstrip import patterns as P
    from boilerstrip.types import Label

    texts = [
        "Site Name", "Home | News | Sport", "ÉLECTIONS: le résultat final", "Breaking News!",
        "The headline of the story\nBy Jane Doe\nMarch 5, 2012", "March 5, 2012 10:30 am",
        "He said \"no.\")  ", "Straße und Wege", "3 hours ago", "Copyright 2024 Site Name",
        "A line\nAnother line\nthird", "日本語の見出し", "UPPER CASE TITLE", "x_y 12 z",
        "  ", "The headline of the story", "Ünïcödé wörds here", "Just now posted",
        "Updated March 5, 2012 by our sports desk",
        "A paragraph with more than twenty words is not a headline when it is an article block "
        "and it ends with a full stop at the end of it.",
    ]
    html = "<html><head><title>The headline of the story | Site Name</title>"
    html += '<meta property="og:title" content="The headline of the story"></head><body>'
    html += "".join(f"<p>{t}</p>" for t in texts) + "</body></html>"
    doc, _ = prepare(html)
    from boilerstrip.classify import title

    pipe = classify.PIPELINE
    classify.run(doc, pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, title.Title))])
    segs = doc.segments
    for k in range(4):
        for i, s in enumerate(segs):
            j = i + k
            s.text = texts[j % len(texts)]
            s.chars = len(s.text.strip())
            s.words = (float, int)[j % 2](len(s.text.split()))
            s.label = (None, Label.ARTICLE, Label.COMMENT, Label.ARTICLE, None)[j % 5]
            s.p_article = (-1.0, 0.25, 0.0, -0.0, 1)[j % 5]
            s.heading = (0, 1, 2, 3, 5)[j % 5]
            s.near_cues = (0, P.TITLE, P.NAV, P.AD | P.TITLE)[j % 4]
            s.cues = (0, P.HEADER, P.BODY, 1 << 40)[j % 4]
            s.punct_end = j % 3 == 0
            s.link_density = (0.0, 0.5, 1.0)[j % 3]
            s.line_flags = -1
        _title_check(doc)
    for s in segs:
        s.punct_end = True  # (so that the paragraph bound decides for the article blocks)
    segs, page = _title_inputs(doc)
    # the thresholds come from the page record, in C as in Python
    for change in ({"max_chars": 12}, {"max_words": 2}, {"paragraph_words": 0},
                   {"date_only": 0.1}):
        other = page._replace(**change)
        from boilerstrip.classify import title as title_mod

        assert _bits(Speedups.title_blocks(segs, other)) == _bits(
            title_mod.block_candidates(segs, other)
        ), change
        assert _bits(Speedups.title_blocks(segs, other)) != _bits(
            Speedups.title_blocks(segs, page)
        ), change
    with pytest.raises(ValueError):
        Speedups.title_blocks(segs, page._replace(lo=-1))
    with pytest.raises(TypeError):
        Speedups.title_blocks(segs, tuple(page)[:-1])


def test_compiled_linear_probabilities_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The title ranker's logistic model scores every candidate of the test pages, and odd
    vectors (ints, signed zeros, huge and infinite values), the same in C as in Python."""
    from boilerstrip.classify import title

    spec = {"type": "logistic", "features": ["a", "b", "c"], "weights": [0.5, 0.0, -1.25],
            "bias": 0.125}
    odd = model.Model(spec)
    vectors: list[list[Any]] = [
        [1, 7.0, 2], [0.0, 0.0, -0.0], [1e308, 0.0, -1e308], [math.inf, 0.0, 1.0],
        [-math.inf, 1.0, 0.0], [1e-320, 3.0, 5e-324], (0.1, 0.2, 0.3),  # type: ignore[list-item]
    ]
    models = [odd, model.load("model_title")["title"]]
    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, title.Title))]
    title_vectors = []
    for _name, raw, as_kind in _pages()[:40]:
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if doc.kind == "html" and doc.segments:
            classify.run(doc, before)
            title_vectors += [v for _, _, v in title.candidates(doc)]
    assert len(title_vectors) > 200
    for m, vecs in zip(models, (vectors, title_vectors), strict=True):
        got = m.predict(vecs)
        monkeypatch.setattr(model, "speedups", lambda: None)
        want = m.predict(vecs)
        monkeypatch.undo()
        assert _bits(got) == _bits(want)
        assert _bits([m.probability(v) for v in vecs]) == _bits(want)
    with pytest.raises(TypeError):
        odd.predict([[1.0, 2.0, "x"]])
    with pytest.raises(IndexError):
        odd.predict([[1.0]])


def test_compiled_context_sums_and_own_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The context stage's page-wide sums (stacked.ContextPage) and the blocks' own features
    (learned.context_own) are the same to the bit in C as in Python: random pages (ties, no sure
    block, every block sure, one block, none) and the text pages of the fixtures."""
    import random
    from array import array

    from boilerstrip.classify import stacked
    from boilerstrip.classify.density import GOOD
    from boilerstrip.features import COPYRIGHT, DATE, line_flags

    fields = ("pre_cw", "c_max", "pre_pw", "pre_w", "pre_sure", "sure_w", "next_sure", "span",
              "p_max", "p_mean", "total_sure")

    def both(p: array[float], chars: list[int], pc: array[float]) -> None:
        got = stacked.ContextPage(p, chars, pc)
        monkeypatch.setattr(stacked, "speedups", lambda: None)
        want = stacked.ContextPage(p, chars, pc)
        monkeypatch.undo()
        for f in fields:
            a, b = getattr(got, f), getattr(want, f)
            if isinstance(b, array):
                # the compiled form reads its native numbers in place: a view of the same type
                assert isinstance(a, memoryview) and a.format == b.typecode, f
                a, b = list(a), list(b)
            else:
                assert type(a) is type(b), f
            assert _bits(a) == _bits(b), f

    rng = random.Random(5)
    for n in (0, 1, 2, 3, 9, 50, 400):
        for kind in range(4):
            p = array("d", [
                (rng.random(), 0.5, rng.choice((0.2, 0.5, 0.8)), 0.1)[kind] for _ in range(n)
            ])
            pc = array("d", [rng.choice((0.0, 0.3, rng.random())) for _ in range(n)])
            both(p, [rng.randint(0, 3000) for _ in range(n)], pc)
    both(array("d", [0.9] * 7), [0] * 7, array("d", [0.9] * 7))

    checked = 0
    for _name, raw, _kind in _pages()[:30]:
        doc, _ = prepare(raw, kind="text")
        segs = doc.segments
        if not segs:
            continue
        _before_learned(doc)
        for s in segs[::3]:
            s.line_flags = -1  # some flags not known yet: the helper asks line_flags for them
        n = len(segs)
        for lo, hi in ((0, n), (n // 3, n // 2), (n, n)):
            got = Speedups.context_own(segs, lo, hi, line_flags, GOOD, DATE, COPYRIGHT)
            want = learned.context_own(segs, lo, hi)
            assert _bits(list(struct.unpack(f"{len(got) // 8}d", got))) == _bits(
                [x for row in want for x in row]
            )
        checked += 1
    assert checked >= 10
    with pytest.raises(ValueError):
        Speedups.context_own(segs, 0, len(segs) + 1, line_flags, GOOD, DATE, COPYRIGHT)
    with pytest.raises(ValueError):
        Speedups.context_sums(array("d", [0.5]), [1, 2], array("d", [0.5]), 0.5, 1000)


def test_compiled_density_classes_match_python() -> None:
    """density_classes() writes classify_block's class for every block: at and around each
    threshold, CJK-like word counts, link text, and the real pages' blocks."""
    import itertools

    from boilerstrip.classify import density

    segs: list[Segment] = []
    for chars, words, link, stop, punct, sents in itertools.product(
        (0, 7, 8, 69, 70, 71, 199, 200, 201, 5000),
        (0.0, 1.0, 12.5, 12.7, 36.3, 36.4, 60.0, 1e6),
        (0.0, 0.01, 0.33, 0.34, 1.0),
        (0.0, 0.21999, 0.22, 0.27999, 0.28, 0.9),
        (False, True),
        (1, 2),
    ):
        segs.append(Segment("x", "/", chars=chars, words=words, link_density=link,
                            stop_density=stop, punct_end=punct, sentences=sents))
    for _, raw, as_kind in _pages()[:4]:
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        segs += doc.segments
    want = [density.classify_block(s) for s in segs]
    Speedups.density_classes(segs, density.CONSTS)
    assert [s.cf for s in segs] == want
    with pytest.raises(TypeError):
        Speedups.density_classes(segs, density.CONSTS[:-1])


def _cohorts_both(doc: Doc, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    from boilerstrip.classify.cohort import Cohorts
    from boilerstrip.compiled import PURE_PYTHON_ENV

    got = Cohorts(doc)
    with monkeypatch.context() as m:
        m.setenv(PURE_PYTHON_ENV, "1")
        want = Cohorts(doc)
    assert got._compiled is not None and want._compiled is None
    assert list(got.of) == list(want.of) and list(got.size) == list(want.size)
    assert [list(c) for c in got.sums] == [list(c) for c in want.sums]
    assert got.words == want.words
    return got, want


def _cohort_columns_check(doc: Doc, monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.compiled import PURE_PYTHON_ENV

    got, want = _cohorts_both(doc, monkeypatch)
    segs, n = doc.segments, len(doc.segments)
    for lo, hi in ((0, n), (0, 1), (n // 2, n), (1, max(1, n - 1)), (n, n)):
        expected = want.columns(segs, lo, hi).tobytes()
        assert got.columns(segs, lo, hi).tobytes() == expected
        with monkeypatch.context() as m:  # (the Python form reads the compiled arrays too)
            m.setenv(PURE_PYTHON_ENV, "1")
            assert got.columns(segs, lo, hi).tobytes() == expected


def test_compiled_cohorts_match_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cohort grouping and features (classify/cohort.py) of the compiled helpers against the
    Python form, bit for bit: the real pages, and hand-set blocks (outside every element, under
    the root, equal tags that are not the same object, whole-number words, deep slots)."""
    checked = 0
    for name, raw, as_kind in _pages():
        doc, _ = prepare(raw, kind=as_kind)  # type: ignore[arg-type]
        if not doc.segments or doc.kind != "html" or not doc.parent:
            continue
        _before_learned(doc)
        _cohort_columns_check(doc, monkeypatch)
        checked += 1
    assert checked >= 5
    doc, _ = prepare(
        "<html><body><div class=content><p>" + "A sentence of the story, and more. " * 9
        + "</p><p>Second paragraph, also prose.</p></div><ul class=related><li><a href=/a>One"
        "</a></li><li><a href=/b>Two</a></li></ul><p>Outside.</p></body></html>"
    )
    _before_learned(doc)
    nf = len(doc.parent)
    for k, s in enumerate(doc.segments):
        s.frame = (-1, 0, nf - 1, s.frame)[k % 4]
        s.tag = "".join(["d", "iv"]) if k % 3 else "div"  # (equal strings, not the same object)
        s.depth = (0, 3, 10_000)[k % 3]
        s.words = (0.0, 7, 16.5, 1e300)[k % 4]  # type: ignore[assignment]
        s.link_density = (0.0, 1, 0.25)[k % 3]  # type: ignore[assignment]
    _cohort_columns_check(doc, monkeypatch)
    doc.segments = doc.segments * 40  # (more cohorts than the table's first size)
    for k, s in enumerate(doc.segments):
        s.depth = k
    _cohort_columns_check(doc, monkeypatch)


def test_cohort_signatures_read_the_model_cues_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mark for markup the browser obeys (``patterns.SHOWN_NONE``) is no model cue: a slot
    hidden by a class and one hidden by its style are one cohort, in both forms."""
    from boilerstrip import patterns as P

    doc, _ = prepare(
        "<html><body><div class=hidden><p>" + "A sentence of the story, and more. " * 9
        + '</p></div><div style="display:none" class=hidden><p>Second paragraph, prose too.'
        "</p></div></body></html>"
    )
    _before_learned(doc)
    first, second = doc.segments
    assert second.cues & P.SHOWN_NONE and not first.cues & P.SHOWN_NONE
    got, _ = _cohorts_both(doc, monkeypatch)
    assert got.of[0] == got.of[1]


def test_compiled_cohorts_refuse_bad_input() -> None:
    from boilerstrip.classify.cohort import ALONE
    from boilerstrip.compiled import speedups

    mod = speedups()
    doc, _ = prepare("<html><body><div><p>" + "word, " * 40 + "</p><p>More.</p></div></body></html>")
    segs, parent, cues = doc.segments, doc.parent, doc.frame_cues
    nf, n = len(parent), len(segs)
    with pytest.raises(ValueError):  # a parent after its frame
        mod.cohort_page(segs, [0] * nf, cues)
    with pytest.raises(ValueError):
        mod.cohort_page(segs, parent, list(cues) + [0])
    of, size, sums, words = mod.cohort_page(segs, parent, cues)
    assert len(of) == 4 * n and len(sums) == 5 * len(size)
    for bad in ((of[:-4], size, sums), (of, size, sums[:-8]), (of, size[:-1], sums)):
        with pytest.raises(ValueError):
            mod.cohort_columns(segs, 0, n, *bad, words, ALONE)
    with pytest.raises(IndexError):
        mod.cohort_columns(segs, 0, n + 1, of, size, sums, words, ALONE)
    with pytest.raises(ValueError):  # a cohort number past the cohorts
        mod.cohort_columns(segs, 0, n, struct.pack(f"{n}i", *[len(size)] * n), size, sums,
                           words, ALONE)
    segs[0].frame = nf
    with pytest.raises(ValueError):
        mod.cohort_page(segs, parent, cues)
    segs[0].frame = 0
    segs[0].tag = ["unhashable"]  # type: ignore[assignment]
    with pytest.raises(TypeError):
        mod.cohort_page(segs, parent, cues)


def test_compiled_context_mix_matches_python(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    from boilerstrip.compiled import PURE_PYTHON_ENV, speedups

    rng = random.Random(7)
    cases = [([], []), ([0.55, 0.1], [0.05, 0.1]), ([0.2, 0.1], [0.4, 0.0]), ([0.5], [0.5])]
    for n in (1, 3, 50, 1000):
        cases.append(([rng.random() for _ in range(n)], [rng.random() for _ in range(n)]))
        cases.append(([rng.random() * 0.6 for _ in range(n)], [rng.random() * 0.3 for _ in range(n)]))
    for a, x in cases:
        pa, px = array("d", a), array("d", x)
        got = learned._html_context(pa, px)
        with monkeypatch.context() as m:
            m.setenv(PURE_PYTHON_ENV, "1")
            want = learned._html_context(pa, px)
        assert got.tobytes() == want.tobytes() and (got is pa) == (want is pa)
    with pytest.raises(ValueError):
        speedups().context_mix(array("d", [0.1]), array("d", [0.1, 0.2]), 0.5)
