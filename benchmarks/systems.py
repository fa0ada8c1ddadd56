"""The extractors under evaluation, each behind one function ``(PageInput) -> Output``.

Peers are imported inside their functions, so importing this module needs only the core deps;
each peer is called with the settings its documentation gives for the article body:

- ``trafilatura``: ``bare_extraction(page, include_comments=False, with_metadata=True)``, the text
  that ``extract(page, include_comments=False)`` returns, plus the metadata title; bytes go in as
  bytes (trafilatura decodes them itself).
- ``trafilatura+comments``: ``bare_extraction(page, include_comments=True)``; only its separate
  ``comments`` output is scored (the comment metric).
- ``readability``: ``Document(page).summary()`` flattened to text (block elements on their own
  lines), and ``short_title()``; bytes go in as bytes.
- ``justext``: the non-boilerplate paragraphs of ``justext.justext(page, stoplist)``, with the stop
  list of the page's language where jusText has one (English otherwise); bytes go in as bytes.
- ``resiliparse``: ``extract_plain_text(tree, main_content=True, comments=False)`` on the tree
  parsed from the bytes with resiliparse's own encoding detection.
- ``boilerpy3``: ``ArticleExtractor().get_doc(text)`` (it accepts ``str`` only: it gets the page as
  decoded by the data set).
- ``keep-all``: every visible text of the page (lxml, without script/style/template), one line per
  block element; in text mode the whole dump.
- ``boilerstrip``: ``boilerstrip.extract(page)`` (``kind="text"`` for the text variants).
"""

from __future__ import annotations

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
    "trafilatura": "bare_extraction(include_comments=False, with_metadata=True) v1",
    "trafilatura+comments": "bare_extraction(include_comments=True) v1",
    "readability": "Document(page).summary() -> block text; short_title() v1",
    "justext": "justext(page, stoplist(lang) or English) non-boilerplate paragraphs v1",
    "resiliparse": "extract_plain_text(main_content=True, comments=False) v1",
    "boilerpy3": "ArticleExtractor().get_doc(str) v1",
    "keep-all": "lxml visible text by block v1",
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
            comments=d.get("comments"),
            blocks=[tuple(b) for b in blocks] if blocks is not None else None,  # type: ignore[misc]
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
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
    "table tbody td tfoot th thead tr ul caption center".split()
)
_SKIP_TAGS = frozenset("script style noscript template head title iframe object embed svg".split())


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


# --- the systems --------------------------------------------------------------------------------


def _boilerstrip(page: PageInput) -> Output:
    import boilerstrip

    art = boilerstrip.extract(page.raw, kind="text" if page.kind == "text" else "auto")
    blocks = None
    if page.want_blocks:
        blocks = [
            ("title" if b.is_title else b.label.value, b.text, b.source) for b in art.blocks
        ]
    return Output(
        text=art.text,
        title=art.title,
        comments=[c.text for c in art.comments],
        blocks=blocks,
    )


def _trafilatura(page: PageInput) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(page.raw, include_comments=False, with_metadata=True)
    if doc is None:
        return Output()
    return Output(text=doc.text or "", title=doc.title)


def _trafilatura_comments(page: PageInput) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(page.raw, include_comments=True)
    if doc is None:
        return Output(comments=[])
    comments = doc.comments or ""
    return Output(text=doc.text or "", comments=[comments] if comments.strip() else [])


def _readability(page: PageInput) -> Output:
    import lxml.html
    from readability import Document

    doc = Document(page.raw)
    summary = doc.summary(html_partial=True)
    text = html_text(lxml.html.fromstring(summary)) if summary.strip() else ""
    return Output(text=text, title=doc.short_title())


_JUSTEXT_LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "sv": "Swedish", "fi": "Finnish", "da": "Danish",
    "no": "Norwegian_Bokmal", "nb": "Norwegian_Bokmal", "pl": "Polish", "cs": "Czech",
    "sk": "Slovak", "sl": "Slovenian", "hu": "Hungarian", "ro": "Romanian", "ru": "Russian",
    "uk": "Ukrainian", "tr": "Turkish", "el": "Greek", "id": "Indonesian", "hr": "Croatian",
    "bg": "Bulgarian", "ca": "Catalan", "et": "Estonian", "lt": "Lithuanian", "lv": "Latvian",
    "vi": "Vietnamese",
}  # fmt: skip


def _justext(page: PageInput) -> Output:
    import justext

    lang = _JUSTEXT_LANGS.get((page.lang or "en").split("-")[0].lower(), "English")
    try:
        stoplist = justext.get_stoplist(lang)
    except ValueError:
        stoplist = justext.get_stoplist("English")
    paras = justext.justext(page.raw, stoplist)
    return Output(text="\n".join(p.text for p in paras if not p.is_boilerplate))


def _resiliparse(page: PageInput) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    if isinstance(page.raw, bytes):
        tree = HTMLTree.parse_from_bytes(page.raw, detect_encoding(page.raw))
    else:
        tree = HTMLTree.parse(page.raw)
    return Output(text=extract_plain_text(tree, main_content=True, comments=False))


def _boilerpy3(page: PageInput) -> Output:
    from boilerpy3 import extractors

    html = page.html if page.html is not None else str(page.raw)
    doc = extractors.ArticleExtractor(raise_on_failure=False).get_doc(html)
    return Output(text=doc.content or "", title=doc.title)


def _keep_all(page: PageInput) -> Output:
    if page.kind == "text":
        return Output(text=str(page.raw))
    import lxml.html

    root = lxml.html.fromstring(page.html if page.html is not None else page.raw)
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
