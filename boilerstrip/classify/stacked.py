"""The context stage of the learned classifier: a second model over the first model's verdicts.

The first model (:mod:`boilerstrip.classify.learned`) scores every block from its own vector, which
already holds its neighbours' text statistics. What it cannot see is what it itself concluded about
the neighbours: that the block sits between two blocks it is sure of, or far from any, or inside
the one long run of article blocks of the page. The context stage (an idea from stacked
generalisation, and from jusText's second, context-sensitive pass) reads, per block, the first
model's probability for the block and its neighbours, the probabilities averaged over windows of
1 to 20 blocks (weighted by length), the distance to the nearest article block before and after,
whether the block is inside the page's best article span (the run of blocks whose summed
probability margin is largest), a few of the block's own features (:data:`OWN`), and the first
stage's comment probability: the block's, its window means, and the highest one before it (a
comment section, once begun, runs on).

``tools/train.py --context`` trains it on held-out first-stage probabilities (each page scored by a
first model that never saw its site) and ships it as the ``context`` model beside ``article``.
In a text dump it decides alone; in HTML the mean of its probability and the first stage's
decides (:func:`boilerstrip.classify.learned._html_context`). Where a model file has no
``context`` model, the first stage decides alone.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from itertools import accumulate, chain
from typing import Any, Final

from ..compiled import native_doubles, speedups
from .region import max_run

OWN: Final = (
    "log_chars", "link_density", "stop_density", "punct_end", "cf_good", "heading", "pos",
    "list_item", "date", "copyright",
)
"""The block's own features in the context vector (names of the first stage's features)."""
WINDOWS: Final = (1, 3, 8, 20)
"""Half-widths (in blocks) of the windows whose length-weighted mean probability is a feature."""
SURE: Final = 0.5
"""A block whose first-stage probability reaches this is an article block for the distance, share
and span features (the first stage's own threshold)."""
FAR: Final = 1000
"""Distances (in blocks) are capped here: "no article block on this side" reads as very far."""
MISSING: Final = -1.0
"""The probability feature of a neighbour beyond the page's ends."""

COMMENT_WINDOWS: Final = (3, 8)
"""Half-widths of the windows whose length-weighted mean comment probability is a feature."""

NAMES: Final[tuple[str, ...]] = tuple(
    ["p", "p_prev1", "p_prev2", "p_next1", "p_next2"]
    + [f"p_win{w}" for w in WINDOWS]
    + ["p_max", "p_mean", "sure_before", "sure_after", "gap_before", "gap_after", "in_span",
       "span_gap", "p_over_win3"]
    + [f"own_{name}" for name in OWN]
    + ["c"] + [f"c_win{w}" for w in COMMENT_WINDOWS] + ["c_max_so_far"]
)
"""The context vector, in order."""

_LOG_FAR: Final = math.log1p(FAR)


class ContextPage:
    """The page-wide sums the context vectors of one page's blocks read: built once from the first
    stage's probabilities ``p`` and the blocks' lengths ``chars``; :meth:`rows` then gives the
    vectors of any run of blocks."""

    # (arrays, or in the compiled form views of the helper's native numbers)
    pre_cw: Sequence[float]
    c_max: Sequence[float]
    pre_pw: Sequence[float]
    pre_w: Sequence[float]
    pre_sure: Sequence[float]
    sure_w: Sequence[float]
    next_sure: Sequence[int]

    def __init__(self, p: Sequence[float], chars: Sequence[int], pc: Sequence[float]) -> None:
        n = len(p)
        self.p = p
        self.pc = pc
        self.n = n
        mod = speedups()
        if (
            mod is not None
            and isinstance(p, array)
            and isinstance(pc, array)
            and p.typecode == pc.typecode == "d"
            and isinstance(chars, list)
        ):
            # The sums below in C (the same numbers to the bit).
            cw, cm, pw, w, ps, sw, ns, lo, hi, self.p_max, self.p_mean, self.total_sure = (
                mod.context_sums(p, chars, pc, SURE, FAR)
            )
            # (read in place: copied into arrays, a huge page held them twice for a moment)
            d = native_doubles
            self.pre_cw, self.c_max, self.pre_pw = d(cw), d(cm), d(pw)
            self.pre_w, self.pre_sure, self.sure_w = d(w), d(ps), d(sw)
            self.next_sure = memoryview(ns).cast("q")  # (native long longs)
            self.span = (lo, hi)
            return
        weight = [c + 1.0 for c in chars]
        self.pre_cw = array("d", accumulate((c * w for c, w in zip(pc, weight, strict=True)),
                                            initial=0.0))
        self.c_max = array("d", accumulate(pc, max)) if n else array("d")
        self.pre_pw = array("d", accumulate((a * w for a, w in zip(p, weight, strict=True)),
                                            initial=0.0))
        self.pre_w = array("d", accumulate(weight, initial=0.0))
        sure = array("d", [w if a >= SURE else 0.0 for a, w in zip(p, weight, strict=True)])
        self.pre_sure = array("d", accumulate(sure, initial=0.0))
        self.total_sure = self.pre_sure[n] or 1.0
        self.sure_w = sure
        # The nearest sure block after each block (n + FAR where none).
        after = array("q", [0]) * n
        nxt = n + FAR
        for i in range(n - 1, -1, -1):
            after[i] = nxt
            if p[i] >= SURE:
                nxt = i
        self.next_sure = after
        # The best span: the run of blocks with the largest sum of (p - SURE) * log(length).
        self.span = max_run(
            ((a - SURE) * math.log1p(w) for a, w in zip(p, weight, strict=True)), positive=False
        )
        self.p_max = max(p, default=0.0)
        self.p_mean = self.pre_pw[n] / self.pre_w[n] if n else 0.0

    def compiled_rows(
        self, mod: Any, lo: int, own: Sequence[Sequence[float]] | bytes
    ) -> bytes:
        """:meth:`rows` as native doubles, by the compiled helper ``mod.context_rows`` (the same
        numbers to the bit; ``p`` must then be an array of doubles). ``own`` may also be given
        as native doubles, :data:`OWN` of them a block (``_speedups.context_own``)."""
        flat = own if isinstance(own, bytes) else array("d", chain.from_iterable(own))
        got: bytes = mod.context_rows(
            self.p, self.pre_pw, self.pre_w, self.pre_sure, self.sure_w, self.next_sure, flat, lo,
            self.span[0], self.span[1], self.p_max, self.p_mean, self.total_sure, WINDOWS, SURE,
            FAR, MISSING, self.pc, self.pre_cw, self.c_max, COMMENT_WINDOWS,
        )
        return got

    def rows(self, lo: int, own: Sequence[Sequence[float]]) -> list[tuple[float, ...]]:
        """The context vectors of the blocks ``lo .. lo + len(own) - 1``, given their own features
        (:data:`OWN`, in order). Built a column at a time."""
        p, n = self.p, self.n
        hi = lo + len(own)
        idx = range(lo, hi)
        pre_pw, pre_w = self.pre_pw, self.pre_w
        wins = []
        for k in WINDOWS:
            bounds = [(i - k if i > k else 0, i + k + 1 if i + k + 1 < n else n) for i in idx]
            wins.append([(pre_pw[b] - pre_pw[a]) / (pre_w[b] - pre_w[a]) for a, b in bounds])
        mine = p[lo:hi]
        total = self.total_sure
        before = [self.pre_sure[i] / total for i in idx]
        after = [1.0 - b - self.sure_w[i] / total for b, i in zip(before, idx, strict=True)]
        # Blocks since the last sure block before each block (FAR where none).
        last = -FAR
        for j in range(lo - 1, -1, -1):
            if p[j] >= SURE:
                last = j
                break
        gap_before = []
        for i, a in zip(idx, mine, strict=True):
            gap_before.append(math.log1p(min(i - last, FAR)) if last > -FAR else _LOG_FAR)
            if a >= SURE:
                last = i
        next_sure = self.next_sure
        gap_after = [math.log1p(min(next_sure[i] - i, FAR)) for i in idx]
        span_lo, span_hi = self.span
        in_span = [1.0 if span_lo <= i <= span_hi else 0.0 for i in idx]
        span_gap = [
            math.log1p(span_lo - i if i < span_lo else i - span_hi if i > span_hi else 0)
            for i in idx
        ]
        pre_cw = self.pre_cw
        cwins = []
        for k in COMMENT_WINDOWS:
            bounds = [(i - k if i > k else 0, i + k + 1 if i + k + 1 < n else n) for i in idx]
            cwins.append([(pre_cw[b] - pre_cw[a]) / (pre_w[b] - pre_w[a]) for a, b in bounds])
        w3 = wins[1]
        m = len(own)
        return list(zip(
            mine,
            [p[i - 1] if i >= 1 else MISSING for i in idx],
            [p[i - 2] if i >= 2 else MISSING for i in idx],
            [p[i + 1] if i + 1 < n else MISSING for i in idx],
            [p[i + 2] if i + 2 < n else MISSING for i in idx],
            *wins,
            [self.p_max] * m,
            [self.p_mean] * m,
            before,
            after,
            gap_before,
            gap_after,
            in_span,
            span_gap,
            [a - b for a, b in zip(mine, w3, strict=True)],
            *zip(*own, strict=True),
            self.pc[lo:hi],
            *cwins,
            self.c_max[lo:hi],
            strict=True,
        )) if m else []
