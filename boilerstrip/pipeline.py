"""``extract()``: decode, sniff, segment, features, classify, assemble."""

from __future__ import annotations

import math
import re
from typing import Final, Literal
from unicodedata import is_normalized, normalize

from . import features
from .assemble import assemble
from .budget import COLLECT_SHARE, MAX_BLOCKS, Budget
from .classify import run
from .decode import decode
from .document import Doc
from .segment_html import segment_page
from .segment_text import segment_text
from .sniff import clean_utf8, sniff
from .types import Article

Kind = Literal["auto", "html", "text"]
_KINDS = ("auto", "html", "text")

DEFAULT_MAX_BYTES: Final = 16 * 1024 * 1024
"""Default cap on the input read: 16 MiB (characters for ``str`` input). Real article pages weigh
a few megabytes at most, even with inline images, fonts and JSON; past this a page is a data dump
whose tail holds no article, and reading it whole costs seconds and gigabytes (libxml2's tree of a
32 MiB page of tiny paragraphs alone takes 2 GB). Pass ``max_bytes=None`` to read everything."""
DEFAULT_TIMEOUT: Final = None
"""No time limit by default: the result then depends on the input alone (not on the machine's load),
and the default ``max_bytes`` already bounds the work to a few seconds."""


def extract(
    raw: str | bytes,
    *,
    url: str | None = None,
    kind: Kind = "auto",
    charset: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    timeout: float | None = DEFAULT_TIMEOUT,
) -> Article:
    """Extract the article, title, comments, captions, navigation and footer of a web page.

    ``raw`` is the page as it was fetched: HTML as ``str`` or ``bytes`` (bytes are decoded from
    their BOM, declared charset or a guess), or a plain-text dump of a rendered page. ``kind``
    forces the input type (``"html"`` or ``"text"``) instead of sniffing it. ``charset`` is the
    charset of the HTTP ``Content-Type`` header, if you have it: for bytes it outranks the page's
    own declaration, as in browsers (a byte-order mark, UTF-16/32 bytes and valid non-ASCII UTF-8
    still win; see :mod:`boilerstrip.decode`).

    Budget: ``max_bytes`` caps how much of the input is read (bytes, or characters for ``str``;
    default :data:`DEFAULT_MAX_BYTES`, ``None`` for no cap); a longer page is cut to its first
    ``max_bytes`` and the result has ``truncated=True``. ``timeout`` (seconds, default ``None``: no
    limit) bounds the time spent: when it runs out, the blocks found so far are labelled as far as
    time allows and returned, with ``truncated=True`` (see :mod:`boilerstrip.budget`).

    Any ``str`` or ``bytes`` gives an :class:`Article` (with empty ``text`` when the page has no
    article); only arguments of the wrong type raise :class:`TypeError` (and a negative
    ``max_bytes`` or a negative or NaN ``timeout`` raise :class:`ValueError`).
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
    if max_bytes is not None:
        if not isinstance(max_bytes, int) or isinstance(max_bytes, bool):
            raise TypeError(f"max_bytes must be an int or None, not {type(max_bytes).__name__}")
        if max_bytes < 0:
            raise ValueError(f"max_bytes must be >= 0 or None, not {max_bytes}")
    if timeout is not None:
        if not isinstance(timeout, (int, float)) or isinstance(timeout, bool):
            raise TypeError(
                f"timeout must be a number of seconds or None, not {type(timeout).__name__}"
            )
        if math.isnan(timeout) or timeout < 0:
            raise ValueError(f"timeout must be >= 0 or None, not {timeout}")
    budget = Budget(timeout)
    doc, encoding = prepare(raw, kind=kind, charset=charset, max_bytes=max_bytes, budget=budget)
    if not budget.over():
        run(doc)
    doc.truncated = doc.truncated or budget.truncated
    return assemble(doc, encoding=encoding, url=url)


SOFT_HYPHEN: Final = "\xad"
"""U+00AD, where a word may break at a line end: invisible elsewhere, and left out of the texts.
Hyphenation plugins put one between every syllable ("Mit\xadtel\xadal\xadter"), which splits the
word for a search tool (a regex ``\\w+`` reads four words) and keeps a quoted phrase from
matching; the page shows "Mittelalter". (Found held out on trafilatura-eval: a German wine
magazine's story extracted whole, its snippets unmatched.)"""
_SHY_ENTITY: Final = re.compile(r"&(?:shy;?|#0*173;?|#x0*ad;?)", re.IGNORECASE)
"""A soft hyphen written as an entity in an all-ASCII page."""


def _nfc(doc: Doc) -> None:
    """The blocks' texts and the page's names in Unicode normal form C (composed characters: "é"
    one code point, not "e" and a combining accent), as annotators' and search tools' text is:
    the same words compare equal whichever form the page was written in; without soft hyphens
    (:data:`SOFT_HYPHEN`). A block's link characters are bounded by its new length."""
    for s in doc.segments:
        t = s.text
        if t.isascii():
            continue
        if SOFT_HYPHEN in t:
            bare = t.replace(SOFT_HYPHEN, "")
            if bare and not bare.isspace():
                t = bare
        if not is_normalized("NFC", t):
            t = normalize("NFC", t)
        if t is not s.text:
            s.text = t
            if s.link_chars > len(t):
                s.link_chars = len(t)
    meta = doc.meta
    meta.title, meta.og_title, meta.ld_headline = (
        _nfc_or_none(meta.title), _nfc_or_none(meta.og_title), _nfc_or_none(meta.ld_headline)
    )
    meta.stray_title = _nfc_or_none(meta.stray_title)
    meta.stray_og_title = _nfc_or_none(meta.stray_og_title)
    meta.h1 = [normalize("NFC", h.replace(SOFT_HYPHEN, "")) for h in meta.h1]


def _nfc_or_none(t: str | None) -> str | None:
    return None if t is None else normalize("NFC", t.replace(SOFT_HYPHEN, ""))


def prepare(
    raw: str | bytes,
    *,
    kind: Kind = "auto",
    charset: str | None = None,
    max_bytes: int | None = None,
    budget: Budget | None = None,
) -> tuple[Doc, str | None]:
    """Decode, sniff, segment and compute features: the document before classification."""
    if budget is None:
        budget = Budget(None)
    truncated = False
    if max_bytes is not None and len(raw) > max_bytes:
        raw = raw[:max_bytes]
        truncated = True
    encoding: str | None = None
    if isinstance(raw, bytes):
        text, encoding = decode(raw, transport=charset)[:2]
    else:
        text = raw
    text, utf8 = clean_utf8(text, raw if isinstance(raw, bytes) else None)
    k: Literal["html", "text"] = sniff(text) if kind == "auto" else kind
    doc = Doc(kind=k, truncated=truncated, budget=budget)
    if k != "html":
        utf8 = None
    if not budget.over(COLLECT_SHARE):
        if k == "html":
            segment_page(text, doc, utf8)
        else:
            segment_text(text, doc)
    ascii_page = text.isascii() and (k != "html" or _SHY_ENTITY.search(text) is None)
    del utf8, text  # (the page's decoded text is not held while the features are computed)
    del doc.segments[MAX_BLOCKS:]  # the segmenters check the cap every CHECK_EVERY steps
    if not ascii_page:
        _nfc(doc)
    if not budget.over():
        features.compute(doc)
    return doc, encoding
