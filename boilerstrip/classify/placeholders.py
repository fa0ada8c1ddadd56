"""A text dump's placeholders are not article text.

Text browsers write what has no text of its own in square brackets: an image by its alt text or
file name (``[istock_000005897908]``, ``[AP271790885]``), a form field (``[          ]``), a button
(``[Search]``), an ad frame's address. lynx writes a text field as a run of underscores and a
button as ``(BUTTON)``. A block made of nothing else carries no article words, yet
between two article paragraphs the learned context stage tends to keep it (on the w3m dumps of the
dev sets, 380 such blocks were kept as dragnet article and about 24 of them hold a word the gold
holds too, each by chance: "[pumpkin]" beside a recipe). lynx also opens a dump with a line for
the page's ``<link>`` elements ("#publisher alternate alternate"), kept as article on 11 dragnet,
one mozilla-readability and 20 trafilatura-eval dumps.
"""

from __future__ import annotations

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import drop_text_articles, unlabel


def is_placeholder_line(text: str) -> bool:
    """Nothing but bracketed placeholders (``P.DUMP_WIDGET``), lynx's fields, buttons and inline
    frames and w3m's ``embed(<address>)`` for a player (``P.DUMP_FIELD``) and spaces. (A line
    that also holds a word or two - a field's label, a heading with its wiki "[edit]" link - is
    left to the model: on turku-line-quality's Finnish pages, taking such lines off cost 0.013
    clean-line F1 for nothing on the dump sets.)"""
    if "[" not in text and "_" not in text and "(" not in text and "FRAME:" not in text:
        return False
    return not P.DUMP_FIELD.sub("", P.DUMP_WIDGET.sub("", text)).strip()


class Placeholders:
    """Text documents: an article block that is only placeholders (:func:`is_placeholder_line`)
    loses the article label (the later steps make it navigation), and so does a first block that
    is lynx's line for the page's ``<link>`` elements (``P.DUMP_LINK_HEADER``)."""

    name = "placeholders"

    def __call__(self, doc: Doc) -> None:
        if doc.kind == "html":
            return
        drop_text_articles(doc, is_placeholder_line, self.name)
        first = next((s for s in doc.segments if s.text.strip()), None)
        if (
            first is not None
            and first.label is Label.ARTICLE
            and "#" in first.text[:9]
            and P.DUMP_LINK_HEADER.match(first.text)
        ):
            unlabel(first, self.name)
