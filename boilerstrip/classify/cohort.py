"""Cohorts: the blocks of a page that sit in the same slot of its template.

A site's template repeats its slots: every teaser of a "related stories" list is an ``li`` at the
same depth under the same marked lists, every paragraph of the story a ``p`` under the story's
container, every reader comment a ``div`` under the comment list. A block alone can be ambiguous
(a one-sentence teaser reads like a short paragraph); its slot's other blocks seldom are: ten
teasers are mostly links, ten story paragraphs are prose. The *cohort* of a block is the other
blocks of its page with the same signature: the block's own tag, its depth in the element tree and
the model's cue flags (``patterns.MODEL_CUES``) of its element, that element's parent and
grandparent. The learned model reads six numbers per block (:data:`NAMES`): how many blocks share
the signature (log), the share of the page's words that the cohort (with the block) holds, and
the others' mean link density, stopword density, sentence-end share and length (log characters);
-1 for the means of a block that is alone in its slot.

HTML only (the signature needs the element tree); a text dump's blocks get 0 for all six, as the
text model does not read them. The signature needs no element path: the tag, depth and frames are
what the segmenter records anyway. Measured with the block-level CV by site (seeds 0-2, mean change
of each set): dragnet +0.0003, l3s-gn1 +0.0012, cleaneval-dev +0.0068, cleanportaleval +0.0007,
mozilla-readability +0.0039, trafilatura-eval +0.0011; the tag path with its element's cues as the
signature gave about the same (see ``docs/design.md``, section 4, item 24).

Where ``boilerstrip._speedups`` is built, its ``cohort_page`` groups the blocks and
``cohort_columns`` gives the features (the same numbers, to the bit: the plain-Python code below is
the reference, and the tests compare the two); :class:`Cohorts` then reads the helper's arrays in
place.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import Final

from .. import patterns as P
from ..compiled import native_doubles, speedups
from ..document import Doc, Segment

NAMES: Final = ("co_n", "co_share", "co_link", "co_stop", "co_punct", "co_chars")
"""The block features, in the order the learned vector holds them."""
ALONE: Final = -1.0
"""The cohort means of a block whose slot holds no other block."""


class Cohorts:
    """A page's cohorts: each block's cohort number and each cohort's size and sums, from which
    :meth:`columns` gives the :data:`NAMES` features of any run of blocks (the page's blocks are
    not all held as vectors at once)."""

    def __init__(self, doc: Doc) -> None:
        segs = doc.segments
        self.html = doc.kind == "html" and bool(doc.parent)
        self.of: Sequence[int] = array("i")
        self.size: Sequence[int] = []
        # per cohort, the sums of the blocks' words, link density, stopword density, sentence
        # ends and log characters (added in page order)
        self.sums: tuple[Sequence[float], ...] = ([], [], [], [], [])
        self.words = 0.0
        self._compiled: tuple[bytes, bytes, bytes] | None = None
        """The compiled form's arrays (``of``, ``size``, ``sums``) where it made them."""
        if not self.html:
            return
        parent, cues = doc.parent, doc.frame_cues
        mod = speedups()
        if mod is not None:
            of_b, size_b, sums_b, self.words = mod.cohort_page(
                segs if type(segs) is list else list(segs), parent, cues, P.MODEL_CUES
            )
            self._compiled = (of_b, size_b, sums_b)
            # (read in place: a page of a million blocks has its cohort numbers once)
            m = len(size_b) // 8
            flat = native_doubles(sums_b)
            self.of = memoryview(of_b).cast("i")
            self.size = memoryview(size_b).cast("q")
            self.sums = tuple(flat[c * m : (c + 1) * m] for c in range(len(self.sums)))
            return
        of: array[int] = array("i")
        size: list[int] = []
        sums: tuple[list[float], ...] = ([], [], [], [], [])
        self.of, self.size, self.sums = of, size, sums
        ids: dict[tuple[str, int, int, int, int], int] = {}
        words, link, stop, ends, chars = sums
        log1p = math.log1p
        model = P.MODEL_CUES
        total = 0.0
        for s in segs:
            # (the key is made afresh for each block: a cache by element would hold a tuple for
            # every element of a page of a million one-line blocks)
            f = s.frame
            if f < 0:
                key = (s.tag, s.depth, 0, 0, 0)
            else:
                p = parent[f]
                if p < 0:
                    key = (s.tag, s.depth, cues[f] & model, 0, 0)
                else:
                    g = parent[p]
                    key = (
                        s.tag, s.depth, cues[f] & model, cues[p] & model,
                        cues[g] & model if g >= 0 else 0,
                    )
            k = ids.get(key)
            if k is None:
                k = ids[key] = len(size)
                size.append(0)
                for column in sums:
                    column.append(0.0)
            of.append(k)
            size[k] += 1
            n = s.words
            words[k] += n
            link[k] += s.link_density
            stop[k] += s.stop_density
            if s.punct_end:
                ends[k] += 1.0
            chars[k] += log1p(s.chars)
            total += n
        self.words = total

    def columns(self, segs: Sequence[Segment], lo: int, hi: int) -> array[float]:
        """The :data:`NAMES` features of the blocks ``lo`` to ``hi - 1`` (``segs``: the page's
        blocks), row after row: ``len(NAMES)`` doubles a block."""
        width = len(NAMES)
        if not self.html or hi <= lo:
            return array("d", bytes(8 * width * max(0, hi - lo)))
        mod = speedups()
        if mod is not None and self._compiled is not None:
            return array("d", mod.cohort_columns(
                segs if type(segs) is list else list(segs), lo, hi, *self._compiled, self.words,
                ALONE,
            ))
        out = array("d")
        put = out.extend
        of, size, total = self.of, self.size, self.words
        words, link, stop, ends, chars = self.sums
        log1p = math.log1p
        for i in range(lo, hi):
            k = of[i]
            others = size[k] - 1
            share = words[k] / total if total > 0 else 0.0
            if others:
                s = segs[i]
                put((
                    log1p(others),
                    share,
                    (link[k] - s.link_density) / others,
                    (stop[k] - s.stop_density) / others,
                    (ends[k] - (1.0 if s.punct_end else 0.0)) / others,
                    (chars[k] - log1p(s.chars)) / others,
                ))
            else:
                put((0.0, share, ALONE, ALONE, ALONE, ALONE))
        return out
