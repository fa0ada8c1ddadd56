"""What every classifier is: a named callable that reads and sets segment labels and scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from ..document import Doc, Segment
from ..types import Label


class Classifier(Protocol):
    """One step of the pipeline. ``name`` is recorded on the segments it labels (``Segment.by``)."""

    name: str

    def __call__(self, doc: Doc) -> None: ...


def set_label(seg: Segment, label: Label, score: float, by: str) -> None:
    """Give ``seg`` a label with a confidence ``score`` (clamped to 0..1)."""
    seg.label = label
    seg.score = 0.0 if score < 0.0 else 1.0 if score > 1.0 else score
    seg.by = by


def unlabel(seg: Segment, by: str) -> None:
    """Take ``seg``'s label away (the later steps make it navigation or footer); it is no one's
    comment either."""
    seg.label = None
    seg.score = 0.0
    seg.by = by
    seg.comment = None
    seg.comment_meta = False


def drop_text_articles(doc: Doc, test: Callable[[str], bool], by: str) -> None:
    """Text documents: the ARTICLE blocks whose text passes ``test`` lose the label (the later
    steps make them navigation); HTML documents are left as they are."""
    if doc.kind == "html":
        return
    for s in doc.segments:
        if s.label is Label.ARTICLE and test(s.text):
            unlabel(s, by)


def marked_frames(parent: Sequence[int], cues: Sequence[int], mark: int) -> bytearray:
    """Per frame (the element of a block): 1 where it or an ancestor has ``mark`` in its own cues.
    A frame's parent comes before it, so one pass in frame order suffices."""
    out = bytearray(len(parent))
    for f, p in enumerate(parent):
        if cues[f] & mark or (p >= 0 and out[p]):
            out[f] = 1
    return out


def frames_under(parent: Sequence[int], root: int) -> bytearray:
    """Per frame: 1 where it is ``root`` or inside it (one pass in frame order, as
    :func:`marked_frames`: a frame's parent comes before it)."""
    out = bytearray(len(parent))
    if root < 0:
        return out
    out[root] = 1
    for f in range(root + 1, len(parent)):
        p = parent[f]
        if p >= root and out[p]:
            out[f] = 1
    return out


def ancestors(parent: Sequence[int], frame: int) -> list[int]:
    """``frame`` and the frames holding it, innermost first."""
    out = []
    while frame >= 0:
        out.append(frame)
        frame = parent[frame]
    return out


def common_ancestor(parent: Sequence[int], frames: Sequence[int]) -> int:
    """The lowest element holding every one of ``frames`` (-1 for none but the root). Each frame
    walks up only until it meets the chain found so far."""
    chain = ancestors(parent, frames[0])
    at = {a: k for k, a in enumerate(chain)}
    low = 0  # the chain's lowest frame that holds every frame seen
    for f in frames[1:]:
        while f >= 0 and f not in at:
            f = parent[f]
        if f < 0:
            return -1
        low = max(low, at[f])
    return chain[low]


def drop_marked_articles(doc: Doc, mark: int, min_outside: float, by: str) -> None:
    """The ARTICLE blocks whose element or an ancestor carries ``mark`` in its own cues (not only
    an inline child: a hidden ``span`` in a paragraph leaves the paragraph shown) lose the label,
    where the other ARTICLE blocks hold at least ``min_outside`` words
    (:func:`drop_enclosed_articles`)."""
    segs = doc.segments
    article = Label.ARTICLE
    # (a block's cues hold its element's, its ancestors' and its inline elements': a page without
    # the mark in any article block's cues has nothing to do)
    if not any(s.label is article and s.cues & mark for s in segs):
        return
    marked = marked_frames(doc.parent, doc.frame_cues, mark)
    drop_enclosed_articles(
        segs, lambda s: bool(s.cues & mark) and s.frame >= 0 and bool(marked[s.frame]),
        min_outside, by,
    )


def drop_enclosed_articles(
    segs: Sequence[Segment], inside: Callable[[Segment], bool], min_outside: float, by: str
) -> None:
    """The ARTICLE blocks for which ``inside`` holds (they sit in an element that is not the
    story's) lose the label, where the other ARTICLE blocks hold at least ``min_outside`` words: a
    page whose whole article sits in such an element keeps it."""
    article = Label.ARTICLE
    enclosed: list[Segment] = []
    outside_words = 0.0
    for s in segs:
        if s.label is not article:
            continue
        if inside(s):
            enclosed.append(s)
        else:
            outside_words += s.words
    if not enclosed or outside_words < min_outside:
        return
    for s in enclosed:
        unlabel(s, by)
