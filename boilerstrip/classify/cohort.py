"""Cohorts: the blocks of a page that sit in the same slot of its template.

A site's template repeats its slots: every teaser of a "related stories" list is an ``li`` at the
same depth under the same marked lists, every paragraph of the story a ``p`` under the story's
container, every reader comment a ``div`` under the comment list. A block alone can be ambiguous
(a one-sentence teaser reads like a short paragraph); its slot's other blocks seldom are: ten
teasers are mostly links, ten story paragraphs are prose. The *cohort* of a block is the other
blocks of its page with the same signature: the block's own tag, its depth in the element tree and
the cue flags (``patterns.py``) of its element, that element's parent and grandparent. The learned
model reads six numbers per block (:data:`NAMES`): how many blocks share the signature (log), the
share of the page's words that the cohort (with the block) holds, and the others' mean link
density, stopword density, sentence-end share and length (log characters); -1 for the means of a
block that is alone in its slot.

HTML only (the signature needs the element tree); a text dump's blocks get 0 for all six, as the
text model does not read them. The signature needs no element path: the tag, depth and frames are
what the segmenter records anyway. Measured with the block-level CV by site (seeds 0-2, mean change
of each set): dragnet +0.0003, l3s-gn1 +0.0012, cleaneval-dev +0.0068, cleanportaleval +0.0007,
mozilla-readability +0.0039, trafilatura-eval +0.0011; the tag path with its element's cues as the
signature gave about the same (see ``docs/design.md``, section 4, item 24).
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import Final

from ..document import Doc, Segment

NAMES: Final = ("co_n", "co_share", "co_link", "co_stop", "co_punct", "co_chars")
"""The block features, in the order the learned vector holds them."""
ALONE: Final = -1.0
"""The cohort means of a block whose slot holds no other block."""
_SUMS: Final = 5
"""Per cohort: the sums of words, link density, stopword density, sentence ends, log characters."""


class Cohorts:
    """A page's cohorts: each block's cohort number and each cohort's size and sums, from which
    :meth:`columns` gives the :data:`NAMES` features of any run of blocks (the page's blocks are
    not all held as vectors at once)."""

    def __init__(self, doc: Doc) -> None:
        segs = doc.segments
        self.html = doc.kind == "html" and bool(doc.parent)
        self.of: array[int] = array("q")
        self.size: array[int] = array("q")
        self.sums: array[float] = array("d")
        self.words = 0.0
        if not self.html:
            return
        parent, cues = doc.parent, doc.frame_cues
        ids: dict[tuple[str, int, int, int, int], int] = {}
        of, size, sums = self.of, self.size, self.sums
        words = 0.0
        for s in segs:
            f = s.frame
            if f >= 0:
                own = cues[f]
                up = parent[f]
                if up >= 0:
                    above = cues[up]
                    up = parent[up]
                    top = cues[up] if up >= 0 else 0
                else:
                    above = top = 0
            else:
                own = above = top = 0
            key = (s.tag, s.depth, own, above, top)
            k = ids.get(key)
            if k is None:
                k = ids[key] = len(ids)
                size.append(0)
                sums.extend((0.0, 0.0, 0.0, 0.0, 0.0))
            of.append(k)
            size[k] += 1
            at = k * _SUMS
            sums[at] += s.words
            sums[at + 1] += s.link_density
            sums[at + 2] += s.stop_density
            sums[at + 3] += 1.0 if s.punct_end else 0.0
            sums[at + 4] += math.log1p(s.chars)
            words += s.words
        self.words = words

    def columns(self, segs: Sequence[Segment], lo: int, hi: int) -> array[float]:
        """The :data:`NAMES` features of the blocks ``lo`` to ``hi - 1`` (``segs``: the page's
        blocks), row after row: ``len(NAMES)`` doubles a block."""
        width = len(NAMES)
        if not self.html or hi <= lo:
            return array("d", bytes(8 * width * max(0, hi - lo)))
        out = array("d")
        of, size, sums, total = self.of, self.size, self.sums, self.words
        for i in range(lo, hi):
            s = segs[i]
            k = of[i]
            at = k * _SUMS
            others = size[k] - 1
            share = sums[at] / total if total > 0 else 0.0
            if others:
                out.extend((
                    math.log1p(others),
                    share,
                    (sums[at + 1] - s.link_density) / others,
                    (sums[at + 2] - s.stop_density) / others,
                    (sums[at + 3] - (1.0 if s.punct_end else 0.0)) / others,
                    (sums[at + 4] - math.log1p(s.chars)) / others,
                ))
            else:
                out.extend((0.0, share, ALONE, ALONE, ALONE, ALONE))
        return out
