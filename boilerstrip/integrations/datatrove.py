"""boilerstrip as a datatrove pipeline step (``pip install 'boilerstrip[datatrove]'``).

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from boilerstrip.integrations.datatrove import Boilerstrip, WarcReader
>>> LocalPipelineExecutor(
...     pipeline=[WarcReader("crawl/"), Boilerstrip(), JsonlWriter("out/")], tasks=4
... ).run()

:class:`Boilerstrip` is used like datatrove's own extractors (``Trafilatura``, ...): each
:class:`~datatrove.data.Document` comes in with HTML (or a plain-text page) in ``text`` and
leaves with the article text in ``text`` and ``title``, ``comments``, ``captions`` (and, unless
``labels=False``, ``labels``: every block with its label and score) in ``metadata``. Documents
with no article text are dropped, as datatrove's extractors do. It works after any reader,
datatrove's own ``WarcReader`` included.

:class:`WarcReader` reads WARC files with FastWARC and decodes each page the way
:func:`boilerstrip.extract` does (the HTTP ``Content-Type`` charset first, then the page's own
declaration, then detection), so the pipeline gives exactly the texts of
``boilerstrip crawl.warc.gz``. datatrove's own ``WarcReader`` decodes as UTF-8 or by ``cchardet``
guess, which can differ on pages in legacy encodings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor
    from datatrove.pipeline.readers.base import BaseDiskReader
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "boilerstrip.integrations.datatrove needs datatrove: pip install 'boilerstrip[datatrove]'"
    ) from exc

from ..batch import article_record, run
from ..decode import decode
from ..pipeline import Kind, extract

if TYPE_CHECKING:
    from datatrove.io import DataFileLike, DataFolderLike

__all__ = ["Boilerstrip", "WarcReader"]


_Payload = tuple[str, str | None, Kind, int | None, bool, bool]
"""(page, url, kind, max_bytes, labels, captions_in_text): what a worker needs for one document."""


def _extract_document(payload: _Payload) -> dict[str, Any]:
    raw, url, kind, max_bytes, labels, captions_in_text = payload
    article = extract(raw, url=url, kind=kind, max_bytes=max_bytes)
    return article_record(article, labels=labels, captions_in_text=captions_in_text)


class Boilerstrip(BaseExtractor):  # type: ignore[misc]  # datatrove ships no type information
    """Extract the article of each document: ``text`` replaced, the rest in ``metadata``.

    Args:
        timeout: seconds per document (``None``: no limit). With a timeout the documents are
            extracted in a separate worker process, which is killed and replaced when a document
            runs past it (even inside C code); the document is then dropped and counted as
            ``timeout``. Documents that make extraction fail are dropped and counted as
            ``clean_error``, as in datatrove's extractors.
        workers: worker processes per datatrove task (default 1: datatrove parallelises across
            tasks). ``0`` extracts in the task's own process and ignores ``timeout``.
        kind: ``"auto"``, ``"html"`` or ``"text"``, passed to :func:`boilerstrip.extract`.
        max_bytes: cut longer pages (``metadata["truncated"]`` is then ``True``).
        labels: keep every block with its label and score in ``metadata["labels"]``.
        captions_in_text: the document's text with the photo captions where they sit
            (:meth:`boilerstrip.Article.text_with`); they stay listed in ``metadata["captions"]``.
        keep_empty: keep documents whose article text is empty (dropped by default).
    """

    name = "✂ boilerstrip"

    def __init__(
        self,
        timeout: float | None = 10.0,
        *,
        workers: int = 1,
        kind: Kind = "auto",
        max_bytes: int | None = None,
        labels: bool = True,
        captions_in_text: bool = False,
        keep_empty: bool = False,
    ) -> None:
        super().__init__(timeout)
        self.workers = workers
        self.kind: Kind = kind
        self.max_bytes = max_bytes
        self.labels = labels
        self.captions_in_text = captions_in_text
        self.keep_empty = keep_empty

    def extract(self, text: str) -> str:
        """The article text of one page (datatrove's extractor interface)."""
        article = extract(text, kind=self.kind, max_bytes=self.max_bytes)
        return article.text_with(captions=True) if self.captions_in_text else article.text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if data is None:
            return

        def items() -> Iterator[tuple[Document, _Payload]]:
            for doc in data:
                self.stat_update(StatHints.total)
                url = doc.metadata.get("url")
                yield (
                    doc,
                    (
                        doc.text,
                        url if isinstance(url, str) else None,
                        self.kind,
                        self.max_bytes,
                        self.labels,
                        self.captions_in_text,
                    ),
                )

        timeout = self.timeout if self.workers > 0 else None
        for doc, outcome in run(_extract_document, items(), workers=self.workers, timeout=timeout):
            self.stats.time_stats.update(outcome.seconds)
            if outcome.status != "ok" or outcome.value is None:
                self.stat_update(_STAT[outcome.status])
                continue
            self.stat_update("extracted")
            fields = outcome.value
            doc.text = fields.pop("text")
            doc.metadata.update(fields)
            if doc.text or self.keep_empty:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)


_STAT = {"error": "clean_error", "timeout": "timeout", "crashed": "broken_process"}
"""Outcome status -> the stat name datatrove's extractors use for it."""


class WarcReader(BaseDiskReader):  # type: ignore[misc]  # datatrove ships no type information
    """Read the HTML responses of WARC files (FastWARC) into Documents, decoded as boilerstrip does.

    Each document has the page as text, the ``WARC-Record-ID`` as id, and ``url``, ``date``
    (``WARC-Date``), ``encoding`` (the one used) and ``offset`` (of the record in its file) in
    metadata. Non-2xx responses and non-HTML payloads are skipped. The other arguments are those of
    datatrove's readers (``glob_pattern``, ``limit``, ``skip``, ``default_metadata``, ...).
    """

    name = "🕷 Warc (boilerstrip)"

    def __init__(
        self,
        data_folder: DataFolderLike,
        paths_file: DataFileLike | None = None,
        limit: int = -1,
        skip: int = 0,
        file_progress: bool = False,
        doc_progress: bool = False,
        adapter: Any = None,
        text_key: str = "text",
        id_key: str = "id",
        default_metadata: dict[str, Any] | None = None,
        recursive: bool = True,
        glob_pattern: str | None = None,
        shuffle_files: bool = False,
    ) -> None:
        super().__init__(
            data_folder,
            paths_file,
            limit,
            skip,
            file_progress,
            doc_progress,
            adapter,
            text_key,
            id_key,
            default_metadata,
            recursive,
            glob_pattern,
            shuffle_files,
        )

    def read_file(self, filepath: str) -> DocumentsPipeline:
        from ..warc import iter_records

        with self.data_folder.open(filepath, "rb") as fh:
            for i, rec in enumerate(iter_records(fh)):
                with self.track_time():
                    decoded = decode(rec.payload, transport=rec.charset)
                    document = self.get_document_from_dict(
                        {
                            "text": decoded.text,
                            "id": rec.record_id or f"{filepath}@{rec.offset}",
                            "url": rec.url,
                            "date": rec.date,
                            "encoding": decoded.encoding,
                            "offset": rec.offset,
                        },
                        filepath,
                        i,
                    )
                if document:
                    yield document
