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
from .density import BAD, GOOD, NEARGOOD, SHORT
from .region import block_value

TAGS: Final = ("p", "div", "li", "td", "h", "span", "dd", "blockquote", "pre", "article", "section", "th")
CUES: Final = (
    P.NAV, P.HEADER, P.FOOTER, P.ASIDE, P.RELATED, P.SHARE, P.AD, P.COMMENT, P.CAPTION, P.CONTENT,
    P.META, P.HIDDEN, P.POPUP, P.FORM, P.TITLE, P.BODY, P.LIST, P.TABLE, P.FIGURE,
)
LEVELS: Final = 4
"""Ancestor levels whose prose share is a feature (the block's element, its parent, ...)."""


def _own_names() -> list[str]:
    return [
        "log_chars", "log_words", "link_density", "stop_density", "punct_end", "log_sentences",
        "cf_bad", "cf_short", "cf_neargood", "cf_good", "heading", "heading1", "list_item",
        "image_before", "boiler_line", "copyright", "date", "digits", "upper_start", "avg_word",
    ]


FEATURE_NAMES: Final[tuple[str, ...]] = tuple(
    _own_names()
    + [f"tag_{t}" for t in TAGS]
    + [f"near_{P.CUE_NAMES[c]}" for c in CUES]
    + [f"far_{P.CUE_NAMES[c]}" for c in CUES]
    + ["pos", "pos_chars", "depth", "n_blocks_log"]
    + [f"share_{k}" for k in range(LEVELS)]
    + [f"linkd_{k}" for k in range(LEVELS)]
    + ["best_region", "in_best", "page_prose_log", "own_share"]
    + [f"{side}{k}_{f}" for side in ("prev", "next") for k in (1, 2)
       for f in ("log_chars", "link_density", "stop_density", "punct_end", "good", "heading")]
)


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
    pp = page_prose or 1.0
    out: list[list[float]] = []
    pos_chars = 0
    for i, s in enumerate(segs):
        v = own[i] + _tag(s) + _cues(s.near_cues) + _cues(s.cues)
        v += [i / n, pos_chars / total_chars, min(s.depth, 40) / 40.0, math.log1p(n)]
        pos_chars += s.chars
        shares = [0.0] * LEVELS
        linkd = [0.0] * LEVELS
        in_best = 0.0
        f = s.frame
        k = 0
        while f >= 0:
            if k < LEVELS:
                shares[k] = prose[f] / pp
                linkd[k] = links[f] / chars[f] if chars[f] else 0.0
            if f == best:
                in_best = 1.0
            f = parent[f]
            k += 1
        v += shares + linkd
        v += [
            1.0 if s.frame == best else 0.0,
            in_best if doc.kind == "html" else (1.0 if s.in_region else 0.0),
            math.log1p(page_prose),
            (values[i] / pp) if values[i] > 0 else 0.0,
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
        out.append(v)
    return out


CONTEXT_WINDOWS: Final = (3, 10)
"""Half-widths (in blocks) of the windows whose char-weighted mean article probability is a feature."""
CONTEXT_BASE: Final = (
    "log_chars", "link_density", "stop_density", "punct_end", "heading", "cf_good", "cf_short",
    "list_item", "near_comment", "near_nav", "near_related", "far_comment",
)
"""Stage-1 features repeated in the stage-2 vector."""

CONTEXT_NAMES: Final[tuple[str, ...]] = tuple(
    ["p", "logit"]
    + [f"p_{side}{k}" for side in ("prev", "next") for k in (1, 2, 3)]
    + [f"win{w}" for w in CONTEXT_WINDOWS]
    + ["max_prev3", "max_next3"]
    + [f"dom_mean{k}" for k in range(LEVELS + 1)]
    + [f"dom_mass{k}" for k in range(LEVELS + 1)]
    + ["seq_region", "seq_dist", "dom_region", "page_mass_log", "page_pos_share"]
    + list(CONTEXT_BASE)
)
_BASE_INDEX: Final = tuple(FEATURE_NAMES.index(n) for n in CONTEXT_BASE)


def context_vectors(
    probs: list[float],
    base: list[list[float]],
    chars: list[int],
    frames: list[int],
    parent: list[int],
) -> list[list[float]]:
    """Stage-2 vectors: each block's stage-1 probability in the context of its neighbours and its
    containers (the learned counterpart of jusText's context pass and of a main-region search)."""
    n = len(probs)
    if n == 0:
        return []
    # Char-weighted prefix sums for window means.
    wp = [0.0] * (n + 1)
    wc = [0.0] * (n + 1)
    for i in range(n):
        c = chars[i] + 1.0
        wp[i + 1] = wp[i] + probs[i] * c
        wc[i + 1] = wc[i] + c
    # Mass of article probability per element subtree.
    nf = len(parent)
    mass = [0.0] * nf
    fchars = [0.0] * nf
    for i in range(n):
        f = frames[i]
        if f >= 0:
            mass[f] += probs[i] * chars[i]
            fchars[f] += chars[i]
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0:
            mass[p] += mass[f]
            fchars[p] += fchars[f]
    page_mass = sum(probs[i] * chars[i] for i in range(n)) or 1.0
    # Best element: the subtree with the highest sum of (p - 0.5) * chars.
    net = [0.0] * nf
    for i in range(n):
        f = frames[i]
        if f >= 0:
            net[f] += (probs[i] - 0.5) * chars[i]
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0:
            net[p] += net[f]
    best = max(range(nf), key=net.__getitem__) if nf else -1
    # Best run of consecutive blocks by the same values.
    lo, hi = _best_run([(probs[i] - 0.5) * (chars[i] + 1) for i in range(n)])
    pos_share = sum(1 for p in probs if p >= 0.5) / n
    out: list[list[float]] = []
    for i in range(n):
        p = probs[i]
        q = min(max(p, 1e-4), 1 - 1e-4)
        v = [p, math.log(q / (1 - q))]
        for step in (-1, 1):
            for k in (1, 2, 3):
                j = i + step * k
                v.append(probs[j] if 0 <= j < n else 0.0)
        for w in CONTEXT_WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            v.append((wp[b] - wp[a]) / (wc[b] - wc[a]))
        v.append(max(probs[max(0, i - 3) : i], default=0.0))
        v.append(max(probs[i + 1 : i + 4], default=0.0))
        means = [0.0] * (LEVELS + 1)
        masses = [0.0] * (LEVELS + 1)
        in_best = 0.0
        f = frames[i]
        k = 0
        while f >= 0:
            if k <= LEVELS:
                means[k] = mass[f] / fchars[f] if fchars[f] else 0.0
                masses[k] = mass[f] / page_mass
            if f == best:
                in_best = 1.0
            f = parent[f]
            k += 1
        v += means + masses
        in_run = 1.0 if lo <= i <= hi else 0.0
        dist = 0 if in_run else (lo - i if i < lo else i - hi)
        v += [in_run, min(dist, 50) / 50.0, in_best, math.log1p(page_mass), pos_share]
        b = base[i]
        v += [b[j] for j in _BASE_INDEX]
        out.append(v)
    return out


def _best_run(values: list[float]) -> tuple[int, int]:
    """Indices (inclusive) of the consecutive run with the highest sum (Kadane); (0, -1) if none."""
    best, best_lo, best_hi = 0.0, 0, -1
    cur, cur_lo = 0.0, 0
    for i, v in enumerate(values):
        if cur <= 0:
            cur, cur_lo = v, i
        else:
            cur += v
        if cur > best:
            best, best_lo, best_hi = cur, cur_lo, i
    return best_lo, best_hi


ARTICLE_THRESHOLD: Final = 0.5
"""Stage-2 probability from which a block is article (the cross-validated F1 is flat between 0.4
and 0.6 on the dev sets; see tools/train.py output)."""


class LearnedArticle:
    """Article or not for every block not already labelled, from the two-stage learned model.

    Falls back to nothing (leaves labels unset) when no model is shipped for the document kind; the
    pipeline then runs the rule-based :class:`~boilerstrip.classify.context.ContextLabels`.
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
        base = vectors(doc)
        p1 = models["stage1"].predict(base)
        ctx = context_vectors(p1, base, [s.chars for s in segs], [s.frame for s in segs], doc.parent)
        p2 = models["stage2"].predict(ctx)
        for s, p in zip(segs, p2, strict=True):
            s.p_article = p
            if s.label is None and p >= ARTICLE_THRESHOLD:
                set_label(s, Label.ARTICLE, p, self.name)


def _models(kind: str) -> dict[str, Any]:
    from .model import load

    return load(f"model_{kind}")
