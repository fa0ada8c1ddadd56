"""Internal working types: a :class:`Segment` per block and the :class:`Doc` they belong to.

The segmenters create segments, :mod:`boilerstrip.features` fills their features, the classifiers
set their labels and scores, and :mod:`boilerstrip.assemble` turns them into public
:class:`~boilerstrip.types.Block` objects. Nothing here is public API.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .budget import Budget
from .types import Label


@dataclass(slots=True, eq=False)
class Segment:
    """One block while it goes through the pipeline (mutable, with features).

    Where the compiled helpers are built, the segmenters make ``boilerstrip._speedups.Segment``
    records instead: the same fields in the same order with the same defaults, read and written
    by name the same way, with the numbers and flags held as C numbers (half the memory of a page
    of blocks). A float field of that form reads back a float when written an int, and a bool field
    takes only ``True`` or ``False``. Code here treats the two alike.
    """

    text: str
    source: str
    # --- markup (HTML) or layout (text) properties, set by the segmenter ---
    tag: str = ""
    """Tag of the block element (``p``, ``li``, ``h2``, ...); ``"line"`` for text input."""
    frame: int = -1
    """Index of the block's element in :attr:`Doc.parent` (HTML only)."""
    cues: int = 0
    """Bitmask of :mod:`boilerstrip.patterns` cue flags of the element and all its ancestors."""
    near_cues: int = 0
    """Cue flags of the element and its nearest few ancestors only (local context)."""
    link_chars: int = 0
    heading: int = 0
    """1..6 for ``h1``..``h6`` (or a heading-like line in text), else 0."""
    list_item: bool = False
    image_before: bool = False
    """An image (or figure) came between the previous block and this one."""
    depth: int = 0
    line_start: int = 0
    line_end: int = 0
    indent: int = 0
    bullet: str = ""
    blank_before: bool = True
    blank_after: bool = True
    # --- features, set by boilerstrip.features ---
    chars: int = 0
    words: float = 0.0
    """Word count; CJK and Thai characters count as a fraction of a word each."""
    link_density: float = 0.0
    stop_density: float = 0.0
    punct_end: bool = False
    sentences: int = 0
    line_flags: int = -1
    """Bits of the line patterns the text matches (:func:`boilerstrip.features.line_flags`; -1 until
    asked for)."""
    # --- intermediate results of the classifiers ---
    cf: int = 0
    """Context-free class from :mod:`boilerstrip.classify.density` (BAD, SHORT, NEARGOOD, GOOD)."""
    in_region: bool = False
    """Inside the main content region found by :mod:`boilerstrip.classify.region`."""
    p_article: float = -1.0
    """Probability of being article text from the learned classifier (-1 when it did not run)."""
    # --- outputs, set by the classifiers ---
    label: Label | None = None
    score: float = 0.5
    by: str = ""
    """Name of the classifier that last set the label (for debugging and tests)."""
    is_title: bool = False
    comment: int | None = None
    comment_meta: bool = False
    """Block is a comment's author/date/number line, not its words."""


@dataclass(slots=True)
class Meta:
    """Page-level metadata found while segmenting."""

    title: str | None = None
    """Content of ``<title>``."""
    og_title: str | None = None
    ld_headline: str | None = None
    h1: list[str] = field(default_factory=list)
    lang: str | None = None
    stray_title: str | None = None
    """Where the parsed head gave neither ``title`` nor ``og_title``: the ``<title>`` the markup
    holds before ``<body`` (:func:`.segment_html.stray_head_names`), for the headline step only."""
    stray_og_title: str | None = None
    subtitle: str | None = None
    """The headline's deck, named by the deck step (:mod:`.classify.deck`)."""
    title_line: tuple[int, str] | None = None
    """HTML: where the title step chose one line of a block (an ``h1`` whose ``<br>`` parts hold
    the headline and its deck), that block's index and the line; the deck step reads it."""


@dataclass(slots=True, eq=False)
class Doc:
    kind: Literal["html", "text"]
    segments: list[Segment] = field(default_factory=list)
    meta: Meta = field(default_factory=Meta)
    parent: Sequence[int] = field(default_factory=list)
    """HTML: parent frame index of every block-level element seen (-1 for the root)."""
    frame_cues: Sequence[int] = field(default_factory=list)
    """HTML: own cue flags of every frame (same indexing as :attr:`parent`)."""
    thread_blocks: list[int] = field(default_factory=list)
    """HTML: indices of the blocks in a comment thread the comment step took for a page wrapper
    by its size but that follows the story (set by ``classify.comments.CommentSection``, read by
    the learned step)."""
    truncated: bool = False
    budget: Budget = field(default_factory=lambda: Budget(None))
    """Time budget of the call; long loops check ``budget.over()`` every ``CHECK_EVERY`` steps."""
    sources: Callable[[list[Segment], int], None] | None = None
    """HTML: writes the blocks' element paths as their ``source`` (see :meth:`write_sources`),
    until it has: the HTML segmenter leaves the paths of a page's blocks unwritten (they weigh as
    much as the blocks' texts, and few steps read them)."""

    def write_sources(self, lo: int = 0) -> None:
        """Give the blocks from the ``lo`` th on their sources where they are not written yet
        (HTML: the element paths; every step that reads ``Segment.source`` calls this first). Once
        the first block's is written (``lo`` 0), nothing is left to write."""
        writer = self.sources
        if writer is not None:
            if lo <= 0:
                self.sources = None
            writer(self.segments[lo:] if lo > 0 else self.segments, max(lo, 0))
