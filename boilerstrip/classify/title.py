"""The article's headline.

HTML: the candidates are the short blocks from the top of the page to just after the article start
(and the lines of short multi-line blocks), and the page's metadata names without their site name
(``og:title``, JSON-LD ``headline``, ``<title>``). A small linear model, trained by
``tools/train_title.py`` to rank the gold headline first (cross-validated by site), scores each from
how well it matches the metadata, its markup (heading level, title classes, chrome cues) and its
place relative to the article; the best is the title. A block chosen whole is marked ``is_title``.
Text: a second ranker (:mod:`.title_text`, trained by ``tools/train_title_text.py`` on w3m and
lynx dumps) scores the first lines of the blocks around the article start; the best is the title,
its block marked ``is_title`` when chosen whole and not taken by the article model. Without that
model file, the first heading-like line of the few blocks above the article.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat
from operator import contains, itemgetter
from typing import Final, NamedTuple

import regex

from .. import patterns as P
from ..compiled import speedups
from ..document import Doc, Meta, Segment
from ..features import COPYRIGHT, function_words, segment_copyright
from ..types import Label
from .base import set_label
from .density import BAD
from .model import Model, load
from .title_text import date_share, split_words, text_candidates, text_words, widget_line

TITLE_MIN_WORDS: Final = 2
TITLE_MAX_WORDS: Final = 30
MIN_MATCH: Final = 0.6
"""Share of a candidate block's words that must appear in a metadata title (and vice versa, 0.5)."""
LOOKBACK: Final = 4
"""Text: how many blocks before the first article block the title may be."""
SITE_SEPARATORS: Final = regex.compile(
    r"(?<!\s)\s+(?:[|\-–—:·•»«\u203a\u2039/_]|::|--)\s+|(?<!\s)\s*[|_]\s*(?=\S)"
)
"""Separators between a headline and a site name ("›" too: WordPress themes' "Headline › Site",
"&rsaquo;" in older ones). Each alternative starts right after a non-space, so a long run of
spaces is scanned once (linear)."""
_SENTENCE_END: Final = regex.compile(r"[.!]['\"”’)\]]*\s*$")
SCORE_MATCH: Final = 0.9
SCORE_TEXT: Final = 0.7
MAX_TOKEN_CHARS: Final = 80
"""A headline candidate with a run of more than this many characters without a space is a feed's
identifiers run together ("20080101T064242Zafp.com20080101080101062849.77i9bh871urn:newsml:..."),
not a headline (the longest words of German compounds stay under 70)."""
_LETTER: Final = regex.compile(r"\p{L}")
_LONG_TOKEN: Final = regex.compile(rf"\S{{{MAX_TOKEN_CHARS + 1}}}")


def _overlap(a: list[str], b: set[str]) -> float:
    """How well a text's words match a metadata name's word set, 0..1."""
    if not a or not b:
        return 0.0
    inter = sum(map(b.__contains__, a))
    return min(inter / len(a), 2.0 * inter / len(b))


def strip_site_name(title: str) -> str:
    """``"Headline | Site"`` -> ``"Headline"``: the longest part between site-name separators."""
    parts = [p.strip() for p in SITE_SEPARATORS.split(title) if p.strip()]
    return max(parts, key=len) if parts else title.strip()


TITLE_FEATURES: Final = (
    "m_title", "m_part", "eq_part", "m_og", "eq_og", "m_ld", "eq_ld", "eq_h1",
    "h1", "h2", "h3", "h4", "title_cue", "header_cue", "boiler_cue", "body_cue",
    "before", "log_dist", "next_article", "nearest_heading", "first_h1", "log_words", "punct_end",
    "link_density", "all_caps", "article", "p_article", "pos", "log_h1s",
    "lines", "line_of_block", "page_best_match", "match_gap", "has_title", "has_og",
    "meta_og", "meta_ld", "meta_title", "meta_in_page", "meta_block_match",
    "log_repeats", "in_copyright", "cap_ratio", "title_parts",
)
"""Features of a headline candidate block (see :func:`candidates`), in model order."""
MAX_CANDIDATE_CHARS: Final = 300
PAGE_BEST_MATCH: Final = TITLE_FEATURES.index("page_best_match")
"""Where the page's best match is in a candidate's features (``match_gap`` follows)."""
AFTER_ARTICLE: Final = 20
"""Candidates end this many blocks after the first article block (the headline is above the text, or
just below a teaser the article model took)."""


def _best_overlap(texts: list[list[str]], name: set[str]) -> float:
    """The best :func:`_overlap` of the texts' words with a name's word set (0.0 for none). The
    plain-Python form of ``_speedups.title_best_overlap``."""
    # (a text sharing no word with the name matches it 0)
    return max([_overlap(tw, name) for tw in texts if not name.isdisjoint(tw)], default=0.0)


def _norm(s: str) -> str:
    return "".join(split_words(s))


def title_parts(title: str) -> list[str]:
    """``"Headline | Section | Site"`` -> the parts between site-name separators."""
    return [p.strip() for p in SITE_SEPARATORS.split(title) if p.strip()]


PARAGRAPH_WORDS: Final = 20
"""An article block of more words than this that ends a sentence is a paragraph, not a headline."""
LOOKBACK_BLOCKS: Final = 60
"""Candidates start this many blocks before the first article block (on the dev pages the gold
headline is at most 40 blocks before it on all but two pages)."""
MAX_BLOCK_LINES: Final = 4
"""The lines of a block of at most this many lines are candidates of their own (a headline and its
dateline in one cell, separated by ``<br>``)."""


DATE_ONLY: Final = 0.6
"""A candidate whose non-space characters are at least this share dates and times is a dateline, not
a headline (on the gold titles of l3s-gn1, mozilla-readability and trafilatura-eval the highest
share is 0.48: "Blogposting 01/23/2020")."""


SHOWN_MAX_LINKS: Final = 0.5
"""A block with more of its text in links than this is a menu entry or a teaser, not the page
showing its headline (see :func:`strip_shown_site_name`)."""


def _no_date(text: str, low: str, joined: str) -> bool:
    """A cheap sufficient test for ``date_share(text) == 0``, given the text lowercased and its
    :func:`_words` joined: ASCII text without a digit (a digit is in a word, and every character of
    the words is a letter), "ago" or "just now" (what :data:`.title_text.MAY_HOLD_DATE` looks
    for)."""
    return joined.isalpha() and text.isascii() and "ago" not in low and "just now" not in low


def _dateline(line: str) -> bool:
    """A byline or dateline below a headline: "by X ...", or mostly a date."""
    return bool(P.TITLE_BYLINE.match(line.strip())) or date_share(line) >= DATE_ONLY


def strip_shown_site_name(name: str, shown: set[str], shown_whole: set[str]) -> str:
    """:func:`strip_site_name` guided by the page: the name itself where a block shows it
    (``shown_whole``), else the longest of its prefixes and suffixes cut at a
    :data:`~boilerstrip.patterns.TITLE_CUT` that a block, an ``h1`` or another metadata name shows
    (normalized texts in ``shown``): ``"IOL: Trio set for Derby debuts"`` with a block ``"Trio set
    for Derby debuts"``. Else the longest part between site-name separators."""
    if _norm(name) in shown_whole:
        return name.strip()
    best = ""
    for m in P.TITLE_CUT.finditer(name):
        for part in (name[: m.start()], name[m.end():]):
            part = part.strip()
            if len(part) > len(best) and _norm(part) in shown:
                best = part
    return best or strip_site_name(name)


def _block_texts(s: Segment) -> tuple[list[str], int]:
    """The candidate texts of a block and its number of lines: its text, and the lines of a short
    multi-line block (without its byline and dateline lines, which become ``""``, and then not the
    block itself: its headline line is the candidate). A line kept is not a dateline."""
    text = s.text
    if "\n" not in text:
        return [text], 1
    lines = text.split("\n")
    texts = [text]
    if len(lines) <= MAX_BLOCK_LINES:
        texts += [ln for ln in lines if ln.strip()]
        datelines = {ln for ln in lines if _dateline(ln)}
        if datelines:  # a headline with its byline or dateline
            texts = [""] + ["" if ln in datelines else ln for ln in texts[1:]]
    return texts, len(lines)


_first: Final = itemgetter(0)


def _cap_ratio(tokens: list[str]) -> float:
    """The share of whitespace tokens that start with a capital letter."""
    return sum(map(str.isupper, map(_first, tokens))) / len(tokens) if tokens else 0.0


def page_texts(
    segs: list[Segment],
    article: Label,
    copyright_of: Callable[[Segment], bool],
    copyright_bit: int,
    max_chars: int,
    max_pattern_chars: int,
) -> tuple[int, int, int, list[str]]:
    """What :func:`candidates` reads off every block of the page: the first article block (the
    number of blocks if none), the number of article blocks, the first ``h1`` block (-1 if none),
    and the lowered texts of the copyright lines (``copyright_of``) of at most
    ``max_pattern_chars``. The plain-Python form of ``_speedups.title_page``."""
    labels = [s.label for s in segs]
    headings = [s.heading for s in segs]
    first_article = labels.index(article) if article in labels else len(segs)
    first_h1 = headings.index(1) if 1 in headings else -1
    copyright_lows = [
        s.text.lower() for s in segs
        if s.chars <= max_pattern_chars
        # (first a cheap test: known flags without the copyright bit rule out a short text; -1, not
        # known yet, has every bit)
        and (s.line_flags & copyright_bit or len(s.text) > max_pattern_chars)
        and copyright_of(s)
    ]
    return first_article, labels.count(article), first_h1, copyright_lows


def text_counts(
    segs: list[Segment], max_chars: int, lo: int, last: int, within: list[str]
) -> tuple[dict[str, int], list[int]]:
    """How many blocks of at most ``max_chars`` characters have each lowered text of the blocks
    ``lo .. last - 1`` (those of at most ``max_chars``), of one of their lines, or ``""`` (only the
    texts some block has are keys: the texts :func:`block_candidates` may ask about, and a few
    more), and how many have each text of ``within`` in their lowered text. Asked for the few
    texts that matter (the candidates', the metadata names'), in a pass over the blocks: the
    lowered texts of a page's blocks are never all held (a page of a million short blocks would
    hold a million strings and a dict of them). The plain-Python form of
    ``_speedups.title_counts``."""
    equal = {""} if max(lo, 0) < min(last, len(segs)) else set()
    for s in segs[max(lo, 0) : last]:
        if s.chars <= max_chars:
            low = s.text.lower()
            equal.add(low)
            if "\n" in low:
                equal.update(low.split("\n"))
    same: dict[str, int] = {}
    hits = [0] * len(within)
    for s in segs:
        if s.chars <= max_chars:
            low = s.text.lower()
            if low in equal:
                same[low] = same.get(low, 0) + 1
            for k, w in enumerate(within):
                if w in low:
                    hits[k] += 1
    return same, hits


class BlockPage(NamedTuple):
    """What :func:`block_candidates` reads of the page besides its blocks (field order is part of
    the compiled helper's interface: ``_speedups.title_blocks`` reads them by position)."""

    lo: int
    """The first block to look at."""
    last: int
    """The block after the last one to look at."""
    first_article: int
    """The first article block (the number of blocks if none)."""
    n_article: int
    nearest: int
    """The last heading or title-cued block before the first article block, else -1."""
    first_h1: int
    meta_words: set[str]
    """Every word of the metadata names and their parts."""
    w_title: set[str]
    w_parts: list[set[str]]
    w_og: set[str]
    w_ld: set[str]
    norm_parts: set[str]
    n_og: str
    n_ld: str
    h1s: set[str]
    same: dict[str, int]
    """How many short blocks have each lowered text (for the texts of the blocks looked at)."""
    copyright_lows: list[str]
    page: list[float]
    log_parts: float
    log_h1s: float
    title_cue: int
    header_cue: int
    boiler_cues: int
    body_cues: int
    article: Label
    comment: Label
    block_texts: Callable[[Segment], tuple[list[str], int]]
    text_words: Callable[[str], tuple[str, list[str]]]
    date_share: Callable[[str], float]
    sentence_end: Callable[[str], object]
    max_chars: int = MAX_CANDIDATE_CHARS
    max_words: int = TITLE_MAX_WORDS
    paragraph_words: int = PARAGRAPH_WORDS
    date_only: float = DATE_ONLY


def block_candidates(
    segs: list[Segment], c: BlockPage
) -> tuple[list[tuple[int, str, list[float]]], list[list[str]], list[str], float]:
    """The block candidates of :func:`candidates`, their words, their words joined, and the page's
    best match (the highest of the candidates' matches of a metadata name, 0.0 without candidates).
    The plain-Python form of ``_speedups.title_blocks`` (the same lists, every number to the
    bit)."""
    n = len(segs)
    article, first_article, n_article = c.article, c.first_article, c.n_article
    meta_words, w_title, w_parts, w_og, w_ld = c.meta_words, c.w_title, c.w_parts, c.w_og, c.w_ld
    norm_parts, n_og, n_ld, h1s = c.norm_parts, c.n_og, c.n_ld, c.h1s
    same, copyright_lows, page = c.same, c.copyright_lows, c.page
    log1p = math.log1p
    out: list[tuple[int, str, list[float]]] = []
    out_words: list[list[str]] = []
    norms: list[str] = []
    for i in range(c.lo, c.last):
        s = segs[i]
        if s.label is c.comment or s.chars > c.max_chars or s.words < 1:
            continue
        if s.label is article and (n_article == 1 or (s.words > c.paragraph_words and s.punct_end)):
            continue  # the article's only block, or one of its paragraphs: not its headline
        texts, n_lines = c.block_texts(s)
        dist = first_article - i
        markup: list[float] = []
        """The features of the block (shared by its lines), once one of its texts is a
        candidate."""
        for k, t in enumerate(texts):
            low, tw = c.text_words(t)
            nt = "".join(tw)
            tokens = t.split()
            words = len(tokens) if k else s.words
            # (a line kept by _block_texts is not a dateline)
            if (
                not nt
                or words > c.max_words
                or (not k and not _no_date(t, low, nt) and c.date_share(t) >= c.date_only)
            ):
                continue
            if meta_words.isdisjoint(tw):
                m_title = m_part = m_og = m_ld = 0.0
            else:
                m_title = _overlap(tw, w_title)
                m_part = max([_overlap(tw, p) for p in w_parts]) if w_parts else 0.0
                m_og = _overlap(tw, w_og)
                m_ld = _overlap(tw, w_ld)
            if not markup:
                nxt = segs[i + 1] if i + 1 < n else None
                markup = [
                    1.0 if s.heading == 1 else 0.0,
                    1.0 if s.heading == 2 else 0.0,
                    1.0 if s.heading == 3 else 0.0,
                    1.0 if s.heading >= 4 else 0.0,
                    1.0 if s.near_cues & c.title_cue else 0.0,
                    1.0 if s.cues & c.header_cue else 0.0,
                    1.0 if s.near_cues & c.boiler_cues else 0.0,
                    1.0 if s.cues & c.body_cues else 0.0,
                    1.0 if dist > 0 else 0.0,
                    log1p(abs(dist)),
                    1.0 if nxt is not None and nxt.label is article else 0.0,
                    1.0 if i == c.nearest else 0.0,
                    1.0 if i == c.first_h1 else 0.0,
                ]
            m = max(m_title, m_part, m_og, m_ld)
            v = [
                m_title,
                m_part,
                1.0 if nt in norm_parts else 0.0,
                m_og,
                1.0 if n_og and nt == n_og else 0.0,
                m_ld,
                1.0 if n_ld and nt == n_ld else 0.0,
                1.0 if nt in h1s else 0.0,
                *markup,
                log1p(words),
                1.0 if ("." in t or "!" in t) and c.sentence_end(t) else 0.0,
                s.link_density,
                1.0 if t.isupper() else 0.0,
                1.0 if s.label is article else 0.0,
                max(s.p_article, 0.0),
                i / n,
                c.log_h1s,
                log1p(n_lines),
                float(k),
                m,  # to be the page's best match
                m,  # to be less the page's best match
                *page,
                0.0, 0.0, 0.0, 0.0, 0.0,  # the metadata features: a block has none
                log1p(same.get(low, 1) - 1),
                1.0 if copyright_lows and any(map(contains, copyright_lows, repeat(low))) else 0.0,
                _cap_ratio(tokens),
                c.log_parts,
            ]
            out_words.append(tw)
            norms.append(nt)
            out.append((i, t, v))
    best = max((v[PAGE_BEST_MATCH] for _, _, v in out), default=0.0)
    for _, _, v in out:
        v[PAGE_BEST_MATCH] = best
        v[PAGE_BEST_MATCH + 1] -= best
    return out, out_words, norms, best


def page_names(meta: Meta) -> tuple[str | None, str | None]:
    """The page's ``<title>`` and declared title (``og:title`` and the like) for the headline: the
    parsed head's, or where it gave neither, those the markup holds before ``<body`` (a head the
    parser lost, :attr:`Meta.stray_title`). On the dev sets 41 pages lost theirs so; with them,
    mozilla-readability's yahoo-3 gets its headline instead of a video player's caption
    (docs/design.md, section 4, item 38)."""
    if meta.title is None and meta.og_title is None:
        return meta.stray_title, meta.stray_og_title
    return meta.title, meta.og_title


def candidates(doc: Doc) -> list[tuple[int, str, list[float]]]:
    """Headline candidates of an HTML document: (segment index, text, feature vector) for the short
    blocks (and the lines of short multi-line blocks) from the top of the page to a little after the
    first article block, and the metadata names. Every vector is whole when returned; the features
    of the page's best match (``page_best_match``, ``match_gap``) once all blocks are known."""
    segs = doc.segments
    meta = doc.meta
    n = len(segs)
    article = Label.ARTICLE
    mod = speedups()
    first_article, n_article, first_h1, copyright_lows = (
        page_texts if mod is None else mod.title_page
    )(segs, article, segment_copyright, COPYRIGHT, MAX_CANDIDATE_CHARS, P.MAX_PATTERN_CHARS)
    counts = text_counts if mod is None else mod.title_counts
    last = min(n, first_article + AFTER_ARTICLE)
    lo = max(0, min(first_article, n) - LOOKBACK_BLOCKS)
    title_name, og_name = page_names(meta)
    title = title_name or ""
    og = og_name or ""
    ld = meta.ld_headline or ""
    parts = title_parts(title) if title else []
    w_title, w_og, w_ld = set(split_words(title)), set(split_words(og)), set(split_words(ld))
    w_parts = [set(split_words(p)) for p in parts]
    meta_words = w_title.union(w_og, w_ld, *w_parts)
    """A text sharing no word with these matches no metadata name (every overlap is 0)."""
    names = (og, ld, title)
    name_norms = tuple(map(_norm, names))
    n_og, n_ld, n_title = name_norms
    norm_parts = {_norm(p) for p in parts} | ({n_title} if title else set())
    norm_parts.discard("")
    h1s = {_norm(h) for h in meta.h1}
    log_h1s = math.log1p(len(meta.h1))
    nearest = -1
    for i in range(min(first_article, n) - 1, -1, -1):
        if segs[i].heading or segs[i].near_cues & P.TITLE:
            nearest = i
            break
    # How often a candidate's words recur on the page (a site name does: logo, copyright line): the
    # texts the block pass may ask about are those of the blocks it looks at, and their lines.
    same = counts(segs, MAX_CANDIDATE_CHARS, lo, last, [])[0]
    # The page has a title, an og:title (the features after its best match and a candidate's gap).
    page = [1.0 if title else 0.0, 1.0 if og else 0.0]
    log_parts = math.log1p(len(parts))
    ctx = BlockPage(
        lo, last, first_article, n_article, nearest,
        first_h1, meta_words, w_title, w_parts, w_og, w_ld, norm_parts, n_og, n_ld, h1s, same,
        copyright_lows, page, log_parts, log_h1s, P.TITLE, P.HEADER, P.BOILER_CUES,
        P.BODY | P.CONTENT, Label.ARTICLE, Label.COMMENT, _block_texts, text_words, date_share,
        _SENTENCE_END.search,
    )
    out: list[tuple[int, str, list[float]]]
    out_words: list[list[str]]
    """The words of each block candidate."""
    norms: list[str]
    out, out_words, norms, best = (block_candidates if mod is None else mod.title_blocks)(segs, ctx)
    best_overlap = _best_overlap if mod is None else mod.title_best_overlap
    # The metadata names (without the site name) are candidates too: a page may show no headline.
    block_norms = set(norms)
    # A block shows a name when it is not a link (a menu entry "Colophon" does not show that the
    # page title "Daring Fireball: Colophon" ends in a site name).
    shown_blocks = {
        nt for nt, (i, _, _) in zip(norms, out, strict=True)
        if segs[i].link_density < SHOWN_MAX_LINKS
    }
    shown_or_h1 = shown_blocks | h1s
    named: set[str] = set()
    """The normalized metadata names that are candidates."""
    name_lows: list[str] = []
    for kind, name in enumerate(names):
        if not name:
            continue
        others = {name_norms[k] for k, x in enumerate(names) if k != kind and x}
        name = strip_shown_site_name(name, shown_or_h1 | others, shown_blocks)
        low, wn = text_words(name)
        nt = "".join(wn)
        if not nt or nt in named:
            continue
        named.add(nt)
        w_name = set(wn)
        block_match = best_overlap(out_words, w_name)
        tokens = name.split()
        v = [
            _overlap(wn, w_title),
            max([_overlap(wn, p) for p in w_parts], default=0.0),
            1.0 if nt in norm_parts else 0.0,
            _overlap(wn, w_og),
            1.0 if n_og and nt == n_og else 0.0,
            _overlap(wn, w_ld),
            1.0 if n_ld and nt == n_ld else 0.0,
            1.0 if nt in h1s else 0.0,
        ]
        m = max(v[0], v[1], v[3], v[5])
        v += [0.0] * 13  # markup and position: a metadata name has none
        v += [math.log1p(len(tokens)), 1.0 if _SENTENCE_END.search(name) else 0.0, 0.0]
        v += [1.0 if name.isupper() else 0.0, 0.0, 0.0, 0.0, log_h1s, 0.0, 0.0]
        v += [best, m - best]
        v += page
        v += [1.0 if kind == 0 else 0.0, 1.0 if kind == 1 else 0.0, 1.0 if kind == 2 else 0.0]
        v += [1.0 if nt in block_norms else 0.0, block_match]
        v += [
            0.0,  # (the blocks holding the name: counted below for all names at once)
            1.0 if any(map(contains, copyright_lows, repeat(low))) else 0.0,
            _cap_ratio(tokens),
            log_parts,
        ]
        out.append((-1, name, v))
        name_lows.append(low)
    if name_lows:
        held = counts(segs, MAX_CANDIDATE_CHARS, 0, 0, name_lows)[1]
        for (_, _, v), c in zip(out[len(out) - len(name_lows):], held, strict=True):
            v[-4] = math.log1p(c)
    return out


def is_headline_text(text: str) -> bool:
    """Whether ``text`` can be read as a headline at all: it has a letter (not "+1", "1/12",
    "***"), and no run of more than :data:`MAX_TOKEN_CHARS` characters without a space."""
    return _LETTER.search(text) is not None and _LONG_TOKEN.search(text) is None


def choosable(doc: Doc, cands: list[tuple[int, str, list[float]]]) -> list[int]:
    """The candidates the ranker may choose from (their indices in ``cands``): not one no reader
    would call a headline (:func:`is_headline_text`), nor a block the captions step took for a
    photo's caption, nor a metadata name that is such a block's text (on l3s-gn1 and
    trafilatura-eval, pages whose ``<title>`` is a caption's words ranked the caption first). The
    ranker's best is passed over for the best of these; with none, every candidate may be
    chosen."""
    segs = doc.segments
    caption = Label.CAPTION
    captions = {s.text for s in segs if s.label is caption}
    return [
        k for k, (i, text, _) in enumerate(cands)
        if is_headline_text(text)
        and (segs[i].label is not caption if i >= 0 else text not in captions)
    ]


STORY_WORDS: Final = 400
"""The story a name is compared with: its first article blocks, up to this many words."""
STORY_MIN_WORDS: Final = 50
"""A shorter story says too little to compare a name with (mozilla-readability's lazy-image-3:
"Test Case 1 / Test Case 2" under a ``<title>`` that names the test)."""
STORY_MIN_FUNCTION_SHARE: Final = 0.3
"""A story whose words are under this share function words (of any language the package knows) is
no prose to compare a name with: a list, a table, or placeholder text (Readability's test pages of
lorem ipsum: 0.13-0.21 against 0.42-0.53 for the stories whose headline the rule restores)."""
NAME_MAX_SHARED: Final = 1
"""A metadata name that shares at most this many content words with the story names the site, not
the story ("The Hindu News Update Service", "Latest football news, transfers, reports")."""
HEADING_MIN_SHARED: Final = 2
"""... and gives way to a block candidate sharing at least this many with the story ..."""
HEADING_MIN_SCORE: Final = 0.3
"""... that the ranker scores at least this high (the runner-up headline blocks scored 0.41-0.95
where the rule restores them)."""
HEADING_RANKS: Final = 2
"""... and that is one of the ranker's two best block candidates (further down the ranking, a form
prompt or an author's label shares words with the story as well: "Please type your station
name")."""
CONTENT_MIN_CHARS: Final = 3
"""A content word has at least this many characters, and is no function word and no number."""


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset().union(*function_words().values())


def _content_words(words: list[str]) -> set[str]:
    fw = _function_words()
    return {w for w in words if len(w) >= CONTENT_MIN_CHARS and w not in fw and not w.isdigit()}


def story_overlaps(doc: Doc, cands: Sequence[tuple[int, str, list[float]]]) -> list[int] | None:
    """Per candidate, how many of its content words the story holds (its first article blocks, up
    to :data:`STORY_WORDS` words, the candidate's own block left out); None where the story is no
    prose to compare names with (:data:`STORY_MIN_WORDS`, :data:`STORY_MIN_FUNCTION_SHARE`)."""
    article = Label.ARTICLE
    blocks: list[tuple[int, set[str]]] = []
    n = n_function = 0
    fw = _function_words()
    for i, s in enumerate(doc.segments):
        if s.label is not article or s.is_title:
            continue
        words = split_words(s.text)
        blocks.append((i, _content_words(words)))
        n += len(words)
        n_function += sum(1 for w in words if w in fw)
        if n >= STORY_WORDS:
            break
    if n < STORY_MIN_WORDS or n_function < STORY_MIN_FUNCTION_SHARE * n:
        return None
    # In how many of the story's blocks each word is: a word is in the story without the
    # candidate's own block where another block holds it too.
    held = Counter(w for _, words in blocks for w in words)
    own = dict(blocks)
    out = []
    for i, text, _ in cands:
        mine: set[str] = own.get(i, set())
        out.append(sum(1 for w in _content_words(split_words(text)) if held[w] > (w in mine)))
    return out


def story_choice(
    cands: Sequence[tuple[int, str, list[float]]],
    probs: Sequence[float],
    allowed: Sequence[int],
    k: int,
    overlaps: Sequence[int] | None,
) -> int:
    """The ranker's choice ``k``, or, where it is a metadata name that shares at most
    :data:`NAME_MAX_SHARED` content words with the story, the best-scored block candidate among
    ``allowed`` that shares at least :data:`HEADING_MIN_SHARED` (scored at least
    :data:`HEADING_MIN_SCORE`). A ``<title>`` that holds only the site's name or a list of keywords
    ("Football Transfer News, Live Football Scores, FA Cup Scores") outranked the page's headline
    block on l3s-gn1 pages where the page has no other metadata."""
    if overlaps is None or cands[k][0] >= 0 or overlaps[k] > NAME_MAX_SHARED:
        return k
    blocks = sorted((j for j in allowed if cands[j][0] >= 0), key=probs.__getitem__, reverse=True)
    alts = [
        j for j in blocks[:HEADING_RANKS]
        if probs[j] >= HEADING_MIN_SCORE and overlaps[j] >= HEADING_MIN_SHARED
    ]
    return alts[0] if alts else k


def headline_over_deck(
    doc: Doc, cands: Sequence[tuple[int, str, list[float]]], allowed: Sequence[int], k: int
) -> int:
    """The ranker's choice ``k``, or, where it is a block that no declared name starts or ends
    with and the block right above it is a heading of at least :data:`DECLARED_MIN_WORDS` words
    that one does (the ``<title>``, ``og:title``, JSON-LD ``headline``: the site's name may stand
    before or after the headline's words), that heading's candidate: the headline, over its deck.
    On l3s-gn1 a page printed "<h5>Lavigne lawsuit settled</h5><h3>Claims of song plagiarism
    dropped</h3>" under the ``<title>`` "edmontonsun.com - Music- Lavigne lawsuit settled", and
    the ranker took the larger heading below."""
    i = cands[k][0]
    segs = doc.segments
    if i <= 0 or cands[k][1] != segs[i].text or not segs[i - 1].heading:
        return k
    names = [_norm(x) for x in declared_names(doc.meta)]
    head = segs[i - 1].text
    h, chosen = _norm(head), _norm(cands[k][1])
    if (
        len(split_words(head)) < DECLARED_MIN_WORDS
        or not any(n.startswith(h) or n.endswith(h) for n in names)
        or any(n.startswith(chosen) or n.endswith(chosen) for n in names)
    ):
        return k
    above = [m for m in allowed if cands[m][0] == i - 1 and cands[m][1] == segs[i - 1].text]
    return above[0] if above else k


KICKER_MAX_WORDS: Final = 8
"""A kicker (the line over a headline that names its topic: "Interne Unterlagen im Netz", "1.
Februar 2022") has at most this many words."""
DECLARED_MIN_WORDS: Final = 3
"""A declared name of fewer words is no headline to prefer over the block's text."""
_GLUED_COLON: Final = regex.compile(r"[^\s:][:\uff1a]\s")
"""A colon right after a word or a quote: "Top Gear in Iran: Why do Iranians love Jeremy
Clarkson?" is one headline in two parts, as written (a kicker set apart in its own element reads
"Kicker : Headline" or "Kicker Headline" once the block's text is joined)."""


def declared_names(meta: Meta) -> list[str]:
    """The names the page declares for its story (``og:title`` and the like, JSON-LD ``headline``,
    ``<title>``), each whole and without the part after its last site-name separator."""
    title, og = page_names(meta)
    out: list[str] = []
    for raw in (og, meta.ld_headline, title):
        if not raw or not raw.strip():
            continue
        out.append(raw.strip())
        cuts = [m.start() for m in SITE_SEPARATORS.finditer(raw)]
        if cuts and raw[: cuts[-1]].strip():
            out.append(raw[: cuts[-1]].strip())
    return out


KICKER_SEPARATORS: Final = regex.compile(r"(?<=\S)[:\uff1a]\s+|(?<=\S)\s+[-–—|]\s+(?=\S)")
"""Between a kicker and its headline in a declared name ("Grenzschließungen: Deutschland,
Frankreich und ...", "Die Zukunft der Arbeit - "Wir dekorieren ...""): a colon after a word, a
dash or bar between spaces."""


def declared_tails(names: Sequence[str], shown: str) -> list[str]:
    """The part of each declared name after its first kicker separator (:data:`KICKER_SEPARATORS`),
    where the part before it is a kicker's few words and the headline block's text ``shown`` has
    no such separator: the headline that a page shows beside its kicker in elements of their own
    ("Grenzschließungen Deutschland, Frankreich und ..."), while its ``og:title`` joins the two."""
    out: list[str] = []
    if KICKER_SEPARATORS.search(shown):
        return out
    for name in names:
        m = KICKER_SEPARATORS.search(name)
        if m is None:
            continue
        head, tail = split_words(name[: m.start()]), name[m.end() :].strip()
        if (
            0 < len(head) <= KICKER_MAX_WORDS
            and tail
            and tail not in out
            and not set(split_words(tail)) <= set(head)
        ):
            # (not a site name that the headline before it holds: "15 Jahre rete-mirabile.net —
            # rete-mirabile.net")
            out.append(tail)
    return out


def without_kicker(text: str, names: Sequence[str]) -> str:
    """A declared name (:func:`declared_names`) where the chosen headline block's text is that name
    after a short kicker or date ("Interne Unterlagen im Netz Daten von Rheinmetall gehackt" ->
    "Daten von Rheinmetall gehackt": the two spans of an ``h1`` read as one line); else ``text``.
    The kicker's last word is no function word, and a question or exclamation mark that ends the
    block ends the name too: "Wie pflege ich meine Zaubernuss im Winter?" is a headline that holds
    its page's shorter name ("Zaubernuss im Winter"), not a kicker over it; nor is the part before
    a colon that follows its last word (:data:`_GLUED_COLON`)."""
    words = split_words(text)
    fw = _function_words()
    end = text.rstrip()[-1:]
    colon = _GLUED_COLON.search(text)
    colon_words = len(split_words(text[: colon.start() + 1])) if colon else -1
    for name in names:
        said = split_words(name)
        extra = len(words) - len(said)
        if (
            (end not in "?!" or name.rstrip().endswith(end))
            and len(said) >= DECLARED_MIN_WORDS
            and 0 < extra <= KICKER_MAX_WORDS
            and words[extra:] == said
            and words[extra - 1] not in fw
            and extra != colon_words
        ):
            return name
    return text


def _ranker(name: str) -> Model | None:
    """The ``title`` stage of ``data/<name>.json``, None where the file is not shipped."""
    try:
        return load(name)["title"]
    except FileNotFoundError:
        return None


def _title_model() -> Model | None:
    return _ranker("model_title")


class Title:
    """The headline: a learned choice among the short blocks at the top of the article (HTML), the
    heading-like line before the article (text)."""

    name = "title"

    def __call__(self, doc: Doc) -> None:
        if doc.kind == "html":
            self._html(doc)
        else:
            self._text(doc)

    def _html(self, doc: Doc) -> None:
        meta = doc.meta
        meta.title_line = None
        model = _title_model()
        cands = candidates(doc)
        if model is not None and cands:
            probs = model.predict([v for _, _, v in cands])
            allowed = choosable(doc, cands) or list(range(len(cands)))
            k = max(allowed, key=probs.__getitem__)
            if cands[k][0] < 0:
                k = story_choice(cands, probs, allowed, k, story_overlaps(doc, cands))
            else:
                k = headline_over_deck(doc, cands, allowed, k)
            i, text, _ = cands[k]
            if i >= 0 and text == doc.segments[i].text:
                _mark(doc.segments[i], probs[k], self.name)
            elif i >= 0:
                meta.title_line = (i, text)
            if i >= 0:
                names = declared_names(meta)
                meta.title = without_kicker(text, names + declared_tails(names, text))
            else:
                meta.title = text
            return
        title, og = page_names(meta)
        meta.title = metadata_title(og, meta.ld_headline, title, meta.h1)

    def _text(self, doc: Doc) -> None:
        segs = doc.segments
        doc.meta.title = None
        model = _text_title_model()
        if model is None:
            i = _rule_text_index(doc)
            if i >= 0:
                _mark(segs[i], SCORE_TEXT, self.name)
                doc.meta.title = segs[i].text
            return
        cands = text_candidates(doc)
        allowed = text_choosable([line for _, line, _ in cands])
        if not allowed:
            return
        probs = model.predict([cands[k][2] for k in allowed])
        best = max(range(len(allowed)), key=probs.__getitem__)
        i, line, _ = cands[allowed[best]]
        s = segs[i]
        if line == s.text and s.label is not Label.ARTICLE:
            _mark(s, probs[best], self.name)
        # (A block of more lines keeps its label: its first line is named. So does a block the
        # article model took: in a dump nothing but the model tells a headline from the story's
        # first line, and taking such blocks out of the text cost the dumps' text F1 0.003 on
        # dragnet and 0.015 on mozilla-readability, whose golds keep the headline.)
        doc.meta.title = line


MENU_BARS: Final = 2
"""A dump's line with this many " | " bars or more is a row of links ("Privacy Policy | Site Map |
Copyright"), no headline."""


def _chrome_line(line: str) -> bool:
    """A dump's line that names no story: a boilerplate phrase (copyright, footer link, widget), a
    line with a photo or agency credit (a caption, "Photo: Reuters"; a dateline, "BOSTON (AP) -
    The city of ...") or a row of links ("Top Stories | Canada | World")."""
    if len(line) > P.MAX_PATTERN_CHARS:
        return False
    return (
        line.count(" | ") >= MENU_BARS
        or P.is_boilerplate_line(line)
        or P.CREDIT.search(line) is not None
        or P.AGENCY_CREDIT.search(line) is not None
    )


def text_choosable(lines: Sequence[str]) -> list[int]:
    """The text candidates the ranker may choose from (their indices): headline text
    (:func:`is_headline_text`), and no chrome line (:func:`_chrome_line`) where another is left.
    ``tools/train_title_text.py`` scores its held-out choices through it."""
    allowed = [k for k, line in enumerate(lines) if is_headline_text(line)]
    plain = [k for k in allowed if not _chrome_line(lines[k])]
    return plain or allowed


def _rule_text_index(doc: Doc) -> int:
    """Text, where no ranker is shipped: the first heading-like block of the :data:`LOOKBACK`
    blocks above the first article block (-1 for none)."""
    segs = doc.segments
    first = next((i for i, s in enumerate(segs) if s.label is Label.ARTICLE), -1)
    if first < 0:
        return -1
    return next((i for i in range(max(0, first - LOOKBACK), first) if _heading_like(segs[i])), -1)


def rule_text_title(doc: Doc) -> str | None:
    """The text title :func:`_rule_text_index` picks (``tools/train_title_text.py`` scores the
    ranker against it)."""
    i = _rule_text_index(doc)
    return doc.segments[i].text if i >= 0 else None


def _text_title_model() -> Model | None:
    return _ranker("model_title_text")


def metadata_title(
    og: str | None, ld: str | None, title: str | None, h1: list[str]
) -> str | None:
    """The headline named by the page's metadata: ``og:title``, JSON-LD ``headline``, ``<title>``
    without the site name, else the first ``h1``."""
    for name in (og, ld):
        if name and name.strip():
            return strip_site_name(name) if title_parts(name) != [name.strip()] else name.strip()
    if title and title.strip():
        return strip_site_name(title)
    return h1[0] if h1 else None


def _heading_like(s: Segment) -> bool:
    return (
        TITLE_MIN_WORDS + 1 <= s.words <= TITLE_MAX_WORDS
        and not s.punct_end
        and not s.bullet
        and s.cf != BAD
        and s.label in (None, Label.ARTICLE, Label.CAPTION)
        and not widget_line(s.text)
    )


def _mark(s: Segment, score: float, by: str) -> None:
    set_label(s, Label.ARTICLE, score, by)
    s.is_title = True
