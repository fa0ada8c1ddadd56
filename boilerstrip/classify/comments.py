"""Reader comments: find the comment section, split it into comments, find authors and dates.

HTML: the comment section is the markup marked as comments (class/id/itemprop/role cues such as
``comments``, ``commentlist``, ``disqus``, ``UserComments``) unless that markup wraps most of the
page's prose (then it is a page-level wrapper, not a comment section). A new comment starts where a
block enters a comment item element not seen by the block before it (``li.comment``,
``article.comment``; sub-parts such as ``comment-body`` or ``comment-meta`` are not items).

Text: the section starts at a comment header line ("12 Comments", "Comment number 127.",
"Leave a reply", "This entry is now closed for comments"); a comment starts at a per-comment header
("Comment number 127.") or a widget line ("rate this", "Reply") and holds the prose blocks after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import regex

from .. import patterns as P
from ..document import Doc, Segment
from ..features import (
    COMMENT_COUNT,
    COMMENT_HEADER,
    contains_any,
    has_date,
    line_flags,
    pattern_fold,
    segment_comment_header,
    segment_date,
    segment_widget,
    segments_flags,
)
from ..paths import step_tag
from ..types import Label
from .base import set_label, unlabel
from .density import GOOD, NEARGOOD
from .placeholders import is_placeholder_line

WRAPPER_SHARE: Final = 0.7
"""A comment-marked element holding more than this share of the page's prose is a wrapper."""
WRAPPER_BEFORE: Final = 0.05
"""Share of the page's prose before such a wrapper from which it is a long thread after the story
(:func:`_threads_after_the_story`), not a wrapper of the whole page. On the dev pages the wrappers
(Kinja's posts, forum pages) have none of it before them; the threads after a short post 0.09-0.29
(dragnet R618: 87 comments under a 700-word post)."""
MAX_META_WORDS: Final = 16
"""A comment author/date line is short."""
SCORE_MARKUP: Final = 0.9
SCORE_TEXT: Final = 0.8

ITEM_EXCLUDE: Final = P.CONTENT | P.META | P.TITLE | P.FORM | P.NAV | P.SHARE



_COUNT_HINT: Final = contains_any(("comment", "replies", "respons"))
"""Every match of :data:`patterns.COMMENT_COUNT` holds one of these in the case-folded text
(:func:`features.pattern_fold`)."""


def counts_comments(text: str) -> bool:
    """``P.COMMENT_COUNT.search(text) is not None``, the search skipped where its words are not
    there."""
    return _COUNT_HINT(pattern_fold(text)) and P.COMMENT_COUNT.search(text) is not None

def _prose(s: Segment) -> float:
    return s.chars * (1.0 - s.link_density) if s.cf in (GOOD, NEARGOOD) else 0.0


def _is_meta_line(s: Segment) -> bool:
    if s.words > MAX_META_WORDS or s.chars > 200:
        return False
    return bool(s.near_cues & P.META or (segment_date(s) and not s.punct_end))


def _comment_tops(doc: Doc) -> tuple[list[int], dict[int, float], float]:
    """HTML: the top-most comment-marked frame of each segment (-1 outside comment markup), each
    such frame's prose, and the page's prose (at least 1.0). Needs the density step's classes."""
    segs = doc.segments
    total = sum(_prose(s) for s in segs) or 1.0
    parent, fcues = doc.parent, doc.frame_cues
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
        seg_top.append(top)
        if top >= 0:
            tops[top] = tops.get(top, 0.0) + _prose(s)
    return seg_top, tops, total


def _threads_after_the_story(
    segs: list[Segment], seg_top: list[int], wrappers: set[int], total: float
) -> list[int]:
    """The blocks of the page-wrapper elements (:data:`WRAPPER_SHARE`) that have at least
    :data:`WRAPPER_BEFORE` of the page's prose before them: long threads after a short post, not
    wrappers of the whole page. The learned step keeps the comment model's claims there
    (:func:`boilerstrip.classify.learned._keep_threads_after_the_story`)."""
    if not wrappers:
        return []
    threads: set[int] = set()
    seen: set[int] = set()
    before = 0.0
    for s, top in zip(segs, seg_top, strict=True):
        if top in wrappers and top not in seen:
            seen.add(top)
            if before / total >= WRAPPER_BEFORE:
                threads.add(top)
        before += _prose(s)
    if not threads:
        return []
    return [i for i, top in enumerate(seg_top) if top in threads]


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
        parent, fcues = doc.parent, doc.frame_cues
        seg_top, tops, total = _comment_tops(doc)
        wrappers = {t for t, v in tops.items() if v / total > WRAPPER_SHARE}
        doc.thread_blocks = _threads_after_the_story(segs, seg_top, wrappers, total)
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
        seen_prose = 0
        # The flags of every block at once (the next steps read them all: the same numbers); where
        # the text is short enough, segment_comment_header(s) is the flag.
        flags = segments_flags(segs)
        for i, s in enumerate(segs):
            if (
                seen_prose
                and s.chars <= P.MAX_PATTERN_CHARS
                and (flags[i] & COMMENT_HEADER or len(s.text) > P.MAX_PATTERN_CHARS)
                and segment_comment_header(s)
            ):
                if seen_prose >= 2:
                    self._text_section(segs, i)
                    break
                # after a story of one paragraph (a photo post), a header that counts the
                # comments ("{ 1 comment… read it below or add one }") opens the section if a
                # comment follows it; else the search goes on
                if flags[i] & COMMENT_COUNT and self._text_section(segs, i, tentative=True):
                    break
            if s.cf in (GOOD, NEARGOOD):
                seen_prose += 1
        _drop_empty_comments(segs)

    def _text_section(self, segs: list[Segment], start: int, tentative: bool = False) -> int:
        """Label the comment section of a dump that opens at its header ``start``: the headers
        and widgets, each comment's meta lines and words; return how many comments it opened. A
        ``tentative`` section is kept only where a comment's words (by :func:`comment_role`) are
        among them, else every block is left as it was and it returns 0."""
        n = len(segs)
        touched: list[tuple[Segment, Label | None, float, str, int | None, bool]] = []
        index = -1
        last = start
        in_item = False
        prev_meta = False
        i = start
        while i < n:
            s = segs[i]
            if tentative:
                touched.append((s, s.label, s.score, s.by, s.comment, s.comment_meta))
            short = s.chars <= P.MAX_PATTERN_CHARS
            if short and P.COMMENT_NUMBER.match(s.text):
                index += 1
                in_item, prev_meta = True, True
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                s.comment, s.comment_meta = index, True
            elif short and (segment_comment_header(s) or segment_widget(s)):
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
            elif in_item and (
                s.cf in (GOOD, NEARGOOD)
                or s.punct_end
                or (prev_meta and _said(s, segs[i + 1] if i + 1 < n else None))
            ):
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
                s.comment = index
                prev_meta = False
            elif not in_item and i - last <= 2 and s.cf != GOOD:
                set_label(s, Label.COMMENT, SCORE_TEXT, self.name)
            else:
                break
            last = i
            i += 1
        if not tentative:
            return index + 1
        said = sum(
            1
            for t in segs[start:i]
            if t.comment is not None and not t.comment_meta and comment_role(t) == WORDS
        )
        if not said:
            for t, label, score, by, comment, meta in touched:
                t.label, t.score, t.by, t.comment, t.comment_meta = label, score, by, comment, meta
        return said


SIGNED_MIN: Final = 3
"""HTML: signed lines ("Posted by: kathy | Mar 26, 2007 2:00 PM", "john says:") after a comment
header from which the run is a comment thread (:func:`signed_thread`). Held out (the whole
pipeline, site-grouped folds, seeds 0-2): 3 and 5 take the same four dragnet blog threads that
markup without comment classes left to the article model."""
SIGNED_GAP: Final = 30
"""HTML: blocks at most between a comment header and the first signed line, and between two signed
lines, in a signed thread (a comment of many paragraphs). Held out (whole pipeline, seeds 0-2): 8
lost half of one dragnet thread (R532: a linked signed line, skipped, left a gap of 9) and missed an
l3s-gn1 thread of long comments (f5a46a81: 28 blocks between two signed lines); 16 and 30 take the
same dragnet threads, 30 the l3s-gn1 one too (precision 0.15 -> 0.98). Without
:data:`SIGNED_MAX_LINKS`, 30 took two TechCrunch articles as a thread (R772, R773: 0.8 -> 0)."""
SIGNED_MAX_LINKS: Final = 0.5
"""HTML: the link density above which a line is neither a signed line nor a comment header of a
signed thread: a list of dated links ("11.11.12 Gift Guide: ...") under a "Comments" count link
is no thread. The signed lines of the dev sets' threads (their names linked) hold at most 0.33."""
SCORE_SIGNED: Final = 0.6
"""The score of a block :func:`signed_thread` makes a comment (below the markup rule's: the
thread is read from its words alone)."""
SIGNED_ARTICLE_SHARE: Final = 0.5
"""HTML: the share of a signed thread's words the article decision must have taken for
:func:`signed_thread` to relabel it: a thread the page shows as its text, not a sidebar's list of
recent comments (which stays whatever it was)."""


def _signed(s: Segment) -> bool:
    """A signed line of a thread: a comment's header or footer line, not mostly a link."""
    return s.link_density <= SIGNED_MAX_LINKS and _header_line(s, 0)


def _count_line(s: Segment, most_words: float) -> bool:
    """A short comment header or comment count ("Comments", "12 Responses to ...", "3 comments"),
    from the block's cached flags."""
    return (
        s.words <= most_words
        and s.chars <= P.MAX_PATTERN_CHARS
        and bool(line_flags(s) & (COMMENT_HEADER | COMMENT_COUNT))
    )


def _thread_header(s: Segment, most_words: float) -> bool:
    """The header of a signed thread: a short comment header or count that is not mostly a link,
    or an invitation to comment ("Add Comment", "Post a comment"), which may be one (the link to
    the form: theherald.co.uk's threads on l3s-gn1). Not a link to the comments
    (:data:`~boilerstrip.patterns.COMMENT_LINK`: "View Comments" over a related-posts list's
    bylines in a dump, dragnet R455) nor a dump's list item ("□ Comments", a tab beside "□
    Article" over a wsj.com story, dragnet 509)."""
    if s.bullet:
        return False  # a dump's list item: a menu's or a tab's "Comments" (a bullet before it)
    if s.link_density <= SIGNED_MAX_LINKS and _count_line(s, most_words):
        return s.chars > P.MAX_PATTERN_CHARS or P.COMMENT_LINK.match(s.text) is None
    return (
        s.words <= most_words
        and s.chars <= P.MAX_PATTERN_CHARS
        and s.text[:1].casefold() in _INVITE_FIRST
        and P.COMMENT_INVITE.match(s.text) is not None
    )


_INVITE_FIRST: Final = frozenset("lpaws")
"""The first letters, case-folded, of what :data:`~boilerstrip.patterns.COMMENT_INVITE` matches
("leave", "post", "add", "write", "submit"): other lines are not tried."""


def signed_thread(segs: Sequence[Segment], story_words: float, header_words: float) -> None:
    """The first comment thread that the markup (in HTML) or the comment rules and model (in a text
    dump) did not find, and the article decision took as article, becomes comments. It is found
    by its words: a short comment header ("Comments", "12 Responses to ...", at most
    ``header_words`` words) after ``story_words`` words of article, then at least
    :data:`SIGNED_MIN` signed lines (a date with a name, "says:") each within :data:`SIGNED_GAP`
    blocks of the one before. The thread runs from the header to the last signed line where the
    signatures follow their comments (TypePad's "Posted by: name | date"), and to the last
    comment's words where they lead them; a header that counts the comments among other words (a
    byline's "There are 12 comments.") stays out of it, the post's. Its article and unlabelled
    blocks become comments (:class:`CommentItems` then splits them at the signed lines); a run
    the article decision did not mostly take is left alone. In a dump (the learned step runs it
    on both kinds) it takes a thread under a byline's count (Signal vs. Noise, dragnet R627:
    twelve "Name 07 Nov 12" comments that were the article's)."""
    n = len(segs)
    article, comment = Label.ARTICLE, Label.COMMENT
    seen = 0.0
    resume = 0  # (headers inside a run already read open no run of their own: linear time)
    signed_at: dict[int, bool] = {}  # (_signed of each block read, for the headers near it)
    for i, s in enumerate(segs):
        if s.label is article:
            seen += s.words * (1.0 - s.link_density)
        if i < resume or seen < story_words or not _thread_header(s, header_words):
            continue
        signed: list[int] = []
        counts: list[int] = []
        words_first = False
        last = i
        j = i + 1
        while j < n and j - last <= SIGNED_GAP:
            t = segs[j]
            if t.label is comment and not signed:
                break  # a section the markup or the comment model has already found
            got = signed_at.get(j)
            if got is None:
                got = signed_at[j] = _signed(t)
            if got:
                signed.append(j)
                last = j
            elif not signed:
                words_first = words_first or (t.words >= PROSE_WORDS and t.cf in (GOOD, NEARGOOD))
            elif _count_line(t, header_words):
                counts.append(j)
            j += 1
        if len(signed) < SIGNED_MIN:
            continue
        end = signed[-1]
        if any(k < end for k in counts):
            # comment counts between the signed lines: a list of posts ("Posted by ann on ...",
            # "3 Comments"), each with its own thread elsewhere, not one thread
            resume = end + 1
            continue
        if not words_first:  # the signed lines lead their comments: take the last one's words
            k = end + 1
            while (
                k < n
                and k - end <= SIGNED_GAP
                and (segs[k].cf in (GOOD, NEARGOOD) or segs[k].punct_end)
                and not _signed(segs[k])
            ):
                end = k
                k += 1
        # A line that counts the comments among other words (a byline's "There are 12 comments.")
        # is the post's, not the thread's.
        own = line_flags(s) & COMMENT_HEADER or P.COMMENT_INVITE.match(s.text) is not None
        run = segs[i if own else i + 1 : end + 1]
        total = sum(t.words for t in run) or 1.0
        if sum(t.words for t in run if t.label is article) / total < SIGNED_ARTICLE_SHARE:
            resume = end + 1
            continue
        for t in run:
            if t.label is article or t.label is None:
                set_label(t, comment, SCORE_SIGNED, "signed-thread")
                t.comment = None
                t.comment_meta = False
        return


def is_comment_chrome(s: Segment) -> bool:
    """Comment-section chrome: headers, widgets, forms - not one reader's words."""
    if s.near_cues & (P.FORM | P.SHARE | P.NAV) or s.link_density > 0.5:
        return True
    if s.chars <= P.MAX_PATTERN_CHARS:
        t = s.text
        if P.COMMENT_NUMBER.match(t):
            return False  # one comment's own header: its meta line
        if segment_comment_header(s) or segment_widget(s):
            return True
    return False


def is_meta_line(s: Segment) -> bool:
    """A comment's author/date/number line."""
    if s.chars <= P.MAX_PATTERN_CHARS and P.COMMENT_NUMBER.match(s.text):
        return True
    return _is_meta_line(s)


# --- one reader comment at a time -------------------------------------------------------------

WORDS: Final = 0
"""Role of a comment block: the reader's words."""
META: Final = 1
"""Role of a comment block: its header or footer line (author, date, number)."""
CHROME: Final = 2
"""Role of a comment block: section chrome or widgets ("Reply", "Leave a comment", form fields)."""

META_REST_WORDS: Final = 8
"""A line with a date is a comment's header when at most this many words surround the date
(an author, "says", "at"): "Posted by: Natasha | Apr 6, 2007 2:10:39 PM" has 4 words besides the
date. Set from the header lines of the dragnet dev pages, where none has more than 7."""
PROMPT_WORDS: Final = 25
"""Comment-section prompts ("Comment below or sign in with ...") are at most this long."""
POLICY_WORDS: Final = 150
"""A comment section's rules (:data:`~boilerstrip.patterns.COMMENT_POLICY`) run to a paragraph: at
most this many words (on the dragnet pages an NFL.com notice has 63, a blog's policy 101)."""
NOTICE_WORDS: Final = 12
"""A rights notice ("© 2012 CBS Interactive Inc. All Rights Reserved.") is at most this long."""
NAME_WORDS: Final = 5
"""A linked author name is short: at most this many words."""
NAME_CHARS: Final = 60
PROSE_WORDS: Final = 4
"""A comment block in share or nav markup with at least this many words and a sentence end reads as
the reader's words; without, it is a widget or a teaser ("Steve on Version 2 of the SDK")."""
DOMINANT_SHARE: Final = 0.75
"""When one element holds this share of a comment section's word blocks, the comment items are
inside it (the rest are strays: a header, a teaser): look for the items one level down."""
META_ITEMS_SHARE: Final = 0.5
"""Repeated elements are the comment items only if at least this share of them hold a header line,
when the section has header lines at all (else they could be the paragraphs of one comment)."""
NOT_ITEM_TAGS: Final = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "span", "a", "font", "b", "i", "em", "strong",
     "br", "hr")
)
"""Elements that are paragraphs or inline runs, never a whole comment."""
NESTED_TAGS: Final = frozenset(("li", "article"))
"""Item tags that nest for replies (``li`` in ``li``): a reply is its own comment."""
HEADING_TAGS: Final = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
TITLE_WORDS: Final = 12
"""A comment's title ("Zango is a POS", "Don't celebrate too quickly, Google") is a short line:
at most this many words (a header line's bound less its date; the titles of the two l3s-gn1
sections shown this way have 1 to 5 words)."""
MIN_TITLES: Final = 2
"""A section is read as comments shown by their titles only when it has at least this many titled
items, each with its own header line (one heading alone is the section's own heading)."""

_SENTENCE_END: Final = regex.compile(r"[.!?…]['\"”’)\]]*\s*$")
_NO_WORDS: Final = regex.compile(r"[\p{P}\p{Z}\p{Sm}\s\u2500-\u25ff]*")
"""A block of punctuation, spaces, math signs and box-drawing or geometric shapes ("•", "□", "|",
"+"): no one's words. Not emoji ("❤️", a reader's whole reply)."""
_SAID_DOTS: Final = regex.compile(r"\s(?:says|said|wrote|writes)\s*(?:\.{2,3}|…)\s*$", regex.I)
"""A byline's dots ("On October 29, 2012 at 2:35am, Rosa said..."): no sentence's end."""


def is_header_text(t: str, words: float | None = None, dated: bool | None = None) -> bool:
    """A comment's header or footer line by its words alone: a date with a few words around it
    ("Posted by: Natasha | Apr 6, 2007 2:10 PM"), or a byline ("john says:", "by james").
    ``dated``: whether ``P.DATE`` finds a date in ``t``, where the caller knows."""
    n = len(t.split()) if words is None else words
    if n > MAX_META_WORDS or len(t) > 200:
        return False
    sentence = bool(_SENTENCE_END.search(t)) and n >= 8 and not _SAID_DOTS.search(t)
    if dated is None:
        dated = has_date(t)
    m = P.DATE.search(t) if dated else None
    if m and not sentence:
        # (the words left beside the dates, each date read whole with its weekday and time, in
        # the languages COMMENT_DATE knows: "Max 12 de diciembre de 2019 a las 10:12")
        rest = 0
        pos = 0
        for d in P.COMMENT_DATE.finditer(t):
            rest += len(t[pos:d.start()].split())
            pos = d.end()
        rest += len(t[pos:].split())
        if rest <= META_REST_WORDS:
            return True
    if P.COMMENT_BYLINE.search(t) and (n <= 8 or m is not None) and not sentence:
        return not (t[:3].lower() == "by " and n > 6 and m is None)
    return False


def signed_words(blocks: Sequence[Segment]) -> bool:
    """Some comment header line among ``blocks`` (a section's, in page order: the comment step's
    ``comment_meta``, or :func:`is_header_text`) has, as the next block that is no header, words
    that read as said: a sentence's end, or a paragraph by its class. Not so a header the rules
    swept in with the sidebar, a list of posts or a comment form ("7:29pm, EDT" over a link,
    "Posted by Max Fisher on ..." over a headline, "Author: (forget stored information)")."""
    header = False
    for k, s in enumerate(blocks):
        if s.comment_meta or is_header_text(s.text, s.words):
            header = True
        elif s.comment is None:
            continue  # (the section's own chrome: "Reply", "Post a Comment")
        elif header:
            if (
                s.cf in (GOOD, NEARGOOD)
                or _SENTENCE_END.search(s.text[-40:])
                or _said(s, blocks[k + 1] if k + 1 < len(blocks) else None)
            ):
                return True
            header = False
    return False


def _said(s: Segment, after: Segment | None) -> bool:
    """A short comment's words under its header with no sentence's end ("The video is blocked for
    Argentine"): a few words that no comment pattern takes for chrome or a header, closed by the
    comment's own chrome ("Reply", "Leave a Comment")."""
    return (
        after is not None
        and s.words >= PROSE_WORDS
        and s.link_density <= 0.5
        and after.chars <= P.MAX_PATTERN_CHARS
        and (segment_comment_header(after) or P.COMMENT_LINE_WIDGET.match(after.text) is not None)
        and comment_role(s) == WORDS
    )


def _header_line(s: Segment, local_cues: int) -> bool:
    """A comment's header or footer line: author, date, number, "says"; or a few words in an
    element whose class calls it the comment's meta or header (Disqus's saved markup puts the
    commenter's name alone in ``dsq-comment-header``, over ``dsq-comment-body``)."""
    if is_header_text(s.text, s.words, segment_date(s)):
        return True
    return bool(local_cues & (P.META | P.HEADER)) and s.words <= NAME_WORDS and not s.punct_end


def _name_like(s: Segment) -> bool:
    return s.words <= NAME_WORDS and s.chars <= NAME_CHARS and not _SENTENCE_END.search(s.text)


def comment_role(s: Segment, local_cues: int = 0) -> int:
    """WORDS, META or CHROME for a block of a comment section. ``local_cues`` are the cue flags of
    the block's own element and its parent (not the whole section's)."""
    t = s.text
    if s.chars <= P.MAX_PATTERN_CHARS:
        if P.COMMENT_NUMBER.match(t):
            return META
        if s.words <= 1 and P.EMPTY_VALUE.match(t):
            return CHROME  # a template's empty field ("none", "null")
        if segment_comment_header(s) or segment_widget(s) or P.COMMENT_LINE_WIDGET.match(t):
            return CHROME
        if s.words <= PROMPT_WORDS and P.COMMENT_PROMPT.match(t):
            return CHROME
        if s.words <= PROMPT_WORDS and P.NO_SCRIPT.search(t):
            return CHROME  # "Please enable JavaScript to load the comments!" (a dump prints it)
        if s.words <= PROMPT_WORDS and P.POST_TAXONOMY.search(t):
            return CHROME  # the post's footer: its date, categories, "Leave a Comment" link
        if s.words <= NOTICE_WORDS and P.RIGHTS_NOTICE.match(t):
            return CHROME  # a rights notice that the section's markup swept in
        if s.words <= PROMPT_WORDS and P.DUMP_FORM_FIELD.search(t):
            return CHROME  # a dump's form field with its label ("Name (required)_____")
    if is_placeholder_line(t):
        return CHROME  # a dump's image or form field in brackets ("[big]", "[Submit]"), a rule
    if _NO_WORDS.fullmatch(t):
        return CHROME  # a bullet, a rule, a box, punctuation: no one's words (an emoji is some)
    if s.words <= POLICY_WORDS:
        head = t[: P.MAX_PATTERN_CHARS]  # (a long notice is judged by its first words)
        if (
            P.COMMENT_POLICY.match(head)  # the section's rules
            or P.AUTHOR_BOX.match(head)  # the post's author box
            or P.COMMENT_NOTICE.search(head)  # a disclaimer, a call to report or to register
        ):
            return CHROME
    if s.near_cues & (P.FORM | P.POPUP):
        return CHROME
    if _header_line(s, local_cues):
        return META
    if s.link_density > 0.5:
        return META if _name_like(s) else CHROME
    prose = s.words >= PROSE_WORDS and bool(_SENTENCE_END.search(t))
    if s.near_cues & (P.SHARE | P.NAV) and not prose:
        return CHROME
    return WORDS


AUTHOR_MAX_WORDS: Final = 6
"""An author name is a few words; a longer remainder of a header line is not a name."""


def _author(part: str) -> str | None:
    """The author's name in one part of a header line (read without its web addresses), without
    "Posted by", "says:" and numbering."""
    if len(part) > P.MAX_PATTERN_CHARS:
        return None  # (no name is that long; and the patterns below stay short work)
    part = P.COMMENT_AUTHOR_HEAD.sub("", part)
    part = P.COMMENT_AUTHOR_TAIL.sub("", part).strip()
    if not part or len(part.split()) > AUTHOR_MAX_WORDS or not any(ch.isalpha() for ch in part):
        return None
    if any(p.match(part) for p in (P.COMMENT_LINE_WIDGET, P.COMMENT_HEADER, P.COMMENT_PROMPT,
                                   P.MONTH_YEAR)) or P.COMMENT_WORD.search(part):
        return None
    return part


def _date_spans(line: str) -> list[tuple[int, int]]:
    """Where the dates of a header line are (``P.COMMENT_DATE``), each with the weekday or month
    written before it (``P.COMMENT_DATE_BEFORE``: "Mittwoch, 10. Mai 2017", "Mai 10, 2017")."""
    spans: list[tuple[int, int]] = []
    for m in P.COMMENT_DATE.finditer(line):
        start, end = m.span()
        lo = max(spans[-1][1] if spans else 0, start - P.DATE_BEFORE_CHARS)
        before = P.COMMENT_DATE_BEFORE.search(line, lo, start)
        spans.append((before.start() if before else start, end))
    return spans


def comment_author_date(lines: list[str]) -> tuple[str | None, str | None]:
    """Author and date from a comment's header lines ("Posted by: john | Apr 6, 2007 2:10 PM",
    "john says:" over "November 7th, 2012 at 9:42 pm", a linked name alone)."""
    author: str | None = None
    date: str | None = None
    by_marker = False
    for raw in lines:
        for line in raw.split("\n"):
            line = " ".join(line.split())
            if not line or P.COMMENT_NUMBER.match(line) or P.COMMENT_LINE_WIDGET.match(line):
                continue
            tail = P.COMMENT_META_TAIL.search(line)
            if tail and tail.start() > 0:
                line = line[: tail.start()]
            if "@" in line or "://" in line or "www." in line.lower():
                # (a web address's "2012/06/28/a-post-title/" is no date, its slug no name; nor is
                # a commenter's site or e-mail address after the name)
                line = " ".join(P.WEB_ADDRESS.sub(" ", line).split())
            spans = _date_spans(line)
            rest = line
            if spans:
                if date is None:
                    date = line[spans[0][0] : spans[0][1]].strip(" ,-–—@")
                # (every date out: "08/09/2012 4:03 pm | Updated: 08/09/2012 4:25 pm")
                cuts = [0, *(at for span in spans for at in span), len(line)]
                rest = " | ".join(line[cuts[k] : cuts[k + 1]] for k in range(0, len(cuts), 2))
            marked = bool(P.COMMENT_BYLINE.search(rest))
            if author is not None and (by_marker or not marked):
                continue
            for part in P.COMMENT_HEADER_SPLIT.split(rest):
                name = _author(part)
                if name is not None:
                    author, by_marker = name, marked
                    break
    return author, date


AUTHOR_LINE_WORDS: Final = 3
"""A commenter's name alone on its line has at most this many words ("mtcountrygrl", "Lynn
Kellan")."""


def names_over_headers(comments: Sequence[Segment], roles: list[int]) -> list[int]:
    """Text: roles with a name's line right above a header line that names no one ("Posted on August
    9, 2012 at 12:14pm") as that header's part: in a dump the commenter's name often stands on
    its own line over the date (TheBlaze's "□ mtcountrygrl" over "Posted on ..."), and as words it
    closed the comment before and left this one without its author. Not a line right after words:
    that is their sign-off ("You look stunning!" over "xoxo")."""
    out = list(roles)
    for i in range(len(comments) - 1):
        s, nxt = comments[i], comments[i + 1]
        if (
            out[i] == WORDS
            and roles[i + 1] == META
            and (i == 0 or roles[i - 1] != WORDS)  # (a sign-off ends its words: "xoxo, dany")
            and s.words <= AUTHOR_LINE_WORDS
            and _name_like(s)
            and not s.punct_end
            and comment_author_date([nxt.text])[0] is None
            and comment_author_date([s.text])[0] is not None
        ):
            out[i] = META
    return out


def _title_line(s: Segment) -> bool:
    """A comment's title: a short heading that is not a header line, widget or section header."""
    if s.tag not in HEADING_TAGS or s.words > TITLE_WORDS or s.chars > P.MAX_PATTERN_CHARS:
        return False
    t = s.text
    if segment_comment_header(s) or segment_widget(s) or P.COMMENT_LINE_WIDGET.match(t):
        return False
    if P.COMMENT_PROMPT.match(t) or P.COMMENT_NUMBER.match(t):
        return False
    return not (s.near_cues & (P.FORM | P.POPUP) or is_header_text(t, s.words, segment_date(s)))


def titles_as_words(comments: list[Segment], roles: list[int]) -> list[int]:
    """Roles with comment titles as the readers' words, in a section whose comments are shown by
    their titles only (a heading and a header line per comment - "Zango is a POS" over "Posted:
    18:42 8th January 2008" - with the words a click away). Such a section has no block of words,
    and its headings and dated header lines pair up: each title right above a dated header line,
    each dated header line under a title. Lists of posts look the same but give each post's comment
    count ("by Tom 4 days ago", "8 comments"): a section with such counts is left as it is, as is
    any other; then ``roles`` is returned unchanged."""
    if any(r == WORDS for r in roles):
        return roles
    titles = {i for i, s in enumerate(comments) if _title_line(s)}
    if len(titles) < MIN_TITLES:
        return roles
    counts = sum(
        1 for s in comments if s.chars <= P.MAX_PATTERN_CHARS and counts_comments(s.text)
    )
    if counts >= MIN_TITLES:
        return roles
    seq = [i for i, r in enumerate(roles) if i in titles or r == META]
    dated = {i for i in seq if i not in titles and segment_date(comments[i])}
    after_title = False
    for k, i in enumerate(seq):
        if i in titles:
            if k + 1 >= len(seq) or seq[k + 1] not in dated:
                return roles
            after_title = True
        elif i in dated:
            if not after_title:
                return roles
            after_title = False
    out = list(roles)
    for i in titles:
        out[i] = WORDS
    return out


def _run_text(comments: list[Segment], start: int, step: int, size: int) -> str:
    """The shown blocks from ``start`` on (``step`` 1: forward, -1: backward) in page order, up to
    the first hidden block or until their text is ``size`` characters long."""
    parts: list[str] = []
    n = 0
    i = start
    while 0 <= i < len(comments) and not comments[i].cues & P.HIDDEN and n < size:
        t = " ".join(comments[i].text.split())
        parts.append(t)
        n += len(t) + 1
        i += step
    if step < 0:
        parts.reverse()
    return " ".join(parts)


def hidden_copies_as_chrome(comments: list[Segment], roles: list[int]) -> list[int]:
    """Roles with the hidden copies of shown words as chrome: a page may keep each comment twice,
    hidden (``display: none``, for a quote or an edit box) and shown, one right after the other;
    the words are the shown ones. A hidden block of words is such a copy when the shown blocks next
    to it (after it or before it) hold the same text; other hidden words stay words."""
    out = list(roles)
    for i, (s, r) in enumerate(zip(comments, roles, strict=True)):
        if r != WORDS or not s.cues & P.HIDDEN:
            continue
        t = " ".join(s.text.split())
        if t in (_run_text(comments, i + 1, 1, len(t)), _run_text(comments, i - 1, -1, len(t))):
            out[i] = CHROME
    return out


def _local_cues(doc: Doc, s: Segment) -> int:
    f = s.frame
    if f < 0 or f >= len(doc.frame_cues):
        return 0
    cues = doc.frame_cues[f]
    p = doc.parent[f]
    return cues | (doc.frame_cues[p] if p >= 0 else 0)


def _item_level(
    paths: list[tuple[str, ...]], idx: list[int], depth: int
) -> tuple[int, str, tuple[str, ...]] | None:
    """The element whose repeated children are the comments: (depth of the children, their tag, the
    element's path), searched among the word blocks ``idx``; None when no such element."""
    while True:
        groups: dict[str, list[int]] = {}
        for i in idx:
            p = paths[i]
            if depth >= len(p):
                return None  # a word block is the container itself
            groups.setdefault(p[depth], []).append(i)
        if len(groups) > 1:
            break
        depth += 1
    heavy = max(groups.values(), key=len)
    if len(heavy) >= DOMINANT_SHARE * len(idx) and len(heavy) >= 2:
        inner = _item_level(paths, heavy, depth + 1)
        if inner is not None:
            return inner
    tags: dict[str, int] = {}
    for k in groups:
        tg = step_tag(k)
        tags[tg] = tags.get(tg, 0) + 1
    tag = max(tags, key=tags.__getitem__)
    if tags[tag] < 2 or tag in NOT_ITEM_TAGS:
        return None
    return depth, tag, paths[idx[0]][:depth]


def _item_keys(comments: list[Segment], roles: list[int]) -> list[tuple[str, ...] | None] | None:
    """Per comment block, the path of the comment item element it is in (None outside the items), or
    None when the markup shows no items."""
    paths = [tuple(s.source.split("/")) for s in comments]
    words = [i for i, r in enumerate(roles) if r == WORDS]
    if len(words) < 2 or not all(s.source.startswith("/") for s in comments):
        return None
    found = _item_level(paths, words, 0)
    if found is None:
        return None
    depth, tag, prefix = found
    keys: list[tuple[str, ...] | None] = []
    for p in paths:
        if len(p) > depth and p[:depth] == prefix and step_tag(p[depth]) == tag:
            end = depth + 1
            if tag in NESTED_TAGS:
                for j in range(depth + 1, len(p) - 1):
                    if step_tag(p[j]) == tag:
                        end = j + 1
            keys.append(p[:end])
        else:
            keys.append(None)
    # The items must be whole comments: where the section has header lines, most items hold one.
    with_words = {keys[i] for i in words if keys[i] is not None}
    with_meta = {keys[i] for i, r in enumerate(roles) if r == META and keys[i] is not None}
    has_meta = any(r == META for r in roles)
    if has_meta and len(with_words & with_meta) < META_ITEMS_SHARE * len(with_words):
        return None
    return keys


def _closing_signature(
    segs: list[Segment], comments: list[Segment], roles: list[int], by: str
) -> None:
    """Text: the last comment's signature, where the section's blocks stop before it. A thread
    that signs each comment under its words (Squarespace: "October 25, 2012 | Unregistered
    Commenter Vladimir" below the words) and whose first comment has no header over it reads as
    opening its comments with headers once the last signature is left out (the model claims the
    words, not always that line; its last block is then words): each comment took the next one's
    author and date. So where the section's first block that is no chrome holds words, a header
    stands between two blocks of words, and the block right after the last words is a header
    line outside the section, of the shape of the header before it (:func:`_shape`) and not
    ending in a colon ("jiddy responded:" heads the words under it), that block is the last
    comment's (labelled a comment, ``comments`` and ``roles`` extended in place, in page
    order)."""
    last = next((k for k in range(len(roles) - 1, -1, -1) if roles[k] != CHROME), -1)
    if last < 0 or roles[last] != WORDS:
        return
    seq = [r for r in roles[:last] if r != CHROME]
    if not seq or seq[0] != WORDS or META not in seq:
        return
    at = next(i for i, s in enumerate(segs) if s is comments[last]) + 1
    if at >= len(segs):
        return
    after = segs[at]
    if after.label in (Label.COMMENT, Label.ARTICLE) or comment_role(after) != META:
        return
    if after.text.rstrip().endswith(":"):
        return  # ("jiddy responded:", "Anna says:": a header over the words that follow it)
    before = comments[max(k for k in range(last) if roles[k] == META)]
    if _shape(after.text) != _shape(before.text):
        return  # (a line of another kind: a forum's "Ignored post by ... posted <date>")
    set_label(after, Label.COMMENT, SCORE_SIGNED, by)
    comments.insert(last + 1, after)
    roles.insert(last + 1, META)


_SHAPE_TOKEN: Final = regex.compile(r"[^\W\d_]+|\d+|[^\w\s]")
SHAPE_TOKENS: Final = 4
"""How many tokens of two signature lines :func:`_shape` compares: the date and the separator
before the name ("October 24, 2012 | Unregistered Commenter Chris": a word, a number, a comma, a
number), not the name itself."""


def _shape(text: str) -> list[str]:
    """The first :data:`SHAPE_TOKENS` tokens of ``text`` as their kinds: "a" for a word, "0" for a
    number, a punctuation mark as itself."""
    out = []
    for m in _SHAPE_TOKEN.finditer(text):
        t = m.group()
        out.append("0" if t[0].isdigit() else "a" if t[0].isalpha() else t)
        if len(out) == SHAPE_TOKENS:
            break
    return out


def _opens(roles: list[int], keys: list[tuple[str, ...] | None] | None) -> bool:
    """Do header lines open comments (above the words) rather than close them (below)?"""
    if keys is not None:
        first: dict[tuple[str, ...], int] = {}
        last: dict[tuple[str, ...], int] = {}
        for k, r in zip(keys, roles, strict=True):
            if k is not None and r != CHROME:
                first.setdefault(k, r)
                last[k] = r
        opens = sum(1 for k, r in first.items() if r == META)
        closes = sum(1 for k, r in first.items() if r == WORDS and last[k] == META)
        if opens or closes:
            return opens >= closes
    seq = [r for r in roles if r != CHROME]
    if not seq:
        return True
    return seq[0] == META or seq[-1] != META


class CommentItems:
    """Split the COMMENT blocks into reader comments and number them in page order.

    Each comment block is the reader's words, a header line (author, date, number) or chrome
    (:func:`comment_role`). A new comment starts where the markup enters a new comment item (the
    repeated elements that hold the section's words, :func:`_item_keys`; nested ``li`` replies are
    comments of their own) and at header lines: above the words when the section's items start with
    them ("john says:"), below when they end with them ("Posted by: john | date"). Without item
    markup, a widget line ("Reply", "rate this") between two blocks of words also ends a comment.
    A header with no words of its own joins the comment it belongs to. The blocks of a sidebar's
    list of the latest comments on other posts (:data:`patterns.RECENT_COMMENTS`) lose the label.
    """

    name = "comment-items"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        comments = [s for s in segs if s.label is Label.COMMENT]
        for s in comments:
            s.comment, s.comment_meta = None, False
            if s.cues & P.RECENT_COMMENTS:
                unlabel(s, self.name)  # a sidebar's latest comments on other posts
        comments = [s for s in comments if s.label is Label.COMMENT]
        if not comments:
            return
        html = doc.kind == "html"
        roles = [comment_role(s, _local_cues(doc, s) if html else 0) for s in comments]
        if html:
            roles = titles_as_words(comments, hidden_copies_as_chrome(comments, roles))
            doc.write_sources()  # (the items' element paths, read by _item_keys)
        else:
            # (not in HTML: there a short comment reads as a name, "Amazing!! x", and a forum's
            # "Author" label; the markup's header elements hold the names)
            roles = names_over_headers(comments, roles)
            _closing_signature(segs, comments, roles, self.name)
        empty = declared_empty(segs, comments, roles)
        if empty >= 0:
            # (the section's own chrome after the notice, its form and prompts, stays in it)
            for s, r in zip(comments[empty:], roles[empty:], strict=True):
                if r != CHROME:
                    unlabel(s, self.name)
            kept = [k for k, s in enumerate(comments) if s.label is Label.COMMENT]
            comments, roles = [comments[k] for k in kept], [roles[k] for k in kept]
            if not comments:
                return
        keys = _item_keys(comments, roles) if html else None
        opens = _opens(roles, keys)
        pieces: list[list[int]] = []
        prev = -1
        widget_since = False
        for i, (s, r) in enumerate(zip(comments, roles, strict=True)):
            if r == CHROME:
                head = s.text[: P.MAX_PATTERN_CHARS]
                if prev >= 0 and (P.WIDGET.match(head) or P.COMMENT_LINE_WIDGET.match(head)):
                    widget_since = widget_since or roles[prev] == WORDS
                continue
            new = prev < 0
            if not new:
                pr = roles[prev]
                new = (
                    (keys is not None and keys[i] != keys[prev] and bool(keys[i] or keys[prev]))
                    or (opens and r == META and pr == WORDS)
                    or (not opens and r == WORDS and pr == META)
                    or (keys is None and r == WORDS and pr == WORDS and widget_since)
                )
            if new:
                pieces.append([])
            pieces[-1].append(i)
            prev = i
            widget_since = False
        # Header lines after the last comment and outside every comment item (the items hold
        # their headers, or ``keys`` would be None) belong to no comment: the bylines of a list of
        # other articles that the section's markup swept in.
        if keys is not None:
            while pieces and all(roles[i] != WORDS and keys[i] is None for i in pieces[-1]):
                pieces.pop()
        # Headers without words join their comment.
        merged: list[list[int]] = []
        pending: list[int] = []
        for piece in pieces:
            has_words = any(roles[i] == WORDS for i in piece)
            if has_words:
                merged.append(pending + piece)
                pending = []
            elif opens or not merged:
                pending.extend(piece)
            else:
                merged[-1].extend(piece)
        if pending and merged:
            merged[-1].extend(pending)
        n = 0
        for piece in merged:
            if _is_pingback([comments[i] for i in piece], [roles[i] for i in piece]):
                for i in piece:
                    unlabel(comments[i], self.name)
                continue
            for i in piece:
                comments[i].comment = n
                comments[i].comment_meta = roles[i] == META
            n += 1


NO_COMMENTS_LOOKBACK: Final = 3
"""Blocks before the section's first comment block where its "No comments" line may stand: a
blog's "No comments:" heading that the article model left out of the section (dragnet's w3m dumps
of Blogger pages, R206), WordPress's "0 Comments »" a few lines above its form (R629 in HTML)."""


def declared_empty(
    segs: Sequence[Segment], comments: Sequence[Segment], roles: Sequence[int]
) -> int:
    """Where the comment section says it holds no comment (:data:`patterns.NO_COMMENTS`: "No
    comments:", "0 Comments", "There are no comments yet") before any reader's words, and no count
    of one or more follows: the index in ``comments`` from which its blocks are no reader's words
    (the lines after the notice are the form and whatever the section ran into: a sidebar's lists,
    a subscribe box, the blog's archive); -1 where it says no such thing. The notice may stand
    :data:`NO_COMMENTS_LOOKBACK` blocks above the first comment block."""
    if not comments:
        return -1
    head = comments[0]
    first = next(i for i, s in enumerate(segs) if s is head)
    notice = -1
    for i in range(max(0, first - NO_COMMENTS_LOOKBACK), first):
        if segs[i].chars <= P.MAX_PATTERN_CHARS and P.NO_COMMENTS.match(segs[i].text):
            notice = 0
            break
    if notice < 0:
        for k, (s, r) in enumerate(zip(comments, roles, strict=True)):
            if r == WORDS:
                return -1
            if s.chars <= P.MAX_PATTERN_CHARS and P.NO_COMMENTS.match(s.text):
                notice = k + 1
                break
    if notice < 0:
        return -1
    if any(P.COMMENT_COUNT_SOME.search(s.text[: P.MAX_PATTERN_CHARS]) for s in comments[notice:]):
        return -1
    return notice


def _is_pingback(blocks: Sequence[Segment], roles: Sequence[int]) -> bool:
    """A comment whose first block of words, or the header right above it, opens as a pingback, a
    trackback or a reblog notice does (:data:`patterns.PINGBACK`): another site's link, not a
    reader's comment. (Not any header of the comment: a header with no words of its own joins the
    next comment, which is a reader's.)"""
    first = next((k for k, r in enumerate(roles) if r == WORDS), -1)
    if first < 0:
        return False
    own = [first - 1, first] if first > 0 and roles[first - 1] == META else [first]
    return any(P.PINGBACK.match(blocks[k].text[: P.MAX_PATTERN_CHARS]) for k in own)


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
