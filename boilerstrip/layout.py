"""Undo side-by-side columns in a text dump, so that each column reads top to bottom.

Text browsers render a table layout as columns printed next to each other: w3m, for one, puts a
page's sidebar to the right of its article, so that every line holds a piece of both. This module
finds such columns and reorders the text.

A *gutter* is a column position x where many lines have a wide gap (``MIN_GAP`` spaces or more, with
text on both sides) covering x and x + 1. For the strongest gutter that works, a *band* is a run of
consecutive lines each of which leaves position x blank (or ends before it: one blank will do, as
where a left column's text runs up to the gutter); a band with enough lines with text on both sides
of a wide gap at x is cut at x, and replaced by its left part followed by its right part. Each part,
and each stretch of lines between bands, is then split again in the same way (columns within
columns: a sidebar beside the body, a table inside the body), up to :data:`MAX_DEPTH` levels.
Box-drawing characters (table borders) are blanked out first. Each output line keeps the index of
the input line it came from, so blocks still name their source lines.

In a dump wrapped page-wide (``w3m -dump -cols 80``), the columns of a table layout sit one space
apart, and a column filled to its width runs up to the gutter's last position x, with only x + 1
blank before the next column: such a line (:func:`_overrun`) is cut after x, when a line next to it
is cut at x the ordinary way (so that a stray prose line that happens to end a word at x, on its
own among blank lines, is not).

The work is linear in the text: a cheap test skips dumps without wide gaps or borders, and every
level tries at most :data:`MAX_TRIES` gutters, each in one pass over its lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate
from typing import Final

from .compiled import speedups

BOX: Final = (
    "│┃║┆┇┊┋─━═┄┅┈┉┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋"
    "╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫"
)
"""Box-drawing characters: table borders, never content."""
_HAS_BOX: Final = re.compile(f"[{BOX}]")
MIN_GAP: Final = 3
"""Spaces between two pieces of text on a line that can be a gutter (one or two occur in prose)."""
_GAP: Final = re.compile(rf"(?<=\S) {{{MIN_GAP},}}(?=\S)")
_GAP_RUN: Final = " " * MIN_GAP
"""A line without this run of spaces has no gap (the cheap test before :data:`_GAP`)."""

MIN_BAND_LINES: Final = 4
"""A band must span at least this many lines (two short lines side by side are more often a form
row or a menu than a layout)."""
MIN_SIDED_LINES: Final = 3
"""Lines of a band that must have text on both sides of its gutter."""
MAX_TRIES: Final = 4
"""Gutter positions tried per level before the lines are left as they are."""
MAX_DEPTH: Final = 4
"""Levels of columns within columns."""
MAX_WIDTH: Final = 4000
"""Positions beyond this are not looked at (a dump that wide has no columns worth splitting)."""
SNIFF_LINES: Final = 5000
"""Lines looked at to decide whether the dump can have columns at all."""


def _maybe_columns(lines: list[str]) -> bool:
    """Cheap test: borders, or several lines with a wide gap between two pieces of text."""
    mod = speedups()
    if mod is not None:
        return bool(mod.maybe_columns(lines, BOX, SNIFF_LINES, MIN_GAP, MIN_BAND_LINES))
    head = lines[:SNIFF_LINES]
    if _HAS_BOX.search("\n".join(head)):
        return True
    hits = 0
    gap = _GAP.search
    for line in head:
        if _GAP_RUN in line and gap(line):
            hits += 1
            if hits >= MIN_BAND_LINES:
                return True
    return False


def _gutter_counts(lines: list[str], width: int) -> list[int]:
    """For every position x below ``width`` (at most :data:`MAX_WIDTH`), the number of lines with
    a wide gap covering x and x + 1."""
    mod = speedups()
    if mod is not None:
        got: list[int] = mod.gutter_counts(lines, width, MIN_GAP, MAX_WIDTH)
        return got
    width = min(width, MAX_WIDTH)
    diff = [0] * (width + 2)
    gaps = _GAP.finditer
    for line in lines:
        if _GAP_RUN not in line:
            continue  # no gap
        for m in gaps(line, 0, width):
            a, b = m.start(), m.end() - 1  # x in [a, b) has x and x + 1 inside the gap
            if b > a:
                diff[a] += 1
                diff[b] -= 1
    return list(accumulate(diff[: width + 1]))


def _sided(line: str, x: int) -> bool:
    """Line has text on both sides of position x, inside a wide gap (x - 1, x and x + 1 blank)."""
    return (
        len(line) > x + 1
        and line[x - 1 : x + 2] == "   "
        and bool(line[:x].strip())
        and bool(line[x + 1 :].strip())
    )


def _free(line: str, x: int) -> bool:
    """Line can be cut at x: it ends before x, or x is blank. A single space will do inside a band
    (a left column whose text runs up to the gutter); the band needs enough :func:`_sided` lines."""
    return len(line) <= x or line[x] == " "


def _overrun(line: str, x: int) -> bool:
    """Line's left column runs on to x, and x + 1 is blank or the line's end: it can be cut after x
    (in a dump wrapped page-wide, next to a line that is :func:`_free` and not blank). The gutter
    found is the last position x where x and x + 1 are blank on its gap lines, one column before
    the right column; w3m at 80 columns keeps a single space between table cells, so a left column
    filled to its width reaches x (``the gift a headache for the Hot Gadget Videos``: a line of
    the body, then one of the sidebar)."""
    return len(line) > x and line[x] != " " and (len(line) == x + 1 or line[x + 1] == " ")


def _bands(
    lines: list[str],
    x: int,
    cuts: list[list[int]],
    lengths: list[int],
    lefts: list[int],
    overrun: bool = False,
) -> int:
    """Record a cut at x on every line of every band that qualifies; return how many lines got one.

    ``lengths`` and ``lefts`` are the lines' lengths and the positions of their first non-blank
    characters: the lines are right-stripped, so a line has text on both sides of x (:func:`_sided`)
    when it is longer than x + 1, its text starts before x and x - 1 to x + 1 are blank; and
    :func:`_free` follows. With ``overrun`` (a dump wrapped page-wide), a line that is
    :func:`_overrun` at x is free too when a line next to it is free and not blank."""
    n = len(lines)
    x1 = x + 1
    # 0: not free; 1: free, one-sided; 2: free and sided; 3 (below): free as overrun.
    state = [
        1
        if ln <= x
        else 0
        if line[x] != " "
        else 2
        if ln > x1 and left < x and line[x - 1] == " " and line[x1] == " "
        else 1
        for line, ln, left in zip(lines, lengths, lefts, strict=True)
    ]
    if 2 not in state:
        return 0  # no line with text on both sides of x: no band
    if overrun:
        # 3: free as overrun (the neighbours' states are the ordinary ones)
        plain = state[:]
        for k, (st, line, ln) in enumerate(zip(plain, lines, lengths, strict=True)):
            if (
                not st
                and (ln == x1 or line[x1] == " ")
                and (
                    (k > 0 and plain[k - 1] and lengths[k - 1] > 0)
                    or (k + 1 < n and plain[k + 1] and lengths[k + 1] > 0)
                )
            ):
                state[k] = 3
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


def _clean(lines: list[str]) -> list[str]:
    """The lines right-stripped, with the borders blanked out (one space for one character)."""
    mod = speedups()
    if mod is not None:
        got: list[str] = mod.clean_lines(lines, BOX)
        return got
    joined = "\n".join(lines)
    if _HAS_BOX.search(joined):
        return [line.rstrip() for line in _HAS_BOX.sub(" ", joined).split("\n")]
    return [line.rstrip() for line in lines]


def split_columns(
    lines: list[str], wrapped: Callable[[list[str]], bool] | None = None
) -> list[tuple[str, int]]:
    """The lines in reading order, each with the index of the input line it comes from.
    ``wrapped`` tells whether the (right-stripped, border-free) lines were wrapped page-wide: then
    lines that are :func:`_overrun` at a gutter can be cut too."""
    if not _maybe_columns(lines):
        return [(line, i) for i, line in enumerate(lines)]
    clean = _clean(lines)
    overrun = wrapped is not None and wrapped(clean)
    mod = speedups()
    if mod is not None:  # the compiled _split: the same lines
        got: list[tuple[str, int]] = mod.split_columns(
            clean, overrun, MIN_GAP, MIN_BAND_LINES, MIN_SIDED_LINES, MAX_TRIES, MAX_DEPTH,
            MAX_WIDTH,
        )
        return got
    return _split(clean, list(range(len(clean))), 0, overrun)


def _split(
    texts: list[str], src: list[int], depth: int, overrun: bool = False
) -> list[tuple[str, int]]:
    """Cut the (right-stripped) ``texts`` at their strongest gutter that makes a band: each band's
    left part, then its right part, each split again; the stretches between bands are split on
    their own. ``src`` holds the input line index of each text; ``overrun``: see :func:`_bands`
    (a line cut after x gives its right part a blank for the character it keeps on the left, so
    that the right column stays aligned)."""
    if depth >= MAX_DEPTH or len(texts) < MIN_BAND_LINES:
        return list(zip(texts, src, strict=True))
    lengths = [len(t) for t in texts]
    width = max(lengths, default=0) + 1  # no gap reaches further
    counts = _gutter_counts(texts, width)
    order = sorted(((c, x) for x, c in enumerate(counts) if c >= MIN_SIDED_LINES), reverse=True)
    if not order:
        return list(zip(texts, src, strict=True))
    lefts = [ln - len(t.lstrip()) for t, ln in zip(texts, lengths, strict=True)]
    cuts: list[list[int]] = [[] for _ in texts]
    x = -1
    tried: list[int] = []
    for _, cand in order:
        if len(tried) >= MAX_TRIES:
            break
        if any(abs(cand - u) <= MIN_GAP * 2 for u in tried):
            continue  # the same gutter, one position over
        tried.append(cand)
        if _bands(texts, cand, cuts, lengths, lefts, overrun):
            x = cand
            break
    if x < 0:
        return list(zip(texts, src, strict=True))
    out: list[tuple[str, int]] = []
    n = len(texts)
    i = 0
    while i < n:
        banded = bool(cuts[i])
        j = i
        while j < n and bool(cuts[j]) == banded:
            j += 1
        if not banded:
            out += _split(texts[i:j], src[i:j], depth + 1, overrun)
        else:
            band = texts[i:j]
            left = [t[:x].rstrip() if _free(t, x) else t[: x + 1] for t in band]
            right = [t[x:] if _free(t, x) else " " + t[x + 1 :] for t in band]
            for part in (left, right):
                if any(t.strip() for t in part):
                    out += _split(part, src[i:j], depth + 1, overrun)
                    out.append(("", src[j - 1]))
        i = j
    return out
