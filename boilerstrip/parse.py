"""Parse HTML with lxml, safely: no network, no file access, no entity expansion, no DTD loading.

* The parser is libxml2's HTML parser, which reads a ``<!DOCTYPE>`` but never its internal subset's
  entity declarations, and never loads an external DTD or entity (``no_network`` on top): a
  billion-laughs DOCTYPE or a ``SYSTEM "file:///etc/passwd"`` entity stays inert text.
* ``huge_tree`` lifts libxml2's limits on text nodes (10 MB) and depth (256 -> 2048 elements), so a
  10 MB line of text or a forum page of 300 unclosed ``<font>`` tags keeps its content.
* A page nested deeper than libxml2 allows (libxml2 stops reading at that depth and drops the rest)
  is parsed again flattened: every tag but ``<br>`` and the raw-text elements is dropped, and
  paragraph-level tags become ``<p>`` (see :func:`flatten`). Nothing of the text is lost that way.
* With a time budget, a long text is fed to the parser in chunks of :data:`FEED_CHUNK` bytes, and
  the :class:`Budget` is checked between chunks: when its parsing share runs out the parser is
  closed on what it has read, and the tree of that prefix is used.

Each thread has its own parser (lxml parsers are not thread-safe); a parser whose feed was
interrupted by an exception is thrown away, never reused.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any, Final

import regex
from lxml import etree

from .budget import PARSE_SHARE, Budget

DEEP: Final = 2000
"""Depth from which a tree is taken to have hit libxml2's limit (2048 with ``huge_tree``)."""
FEED_CHUNK: Final = 1 << 20
"""Bytes fed to the parser at a time (1 MiB: about 10 ms of parsing between two budget checks)."""

_local = threading.local()


def new_parser(target: Any = None) -> etree.HTMLParser:
    """An HTML parser with the safe settings above (building a tree, or feeding ``target``'s
    ``start``/``end``/``data``/``close`` methods instead)."""
    return etree.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lacks default_doctype
        target=target,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        recover=True,
        compact=True,
        default_doctype=False,
        huge_tree=True,
        remove_blank_text=False,
    )


def _parser() -> etree.HTMLParser:
    p: etree.HTMLParser | None = getattr(_local, "parser", None)
    if p is None:
        p = new_parser()
        _local.parser = p
    return p


def _feed(data: bytes, budget: Budget | None) -> tuple[Any | None, bool]:
    """Parse ``data``; return the root (or None) and whether libxml2 hit its depth limit."""
    parser = _parser()
    root: Any | None = None
    ok = False
    try:
        if budget is None or not budget.limited or len(data) <= FEED_CHUNK:
            root = etree.fromstring(data, parser)
        else:
            for i in range(0, len(data), FEED_CHUNK):
                parser.feed(data[i : i + FEED_CHUNK])
                if budget.over(PARSE_SHARE):
                    break
            root = parser.close()
        ok = True
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        ok = True  # the parser closed itself; it can be reused
    finally:
        if not ok:
            # Interrupted mid-feed (KeyboardInterrupt, MemoryError, ...): never reuse this parser.
            _local.parser = None
    deep = any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)
    return root, deep or (root is not None and _last_depth(root) >= DEEP)


def _last_depth(root: Any) -> int:
    """Depth of the last element in document order. When libxml2 stops at its depth limit, the
    elements it had open are the last ones: this is how the push parser's halt shows (its error log
    does not always record it)."""
    depth = 0
    el = root
    while True:
        try:
            el = el[-1]  # O(1) in lxml, unlike len(el)
        except IndexError:
            return depth
        depth += 1


def parse_html(text: str, budget: Budget | None = None) -> Any | None:
    """The root element of the parsed page, or None when nothing could be parsed."""
    data = tame_tags(text).encode("utf-8", "replace")
    if not data.strip():
        return None
    root, deep = _feed(data, budget)
    if deep and not (budget is not None and budget.over(PARSE_SHARE)):
        flat_root, _ = _feed(flatten(text).encode("utf-8", "replace"), budget)
        if flat_root is not None:
            root = flat_root
    elif root is not None and _runaway_title(root):
        fixed_root, _ = _feed(close_title(text).encode("utf-8", "replace"), budget)
        if fixed_root is not None:
            root = fixed_root
    return root


# --- a <title> that swallows the page --------------------------------------------------------

RUNAWAY_TITLE: Final = 2000
"""A title longer than this that holds markup never got its ``</title>``: the parser read the rest
of the page as title text (seen on truncated or damaged pages). No real headline is that long."""
_TITLE_OPEN: Final = regex.compile(r"<title\b[^<>]{0,1000}>", regex.IGNORECASE)


def _runaway_title(root: Any) -> bool:
    title = root.find("head/title")
    text: str | None = title.text if title is not None else None
    return text is not None and len(text) > RUNAWAY_TITLE and "<" in text


def close_title(text: str) -> str:
    """``text`` with the first ``<title>`` closed at the end of its first line (or at the first
    ``<``)."""
    m = _TITLE_OPEN.search(text)
    if m is None:
        return text
    end = m.end()
    stops = [i for i in (text.find("<", end), text.find("\n", end)) if i >= 0]
    cut = min(stops) if stops else len(text)
    return text[:cut] + "</title>" + text[cut:]


# --- tags with too many attributes -----------------------------------------------------------

MAX_ATTRIBUTES: Final = 1000
"""Attributes kept per tag. libxml2 checks every attribute of a tag against all the others for
duplicates: 10,000 attributes take 0.06 s, 300,000 take minutes. No real tag has a thousand."""
LONG_TAG: Final = 16 * 1024
"""Only tags longer than this are looked at: below it a tag cannot hold enough attributes to be
slow."""
MANY_EQUALS: Final = 8000
"""Pages with fewer ``=`` signs than this are not looked at: even all in one tag, that many
attributes cost libxml2 a few hundredths of a second. Ordinary pages pay one ``str.count``."""

_LONG_TAG: Final = regex.compile(rf"<([a-zA-Z][^\s/<>]*+)([^<>]{{{LONG_TAG},}}+)>")
_ATTRIBUTE: Final = regex.compile(
    r"""[\s/]*+[^\s=<>"'/]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'<>]*+))?+"""
)


def tame_tags(text: str) -> str:
    """``text`` with every tag cut to its first :data:`MAX_ATTRIBUTES` attributes."""
    if len(text) < LONG_TAG or text.count("=") < MANY_EQUALS:
        return text

    def trim(m: regex.Match[str]) -> str:
        body = m.group(2)
        if body.count("=") <= MAX_ATTRIBUTES:
            return m.group(0)
        first = itertools.islice(_ATTRIBUTE.finditer(body), MAX_ATTRIBUTES)
        kept = [a.group(0) for a in first]
        return f"<{m.group(1)}{''.join(kept)}>"

    return _LONG_TAG.sub(trim, text)


# --- flattening for pages nested too deep -------------------------------------------------------

_TAG: Final = regex.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:_-]*+)[^<>]*+>")
"""A start or end tag. ``[^<>]`` cannot run past the next ``<``: linear over any input."""
_KEEP: Final = frozenset(("br", "script", "style"))
"""Tags kept as they are: line breaks, and the raw-text elements (whose content is not markup, so
they never nest)."""
_PARAGRAPH: Final = frozenset(
    (
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    )
)
"""Tags that become a paragraph break (``<p>``) when flattening."""


def flatten(text: str) -> str:
    """``text`` with its nesting removed: paragraph-level tags become ``<p>``, ``<br>`` and raw-text
    elements stay, every other tag goes. The result parses at most a few levels deep."""

    def repl(m: regex.Match[str]) -> str:
        name = m.group(2).lower()
        if name in _KEEP:
            return m.group(0)
        if name in _PARAGRAPH:
            return "<p>"
        return ""

    return _TAG.sub(repl, text)
