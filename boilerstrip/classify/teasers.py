"""A list of teasers after the story is not the story.

Under many stories a page lists other articles: "Recommended for You", "More from the section",
each item a linked headline and its summary sentence or two. A summary alone reads like a short
paragraph, and on a site the learned model never saw it keeps them (mozilla-readability yahoo-3:
twenty summaries of other stories under the story, held out 0.41-0.45). The items
give themselves away together: the same slot repeated, a headline that is a link, one block of
text under it in the same element.

A gallery of other stories under the story is the same list in another dress: its slides carry
no links but count themselves ("1/50 United goin down", a summary, a photo credit; the
Independent's business gallery under a travel story on mozilla-readability's bug-1255978, kept
at 0.3-0.77 even in-sample). A slideshow that is the page's story (trafilatura-eval's
economictimes.indiatimes.com, "1/5" over each slide) has no story before it.

This step finds such items (:func:`teaser_items`): a heading whose text is mostly a link, followed
by one article block in the same element and nothing else there, or a linked ``dt`` and its ``dd``
(l3s-gn1's cbc.ca pages); and :func:`slide_items`, the blocks that open with their place in a
gallery of :data:`MIN_ITEMS` slides or more. The items of one list sit at the same depth, and
lists that share a column with the story are told apart by the column's children. Where a list has
:data:`MIN_ITEMS` items and the page has :data:`MIN_STORY_WORDS` article words before the first of
them and outside the list's element (the story the list comes after), the article blocks of that
element from its first item on lose the label (the later steps make them navigation). A page
that is a list of teasers (a blog's front page, a section page: its items are what the gold keeps)
has no story before its list and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .. import patterns as P
from ..document import Doc, Segment
from ..types import Label
from .base import ancestors, common_ancestor, frames_under, unlabel

MIN_ITEMS: Final = 5
"""Items of one list for it to be a teaser list (yahoo-3 shows 20, dragnet T61 12). Fewer are a
story's own subheadings with a paragraph each as often."""
MIN_STORY_WORDS: Final = 150
"""Article words before the list and outside its element: the story it follows. Section and front
pages (cleaneval-dev 40, mercurial's documentation, iwr.de's press releases) have none, and their
golds keep the items."""
LINKED_HEADING: Final = 0.5
"""A heading with more of its text in links than this is a teaser's headline (a story's own
subheadings are not links)."""


def teaser_items(segs: Sequence[Segment], parent: Sequence[int]) -> list[tuple[int, int]]:
    """The teaser items of a page: (index of the headline block, its item element's frame) for
    each linked heading followed by one article block in the same element, with no further
    block in that element, and for each linked ``dt`` followed by its ``dd`` in an article block
    (the ``dd`` is the item's element: a definition list holds its pairs side by side)."""
    article = Label.ARTICLE
    out = []
    n = len(segs)
    for i in range(n - 1):
        h, b = segs[i], segs[i + 1]
        if h.link_density <= LINKED_HEADING or b.label is not article:
            continue
        if h.frame < 0 or b.frame < 0:
            continue
        if h.tag == "dt" and b.tag == "dd" and parent[h.frame] == parent[b.frame]:
            out.append((i, b.frame))  # a definition list's linked term and its summary
            continue
        if not h.heading:
            continue
        item = parent[h.frame]
        if item < 0 or parent[b.frame] != item:
            continue
        if i + 2 < n and segs[i + 2].frame >= 0 and item in ancestors(parent, segs[i + 2].frame):
            continue
        out.append((i, item))
    return out


def slide_items(segs: Sequence[Segment], parent: Sequence[int]) -> list[tuple[int, int]]:
    """The slides of a page's galleries: (index of the block that opens with the slide's counter,
    :data:`patterns.SLIDE_COUNTER`, the slide's element: the parent of that block's) for each
    gallery size ``n`` of :data:`MIN_ITEMS` or more that :data:`MIN_ITEMS` distinct slides
    ``1 <= k <= n`` count in, the first block of each slide number. Blocks in a table (a results
    table's "3/12" cells) are no slides."""
    by_size: dict[int, dict[int, tuple[int, int]]] = {}
    for i, s in enumerate(segs):
        if s.frame < 0 or s.cues & P.TABLE or not s.text[:12].lstrip()[:1].isdigit():
            continue
        m = P.SLIDE_COUNTER.match(s.text)
        if m is None:
            continue
        k, n = int(m.group(1)), int(m.group(2))
        item = parent[s.frame]
        if 1 <= k <= n and n >= MIN_ITEMS and item >= 0:
            by_size.setdefault(n, {}).setdefault(k, (i, item))
    out = [got for slides in by_size.values() if len(slides) >= MIN_ITEMS
           for got in slides.values()]
    out.sort()
    return out


class TeaserLists:
    """HTML: the article blocks of a list of :data:`MIN_ITEMS` teasers (linked headline, one block
    of text) or gallery slides that follows :data:`MIN_STORY_WORDS` words of the story lose the
    label."""

    name = "teasers"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html" or not doc.parent:
            return
        segs, parent = doc.segments, doc.parent
        items = teaser_items(segs, parent)
        slides = slide_items(segs, parent)
        if slides:
            items = sorted(set(items).union(slides))
        if len(items) < MIN_ITEMS:
            return
        depth = {f: len(ancestors(parent, f)) for _, f in items}
        lists: dict[int, list[tuple[int, int]]] = {}
        for i, f in items:
            lists.setdefault(depth[f], []).append((i, f))
        pending = list(lists.values())
        while pending:
            self._list(doc, pending.pop(), pending)

    def _list(
        self, doc: Doc, group: list[tuple[int, int]], pending: list[list[tuple[int, int]]]
    ) -> None:
        """Judge the teaser items ``group``: where the element holding them all follows
        :data:`MIN_STORY_WORDS` words of the story outside it, its article blocks from the first
        item on lose the label; where the story is inside it (separate lists under one page
        column), the items under each of its children are judged as a list of their own
        (appended to ``pending``)."""
        segs, parent = doc.segments, doc.parent
        article = Label.ARTICLE
        frames = sorted({f for _, f in group})
        if len(frames) < MIN_ITEMS:
            return
        root = common_ancestor(parent, frames)
        if root < 0:
            return
        first = min(i for i, _ in group)
        under = frames_under(parent, root)

        def inside(s: Segment) -> bool:
            return s.frame >= 0 and under[s.frame] == 1

        story = sum(s.words for s in segs[:first] if s.label is article and not inside(s))
        if story >= MIN_STORY_WORDS:
            for s in segs[first:]:
                if s.label is article and inside(s):
                    unlabel(s, self.name)
            return
        # split by the child of the root each item sits under
        by_child: dict[int, list[tuple[int, int]]] = {}
        for i, f in group:
            chain = ancestors(parent, f)
            k = chain.index(root)
            by_child.setdefault(chain[k - 1] if k else f, []).append((i, f))
        if len(by_child) > 1:
            pending.extend(by_child.values())
