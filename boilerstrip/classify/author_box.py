"""An author's box under the story is not the story.

Blogs and news sites end a story with a box about its writer: a heading "About the author" and a
paragraph or two of biography ("Jon is the presenter of Science in Action on the BBC World
Service ..."), often with a photo and links. The paragraphs read like the story's, and on a site it
never saw the learned model keeps them (dragnet 205 and 220, the BBC's future.com; R464, a blog's
"About the author..." box; R112), where the golds leave them out.

An article block of at most :data:`MAX_HEADING_WORDS` words that is such a heading
(:data:`patterns.AUTHOR_BOX`) loses the label, and with it the article blocks that follow it inside
the heading's parent element (the box), at most :data:`MAX_BOX_BLOCKS` of them. A sentence that
mentions the author ("About the author's new book, critics said ...") is longer than a heading or
does not open with the phrase.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import ancestors, unlabel

MAX_HEADING_WORDS: Final = 8
"""A box's heading is short ("About the author", "About the Author..."). With the whole of a longer
line that opens with the phrase ("About the Author: As the creator of the Thesis Theme ..."), held
out (seeds 0-2) dragnet R979 gained 0.016 and R536 lost 0.039, whose gold keeps such a line."""
MAX_BOX_BLOCKS: Final = 5
"""Blocks after the heading that the box may hold: a name, a biography of a paragraph or two, a
link line. The heading's parent may be the story's own element where the box has none of its
own; the bound keeps a story that goes on after it (none on the dev sets) from being cut."""


class AuthorBoxes:
    """HTML: an "About the author" heading among the article blocks, and the article blocks after it
    in its parent element (up to :data:`MAX_BOX_BLOCKS`), lose the label."""

    name = "author_box"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html" or not doc.parent:
            return
        segs, parent = doc.segments, doc.parent
        article = Label.ARTICLE
        for i, s in enumerate(segs):
            if (
                s.label is not article
                or s.words > MAX_HEADING_WORDS
                or s.frame < 0
                or P.AUTHOR_BOX.match(s.text) is None
            ):
                continue
            unlabel(s, self.name)
            box = parent[s.frame]
            if box < 0:
                continue
            # (a walk up from each of the few blocks after it, not a mask of the page's frames
            # per heading: a page of many author boxes stays linear)
            for t in segs[i + 1 : i + 1 + MAX_BOX_BLOCKS]:
                if t.frame < 0 or box not in ancestors(parent, t.frame):
                    break
                if t.label is article:
                    unlabel(t, self.name)
