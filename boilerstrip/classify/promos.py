"""A text dump's cross-links, sign-up calls, post footers, script notices and photo captions are not
article text.

In HTML the markup gives these away: a "Read more: <headline>" line is a link, a newsletter box is a
form or an aside, a caption sits in a ``figcaption``. A text browser keeps only their words, and
between two article paragraphs the learned context stage tends to keep them. On the w3m dumps of
trafilatura-eval, the snippets that HTML mode leaves out but text mode keeps (162 of them) were
mostly such blocks: cross-links ("Lea también: ...", "Czytaj też: ...", "Read more: ..."),
newsletter and sign-up calls, blog post footers ("This entry was posted in ... Bookmark the
permalink.") and rights notices, and photo captions ending in their credit ("... (Foto: dpa)").

Only short blocks are looked at (a paragraph that mentions a newsletter stays as the model decided),
and only blocks the learned step made article. In HTML the cross-link and sign-up tests apply to
the blocks the pipeline took although the learned step's first stage doubted them
(:data:`HTML_DOUBTFUL`: held out, a news site's "Start Receiving ... News Headlines per email" box
under a short story), and the post-footer test to every article block: a print note ("A version
of this article appeared in print on ..."), a "TrackBack URL for this entry:" line or a rights
notice is furniture however sure the model is (held out, dragnet +0.0003 in every seed, l3s-gn1
+0.0001; in-sample dragnet +0.0002, R730's gold keeping its "Original contents copyright ..."
line, -0.014). A notice for readers without scripts or plug-ins ("Please enable JavaScript ...",
"Get the Flash Player to see this player.") goes the same way, in text and HTML.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc, Segment
from ..features import contains_any, pattern_fold
from ..types import Label
from .base import set_label, unlabel

MAX_CROSS_LINK_WORDS: Final = 30
"""A cross-link is a lead and a headline: at most this many words. The cross-links of
trafilatura-eval's w3m dumps have at most 17."""
MAX_SIGN_UP_WORDS: Final = 60
"""A sign-up call or its consent line has at most this many words (those among trafilatura-eval's
w3m article blocks have 1 to 46 words, but for one consent line of 84 that the bound leaves)."""
MAX_SIGN_UP_BARE_WORDS: Final = 3
"""A line of at most this many words that ends in "Newsletter" is the heading of a sign-up box
("PC Gamer Newsletter")."""
MAX_CAPTION_WORDS: Final = 50
"""A photo caption ending in its credit has at most this many words (those among trafilatura-eval's
w3m article blocks have 3 to 50)."""
MAX_CAPTION_SENTENCES: Final = 3
"""... and at most this many sentences: a longer block that ends in a credit is a paragraph with a
picture's credit glued to it."""
MIN_TOLD_TWICE_WORDS: Final = 4
"""A block that is a phrase of at least this many words said twice in a row is an image's alt text
followed by its caption (or a teaser's picture and its headline): lynx prints both."""
MAX_TOLD_TWICE_WORDS: Final = 60
"""The longest phrase looked for (the longest alt text said twice on trafilatura-eval's lynx dumps
has 40 words)."""
MAX_TOLD_TWICE_TAIL: Final = 5
"""Words allowed after the phrase's second telling (a credit, a "Pin" button). A paragraph that
goes on, or says its phrase a third time, is prose that repeats itself (lorem ipsum, a chorus).
With this bound, 76 article blocks of trafilatura-eval's lynx dumps are told twice: 7 hold a
snippet the gold leaves out, none one it keeps; on the w3m dumps, 29 blocks hold one kept snippet
(a caption of 33 words)."""
HTML_DOUBTFUL: Final = 0.5
"""HTML: a block the first stage scored under this and the pipeline still took as article (the
context stage, ``take_doubtful``) loses the label where it is a cross-link or a sign-up call (a
post footer loses it at any probability). On all blocks, as in text, these two tests cost dragnet
0.0003 and mozilla-readability 0.0005 in-sample (the golds keep "Related:" lists and sign-up lines
the model is sure of)."""
SCORE: Final = 0.7
"""Confidence of these labels: the line patterns are specific, the blocks short."""

# Pre-tests: every match of a pattern holds one of these literals in the text case-folded as the
# patterns fold it (features.pattern_fold), so a block without any is done without the search
# (tests/test_prechecks.py compares both on made-up and real blocks).
_SEE_ALSO_HINT: Final = contains_any((":", ">", "»", "›", "…", "...", "also", "interessieren"))
"""Each lead of :data:`patterns.SEE_ALSO` ends in one of its marks, or is one of two phrases."""
_NEWSLETTER_HINT: Final = contains_any(("newsletter", "lettre", "daily", "mail", "inbox", "alert"))
_SUBSCRIBE_HINT: Final = contains_any(
    ("mail", "boîte", "subscribe", "sign", "registrieren", "jetzt")
)
_POST_FOOTER_HINT: Final = contains_any(
    ("posted", "wurde", "permalink", "older", ":", "geladen", "loading", "version", "closed",
     "responses", "rss", "main", "home", "blogthis", "continues", "conversation", "trackback")
)
"""The share and like widgets and the neighbouring posts' links of :data:`patterns.POST_FOOTER`
all end in a colon; a print note holds "version", a closed section "closed", WordPress's feed
lines "responses" or "rss", TypePad's links to the neighbouring posts "main" or "home", its
comment feed line "conversation" and trackback lines "trackback", Blogger's share bar
"blogthis", an ad break "continues"."""
_NO_SCRIPT_HINT: Final = contains_any(("javascript", "flash", "browser"))
"""Every match of :data:`patterns.NO_SCRIPT` holds one of these."""
_RIGHTS_HINT: Final = contains_any(
    tuple(max(p, key=len).casefold() for p in P.RIGHTS_PHRASES + P.MORE_RIGHTS_PHRASES)
)
"""A rights notice holds the longest word of its phrase."""


def is_cross_link(s: Segment) -> bool:
    """A cross-link to another article ("Read more: <headline>", :data:`patterns.SEE_ALSO`)."""
    return (
        s.words <= MAX_CROSS_LINK_WORDS
        and _SEE_ALSO_HINT(pattern_fold(s.text))
        and P.SEE_ALSO.search(s.text) is not None
    )


def is_sign_up(s: Segment) -> bool:
    """A newsletter or e-mail sign-up call or consent line, a sign-up box's heading, or a call to
    subscribe (:data:`patterns.SUBSCRIBE_CALL`)."""
    if s.words > MAX_SIGN_UP_WORDS:
        return False
    fold = pattern_fold(s.text)
    if not _NEWSLETTER_HINT(fold) or P.NEWSLETTER.search(s.text) is None:
        return _SUBSCRIBE_HINT(fold) and P.SUBSCRIBE_CALL.search(s.text) is not None
    if s.words <= MAX_SIGN_UP_BARE_WORDS and s.text.rstrip().lower().endswith("newsletter"):
        return True
    return P.SIGN_UP.search(s.text) is not None


def is_post_footer(s: Segment, fold: str | None = None) -> bool:
    """A blog post's footer line or share/like widget (:data:`patterns.POST_FOOTER`), or a rights
    notice (:data:`patterns.RIGHTS_RESERVED`). ``fold``: the block's text folded by
    :func:`~boilerstrip.features.pattern_fold`, where the caller has it."""
    if s.chars > P.MAX_PATTERN_CHARS:
        return False
    if fold is None:
        fold = pattern_fold(s.text)
    return (_POST_FOOTER_HINT(fold) and P.POST_FOOTER.search(s.text) is not None) or (
        _RIGHTS_HINT(fold) and P.RIGHTS_RESERVED.search(s.text) is not None
    )


def is_script_notice(s: Segment, fold: str | None = None) -> bool:
    """A notice for readers without scripts or plug-ins ("Please enable JavaScript ...", "Get the
    Flash Player to see this player.", :data:`patterns.NO_SCRIPT`). ``fold``: as
    :func:`is_post_footer`'s."""
    if s.chars > P.MAX_PATTERN_CHARS:
        return False
    if fold is None:
        fold = pattern_fold(s.text)
    return _NO_SCRIPT_HINT(fold) and P.NO_SCRIPT.search(s.text) is not None


def _is_furniture(s: Segment) -> bool:
    """A post footer or a script notice, the block's text folded once for both tests (every HTML
    article block is tested)."""
    if s.chars > P.MAX_PATTERN_CHARS:
        return False
    fold = pattern_fold(s.text)
    return is_post_footer(s, fold) or is_script_notice(s, fold)


def is_credited_caption(s: Segment) -> bool:
    """A photo caption: a short block that ends in a photo credit
    (:data:`patterns.PHOTO_CREDIT_TAIL`)."""
    t = s.text
    return (
        s.words <= MAX_CAPTION_WORDS
        and s.sentences <= MAX_CAPTION_SENTENCES
        and s.chars <= P.MAX_PATTERN_CHARS
        # (the credit is in brackets, or after a bar or a slash)
        and (("(" in t and ")" in t) or "|" in t or "/" in t)
        and P.PHOTO_CREDIT_TAIL.search(t) is not None
    )


def is_told_twice(s: Segment) -> bool:
    """The block is a phrase of :data:`MIN_TOLD_TWICE_WORDS` or more words said twice in a row,
    and at most :data:`MAX_TOLD_TWICE_TAIL` words more (an image's alt text, then its caption)."""
    if s.words > 2 * MAX_TOLD_TWICE_WORDS + MAX_TOLD_TWICE_TAIL:
        return False
    words = s.text.split()
    n = len(words)
    if n < 2 * MIN_TOLD_TWICE_WORDS or words[0] not in words[MIN_TOLD_TWICE_WORDS:]:
        return False  # the phrase's second telling starts with its first word
    for k in range(MIN_TOLD_TWICE_WORDS, min(MAX_TOLD_TWICE_WORDS, n // 2) + 1):
        if n <= 2 * k + MAX_TOLD_TWICE_TAIL and words[:k] == words[k : 2 * k]:
            return words[2 * k : 3 * k] != words[:k]
    return False


class Promos:
    """Text documents: an article block that is a cross-link, a sign-up call, a post footer or a
    script notice loses the article label (the later steps make it navigation); one that is a
    credited photo caption or an alt text told twice (:func:`is_told_twice`) becomes a caption.
    HTML documents: an article block that is a post footer or a script notice loses the label, and
    a doubtful one (:data:`HTML_DOUBTFUL`) that is a cross-link or a sign-up call."""

    name = "promos"

    def __call__(self, doc: Doc) -> None:
        article = Label.ARTICLE
        if doc.kind == "html":
            # (the markup gives most promos away; a doubtful block the context took, the
            # learned step's first stage scoring it under a half, is judged by its words; a post
            # footer, whatever the model thought of it)
            for s in doc.segments:
                if s.label is not article or s.is_title:
                    continue
                doubtful = 0.0 <= s.p_article < HTML_DOUBTFUL  # (-1: no model scored it)
                if _is_furniture(s) or (doubtful and (is_cross_link(s) or is_sign_up(s))):
                    unlabel(s, self.name)
            return
        for s in doc.segments:
            if s.label is not article or s.is_title:
                continue
            if is_credited_caption(s) or is_told_twice(s):
                set_label(s, Label.CAPTION, SCORE, self.name)
            elif is_cross_link(s) or is_sign_up(s) or _is_furniture(s):
                unlabel(s, self.name)
