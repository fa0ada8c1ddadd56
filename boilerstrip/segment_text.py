"""Segment a plain-text dump of a rendered page into blocks of lines.

A block is one paragraph: a non-blank line, plus the lines that continue it when the dump is
wrapped. Dumps are wrapped at different widths in different places (w3m wraps every table cell at
its own width), so the wrap width is found per neighbourhood of lines: a line continues on the next
one when the next line's first word would not have fitted on it, unless the next line starts a
bullet or is indented like a new paragraph. Bullets (``•``, ``□``, ``*``, ``-``, ``1.``) are taken
off the text and kept as a feature, as are indentation and the blank lines around the block.

A dump wrapped page-wide (``w3m -dump -cols 80``) squeezes a page's columns into 20 to 40 columns
each; there (:func:`_rejoin`) a short line continues when the next line starts in lower case and
its first word would not have fitted, and a line continues onto a capitalised word ("cretin John /
Bolton") where a line next to it continues by the ordinary rules: a paragraph, not a menu.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Final

import regex

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
SHORT_SHARE: Final = 0.5
"""A line shorter than WRAP_MIN_WIDTH continues only when it fills at least this share of its
neighbourhood's wrap width and the next line starts in lower case, as in a narrow column: in a
column 42 wide, a line of 36 is a wrapped line; among lines of 200, a line of 36 is not, and a
menu of capitalised items about 40 wide is no paragraph."""
WRAP_MAX_WIDTH: Final = 220
"""Lines longer than this were not wrapped by the dumper (w3m/lynx with a wide -cols)."""
WRAP_WINDOW: Final = 6
"""Lines on each side that make up a line's neighbourhood when finding where it was wrapped (a
table cell or a column of a text dump is wrapped at its own width)."""
WRAP_EVIDENCE: Final = 2
"""Other lines in the neighbourhood that must come within WRAP_CLOSE of its longest line for that
length to count as a wrap width (one long line alone is just a long line)."""
WRAP_CLOSE: Final = 0.9
PAGE_EVIDENCE: Final = 3
"""Lines that must come within WRAP_CLOSE of the page's longest line for the whole dump to count as
wrapped at that width (``w3m -dump`` at 80 columns): then a neighbourhood of a short paragraph, with
too few long lines of its own, is taken as wrapped where it reaches that width too. Chosen on the
w3m-80 renders of the dev sets (python -m benchmarks.evaluate): 5 gave dragnet 0.831, 3 gave 0.835
(2: the same F1 as 3 with more pages of unwrapped dumps touched)."""
WRAPPED_SHORTEST: Final = 6
"""In a dump wrapped page-wide, the shortest line (from its indent) that can continue onto a line
starting in lower case (elsewhere NARROW_MIN_WIDTH): a narrow column wraps before a long word
("resign, then / orchestrated"). The cleaneval-dev w3m-80 F1 is the same within 0.0001 for 1 to 10
(python -m benchmarks.evaluate)."""
PAGE_OVERLONG: Final = 0.1
"""A dump is not wrapped page-wide when its lines longer than WRAP_MAX_WIDTH outnumber this share
of its wrap-evidence lines (an unwrapped dump has many long paragraphs)."""
_WIDE: Final = regex.compile(r"[\p{ea=W}\p{ea=F}]")
"""Characters a terminal shows two columns wide (Chinese, Japanese, Korean, full-width forms): a
dumper wraps at a number of columns, not of characters, and wraps such text between any two of them
(there are no spaces to wrap at)."""


def display_width(line: str) -> int:
    """Columns ``line`` takes on a terminal (a wide character takes two)."""
    if line.isascii():
        return len(line)
    return len(line) + len(_WIDE.findall(line))


_WIDTH_TABLE_CHARS: Final = 0x10000
"""The width table of the compiled line measure covers the Basic Multilingual Plane."""


@lru_cache(maxsize=1)
def _width_table() -> bytes:
    """Per code point below :data:`_WIDTH_TABLE_CHARS`, 2 where :data:`_WIDE` matches it (it takes
    two columns), else 0: the compiled ``display_widths`` measures a line of such characters as
    :func:`display_width` does. Read off the pattern on first use."""
    table = bytearray(_WIDTH_TABLE_CHARS)
    for m in _WIDE.finditer("".join(map(chr, range(_WIDTH_TABLE_CHARS)))):
        table[m.start()] = 2
    return bytes(table)


def _joiner(before: str, after: str) -> str:
    """What goes between two wrapped lines of one paragraph: nothing between two wide characters
    (text without spaces was wrapped mid-sentence), a space otherwise."""
    if before and after and _WIDE.match(before[-1]) and _WIDE.match(after[0]):
        return ""
    return " "


def page_width(lengths: list[int]) -> int:
    """The width the whole dump was wrapped at (absolute columns), 0 when it shows none."""
    fitting = [n for n in lengths if 0 < n <= WRAP_MAX_WIDTH]
    if not fitting:
        return 0
    top = max(fitting)
    if top < WRAP_MIN_WIDTH:
        return 0
    close = top * WRAP_CLOSE
    evidence = sum(1 for n in fitting if n >= close)
    overlong = len(lengths) - len(fitting) - lengths.count(0)
    if evidence < PAGE_EVIDENCE or overlong > evidence * PAGE_OVERLONG:
        return 0
    return top


def _wrap_width(
    lengths: list[int], indents: list[int], i: int, page: int = 0
) -> tuple[int, int]:
    """Where line ``i``'s neighbourhood was wrapped: (left margin, width), width 0 when it was not.
    Widths count from the neighbourhood's left margin (a centred column can sit far right).
    ``page`` is the width the whole dump was wrapped at (:func:`page_width`), 0 if none."""
    lo, hi = max(0, i - WRAP_WINDOW), min(len(lengths), i + WRAP_WINDOW + 1)
    base = min((indents[j] for j in range(lo, hi) if lengths[j]), default=0)
    longest = max(lengths[lo:hi])
    top = longest - base
    if top < NARROW_MIN_WIDTH or top > WRAP_MAX_WIDTH:
        return base, 0
    close = top * WRAP_CLOSE + base
    evidence = sum(1 for j in range(lo, hi) if j != i and lengths[j] >= close)
    if evidence >= WRAP_EVIDENCE:
        return base, top
    if page and page * WRAP_CLOSE <= longest <= page:
        return base, page - base
    return base, 0


def _continues(
    nxt: str,
    lengths: list[int],
    indents: list[int],
    i: int,
    page: int = 0,
    shortest: int = NARROW_MIN_WIDTH,
    case: bool = True,
) -> bool:
    """Whether line ``i`` was wrapped: the next line, ``nxt``, starts with a word that would not
    have fitted on it. ``shortest``: the shortest line that can continue; ``case=False`` drops the
    rules that want the next line to start in lower case (see :func:`_rejoin`)."""
    if lengths[i] - indents[i] < shortest:
        return False
    base, width = _wrap_width(lengths, indents, i, page)
    if not width:
        return False
    first = nxt.split(None, 1)[0] if nxt.strip() else ""
    wide = bool(first) and _WIDE.match(first[0]) is not None
    lower = first[:1].islower() or wide or not case
    if width < WRAP_MIN_WIDTH:
        if not lower:
            return False
    elif lengths[i] - indents[i] < WRAP_MIN_WIDTH and (
        lengths[i] - indents[i] < width * SHORT_SHARE or not lower
    ):
        return False  # a short line among wide ones ends its paragraph
    # The next line's first word would not have fitted (after a space); a wide character can be
    # wrapped on its own, with no space before it.
    need = 2 if wide else 1 + display_width(first)
    return lengths[i] - base + need > width - 1


def _rejoin(
    stripped: list[str],
    lengths: list[int],
    indents: list[int],
    page: int,
    wrapped: bytes,
    wide: bool,
) -> bytes:
    """``wrapped`` (1 where a line continues on the next, by :func:`_continues`) with the wraps of
    a dump wrapped page-wide at ``page`` columns added: a line at least WRAPPED_SHORTEST long that
    :func:`_continues` but for its length; then a line that would continue but for the case of the
    next line's first word, where the line before or after it continues (by the rules above). In
    such a dump a page's columns are 20 to 40 wide, and the rules for narrow columns broke their
    paragraphs at every short line and capitalised word, into fragments the classifier rejects
    (cleaneval-dev, w3m-80: F1 0.774 to 0.800 with the column cut of :func:`layout._overrun`;
    python -m benchmarks.evaluate). A menu's items are capitalised, and no neighbour continues in
    lower case. The dump is wrapped page-wide when ``page`` (:func:`page_width` of the lines, after
    the columns were cut) is not 0, or ``wide`` says so (the lines before the cut showed it: a body
    column cut out of an 80-column dump is 20 to 40 wide, and may leave no line of the page's
    width); ``wrapped`` is returned as it is when it is not."""
    if not (page or wide):
        return wrapped
    n = len(stripped)
    out = bytearray(wrapped)
    for i in range(n - 1):
        if (
            not out[i]
            and lengths[i] - indents[i] < NARROW_MIN_WIDTH
            and _continues(stripped[i + 1], lengths, indents, i, page, WRAPPED_SHORTEST)
        ):
            out[i] = 1
    ruled = bytes(out)
    for i in range(n - 1):
        if (
            not ruled[i]
            and ((i > 0 and ruled[i - 1]) or ruled[i + 1])
            and _continues(stripped[i + 1], lengths, indents, i, page, case=False)
        ):
            out[i] = 1
    return bytes(out)


def _page_wrapped(lines: list[str]) -> bool:
    """Whether the dump's lines were wrapped page-wide (:func:`page_width`)."""
    mod = speedups()
    if mod is not None:
        widths: list[int] = mod.display_widths(lines, display_width, _width_table())[0]
    else:
        widths = [display_width(s) for s in lines]
    return page_width(widths) > 0


UNWRITTEN: Final = ""
"""A text block's ``source`` until :func:`write_sources` writes it."""


def segment_text(text: str, doc: Doc) -> None:
    """Fill ``doc.segments`` with one segment per paragraph of ``text``. Their sources are written
    when asked for (:meth:`.Doc.write_sources`, at assembly: :func:`write_sources`)."""
    first = len(doc.segments)
    _segment_lines(text, doc)
    _strip_dump_marks(doc.segments, first)
    doc.sources = write_sources


def write_sources(segs: list[Segment], lo: int) -> None:
    """The sources of a dump's blocks, ``lines a-b`` (their first and last line, 1-based): written
    when the blocks are assembled (a dump of a million lines holds no million source strings while
    it is classified). In the compiled helper where it is built (``text_sources``: the same
    strings)."""
    mod = speedups()
    if mod is not None:
        mod.text_sources(segs)
        return
    for s in segs:
        s.source = f"lines {s.line_start}-{s.line_end}"


def _strip_dump_marks(segs: list[Segment], first: int) -> None:
    """Marks a dumper adds that are layout, not text: Markdown heading marks (``# Title``,
    html2text) and lynx's link numbers (``[12]rate this``, ``lynx -dump`` without ``-nolist``)."""
    for s in segs[first:]:
        t = s.text
        if t[:1] == "#":
            m = P.MD_HEADING.match(t)
            if m:
                t = t[m.end():]
        if "]" in t and "[" in t:
            t = P.LINK_NUMBER.sub("", t)
        if t is not s.text:
            s.text = t  # never empty: both marks must be followed by text


def _segment_lines(text: str, doc: Doc) -> None:
    seen: list[bool] = []

    def page_wrapped(lines: list[str]) -> bool:
        seen.append(_page_wrapped(lines))
        return seen[-1]

    placed = split_columns(text.split("\n"), page_wrapped)
    wide = any(seen)  # the lines were wrapped page-wide before their columns were cut
    stripped = [ln.rstrip() for ln, _ in placed]
    origin = [k + 1 for _, k in placed]
    del placed
    mod = speedups()
    if mod is not None:
        _compiled_blocks(mod, stripped, origin, doc, wide)
        return
    lengths = [display_width(s) for s in stripped]
    indents = [n - display_width(s.lstrip()) for n, s in zip(lengths, stripped, strict=True)]
    page = page_width(lengths)
    n = len(stripped)
    wrapped = bytes(
        i + 1 < n and _continues(stripped[i + 1], lengths, indents, i, page) for i in range(n)
    )
    wrapped = _rejoin(stripped, lengths, indents, page, wrapped, wide)
    segs = doc.segments
    i = 0
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
        while j < n and wrapped[j - 1]:
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
        joined = parts[0]
        for p in parts[1:]:
            if p:
                joined = joined + _joiner(joined, p) + p if joined else p
        segs.append(
            Segment(
                text=joined or line.strip(),
                source=UNWRITTEN,
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
    mod: Any, stripped: list[str], origin: list[int], doc: Doc, wide: bool = False
) -> None:
    """The loop of :func:`segment_text` in the compiled helper, the same blocks:
    ``display_widths()`` measures the lines as :func:`display_width` does (calling it for the
    non-ASCII ones), ``wraps()`` answers :func:`_continues` for every line at once (then
    :func:`_rejoin` adds the wraps of a dump wrapped page-wide) and
    ``text_blocks()`` forms the paragraphs, calling the same bullet pattern, budget check and
    wide-character test (``_WIDE``: the C code holds no Unicode table) as the loop, and joining the
    lines as :func:`_joiner` does."""
    segs = doc.segments
    lengths, indents = mod.display_widths(stripped, display_width, _width_table())
    page = page_width(lengths)
    wrapped = mod.wraps(
        stripped, lengths, indents, page, _WIDE.match, display_width, NARROW_MIN_WIDTH,
        WRAP_MIN_WIDTH, WRAP_MAX_WIDTH, WRAP_WINDOW, WRAP_EVIDENCE, WRAP_CLOSE, SHORT_SHARE,
    )
    wrapped = _rejoin(stripped, lengths, indents, page, wrapped, wide)
    blocks = mod.text_blocks(
        stripped, wrapped, P.BULLET.match, _WIDE.match, doc.budget.stop_collecting, len(segs),
        CHECK_MASK, P.MAX_PATTERN_CHARS * 50,
    )
    del lengths, indents, wrapped
    segs += mod.text_segments(blocks, origin, mod.Segment, "line", UNWRITTEN)


def _make_segments(
    blocks: list[tuple[int, int, int, str, str, bool, bool]],
    origin: list[int],
    new: Callable[..., Segment],
) -> list[Segment]:
    """The Segments of ``text_blocks()``'s records (the plain-Python form of the compiled helper's
    ``text_segments``, which :func:`_compiled_blocks` calls). Built from the last block back, each
    block's record dropped as its Segment is made: the records and the Segments of a huge dump are
    not all alive at once."""
    made: list[Segment] = []
    while blocks:
        start, j, indent, bullet, text, blank_before, blank_after = blocks.pop()
        a, b = origin[start], origin[j - 1]
        made.append(
            new(
                text,
                UNWRITTEN,
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
    made.reverse()
    return made
