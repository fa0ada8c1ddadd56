"""What every classifier is: a named callable that reads and sets segment labels and scores."""

from __future__ import annotations

from collections.abc import Callable
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


def drop_text_articles(doc: Doc, test: Callable[[str], bool], by: str) -> None:
    """Text documents: the ARTICLE blocks whose text passes ``test`` lose the label (the later
    steps make them navigation); HTML documents are left as they are."""
    if doc.kind == "html":
        return
    for s in doc.segments:
        if s.label is Label.ARTICLE and test(s.text):
            s.label = None
            s.score = 0.0
            s.by = by
