"""Context-free block classes from text statistics alone (the first pass of jusText's idea).

Each block gets one class from its length, link density and function-word density:

* ``BAD``: mostly link text, or long but with too few function words to be running prose;
* ``SHORT``: too short to judge alone (resolved later from its neighbours);
* ``NEARGOOD``: prose-like but short, or long with a borderline function-word density;
* ``GOOD``: long running prose.
"""

from __future__ import annotations

from typing import Final

from ..compiled import speedups
from ..document import Doc, Segment

BAD: Final = 0
SHORT: Final = 1
NEARGOOD: Final = 2
GOOD: Final = 3
CLASS_NAMES: Final = ("bad", "short", "neargood", "good")

# Thresholds: jusText's published defaults (length 70/200 characters, link density 0.2, stopword
# density 0.30/0.32) re-checked on the dragnet and l3s-gn1 dev pages with our function-word lists,
# whose densities on gold paragraphs run a little lower than jusText's longer lists (median 0.38 on
# dragnet gold paragraphs), hence the lower stop thresholds.
LENGTH_LOW: Final = 70
"""Characters below which a block is SHORT."""
LENGTH_HIGH: Final = 200
"""Characters from which a prose-like block is GOOD."""
WORDS_LOW_WIDE: Final = 20.0
"""For scripts without spaces, word-count equivalent of LENGTH_LOW."""
MAX_LINK_DENSITY: Final = 0.33
"""Share of characters inside links above which a block is BAD."""
STOP_LOW: Final = 0.22
STOP_HIGH: Final = 0.28


def classify_block(s: Segment) -> int:
    """The context-free class of one block."""
    if s.link_density > MAX_LINK_DENSITY:
        return BAD
    # CJK text packs more meaning per character: compare in words instead of characters.
    length = s.chars if s.words * 4 <= s.chars * 1.2 or s.chars < 8 else int(s.words * 5.5)
    if length < LENGTH_LOW:
        return BAD if s.link_density > 0 else SHORT
    if s.stop_density >= STOP_HIGH:
        return GOOD if length >= LENGTH_HIGH else NEARGOOD
    if s.stop_density >= STOP_LOW:
        return NEARGOOD
    # Few function words: lists of names, tables of figures, menus - unless it reads as sentences.
    if length >= LENGTH_HIGH and s.punct_end and s.sentences >= 2:
        return NEARGOOD
    return BAD


CONSTS: Final = (
    MAX_LINK_DENSITY, LENGTH_LOW, LENGTH_HIGH, STOP_LOW, STOP_HIGH, BAD, SHORT, NEARGOOD, GOOD
)
"""What the compiled form of :func:`classify_block` is given (``_speedups.density_classes``)."""


class Density:
    """Set ``Segment.cf`` for every block (in the compiled helper where it is built: the same
    classes)."""

    name = "density"

    def __call__(self, doc: Doc) -> None:
        mod = speedups()
        if mod is not None:
            mod.density_classes(doc.segments, CONSTS)
            return
        for s in doc.segments:
            s.cf = classify_block(s)
