"""The deck: the line under the headline that sums the story up ("standfirst", "dek", "subhead").

News pages print one under many headlines: an ``h2`` under the ``h1`` ("Service To Be Launched
In Wisconsin Cities"), a ``p.standfirst``, a summary ``div``. l3s-gn1's annotators counted it as
part of the headline; other corpora leave it in the story or out of it, so the step only names it
(``Article.subtitle``) and leaves every label as it is.

HTML only: the deck is the block right after the block the title step chose, or, where the step
chose one line of a block (an ``h1`` whose ``<br>`` parts are the headline and its deck), the line
after it in that block (:func:`line_deck`), where it reads as a deck (:func:`is_deck`): a line of
a few words, no link list, no chrome the headline's own element does not have, no picture between
it and the headline (a line under a picture is its caption), not a byline, dateline, credit or
source line, not the story's first paragraph (a deck ends without a full stop, unless it is a
heading) and not the headline again after a kicker.
Measured on l3s-gn1 (``benchmarks.evaluate``'s title table, "title + deck"): 24 decks named,
21 of them the gold's second headline line; the other three read as decks the annotators did not
mark.
"""

from __future__ import annotations

from typing import Final

import regex

from .. import patterns as P
from ..document import Doc, Segment
from ..features import sentence_count, word_count
from ..types import Label
from .title_text import date_share, text_words

DECK_MIN_WORDS: Final = 4
DECK_MAX_WORDS: Final = 40
"""l3s-gn1's gold decks run from 4 to 30 words; below 4 a line under a headline is a byline, a
source or a section name ("Staff Writer", "Reuters", "FACTBOX")."""
DECK_MAX_CHARS: Final = 400
"""Bound on the text the patterns are tried on (a 40-word deck is far shorter)."""
DECK_MAX_LINK_DENSITY: Final = 0.3
"""A deck is not a link list (l3s-gn1's decks have no links; "More News related to ..." does)."""
DECK_MAX_SENTENCES: Final = 2
"""A deck is a line or two; three sentences or more are the story's lead paragraph."""
STAMP_MAX_WORDS: Final = 12
"""Up to this many words, a line with a date or time in it is a dateline, not a deck (on
trafilatura-eval's pages: "31. Jan. 2022 in Köln", "Veröffentlicht am: 28. Oktober 2023 | ...")."""
BYLINE_MAX_WORDS: Final = 8
"""Up to this many words, a line that starts with "By"/"von"/"par" and a name is a byline."""
DATE_SHARE: Final = 0.2
"""A line whose characters are this much inside dates (``title_text.date_share``) is a stamp."""
NOT_DECK_CUES: Final = P.BOILER_CUES | P.CAPTION | P.COMMENT | P.FORM
"""Cues of chrome: a deck may sit in such an element only where the headline does too."""
NOT_DECK_LABELS: Final = (Label.CAPTION, Label.COMMENT, Label.FOOTER)
_SENTENCE_END: Final = regex.compile(r"[.!:;,]['\"”’)\]]*\s*$")
"""Ends like a sentence or a lead-in: a deck (a heading aside) ends without punctuation, "?" or
quotation marks."""
_HEADING_END: Final = regex.compile(r"[:;,]['\"”’)\]]*\s*$")
"""Ends like a lead-in even in a heading ("Related:")."""


def _repeats(title: str, text: str) -> bool:
    """Whether ``text`` holds the headline's words in their order: a kicker and the headline again
    ("Neues Auto: Auto leasen oder kaufen: ...", on trafilatura-eval's pages), not a deck."""
    words = text_words(title.replace("\xad", ""))[1]
    said = text_words(text.replace("\xad", ""))[1]
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(said)} "


def is_deck(title: Segment, s: Segment) -> bool:
    """Whether ``s``, the block right after the headline block ``title``, is the story's deck."""
    text = s.text.strip()
    if "\n" in text or len(text) > DECK_MAX_CHARS:
        return False
    if not DECK_MIN_WORDS <= s.words <= DECK_MAX_WORDS:
        return False
    if s.link_density > DECK_MAX_LINK_DENSITY or s.label in NOT_DECK_LABELS:
        return False
    if s.image_before:
        return False  # a line under a picture between it and the headline: the picture's caption
    if s.near_cues & NOT_DECK_CUES & ~title.near_cues:
        return False
    if s.sentences > DECK_MAX_SENTENCES:
        return False
    if (_HEADING_END if s.heading else _SENTENCE_END).search(text):
        return False
    if P.TITLE_BYLINE.search(text) or P.COMMENT_BYLINE.search(text):
        return False
    if s.words <= BYLINE_MAX_WORDS and P.DECK_BYLINE.search(text):
        return False
    if P.DATE.search(text) or date_share(text) > DATE_SHARE:
        return False
    if s.words <= STAMP_MAX_WORDS and P.DECK_STAMP.search(text):
        return False
    if P.CREDIT.search(text) or P.AGENCY_CREDIT.search(text) or P.DECK_NOT.search(text):
        return False
    return not _repeats(title.text, text)


def _as_line(s: Segment, line: str) -> Segment:
    """Block ``s`` cut to one of its lines, with what :func:`is_deck` reads: the line's text,
    words and sentences; the block's markup, label and link density."""
    return Segment(
        text=line, source="", near_cues=s.near_cues, heading=s.heading, label=s.label,
        link_density=s.link_density, words=word_count(line), sentences=sentence_count(line),
    )


def line_deck(s: Segment, headline: str) -> str | None:
    """The deck in the headline's own block ``s`` where the headline is its line ``headline`` (an
    ``h1`` of two ``<br>`` parts: "USC has weakness for Illini duo" over "Option attack with
    Williams, Mendenhall ..."): the line right after it, where it reads as a deck (:func:`is_deck`,
    the block's markup being the headline's own)."""
    headline = headline.strip()
    lines = [ln.strip() for ln in s.text.split("\n") if ln.strip()]
    at = lines.index(headline) if headline in lines else -1
    if at < 0 or at + 1 >= len(lines):
        return None
    deck = lines[at + 1]
    return deck if is_deck(_as_line(s, headline), _as_line(s, deck)) else None


class Deck:
    """Names the headline's deck (``Doc.meta.subtitle``); labels are left as they are."""

    name = "deck"

    def __call__(self, doc: Doc) -> None:
        meta = doc.meta
        meta.subtitle = None
        if doc.kind != "html":
            return
        segs = doc.segments
        t = next((i for i, s in enumerate(segs) if s.is_title), -1)
        if 0 <= t < len(segs) - 1 and is_deck(segs[t], segs[t + 1]):
            meta.subtitle = segs[t + 1].text.strip()
        elif t < 0 and meta.title_line is not None:
            i, line = meta.title_line
            meta.subtitle = line_deck(segs[i], line)
