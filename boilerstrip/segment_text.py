"""Segment a plain-text dump of a rendered page into blocks of lines.

A block is one paragraph: a non-blank line, plus the lines that continue it when the dump is
wrapped. Dumps are wrapped at different widths in different places (w3m wraps every table cell at
its own width), so the wrap width is found per neighbourhood of lines: a line continues on the next
one when the next line's first word would not have fitted on it, unless the next line starts a
bullet or is indented like a new paragraph. Bullets (``•``, ``□``, ``*``, ``-``, ``1.``) are taken
off the text and kept as a feature, as are indentation and the blank lines around the block.
"""

from __future__ import annotations

from typing import Any, Final

from . import patterns as P
from .budget import CHECK_MASK
from .compiled import speedups
from .document import Doc, Segment
from .layout import split_columns

WRAP_MIN_WIDTH: Final = 40
"""Text at least this wide is wrapped wherever the next line's first word would not have fitted."""
NARROW_MIN_WIDTH: Final = 16
"""Narrower columns (from NARROW_MIN_WIDTH up to WRAP_MIN_WIDTH: a page's body squeezed into a
table cell of an 80-column dump) are wrapped only where the next line starts in lower case: a
column of menu items has capitalised lines of about the same length too."""
WRAP_MAX_WIDTH: Final = 220
"""Lines longer than this were not wrapped by the dumper (w3m/lynx with a wide -cols)."""
WRAP_WINDOW: Final = 6
"""Lines on each side that make up a line's neighbourhood when finding where it was wrapped (a
table cell or a column of a text dump is wrapped at its own width)."""
WRAP_EVIDENCE: Final = 2
"""Other lines in the neighbourhood that must come within WRAP_CLOSE of its longest line for that
length to count as a wrap width (one long line alone is just a long line)."""
WRAP_CLOSE: Final = 0.9


def _wrap_width(lengths: list[int], indents: list[int], i: int) -> tuple[int, int]:
    """Where line ``i``'s neighbourhood was wrapped: (left margin, width), width 0 when it was not.
    Widths count from the neighbourhood's left margin (a centred column can sit far right)."""
    lo, hi = max(0, i - WRAP_WINDOW), min(len(lengths), i + WRAP_WINDOW + 1)
    base = min((indents[j] for j in range(lo, hi) if lengths[j]), default=0)
    top = max(lengths[lo:hi]) - base
    if top < NARROW_MIN_WIDTH or top > WRAP_MAX_WIDTH:
        return base, 0
    close = top * WRAP_CLOSE + base
    evidence = sum(1 for j in range(lo, hi) if j != i and lengths[j] >= close)
    return base, (top if evidence >= WRAP_EVIDENCE else 0)


def _continues(line: str, nxt: str, lengths: list[int], indents: list[int], i: int) -> bool:
    """Whether line ``i`` was wrapped: the next line's first word would not have fitted on it."""
    if len(line) - indents[i] < NARROW_MIN_WIDTH:
        return False
    base, width = _wrap_width(lengths, indents, i)
    if not width:
        return False
    first = nxt.split(None, 1)[0] if nxt.strip() else ""
    if width < WRAP_MIN_WIDTH:
        if not first[:1].islower():
            return False
    elif len(line) - indents[i] < WRAP_MIN_WIDTH:
        return False  # a short line among wide ones ends its paragraph
    return len(line) - base + 1 + len(first) > width - 1


def segment_text(text: str, doc: Doc) -> None:
    """Fill ``doc.segments`` with one segment per paragraph of ``text``."""
    placed = split_columns(text.split("\n"))
    stripped = [ln.rstrip() for ln, _ in placed]
    origin = [k + 1 for _, k in placed]
    mod = speedups()
    if mod is not None:
        # The compiled helper answers _continues() for every line at once (the same answers).
        wrapped = mod.wraps(
            stripped, NARROW_MIN_WIDTH, WRAP_MIN_WIDTH, WRAP_MAX_WIDTH, WRAP_WINDOW,
            WRAP_EVIDENCE, WRAP_CLOSE,
        )
        lengths = indents = []
    else:
        wrapped = None
        lengths = [len(s) for s in stripped]
        indents = [n - len(s.lstrip()) for n, s in zip(lengths, stripped, strict=True)]
    segs = doc.segments
    if wrapped is not None:
        _compiled_blocks(mod, stripped, wrapped, origin, doc)
        return
    i = 0
    n = len(stripped)
    budget, ticks = doc.budget, 0
    while i < n:
        ticks += 1
        if not ticks & CHECK_MASK and budget.stop_collecting(len(doc.segments)):
            break  # budget (time, block count) spent: keep the blocks found so far
        line = stripped[i]
        if not line.strip():
            i += 1
            continue
        start = i
        indent = len(line) - len(line.lstrip())
        body = line.strip()
        bullet = ""
        m = P.BULLET.match(body) if len(body) < P.MAX_PATTERN_CHARS * 50 else None
        if m:
            bullet = m.group(1)
            body = body[m.end():].strip()
        parts = [body]
        # Continuation lines hang at the bullet's text column, or sit at the paragraph's indent or
        # left of it (a first-line indent); after the first one, they all share its indent.
        cont = indent + (m.end() if m else 0) if bullet else -1
        j = i + 1
        while j < n and (
            wrapped[j - 1]
            if wrapped is not None
            else _continues(stripped[j - 1], stripped[j], lengths, indents, j - 1)
        ):
            nxt = stripped[j]
            if not nxt:
                break
            nind = len(nxt) - len(nxt.lstrip())
            if P.BULLET.match(nxt):
                break
            if cont < 0:
                if nind > indent + 2:
                    break
                cont = nind
            elif abs(nind - cont) > 2:
                break
            parts.append(nxt.strip())
            j += 1
        blank_before = start == 0 or not stripped[start - 1].strip()
        blank_after = j >= n or not stripped[j].strip()
        segs.append(
            Segment(
                text=" ".join(p for p in parts if p) or line.strip(),
                source=f"lines {origin[start]}-{origin[j - 1]}",
                tag="line",
                line_start=origin[start],
                line_end=origin[j - 1],
                indent=indent,
                bullet=bullet,
                list_item=bool(bullet),
                blank_before=blank_before,
                blank_after=blank_after,
            )
        )
        i = j


def _compiled_blocks(
    mod: Any, stripped: list[str], wrapped: bytes, origin: list[int], doc: Doc
) -> None:
    """The loop of :func:`segment_text` in the compiled helper (the same blocks: it calls the same
    bullet pattern and the same budget check)."""
    segs = doc.segments
    blocks = mod.text_blocks(
        stripped, wrapped, P.BULLET.match, doc.budget.stop_collecting, len(segs), CHECK_MASK,
        P.MAX_PATTERN_CHARS * 50,
    )
    for start, j, indent, bullet, text, blank_before, blank_after in blocks:
        a, b = origin[start], origin[j - 1]
        segs.append(
            Segment(
                text=text,
                source=f"lines {a}-{b}",
                tag="line",
                line_start=a,
                line_end=b,
                indent=indent,
                bullet=bullet,
                list_item=bool(bullet),
                blank_before=blank_before,
                blank_after=blank_after,
            )
        )
