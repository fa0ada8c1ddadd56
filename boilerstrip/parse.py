"""Parse HTML text with lxml, safely: no network, no entity expansion, no DTD loading."""

from __future__ import annotations

import threading
from typing import Any

from lxml import etree

_local = threading.local()


def _parser() -> etree.HTMLParser:
    p: etree.HTMLParser | None = getattr(_local, "parser", None)
    if p is None:
        p = etree.HTMLParser(
            encoding="utf-8",
            remove_comments=True,
            remove_pis=True,
            no_network=True,
            recover=True,
            compact=True,
            default_doctype=False,
        )
        _local.parser = p
    return p


def parse_html(text: str) -> Any | None:
    """The root element of the parsed page, or None when nothing could be parsed."""
    data = text.encode("utf-8", "replace")
    if not data.strip():
        return None
    try:
        root = etree.fromstring(data, _parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return root
