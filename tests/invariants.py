"""Invariants every :class:`~boilerstrip.Article` satisfies, whatever the input.

Shared by the property-based tests, the hostile-input suite and the fuzzing harness
(``fuzz/fuzz_extract.py``): :func:`check` raises ``AssertionError`` naming the first broken one.
"""

from __future__ import annotations

import json
import math
import re

from boilerstrip import Article, Label

_LINES = re.compile(r"lines (\d+)-(\d+)")


def max_lines(raw: str | bytes) -> int:
    """An upper bound on the number of lines of ``raw`` once decoded: line feeds and carriage
    returns (every encoding the decoder uses writes them as 0x0A and 0x0D bytes), plus one."""
    if isinstance(raw, str):
        return raw.count("\n") + raw.count("\r") + 1
    return raw.count(b"\n") + raw.count(b"\r") + 1


def check(article: Article, raw: str | bytes) -> None:
    """Assert the invariants of ``article``, the result of ``extract(raw)``."""
    assert isinstance(article, Article)
    assert article.kind in ("html", "text"), article.kind
    if isinstance(raw, str):
        assert article.encoding is None, article.encoding
    else:
        assert isinstance(article.encoding, str) and article.encoding, article.encoding
    assert article.title is None or isinstance(article.title, str)
    blocks = article.blocks
    lines = max_lines(raw)
    for b in blocks:
        assert isinstance(b.label, Label), b.label
        assert isinstance(b.text, str) and b.text.strip(), repr(b.text)
        assert isinstance(b.score, float) and not math.isnan(b.score), b.score
        assert 0.0 <= b.score <= 1.0, b.score
        if b.is_title:
            assert b.label is Label.ARTICLE
        if article.kind == "html":
            assert b.source.startswith("/"), b.source
        else:
            m = _LINES.fullmatch(b.source)
            assert m, b.source
            first, last = int(m.group(1)), int(m.group(2))
            assert 1 <= first <= last <= lines, (b.source, lines)
    text = "\n\n".join(b.text for b in blocks if b.label is Label.ARTICLE and not b.is_title)
    assert article.text == text
    assert article.captions == [b.text for b in blocks if b.label is Label.CAPTION]
    assert article.navigation == [b.text for b in blocks if b.label is Label.NAVIGATION]
    assert article.footer == [b.text for b in blocks if b.label is Label.FOOTER]
    used = set()
    for b in blocks:
        if b.comment is not None:
            assert b.label is Label.COMMENT
            assert 0 <= b.comment < len(article.comments), (b.comment, len(article.comments))
            used.add(b.comment)
    assert used == set(range(len(article.comments))), (used, len(article.comments))
    for c in article.comments:
        assert isinstance(c.text, str)
        assert c.author is None or isinstance(c.author, str)
        assert c.date is None or isinstance(c.date, str)
    # Serialisations work and round-trip through JSON.
    d = json.loads(article.to_json())
    assert d["text"] == article.text
    assert len(d["blocks"]) == len(blocks)
    assert isinstance(article.to_markdown(), str)
    # text_with: the text itself with neither; every caption, in page order, with captions.
    assert article.text_with() == article.text
    with_captions = article.text_with(captions=True)
    assert with_captions == "\n\n".join(
        b.text for b in blocks if b.label in (Label.ARTICLE, Label.CAPTION) and not b.is_title
    )
    head = article.text_with(title=True)
    named = None if article.title_in_text() else article.title
    assert head == "\n\n".join(p for p in (named, article.text) if p)
