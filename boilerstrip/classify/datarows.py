"""Rows of a data table in a text dump are not article prose.

Text extractors that keep tables write each row as cells between pipes (``|Korkeushyppy||Duncan
McNaughton||197|``). A row whose cells are all short labels, names or numbers is a table's data -
results, specifications, a record's fields - and reads as written text to nobody; the learned
context stage, seeing it between article paragraphs, tends to keep it. A row with a sentence in a
cell (a forum post quoted into a table layout) stays as the model decided.
"""

from __future__ import annotations

from typing import Final

from ..document import Doc
from .base import drop_text_articles

MIN_CELLS: Final = 2
"""A data row has at least this many non-empty cells (one cell between pipes is a framed line)."""
MAX_CELL_WORDS: Final = 6
"""A data cell holds at most this many words (a label, a name, a date, a figure); a cell with more
is read as prose. turku-line-quality's table rows marked noise have at most 5 words a cell in all
but a handful of cells."""
_SENTENCE_END: Final = (".", "!", "?", "…")


def is_data_row(text: str) -> bool:
    """A pipe-framed table row of short cells, none of which ends a sentence."""
    t = text.strip()
    if len(t) < 3 or t[0] != "|" or t[-1] != "|":
        return False
    cells = [c.strip() for c in t[1:-1].split("|")]
    full = [c for c in cells if c]
    if len(full) < MIN_CELLS:
        return False
    return all(len(c.split()) <= MAX_CELL_WORDS and not c.endswith(_SENTENCE_END) for c in full)


class DataRows:
    """Text documents: a block the learned step made article but which is a table's data row
    (:func:`is_data_row`) loses the article label (the later steps make it navigation)."""

    name = "data-rows"

    def __call__(self, doc: Doc) -> None:
        drop_text_articles(doc, is_data_row, self.name)
