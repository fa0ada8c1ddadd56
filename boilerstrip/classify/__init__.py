"""The classifier pipeline: small named steps, run in order over a document's segments.

1. :class:`Density` - context-free class of each block from its text statistics;
2. :class:`CommentSection` - the comment section and its comments;
3. :class:`MainRegion` - the region that holds the article's prose;
4. :class:`ContextLabels` - article or not, from class, region and neighbours;
5. :class:`Captions` - captions and credits at the article;
6. :class:`Title` - the headline;
7. :class:`Chrome` - footer or navigation for everything left.
"""

from __future__ import annotations

from ..document import Doc
from .base import Classifier
from .captions import Captions
from .chrome import Chrome
from .comments import CommentSection
from .context import ContextLabels
from .density import Density
from .region import MainRegion
from .title import Title

PIPELINE: tuple[Classifier, ...] = (
    Density(),
    CommentSection(),
    MainRegion(),
    ContextLabels(),
    Captions(),
    Title(),
    Chrome(),
)


def run(doc: Doc, pipeline: tuple[Classifier, ...] = PIPELINE) -> None:
    for step in pipeline:
        if doc.budget.over():  # time budget spent: unlabelled blocks become NAVIGATION
            break
        step(doc)


__all__ = ["PIPELINE", "Classifier", "run"]
