"""boilerstrip: strip boilerplate from web pages.

>>> import boilerstrip
>>> article = boilerstrip.extract(raw_html_or_text)
>>> article.title, article.text, article.comments, article.captions

Every block of the page comes back labelled (:class:`Label`) with a confidence score in
``article.blocks``.
"""

from __future__ import annotations

from .batch import extract_many as extract_many
from .pipeline import extract
from .types import Article, Block, Comment, Label

__version__ = "0.1.0"

__all__ = ["Article", "Block", "Comment", "Label", "__version__", "extract"]
