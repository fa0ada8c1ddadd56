"""Tell HTML from plain text, and clean text of characters no parser should see."""

from __future__ import annotations

import re
from typing import Final, Literal

SNIFF_CHARS: Final = 64 * 1024
"""How much of the page to look at."""
MIN_TAGS: Final = 3
"""Known HTML tags needed in the sniffed prefix to call a page HTML (a text dump may quote one)."""

_START: Final = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<(?:!doctype|html))", re.I)
_TAG: Final = re.compile(
    r"</?(?:html|head|body|div|p|span|a|table|tr|td|br|li|ul|ol|script|style|meta|title|h[1-6]|"
    r"img|link|section|article|nav|header|footer|form|input|iframe|b|i|em|strong|font|center)\b[^<>]{0,2000}>",
    re.I,
)
# C0 controls other than tab, newline and carriage return, plus DEL-range C1 NEL left alone.
_CONTROL: Final = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32)], None)


def sniff(text: str) -> Literal["html", "text"]:
    """``"html"`` if ``text`` looks like markup, else ``"text"``."""
    head = text[:SNIFF_CHARS]
    if _START.match(head):
        return "html"
    count = 0
    for _ in _TAG.finditer(head):
        count += 1
        if count >= MIN_TAGS:
            return "html"
    return "text"


def clean(text: str) -> str:
    """Remove NUL and other control characters; replace lone surrogates with U+FFFD."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if text.isprintable():
        return text
    return text.translate(_CONTROL)
