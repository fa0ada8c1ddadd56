"""Property-based tests (Hypothesis): whatever the input - bytes, str, generated HTML trees, text
dumps - extract() returns an Article whose invariants hold (tests/invariants.py), the same Article
every time, and, for HTML, block sources that are element paths of the page.

The example counts are kept modest so the suite stays quick; raise them with
``--hypothesis-seed`` / ``HYPOTHESIS_PROFILE=thorough`` for a longer hunt."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import check

import boilerstrip
from boilerstrip.parse import parse_html
from boilerstrip.sniff import clean

settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "Copyright",
    "©",
    "2024",
    "rate",
    "this",
    "Reply",
    "Comment",
    "number",
    "12.",
    "Share",
    "Photo:",
    "Reuters",
    "Home",
    "News",
    "Sport",
    "Privacy",
    "policy",
    "3",
    "comments",
    "Posted",
    "by",
    "jane",
    "on",
    "May",
    "4,",
    "2013",
    "at",
    "10:20",
    "Mehr",
    "Artikel",
    "日本語",
    "の",
    "文章",
    "Съешь",
    "же",
    "ещё",
    "этих",
    "булок",
    "\ufeff",
    "\xa0",
    "\u200b",
]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(
    lambda ws: " ".join(ws) + "."
)
TEXTY = st.one_of(SENTENCE, st.text(max_size=60))

TAGS = [
    "p",
    "div",
    "span",
    "a",
    "li",
    "ul",
    "ol",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "nav",
    "footer",
    "header",
    "article",
    "section",
    "aside",
    "figure",
    "figcaption",
    "blockquote",
    "pre",
    "em",
    "strong",
    "b",
    "i",
    "font",
    "center",
    "form",
    "label",
    "button",
    "main",
    "br",
    "img",
    "hr",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "select",
    "option",
    "textarea",
    "dl",
    "dt",
    "dd",
]
CLASSES = [
    "content",
    "article-body",
    "comment",
    "comments",
    "commentlist",
    "nav",
    "menu",
    "footer",
    "copyright",
    "caption",
    "credit",
    "share",
    "social",
    "related",
    "sidebar",
    "byline",
    "date",
    "author",
    "hidden",
    "sr-only",
    "entry-content",
    "post",
    "x",
]


@st.composite
def attributes(draw: st.DrawFn) -> str:
    out = []
    for _ in range(draw(st.integers(0, 3))):
        name = draw(
            st.sampled_from(
                [
                    "class",
                    "id",
                    "role",
                    "itemprop",
                    "style",
                    "hidden",
                    "lang",
                    "colspan",
                    "aria-hidden",
                    "href",
                    "data-x",
                ]
            )
        )
        value = draw(st.one_of(st.sampled_from(CLASSES), st.text(max_size=20)))
        value = value.replace('"', "&quot;")
        out.append(f' {name}="{value}"')
    return "".join(out)


def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        tag = draw(st.sampled_from(TAGS))
        attrs = draw(attributes())
        inner = "".join(draw(st.lists(children, max_size=5)))
        closed = draw(st.integers(0, 9)) > 0  # sometimes left unclosed
        return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else "")

    return build()


NODES = st.recursive(TEXTY.map(lambda t: t.replace("<", "&lt;")), element, max_leaves=40)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    head = draw(
        st.sampled_from(
            [
                "",
                "<!DOCTYPE html>",
                '<?xml version="1.0" encoding="utf-8"?>',
                '<!DOCTYPE html [<!ENTITY e "eee">]>',
            ]
        )
    )
    title = draw(TEXTY).replace("<", "")
    meta = draw(
        st.sampled_from(["", '<meta charset="utf-8">', '<meta property="og:title" content="T">'])
    )
    body = "".join(draw(st.lists(NODES, max_size=12)))
    return f"{head}<html><head>{meta}<title>{title}</title></head><body>{body}</body></html>"


@st.composite
def text_dumps(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            lines.append("")
        elif kind == 1:
            lines.append(
                draw(st.sampled_from(["•", "*", "-", "1.", "□", "  *"])) + " " + draw(SENTENCE)
            )
        elif kind == 2:
            lines.append(" " * draw(st.integers(0, 8)) + draw(SENTENCE))
        else:
            lines.append(draw(TEXTY))
    sep = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return sep.join(lines)


SURROGATES = st.lists(
    st.one_of(
        st.text(max_size=5), st.sampled_from(["\ud800", "\udfff", "\udc00\ud800", "\x00", "\r"])
    ),
    max_size=30,
).map("".join)


def _same(raw: str | bytes, **kw: object) -> boilerstrip.Article:
    a = boilerstrip.extract(raw, **kw)  # type: ignore[arg-type]
    check(a, raw)
    assert boilerstrip.extract(raw, **kw) == a  # type: ignore[arg-type]  # deterministic
    return a


@given(st.binary(max_size=3000))
def test_any_bytes(raw: bytes) -> None:
    _same(raw)


@given(st.one_of(st.text(max_size=3000), SURROGATES))
def test_any_str(raw: str) -> None:
    _same(raw)


@given(
    st.one_of(st.text(max_size=500), st.binary(max_size=500)),
    st.sampled_from(["auto", "html", "text"]),
    st.one_of(st.none(), st.integers(0, 600)),
)
def test_any_input_any_kind_any_cut(raw: str | bytes, kind: str, max_bytes: int | None) -> None:
    a = boilerstrip.extract(raw, kind=kind, max_bytes=max_bytes)  # type: ignore[arg-type]
    cut = raw if max_bytes is None else raw[:max_bytes]
    assert a.truncated == (len(cut) < len(raw))
    check(a, cut)


@given(html_pages())
def test_generated_html(page: str) -> None:
    a = _same(page)
    if a.kind != "html":
        return
    # Every block's source is the path of an element of the parsed page.
    root = parse_html(clean(page))
    assert root is not None
    tree = root.getroottree()
    for b in a.blocks:
        if b.source != "/":
            assert tree.xpath(b.source), b.source


@given(html_pages(), st.sampled_from(["utf-8", "utf-16", "windows-1252", "shift_jis", "koi8-r"]))
def test_generated_html_as_bytes(page: str, enc: str) -> None:
    raw = (
        page.encode(enc, errors="replace")
        if enc != "utf-8"
        else page.encode("utf-8", "surrogatepass")
    )
    _same(raw)


@given(text_dumps())
def test_generated_text_dumps(dump: str) -> None:
    a = _same(dump, kind="text")
    assert a.kind == "text"
