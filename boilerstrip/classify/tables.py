"""HTML: a data table inside the story is the story's, every cell of it.

A table of films and their plots, of a release's fixed bugs, of a product's specifications sits in
the article between its paragraphs, and the readers of the page read it as part of the article (so
do the golds of mozilla-readability, cleaneval-dev and dragnet). The learned step scores each cell
on its own: the long cells look like prose and are kept, the short ones (a year, a name, a figure)
look like the chrome of a page and are not, so the table comes out as half its rows.

The rule takes the table whole once the article decision took a fair share of it. A table is an
element with the table cue (a ``<table>``); its blocks are those whose nearest table
it is (a table nested in a cell is a table of its own). It is a data table in the story when

* it has at least :data:`MIN_BLOCKS` blocks, :data:`MIN_CELL_SHARE` of them cells (``td``, ``th``:
  a layout table holds paragraphs and lists, a data table holds cells);
* at most :data:`MAX_LINK_SHARE` of its words are link text (a table of headlines is a menu);
* the article decision already took :data:`MIN_ARTICLE_SHARE` of its words;
* the story began before it: an article block of :data:`STORY_BEFORE_WORDS` words or more comes
  before the table's first block. A layout table that holds the whole page (with the story in one
  of its cells, and the menus and the "Top stories" in others) has no story before it.

Its unlabelled blocks with a letter or a digit then become article, with the share of the table's
words the decision took as their score; blocks that an earlier step labelled (a comment) keep their
labels.

Measured held out (site-grouped CV, the whole pipeline, the fold models of 3 training seeds, mean
against the pipeline without the step): mozilla-readability +0.0011, cleaneval-dev +0.0011,
trafilatura-eval +0.0002, dragnet +0.0001, l3s-gn1 and cleanportaleval 0 (docs/design.md, section
4, item 19). Without the story-before condition l3s-gn1 loses 0.0009 (its 2008 news pages are
layout tables).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Final

import regex

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import set_label

MIN_BLOCKS: Final = 4
"""Blocks a table needs (3-10 measure alike held out; 2 would take a two-cell layout row)."""
MIN_CELL_SHARE: Final = 0.8
"""Share of a table's blocks that are cells (0.6-0.8 measure alike held out)."""
MAX_LINK_SHARE: Final = 0.3
"""Share of a table's words that may be link text (0.3 and 0.5 measure alike held out)."""
MIN_ARTICLE_SHARE: Final = 0.3
"""Share of a table's words the article decision must have taken (0.2-0.4 measure alike held
out; mozilla-readability's wikipedia tables have a third to a half of their words in the plots'
cells)."""
STORY_BEFORE_WORDS: Final = 8
"""An article block of at least this many words before the table shows the story began before
it."""
_CELLS: Final = frozenset(("td", "th"))
_UNKNOWN: Final = -2
_ALNUM: Final = regex.compile(r"[\p{L}\p{N}]")
"""A cell without a letter or a digit (a bullet, a dash, an arrow) is the table's layout and stays
out."""


class StoryTables:
    """HTML: the unlabelled blocks of a data table inside the story become article (module doc)."""

    name = "story-tables"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        if doc.kind != "html" or not segs:
            return
        article = Label.ARTICLE
        parent, cues = doc.parent, doc.frame_cues
        nearest = array("i", [_UNKNOWN]) * len(parent)  # each frame's nearest table, -1 for none
        # per table: [blocks, cells, words, link words, article words, first block]
        tables: dict[int, list[float]] = {}
        for i, s in enumerate(segs):
            if not s.cues & P.TABLE or not 0 <= s.frame < len(parent):
                continue
            t = _nearest_table(s.frame, parent, cues, nearest)
            if t < 0:
                continue
            st = tables.get(t)
            if st is None:
                st = tables[t] = [0.0, 0.0, 0.0, 0.0, 0.0, float(i)]
            st[0] += 1.0
            if s.tag in _CELLS:
                st[1] += 1.0
            st[2] += s.words
            st[3] += s.words * s.link_density
            if s.label is article:
                st[4] += s.words
        if not tables:
            return
        first_story = next(
            (i for i, s in enumerate(segs) if s.label is article and s.words >= STORY_BEFORE_WORDS),
            -1,
        )
        if first_story < 0:
            return
        whole: dict[int, float] = {}
        for t, (blocks, cells, words, links, taken, first) in tables.items():
            if (
                blocks >= MIN_BLOCKS
                and cells >= MIN_CELL_SHARE * blocks
                and words > 0.0
                and links <= MAX_LINK_SHARE * words
                and taken >= MIN_ARTICLE_SHARE * words
                and first_story < first
            ):
                whole[t] = taken / words
        if not whole:
            return
        for s in segs:  # (the walks above left every block's nearest table in ``nearest``)
            if s.label is None and s.cues & P.TABLE:
                share = whole.get(nearest[s.frame]) if 0 <= s.frame < len(parent) else None
                if share is not None and _ALNUM.search(s.text) is not None:
                    set_label(s, article, share, self.name)


def _nearest_table(
    frame: int, parent: Sequence[int], cues: Sequence[int], nearest: array[int]
) -> int:
    """The nearest frame with the table cue at or above ``frame`` (-1 for none), every frame on
    the way remembered in ``nearest`` (so the walks of a page add up to one pass over its
    frames)."""
    path: list[int] = []
    f, found = frame, -1
    while f >= 0:
        known = nearest[f]
        if known != _UNKNOWN:
            found = known
            break
        path.append(f)
        if cues[f] & P.TABLE:
            found = f
            break
        f = parent[f]
    for g in path:
        nearest[g] = found
    return found
