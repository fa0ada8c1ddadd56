"""What follows the comment section, outside the story's element, is not the story.

A blog page reads: the post, its comments and the comment form, then the sidebar ("Featured
Events", an author box, a blogroll) or the site's footer. The comment section closes the post: the
article the page holds is above it. On a site it never saw, the learned model keeps a sidebar of
event teasers or a list of other posts under the form (dragnet R985 held out 0.36, R183, R618).

Where the page has :data:`MIN_SECTION_BLOCKS` comment blocks and :data:`MIN_STORY_WORDS` article
words before its last one,
the lowest element holding all of those article blocks is the story's; an article block after the
last comment block that lies outside that element loses the label (the later steps make it
navigation or footer). A story whose element holds the section too (a thread inside the post's
``div``, a widget between two parts of the story) keeps whatever follows inside it; a story
element that is the page's ``body`` marks nothing.
"""

from __future__ import annotations

from typing import Final

from ..document import Doc
from ..types import Label
from .base import ancestors, common_ancestor, frames_under, unlabel

MIN_STORY_WORDS: Final = 50
"""Article words before the last comment block for the step to act: a post (R985's has 70)."""
MIN_SECTION_BLOCKS: Final = 3
"""Comment blocks the page must hold: a comment section (a header, a form, comments), not a lone
"Comentarios" button under a story's first paragraph (trafilatura-eval latercera.com, whose story
went on below it in another element)."""
MIN_ROOT_DEPTH: Final = 2
"""The story's element must be at least this deep (the ``body`` is 1): a story spread over the
whole page names no element to be outside of."""


class AfterComments:
    """HTML: article blocks after the last comment block and outside the element that holds the
    article blocks before it lose the label."""

    name = "after-comments"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html" or not doc.parent:
            return
        segs, parent = doc.segments, doc.parent
        comment, article = Label.COMMENT, Label.ARTICLE
        marked = [i for i, s in enumerate(segs) if s.label is comment]
        if len(marked) < MIN_SECTION_BLOCKS:
            return
        last = marked[-1]
        story = [s for s in segs[:last] if s.label is article and not s.is_title and s.frame >= 0]
        if not story or sum(s.words for s in story) < MIN_STORY_WORDS:
            return
        root = common_ancestor(parent, sorted({s.frame for s in story}))
        if root < 0 or len(ancestors(parent, root)) < MIN_ROOT_DEPTH:
            return
        under = frames_under(parent, root)
        for s in segs[last + 1 :]:
            if s.label is article and s.frame >= 0 and not under[s.frame]:
                unlabel(s, self.name)
