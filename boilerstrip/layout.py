"""Undo side-by-side columns in a text dump, so that each column reads top to bottom.

Text browsers render a table layout as columns printed next to each other: w3m, for one, puts a
page's sidebar to the right of its article, so that every line holds a piece of both. This module
finds such columns and reorders the text.

A *gutter* is a column position x where many lines have a wide gap (``MIN_GAP`` spaces or more, with
text on both sides) covering x and x + 1. For the best gutters of the page, a *band* is a run of
consecutive lines each of which leaves position x blank (or ends before it); a band with enough
two-sided lines is cut at x, and replaced by its left part followed by its right part. Box-drawing
characters (table borders) are blanked out first. Each output line keeps the index of the input line
it came from, so blocks still name their source lines.

The work is linear in the text: a cheap test skips dumps without wide gaps or borders, and each
gutter costs one pass over the lines.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import Final

BOX: Final = (
    "│┃║┆┇┊┋─━═┄┅┈┉┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋"
    "╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫"
)
"""Box-drawing characters: table borders, never content."""
_HAS_BOX: Final = re.compile(f"[{BOX}]")
MIN_GAP: Final = 3
"""Spaces between two pieces of text on a line that can be a gutter (one or two occur in prose)."""
_GAP: Final = re.compile(rf"(?<=\S) {{{MIN_GAP},}}(?=\S)")

MIN_BAND_LINES: Final = 4
"""A band must span at least this many lines (two short lines side by side are more often a form
row or a menu than a layout)."""
MIN_SIDED_LINES: Final = 3
"""Lines of a band that must have text on both sides of its gutter."""
MAX_GUTTERS: Final = 4
"""Gutters tried per page: page layouts have a few columns."""
MAX_WIDTH: Final = 4000
"""Positions beyond this are not looked at (a dump that wide has no columns worth splitting)."""
SNIFF_LINES: Final = 5000
"""Lines looked at to decide whether the dump can have columns at all."""


def _maybe_columns(lines: list[str]) -> bool:
    """Cheap test: borders, or several lines with a wide gap between two pieces of text."""
    head = lines[:SNIFF_LINES]
    if _HAS_BOX.search("\n".join(head)):
        return True
    hits = 0
    gap = _GAP.search
    for line in head:
        if "   " in line and gap(line):  # a gap is MIN_GAP spaces or more
            hits += 1
            if hits >= MIN_BAND_LINES:
                return True
    return False


def _gutter_counts(lines: list[str]) -> list[int]:
    """For every position x, the number of lines with a wide gap covering x and x + 1."""
    diff = [0] * (MAX_WIDTH + 2)
    gaps = _GAP.finditer
    for line in lines:
        if "   " not in line:
            continue  # no run of MIN_GAP spaces: no gap
        for m in gaps(line, 0, MAX_WIDTH):
            a, b = m.start(), m.end() - 1  # x in [a, b) has x and x + 1 inside the gap
            if b > a:
                diff[a] += 1
                diff[b] -= 1
    return list(accumulate(diff[: MAX_WIDTH + 1]))


def _sided(line: str, x: int) -> bool:
    """Line has text on both sides of position x."""
    return len(line) > x + 1 and bool(line[:x].strip()) and bool(line[x + 1 :].strip())


def _free(line: str, x: int) -> bool:
    """Line can be cut at x: it ends before x, or x is blank - inside a wide gap when the line has
    text on both sides (a single space between two words is no gutter)."""
    if len(line) <= x:
        return True
    if line[x] != " ":
        return False
    return not _sided(line, x) or (line[x - 1] == " " and line[x + 1] == " ")


def _bands(
    lines: list[str], x: int, cuts: list[list[int]], lengths: list[int], lefts: list[int]
) -> int:
    """Record a cut at x on every line of every band that qualifies; return how many lines got one.

    ``lengths`` and ``lefts`` are the lines' lengths and the positions of their first non-blank
    characters: the lines are right-stripped, so a line has text on both sides of x (:func:`_sided`)
    when it is longer than x + 1 and its text starts before x, and :func:`_free` follows."""
    n = len(lines)
    x1 = x + 1
    # 0: not free; 1: free, one-sided; 2: free and sided.
    state = [
        1
        if ln <= x
        else 0
        if line[x] != " "
        else 2
        if ln > x1 and left < x and line[x - 1] == " " and line[x1] == " "
        else 0
        if ln > x1 and left < x
        else 1
        for line, ln, left in zip(lines, lengths, lefts, strict=True)
    ]
    if 2 not in state:
        return 0  # no line with text on both sides of x: no band
    done = 0
    i = 0
    while i < n:
        if not state[i]:
            i += 1
            continue
        j = i
        sided = 0
        while j < n:
            st = state[j]
            if not st:
                break
            if st == 2:
                sided += 1
            j += 1
        if j - i >= MIN_BAND_LINES and sided >= MIN_SIDED_LINES:
            for k in range(i, j):
                cuts[k].append(x)
            done += j - i
        i = j
    return done


def split_columns(lines: list[str]) -> list[tuple[str, int]]:
    """The lines in reading order, each with the index of the input line it comes from."""
    if not _maybe_columns(lines):
        return [(line, i) for i, line in enumerate(lines)]
    joined = "\n".join(lines)
    if _HAS_BOX.search(joined):  # borders blanked out (one space for one character)
        clean = [line.rstrip() for line in _HAS_BOX.sub(" ", joined).split("\n")]
    else:
        clean = [line.rstrip() for line in lines]
    lengths = [len(line) for line in clean]
    counts = _gutter_counts(clean)
    lefts = [ln - len(line.lstrip()) for line, ln in zip(clean, lengths, strict=True)]
    cuts: list[list[int]] = [[] for _ in clean]
    used: list[int] = []
    near: set[int] = set()
    """The positions within MIN_GAP * 2 of a gutter used."""
    width = max(lengths, default=0) + 1  # no gap reaches further
    order = sorted((c, x) for x, c in enumerate(counts[:width]) if c >= MIN_SIDED_LINES)
    while order and len(used) < MAX_GUTTERS:
        _, x = order.pop()
        if x in near:
            continue  # the same gutter, one position over
        if _bands(clean, x, cuts, lengths, lefts):
            used.append(x)
            near.update(range(x - MIN_GAP * 2, x + MIN_GAP * 2 + 1))
    if not used:
        return [(line, i) for i, line in enumerate(clean)]
    out: list[tuple[str, int]] = []
    i = 0
    n = len(clean)
    while i < n:
        key = sorted(cuts[i])
        if not key:
            out.append((clean[i], i))
            i += 1
            continue
        # A band: consecutive lines cut at the same places.
        j = i + 1
        while j < n and sorted(cuts[j]) == key:
            j += 1
        edges: list[int | None] = [0, *key, None]
        for c in range(len(edges) - 1):
            a, b = edges[c], edges[c + 1]
            column = [(clean[k][a:b].rstrip(), k) for k in range(i, j)]
            if any(t.strip() for t, _ in column):
                out.extend(column)
                out.append(("", j - 1))
        i = j
    return out
