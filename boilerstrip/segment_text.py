"""Segment a plain-text dump of a rendered page into blocks of lines.

A block is one paragraph: a non-blank line, plus the lines that continue it when the dump is wrapped
(a line that reaches near the wrap width continues on the next line unless that line starts a bullet
or is indented differently). Bullets (``•``, ``□``, ``*``, ``-``, ``1.``) are taken off the text and kept as
a feature, as are indentation and the blank lines around the block.
"""

from __future__ import annotations

from typing import Final

from . import patterns as P
from .budget import CHECK_MASK
from .document import Doc, Segment

WRAP_MIN_WIDTH: Final = 40
"""A dump whose lines never exceed this many characters is not treated as wrapped."""
WRAP_MAX_WIDTH: Final = 220
"""Dumps with lines longer than this are unwrapped (one paragraph per line): no joining."""
WRAP_NEAR: Final = 0.75
"""A line at least this share of the wrap width long is taken to continue on the next line."""


def _wrap_width(lengths: list[int]) -> int:
    """Estimate the column at which the dump was wrapped, or 0 when it was not wrapped."""
    longest = sorted(n for n in lengths if n > 0)
    if len(longest) < 5:
        return 0
    # The wrap width is where many lines pile up just below a common maximum.
    top = longest[int(len(longest) * 0.95)]
    if top < WRAP_MIN_WIDTH or longest[-1] > WRAP_MAX_WIDTH:
        return 0
    near = sum(1 for n in longest if n >= top * 0.9)
    return top if near >= max(3, len(longest) // 20) else 0


def segment_text(text: str, doc: Doc) -> None:
    """Fill ``doc.segments`` with one segment per paragraph of ``text``."""
    lines = text.split("\n")
    stripped = [ln.rstrip() for ln in lines]
    width = _wrap_width([len(s) for s in stripped])
    segs = doc.segments
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
        text_col = indent + (m.end() if m else 0)
        prev_len = len(line)
        j = i + 1
        while width and j < n and prev_len >= width * WRAP_NEAR:
            nxt = stripped[j]
            if not nxt.strip():
                break
            nind = len(nxt) - len(nxt.lstrip())
            if P.BULLET.match(nxt) or abs(nind - (text_col if bullet else indent)) > 2:
                break
            parts.append(nxt.strip())
            prev_len = len(nxt)
            j += 1
        blank_before = start == 0 or not stripped[start - 1].strip()
        blank_after = j >= n or not stripped[j].strip()
        segs.append(
            Segment(
                text=" ".join(p for p in parts if p) or line.strip(),
                source=f"lines {start + 1}-{j}" if j - start > 1 else f"lines {start + 1}-{start + 1}",
                tag="line",
                line_start=start + 1,
                line_end=j,
                indent=indent,
                bullet=bullet,
                list_item=bool(bullet),
                blank_before=blank_before,
                blank_after=blank_after,
            )
        )
        i = j
