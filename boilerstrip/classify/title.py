"""The article's headline.

HTML: the page names its title in ``og:title``, JSON-LD ``headline``, ``<title>`` (often with the site
name) and ``h1`` elements. The title block is the heading-like block near the top of the article whose
words best match those names; ``Article.title`` is its text, or, when no block matches, the best
metadata candidate. Text: the heading-like line (a few words, no sentence end) just before the start
of the article, skipping at most a caption or byline.
"""

from __future__ import annotations

from typing import Final

import regex

from ..document import Doc, Segment
from ..types import Label
from .base import set_label
from .density import BAD

TITLE_MIN_WORDS: Final = 2
TITLE_MAX_WORDS: Final = 30
MIN_MATCH: Final = 0.6
"""Share of a candidate block's words that must appear in a metadata title (and vice versa, 0.5)."""
LOOKBACK: Final = 4
"""Text: how many blocks before the first article block the title may be."""
SITE_SEPARATORS: Final = regex.compile(r"(?<!\s)\s+(?:[|\-–—:·•»«]|::)\s+")  # linear
_WORD: Final = regex.compile(r"\w+")
SCORE_MATCH: Final = 0.9
SCORE_TEXT: Final = 0.7


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def _match(block: str, name: str) -> float:
    """How well a block's text matches a metadata title (0..1)."""
    a, b = _words(block), set(_words(name))
    if not a or not b:
        return 0.0
    inter = sum(1 for w in a if w in b)
    return min(inter / len(a), 2.0 * inter / len(b))


def strip_site_name(title: str) -> str:
    """``"Headline | Site"`` -> ``"Headline"``: the longest part between site-name separators."""
    parts = [p.strip() for p in SITE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


class Title:
    name = "title"

    def __call__(self, doc: Doc) -> None:
        if doc.kind == "html":
            self._html(doc)
        else:
            self._text(doc)

    def _html(self, doc: Doc) -> None:
        meta = doc.meta
        names = [n for n in (meta.og_title, meta.ld_headline, meta.title) if n]
        first_article = next(
            (i for i, s in enumerate(doc.segments) if s.label is Label.ARTICLE), len(doc.segments)
        )
        best: tuple[float, int] | None = None
        for i, s in enumerate(doc.segments):
            if s.label is Label.COMMENT or not (TITLE_MIN_WORDS <= s.words <= TITLE_MAX_WORDS):
                continue
            m = max((_match(s.text, n) for n in names), default=0.0)
            if s.heading:
                m += 0.3 if s.heading == 1 else 0.15
            if m < MIN_MATCH:
                continue
            # Prefer blocks close to (before) the article start.
            dist = abs(first_article - i)
            score = m - 0.005 * min(dist, 40)
            if best is None or score > best[0]:
                best = (score, i)
        if best is not None:
            s = doc.segments[best[1]]
            _mark(s, SCORE_MATCH, self.name)
            doc.meta.title = s.text
            return
        fallback = meta.og_title or meta.ld_headline or (strip_site_name(meta.title) if meta.title else None)
        if fallback is None and meta.h1:
            fallback = meta.h1[0]
        doc.meta.title = fallback

    def _text(self, doc: Doc) -> None:
        segs = doc.segments
        first = next((i for i, s in enumerate(segs) if s.label is Label.ARTICLE), -1)
        doc.meta.title = None
        if first < 0:
            return
        cands = [
            i
            for i in range(max(0, first - LOOKBACK), first)
            if _heading_like(segs[i])
        ]
        if not cands:
            return
        s = segs[cands[0]]
        _mark(s, SCORE_TEXT, self.name)
        doc.meta.title = s.text


def _heading_like(s: Segment) -> bool:
    return (
        TITLE_MIN_WORDS + 1 <= s.words <= TITLE_MAX_WORDS
        and not s.punct_end
        and not s.bullet
        and s.cf != BAD
        and s.label in (None, Label.ARTICLE, Label.CAPTION)
    )


def _mark(s: Segment, score: float, by: str) -> None:
    set_label(s, Label.ARTICLE, score, by)
    s.is_title = True
