"""Tell HTML from plain text, and clean text of characters no parser should see."""

from __future__ import annotations

import re
from typing import Final, Literal

SNIFF_CHARS: Final = 64 * 1024
"""How much of the page to look at."""
MIN_TAGS: Final = 3
"""Known HTML tags needed in the sniffed prefix to call a page HTML (a text dump may quote one)."""
MIN_TAG_SHARE: Final = 0.02
"""... and the share of the prefix's characters (spaces aside) they take, with a closing tag among
them. A text dump quotes markup where a blog's comment form lists the tags a comment may hold
("You may use these HTML tags and attributes: <a href="" title=""> <abbr title=""> <b> ...",
"Allowed HTML <a href="URL"> <em> <cite> <i> <strong> ..."): one line of opening tags in a page
of text. Of the dev sets' w3m and lynx dumps, 306 of 7,554 held 3 tags or more (4 %), 237 with no
closing tag; of their 2,518 HTML pages, the 77 that do not start like HTML hold 25 closing tags
or more and tags take 4.4 % of their characters or more (``benchmarks.evaluate``'s sniffing
figures)."""
BARE_TAG_SHARE: Final = 0.25
"""Markup without a closing tag (lines split by ``<br>``, paragraphs opened by ``<p>`` alone) is
HTML where its tags take this share of the characters: no text quotes that much markup."""

_START: Final = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^<>]{0,500}>\s*<(?:!doctype|html))", re.I
)
MARKUP_TAG: Final = re.compile(
    r"</?(?:html|head|body|div|p|span|a|table|tr|td|br|li|ul|ol|script|style|meta|title|h[1-6]|"
    r"img|link|section|article|nav|header|footer|form|input|iframe|b|i|em|strong|font|center)\b[^<>]{0,2000}>",
    re.I,
)
"""A tag of the common HTML elements, as markup or as markup written out as text."""
_SPACES: Final = (" ", "\n", "\t", "\r")
_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]+")
"""C0 controls other than tab, line feed and carriage return (C1 controls are left alone: they are
what a misdeclared windows-1252 page shows, and the text stays readable around them)."""
_NOT_CONTROL: Final = bytes(b for b in range(256) if b in (9, 10, 13) or b > 0x1F)
"""Every byte but those of :data:`_CONTROL`: deleting them from the UTF-8 bytes of a text leaves
something exactly when the text has such a control (the bytes of a multi-byte UTF-8 character are
all >= 0x80). One C pass over the bytes, where the character-class search takes a few ms a page."""


def sniff(text: str) -> Literal["html", "text"]:
    """``"html"`` if ``text`` looks like markup, else ``"text"``."""
    head = text[:SNIFF_CHARS]
    if _START.match(head):
        return "html"
    count = closing = tag_chars = 0
    for m in MARKUP_TAG.finditer(head):
        count += 1
        start, end = m.span()
        tag_chars += end - start
        closing += head[start + 1] == "/"
    if count < MIN_TAGS:
        return "text"
    chars = len(head) - sum(map(head.count, _SPACES))
    share = tag_chars / chars  # (chars > 0: a tag holds "<", ">" and its name)
    return "html" if share >= BARE_TAG_SHARE or (closing and share >= MIN_TAG_SHARE) else "text"


def clean(text: str) -> str:
    """Remove NUL and other C0 control characters, replace lone surrogates with U+FFFD (a pair of
    surrogates becomes the character it encodes), and turn CR LF and lone CR line ends into LF."""
    return clean_utf8(text)[0]


SAME_CHUNK: Final = 1 << 20
"""Characters compared at a time by :func:`is_utf8_of`."""


def is_utf8_of(raw: bytes, text: str) -> bool:
    """Whether ``raw`` is exactly the UTF-8 of ``text``, compared :data:`SAME_CHUNK` characters at
    a time (no copy of the whole page is made)."""
    if not len(text) <= len(raw) <= 4 * len(text):
        return len(raw) == len(text) == 0
    view = memoryview(raw)
    at = 0
    for i in range(0, len(text), SAME_CHUNK):
        try:
            part = text[i : i + SAME_CHUNK].encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no bytes are its UTF-8
            return False
        if view[at : at + len(part)] != part:
            return False
        at += len(part)
    return at == len(raw)


def clean_utf8(text: str, raw: bytes | None = None) -> tuple[str, bytes | None]:
    """:func:`clean`, and the UTF-8 bytes of the result where they were made on the way (the HTML
    parser reads them), else None. ``raw``: the page's bytes, where ``text`` was decoded from them;
    when they are the text's UTF-8 (:func:`is_utf8_of`) and cleaning changes nothing they are
    handed back instead of a copy (a page's bytes, its text and a second copy of the bytes are not
    all held while it is parsed)."""
    if raw is not None and is_utf8_of(raw, text):
        data = raw
    else:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
            data = text.encode("utf-8")
    if text.isprintable():
        return text, data
    changed = False
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        changed = True
    if data.translate(None, _NOT_CONTROL):
        text = _CONTROL.sub("", text)
        changed = True
    return text, None if changed else data
