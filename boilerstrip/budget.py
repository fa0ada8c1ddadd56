"""The time budget of one :func:`boilerstrip.extract` call.

A :class:`Budget` is a deadline checked between the stages of the pipeline and, every
:data:`CHECK_EVERY` steps, inside its long loops (the parser's feed, the walk over the HTML tree or
the lines of a text, the per-block feature loop). A check is a comparison with ``time.monotonic()``,
so its cost disappears in the work between two checks.

Each stage may use the budget up to its share of it, so that what it has produced can still go
through the stages after it:

* parsing: up to :data:`PARSE_SHARE` (the parser is then closed on what it has read);
* segmenting: up to :data:`COLLECT_SHARE`, and :data:`MAX_BLOCKS` blocks at most (the blocks found
  so far are kept);
* features and classifiers: up to the whole budget. Past it, the steps still to run are skipped and
  blocks not labelled yet are named NAVIGATION, the label of page chrome.

Whenever a check finds its share spent, the :class:`~boilerstrip.types.Article` says
``truncated=True``. The budget bounds the time spent in the pipeline's own loops; one
uninterruptible step (decoding the bytes, one chunk of parsing, one classifier step) can overrun
it by its own duration, which :data:`~boilerstrip.pipeline.DEFAULT_MAX_BYTES` keeps small.
"""

from __future__ import annotations

import math
import time
from typing import Final

CHECK_EVERY: Final = 1024
"""Loop iterations between two clock reads inside the long loops (a power of two)."""
CHECK_MASK: Final = CHECK_EVERY - 1
PARSE_SHARE: Final = 0.25
"""Share of the budget by which parsing must be done."""
COLLECT_SHARE: Final = 0.5
"""Share of the budget by which segmenting must be done (labelling costs about as much again)."""
MAX_BLOCKS: Final = 200_000
"""Blocks collected at most from one page. The longest real pages (forum threads, long lists) have
some ten thousand; a page of a million paragraphs is a data dump, and labelling it would take
seconds and a gigabyte of memory. Past this the page is cut (``truncated=True``)."""


class Budget:
    """A deadline for one call. ``Budget(None)`` never expires and is free to check."""

    __slots__ = ("start", "timeout", "truncated")

    def __init__(self, timeout: float | None, *, start: float | None = None) -> None:
        self.timeout = math.inf if timeout is None else float(timeout)
        self.start = time.monotonic() if start is None else start
        self.truncated = False
        """Set once a check has found its share of the budget spent: the result is truncated."""

    @property
    def limited(self) -> bool:
        """True when there is a deadline at all."""
        return self.timeout != math.inf

    def stop_collecting(self, blocks: int) -> bool:
        """True (and ``truncated`` set) when the segmenter should stop: ``blocks`` collected reach
        :data:`MAX_BLOCKS`, or the segmenting share of the time is spent."""
        if blocks >= MAX_BLOCKS:
            self.truncated = True
            return True
        return self.over(COLLECT_SHARE)

    def over(self, share: float = 1.0) -> bool:
        """True (and ``truncated`` set) once ``share`` of the budget is spent."""
        if self.timeout == math.inf:
            return False
        if time.monotonic() - self.start >= share * self.timeout:
            self.truncated = True
            return True
        return False
