"""The extractors under evaluation, each behind one function ``(PageInput) -> Output``.

Peers are imported inside their functions, so importing this module needs only the core deps;
each peer is called with the settings its documentation gives for the article body:

- ``trafilatura``: ``bare_extraction(page, include_comments=False, with_metadata=True)``: the text
  that ``extract(page, include_comments=False)`` returns, plus the metadata title.
- ``trafilatura+comments``: ``bare_extraction(page, include_comments=True)``; only its separate
  ``comments`` output is scored (the comment metric).
- ``readability``: ``Document(page).summary()`` flattened to text (block elements on their own
  lines), and ``short_title()``.
- ``justext``: the non-boilerplate paragraphs of ``justext.justext(page, stoplist)`` with the stop
  list of the page's language where the set gives one and jusText has it, else jusText's
  language-independent mode (empty stop list, ``stopwords_low = stopwords_high = 0``).
- ``resiliparse``: ``extract_plain_text(page, main_content=True, comments=False)``.
- ``boilerpy3``: ``ArticleExtractor().get_doc(page)``.
- ``keep-all``: every visible text of the page (lxml, without script/style/template), one line per
  block element; in text mode the whole dump.
- ``boilerstrip``: ``boilerstrip.extract(page)`` (``kind="text"`` for the text variants); its comments
  for the comment metric are the blocks of each reader comment as the page shows them (header line
  with author and date, then the words: the blocks whose ``Block.comment`` is that comment), since the
  gold comments hold both.

boilerstrip gets the original bytes where the set has them (it decodes them itself). The peers get
the page as text decoded by the data set (``Page.html``): every one of them accepts ``str``, and the
published peer figures on these sets were measured that way (trafilatura given the raw bytes
misdecodes several cp1252 pages of cleaneval-dev: 0.787 F1 there instead of 0.836).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SYSTEMS = (
    "boilerstrip",
    "trafilatura",
    "trafilatura+comments",
    "readability",
    "justext",
    "resiliparse",
    "boilerpy3",
    "keep-all",
)
PEERS = tuple(s for s in SYSTEMS if s != "boilerstrip")
TEXT_SYSTEMS = ("boilerstrip", "keep-all")
"""The systems that read plain text (the peers need HTML)."""
DISPLAY = {"trafilatura+comments": "trafilatura (comments on)"}

SETTINGS = {
    "trafilatura": "str; bare_extraction(include_comments=False, with_metadata=True) v2",
    "trafilatura+comments": "str; bare_extraction(include_comments=True) v2",
    "readability": "str; Document(page).summary() -> block text; short_title() v2",
    "justext": "str; justext(page, stoplist(lang) or language-independent) good paragraphs v2",
    "resiliparse": "str; extract_plain_text(main_content=True, comments=False) v2",
    "boilerpy3": "str; ArticleExtractor().get_doc(str) v1",
    "keep-all": "str; lxml visible text by block v2",
    "boilerstrip": "extract()",
}
"""A tag of how each system is called: part of the peer-result cache key."""


@dataclass
class PageInput:
    raw: bytes | str
    """What the page is fed as: the original bytes where the set has them, else the text."""
    html: str | None
    """The page as text decoded by the data set (for systems that accept ``str`` only)."""
    lang: str | None = None
    kind: str = "html"
    """``html``, or ``text`` for the plain-text variants (``raw`` is then the dump)."""
    want_blocks: bool = False


@dataclass
class Output:
    text: str = ""
    title: str | None = None
    subtitle: str | None = None
    """The headline's deck (boilerstrip's ``Article.subtitle``; None for the peers)."""
    comments: list[str] | None = None
    """Reader comments, one string each (None: the system does not output comments)."""
    blocks: list[tuple[str, str, str]] | None = None
    """``(label, text, source)`` per block, ``label`` being ``title`` for the headline."""
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "title": self.title,
            "subtitle": self.subtitle,
            "comments": self.comments,
            "blocks": self.blocks,
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Output:
        blocks = d.get("blocks")
        return cls(
            text=d.get("text") or "",
            title=d.get("title"),
            subtitle=d.get("subtitle"),
            comments=d.get("comments"),
            blocks=[tuple(b) for b in blocks] if blocks is not None else None,
            error=d.get("error"),
        )


def version(system: str) -> str:
    """The installed version of the library behind ``system``."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    dist = {
        "boilerstrip": None,
        "trafilatura": "trafilatura",
        "trafilatura+comments": "trafilatura",
        "readability": "readability-lxml",
        "justext": "jusText",
        "resiliparse": "Resiliparse",
        "boilerpy3": "boilerpy3",
        "keep-all": "lxml",
    }[system]
    if dist is None:
        import boilerstrip

        return str(boilerstrip.__version__)
    try:
        return dist_version(dist)
    except PackageNotFoundError:
        return "not installed"


# --- HTML to text, for readability's summary and the keep-all baseline ---------------------------

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
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
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "center",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg"]
)


def html_text(root: Any) -> str:
    """The visible text under an lxml element, one line per block element."""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS or not isinstance(el.tag, str):
            return
        block = tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (" ".join(ln.split()) for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def parse_lxml(page: str | bytes) -> Any:
    """``lxml.html.fromstring``; a ``str`` with an XML encoding declaration (which lxml refuses)
    is parsed without the declaration, or as UTF-8 bytes when the declaration is malformed."""
    import lxml.html

    try:
        return lxml.html.fromstring(page)
    except ValueError:
        if not isinstance(page, str):
            raise
    try:
        return lxml.html.fromstring(_XML_DECL.sub("", page, count=1))
    except ValueError:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.fromstring(page.encode("utf-8"), parser=parser)


def peer_input(system: str, page: PageInput) -> str | bytes:
    """What ``system`` is fed for ``page`` (boilerstrip: the raw page; peers: decoded text)."""
    return page.raw if system == "boilerstrip" else _text(page)


# --- the systems --------------------------------------------------------------------------------


def _text(page: PageInput) -> str:
    """The page as text for the peers: the data set's decoding (the dump itself in text mode)."""
    return page.html if page.html is not None else str(page.raw)


def _boilerstrip(page: PageInput) -> Output:
    import boilerstrip

    art = boilerstrip.extract(page.raw, kind="text" if page.kind == "text" else "auto")
    blocks = None
    if page.want_blocks:
        blocks = [("title" if b.is_title else b.label.value, b.text, b.source) for b in art.blocks]
    # Each comment as the page shows it: its header line(s) (author, date) and its words - the
    # blocks that carry its index. The gold (and trafilatura's comment output) holds both.
    shown: dict[int, list[str]] = {}
    for b in art.blocks:
        if b.comment is not None:
            shown.setdefault(b.comment, []).append(b.text)
    return Output(
        text=art.text,
        title=art.title,
        subtitle=art.subtitle,
        comments=["\n".join(shown[k]) for k in sorted(shown)],
        blocks=blocks,
    )


def _trafilatura(page: PageInput) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(_text(page), include_comments=False, with_metadata=True)
    if doc is None or isinstance(doc, dict):
        return Output()
    return Output(text=doc.text or "", title=doc.title)


def _trafilatura_comments(page: PageInput) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(_text(page), include_comments=True)
    if doc is None or isinstance(doc, dict):
        return Output(comments=[])
    comments = doc.comments or ""
    return Output(text=doc.text or "", comments=[comments] if comments.strip() else [])


def _readability(page: PageInput) -> Output:
    import lxml.html
    from readability import Document  # type: ignore[import-untyped]

    doc = Document(_text(page))
    summary = doc.summary(html_partial=True)
    text = html_text(lxml.html.fromstring(summary)) if summary.strip() else ""
    return Output(text=text, title=doc.short_title())


_JUSTEXT_LANGS = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "sv": "Swedish",
    "fi": "Finnish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal",
    "pl": "Polish",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hu": "Hungarian",
    "ro": "Romanian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "tr": "Turkish",
    "el": "Greek",
    "id": "Indonesian",
    "hr": "Croatian",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "et": "Estonian",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "vi": "Vietnamese",
}


def _justext(page: PageInput) -> Output:
    import justext  # type: ignore[import-untyped]

    lang = _JUSTEXT_LANGS.get((page.lang or "").split("-")[0].lower())
    if lang is not None:
        paras = justext.justext(_text(page), justext.get_stoplist(lang))
    else:  # jusText's documented language-independent mode
        paras = justext.justext(_text(page), frozenset(), stopwords_low=0, stopwords_high=0)
    return Output(text="\n".join(p.text for p in paras if not p.is_boilerplate))


def _resiliparse(page: PageInput) -> Output:
    from resiliparse.extract.html2text import extract_plain_text

    return Output(text=extract_plain_text(_text(page), main_content=True, comments=False))


def _boilerpy3(page: PageInput) -> Output:
    from boilerpy3 import extractors  # type: ignore[import-untyped]

    doc = extractors.ArticleExtractor(raise_on_failure=False).get_doc(_text(page))
    return Output(text=doc.content or "", title=doc.title)


def _keep_all(page: PageInput) -> Output:
    if page.kind == "text":
        return Output(text=str(page.raw))
    root = parse_lxml(_text(page))
    title = root.findtext(".//title")
    body = root.find("body")
    return Output(text=html_text(body if body is not None else root), title=title)


RUNNERS: dict[str, Callable[[PageInput], Output]] = {
    "boilerstrip": _boilerstrip,
    "trafilatura": _trafilatura,
    "trafilatura+comments": _trafilatura_comments,
    "readability": _readability,
    "justext": _justext,
    "resiliparse": _resiliparse,
    "boilerpy3": _boilerpy3,
    "keep-all": _keep_all,
}


def run(system: str, page: PageInput) -> Output:
    """Run one system on one page; an exception gives an empty output with the error."""
    try:
        return RUNNERS[system](page)
    except Exception as exc:  # a peer failing on a page scores zero on it
        return Output(error=f"{type(exc).__name__}: {exc}"[:300])
