"""A recipe's ingredient list in a text dump is article text.

A dump prints a recipe's ingredients as short lines without a sentence end ("1 teaspoon baking
soda", "2 tablespoons butter"), each a block of its own. Short lines between the story's paragraphs
read to the text model like a menu's entries, and it leaves many of them out. With this step, the
w3m and lynx dumps of dragnet get 201 lines of 26 dumps back, every one of them in the gold (and
trafilatura-eval's recipe pages 181 lines, German ones among them). HTML marks the list up inside
the story and the HTML model keeps it: held out, no dev page leaves a run of three ingredient
lines out near the story, so the step reads dumps only.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import set_label

MAX_INGREDIENT_WORDS: Final = 20
"""An ingredient line has at most this many words ("1 cup fresh basil leaves, washed and dried")."""
MIN_RUN: Final = 3
"""A block is taken where at least this many ingredient lines (itself among them) sit within
:data:`RUN_REACH` blocks of it: one line that opens with "2 large" is a sentence's start, a list
of them is a recipe."""
RUN_REACH: Final = 3
STORY_REACH: Final = 30
"""...and it sits at most this many blocks before the story's first article block or after its
last. The farthest line given back sat 16 blocks from the story on dragnet's dumps, 30 on
trafilatura-eval's (a chefkoch.de recipe); a reach of 60 gives back nothing more on the dev
dumps."""
SCORE: Final = 0.6


def _ingredient(text: str, words: float) -> bool:
    return words <= MAX_INGREDIENT_WORDS and P.INGREDIENT.match(text) is not None


class IngredientLists:
    """Text documents: an unlabelled block that is an ingredient line (:data:`patterns.INGREDIENT`,
    at most :data:`MAX_INGREDIENT_WORDS` words) in a run of :data:`MIN_RUN` such lines near the
    story becomes article."""

    name = "recipes"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "text":
            return
        segs = doc.segments
        article = Label.ARTICLE
        story = [i for i, s in enumerate(segs) if s.label is article]
        if not story:
            return
        hits = [i for i, s in enumerate(segs) if s.text[:1] and _ingredient(s.text, s.words)]
        if len(hits) < MIN_RUN:
            return
        hit = set(hits)
        lo, hi = story[0] - STORY_REACH, story[-1] + STORY_REACH
        for i in hits:
            s = segs[i]
            if s.label is not None or not lo <= i <= hi:
                continue
            near = sum(1 for j in range(i - RUN_REACH, i + RUN_REACH + 1) if j in hit)
            if near >= MIN_RUN:
                set_label(s, article, SCORE, self.name)
