"""Decide article vs not for every block from its class, its region, and its neighbours.

Inside the main region, prose (GOOD, NEARGOOD) is article; short blocks and headings take their
label from the nearest non-short neighbours on both sides (jusText's context pass); link lists and
chrome stay out. Outside the region, only long prose without chrome cues that sits next to the
region joins it (an article split over sibling containers).
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc, Segment
from ..types import Label
from .base import set_label
from .density import BAD, GOOD, NEARGOOD, SHORT

MAX_REGION_LINK_DENSITY: Final = 0.5
"""Inside the region, a long block may carry this much link text and still be article."""
BAD_IN_REGION_MIN_CHARS: Final = 150
"""A BAD block inside the region is kept when it is at least this long and not a link list."""
MAX_GAP_OUTSIDE: Final = 2
"""Blocks outside the region join it when at most this many short blocks separate them from it."""

SCORE_GOOD: Final = 0.95
SCORE_NEARGOOD: Final = 0.8
SCORE_CONTEXT: Final = 0.65
SCORE_CHROME: Final = 0.85
SCORE_OUTSIDE: Final = 0.9


def _neighbour_class(segs: list[Segment], i: int, step: int) -> int:
    """Class of the nearest non-short block from ``i`` in direction ``step`` (BAD at the region
    edge)."""
    j = i + step
    while 0 <= j < len(segs):
        t = segs[j]
        if not t.in_region or t.label is Label.COMMENT:
            return BAD
        if t.cf != SHORT:
            return t.cf
        j += step
    return BAD


def _chrome(s: Segment) -> bool:
    return bool(s.near_cues & P.BOILER_CUES) and not s.near_cues & P.BODY


class ContextLabels:
    """Set ARTICLE on article blocks; leave the rest unlabelled (later steps name their chrome)."""

    name = "context"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        article = [False] * len(segs)
        for i, s in enumerate(segs):
            if s.label is not None or not s.in_region:
                continue
            cf = s.cf
            if cf == GOOD:
                ok, score = not _chrome(s) or s.chars > 400, SCORE_GOOD
            elif cf == NEARGOOD:
                ok, score = not _chrome(s), SCORE_NEARGOOD
            elif cf == BAD:
                ok = (
                    s.chars >= BAD_IN_REGION_MIN_CHARS
                    and s.link_density <= MAX_REGION_LINK_DENSITY
                    and not _chrome(s)
                    and s.punct_end
                )
                score = SCORE_CONTEXT
            else:
                prev = _neighbour_class(segs, i, -1)
                nxt = _neighbour_class(segs, i, 1)
                if _chrome(s) or s.link_density > MAX_REGION_LINK_DENSITY:
                    ok = False
                elif s.heading:
                    ok = nxt in (GOOD, NEARGOOD)
                elif prev in (GOOD, NEARGOOD) and nxt in (GOOD, NEARGOOD):
                    ok = True
                elif prev in (GOOD, NEARGOOD) or nxt in (GOOD, NEARGOOD):
                    ok = s.punct_end or s.list_item
                else:
                    ok = False
                score = SCORE_CONTEXT
            if ok:
                set_label(s, Label.ARTICLE, score, self.name)
                article[i] = True
        self._extend_outside(segs, article)

    def _extend_outside(self, segs: list[Segment], article: list[bool]) -> None:
        """Let long prose right next to the region join it (both directions, repeatedly)."""
        n = len(segs)
        for order in (range(n), range(n - 1, -1, -1)):
            gap = MAX_GAP_OUTSIDE + 1
            for i in order:
                s = segs[i]
                if article[i]:
                    gap = 0
                    continue
                if s.label is not None:
                    gap = MAX_GAP_OUTSIDE + 1
                    continue
                if (
                    s.cf in (GOOD, NEARGOOD)
                    and not _chrome(s)
                    and gap <= MAX_GAP_OUTSIDE
                    and (s.cf == GOOD or s.punct_end)
                ):
                    set_label(s, Label.ARTICLE, SCORE_CONTEXT, self.name)
                    article[i] = True
                    gap = 0
                    continue
                gap += 1 if s.cf == SHORT else MAX_GAP_OUTSIDE + 1
