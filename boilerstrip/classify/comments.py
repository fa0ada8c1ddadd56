"""Reader comments: find the comment section, split it into comments, find authors and dates.

HTML: the comment section is the markup marked as comments (class/id/itemprop/role cues such as
``comments``, ``commentlist``, ``disqus``, ``UserComments``) unless that markup wraps most of the page's
prose (then it is a page-level wrapper, not a comment section). A new comment starts where a block
enters a comment item element not seen by the block before it (``li.comment``, ``article.comment``;
sub-parts such as ``comment-body`` or ``comment-meta`` are not items).

Text: the section starts at a comment header line ("12 Comments", "Comment number 127.",
"Leave a reply", "This entry is now closed for comments"); a comment starts at a per-comment header
("Comment number 127.") or a widget line ("rate this", "Reply") and holds the prose blocks after it.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc, Segment
from ..types import Label
from .base import set_label
from .density import BAD, GOOD, NEARGOOD, SHORT

WRAPPER_SHARE: Final = 0.7
"""A comment-marked element holding more than this share of the page's prose is a wrapper."""
MAX_META_WORDS: Final = 16
"""A comment author/date line is short."""
SCORE_MARKUP: Final = 0.9
SCORE_TEXT: Final = 0.8

ITEM_EXCLUDE: Final = P.CONTENT | P.META | P.TITLE | P.FORM | P.NAV | P.SHARE


def _prose(s: Segment) -> float:
    return s.chars * (1.0 - s.link_density) if s.cf in (GOOD, NEARGOOD) else 0.0


def _is_meta_line(s: Segment) -> bool:
    if s.words > MAX_META_WORDS or s.chars > 200:
        return False
    return bool(s.near_cues & P.META or (P.DATE.search(s.text) and not s.punct_end))


class CommentSection:
    """Label the comment section's blocks COMMENT and group them into comments."""

    name = "comments"

    def __call__(self, doc: Doc) -> None:
        if doc.kind == "html":
            self._html(doc)
        else:
            self._text(doc)

    # --- HTML ------------------------------------------------------------------------------
    def _html(self, doc: Doc) -> None:
        segs = doc.segments
        if not any(s.cues & P.COMMENT for s in segs):
            return
        total = sum(_prose(s) for s in segs) or 1.0
        parent, fcues = doc.parent, doc.frame_cues
        # Top-most comment-marked frame of each segment, and its share of the page's prose.
        tops: dict[int, float] = {}
        seg_top: list[int] = []
        for s in segs:
            top = -1
            if s.cues & P.COMMENT:
                f = s.frame
                while f >= 0:
                    if fcues[f] & P.COMMENT:
                        top = f
                    f = parent[f]
                # An inline comment cue (a span) with no comment frame: the block's own frame.
                if top < 0:
                    top = s.frame
            seg_top.append(top)
            if top >= 0:
                tops[top] = tops.get(top, 0.0) + _prose(s)
        wrappers = {t for t, v in tops.items() if v / total > WRAPPER_SHARE}
        prev_chain: set[int] = set()
        index = -1
        for s, top in zip(segs, seg_top, strict=True):
            if top < 0 or top in wrappers:
                prev_chain = set()
                continue
            chain: set[int] = set()
            new_item = False
            f = s.frame
            while f >= 0:
                if fcues[f] & P.COMMENT:
                    chain.add(f)
                    if f not in prev_chain and not fcues[f] & ITEM_EXCLUDE:
                        new_item = True
                f = parent[f]
            prev_chain = chain
            set_label(s, Label.COMMENT, SCORE_MARKUP, self.name)
            if new_item:
                index += 1
            if is_comment_chrome(s):
                continue
            if index < 0:
                index = 0
            s.comment = index
            s.comment_meta = is_meta_line(s)
        _drop_empty_comments(segs)

    # --- text ------------------------------------------------------------------------------
    def _text(self, doc: Doc) -> None:
        segs = doc.segments
        n = len(segs)
        start = -1
        seen_prose = 0
        for i, s in enumerate(segs):
            if s.chars <= P.MAX_PATTERN_CHARS and P.COMMENT_HEADER.match(s.text) and seen_prose >= 2:
                start = i
                break
            if s.cf in (GOOD, NEARGOOD):
                seen_prose += 1
        if start < 0:
            return
        index = -1
        last = start
        in_item = False
        prev_meta = False
        i = start
        while i < n:
            s = segs[i]
            short = s.chars <= P.MAX_PATTERN_CHARS
            if short and P.COMMENT_NUMBER.match(s.text):
                index += 1
                in_item, prev_meta = True, True
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                s.comment, s.comment_meta = index, True
            elif short and (P.COMMENT_HEADER.match(s.text) or P.WIDGET.match(s.text)):
                if i - last > 3:
                    break
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                prev_meta = False
            elif short and _is_meta_line(s) and (P.COMMENT_AUTHOR.match(s.text) or prev_meta):
                if not prev_meta:
                    index += 1
                in_item, prev_meta = True, True
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                s.comment, s.comment_meta = index, True
            elif in_item and (s.cf in (GOOD, NEARGOOD) or s.punct_end):
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                s.comment = index
                prev_meta = False
            elif not in_item and i - last <= 2 and s.cf != GOOD:
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
            else:
                break
            last = i
            i += 1
        _drop_empty_comments(segs)


def is_comment_chrome(s: Segment) -> bool:
    """Comment-section chrome: headers, widgets, forms - not one reader's words."""
    if s.near_cues & (P.FORM | P.SHARE | P.NAV) or s.link_density > 0.5:
        return True
    if s.chars <= P.MAX_PATTERN_CHARS:
        t = s.text
        if P.COMMENT_NUMBER.match(t):
            return False  # one comment's own header: its meta line
        if P.COMMENT_HEADER.match(t) or P.WIDGET.match(t):
            return True
    return False


def is_meta_line(s: Segment) -> bool:
    """A comment's author/date/number line."""
    if s.chars <= P.MAX_PATTERN_CHARS and P.COMMENT_NUMBER.match(s.text):
        return True
    return _is_meta_line(s)


class CommentItems:
    """Split the COMMENT blocks into reader comments and number them in page order.

    Blocks the markup rules already grouped keep their grouping. Comment blocks found by the learned
    model alone are split at their author/date lines: when the section's first block is such a line
    the lines open comments ("john said..." above the words), otherwise they close them ("Posted by:
    john | date" under the words).
    """

    name = "comment-items"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        comments = [s for s in segs if s.label is Label.COMMENT]
        if not comments:
            return
        first_words = next(
            (s for s in comments if not is_comment_chrome(s) and s.by != CommentSection.name), None
        )
        meta_opens = first_words is not None and (first_words.comment_meta or is_meta_line(first_words))
        cur = -1
        last_rule: int | None = None
        open_next = True
        prev_meta = False
        for s in comments:
            if is_comment_chrome(s) or (s.by == CommentSection.name and s.comment is None):
                s.comment, s.comment_meta = None, False
                continue
            if s.comment is not None:
                if s.comment != last_rule:
                    cur += 1
                    last_rule = s.comment
                s.comment = cur
                open_next = True
                continue
            last_rule = None
            meta = is_meta_line(s)
            if meta_opens:
                if (meta and not prev_meta) or cur < 0:
                    cur += 1
            elif open_next or cur < 0:
                cur += 1
            s.comment, s.comment_meta = cur, meta
            open_next = meta and not meta_opens
            prev_meta = meta
        _drop_empty_comments(segs)


def _drop_empty_comments(segs: list[Segment]) -> None:
    """Renumber comments so that every index has at least one block of words."""
    has_words: set[int] = set()
    for s in segs:
        if s.comment is not None and not s.comment_meta:
            has_words.add(s.comment)
    remap = {old: new for new, old in enumerate(sorted(has_words))}
    for s in segs:
        if s.comment is not None:
            s.comment = remap.get(s.comment)
            if s.comment is None:
                s.comment_meta = False
