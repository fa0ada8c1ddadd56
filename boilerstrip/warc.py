"""Read the HTML responses of WARC archives (``.warc``, ``.warc.gz``; needs the ``warc`` extra).

>>> from boilerstrip import extract_many
>>> from boilerstrip.warc import iter_warc
>>> for result in extract_many(iter_warc("CC-MAIN-...warc.gz"), timeout=30):
...     print(result.url, result.date, result.article.title if result.ok else result.error)

Each HTML response becomes a :class:`~boilerstrip.batch.Page` whose ``raw`` is the HTTP payload
(bytes, with chunked transfer coding and gzip/deflate/brotli content codings undone), ``charset``
the charset of the HTTP ``Content-Type`` header (which :func:`~boilerstrip.extract` ranks above
the page's own declaration), ``url`` the ``WARC-Target-URI``, ``date`` the ``WARC-Date``, and
``key`` ``"<file>@<offset>"``: the byte offset of the record in the (compressed) file, which is what
Common Crawl's index gives and what a reader needs to seek to it.

Reading is done by FastWARC, imported on first use so that ``import boilerstrip`` never needs it.
"""

from __future__ import annotations

import contextlib
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, BinaryIO, Final

from .batch import Page

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

__all__ = ["HTML_TYPES", "WarcResponse", "is_warc", "iter_records", "iter_warc"]

HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
"""Media types read as pages by default."""

WARC_SUFFIXES: Final = (".warc", ".warc.gz", ".warc.zst", ".warc.lz4", ".arc.gz")

_CHARSET = re.compile(r"""charset\s*=\s*["']?([^"';\s]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WarcResponse:
    """One HTTP response record of a WARC file."""

    payload: bytes
    url: str | None
    date: str | None
    """``WARC-Date`` as written in the record (ISO 8601, UTC)."""
    record_id: str | None
    offset: int
    """Byte offset of the record in the file (in the compressed stream for ``.gz``)."""
    status: int | None
    """HTTP status code."""
    content_type: str | None
    """HTTP media type, lower case, without parameters."""
    charset: str | None
    """``charset`` parameter of the HTTP ``Content-Type``, as written."""


class _StreamAdapter:
    """A non-seekable binary stream (a pipe, stdin) as FastWARC wants it: ``tell()`` counts."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._pos = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size) if size is not None and size >= 0 else self._stream.read()
        self._pos += len(data)
        return data

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = 0) -> int:
        if (whence == 1 and offset == 0) or (whence == 0 and offset == self._pos):
            return self._pos
        raise OSError(29, "Illegal seek")

    def close(self) -> None:
        pass


def _media_type(value: str | None) -> str | None:
    if not value:
        return None
    return value.split(";", 1)[0].strip().lower() or None


def _looks_like_html(payload: bytes) -> bool:
    head = payload[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<?xml"))


MAX_DECODED: Final = 64 << 20
"""Cap on a decompressed payload (bytes), against compression bombs."""


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    pos = 0
    while pos < len(body):
        eol = body.find(b"\r\n", pos)
        if eol < 0:
            raise ValueError("chunk size line without end")
        size = int(body[pos:eol].split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            break
        out += body[eol + 2 : eol + 2 + size]
        pos = eol + 2 + size + 2
    return bytes(out)


def _inflate(body: bytes, coding: str) -> bytes:
    if coding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_DECODED)
    if coding == "deflate":
        try:
            return zlib.decompressobj().decompress(body, MAX_DECODED)
        except zlib.error:  # raw deflate, as some servers send it
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, MAX_DECODED)
    if coding == "br":
        import brotli

        return bytes(brotli.decompress(body))
    raise ValueError(f"unknown content coding {coding!r}")


def decode_payload(
    body: bytes, transfer_encoding: str | None, content_encoding: str | None
) -> bytes:
    """Undo the HTTP transfer coding (chunked) and content codings (gzip, deflate, and br when the
    ``brotli`` module is installed) of a payload. A coding that does not decode is left alone: some
    archives keep the header but store the payload decoded."""
    if transfer_encoding and "chunked" in transfer_encoding.lower():
        with contextlib.suppress(ValueError):
            body = _dechunk(body)
    if content_encoding:
        for coding in reversed([c.strip().lower() for c in content_encoding.split(",")]):
            if coding in ("", "identity"):
                continue
            try:
                body = _inflate(body, coding)
            except Exception:  # zlib.error, ValueError, ImportError, brotli.error
                break
    return body


def _response(
    record: WarcRecord, types: frozenset[str] | None, ok_only: bool
) -> WarcResponse | None:
    http = record.http_headers
    status = http.status_code if http is not None else None
    if ok_only and status is not None and not 200 <= status < 300:
        return None
    content_type_header = http.get("Content-Type") if http is not None else None
    media = _media_type(content_type_header)
    payload = record.reader.read()
    if http is not None:
        payload = decode_payload(
            payload, http.get("Transfer-Encoding"), http.get("Content-Encoding")
        )
    if types is not None:
        identified = _media_type(record.headers.get("WARC-Identified-Payload-Type"))
        if media is not None or identified is not None:
            if media not in types and identified not in types:
                return None
        elif not _looks_like_html(payload):
            return None
    charset = None
    if content_type_header:
        m = _CHARSET.search(content_type_header)
        charset = m.group(1) if m else None
    return WarcResponse(
        payload=payload,
        url=record.headers.get("WARC-Target-URI"),
        date=record.headers.get("WARC-Date"),
        record_id=record.record_id,
        offset=record.stream_pos,
        status=status,
        content_type=media,
        charset=charset,
    )


def iter_records(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    types: frozenset[str] | set[str] | None = HTML_TYPES,
    ok_only: bool = True,
) -> Iterator[WarcResponse]:
    """Yield the HTTP responses of a WARC file (path, URL that fsspec opens, or binary stream).

    ``types``: HTTP media types to keep (``None`` keeps every response); a response without a
    ``Content-Type`` is judged by ``WARC-Identified-Payload-Type``, else by whether it starts like
    HTML. ``ok_only``: keep only 2xx responses (redirects and error pages are all boilerplate).
    Gzip, zstd and lz4 compression are detected from the data. A damaged file raises
    :class:`OSError` where the damage is.
    """
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            "reading WARC files needs FastWARC: pip install 'boilerstrip[warc]'"
        ) from exc
    if isinstance(source, (str, os.PathLike)):
        stream: str | BinaryIO | _StreamAdapter = os.fspath(source)
    else:
        try:
            source.seek(source.tell())
            stream = source
        except (OSError, AttributeError, ValueError):
            stream = _StreamAdapter(source)
    keep = frozenset(t.lower() for t in types) if types is not None else None
    try:
        records = ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True)
        for record in records:
            response = _response(record, keep, ok_only)
            if response is not None:
                yield response
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # FastWARC reports some damage as a Rust panic (a BaseException)
        if isinstance(exc, OSError):
            raise
        raise OSError(f"cannot read WARC: {exc}") from exc


def iter_warc(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
    types: frozenset[str] | set[str] | None = HTML_TYPES,
    ok_only: bool = True,
) -> Iterator[Page]:
    """Yield the HTML responses of a WARC file as :class:`~boilerstrip.batch.Page` objects, ready
    for :func:`~boilerstrip.extract_many`. ``name`` prefixes the keys (default: the path, or
    ``-``)."""
    if name is None:
        name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else "-"
    for r in iter_records(source, types=types, ok_only=ok_only):
        yield Page(r.payload, key=f"{name}@{r.offset}", url=r.url, charset=r.charset, date=r.date)


def is_warc(path: str | os.PathLike[str]) -> bool:
    """True for a file named like a WARC, or whose first bytes are a (gzipped) WARC header."""
    p = os.fspath(path)
    if p.lower().endswith(WARC_SUFFIXES):
        return True
    try:
        with open(p, "rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        return False
    return sniff_warc(head)


def sniff_warc(head: bytes) -> bool:
    """True if ``head`` (the first bytes of a stream) starts a WARC file, plain or gzipped."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        import zlib

        try:
            plain = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
        return plain.startswith(b"WARC/")
    return False
