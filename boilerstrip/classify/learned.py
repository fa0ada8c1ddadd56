"""The learned article classifier: a feature vector per block and a small model scoring it.

The vector (:data:`FEATURE_NAMES`) describes a block by its own text statistics, its markup (tag and
cue flags of its element, near and far ancestors), where it sits (position, depth, the share of the
page's prose held by the containers around it), and the same text statistics for its neighbours. The
model is trained by ``tools/train.py`` on the dev sets of ``../shared/data`` (labels from the overlap
of each block with the gold text) and shipped as JSON in ``boilerstrip/data/``; inference here is plain
Python.
"""

from __future__ import annotations

import math
from typing import Any, Final

from .. import patterns as P
from ..document import Doc, Segment
from ..types import Label
from .base import set_label
from .comments import is_comment_chrome, is_meta_line
from .density import BAD, GOOD, NEARGOOD, SHORT
from .region import block_value

TAGS: Final = ("p", "div", "li", "td", "h", "span", "dd", "blockquote", "pre", "article", "section", "th")
CUES: Final = (
    P.NAV, P.HEADER, P.FOOTER, P.ASIDE, P.RELATED, P.SHARE, P.AD, P.COMMENT, P.CAPTION, P.CONTENT,
    P.META, P.HIDDEN, P.POPUP, P.FORM, P.TITLE, P.BODY, P.LIST, P.TABLE, P.FIGURE,
)
WINDOWS: Final = (3, 8)
"""Half-widths (in blocks) of the neighbourhoods whose mean block statistics are features."""
WINDOW_FEATURES: Final = ("log_chars", "link_density", "stop_density", "punct_end", "cf_good", "cf_short")
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
)


_WINDOW_IDX: Final = tuple(_own_names().index(f) for f in WINDOW_FEATURES)
_IDX_HEADER: Final = _own_names().index("comment_header")
_IDX_META: Final = _own_names().index("meta_line")


def _own(s: Segment) -> list[float]:
    t = s.text
    cf = s.cf
    short = s.chars <= P.MAX_PATTERN_CHARS
    digits = sum(1 for ch in t[:400] if ch.isdigit()) / max(1, min(len(t), 400))
    words = t[:400].split()
    upper = sum(1 for w in words if w[:1].isupper()) / len(words) if words else 0.0
    avg = sum(len(w) for w in words) / len(words) if words else 0.0
    return [
        math.log1p(s.chars),
        math.log1p(s.words),
        s.link_density,
        s.stop_density,
        1.0 if s.punct_end else 0.0,
        math.log1p(s.sentences),
        1.0 if cf == BAD else 0.0,
        1.0 if cf == SHORT else 0.0,
        1.0 if cf == NEARGOOD else 0.0,
        1.0 if cf == GOOD else 0.0,
        1.0 if s.heading else 0.0,
        1.0 if s.heading == 1 else 0.0,
        1.0 if s.list_item else 0.0,
        1.0 if s.image_before else 0.0,
        1.0 if short and P.is_boilerplate_line(t) else 0.0,
        1.0 if short and P.COPYRIGHT.search(t) else 0.0,
        1.0 if short and P.DATE.search(t) else 0.0,
        digits,
        upper,
        min(avg, 20.0) / 20.0,
        1.0 if short and P.COMMENT_HEADER.match(t) else 0.0,
        1.0 if short and P.WIDGET.match(t) else 0.0,
        1.0 if short and s.words <= 16 and P.DATE.search(t) and P.META_LINE.search(t) else 0.0,
        1.0 if s.label is Label.COMMENT else 0.0,
        min(s.indent, 20) / 20.0,
        1.0 if s.bullet else 0.0,
        1.0 if s.blank_before else 0.0,
        1.0 if s.blank_after else 0.0,
        math.log1p(s.line_end - s.line_start + 1 if s.line_end else 1),
        1.0 if t.isupper() else 0.0,
    ]


def _tag(s: Segment) -> list[float]:
    tag = "h" if s.heading else s.tag
    return [1.0 if tag == t else 0.0 for t in TAGS]


def _cues(mask: int) -> list[float]:
    return [1.0 if mask & c else 0.0 for c in CUES]


def vectors(doc: Doc) -> list[list[float]]:
    """One feature vector per segment of ``doc`` (in :data:`FEATURE_NAMES` order)."""
    segs = doc.segments
    n = len(segs)
    if n == 0:
        return []
    own = [_own(s) for s in segs]
    total_chars = sum(s.chars for s in segs) or 1
    # Prose per element subtree (same values the region finder uses), and link share per subtree.
    parent = doc.parent
    nf = len(parent)
    prose = [0.0] * nf
    chars = [0.0] * nf
    links = [0.0] * nf
    page_prose = 0.0
    values = [block_value(s) for s in segs]
    for s, v in zip(segs, values, strict=True):
        if s.frame >= 0:
            if v > 0:
                prose[s.frame] += v
            chars[s.frame] += s.chars
            links[s.frame] += s.link_chars
        if v > 0:
            page_prose += v
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0:
            prose[p] += prose[f]
            chars[p] += chars[f]
            links[p] += links[f]
    net = [0.0] * nf
    for s, v in zip(segs, values, strict=True):
        if s.frame >= 0:
            net[s.frame] += v
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0:
            net[p] += net[f]
    best = max(range(nf), key=net.__getitem__) if nf else -1
    last = list(range(nf))
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0 and last[f] > last[p]:
            last[p] = last[f]
    last_best = last[best] if best >= 0 else -1
    if doc.kind == "html":
        inside = [best <= s.frame <= last_best for s in segs]
    else:
        inside = [s.in_region for s in segs]
    first_in = next((i for i in range(n) if inside[i]), n)
    last_in = max((i for i in range(n) if inside[i]), default=-1)
    header_at = next(
        (i for i, s in enumerate(segs) if own[i][_IDX_HEADER] and i > first_in), n
    )
    pp = page_prose or 1.0
    prefix: list[list[float]] = []
    for c in _WINDOW_IDX:
        acc = [0.0] * (n + 1)
        for i in range(n):
            acc[i + 1] = acc[i] + own[i][c]
        prefix.append(acc)
    counts: dict[str, int] = {}
    for s in segs:
        counts[s.text] = counts.get(s.text, 0) + 1
    out: list[list[float]] = []
    pos_chars = 0
    for i, s in enumerate(segs):
        v = own[i] + _tag(s) + _cues(s.near_cues) + _cues(s.cues)
        v += [i / n, pos_chars / total_chars, min(s.depth, 40) / 40.0, math.log1p(n)]
        pos_chars += s.chars
        shares = [0.0] * LEVELS
        linkd = [0.0] * LEVELS
        in_best = 1.0 if best <= s.frame <= last_best else 0.0
        f = s.frame
        for k in range(LEVELS):
            if f < 0:
                break
            shares[k] = prose[f] / pp
            linkd[k] = links[f] / chars[f] if chars[f] else 0.0
            f = parent[f]
        v += shares + linkd
        v += [
            1.0 if s.frame == best else 0.0,
            in_best if doc.kind == "html" else (1.0 if s.in_region else 0.0),
            math.log1p(page_prose),
            (values[i] / pp) if values[i] > 0 else 0.0,
            1.0 if i < first_in else 0.0,
            1.0 if i > last_in else 0.0,
            1.0 if i > header_at else 0.0,
            max((own[j][_IDX_META] for j in range(max(0, i - 3), min(n, i + 4)) if j != i), default=0.0),
        ]
        for step in (-1, 1):
            for k in (1, 2):
                j = i + step * k
                if 0 <= j < n:
                    o = own[j]
                    t = segs[j]
                    v += [o[0], o[2], o[3], o[4], 1.0 if t.cf == GOOD else 0.0, o[10]]
                else:
                    v += [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
        for w in WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            m = b - a - 1
            for c, pre in zip(_WINDOW_IDX, prefix, strict=True):
                v.append((pre[b] - pre[a] - own[i][c]) / m if m else 0.0)
        v.append(math.log1p(counts[segs[i].text] - 1))
        out.append(v)
    return out


ARTICLE_THRESHOLD: Final = 0.5
"""Stage-2 probability from which a block is article (the cross-validated F1 is flat between 0.4
and 0.6 on the dev sets; see tools/train.py output)."""


COMMENT_THRESHOLD: Final = 0.5
MIN_ARTICLE_WORDS: Final = 1.0
"""Words outside links the article blocks of a page must hold together, or the page has no article
(a page that is just a menu). Higher values drop lone date lines on index pages but lose more on
real short articles: on the dev sets 10 words cost mozilla-readability 0.03 F1, dragnet 0.003 and
cleaneval-dev 0.007 for a 0.008 gain on cleanportaleval."""


class LearnedArticle:
    """Article, comment or neither for every block, from two learned models over the block vectors.

    The article model decides article blocks; the comment model decides reader comments (it overrides
    the markup rules of :class:`~boilerstrip.classify.comments.CommentSection`, whose verdict is one of
    its features). Blocks neither model claims stay unlabelled for the later steps. Where no model is
    shipped for the document kind the pipeline runs the rules instead (see :meth:`available`).
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
        x = vectors(doc)
        pa = models["article"].predict(x)
        pc = models["comment"].predict(x) if "comment" in models else [0.0] * len(segs)
        for s, a, c in zip(segs, pa, pc, strict=True):
            s.p_article = a
            if c >= COMMENT_THRESHOLD:
                if s.label is not Label.COMMENT:
                    set_label(s, Label.COMMENT, c, self.name)
            elif a >= ARTICLE_THRESHOLD:
                set_label(s, Label.ARTICLE, a, self.name)
                s.comment = None
                s.comment_meta = False
            elif (
                s.label is Label.COMMENT
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
        own_words = sum(
            s.words * (1.0 - s.link_density) for s in segs if s.label is Label.ARTICLE
        )
        if own_words < MIN_ARTICLE_WORDS:
            for s in segs:
                if s.label is Label.ARTICLE:
                    s.label = None


def _models(kind: str) -> dict[str, Any]:
    from .model import load

    return load(f"model_{kind}")
