"""Tell HTML from plain text, and clean text of characters no parser should see."""

from __future__ import annotations

import re
from typing import Final, Literal

SNIFF_CHARS: Final = 64 * 1024
"""How much of the page to look at."""
MIN_TAGS: Final = 3
"""Known HTML tags needed in the sniffed prefix to call a page HTML (a text dump may quote one)."""

_START: Final = re.compile(
    r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^<>]{0,500}>\s*<(?:!doctype|html))", re.I
)
_TAG: Final = re.compile(
    r"</?(?:html|head|body|div|p|span|a|table|tr|td|br|li|ul|ol|script|style|meta|title|h[1-6]|"
    r"img|link|section|article|nav|header|footer|form|input|iframe|b|i|em|strong|font|center)\b[^<>]{0,2000}>",
    re.I,
)
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
    for count, _ in enumerate(_TAG.finditer(head), 1):
        if count >= MIN_TAGS:
            return "html"
    return "text"


def clean(text: str) -> str:
    """Remove NUL and other C0 control characters, replace lone surrogates with U+FFFD (a pair of
    surrogates becomes the character it encodes), and turn CR LF and lone CR line ends into LF."""
    return clean_utf8(text)[0]


def clean_utf8(text: str) -> tuple[str, bytes | None]:
    """:func:`clean`, and the UTF-8 bytes of the result where they were made on the way (the HTML
    parser reads them), else None."""
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
