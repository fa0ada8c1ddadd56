"""The headline of a text dump: a learned choice among the lines around the article's start.

A dump has no ``<title>``, no ``<h1>`` and no markup: the headline is one of its lines, somewhere
above the first paragraph the article model took (on the w3m dumps of l3s-gn1 and trafilatura-eval,
one to ten blocks above it on two thirds of the pages, sometimes that block itself), among
datelines, bylines, breadcrumbs, menu entries and photo captions. Each block from :data:`BEFORE`
blocks above the first article block to :data:`AFTER` below it is a candidate (its first line), and
so is each block of the same window around the article's first paragraph (a block the article model
took far above the story, a stray line of a menu or a promo, moved the window away from the
headline: docs/design.md, section 4, item 83); a ranker of boosted trees over :data:`FEATURES`
(``tools/train_title_text.py``, trained on the w3m and lynx dumps of the title-annotated sets) picks
one. What tells a headline: it is short, ends without a full stop, stands on its own line, comes
shortly before the story, and shares its words with the story's first paragraphs; a site name or
menu entry recurs on the page.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from typing import Final

import regex

from .. import patterns as P
from ..document import Doc, Segment
from ..types import Label
from .density import BAD, GOOD, NEARGOOD, SHORT
from .placeholders import is_placeholder_line

BEFORE: Final = 30
"""Candidates start this many blocks above the first article block (on the w3m dumps of l3s-gn1,
mozilla-readability and trafilatura-eval the gold headline is a block within 10 above it on 69 %
of the pages that have it in the window, within 30 on 80 %)."""
AFTER: Final = 5
"""Candidates end this many blocks below the first article block (the article model took the
headline, or a teaser above it)."""
LEDE_BLOCKS: Final = 3
"""The article blocks, after the candidate, whose words a headline shares."""
STORY_BLOCKS: Final = 30
"""The story's first blocks, whose words a headline shares too (the rest of a long story adds
little and costs time)."""
MAX_CHARS: Final = 300
"""A longer line is no headline candidate."""
MIN_WIDGET_WORDS: Final = 2
"""A line with a dump's form fields or bare images in brackets is a candidate only with more words
than this besides them (not "Suche nach: [          ] [Suche]")."""
MAX_WORDS: Final = 30
"""Nor one of more words (the longest first line of a gold title on l3s-gn1, mozilla-readability
and trafilatura-eval has 30), nor one that ends a sentence with a full stop (17 of their 1,266
do: "... Inc."): a paragraph of the story is no headline."""

FEATURES: Final = (
    "before", "log_dist", "adjacent", "log_words", "punct_end", "bullet", "cf_bad", "cf_short",
    "cf_neargood", "cf_good", "article", "unlabelled", "p_article", "heading", "blank_before",
    "blank_after", "indent", "all_caps", "capitalized", "digits", "widget", "separator",
    "lede_overlap", "log_repeats", "lines", "first_of_kind", "pos", "story_overlap", "byline",
    "date_share", "colon_end", "log_chars", "cell", "log_cells", "before_paragraph",
    "log_dist_paragraph",
)


MAY_HOLD_DATE: Final = re.compile(r"\d|ago|just now", re.IGNORECASE)
"""What every match of ``P.COMMENT_DATE`` holds: a digit, "ago" or "just now" (tested first: it
is cheap)."""


def date_share(text: str) -> float:
    """The share of a short text's non-space characters inside dates and times."""
    if len(text) > P.MAX_PATTERN_CHARS or not MAY_HOLD_DATE.search(text):
        return 0.0
    chars = len(text) - sum(map(str.isspace, text))
    if not chars:
        return 0.0
    inside = sum(
        len(m.group()) - sum(map(str.isspace, m.group())) for m in P.COMMENT_DATE.finditer(text)
    )
    return min(1.0, inside / chars)


def widget_line(text: str) -> bool:
    """A text-dump line of form fields, buttons and bare images (``[          ] [Search]``) with
    at most :data:`MIN_WIDGET_WORDS` words besides them: no headline."""
    return "[" in text and len(P.DUMP_WIDGET.sub(" ", text).split()) <= MIN_WIDGET_WORDS


_DIGIT: Final = re.compile(r"\d")
WORD: Final = regex.compile(r"\w+")
ASCII_WORD: Final = re.compile(r"\w+")


def text_words(s: str) -> tuple[str, list[str]]:
    """The lower-cased text and its words (the headline steps' words, HTML and text)."""
    low = s.lower()
    if low.isascii():  # \w is [A-Za-z0-9_] there, and re is the faster one
        return low, ASCII_WORD.findall(low)
    return low, WORD.findall(low)


def split_words(s: str) -> list[str]:
    return text_words(s)[1]


_GAP: Final = re.compile(r"\s{3,}")
"""A gap between a dump's columns (w3m lays a table row's cells out on one line)."""


def _text_cells(line: str) -> list[str]:
    """The cells of a dump line (split at its column gaps) that read as text: not an image, a
    bullet or a form field alone."""
    cells = (P.BULLET.sub("", c) for c in _GAP.split(line))
    return [c for c in cells if c and not is_placeholder_line(c) and any(ch.isalpha() for ch in c)]


def _cells(line: str) -> list[str]:
    """The cells a dumper laid out on a line, where it laid out more than one that reads as text:
    "General News        Newcastle midfielder Barton charged ..." -> both. Else none."""
    if "   " not in line:
        return []
    cells = [c.strip() for c in _text_cells(line)]
    return cells if len(cells) > 1 else []


def _first_line(text: str) -> str:
    """A block's first line as a headline would read: where the dumper laid cells out on it, the
    one cell that is more than an image, a bullet or a form field ("[logo]      * Home woes for
    Flyers" -> "Home woes for Flyers")."""
    line = text.split("\n", 1)[0].strip()
    if "  " not in line and not line.startswith("[") and not P.BULLET.match(line):
        return line
    cells = _text_cells(line)
    return cells[0] if len(cells) == 1 else line


def _vector(
    doc: Doc,
    i: int,
    first: int,
    line: str,
    lede: set[str],
    story: set[str],
    repeats: Counter[str],
    seen: bool,
    cells: list[str],
    cell: bool,
    paragraph: int,
) -> list[float]:
    s: Segment = doc.segments[i]
    words = split_words(line)
    cf = s.cf
    letters = [w for w in line.split() if w[:1].isalpha()]
    capitalized = sum(1 for w in letters if w[0].isupper()) / (len(letters) or 1)
    digits = len(_DIGIT.findall(line)) / (len(line) or 1)
    content = [w for w in words if len(w) > 3]
    overlap = sum(1 for w in content if w in lede) / (len(content) or 1)
    in_story = sum(1 for w in content if w in story) / (len(content) or 1)
    dist = abs(i - first)
    return [
        1.0 if i < first else 0.0,
        math.log1p(dist),
        1.0 if i == first - 1 else 0.0,
        math.log1p(len(words)),
        1.0 if s.punct_end else 0.0,
        1.0 if s.bullet else 0.0,
        1.0 if cf == BAD else 0.0,
        1.0 if cf == SHORT else 0.0,
        1.0 if cf == NEARGOOD else 0.0,
        1.0 if cf == GOOD else 0.0,
        1.0 if s.label is Label.ARTICLE else 0.0,
        1.0 if s.label is None else 0.0,
        s.p_article,
        1.0 if s.heading else 0.0,
        1.0 if s.blank_before else 0.0,
        1.0 if s.blank_after else 0.0,
        1.0 if s.indent else 0.0,
        1.0 if line.isupper() else 0.0,
        capitalized,
        digits,
        1.0 if "[" in line else 0.0,
        1.0 if P.TITLE_CUT.search(line) or " > " in line else 0.0,
        overlap,
        # (other blocks that begin with this line; a line cut out of its block's cells has no
        # count of its own)
        math.log1p(max(0, repeats[line] - 1)),
        math.log1p(s.text.count("\n")),
        0.0 if seen else 1.0,
        i / (len(doc.segments) or 1),
        in_story,
        1.0 if P.TITLE_BYLINE.match(line) else 0.0,
        date_share(line),
        1.0 if line.endswith(":") else 0.0,
        math.log1p(len(line)),
        1.0 if cell else 0.0,
        math.log1p(len(cells)),
        1.0 if i < paragraph else 0.0,
        math.log1p(abs(i - paragraph)),
    ]


def text_candidates(doc: Doc) -> list[tuple[int, str, list[float]]]:
    """The headline candidates of a text document: (block index, its first line, feature vector
    in :data:`FEATURES` order), in page order. None where no block is article."""
    segs = doc.segments
    article = Label.ARTICLE
    story_blocks = [i for i, s in enumerate(segs) if s.label is article]
    if not story_blocks:
        return []
    last = story_blocks[-1]
    # The window around the article's first block, and around its first paragraph where a stray
    # block the article model took lies far above it (the features hold the distance to both).
    start = story_blocks[0]
    para = next((i for i in story_blocks if segs[i].cf == GOOD), start)
    window = sorted(
        set(range(max(0, start - BEFORE), min(len(segs), start + AFTER + 1)))
        | set(range(max(0, para - BEFORE), min(len(segs), para + AFTER + 1)))
    )
    lines = [_first_line(segs[i].text) for i in window]
    # how often a line recurs as a block's first line (a site name, a menu entry)
    repeats = Counter([s.text.split("\n", 1)[0].strip() for s in segs])
    words_of = {i: split_words(segs[i].text) for i in story_blocks[:STORY_BLOCKS]}
    story = {w for ws in words_of.values() for w in ws if len(w) > 3}
    out: list[tuple[int, str, list[float]]] = []
    seen = False
    for i, line in zip(window, lines, strict=True):
        s = segs[i]
        if (
            not line
            or len(line) > MAX_CHARS
            or s.label not in (None, article, Label.CAPTION)
            or line.endswith(".")
            or len(line.split()) > MAX_WORDS
            or widget_line(line)
            or (s.label is article and i >= last)  # (the article's last block: no story after it)
        ):
            continue
        # the words of the first LEDE_BLOCKS article blocks after it (within the window's span)
        k = bisect_right(story_blocks, i)
        lede = {
            w for j in story_blocks[k : k + LEDE_BLOCKS] if j < i + 1 + BEFORE + AFTER
            for w in (words_of[j] if j in words_of else split_words(segs[j].text))
        }
        # The line, and where a dumper laid several cells out on it, each cell of two words or
        # more on its own (a left column's "General News" beside the headline).
        cells = _cells(line)
        vector = _vector(doc, i, start, line, lede, story, repeats, seen, cells, False, para)
        out.append((i, line, vector))
        for cell in cells:
            if len(cell.split()) >= 2 and not cell.endswith(".") and not widget_line(cell):
                vector = _vector(doc, i, start, cell, lede, story, repeats, seen, cells, True, para)
                out.append((i, cell, vector))

        seen = seen or (not s.punct_end and s.cf != BAD)
    return out
