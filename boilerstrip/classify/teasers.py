"""A list of teasers after the story is not the story.

Under many stories a page lists other articles: "Recommended for You", "More from the section",
each item a linked headline and its summary sentence or two. A summary alone reads like a short
paragraph, and on a site the learned model never saw it keeps them (mozilla-readability yahoo-3:
twenty summaries of other stories under the story, held out 0.41-0.45). The items
give themselves away together: the same slot repeated, a headline that is a link, one block of
text under it in the same element.

This step finds such items (:func:`teaser_items`): a heading whose text is mostly a link, followed
by one article block in the same element and nothing else there, or a linked ``dt`` and its ``dd``
(l3s-gn1's cbc.ca pages); the items of one list sit at the same depth, and lists that share a
column with the story are told apart by the column's children. Where a list has
:data:`MIN_ITEMS` items and the page has :data:`MIN_STORY_WORDS` article words before the first of
them and outside the list's element (the story the list comes after), the article blocks of that
element from its first item on lose the label (the later steps make them navigation). A page
that is a list of teasers (a blog's front page, a section page: its items are what the gold keeps)
has no story before its list and is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

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


class TeaserLists:
    """HTML: the article blocks of a list of :data:`MIN_ITEMS` teasers (linked headline, one block
    of text) that follows :data:`MIN_STORY_WORDS` words of the story lose the label."""

    name = "teasers"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html" or not doc.parent:
            return
        segs, parent = doc.segments, doc.parent
        items = teaser_items(segs, parent)
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
