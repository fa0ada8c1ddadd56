"""Captions: figure captions, caption/credit markup, credit lines, and caption-like lines in text.

HTML: a short block inside caption markup (``figcaption``, ``caption``/``credit``/``wp-caption``
classes) or inside a ``figure``, or a short credit line ("Photo: ...", "Getty Images") right after
an image. Text: inside the article, a line that does not end a sentence yet is too long for a
heading, of one or two sentences, right under the headline or holding a date stamp (photo captions
under a headline, "Damage in Homs. 7 March 2013 ..."), or one that starts with its image's alt
text said twice; or a credit line.
Only blocks at the article (in its region, or next to an article block) count: captions of promos in
a sidebar stay navigation. In HTML, where the captions taken from the article outweigh what is
left of it, the page is a photo story and they stay article.
"""

from __future__ import annotations

from typing import Final

from .. import features as F
from .. import patterns as P
from ..document import Doc, Segment
from ..features import contains_any
from ..segment_html import NEAR_LEVELS
from ..types import Label
from .base import set_label
from .density import BAD

MAX_CAPTION_CHARS: Final = 600
MAX_CREDIT_WORDS: Final = 20
MIN_TEXT_CAPTION_WORDS: Final = 8
"""A text line without a sentence end and at least this many words reads as a caption, not a
heading."""
MAX_TEXT_CAPTION_SENTENCES: Final = 2
"""A text line with more sentences than this is a paragraph, even when it does not end like one (a
blog post ending in "[via]"): photo captions are a phrase or a sentence or two."""
MIN_ALT_WORDS: Final = 2
MAX_ALT_WORDS: Final = 12
"""Length range, in words, of an alt text repeated at the start of its caption line."""
MAX_HEADLINE_WORDS: Final = 20
"""The longest headline a text caption can sit under."""
NEAR_ARTICLE: Final = 3
"""How many blocks away from an article block a caption may sit."""
MAX_CAPTION_PARAGRAPHS: Final = 3
"""A caption- or figure-marked element with this many prose paragraphs (at least
:data:`PROSE_PARAGRAPH_WORDS` words, ending a sentence) wraps article text, not a caption: on the
dragnet dev pages such wrappers held whole articles, while real captions are one or two blocks."""
PROSE_PARAGRAPH_WORDS: Final = 12
SCORE_MARKUP: Final = 0.9
SCORE_CREDIT: Final = 0.8
SCORE_TEXT: Final = 0.65


def _near_article(segs: list[Segment], i: int) -> bool:
    """An article block within NEAR_ARTICLE blocks of block ``i`` (before or after it), or block
    ``i`` in the main region."""
    if segs[i].in_region:
        return True
    article = Label.ARTICLE
    for s in segs[max(0, i - NEAR_ARTICLE) : i] + segs[i + 1 : i + NEAR_ARTICLE + 1]:
        if s.label is article:
            break
    else:
        return False
    return True  # (a loop: any() over a generator took a quarter of the step's time more)


_CREDIT_WORDS: Final = (
    "photo", "image", "picture", "foto", "bild", "credit", "courtesy", "illustration", "video",
    "graphic", "afp", "reuters", "(ap)", "epa", "shutterstock", "istock", "pa wire",
    "associated press",
)
"""Every match of :data:`patterns.CREDIT`, and of :data:`patterns.AGENCY_CREDIT` but its bracketed
agency at the end of the line ("[EPA]", "(AAP)"), holds one of these in the case-folded text
(:func:`features.pattern_fold`) or holds "©": elsewhere only that bracketed agency is looked for."""
_CLOSING_BRACKETS: Final = (")", "]")
"""How a line that ends in a bracketed agency (:data:`patterns.AGENCY_CREDIT`) ends, but for the
blanks after it (``regex``'s ``\\s``: blanks that ``str.rstrip()`` strips too)."""
_NOT_CAPTION_ASCII: Final = ("all rights reserved", "copyright", "may not be")
_has_credit_word: Final = contains_any(_CREDIT_WORDS)
_has_not_caption_word: Final = contains_any(_NOT_CAPTION_ASCII)
_NOT_CAPTION_WORDS: Final = (
    "more", "next", "previous", "prev", "view", "see", "enlarge", "zoom", "click", "type", "enter",
)
"""The words :data:`patterns.NOT_CAPTION` matches at the start of a line: on ASCII text (matched
as lowercased) the line starts with one of them."""
_NOT_CAPTION_FIRST: Final = frozenset(w[0] for w in _NOT_CAPTION_WORDS)
"""Their first letters (elsewhere the first character is case-folded before the test)."""


def _repeated_lead(text: str) -> bool:
    """The line starts with a phrase said twice in a row: an image's alt text that the dumper
    printed before the caption repeating it ("Damage in Homs. 7 March 2013 Damage in Homs. ...")."""
    words = text.split(None, 2 * MAX_ALT_WORDS)
    for k in range(MIN_ALT_WORDS, min(MAX_ALT_WORDS, len(words) // 2) + 1):
        if words[:k] == words[k : 2 * k]:
            return True
    return False


def _under_headline(segs: list[Segment], i: int, first_article: int) -> bool:
    """The block is the article's first, right after a line that reads as a headline (short, no
    sentence end): a photo caption under the headline. (The title step runs later.)"""
    if i != first_article or i < 1:
        return False
    head = segs[i - 1]
    return not head.punct_end and 0 < head.words <= MAX_HEADLINE_WORDS


def _credit(s: Segment) -> bool:
    if s.words > MAX_CREDIT_WORDS or s.chars > P.MAX_PATTERN_CHARS:
        return False
    t = s.text
    if "©" in t or _has_credit_word(F.pattern_fold(t)):
        # (with full case folding, a match's literal is in the folded text)
        return bool(P.CREDIT.search(t) or P.AGENCY_CREDIT.search(t))
    # Without them (CREDIT has none of its words) only a bracketed agency at the line's end can
    # match: the search is skipped where the line does not end in a bracket.
    return t.rstrip().endswith(_CLOSING_BRACKETS) and P.AGENCY_CREDIT.search(t) is not None


def _not_caption(s: Segment) -> bool:
    """Rights notices, gallery controls and form prompts next to images; blocks in forms, menus."""
    if s.near_cues & (P.FORM | P.NAV):
        return True
    if s.chars > P.MAX_PATTERN_CHARS:
        return False
    t = s.text
    if t:
        # The pattern's alternatives: a literal somewhere, a word at the start, or no word
        # character at all (then the first character is none). Outside ASCII the pattern matches
        # with full case folding: the literal is in the case-folded text, the word starts with the
        # case folding of the first character; and a letter or a decimal digit is a word character.
        first = t[0]
        if t.isascii():
            low = t.lower()
            first = low[0]
            if (
                (first.isalnum() or first == "_")
                and not low.startswith(_NOT_CAPTION_WORDS)
                and not _has_not_caption_word(low)
            ):
                return False
        elif (
            (first.isalpha() or first.isdecimal() or first == "_")
            and first.casefold()[:1] not in _NOT_CAPTION_FIRST
        ):
            fold = F.pattern_fold(t)
            if not _has_not_caption_word(fold):
                return False
    return bool(P.NOT_CAPTION.search(t))


def _container(doc: Doc, s: Segment) -> int:
    """The nearest element (the block's own or an ancestor within :data:`NEAR_LEVELS`) whose
    class/id/tag marks a caption or figure; -1 when the mark is on an inline child."""
    f = s.frame
    mark = P.CAPTION | P.FIGURE
    for _ in range(NEAR_LEVELS + 1):
        if f < 0:
            return -1
        if doc.frame_cues[f] & mark:
            return f
        f = doc.parent[f]
    return -1


def _inline_mark_on_prose(s: Segment, box: int) -> bool:
    """A paragraph of prose (:data:`PROSE_PARAGRAPH_WORDS` words or more, ending a sentence) whose
    caption or figure mark sits on an inline child only (``<p><span class="imgleft"><img><span
    class="blog_caption"></span></span>Our roster of offerings ...</p>``): the paragraph flows
    around a picture, it is not the picture's caption. On the six dev sets, held out, this gave
    back article paragraphs on 5 pages (cleanportaleval +0.002, mozilla-readability +0.0007,
    dragnet +0.0001) and took none away; a short block with such a mark ("Top image by ...",
    "(Credit: Josh Miller/CNET)") stays a caption. ``box``: the block's :func:`_container`."""
    return box < 0 and s.words >= PROSE_PARAGRAPH_WORDS and s.punct_end


def _content_containers(doc: Doc) -> set[int]:
    """Caption- or figure-marked elements that hold :data:`MAX_CAPTION_PARAGRAPHS` or more blocks
    of prose: an article body inside a "media" or "figure" wrapper, not a caption."""
    counts: dict[int, int] = {}
    mark = P.CAPTION | P.FIGURE
    for s in doc.segments:
        if s.near_cues & mark and s.words >= PROSE_PARAGRAPH_WORDS and s.punct_end:
            c = _container(doc, s)
            if c >= 0:
                counts[c] = counts.get(c, 0) + 1
    return {c for c, n in counts.items() if n >= MAX_CAPTION_PARAGRAPHS}


class Captions:
    name = "captions"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        html = doc.kind == "html"
        content = _content_containers(doc) if html else set()
        first_article = (
            -1 if html else next((i for i, s in enumerate(segs) if s.label is Label.ARTICLE), -1)
        )
        comment, mark = Label.COMMENT, P.CAPTION | P.FIGURE  # (read for every block)
        # The article blocks this step makes captions, with their score and step before (see
        # _keep_photo_stories).
        was: dict[int, tuple[float, str]] = {}
        article = Label.ARTICLE
        for i, s in enumerate(segs):
            if s.label is comment or s.chars > MAX_CAPTION_CHARS or s.is_title:
                continue
            if html:
                marked = bool(s.near_cues & mark) and not s.heading
                if not (marked or s.image_before) or _not_caption(s):
                    continue  # (a block neither marked nor after an image is no caption here)
                if marked:
                    box = _container(doc, s)
                    if (content and box in content) or _inline_mark_on_prose(s, box):
                        marked = False
                if marked and s.link_density < 0.5 and _near_article(segs, i):
                    if s.label is article:
                        was[i] = (s.score, s.by)
                    set_label(s, Label.CAPTION, SCORE_MARKUP, self.name)
                elif (s.image_before or marked) and _credit(s) and _near_article(segs, i):
                    if s.label is article:
                        was[i] = (s.score, s.by)
                    set_label(s, Label.CAPTION, SCORE_CREDIT, self.name)
            else:
                # Both kinds of text caption below end no sentence: the cheap tests first. A block
                # that is no credit line can only be the second kind, an article block of
                # MIN_TEXT_CAPTION_WORDS words or more.
                if s.punct_end or s.bullet or s.cf == BAD:
                    continue
                credit_only = s.label is not article or s.words < MIN_TEXT_CAPTION_WORDS
                if (
                    not _near_article(segs, i)  # (the cheapest test first)
                    or (credit_only and not _credit(s))
                    or _not_caption(s)
                ):
                    continue
                if credit_only or _credit(s):
                    set_label(s, Label.CAPTION, SCORE_CREDIT, self.name)
                elif (
                    # (an article block of MIN_TEXT_CAPTION_WORDS words, no sentence end: above)
                    not F.line_flags(s) & F.META_DATE  # a byline: "Posted by ... on <date>"
                    and (
                        _repeated_lead(s.text)
                        or (
                            s.sentences <= MAX_TEXT_CAPTION_SENTENCES
                            and (
                                F.line_flags(s) & F.DATE
                                or _under_headline(segs, i, first_article)
                            )
                        )
                    )
                ):
                    set_label(s, Label.CAPTION, SCORE_TEXT, self.name)
        if was:
            _keep_photo_stories(segs, was)


def _keep_photo_stories(segs: list[Segment], was: dict[int, tuple[float, str]]) -> None:
    """A photo page, whose story is its caption: when the article blocks that the step made
    captions hold more words (outside links) than the article blocks left, they were the article,
    and get their label back (``was``: those blocks, by index, with their score and step before).
    On the dev sets this was 8 dragnet pages of a photo with a paragraph under it (0.918 -> 0.922)
    and 2 of trafilatura-eval's (a slideshow; +0.001), no page lower; "more than half as many"
    instead of "more" also took back a sidebar's captions on one dragnet page."""
    caption = Label.CAPTION
    took = [i for i in was if segs[i].label is caption]
    if not took:
        return
    taken = sum(segs[i].words * (1.0 - segs[i].link_density) for i in took)
    left = sum(s.words * (1.0 - s.link_density) for s in segs if s.label is Label.ARTICLE)
    if taken > left:
        for i in took:
            set_label(segs[i], Label.ARTICLE, *was[i])
