"""What an HTML page puts in an ``<aside>`` or a ``<footer>`` element is not its article, when the
article is elsewhere.

HTML5's ``<aside>`` holds content "tangentially related" to what is around it: sidebars, live
news feeds, "more stories" boxes, author bios, pull-out boxes. The learned model sees an aside cue
on a block's element and its ancestors, but that cue is shared with class names ("sidebar",
"widget") and ARIA's ``complementary`` role, and held out (on a site it never saw) it keeps a
sidebar of full sentences as article: liberation.fr's live feed (mozilla-readability
liberation-1, 0.55), dragnet T67 and T83's sidebars of story teasers. The element itself is the
author's own word for it; this step reads that word alone. The same holds for ``<footer>``, the
footer of the page or of its nearest section (an article's tags, share line and author box; a
post's "filed under" line).

A block inside one of :data:`TAGS` (its element or an ancestor, from its element path) loses the
article label when the page has :data:`MIN_OUTSIDE_WORDS` article words outside every such element:
a page whose whole article sits in one (a theme that wraps the main column in an ``<aside>``, a
page that is only a box) keeps it. Measured held out with the shipped fold models
(`tools/heldout.py --score`, seeds 0-2 and 3-5, mean change): dragnet +0.0010 / +0.0010,
mozilla-readability +0.0021 / +0.0021, trafilatura-eval +0.0013 / +0.0010, the other sets 0, in
every seed; page by page (seeds 0-2) 10 dragnet pages and 5 mozilla pages up and none down,
trafilatura-eval 7 up and one down (a snippet in a promo box, -0.2). ``<aside>`` alone: dragnet
+0.0006, mozilla-readability +0.0021, trafilatura-eval +0.0009; ``<nav>`` and ``<form>`` add
nothing, ``<header>`` costs (dragnet -0.0011, trafilatura-eval -0.0049: an article's header holds
its dek and byline). The same on the aside *cue* (classes and roles too) cost trafilatura-eval
0.0012 (Elementor marks every content element ``elementor-widget``; see ``docs/design.md``,
section 4, items 28 and 30).
"""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Final

from .. import patterns as P
from ..document import Doc
from ..paths import has_step
from ..types import Label
from .base import drop_enclosed_articles

MIN_OUTSIDE_WORDS: Final = 50
"""Article words outside every such element for the step to act. Held out (seeds 0-2, ``<aside>``
alone): 25 and 100 give the same within 0.0002 on every set; 0 (always) costs dragnet 0.0002
(pages whose article is inside an aside); 200 keeps dragnet's sidebars (their pages' own text is
short)."""

TAGS: Final = ("aside", "footer")
"""The elements whose content is not the article (where the article is elsewhere)."""
_CUES: Final = reduce(or_, (P.TAG_CUES[t] for t in TAGS))
"""The cues these tags give their element (``patterns.TAG_CUES``), so to every block inside."""


def in_aside(source: str) -> bool:
    """The element path ``source`` (``/html/body/aside/div[2]/p``) passes through an element of
    :data:`TAGS`."""
    return any(has_step(source, t) for t in TAGS)


class Asides:
    """HTML: article blocks inside an ``<aside>`` or ``<footer>`` element lose the label (the later
    steps make them navigation or footer) where :data:`MIN_OUTSIDE_WORDS` article words lie
    outside every such element."""

    name = "asides"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html":
            return
        article, aside = Label.ARTICLE, _CUES
        segs = doc.segments
        # Only a block with the aside or footer cue on its element or an ancestor (which these
        # tags give) can be in one: the paths are written from the first such block on, and not
        # at all on a page without one (the segmenter leaves them unwritten to save memory).
        first = next(
            (i for i, s in enumerate(segs) if s.label is article and s.cues & aside), -1
        )
        if first < 0:
            return
        doc.write_sources(first)
        drop_enclosed_articles(
            segs, lambda s: bool(s.cues & aside) and in_aside(s.source), MIN_OUTSIDE_WORDS,
            self.name,
        )
