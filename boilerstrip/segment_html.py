"""Segment an HTML page into blocks in one walk over the lxml tree.

A block is the text of a paragraph-level element (``p``, ``li``, ``h2``, ``td``, ``div``, ...), with the
text of its inline descendants joined; a container's own text between its child blocks becomes
blocks of its own, and two or more consecutive ``<br>`` split a run of text. Each block carries its
element path, tag, the cue flags of its element and ancestors (see :mod:`boilerstrip.patterns`), the
share of its characters inside links, and whether an image came just before it.

Page metadata (``<title>``, ``og:title``, JSON-LD ``headline``, ``h1`` texts, ``lang``) is read in the
same walk.
"""

from __future__ import annotations

import json
from typing import Any, Final

from lxml import etree

from . import patterns as P
from .budget import CHECK_MASK
from .document import Doc, Segment
from .paths import PathCache

BLOCK_TAGS: Final = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 header hgroup hr "
    "html legend li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "noframes".split()
)
"""Elements that start a new block."""

SKIP_TAGS: Final = frozenset(
    "script style template noscript head select option optgroup datalist textarea iframe object "
    "embed applet canvas audio video map svg math button input meta link title base param "
    "source track".split()
)
"""Elements whose content is never text of the page (their tails still are)."""

HEADINGS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
IMAGE_TAGS: Final = frozenset(("img", "picture", "figure"))

NEAR_LEVELS: Final = 3
"""How many ancestors count as a block's near context (its element and 3 parents): enough to reach the
wrapper of a list item or table cell, short of the page-level layout containers."""

MAX_META_CHARS: Final = 2000
MAX_JSONLD_CHARS: Final = 500_000

_BR: Final = object()

_cue_cache: dict[str, int] = {}
_CUE_CACHE_MAX: Final = 50_000


def _token_cues(value: str) -> int:
    """Cue flags for a class/id/itemprop attribute value (cached: pages repeat their classes)."""
    cached = _cue_cache.get(value)
    if cached is not None:
        return cached
    mask = 0
    low = P.CAMEL_SPLIT.sub("-", value).lower()
    for tok in P.TOKEN_SPLIT.split(low):
        if not tok or len(tok) > 60:
            continue
        for flag, pat in P.TOKEN_CUE_PATTERNS:
            if not mask & flag and pat.search(tok):
                mask |= flag
    if len(_cue_cache) >= _CUE_CACHE_MAX:
        _cue_cache.clear()
    _cue_cache[value] = mask
    return mask


def _element_cues(tag: str, items: list[tuple[str, str]]) -> int:
    mask = P.TAG_CUES.get(tag, 0)
    for name, value in items:
        if name == "class" or name == "id":
            if value:
                mask |= _token_cues(value[:300])
        elif name == "role":
            mask |= P.ROLE_CUES.get(value.strip().lower(), 0)
        elif name == "itemprop":
            v = value.lower()
            if "articlebody" in v or v == "text" or "reviewbody" in v:
                mask |= P.BODY | P.CONTENT
            elif "headline" in v:
                mask |= P.TITLE
            elif "comment" in v:
                mask |= P.COMMENT
            elif "author" in v or "date" in v:
                mask |= P.META
        elif name == "itemtype":
            if "Comment" in value:
                mask |= P.COMMENT
        elif name == "hidden" or (name == "aria-hidden" and value.strip().lower() == "true"):
            mask |= P.HIDDEN
        elif name == "style":
            if P.HIDDEN_STYLE.search(value[:500]):
                mask |= P.HIDDEN
    return mask


def _clean_join(pieces: list[object]) -> str:
    """Join text pieces, collapse whitespace, and turn ``<br>`` markers into newlines."""
    lines: list[str] = []
    cur: list[str] = []
    for p in pieces:
        if p is _BR:
            line = " ".join("".join(cur).split())
            if line:
                lines.append(line)
            cur = []
        else:
            cur.append(p)  # type: ignore[arg-type]
    line = " ".join("".join(cur).split())
    if line:
        lines.append(line)
    return "\n".join(lines)


class _Walker:
    """State of one walk. Kept in an object so the walk itself is one flat loop."""

    __slots__ = (
        "doc", "tree", "buf", "link_chars", "inline_cues", "image_pending", "br_run",
        "frame_stack", "el_stack", "cum", "pre", "ld_json", "h1_open", "h1_text",
    )

    def __init__(self, doc: Doc, tree: Any) -> None:
        self.doc = doc
        self.tree = tree
        self.buf: list[object] = []
        self.link_chars = 0
        self.inline_cues = 0
        self.image_pending = False
        self.br_run = False
        self.frame_stack: list[int] = []
        self.el_stack: list[Any] = []
        self.cum: list[int] = []
        self.pre = 0
        self.ld_json: list[str] = []
        self.h1_open = 0
        self.h1_text: list[str] = []

    def flush(self) -> None:
        buf = self.buf
        if not buf:
            return
        text = _clean_join(buf) if self.pre == 0 else _pre_join(buf)
        self.buf = []
        link_chars = self.link_chars
        self.link_chars = 0
        inline = self.inline_cues
        self.inline_cues = 0
        self.br_run = False
        if not text:
            return
        frame = self.frame_stack[-1] if self.frame_stack else -1
        el = self.el_stack[-1] if self.el_stack else None
        doc = self.doc
        tag = el.tag if el is not None else ""
        near = inline
        f = frame
        for _ in range(NEAR_LEVELS + 1):
            if f < 0:
                break
            near |= doc.frame_cues[f]
            f = doc.parent[f]
        try:
            source = self.tree.getpath(el) if el is not None else "/"
        except (ValueError, TypeError):
            source = "/"
        seg = Segment(
            text=text,
            source=source,
            tag=tag,
            frame=frame,
            cues=(self.cum[frame] if frame >= 0 else 0) | inline,
            near_cues=near,
            link_chars=min(link_chars, len(text)),
            heading=HEADINGS.get(tag, 0),
            list_item=tag in ("li", "dd", "dt"),
            image_before=self.image_pending,
            depth=len(self.frame_stack),
        )
        self.image_pending = False
        doc.segments.append(seg)


def _pre_join(pieces: list[object]) -> str:
    out = "".join("\n" if p is _BR else p for p in pieces)  # type: ignore[misc]
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines() if line.strip())


def segment_html(root: Any, doc: Doc) -> None:
    """Fill ``doc.segments`` and ``doc.meta`` from a parsed lxml HTML tree rooted at ``root``."""
    w = _Walker(doc, PathCache())  # getpath() in linear time (lxml's is quadratic over siblings)
    meta = doc.meta
    lang = root.get("lang") if isinstance(root.tag, str) else None
    if lang:
        meta.lang = lang.strip()[:20] or None
    head = root.find("head")
    if head is not None:
        _read_head(head, w)
    body = root.find("body")
    start = body if body is not None else root

    frame_cues = doc.frame_cues
    parent = doc.parent
    cum = w.cum
    frame_stack = w.frame_stack
    el_stack = w.el_stack
    link_depth = 0
    # Seed the frames with the ancestors of the start element (html), so paths and cues see them.
    walker = etree.iterwalk(start, events=("start", "end"))
    budget, ticks = doc.budget, 0
    for event, el in walker:
        ticks += 1
        if not ticks & CHECK_MASK and budget.stop_collecting(len(doc.segments)):
            break  # budget (time, block count) spent: keep the blocks found so far
        tag = el.tag
        if not isinstance(tag, str):
            # Comments, processing instructions, entities: no content, but a tail.
            if event == "end":
                tail = el.tail
                if tail:
                    w.buf.append(tail)
                    if link_depth:
                        w.link_chars += len(tail.strip())
            continue
        if "}" in tag or ":" in tag:
            tag = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        tag = tag.lower()
        if event == "start":
            if tag in SKIP_TAGS:
                if tag == "script":
                    typ = el.get("type")
                    if typ and "ld+json" in typ:
                        txt = el.text
                        if txt and len(txt) < MAX_JSONLD_CHARS:
                            w.ld_json.append(txt)
                elif tag in ("video", "svg", "canvas"):
                    w.image_pending = True
                walker.skip_subtree()
                continue
            items = el.items()
            cues = _element_cues(tag, items) if items else P.TAG_CUES.get(tag, 0)
            if tag in BLOCK_TAGS:
                w.flush()
                fid = len(parent)
                pf = frame_stack[-1] if frame_stack else -1
                parent.append(pf)
                frame_cues.append(cues)
                cum.append((cum[pf] if pf >= 0 else 0) | cues)
                frame_stack.append(fid)
                el_stack.append(el)
                if tag == "pre":
                    w.pre += 1
                elif tag == "h1":
                    w.h1_open += 1
                if tag in IMAGE_TAGS:
                    w.image_pending = True
            else:
                w.inline_cues |= cues
                if tag == "a":
                    link_depth += 1
                elif tag == "br":
                    if w.br_run and not _has_text_since_br(w.buf):
                        w.flush()
                    else:
                        w.buf.append(_BR)
                        w.br_run = True
                elif tag in IMAGE_TAGS:
                    w.image_pending = True
            text = el.text
            if text:
                w.buf.append(text)
                if link_depth:
                    w.link_chars += len(text.strip())
                if w.h1_open:
                    w.h1_text.append(text)
        else:  # end
            if tag in SKIP_TAGS:
                pass
            elif tag in BLOCK_TAGS:
                w.flush()
                frame_stack.pop()
                el_stack.pop()
                if tag == "pre":
                    w.pre -= 1
                elif tag == "h1":
                    w.h1_open -= 1
                    if w.h1_open == 0:
                        h = " ".join("".join(w.h1_text).split())
                        if h and len(meta.h1) < 10:
                            meta.h1.append(h[:MAX_META_CHARS])
                        w.h1_text = []
            elif tag == "a" and link_depth:
                link_depth -= 1
            if el is start:
                break
            tail = el.tail
            if tail:
                w.buf.append(tail)
                if link_depth:
                    w.link_chars += len(tail.strip())
                if w.h1_open:
                    w.h1_text.append(tail)
    w.flush()
    if w.ld_json and meta.ld_headline is None:
        meta.ld_headline = _ld_headline(w.ld_json)


def _has_text_since_br(buf: list[object]) -> bool:
    for p in reversed(buf):
        if p is _BR:
            return False
        if p.strip():  # type: ignore[attr-defined]
            return True
    return False


def _read_head(head: Any, w: _Walker) -> None:
    meta = w.doc.meta
    for el in head.iter("title", "meta", "script"):
        tag = el.tag
        if tag == "title":
            if meta.title is None:
                t = " ".join((el.text or "").split())
                meta.title = t[:MAX_META_CHARS] or None
        elif tag == "meta":
            prop = (el.get("property") or el.get("name") or "").lower()
            if prop in ("og:title", "twitter:title") and meta.og_title is None:
                c = " ".join((el.get("content") or "").split())
                meta.og_title = c[:MAX_META_CHARS] or None
        else:
            typ = el.get("type")
            if typ and "ld+json" in typ:
                txt = el.text
                if txt and len(txt) < MAX_JSONLD_CHARS:
                    w.ld_json.append(txt)


def _ld_headline(blobs: list[str]) -> str | None:
    for blob in blobs:
        try:
            data = json.loads(blob)
        except (ValueError, RecursionError):
            continue
        found = _find_key(data, "headline", 0)
        if found:
            return " ".join(found.split())[:MAX_META_CHARS]
    return None


def _find_key(data: object, key: str, depth: int) -> str | None:
    if depth > 6:
        return None
    if isinstance(data, dict):
        v = data.get(key)
        if isinstance(v, str) and v.strip():
            return v
        for k in ("@graph", "mainEntity", "mainEntityOfPage"):
            sub = data.get(k)
            if sub is not None:
                r = _find_key(sub, key, depth + 1)
                if r:
                    return r
    elif isinstance(data, list):
        for item in data[:50]:
            r = _find_key(item, key, depth + 1)
            if r:
                return r
    return None
