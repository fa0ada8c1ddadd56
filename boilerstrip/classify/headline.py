"""The headline anchor: where the page shows the headline its metadata declares, and each block's
place relative to it.

A short post (a headline, a date and one line under a photo) is hard to tell from a site's
description in the header or sidebar by the text alone: the description is often longer and better
written. What sets the post's line apart is where it is: just after the headline, inside the same
small container. The page declares its headline in its metadata (``og:title``, JSON-LD
``headline``, ``<title>`` and its parts between site-name separators); the *anchor* is the block
that shows one of those names: a block of at most :data:`MAX_CHARS` characters whose words cover at
least :data:`MIN_OVERLAP` of the name (as :func:`boilerstrip.classify.title._overlap` measures it).
Where several blocks do, the one matching the most of a name's words wins (so the headline part of
``"Headline | Site"`` beats the site name in the logo), then a heading, a block outside chrome
markup, and the earlier block (a story's headline comes before its repeats in the comment form).

The learned model reads five numbers per block (:data:`NAMES`): whether the page has an anchor, the
signed log distance to it in blocks and in characters (of the blocks between), how many levels above
the block's element its lowest common ancestor with the anchor is (capped at :data:`MAX_UP`: 1 for
a line in the headline's own container, more for a sidebar), and the anchor's overlap. For a page
without an anchor (no metadata, or no block shows it) and for text pages: :data:`NONE_ROW` for every
block.

Measured in the whole pipeline held out by site (``docs/design.md``, section 4, item 12); also
measured there and left out: the share of the page's characters under the common ancestor (it
gained on mozilla-readability what it lost on cleaneval-dev), and the first ``h1`` as the anchor of
a page whose metadata gives none.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import islice
from typing import Final, NamedTuple

from .. import patterns as P
from ..compiled import speedups
from ..document import Doc, Segment
from .title import MAX_CANDIDATE_CHARS, _overlap, title_parts
from .title_text import ASCII_WORD, split_words

NAMES: Final = ("hl_has", "hl_dist", "hl_between", "hl_up", "hl_score")
"""The block features, in the order the learned vector holds them."""
MAX_CHARS: Final = MAX_CANDIDATE_CHARS
"""Longer blocks are not headlines (the title ranker's bound)."""
MIN_OVERLAP: Final = 0.6
"""A block shows a name when its words cover this much of it (and it of them)."""
MAX_UP: Final = 8
"""Levels above the block's element counted to the common ancestor (more count as this many)."""
KEY_CHARS: Final = 4
"""A block is looked at when it shares with a name one of its words of this many characters or more
(or of non-ASCII letters), the words that tell a headline apart ("the", "of" do not); all the
name's words where it has none."""
LENGTH_FACTOR: Final = 2
LENGTH_SLACK: Final = 20
"""Nor are blocks longer than twice the longest name plus this many characters (a headline shown
with a kicker or a date still fits; the paragraphs and most menus are not looked at)."""
NONE_ROW: Final = (0.0, 0.0, 0.0, float(MAX_UP), 0.0)
"""The features of every block of a page without an anchor. (On a page with one, a block outside
every element counts :data:`MAX_UP` levels to the common ancestor.)"""


class Headline(NamedTuple):
    """A page's anchor and what the block features read of it."""

    at: int
    """The anchor block's index (-1: the page has none)."""
    score: float
    """Its overlap with the name it shows."""
    before: int
    """The characters of the blocks before the anchor."""
    chars: int
    """The anchor's characters."""
    up: bytes
    """Per frame: levels from the frame up to its lowest common ancestor with the anchor's element
    (at most :data:`MAX_UP`)."""


NONE: Final = Headline(-1, 0.0, 0, 0, b"")


def names(doc: Doc) -> tuple[list[set[str]], int]:
    """The word sets of the page's declared headlines: ``<title>`` and its parts, ``og:title`` and
    the JSON-LD ``headline`` (empty sets left out), and the longest one's length in characters."""
    meta = doc.meta
    texts: list[str] = []
    if meta.title:
        texts += title_parts(meta.title)
        texts.append(meta.title)
    if meta.og_title:
        texts.append(meta.og_title)
    if meta.ld_headline:
        texts.append(meta.ld_headline)
    out: list[set[str]] = []
    longest = 0
    for t in texts:
        w = set(split_words(t))
        if w and w not in out:
            out.append(w)
            longest = max(longest, len(t))
    return out, longest


def anchor(
    segs: Sequence[Segment], name_sets: list[set[str]], longest: int
) -> tuple[int, float]:
    """The anchor block among ``segs`` and its overlap ((-1, 0.0) for none), given the names'
    word sets and the longest name's length in characters."""
    if not name_sets:
        return -1, 0.0
    every = set().union(*name_sets)
    keys = {w for w in every if len(w) >= KEY_CHARS or not w.isascii()} or every
    # (a block sharing a key word with a name holds it in its lowered text: the cheap test first)
    key_list = sorted(keys, key=len, reverse=True)
    best: tuple[int, int, int, int] | None = None
    at, score = -1, 0.0
    most = min(MAX_CHARS, LENGTH_FACTOR * longest + LENGTH_SLACK)
    mod = speedups()
    for i in _scan(segs, most, key_list, every) if mod is None else mod.headline_scan(
        segs, most, key_list, every, MIN_OVERLAP
    ):
        s = segs[i]
        text = s.text
        w = split_words(text.lower())
        if keys.isdisjoint(w) or (
            # (the scan checked this for ASCII text: no name can cover more of the block's words
            # than all of them do)
            not text.isascii() and sum(map(every.__contains__, w)) < MIN_OVERLAP * len(w)
        ):
            continue
        got, matched = 0.0, 0
        for name in name_sets:
            o = _overlap(w, name)
            if o >= MIN_OVERLAP:
                m = len(name.intersection(w))
                if m > matched or (m == matched and o > got):
                    got, matched = o, m
        if not matched:
            continue
        key = (matched, 1 if s.heading else 0, 0 if s.near_cues & P.BOILER_CUES else 1, -i)
        if best is None or key > best:
            best, at, score = key, i, got
    return at, score


def _scan(
    segs: Sequence[Segment], most: int, keys: list[str], every: set[str]
) -> list[int]:
    """The blocks worth matching: of at most ``most`` characters, inside an element, their lowered
    text holding one of ``keys``, and (an ASCII text) at least :data:`MIN_OVERLAP` of their words
    in ``every`` (no name can cover more of a block's words than all the names' words do; the words
    of other texts are left to :func:`anchor`). The plain-Python form of
    ``_speedups.headline_scan``."""
    out = []
    for i, s in enumerate(segs):
        if s.chars > most or s.frame < 0:
            continue
        text = s.text
        low = text.lower()
        if not any(k in low for k in keys):
            continue
        if text.isascii():
            w = ASCII_WORD.findall(low)
            if sum(map(every.__contains__, w)) < MIN_OVERLAP * len(w):
                continue
        out.append(i)
    return out


def find(doc: Doc) -> Headline:
    """The anchor of an HTML page and the per-frame numbers its block features need; :data:`NONE`
    for a page without one (or without elements: text). The per-frame pass is compiled where the
    helper is built (the same numbers)."""
    segs = doc.segments
    parent = doc.parent
    if not parent or not segs:
        return NONE
    at, score = anchor(segs, *names(doc))
    if at < 0:
        return NONE
    mod = speedups()
    frame = segs[at].frame
    up = _frames(parent, frame) if mod is None else mod.headline_frames(parent, frame, MAX_UP)
    before = sum(s.chars for s in islice(segs, at))  # (no copy of a long page's list)
    return Headline(at, score, before, segs[at].chars, up)


def _frames(parent: Sequence[int], frame: int) -> bytes:
    """Per frame: the levels up to its lowest common ancestor with ``frame`` (at most
    :data:`MAX_UP`; a frame under another root counts its levels to that root). Frames come in
    document order (a parent before its children). The plain-Python form of
    ``_speedups.headline_frames``."""
    nf = len(parent)
    chain = bytearray(nf)
    f = frame
    while f >= 0:
        chain[f] = 1
        f = parent[f]
    up = bytearray(nf)
    for f in range(nf):
        if chain[f]:
            continue
        p = parent[f]
        up[f] = min(up[p] + 1, MAX_UP) if p >= 0 else 1
    return bytes(up)


def block_features(h: Headline, i: int, frame: int, before: int, chars: int) -> tuple[float, ...]:
    """The :data:`NAMES` features of block ``i`` whose element is ``frame``, with ``before``
    characters in the blocks before it and ``chars`` of its own."""
    if h.at < 0:
        return NONE_ROW
    d = i - h.at
    if d > 0:
        between = float(before - h.before - h.chars)
    elif d < 0:
        between = float(-(h.before - before - chars))
    else:
        between = 0.0
    dist = math.copysign(math.log1p(abs(d)), d) if d else 0.0
    b = math.copysign(math.log1p(abs(between)), between) if between else 0.0
    return (1.0, dist, b, float(h.up[frame] if frame >= 0 else MAX_UP), h.score)
