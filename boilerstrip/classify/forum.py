"""A dump of a forum thread is one text, not a story with comments.

A forum page (a vBulletin archive, a mailing-list thread, a wiki's talk page) is a run of posts,
each under its author and date, with no story before them and no header that opens a comment
section ("12 Comments", "Leave a reply"). In a dump the text model's comment stage reads some of
those posts as comments and the rest as article, so the page's text comes out in pieces: on the
w3m dump of cleaneval-dev's page 33 (a film forum's thread, all of it in the gold) 18,442 of its
words went to comments and F1 was 0.21. Where the page has no comment header, the comment blocks
all come from the model, and article and comment blocks take turns through the page (most of the
article's words after the first comment), the comments are given back to the article.
A blog's comment section (dragnet, l3s-gn1) has its header, or follows the story: no dump of those
sets meets these conditions.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from ..features import segment_comment_header
from ..types import Label
from .base import set_label
from .learned import LearnedArticle

AFTER_SHARE: Final = 0.55
"""At least this share of the article's words sits after the first comment block: the page goes
on after the "comments" begin. On the dev dumps whose model comments have no header, the forum
threads have 0.60 to 0.97; the blogs whose comment section the model found alone 0.03 to 0.37,
and an economics blog whose model comments begin in its story (trafilatura-eval's
oekonomenstimme.org, its gold leaving the comments out) 0.53."""
MIN_SWITCHES: Final = 6
"""...and article and comment blocks take turns at least this many times, in page order (the
threads 6 to 126 times; the blogs' sections 2 to 23, which the share above already rules out)."""
MIN_POSTS: Final = 3
POST_WORDS: Final = 15
"""...and at least :data:`MIN_POSTS` comment blocks hold :data:`POST_WORDS` words or more: a
thread's posts are prose, while a page whose model comments are a sidebar's short teasers
(trafilatura-eval's auswaertiges-amt.de: 12 blocks of 4.6 words on average, one of 15) is no
thread."""
SCORE: Final = 0.6


class ForumThreads:
    """Text documents: where no block is a comment header, every comment block is the learned
    step's, the article and comment blocks alternate through the page (:data:`AFTER_SHARE`,
    :data:`MIN_SWITCHES`) and some comment blocks are posts (:data:`MIN_POSTS`), the comment
    blocks become article."""

    name = "forum"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "text":
            return
        segs = doc.segments
        comment, article = Label.COMMENT, Label.ARTICLE
        first = next((i for i, s in enumerate(segs) if s.label is comment), -1)
        if first < 0:
            return
        total = after = 0.0
        switches = posts = 0
        prev: Label | None = None
        for i, s in enumerate(segs):
            lab = s.label
            if lab is comment:
                if s.by != LearnedArticle.name:
                    return  # a section that a header or a signed thread opened
                if s.words >= POST_WORDS:
                    posts += 1
            if lab is article:
                total += s.words
                if i > first:
                    after += s.words
            if lab is comment or lab is article:
                if prev is not None and lab is not prev:
                    switches += 1
                prev = lab
        if after < AFTER_SHARE * total or switches < MIN_SWITCHES or posts < MIN_POSTS:
            return
        if any(s.chars <= P.MAX_PATTERN_CHARS and segment_comment_header(s) for s in segs):
            return
        for s in segs:
            if s.label is comment:
                set_label(s, article, SCORE, self.name)
                s.comment = None
                s.comment_meta = False
