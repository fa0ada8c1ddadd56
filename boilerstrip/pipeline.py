"""``extract()``: decode, sniff, segment, features, classify, assemble."""

from __future__ import annotations

from typing import Literal

from . import features
from .assemble import assemble
from .classify import run
from .decode import decode
from .document import Doc
from .parse import parse_html
from .segment_html import segment_html
from .segment_text import segment_text
from .sniff import clean, sniff
from .types import Article

Kind = Literal["auto", "html", "text"]
_KINDS = ("auto", "html", "text")


def extract(
    raw: str | bytes,
    *,
    url: str | None = None,
    kind: Kind = "auto",
    charset: str | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Extract the article, title, comments, captions, navigation and footer of a web page.

    ``raw`` is the page as it was fetched: HTML as ``str`` or ``bytes`` (bytes are decoded from their
    BOM, declared charset or a guess), or a plain-text dump of a rendered page. ``kind`` forces the
    input type (``"html"`` or ``"text"``) instead of sniffing it. ``charset`` is the charset of the
    HTTP ``Content-Type`` header, if you have it: for bytes it outranks the page's own declaration
    (a byte-order mark still wins), as in browsers. ``max_bytes`` caps how much of the
    input is read; a longer page is cut and the result has ``truncated=True``.

    Any ``str`` or ``bytes`` gives an :class:`Article` (with empty ``text`` when the page has no
    article); only arguments of the wrong type raise :class:`TypeError`.
    """
    if isinstance(raw, (bytearray, memoryview)):
        raw = bytes(raw)
    if not isinstance(raw, (str, bytes)):
        raise TypeError(f"extract() expects the page as str or bytes, not {type(raw).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if charset is not None and not isinstance(charset, str):
        raise TypeError(f"charset must be a str or None, not {type(charset).__name__}")
    if kind not in _KINDS:
        raise TypeError(f"kind must be one of 'auto', 'html', 'text', not {kind!r}")
    if max_bytes is not None and (not isinstance(max_bytes, int) or isinstance(max_bytes, bool)):
        raise TypeError(f"max_bytes must be an int or None, not {type(max_bytes).__name__}")

    doc, encoding = prepare(raw, kind=kind, charset=charset, max_bytes=max_bytes)
    run(doc)
    return assemble(doc, encoding=encoding, url=url)


def prepare(
    raw: str | bytes, *, kind: Kind = "auto", charset: str | None = None, max_bytes: int | None = None
) -> tuple[Doc, str | None]:
    """Decode, sniff, segment and compute features: the document before classification."""
    truncated = False
    if max_bytes is not None and max_bytes >= 0 and len(raw) > max_bytes:
        raw = raw[:max_bytes]
        truncated = True
    encoding: str | None = None
    if isinstance(raw, bytes):
        decoded = decode(raw, transport=charset)
        text, encoding = decoded.text, decoded.encoding
    else:
        text = raw
    text = clean(text)
    k: Literal["html", "text"] = sniff(text) if kind == "auto" else kind
    doc = Doc(kind=k, truncated=truncated)
    if k == "html":
        root = parse_html(text)
        if root is not None:
            segment_html(root, doc)
    else:
        segment_text(text, doc)
    features.compute(doc)
    return doc, encoding
