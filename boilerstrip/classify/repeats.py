"""A line that the page repeats ten times or more is its furniture, not its story.

A photo widget prints "Mouseover photo to load notes or add comment" under each of 86 photos
(dragnet R901); a newspaper's front-page gallery prints "Front page appears courtesy of the
Newseum" under each of 25 front pages (R589). Each copy reads like a short sentence, and on a site
it never saw the learned model keeps them all (held out R901 scored 0.31, in-sample 0.97). A story
does not say one sentence ten times.

An article block of at least :data:`MIN_WORDS` words whose text recurs in :data:`MIN_REPEATS`
blocks of the page or more loses the label (the later steps make it navigation or footer), except
inside a table: a data table repeats its cells ("Corey, Sissi, Sara, Tomas" in a column of
cleaneval-dev 28), and its gold keeps them.
"""

from __future__ import annotations

from collections import Counter
from typing import Final

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import unlabel

MIN_REPEATS: Final = 10
"""Copies of one text on a page from which it is furniture. On the dev sets' held-out outputs
(`tools/heldout.py` fold models, seeds 0-2) 5 and 10 take the same two dragnet pages (R901, R589:
+0.0007 to +0.0012 on the set), but 5 also takes lines the golds keep (dragnet R236, R569, R688,
cleaneval-dev 33: -0.003 to -0.011 each); 10 takes none of those."""
MIN_WORDS: Final = 4
"""A shorter repeated text is a label or a cell value ("Self explanatory", "Read more"), which the
other steps judge."""


class RepeatedLines:
    """Article blocks of :data:`MIN_WORDS` words or more whose text the page holds
    :data:`MIN_REPEATS` times or more, outside tables, lose the label."""

    name = "repeats"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        article, table = Label.ARTICLE, P.TABLE
        candidates = [
            s for s in segs if s.label is article and s.words >= MIN_WORDS and not s.cues & table
        ]
        if len(candidates) < MIN_REPEATS:
            return
        counts = Counter(s.text for s in segs if s.words >= MIN_WORDS)
        for s in candidates:
            if counts[s.text] >= MIN_REPEATS:
                unlabel(s, self.name)
