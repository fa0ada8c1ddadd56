"""What the page's markup tells the browser not to render is not its article.

An element with the ``hidden`` attribute, ``aria-hidden="true"`` or an inline ``display:none`` /
``visibility:hidden`` style is not on the screen when the page is read (``patterns.SHOWN_NONE``).
What such elements hold on the dev pages: a registration or login dialog (dragnet 28), a copy of
the post kept for a comment widget (dragnet R999, Disqus' ``disqus_post_message``), the slides of
a gallery behind the one shown (dragnet R792), video descriptions behind a player (dragnet R325),
duplicate teasers. The learned model reads the hidden cue, but that cue is shared with class names
(``hidden``, ``sr-only``, ``visually-hidden``) that pages also toggle for collapsed sections a
reader opens, and demoting all of it cost mozilla-readability and trafilatura-eval 0.03 (see
``docs/design.md``, section 4, item 4). The markup that the browser itself obeys is read here
alone.

A block whose element or an ancestor carries such markup loses the article label when the page has
:data:`MIN_SHOWN_WORDS` article words that the browser shows (so a page whose whole story sits in
an element a script reveals keeps it). An inline element's markup (a hidden ``span`` inside a
paragraph) does not count: the paragraph is shown. Measured held out (``tools/heldout.py
--score --against``, fold models of seeds 0-2, mean change): dragnet +0.0010, l3s-gn1 +0.0005,
mozilla-readability +0.0026, trafilatura-eval -0.0002 (a listicle whose every item is a hidden
slide, which its gold keeps; a hidden copy of the headline), the other sets 0; every seed the
same sign (``docs/design.md``, section 4, item 31).
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from .base import drop_marked_articles

MIN_SHOWN_WORDS: Final = 50
"""Shown article words the page must have for the step to act. Held out (seeds 0-2), 0 gives the
same as 50 on every set; 150 keeps half of the gain (dragnet +0.0007, mozilla-readability
+0.0012): the dialogs and slides sit on pages with little text of their own."""


class Unshown:
    """HTML: article blocks inside an element the browser does not render lose the label (the
    later steps make them navigation or footer) where :data:`MIN_SHOWN_WORDS` article words are
    shown."""

    name = "unshown"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html":
            return
        drop_marked_articles(doc, P.SHOWN_NONE, MIN_SHOWN_WORDS, self.name)

