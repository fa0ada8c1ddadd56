"""Find the main content region: where the article's prose is, so context can decide the rest.

Every block gets a value: positive for prose (by its non-link characters), negative for link lists
and chrome. HTML: the region is the element whose descendants' values sum highest; since elements
are numbered in document order, one backward pass over them sums every subtree. Text: the region is
the run of consecutive blocks with the highest sum (maximum-sum subarray). Comment sections and
blocks with chrome cues (nav, footer, aside, share, ads) do not add prose to any region.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from typing import Final

from .. import patterns as P
from ..compiled import speedups
from ..document import Doc, Segment
from ..features import BOILER, segments_flags
from ..types import Label
from .density import GOOD, NEARGOOD, SHORT

GOOD_WEIGHT: Final = 1.0
NEARGOOD_WEIGHT: Final = 0.5
SHORT_PENALTY: Final = 12.0
"""Characters' worth subtracted for every short block (menus are many short blocks)."""
BAD_WEIGHT: Final = 0.6
"""Share of a BAD block's characters subtracted."""
CHROME_FACTOR: Final = 0.2
"""Prose inside chrome markup counts this much toward a region."""
BODY_BONUS: Final = 1.5
"""Prose inside explicit article-body markup (``<article>``, ``itemprop=articleBody``,
``<main>``)."""


_COMMENT: Final = Label.COMMENT
"""(A module constant: it is read for every block, and an enum member's lookup costs more.)"""


def value_of(s: Segment, boilerplate_line: bool) -> float:
    """The region value of ``s``, given whether its text is a boilerplate line (the BOILER bit of
    its :func:`line_flags`)."""
    if s.label is _COMMENT:
        # A comment section is a barrier: a region never reaches across it.
        return -max(SHORT_PENALTY, float(s.chars))
    if boilerplate_line:
        return -max(SHORT_PENALTY, BAD_WEIGHT * s.chars)
    if s.cf == GOOD:
        v = GOOD_WEIGHT * s.chars * (1.0 - s.link_density)
    elif s.cf == NEARGOOD:
        v = NEARGOOD_WEIGHT * s.chars * (1.0 - s.link_density)
    elif s.cf == SHORT:
        return -SHORT_PENALTY if not s.heading else 0.0
    else:
        return -BAD_WEIGHT * s.chars
    if s.near_cues & P.BOILER_CUES:
        v *= CHROME_FACTOR
    elif s.cues & P.BODY:
        v *= BODY_BONUS
    return v


_VALUE_CONSTS: Final = (
    _COMMENT, GOOD, NEARGOOD, SHORT, GOOD_WEIGHT, NEARGOOD_WEIGHT, SHORT_PENALTY, BAD_WEIGHT,
    CHROME_FACTOR, BODY_BONUS, P.BOILER_CUES, P.BODY, BOILER,
)
"""What the compiled ``region_values`` needs of this module (:func:`value_of` in C)."""


def values_of(segs: list[Segment], flags: list[int]) -> array[float]:
    """:func:`value_of` of every block, given their line flags (:func:`line_flags`), as an array of
    doubles (not a float object each); in the compiled helper where it is built (the same
    numbers)."""
    mod = speedups()
    if mod is not None:
        got: array[float] = mod.region_values(segs, flags, _VALUE_CONSTS)
        return got
    return array("d", (value_of(s, bool(f & BOILER)) for s, f in zip(segs, flags, strict=True)))


class MainRegion:
    """Mark ``Segment.in_region`` for the blocks of the main content region."""

    name = "region"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        if not segs:
            return
        values = values_of(segs, segments_flags(segs))
        if doc.kind == "html" and doc.parent:
            mod = speedups()
            if mod is not None:  # the sums below in C (the same numbers)
                best, hi, total, first, last, _, _, _ = mod.region_sums(
                    segs, values, doc.parent, False
                )
                if total > 0:
                    for s in segs[first : last + 1]:
                        if best <= s.frame <= hi:
                            s.in_region = True
                return
            self._html(doc, values)
        else:
            lo, hi = max_run(values)
            for s in segs[lo : hi + 1]:
                s.in_region = True

    def _html(self, doc: Doc, values: Sequence[float]) -> None:
        parent = doc.parent
        n = len(parent)
        total = [0.0] * n
        last = list(range(n))
        for s, v in zip(doc.segments, values, strict=True):
            if s.frame >= 0:
                total[s.frame] += v
        # frames n - 1 .. 1 and their parents (frame 0, the root, has none)
        for f, p in zip(range(n - 1, 0, -1), reversed(parent), strict=False):
            if p >= 0:
                total[p] += total[f]
                if last[f] > last[p]:
                    last[p] = last[f]
        best = total.index(max(total))  # the first frame of the highest sum
        if total[best] <= 0:
            return
        lo, hi = best, last[best]
        for s in doc.segments:
            if lo <= s.frame <= hi:
                s.in_region = True


def max_run(values: Iterable[float], *, positive: bool = True) -> tuple[int, int]:
    """Indices (inclusive) of the consecutive run with the highest sum (Kadane); ``(0, -1)`` where
    no run sums above 0, unless ``positive`` is False (then the best run, whatever its sum, and
    ``(0, -1)`` only for no values)."""
    best, best_lo, best_hi = float("-inf"), 0, -1
    cur, cur_lo = 0.0, 0
    for i, v in enumerate(values):
        if cur <= 0:
            cur, cur_lo = v, i
        else:
            cur += v
        if cur > best:
            best, best_lo, best_hi = cur, cur_lo, i
    return (best_lo, best_hi) if best > 0 or not positive else (0, -1)
