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
from typing import Final

BOX: Final = (
    "│┃║┆┇┊┋─━═┄┅┈┉┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋"
    "╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫"
)
"""Box-drawing characters: table borders, never content."""
_BLANK_BOX: Final = {ord(c): " " for c in BOX}
_HAS_BOX: Final = re.compile(f"[{BOX}]")
MIN_GAP: Final = 3
"""Spaces between two pieces of text on a line that can be a gutter (one or two occur in prose)."""
_GAP: Final = re.compile(r"(?<=\S) {%d,}(?=\S)" % MIN_GAP)

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
    hits = 0
    for line in lines[:SNIFF_LINES]:
        if _HAS_BOX.search(line):
            return True
        if _GAP.search(line):
            hits += 1
            if hits >= MIN_BAND_LINES:
                return True
    return False


def _gutter_counts(lines: list[str]) -> list[int]:
    """For every position x, the number of lines with a wide gap covering x and x + 1."""
    diff = [0] * (MAX_WIDTH + 2)
    for line in lines:
        for m in _GAP.finditer(line, 0, MAX_WIDTH):
            a, b = m.start(), m.end() - 1  # x in [a, b) has x and x + 1 inside the gap
            if b > a:
                diff[a] += 1
                diff[b] -= 1
    counts = [0] * (MAX_WIDTH + 1)
    run = 0
    for x in range(MAX_WIDTH + 1):
        run += diff[x]
        counts[x] = run
    return counts


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


def _bands(lines: list[str], x: int, cuts: list[list[int]]) -> int:
    """Record a cut at x on every line of every band that qualifies; return how many lines got one."""
    n = len(lines)
    done = 0
    i = 0
    while i < n:
        if not _free(lines[i], x):
            i += 1
            continue
        j = i
        sided = 0
        while j < n and _free(lines[j], x):
            if _sided(lines[j], x):
                sided += 1
            j += 1
        if j - i >= MIN_BAND_LINES and sided >= MIN_SIDED_LINES:
            for k in range(i, j):
                cuts[k].append(x)
            done += j - i
        i = j
    return done


MAX_DEPTH: Final = 4
"""Levels of columns within columns (a page's sidebar beside its body, a table inside the body)."""
MAX_TRIES: Final = 4
"""Gutter positions tried per level before the lines are left as they are."""


def split_columns(lines: list[str]) -> list[tuple[str, int]]:
    """The lines in reading order, each with the index of the input line it comes from."""
    if not _maybe_columns(lines):
        return [(line, i) for i, line in enumerate(lines)]
    clean = [line.translate(_BLANK_BOX).rstrip() for line in lines]
    return _split([(line, i) for i, line in enumerate(clean)], 0)


def _split(lines: list[tuple[str, int]], depth: int) -> list[tuple[str, int]]:
    """Cut ``lines`` at their strongest gutter: each band's left part, then its right part, each
    split again in the same way; the stretches between bands are split on their own."""
    if depth >= MAX_DEPTH or len(lines) < MIN_BAND_LINES:
        return lines
    texts = [t for t, _ in lines]
    counts = _gutter_counts(texts)
    order = sorted(((c, x) for x, c in enumerate(counts) if c >= MIN_SIDED_LINES), reverse=True)
    cuts: list[list[int]] = []
    x = -1
    tried: list[int] = []
    for _, cand in order:
        if len(tried) >= MAX_TRIES:
            break
        if any(abs(cand - u) <= MIN_GAP * 2 for u in tried):
            continue  # the same gutter, one position over
        tried.append(cand)
        cuts = [[] for _ in texts]
        if _bands(texts, cand, cuts):
            x = cand
            break
    if x < 0:
        return lines
    out: list[tuple[str, int]] = []
    n = len(lines)
    i = 0
    while i < n:
        banded = bool(cuts[i])
        j = i
        while j < n and bool(cuts[j]) == banded:
            j += 1
        if not banded:
            out += _split(lines[i:j], depth + 1)
        else:
            left = [(texts[k][:x].rstrip(), lines[k][1]) for k in range(i, j)]
            right = [(texts[k][x:], lines[k][1]) for k in range(i, j)]
            for part in (left, right):
                if any(t.strip() for t, _ in part):
                    out += _split(part, depth + 1)
                    out.append(("", part[-1][1]))
        i = j
    return out
