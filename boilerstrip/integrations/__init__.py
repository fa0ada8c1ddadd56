"""Plug-ins for data-processing engines. Each lives in its own module and imports its engine, so
``import boilerstrip`` never needs any of them:

* :mod:`boilerstrip.integrations.datatrove`: a datatrove extractor step and a WARC reader
  (``pip install 'boilerstrip[datatrove]'``).

Spark and Ray Data need no plug-in: see ``docs/corpora.md`` and :func:`extract_records`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..batch import article_record
from ..pipeline import Kind, extract

__all__ = ["extract_records"]


def extract_records(
    pages: Iterable[str | bytes | None],
    *,
    urls: Iterable[str | None] | None = None,
    charsets: Iterable[str | None] | None = None,
    kind: Kind = "auto",
    max_bytes: int | None = None,
    labels: bool = False,
    captions_in_text: bool = False,
) -> Iterator[dict[str, Any]]:
    """Extract each page in this process and yield its :func:`~boilerstrip.batch.article_record`
    with ``truncated`` always present and ``"error"`` (``None``, or what went wrong; the other
    fields are then empty), so that every record has the same keys (as columnar batches need).

    The building block for engines that bring their own parallelism: a Spark ``mapPartitions`` or
    a Ray Data ``map_batches`` function calls it on the pages of one partition or batch. A missing
    page (``None``) gives an empty record. ``captions_in_text``: ``text`` is
    :meth:`~boilerstrip.Article.text_with` ``(captions=True)`` (the captions where they sit).
    """
    url_list = iter(urls) if urls is not None else None
    charset_list = iter(charsets) if charsets is not None else None
    for raw in pages:
        url = next(url_list) if url_list is not None else None
        charset = next(charset_list) if charset_list is not None else None
        error: str | None = None
        rec: dict[str, Any] = {
            "title": None, "subtitle": None, "text": "", "comments": [], "captions": []
        }
        if labels:
            rec["labels"] = []
        if raw is not None:
            try:
                article = extract(raw, url=url, kind=kind, charset=charset, max_bytes=max_bytes)
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
            else:
                rec = article_record(
                    article, labels=labels, captions_in_text=captions_in_text
                )
        rec.setdefault("truncated", False)
        rec["error"] = error
        yield rec
