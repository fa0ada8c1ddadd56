"""Public result types: :class:`Label`, :class:`Block`, :class:`Comment`, :class:`Article`."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal


class Label(str, Enum):
    """What a block of the page is. Every block carries exactly one label."""

    ARTICLE = "article"
    """The article body: paragraphs, in-article headings and list items (and the headline)."""
    CAPTION = "caption"
    """Photo and video captions, image credits."""
    COMMENT = "comment"
    """Reader comments and the chrome of the comment section."""
    NAVIGATION = "navigation"
    """Menus, related links, promos, share and rate widgets: page chrome that is not the footer."""
    FOOTER = "footer"
    """Copyright, legal, contact and site-wide notices at the end of the page."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the page (a paragraph-level element of HTML, or a run of lines of text).

    ``score`` is the confidence in ``label``, between 0 and 1. ``source`` says where the block came
    from: an element path such as ``/html/body/div[2]/p[3]`` for HTML, ``lines 12-14`` for text
    (1-based, inclusive). ``is_title`` marks the headline block (labelled ``ARTICLE`` but not part
    of :attr:`Article.text`). ``comment`` is, for ``COMMENT`` blocks that belong to one reader
    comment, the index of that comment in :attr:`Article.comments`; it is ``None`` for the chrome
    of the comment section ("Post a comment", "rate this", ...).
    """

    text: str
    label: Label
    score: float
    source: str
    is_title: bool = False
    comment: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "text": self.text,
            "label": self.label.value,
            "score": round(self.score, 4),
            "source": self.source,
        }
        if self.is_title:
            d["is_title"] = True
        if self.comment is not None:
            d["comment"] = self.comment
        return d


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment: the reader's words, and the author and date where the page shows them."""

    text: str
    author: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "author": self.author, "date": self.date}


@dataclass(frozen=True, slots=True)
class Article:
    """The result of :func:`boilerstrip.extract`.

    ``text`` holds the article blocks in reading order, one paragraph per block, separated by a
    blank line; the headline, captions and comments are not in it. ``blocks`` holds every block of
    the page in document order, whatever its label.
    """

    title: str | None
    text: str
    captions: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    navigation: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    kind: Literal["html", "text"] = "text"
    encoding: str | None = None
    url: str | None = None
    truncated: bool = False
    """True when a budget (``timeout`` or ``max_bytes``) cut the work short."""
    subtitle: str | None = None
    """The deck under the headline (HTML): the line that sums the story up ("Service To Be
    Launched In Wisconsin Cities" under "Some Subscribers Can Now Watch HBO Online"), where the
    page prints one. Only named: its block keeps its label (and stays in :attr:`text` where it is
    an article block)."""

    def to_dict(self, *, blocks: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "title": self.title,
            "subtitle": self.subtitle,
            "text": self.text,
            "captions": list(self.captions),
            "comments": [c.to_dict() for c in self.comments],
            "navigation": list(self.navigation),
            "footer": list(self.footer),
            "kind": self.kind,
            "encoding": self.encoding,
            "url": self.url,
            "truncated": self.truncated,
        }
        if blocks:
            d["blocks"] = [b.to_dict() for b in self.blocks]
        return d

    def text_with(self, *, title: bool = False, captions: bool = False) -> str:
        """The article text with the headline and the captions put back, for readers who count
        them as part of the article (Readability's output keeps both; corpora differ: see
        ``docs/benchmarks.md``, "Headline and captions").

        ``title=True`` puts :attr:`title` first, as a paragraph of its own, unless the text holds
        it already (:meth:`title_in_text`: a text dump's headline that the article model kept as
        the story's first line). ``captions=True`` puts
        every ``CAPTION`` block where it sits on the page, among the article's paragraphs (a
        lead photo's caption before the first one, an inline figure's between two). With neither,
        this is :attr:`text`. Paragraphs are separated by a blank line, as in :attr:`text`. An
        article made by hand without :attr:`blocks` gets its captions after the text.
        """
        if captions and self.blocks:
            body = "\n\n".join(
                b.text
                for b in self.blocks
                if (b.label is Label.ARTICLE and not b.is_title) or b.label is Label.CAPTION
            )
        elif captions:
            body = "\n\n".join(p for p in (self.text, *self.captions) if p)
        else:
            body = self.text
        if title and self.title and not self.title_in_text():
            return self.title + "\n\n" + body if body else self.title
        return body

    def title_in_text(self) -> bool:
        """Whether :attr:`text` holds :attr:`title` as a paragraph's first line. In a text dump the
        headline is one of its lines, and where the article model took that line for the story's
        first, it stays in the text and is only named as the title; elsewhere the headline block
        is marked ``is_title`` and left out of the text, and this holds only where the text
        repeats the headline."""
        t = self.title
        if not t:
            return False
        article = Label.ARTICLE
        return any(
            b.label is article and not b.is_title and b.text.split("\n", 1)[0].strip() == t
            for b in self.blocks
        )

    def to_json(self, *, blocks: bool = True, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(blocks=blocks), ensure_ascii=False, indent=indent)

    def to_markdown(self) -> str:
        """The title as a level-1 heading, the deck in italics under it (where :attr:`text` does not
        hold it already), the article text, then captions and comments sections. Where the text
        holds the headline (:meth:`title_in_text`: a dump's headline line that the article model
        kept), that line is the heading and is not repeated in the text."""
        parts: list[str] = []
        body = self.text
        if self.title:
            parts.append("# " + _md_line(self.title))
            if self.title_in_text():
                body = _without_first_line(body, self.title)
        if self.subtitle and self.subtitle not in body.split("\n\n"):
            parts.append("*" + _md_line(self.subtitle) + "*")
        if body:
            parts.append(body)
        if self.captions:
            parts.append("## Captions\n\n" + "\n".join("- " + _md_line(c) for c in self.captions))
        if self.comments:
            items = []
            for c in self.comments:
                head = " ".join(x for x in (c.author, c.date) if x)
                body = c.text.replace("\n\n", "\n").replace("\n", "\n  ")
                items.append(f"- **{_md_line(head)}**: {body}" if head else f"- {body}")
            parts.append("## Comments\n\n" + "\n".join(items))
        return "\n\n".join(parts) + ("\n" if parts else "")


def _without_first_line(text: str, line: str) -> str:
    """``text`` without the first paragraph-first line that reads ``line`` (the paragraph's other
    lines stay; a paragraph of that line alone goes)."""
    paras = text.split("\n\n")
    for k, para in enumerate(paras):
        first, _, rest = para.partition("\n")
        if first.strip() == line:
            if rest.strip():
                paras[k] = rest
            else:
                del paras[k]
            break
    return "\n\n".join(paras)


def _md_line(s: str) -> str:
    return " ".join(s.split())
