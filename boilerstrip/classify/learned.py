"""The learned article classifier: a feature vector per block and a small model scoring it.

The vector (:data:`FEATURE_NAMES`) describes a block by its own text statistics, its markup (tag and
cue flags of its element, near and far ancestors), where it sits (position, depth, the share of the
page's prose held by the containers around it), and the same text statistics for its neighbours. The
model is trained by ``tools/train.py`` on the dev sets of ``../shared/data`` (labels from the
overlap of each block with the gold text) and shipped as JSON in ``boilerstrip/data/``; inference
here is plain Python (:func:`rows`, the reference), or, where the optional helper
``boilerstrip._speedups`` is built, its ``Rows`` type, which writes the same vectors as doubles (the
same operations in the same order: the same numbers to the last bit) for its compiled trees.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate, chain
from typing import Any, Final, NamedTuple

from .. import patterns as P
from ..compiled import native_doubles, speedups
from ..document import Doc, Segment
from ..features import (
    BOILER,
    COMMENT_COUNT,
    COMMENT_HEADER,
    COPYRIGHT,
    DATE,
    META_DATE,
    WIDGET,
    cached_shape,
    line_flags,
    segments_flags,
)
from ..types import Label
from . import candidates, cohort, headline, lexicon, stacked
from .base import set_label
from .comments import (
    CommentSection,
    counts_comments,
    is_comment_chrome,
    is_meta_line,
    signed_thread,
    signed_words,
)
from .density import BAD, GOOD, NEARGOOD, SHORT
from .model import Model, load_stages, sigmoid
from .region import values_of

TAGS: Final = (
    "p", "div", "li", "td", "h", "span", "dd", "blockquote", "pre", "article", "section", "th"
)
CUES: Final = (
    P.NAV, P.HEADER, P.FOOTER, P.ASIDE, P.RELATED, P.SHARE, P.AD, P.COMMENT, P.CAPTION, P.CONTENT,
    P.META, P.HIDDEN, P.POPUP, P.FORM, P.TITLE, P.BODY, P.LIST, P.TABLE, P.FIGURE,
)
WINDOWS: Final = (3, 8)
"""Half-widths (in blocks) of the neighbourhoods whose mean block statistics are features."""
WINDOW_FEATURES: Final = (
    "log_chars", "link_density", "stop_density", "punct_end", "cf_good", "cf_short"
)
META_WORDS: Final = 16
"""A dated line of at most this many words is a meta line (a byline, a comment's author and date):
the ``meta_line`` feature (the compiled rows use the same bound)."""
LEVELS: Final = 4
"""Ancestor levels whose prose share is a feature (the block's element, its parent, ...)."""


def _own_names() -> list[str]:
    return [
        "log_chars", "log_words", "link_density", "stop_density", "punct_end", "log_sentences",
        "cf_bad", "cf_short", "cf_neargood", "cf_good", "heading", "heading1", "list_item",
        "image_before", "boiler_line", "copyright", "date", "digits", "upper_start", "avg_word",
        "comment_header", "widget", "meta_line", "rule_comment",
        "indent", "bullet", "blank_before", "blank_after", "lines", "all_caps",
    ]


FEATURE_NAMES: Final[tuple[str, ...]] = tuple(
    _own_names()
    + [f"tag_{t}" for t in TAGS]
    + [f"near_{P.CUE_NAMES[c]}" for c in CUES]
    + [f"far_{P.CUE_NAMES[c]}" for c in CUES]
    + ["pos", "pos_chars", "depth", "n_blocks_log"]
    + [f"share_{k}" for k in range(LEVELS)]
    + [f"linkd_{k}" for k in range(LEVELS)]
    + ["best_region", "in_best", "page_prose_log", "own_share", "before_best", "after_best",
       "after_comment_header", "meta_near"]
    + [f"{side}{k}_{f}" for side in ("prev", "next") for k in (1, 2)
       for f in ("log_chars", "link_density", "stop_density", "punct_end", "good", "heading")]
    + [f"win{w}_{f}" for w in WINDOWS for f in WINDOW_FEATURES]
    + ["repeats"]
    + list(candidates.NAMES)
    + list(headline.NAMES)
    + list(cohort.NAMES)
    + list(lexicon.NAMES)
)


_WINDOW_IDX: Final = tuple(_own_names().index(f) for f in WINDOW_FEATURES)
_IDX_HEADER: Final = _own_names().index("comment_header")
_IDX_META: Final = _own_names().index("meta_line")
_LOG1P_1: Final = math.log1p(1)
_ZERO6: Final = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
_TAG_VECTORS: Final[dict[str, tuple[float, ...]]] = {
    t: tuple(1.0 if t == u else 0.0 for u in TAGS) for t in TAGS
}
_NO_TAG: Final = (0.0,) * len(TAGS)
_cue_vectors: dict[int, tuple[float, ...]] = {}
_TAG_INDEX: Final[dict[str, int]] = {t: k for k, t in enumerate(TAGS)}
_CONSTS: Final = (
    BAD, SHORT, NEARGOOD, GOOD, BOILER, COPYRIGHT, DATE, COMMENT_HEADER, WIDGET, META_DATE, CUES,
    len(FEATURE_NAMES),
)
"""The constants the compiled form of :func:`rows` is given (``boilerstrip._speedups.Rows``)."""


def _own(s: Segment, bits: int) -> list[float]:
    """The block's own features (the first 30 of :data:`FEATURE_NAMES`), given its text's flag
    bits (:func:`boilerstrip.features.line_flags`)."""
    t = s.text
    chars = s.chars
    cf = s.cf
    heading = s.heading
    digits, upper, avg = cached_shape(t)
    return [
        math.log1p(chars),
        math.log1p(s.words),
        s.link_density,
        s.stop_density,
        1.0 if s.punct_end else 0.0,
        math.log1p(s.sentences),
        1.0 if cf == BAD else 0.0,
        1.0 if cf == SHORT else 0.0,
        1.0 if cf == NEARGOOD else 0.0,
        1.0 if cf == GOOD else 0.0,
        1.0 if heading else 0.0,
        1.0 if heading == 1 else 0.0,
        1.0 if s.list_item else 0.0,
        1.0 if s.image_before else 0.0,
        1.0 if bits & BOILER else 0.0,
        1.0 if bits & COPYRIGHT else 0.0,
        1.0 if bits & DATE else 0.0,
        digits,
        upper,
        min(avg, 20.0) / 20.0,
        1.0 if bits & COMMENT_HEADER else 0.0,
        1.0 if bits & WIDGET else 0.0,
        1.0 if bits & META_DATE and s.words <= META_WORDS else 0.0,
        1.0 if s.label is Label.COMMENT else 0.0,
        min(s.indent, 20) / 20.0,
        1.0 if s.bullet else 0.0,
        1.0 if s.blank_before else 0.0,
        1.0 if s.blank_after else 0.0,
        math.log1p(s.line_end - s.line_start + 1) if s.line_end else _LOG1P_1,
        1.0 if t.isupper() else 0.0,
    ]


def _tag(s: Segment) -> tuple[float, ...]:
    return _TAG_VECTORS.get("h" if s.heading else s.tag, _NO_TAG)


def _cues(mask: int) -> tuple[float, ...]:
    got = _cue_vectors.get(mask)
    if got is None:
        got = tuple(1.0 if mask & c else 0.0 for c in CUES)
        if len(_cue_vectors) >= 4096:
            _cue_vectors.clear()
        _cue_vectors[mask] = got
    return got


def vectors(doc: Doc, lex: lexicon.Lexicon | None = None) -> list[list[float]]:
    """One feature vector per segment of ``doc`` (in :data:`FEATURE_NAMES` order), its lexicon
    features read off ``lex`` (all 0 without)."""
    maker = _compiled_rows(doc)
    if maker is None:
        return list(rows(doc, lex))
    out: list[list[float]] = []
    width = len(FEATURE_NAMES)
    for chunk in _chunks(maker, doc, lex):
        flat: list[float] = memoryview(chunk).cast("d").tolist()  # type: ignore[assignment]
        out.extend(flat[k : k + width] for k in range(0, len(flat), width))
    return out


class _Page(NamedTuple):
    """What the vectors of a page's blocks share: the blocks' line flags and region values, the
    prose share and link density of every frame, and where the best region and the comment header
    are."""

    flags: list[int]
    values: Sequence[float]
    frames: list[int]
    share: Sequence[float]
    linkd: Sequence[float]
    best: int
    last_best: int
    first_in: int
    last_in: int
    header_at: int
    html: bool
    pp: float
    page_prose_log: float
    n_log: float
    total_chars: int


def _page(doc: Doc, keep_flags: bool = True) -> _Page:
    """What the vectors share (``keep_flags`` false: without the list of the blocks' flags, which
    the compiled vectors read off the blocks; let go of before the subtree sums are made)."""
    segs = doc.segments
    n = len(segs)
    flags = segments_flags(segs)
    total_chars = sum(s.chars for s in segs) or 1
    values = values_of(segs, flags)
    if not keep_flags:
        flags = []
    html = doc.kind == "html"
    mod = speedups()
    if mod is not None:  # the sums of _page_sums in C (the same numbers)
        best, last_best, _, first_in, last_in, page_prose, share, linkd = mod.region_sums(
            segs, values, doc.parent, True
        )
        frames: list[int] = []  # (only the plain-Python vectors read them)
    else:
        best, last_best, first_in, last_in, page_prose, share, linkd, frames = _page_sums(
            doc, values
        )
    if not html:
        inside = [bool(s.in_region) for s in segs]
        first_in = inside.index(True) if True in inside else n
        last_in = n - 1 - inside[::-1].index(True) if first_in < n else -1
        del inside
    # (every block's flags are stored by now: segments_flags computed those not yet known)
    header_at = next((i for i in range(first_in + 1, n) if segs[i].line_flags & COMMENT_HEADER), n)
    pp = page_prose or 1.0
    return _Page(
        flags, values, frames, share, linkd, best, last_best, first_in, last_in, header_at, html,
        pp, math.log1p(page_prose), math.log1p(n), total_chars,
    )


def _page_sums(
    doc: Doc, values: Sequence[float]
) -> tuple[int, int, int, int, float, array[float], array[float], list[int]]:
    """The subtree sums of :func:`_page`: the best region's first and last frame, the first and last
    block inside it (HTML), the page's prose, every frame's prose share and link density, and every
    block's frame."""
    segs = doc.segments
    n = len(segs)
    # Prose per element subtree (same values the region finder uses), and link share per subtree.
    parent = doc.parent
    nf = len(parent)
    prose = array("d", _ZERO1) * nf
    chars = array("d", _ZERO1) * nf
    links = array("d", _ZERO1) * nf
    net = array("d", _ZERO1) * nf
    page_prose = 0.0
    frames = [s.frame for s in segs]
    for s, f, v in zip(segs, frames, values, strict=True):
        if f >= 0:
            if v > 0:
                prose[f] += v
            chars[f] += s.chars
            links[f] += s.link_chars
            net[f] += v
        if v > 0:
            page_prose += v
    last = list(range(nf))
    """The last frame of every frame's subtree."""
    # frames nf - 1 .. 1 and their parents (frame 0, the root, has none)
    for f, p in zip(range(nf - 1, 0, -1), reversed(parent), strict=False):
        if p >= 0:
            prose[p] += prose[f]
            chars[p] += chars[f]
            links[p] += links[f]
            net[p] += net[f]
            if last[f] > last[p]:
                last[p] = last[f]
    best = net.index(max(net)) if nf else -1  # the first frame of the highest sum
    last_best = last[best] if best >= 0 else -1
    del last, net
    inside = [best <= f <= last_best for f in frames]
    first_in = inside.index(True) if True in inside else n
    last_in = n - 1 - inside[::-1].index(True) if first_in < n else -1
    del inside
    pp = page_prose or 1.0
    # The prose share and link density of every frame, once (4 ancestor levels per block).
    share = array("d", (x / pp for x in prose))
    linkd = array("d", (lk / c if c else 0.0 for lk, c in zip(links, chars, strict=True)))
    return best, last_best, first_in, last_in, page_prose, share, linkd, frames


def _compiled_rows(doc: Doc) -> Any:
    """The compiled form of :func:`rows` for ``doc`` (``boilerstrip._speedups.Rows``), or ``None``
    where the helper is not built (or ``BOILERSTRIP_PURE_PYTHON`` is set) or the page is empty."""
    mod = speedups()
    segs = doc.segments
    if mod is None or not segs:
        return None
    pg = _page(doc, keep_flags=False)
    page = (
        pg.best, pg.last_best, pg.first_in, pg.last_in, pg.header_at, pg.html, pg.pp,
        pg.page_prose_log, pg.n_log, pg.total_chars, Label.COMMENT, _TAG_INDEX, TAGS.index("h"),
    )
    values, share, linkd = pg.values, pg.share, pg.linkd
    cand = candidates.find(doc, linkd)  # (NONE for a page without elements: text)
    head = (*headline.find(doc), headline.MAX_UP)
    del pg  # (Rows reads each block's own flags, which _page had computed)
    return mod.Rows(segs, values, share, linkd, doc.parent, page, _CONSTS, cand, head)


def _chunks(maker: Any, doc: Doc, lex: lexicon.Lexicon | None) -> Iterator[bytes]:
    """The vectors of the compiled form :data:`_CHUNK` blocks at a time, as native doubles (their
    cohort and lexicon features computed a chunk at a time too)."""
    segs = doc.segments
    n = len(segs)
    co = cohort.Cohorts(doc)
    for lo in range(0, n, _CHUNK):
        hi = min(n, lo + _CHUNK)
        cols = None if lex is None else _lexicon_columns(segs, lex, lo, hi)
        chunk: bytes = maker.fill(lo, hi, cols, co.columns(segs, lo, hi))
        yield chunk


def _lexicon_columns(
    segs: Sequence[Segment], lex: lexicon.Lexicon | None, lo: int, hi: int
) -> array[float]:
    """The lexicon features of the blocks ``lo`` to ``hi - 1`` (``lexicon.columns`` given the
    texts it reads: those within its window)."""
    a0 = max(0, lo - lexicon.WINDOW)
    # (the texts end where the page does, or WINDOW blocks past hi: either way every window of
    # lo..hi-1 and its neighbours is inside them, cut where the page is)
    texts = [s.text for s in segs[a0 : hi + lexicon.WINDOW]]
    return lexicon.columns(texts, lex, lo - a0, hi - a0)


def rows(doc: Doc, lex: lexicon.Lexicon | None = None) -> Iterator[list[float]]:
    """The vectors of :func:`vectors`, one at a time, in plain Python (the reference of the
    compiled form; a page of 200,000 blocks need not hold them all: 158 floats a block). The
    page-wide sums are kept in arrays of doubles (the same numbers, without an object each), and
    the blocks' own features are made :data:`_CHUNK` blocks at a time."""
    segs = doc.segments
    n = len(segs)
    if n == 0:
        return
    (
        flags, values, frames, share, linkd, best, last_best, first_in, last_in, header_at, html,
        pp, page_prose_log, n_log, total_chars,
    ) = _page(doc)
    if not frames:  # (the compiled sums leave them out)
        frames = [s.frame for s in segs]
    parent = doc.parent
    # Prefix sums of the own features the windows average (the values _own gives them).
    prefix = [
        array("d", accumulate(map(_OWN_COLUMNS[c], segs), initial=0.0)) for c in _WINDOW_IDX
    ]
    meta_count = array(
        "q",
        accumulate(
            (1 if f & META_DATE and s.words <= META_WORDS else 0
             for s, f in zip(segs, flags, strict=True)),
            initial=0,
        ),
    )
    counts: dict[str, int] = {}
    for s in segs:
        counts[s.text] = counts.get(s.text, 0) + 1
    cand = candidates.find(doc, linkd)  # (NONE for a page without elements: text)
    head = headline.find(doc)  # (NONE for a page without elements: text)
    width = len(lexicon.NAMES)
    co = cohort.Cohorts(doc)
    co_width = len(cohort.NAMES)
    pos_chars = 0
    for lo in range(0, n, _CHUNK):
        hi = min(n, lo + _CHUNK)
        # The own features of the chunk's blocks and of two neighbours on each side.
        a0 = lo - 2 if lo > 2 else 0
        b0 = hi + 2 if hi + 2 < n else n
        own = [_own(segs[j], flags[j]) for j in range(a0, b0)]
        nb = [
            (o[0], o[2], o[3], o[4], 1.0 if segs[j].cf == GOOD else 0.0, o[10])
            for j, o in zip(range(a0, b0), own, strict=True)
        ]
        win = _window_means(own[lo - a0 : hi - a0], prefix, lo, n)
        cols = _lexicon_columns(segs, lex, lo, hi)
        co_cols = co.columns(segs, lo, hi)
        for i in range(lo, hi):
            s = segs[i]
            k = i - a0
            o = own[k]
            f = frames[i]
            in_best = 1.0 if best <= f <= last_best else 0.0
            if f >= 0:
                s0, l0 = share[f], linkd[f]
                f = parent[f]
                if f >= 0:
                    s1, l1 = share[f], linkd[f]
                    f = parent[f]
                    if f >= 0:
                        s2, l2 = share[f], linkd[f]
                        f = parent[f]
                        if f >= 0:
                            s3, l3 = share[f], linkd[f]
                        else:
                            s3 = l3 = 0.0
                    else:
                        s2 = l2 = s3 = l3 = 0.0
                else:
                    s1 = l1 = s2 = l2 = s3 = l3 = 0.0
            else:
                s0 = l0 = s1 = l1 = s2 = l2 = s3 = l3 = 0.0
            a, b = (i - 3 if i > 3 else 0), (i + 4 if i + 4 < n else n)
            value = values[i]
            row = [
                *o,
                *_tag(s),
                *_cues(s.near_cues),
                *_cues(s.cues),
                i / n,
                pos_chars / total_chars,
                min(s.depth, 40) / 40.0,
                n_log,
                s0, s1, s2, s3,
                l0, l1, l2, l3,
                1.0 if frames[i] == best else 0.0,
                in_best if html else (1.0 if s.in_region else 0.0),
                page_prose_log,
                (value / pp) if value > 0 else 0.0,
                1.0 if i < first_in else 0.0,
                1.0 if i > last_in else 0.0,
                1.0 if i > header_at else 0.0,
                1.0 if meta_count[b] - meta_count[a] - (1 if o[_IDX_META] else 0) else 0.0,
                *(nb[k - 1] if i >= 1 else _ZERO6),
                *(nb[k - 2] if i >= 2 else _ZERO6),
                *(nb[k + 1] if i + 1 < n else _ZERO6),
                *(nb[k + 2] if i + 2 < n else _ZERO6),
                *win[i - lo],
                math.log1p(counts[s.text] - 1),
                *candidates.block_features(cand, frames[i], parent),
                *headline.block_features(head, i, frames[i], pos_chars, s.chars),
                *co_cols[(i - lo) * co_width : (i - lo + 1) * co_width],
                *cols[(i - lo) * width : (i - lo + 1) * width],
            ]
            pos_chars += s.chars
            yield row


_CHUNK: Final = 2048
"""Blocks whose own features and window means are computed together (a column at a time, a chunk
at a time: a page of a million blocks does not hold them all)."""
_ZERO1: Final = (0.0,)
_OWN_COLUMNS: Final[dict[int, Callable[[Segment], float]]] = {
    0: lambda s: math.log1p(s.chars),
    2: lambda s: s.link_density,
    3: lambda s: s.stop_density,
    4: lambda s: 1.0 if s.punct_end else 0.0,
    7: lambda s: 1.0 if s.cf == SHORT else 0.0,
    9: lambda s: 1.0 if s.cf == GOOD else 0.0,
}
"""The own features the windows average, by their index in :func:`_own`, computed as there (tests
check that they agree)."""


def _window_means(
    mine: list[list[float]], prefix: list[array[float]], lo: int, n: int
) -> list[tuple[float, ...]]:
    """The window features of the blocks from ``lo`` on whose own features are ``mine``: per window
    and feature, (the sum over the window - the block's own value) / the number of other blocks in
    the window (``prefix``: the prefix sums of the features over the page's ``n`` blocks)."""
    hi = lo + len(mine)
    cols: list[list[float]] = []
    for w in WINDOWS:
        los = [i - w if i > w else 0 for i in range(lo, hi)]
        his = [i + w + 1 if i + w + 1 < n else n for i in range(lo, hi)]
        others = [b - a - 1 for a, b in zip(los, his, strict=True)]
        for c, pre in zip(_WINDOW_IDX, prefix, strict=True):
            cols.append(
                [
                    (pre[b] - pre[a] - o[c]) / m if m else 0.0
                    for a, b, m, o in zip(los, his, others, mine, strict=True)
                ]
            )
    return list(zip(*cols, strict=True))


ARTICLE_THRESHOLD: Final = 0.5
"""Article-model probability from which a block is article (the cross-validated F1 is flat between
0.4 and 0.6 on the dev sets; see tools/train.py output)."""


COMMENT_THRESHOLD: Final = 0.5
STORY_AFTER_WORDS: Final = 50
"""Article words (outside links) after a block the comment model claims (and the markup rule did
not), from which it is the story's, not a comment (:func:`_story_goes_on`): a paragraph's worth.
On the dev sets 50 to 200 gave the same gains (cleaneval-dev +0.007, mozilla-readability +0.002,
from story paragraphs of dialogue and forum posts taken as comments); 1 word let a stray line after
a comment section count as story (one dragnet page -0.47)."""
SECTION_HEADINGS: Final = 2
"""Section headings (``h1``-``h6``) among the comment model's claims, with no sign of a reader,
that make them the story's sections (:func:`_sections_are_no_thread`). Held out, on
mozilla-readability's dropbox-blog, the model of two of three seeds took the post's last four
sections ("Achieving guarantees", "Ownership model", ...) for a thread; in-sample the model claims
headings only on Slashdot's threads, whose comment titles come with their score line."""
CONTEXT_THRESHOLD: Final = 0.44
"""Context-stage probability from which a block is article, where the model file has a context
stage (text). The held-out F1 of the text dumps is highest at 0.4 (``tools/train.py --context``:
at 0.5 cleaneval-dev loses 0.01-0.02); on turku-line-quality's real plain text, 0.4 keeps too many
short non-prose lines (Finnish clean-line F1 0.750, only 0.045 over the terminal-punctuation
baseline). 0.44 keeps every turku language 0.05 over that baseline, for 0.001-0.004 less on most
dump sets than at 0.4 (cleaneval-dev w3m 0.013 less). (Measured before the context stage read the
comment probabilities; with them, at 0.44, Finnish is 0.0504 over its baseline.)"""
HTML_CONTEXT_SHARE: Final = 0.5
"""HTML: the context stage's share of the probability a block is decided by (the first stage's is
the rest; :func:`_html_context`). Held out (site-grouped CV, whole pipeline, six training seeds),
against the first stage alone, mean change at 0.5: l3s-gn1 +0.0010 and trafilatura-eval +0.0018
(in every seed), cleaneval-dev +0.0035, cleanportaleval +0.0008, dragnet +0.0007,
mozilla-readability +0.0003. On seeds 0-2, 0.3 gained less on each set, and 0.7 and 1.0 lost
dragnet and cleaneval-dev (1.0: -0.0019, -0.0044): alone the context stage empties one-block
pages the first stage gets right (docs/design.md, section 4, item 27)."""
COUNT_LINE_WORDS: Final = 14
"""A line that counts comments opens a text dump's comment section when it is this short (a
header, not a sentence of the article that mentions comments). Of the ~900 lines of the w3m dev
dumps with a comment count, the headers ("13 Responses to “Malawi Police replaces spokesman”",
"{ 12 comments… read them below or add one }") have at most 14 words; longer ones are bylines, tag
lines and sentences. (12 or 14 score the same on the dev sets.)"""
MIN_ARTICLE_WORDS: Final = 1.0
"""Words outside links the article blocks of a page must hold together, or the page has no article
(a page that is just a menu). Higher values drop lone date lines on index pages but lose more on
real short articles: on the dev sets 10 words cost mozilla-readability 0.03 F1, dragnet 0.003 and
cleaneval-dev 0.007 for a 0.008 gain on cleanportaleval."""


PAGE_FLOOR: Final = 0.1
"""HTML: the lowest article probability from which :func:`take_doubtful` may take a block; on a
page where no block reaches :data:`ARTICLE_THRESHOLD`, what the page may still give (the rule
this replaced took the blocks within 0.6 of the best probability, from 0.2). Held out (the whole
pipeline, site-grouped folds, the fold models of six training seeds, ``tools/heldout.py --score``),
0.1 against 0.2 with the cohort models (docs/design.md, section 4, item 26): cleaneval-dev +0.0157
(up in all six seeds, +0.008 to +0.024: its index page 52, whose gold keeps the teasers, and the
19-word page 47), dragnet +0.0007, mozilla-readability +0.0011, trafilatura-eval +0.0003, l3s-gn1
and cleanportaleval unchanged, dragnet's comment F1 -0.0004; in-sample dragnet +0.0002,
mozilla-readability -0.0002, trafilatura-eval -0.0005. 0.15 gives cleaneval-dev +0.0015 only.
(With the models before the lexicon and the cohorts, 0.1 made cleanportaleval's empty-gold section
index give a line of menu and cost dragnet Slashdot's score widgets: it stayed at 0.2 then.)"""
PAGE_SURE: Final = 0.9
"""HTML: a page whose expected F1 from its blocks at :data:`ARTICLE_THRESHOLD` reaches this takes
nothing more (:func:`take_doubtful`). Held out as above, against 0.9: at 0.8 every set gains less
(cleaneval-dev -0.0014, dragnet -0.0003); with no bound l3s-gn1 loses 0.0004 more (its pages'
doubtful blocks are the supplemental text its gold leaves out) for mozilla-readability +0.0005 and
cleaneval-dev +0.0004. (Measured with the expected-F1 rule; with a :data:`RECALL_WEIGHT` of 2, 0.92
gives mozilla-readability +0.0016 for l3s-gn1 and cleanportaleval -0.0004 each, and 0.95 at 1.5
mozilla-readability +0.0016 for l3s-gn1 -0.0011.)"""

SPAN_MIN_WORDS: Final = 3.0
"""HTML: the words a block at :data:`ARTICLE_THRESHOLD` needs to mark where the article starts or
ends for :func:`take_doubtful`. Slashdot's comment-score widget ("5", "4", ... "0", "-1", a block
per digit) sits between the story and its thread, and its digits at 0.55-0.6 stretched the span
over the thread's first blocks. Held out (whole pipeline, seeds 0-2), against every block: dragnet
+0.0005 (four Slashdot pages and short post 83 up, none down), cleaneval-dev -0.0005 (page 43 in
one seed), the others unchanged; 8 or 15 words: cleanportaleval's empty-gold index page gives text
again."""

SIBLING_COMMENT_CUT: Final = 0.2
"""HTML: the comment probability at which :func:`_sibling_edge`'s walk over the span's siblings
stops. The run of siblings after the story's last sure block is where a reader-views section
starts on some sites (thisislondon.co.uk on l3s-gn1, its "Here's a sample of the latest views" at
0.5): held out (seeds 0-2), with the walk stopped only at :data:`COMMENT_THRESHOLD` l3s-gn1 lost
0.0005 (that page -0.39 in one seed); stopped at 0.2, 0.0001, the other sets unchanged (at 0.1,
dragnet 0.0001 less in one seed)."""


RECALL_WEIGHT: Final = 1.5
"""HTML: how much a page's expected recall counts against its expected precision when
:func:`take_doubtful` weighs a doubtful block. The benchmark's F1 is the harmonic mean of the pages'
mean precision and mean recall, so one more block is worth ``dP + k * dR`` on its page, with ``k``
about (mean precision / mean recall)^2: 0.93 (l3s-gn1) to 1.19 (cleaneval-dev) held out. The
measured best is higher: on most sets the doubtful band's blocks are in the gold more often than
their probability says (docs/design.md, section 3, the calibration table). Held out (the whole
pipeline, site-grouped folds, the fold models of 3 training seeds, mean change against the
expected-F1 rule this replaced): at 1.5, cleaneval-dev +0.0041, mozilla-readability +0.0016,
trafilatura-eval +0.0009, dragnet +0.0006, cleanportaleval 0, l3s-gn1 -0.0001; 2, 2.5 and 3 within
0.0005 of 1.5 on every set (in-sample, trafilatura-eval loses 0.001 more at 2: snippets the gold
leaves out, in doubtful blocks); at 1 (precision and recall counted alike), dragnet and
mozilla-readability gain half as much and cleaneval-dev 0.0017."""


def _weight(words: float) -> float:
    """What a block weighs in :func:`take_doubtful`'s sums: its words, at least one."""
    return words if words > 1.0 else 1.0


def _sibling_edge(
    segs: Sequence[Segment], parent: Sequence[int], pc: Sequence[float], at: int, step: int
) -> int:
    """The farthest block, from block ``at`` in direction ``step`` (-1 or 1), of the run of blocks
    whose elements are children of the same element as block ``at``'s (its siblings, or ``at``'s
    own element split at ``<br>``), up to a block the comment model suspects
    (:data:`SIBLING_COMMENT_CUT`). ``at`` itself where the run is empty or the page has no
    frames."""
    n = len(parent)
    f = segs[at].frame
    if not 0 <= f < n:
        return at
    up = parent[f]
    edge = at
    i = at + step
    while 0 <= i < len(segs):
        f = segs[i].frame
        if not 0 <= f < n or parent[f] != up or pc[i] >= SIBLING_COMMENT_CUT:
            break
        edge = i
        i += step
    return edge


def take_doubtful(
    segs: Sequence[Segment],
    pa: Sequence[float],
    pc: Sequence[float],
    parent: Sequence[int] = (),
) -> set[int]:
    """HTML: the blocks under :data:`ARTICLE_THRESHOLD` that this page's article takes as well.

    Reading each block's article probability ``p`` as the chance that it is in the gold, keeping a
    set of blocks promises a precision of about ``sum(p * w) / sum(w)`` over the kept blocks (``w``
    their words) and a recall of about ``sum(p * w) / sum_all(p * w)`` (the second sum over every
    block). The corpus F1 is the harmonic mean of the pages' mean precision and mean recall, so a
    page does best by the set whose ``precision + RECALL_WEIGHT * recall`` is highest. Blocks at the
    threshold are kept; the doubtful ones (from :data:`PAGE_FLOOR`), likeliest first, are added in
    that order up to the point that promises most. Pages whose expected F1 from the blocks at the
    threshold alone, ``2 * sum(p * w) / (sum(w) + sum_all(p * w))``, reaches :data:`PAGE_SURE` are
    left alone.

    The reading holds for blocks that are in or out of the article each on its own, as a short
    paragraph among the story's paragraphs is, and not for a run of blocks that are in or out
    together: a comment thread or a list of stories after the article, each block at 0.2-0.5,
    would all come in (on dragnet, Slashdot stories fell from 0.95 to 0.25). So where the page has
    blocks at the threshold (of :data:`SPAN_MIN_WORDS` or more) only the doubtful blocks between
    the first and the last of them are weighed and taken, and those of the runs of siblings just
    before the first and after the last (:func:`_sibling_edge`: the story's list items or lines in
    its last paragraph's element, a second heading beside the first; ``parent`` is
    ``Doc.parent``, none given, no run); where it has none, every doubtful block is (a short post
    the model doubts from end to end). Blocks the comment model claims count for neither side.
    (The sibling runs, held out on seeds 0-2 against the bare span: dragnet +0.0005,
    cleanportaleval +0.0008, mozilla-readability +0.0029 (+0.0026 of it a two-heading test page in
    one seed), cleaneval-dev +0.0002, trafilatura-eval +0.0001, l3s-gn1 -0.0001; docs/design.md,
    item 102.)

    Measured held out (site-grouped CV, the whole pipeline, the fold models of 3 training seeds;
    against the fixed threshold and its best-guess rule): cleaneval-dev +0.009,
    mozilla-readability +0.003, trafilatura-eval +0.0023, dragnet +0.0018, cleanportaleval 0,
    l3s-gn1 -0.0003 (docs/design.md, section 4, items 14 and 16)."""
    top = ARTICLE_THRESHOLD
    expected_all = kept_p = kept_w = 0.0
    first = last = -1
    # the doubtful blocks' indices, in page order (an array: on a page of a million table cells,
    # a tuple per block would be the peak of the whole extraction)
    doubtful = array("q")
    for i, (s, a, c) in enumerate(zip(segs, pa, pc, strict=True)):
        if c >= COMMENT_THRESHOLD:
            continue
        w = _weight(s.words)
        expected_all += a * w
        if a >= top:
            kept_p += a * w
            kept_w += w
            if s.words >= SPAN_MIN_WORDS:
                if first < 0:
                    first = i
                last = i
        elif a >= PAGE_FLOOR:
            doubtful.append(i)
    if first >= 0:
        # the span, widened over the runs of siblings at its two ends
        lo = _sibling_edge(segs, parent, pc, first, -1)
        hi = _sibling_edge(segs, parent, pc, last, 1)
        doubtful = doubtful[bisect_left(doubtful, lo) : bisect_right(doubtful, hi)]
    if not doubtful:
        return set()
    if kept_w and 2.0 * kept_p / (kept_w + expected_all) >= PAGE_SURE:
        return set()

    def weight(i: int) -> float:
        return _weight(segs[i].words)

    # likeliest first; among equal probabilities the longer block, then the later one (three
    # stable sorts, last key first)
    order = list(reversed(doubtful))
    del doubtful
    order.sort(key=weight, reverse=True)
    order.sort(key=pa.__getitem__, reverse=True)
    # (not a stop at the first block that lowers the promise: a long block further down may
    # raise it again, its recall outweighing the precision it costs)
    best = (kept_p / kept_w if kept_w else 0.0) + RECALL_WEIGHT * kept_p / expected_all
    n = 0
    for k, i in enumerate(order, 1):
        w = weight(i)
        kept_p += pa[i] * w
        kept_w += w
        promise = kept_p / kept_w + RECALL_WEIGHT * kept_p / expected_all
        if promise > best:
            best, n = promise, k
    return set(order[:n])


class LearnedArticle:
    """Article, comment or neither for every block, from two learned models over the block vectors.

    The article model decides article blocks (where the model file has a ``context`` stage, which
    reads the article model's probabilities for the block and its neighbours,
    :mod:`boilerstrip.classify.stacked`: in text that stage decides, in HTML the mean of the two,
    :func:`_html_context`); the comment model decides reader
    comments (it overrides the markup rules of
    :class:`~boilerstrip.classify.comments.CommentSection`, whose verdict is one of its features).
    In text, before the dump's comment section opens (:func:`_text_comments_open`), a block that
    both the comment model and the article decision claim is article: a dump announces its
    comments. ``Segment.p_article`` keeps the article model's probability. Blocks neither model
    claims stay unlabelled for the later steps. Where no model is shipped for the document kind the
    pipeline runs the rules instead (see :meth:`available`).
    """

    name = "learned"

    def available(self, kind: str) -> bool:
        try:
            _models(kind)
        except FileNotFoundError:
            return False
        return True

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        if not segs:
            return
        models = _models(doc.kind)
        pa: array[float]
        pc: array[float]
        fa = models["article"].forest
        fc = models["comment"].forest if "comment" in models else None
        compiled = fa is not None and (fc is not None or "comment" not in models)
        lex = models.get("lexicon")
        maker = _compiled_rows(doc) if compiled else None
        if maker is not None:
            # The compiled vectors, a chunk at a time, scored by the compiled trees (into arrays
            # made at their size: grown, they would be copied, twice their size for a moment).
            width = len(FEATURE_NAMES)
            pa = array("d", bytes(8 * len(segs)))
            pc = array("d", bytes(8 * len(segs)))
            at = 0
            for chunk in _chunks(maker, doc, lex):
                got = array("d", fa.probabilities(chunk, width))
                pa[at : at + len(got)] = got
                if fc is not None:
                    pc[at : at + len(got)] = array("d", fc.probabilities(chunk, width))
                at += len(got)
            maker = None  # (its page-wide arrays are let go of)
        else:
            article = models["article"].margin_function()
            comment = models["comment"].margin_function() if "comment" in models else None
            # Vector by vector: a page's vectors are never all held at once.
            pa, pc = array("d"), array("d")
            for x in rows(doc, lex):
                pa.append(sigmoid(article(x)))
                pc.append(sigmoid(comment(x)) if comment is not None else 0.0)
        context = models.get("context")
        decide: Sequence[float] = pa
        threshold = ARTICLE_THRESHOLD
        if context is not None:
            px = _context_probabilities(doc, pa, pc, context)
            if doc.kind == "html":
                decide = _html_context(pa, px)
            else:
                decide, threshold = px, CONTEXT_THRESHOLD
        # HTML: a page the model doubts takes its likelier doubtful blocks too
        taken = take_doubtful(segs, decide, pc, doc.parent) if doc.kind == "html" else set()
        # Before a text dump's comment section, a block both models claim is the article's.
        opens = 0 if doc.kind == "html" else _text_comments_open(segs)
        comment_label, article_label = Label.COMMENT, Label.ARTICLE  # (read for every block)
        same = decide is pa
        for i, (s, a, c, d) in enumerate(zip(segs, pa, pc, decide, strict=True)):
            if same:
                d = a  # one float object for the block's probability and its score, not two
            s.p_article = a
            if c >= COMMENT_THRESHOLD and (i >= opens or d < threshold):
                if s.label is not comment_label:
                    set_label(s, comment_label, c, self.name)
            elif d >= threshold or i in taken:
                set_label(s, article_label, d, self.name)
                s.comment = None
                s.comment_meta = False
            elif (
                s.label is comment_label
                and doc.kind == "html"
                and not (is_comment_chrome(s) or is_meta_line(s))
            ):
                # The markup said comment section, the model hears no reader's words: keep the
                # section's chrome ("Post a comment", widgets) and comment headers, drop the rest.
                # (In text the section is found by specific line patterns - "Comment number 12.",
                # "rate this" - which the model, trained mostly on pages without them, underrates.)
                s.label = None
                s.comment = None
                s.comment_meta = False
        if doc.kind != "html":
            _unheard_text_section(segs, pc, self.name)
            _text_section_ends(segs, pc, self.name)
        else:
            _keep_threads_after_the_story(doc, THREADS)
            _story_goes_on(segs, pa, self.name)
            _sections_are_no_thread(segs, pa, pc, self.name)
            _citations_are_no_comments(segs, pa, self.name)
            _drop_hidden_copies(segs)
        signed_thread(segs, STORY_AFTER_WORDS, COUNT_LINE_WORDS)
        own_words = sum(s.words * (1.0 - s.link_density) for s in segs if s.label is article_label)
        if own_words < MIN_ARTICLE_WORDS:
            for s in segs:
                if s.label is article_label:
                    s.label = None


THREADS: Final = "comment-threads"
"""The ``by`` that :func:`_keep_threads_after_the_story` gives the comment model's claims it
keeps."""


def _keep_threads_after_the_story(doc: Doc, by: str) -> None:
    """HTML: the comment step leaves out a comment-marked element that holds most of the page's
    prose, taking it for a wrapper of the whole page (:data:`~boilerstrip.classify.comments.
    WRAPPER_SHARE`), so its comments are the comment model's claims alone, and
    :func:`_story_goes_on` weighs those against the article after them. Where the story comes
    before the element (:data:`~boilerstrip.classify.comments.WRAPPER_BEFORE`), it is a long
    thread after it (:attr:`Doc.thread_blocks`): the model's claims there are the thread's
    (``by``), which that step leaves alone. (Held out, dragnet R618's thread of 87 comments was
    claimed by the model and then undone: the sidebar after it, book blurbs the model doubts,
    counted as story. Labelling the element's unclaimed blocks comment as well took its form and
    notices in: in-sample comment F1 -0.0002, one comment-free page less.)"""
    segs = doc.segments
    comment = Label.COMMENT
    for i in doc.thread_blocks:
        s = segs[i]
        if s.label is comment:
            s.by = by


def _unheard_text_section(segs: Sequence[Segment], pc: Sequence[float], by: str) -> None:
    """Text: a comment section that only the line rules found
    (:class:`~boilerstrip.classify.comments.CommentSection`: a header such as "Post a Comment",
    then every line up to the first paragraph), where the comment model claims no block and no
    comment's header (an author, a date, "Comment number 12.") stands over words that read as
    said (:func:`~boilerstrip.classify.comments.signed_words`), is not one: its blocks are
    navigation. A dump's section header with no comment under it runs on into the blog archive,
    the "About Me" box and the footer menus, which the comment step then split into "comments".
    On the cached w3m dumps of dragnet's comment-free pages, 184 of the 236 that got a comment
    had only such rule-made comments (on the pages with gold comments, 20 of 284); see
    docs/design.md, section 4, items 34 and 37."""
    if any(c >= COMMENT_THRESHOLD for c in pc):
        return
    comment = Label.COMMENT
    found = [s for s in segs if s.label is comment]
    if not found or signed_words(found):
        return
    for i, s in enumerate(segs):
        if s.label is comment:
            _section_chrome(s, pc[i], by)


def _section_chrome(s: Segment, pc: float, by: str) -> None:
    """A block the text comment rules swept into a section: navigation, scored by the comment
    model's probability that it is no comment."""
    set_label(s, Label.NAVIGATION, 1.0 - pc, by)
    s.comment = None
    s.comment_meta = False


def _text_section_ends(segs: Sequence[Segment], pc: Sequence[float], by: str) -> None:
    """Text: a comment section ends with the last block the comment model claims; the blocks after
    it that the line rules made comments (:class:`~boilerstrip.classify.comments.CommentSection`
    takes every short line after a comment header up to the next paragraph) are navigation. After
    the last comment the rules ran on into the blog's archive, tag list, "About Me" box and footer
    menus (dragnet T150: 363 such "comment" blocks after two real ones). On the cached w3m dumps
    (comment F1 as the benchmark scores it): dragnet 0.761 -> 0.798, l3s-gn1 0.253 -> 0.266; see
    docs/design.md, section 4, item 37. Where that last block is a comment's header, the words the
    rules gave that comment under it end the section (a one-line comment the model does not
    claim: item 82). (Where the model claims no block, :func:`_unheard_text_section` decides.)"""
    comment = Label.COMMENT
    claims = (i for i in range(len(segs) - 1, -1, -1) if pc[i] >= COMMENT_THRESHOLD)
    last = next((i for i in claims if segs[i].label is comment), -1)
    if last < 0:
        return
    rules = CommentSection.name
    item = segs[last].comment
    if segs[last].comment_meta and item is not None:
        # the model claims the last comment's header: its words under it are the comment's
        n = len(segs)
        while last + 1 < n and segs[last + 1].by == rules and segs[last + 1].comment == item:
            last += 1
    for i in range(last + 1, len(segs)):
        s = segs[i]
        if s.label is comment and s.by == rules:
            _section_chrome(s, pc[i], by)


def _unclaim(s: Segment, p_article: float, by: str) -> None:
    """A block taken back from the comment model's claim: no comment; article where
    ``p_article`` reaches the article threshold, else left to the later steps."""
    s.comment = None
    s.comment_meta = False
    if p_article >= ARTICLE_THRESHOLD:
        set_label(s, Label.ARTICLE, p_article, by)
    else:
        s.label = None


def _story_goes_on(segs: Sequence[Segment], pa: Sequence[float], by: str) -> None:
    """HTML: a block the comment model claimed (``by``) where the comment markup rule had not
    (outside comment markup, or under a comment-marked element the rule judged a wrapper of the
    whole page), with at least :data:`STORY_AFTER_WORDS` words of article prose after it, is not
    a reader comment: a comment section follows the story, it does not interrupt it (dialogue in
    a story, a quoted letter, a list of tips). It is article where the article model says so, else
    left to the later steps. (Blocks the markup rule labelled keep its name in ``by`` and are left
    alone. Under a rejected comment wrapper - Kinja's pages hang the whole post under one -
    they were left alone too until the model's held-out claims on such a post were looked at:
    mozilla-readability +0.0036 / +0.0007 held out, seeds 0 / 1, every other set and the comment
    scores unchanged; in-sample two lifehacker pages and two trafilatura-eval forum pages up.)"""
    comment, article = Label.COMMENT, Label.ARTICLE
    if not any(s.label is comment and s.by == by for s in segs):
        return  # (most pages: no claim to look at)
    after = 0.0
    for i in range(len(segs) - 1, -1, -1):
        s = segs[i]
        if s.label is article:
            after += s.words * (1.0 - s.link_density)
        elif (
            s.label is comment
            and s.by == by
            and after >= STORY_AFTER_WORDS
        ):
            _unclaim(s, pa[i], by)


def _sections_are_no_thread(
    segs: Sequence[Segment], pa: Sequence[float], pc: Sequence[float], by: str
) -> None:
    """HTML: where the blocks the comment model claimed (``by``) hold :data:`SECTION_HEADINGS`
    section headings or more and not one sign of a reader's comment - no comment markup, no
    author, date or number line, no comment header - they are the story's last sections, not a
    thread. A block is article where the two models together give it the article threshold (what
    made the comment model claim the prose is what kept the article model from it), else it is
    left to the later steps."""
    comment = Label.COMMENT
    claimed = [i for i, s in enumerate(segs) if s.label is comment and s.by == by]
    if not claimed:
        return  # (most pages: no claim to look at)
    headings = 0
    for i in claimed:
        s = segs[i]
        if (
            s.near_cues & P.COMMENT
            or s.comment_meta
            or is_meta_line(s)
            or is_comment_chrome(s)  # (comment headers among them)
            or line_flags(s) & COMMENT_COUNT
        ):
            return
        if s.heading:
            headings += 1
    if headings < SECTION_HEADINGS:
        return
    for i in claimed:
        _unclaim(segs[i], pa[i] + pc[i], by)


def _citations_are_no_comments(segs: Sequence[Segment], pa: Sequence[float], by: str) -> None:
    """HTML: a block the comment model claimed (``by``) that is an entry of a list of references
    (:data:`patterns.CITATION`: "Retrieved 2012-03-30", an ISBN, a DOI) is not a reader comment:
    a reference list's dated, quoted entries read to the model like comment headers. It is
    article where the article model says so, else left to the later steps. (Blocks the comment
    markup rule labelled are left alone.)"""
    comment = Label.COMMENT
    for i, s in enumerate(segs):
        if (
            s.label is comment
            and s.by == by
            and s.chars <= P.MAX_PATTERN_CHARS
            and P.CITATION.search(s.text) is not None
        ):
            _unclaim(s, pa[i], by)


def _drop_hidden_copies(segs: Sequence[Segment]) -> None:
    """An article block under hidden markup (``display:none``, ``visibility:hidden``, the
    ``hidden`` attribute, a ``hidden``/``invisible`` class: :data:`patterns.HIDDEN`) whose text
    an article block outside hidden markup also holds is a copy the reader does not see (a print or
    tab version of the story, a collapsed teaser): it loses the article label. From the dev sets:
    on dragnet such copies doubled the article on 15 pages (0.915 -> 0.918) and on two of
    mozilla-readability's fixtures (0.930 -> 0.933); no page lost. Hidden text that is not shown
    elsewhere stays: demoting all of it cost wikipedia-3 (collapsed sections that the gold keeps)
    0.24."""
    article = Label.ARTICLE
    if not any(s.label is article and s.cues & P.HIDDEN for s in segs):
        return  # (most pages: no hidden article block)
    shown = {s.text for s in segs if s.label is article and not s.cues & P.HIDDEN}
    for s in segs:
        if s.label is article and s.cues & P.HIDDEN and s.text in shown:
            s.label = None


def _text_comments_open(segs: Sequence[Segment]) -> int:
    """Where a text dump's comment section opens: at its first header line ("12 Comments", "Leave
    a reply") that is not an item of a bulleted list, a short line counting comments ("{ 53
    comments… read them below or add one }"), or a block the comment rules claimed ("Comment
    number 1."). ``len(segs)`` where nothing opens one: a text dump announces its comments, a page
    in HTML may not (there the markup tells).

    A header line the dumper drew a bullet before is a menu's or a blogroll's link ("• Comments"
    in a work's menu above the story, "• comment" among a sidebar's blog names), not the head of
    the page's comment section, which stands on its own line: on the dev dumps such items opened
    the section above the whole story (cleaneval-dev 20, a blog's front page: w3m 0.28 -> 0.80,
    lynx 0.32 -> 0.87). The only other page that moved, mozilla-readability's
    archive-of-our-own, keeps a story paragraph it gave the comments but loses 0.003 on its title
    line."""
    comment = Label.COMMENT
    for i, (s, bits) in enumerate(zip(segs, segments_flags(segs), strict=True)):
        if s.label is comment or (bits & COMMENT_HEADER and not s.bullet):
            return i
        if s.words <= COUNT_LINE_WORDS and (
            bits & COMMENT_COUNT if len(s.text) <= P.MAX_PATTERN_CHARS else counts_comments(s.text)
        ):
            return i
    return len(segs)



def context_own(segs: Sequence[Segment], lo: int, hi: int) -> list[tuple[float, ...]]:
    """The own features of the context stage (:data:`stacked.OWN`) of the blocks ``lo .. hi - 1``:
    the values the first stage's vector holds for them (tests check that they agree)."""
    n = len(segs)
    out: list[tuple[float, ...]] = []
    for i in range(lo, hi):
        s = segs[i]
        bits = line_flags(s)
        out.append((
            math.log1p(s.chars),
            s.link_density,
            s.stop_density,
            1.0 if s.punct_end else 0.0,
            1.0 if s.cf == GOOD else 0.0,
            1.0 if s.heading else 0.0,
            i / n,
            1.0 if s.list_item else 0.0,
            1.0 if bits & DATE else 0.0,
            1.0 if bits & COPYRIGHT else 0.0,
        ))
    return out


def _context_probabilities(
    doc: Doc, pa: Sequence[float], pc: Sequence[float], model: Model
) -> array[float]:
    """The context stage's article probability for every block, from the first stage's article
    and comment probabilities ``pa`` and ``pc``."""
    segs = doc.segments
    n = len(segs)
    page = stacked.ContextPage(pa, [s.chars for s in segs], pc)
    out = array("d")
    width = len(stacked.NAMES)
    mod = speedups()
    margin = model.margin_function() if model.forest is None else None
    for lo in range(0, n, _CHUNK):
        hi = min(n, lo + _CHUNK)
        if margin is None and mod is not None and isinstance(pa, array) and isinstance(pc, array):
            # The own features and the rows in C (the same numbers as context_own and rows).
            flat = mod.context_own(segs, lo, hi, line_flags, GOOD, DATE, COPYRIGHT)
            out.extend(model.forest.probabilities(page.compiled_rows(mod, lo, flat), width))
            continue
        own = context_own(segs, lo, hi)
        if margin is not None:
            out.extend(sigmoid(margin(v)) for v in page.rows(lo, own))
        else:
            vectors = page.rows(lo, own)
            out.extend(model.forest.probabilities(array("d", chain.from_iterable(vectors)), width))
    return out


def _html_context(pa: array[float], px: array[float]) -> Sequence[float]:
    """HTML: the article probability a block is decided by, where the model file has a context
    stage: the mean of the first stage's and the context stage's (:data:`HTML_CONTEXT_SHARE`),
    unless that leaves the page without an article block where the first stage had one."""
    share = HTML_CONTEXT_SHARE
    mixed: Sequence[float]
    mod = speedups()
    if mod is not None:
        raw, max_pa, max_mixed = mod.context_mix(pa, px, share)
        mixed = native_doubles(raw)  # (a copy would be the peak of a page of a million cells)
    else:
        # (from a generator: a list of a million floats would be the extraction's peak on a huge
        # page)
        mixed = array("d", (a + share * (x - a) for a, x in zip(pa, px, strict=True)))
        max_pa, max_mixed = max(pa, default=0.0), max(mixed, default=0.0)
    if pa and max_mixed < ARTICLE_THRESHOLD <= max_pa:
        return pa
    return mixed


def _models(kind: str) -> dict[str, Any]:
    """The stages of the kind's model file: ``article``, ``comment``, and where trained ``context``
    and ``lexicon``."""
    return load_stages(f"model_{kind}")
