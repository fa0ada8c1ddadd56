"""Candidate containers: which element holds the article's paragraphs, scored from the bottom up.

A second, local view of where the article is, beside :mod:`boilerstrip.classify.region` (whose
region is the subtree with the highest net prose, and so tends to be a wide one). Here, as in
Readability's candidate scoring (the idea, not its code), every prose block votes for the elements
just above it: a block of at least :data:`MIN_CHARS` characters that is not a heading scores
``1 + commas + min(chars / 100, 3)``, and that score goes to its element's parent in full, to the
grandparent halved, and to the next ancestors divided by three times their level, up to
:data:`LEVELS` ancestors. An element that got votes is a candidate: its votes plus
:data:`CUE_WEIGHT` for article-body markup (minus as much for chrome markup), times one minus the
link density of its subtree. The best candidate is the *top* container; its siblings (children of
the same parent) scoring at least :data:`SIBLING_SHARE` of it (and at least
:data:`SIBLING_FLOOR`) join it in the *output*.

The learned model reads four numbers per block (:data:`NAMES`): whether the block is inside the top
container, inside the output, the best candidate score among its element and its three nearest
ancestors over the top score, and the page's share of block votes that the top container holds (how
clearly one container wins). On HTML only; for a text page they are 0.

The constants are Readability's published defaults, not tuned here; the block-level CV by site
(``tools/train.py``, mean of LightGBM seeds 0-2) with these four features added to the HTML article
model: see ``docs/design.md`` (section 4, item 11).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Final, NamedTuple

from .. import patterns as P
from ..compiled import speedups
from ..document import Doc

NAMES: Final = ("cand_in_top", "cand_in_output", "cand_ancestor", "cand_top_share")
"""The block features, in the order the learned vector holds them."""
MIN_CHARS: Final = 25
"""Blocks shorter than this cast no vote (Readability's threshold for a paragraph)."""
LEVELS: Final = 5
"""Ancestors a block votes for: parent (in full), grandparent (half), then 1 / (3 * level)."""
CUE_WEIGHT: Final = 25.0
"""Added to a candidate with article-body markup, taken from one with chrome markup
(Readability's class weight)."""
SIBLING_SHARE: Final = 0.2
SIBLING_FLOOR: Final = 10.0
"""A sibling of the top container joins the output from ``max(SIBLING_FLOOR, SIBLING_SHARE * top
score)`` (Readability's sibling threshold)."""
GOOD_CUES: Final = P.CONTENT | P.BODY
BAD_CUES: Final = P.BOILER_CUES | P.COMMENT | P.FORM
COMMAS: Final = (",", "\uff0c", "\u3001")
"""Commas counted in a block's text: the ASCII comma, the fullwidth comma and the ideographic
comma (Chinese and Japanese)."""
ANCESTORS: Final = 4
"""The block's element and this many minus one ancestors give ``cand_ancestor``."""


class Candidates(NamedTuple):
    """The candidate scores of a page's frames and what the block features read of them."""

    score: Sequence[float]
    """Per frame: its candidate score (0 for a frame no block voted for)."""
    output: bytes
    """Per frame: 1 where the frame's subtree is part of the output (top container or sibling)."""
    top: int
    """The top container's frame (-1: no candidate scored above 0)."""
    last_top: int
    """The last frame of the top container's subtree."""
    top_score: float
    share: float
    """The share of all block votes cast by blocks inside the top container."""


NONE: Final = Candidates(array("d"), b"", -1, -1, 0.0, 0.0)


def vote(text: str, chars: int) -> float:
    """A prose block's vote: ``1 + commas + min(chars / 100, 3)``."""
    commas = text.count(COMMAS[0]) + text.count(COMMAS[1]) + text.count(COMMAS[2])
    return 1.0 + commas + min(chars / 100.0, 3.0)


def find(doc: Doc, linkd: Sequence[float]) -> Candidates:
    """The candidates of an HTML page, given every frame's subtree link density ``linkd`` (as
    :mod:`boilerstrip.classify.learned` computes it); :data:`NONE` for a page without frames. In
    the compiled helper where it is built (the same numbers)."""
    parent = doc.parent
    nf = len(parent)
    if nf == 0 or not doc.segments:
        return NONE
    mod = speedups()
    if mod is not None:
        got = mod.candidates(doc.segments, parent, doc.frame_cues, linkd, _CONSTS)
        return Candidates(*got) if got[1] else NONE
    return _find(doc, linkd)


_CONSTS: Final = (MIN_CHARS, LEVELS, CUE_WEIGHT, GOOD_CUES, BAD_CUES, SIBLING_SHARE, SIBLING_FLOOR)
"""What the compiled ``candidates`` needs of this module."""


def _find(doc: Doc, linkd: Sequence[float]) -> Candidates:
    segs = doc.segments
    parent = doc.parent
    cues = doc.frame_cues
    nf = len(parent)
    score = array("d", bytes(8 * nf))
    voted = bytearray(nf)
    total = 0.0
    for s in segs:
        f = s.frame
        if f < 0 or s.chars < MIN_CHARS or s.heading:
            continue
        v = vote(s.text, s.chars)
        total += v
        p = parent[f]
        level = 0
        while p >= 0 and level < LEVELS:
            score[p] += v / (1.0 if level == 0 else 2.0 if level == 1 else level * 3.0)
            voted[p] = 1
            p = parent[p]
            level += 1
    top, top_score = -1, 0.0
    for f in range(nf):
        if voted[f]:
            c = cues[f]
            w = (CUE_WEIGHT if c & GOOD_CUES else 0.0) - (CUE_WEIGHT if c & BAD_CUES else 0.0)
            score[f] = (score[f] + w) * (1.0 - linkd[f])
            if score[f] > top_score:
                top, top_score = f, score[f]
        else:
            score[f] = 0.0
    if top < 0:
        return NONE
    last = list(range(nf))
    for f in range(nf - 1, 0, -1):
        p = parent[f]
        if p >= 0 and last[f] > last[p]:
            last[p] = last[f]
    output = bytearray(nf)
    output[top : last[top] + 1] = b"\x01" * (last[top] + 1 - top)
    floor = max(SIBLING_FLOOR, SIBLING_SHARE * top_score)
    tp = parent[top]
    if tp >= 0:
        f = tp + 1
        while f <= last[tp]:  # the children of tp, one subtree after the other
            if f != top and score[f] >= floor:
                output[f : last[f] + 1] = b"\x01" * (last[f] + 1 - f)
            f = last[f] + 1
    inside = 0.0
    for s in segs:
        f = s.frame
        if top <= f <= last[top] and s.chars >= MIN_CHARS and not s.heading:
            inside += vote(s.text, s.chars)
    return Candidates(score, bytes(output), top, last[top], top_score, inside / total)


def block_features(c: Candidates, frame: int, parent: Sequence[int]) -> tuple[float, ...]:
    """The :data:`NAMES` features of a block whose element is ``frame``."""
    if c.top < 0 or frame < 0:
        return (0.0, 0.0, 0.0, c.share)
    best = 0.0
    f = frame
    for _ in range(ANCESTORS):
        if f < 0:
            break
        if c.score[f] > best:
            best = c.score[f]
        f = parent[f]
    return (
        1.0 if c.top <= frame <= c.last_top else 0.0,
        1.0 if c.output[frame] else 0.0,
        best / c.top_score,
        c.share,
    )
