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
from .document import Doc, Meta, Segment
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
_token_cache: dict[str, int] = {}
_CUE_CACHE_MAX: Final = 50_000


def _token_cues(value: str) -> int:
    """Cue flags for a class/id/itemprop attribute value (cached: pages repeat their classes, and
    far more their tokens)."""
    cached = _cue_cache.get(value)
    if cached is not None:
        return cached
    mask = 0
    tokens = _token_cache
    low = P.CAMEL_SPLIT.sub("-", value).lower()
    for tok in P.TOKEN_SPLIT.split(low):
        if not tok or len(tok) > 60:
            continue
        m = tokens.get(tok)
        if m is None:
            m = 0
            for flag, pat in P.TOKEN_CUE_PATTERNS:
                if pat.search(tok):
                    m |= flag
            if len(tokens) >= _CUE_CACHE_MAX:
                tokens.clear()
            tokens[tok] = m
        mask |= m
    if len(_cue_cache) >= _CUE_CACHE_MAX:
        _cue_cache.clear()
    _cue_cache[value] = mask
    return mask


_A_TOKENS: Final = 1
_A_ROLE: Final = 2
_A_ITEMPROP: Final = 3
_A_ITEMTYPE: Final = 4
_A_HIDDEN: Final = 5
_A_ARIA_HIDDEN: Final = 6
_A_STYLE: Final = 7
_ATTRS: Final = {
    "class": _A_TOKENS,
    "id": _A_TOKENS,
    "role": _A_ROLE,
    "itemprop": _A_ITEMPROP,
    "itemtype": _A_ITEMTYPE,
    "hidden": _A_HIDDEN,
    "aria-hidden": _A_ARIA_HIDDEN,
    "style": _A_STYLE,
}
"""The attributes that carry cues (every other attribute is skipped with one dict look-up)."""


def _element_cues(tag: str, items: list[tuple[str, str]]) -> int:
    mask = P.TAG_CUES.get(tag, 0)
    attrs = _ATTRS
    for name, value in items:
        kind = attrs.get(name)
        if kind is None:
            continue
        if kind == _A_TOKENS:
            if value:
                mask |= _token_cues(value[:300])
        elif kind == _A_ROLE:
            mask |= P.ROLE_CUES.get(value.strip().lower(), 0)
        elif kind == _A_ITEMPROP:
            v = value.lower()
            if "articlebody" in v or v == "text" or "reviewbody" in v:
                mask |= P.BODY | P.CONTENT
            elif "headline" in v:
                mask |= P.TITLE
            elif "comment" in v:
                mask |= P.COMMENT
            elif "author" in v or "date" in v:
                mask |= P.META
        elif kind == _A_ITEMTYPE:
            if "Comment" in value:
                mask |= P.COMMENT
        elif kind == _A_HIDDEN or (kind == _A_ARIA_HIDDEN and value.strip().lower() == "true"):
            mask |= P.HIDDEN
        elif kind == _A_STYLE:
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


def _pre_join(pieces: list[object]) -> str:
    out = "".join("\n" if p is _BR else p for p in pieces)  # type: ignore[misc]
    return "\n".join(line.rstrip() for line in out.strip("\n").splitlines() if line.strip())


# --- what the walk needs to know of a tag, looked up once per distinct tag ----------------------

_NODE: Final = 0
"""Comments, processing instructions, entities: no content, but a tail."""
_INLINE: Final = 1
_BLOCK: Final = 2
_SKIP: Final = 3

_F_A: Final = 1
_F_BR: Final = 2
_F_PRE: Final = 4
_F_H1: Final = 8
_F_IMAGE: Final = 16
_F_SCRIPT: Final = 32
_F_MEDIA: Final = 64
"""``video``, ``svg``, ``canvas``: skipped, but they stand for an image before the next block."""

_TagInfo = tuple[str, int, int, int]
"""(normalised name, kind, flags, cue flags of the tag alone)."""
_tag_infos: dict[object, _TagInfo] = {}
_TAG_INFOS_MAX: Final = 10_000


def _tag_info(raw: object) -> _TagInfo:
    if not isinstance(raw, str):
        return ("", _NODE, 0, 0)
    tag = raw
    if "}" in tag or ":" in tag:
        tag = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
    tag = tag.lower()
    if tag in SKIP_TAGS:
        kind = _SKIP
    elif tag in BLOCK_TAGS:
        kind = _BLOCK
    else:
        kind = _INLINE
    flags = 0
    if tag == "a":
        flags |= _F_A
    elif tag == "br":
        flags |= _F_BR
    elif tag == "pre":
        flags |= _F_PRE
    elif tag == "h1":
        flags |= _F_H1
    elif tag == "script":
        flags |= _F_SCRIPT
    elif tag in ("video", "svg", "canvas"):
        flags |= _F_MEDIA
    if tag in IMAGE_TAGS:
        flags |= _F_IMAGE
    info = (tag, kind, flags, P.TAG_CUES.get(tag, 0))
    if len(_tag_infos) >= _TAG_INFOS_MAX:
        _tag_infos.clear()
    _tag_infos[raw] = info
    return info


def segment_html(root: Any, doc: Doc) -> None:
    """Fill ``doc.segments`` and ``doc.meta`` from a parsed lxml HTML tree rooted at ``root``.

    One walk over the tree (``iterwalk``, start and end events), each element's tag, attributes,
    text and tail read once; the walk's state lives in local variables, and a block is made only
    when its element closes or a child block opens with text pending."""
    paths = PathCache()  # getpath() in linear time (lxml's is quadratic over siblings)
    meta = doc.meta
    lang = root.get("lang") if isinstance(root.tag, str) else None
    if lang:
        meta.lang = lang.strip()[:20] or None
    ld_json: list[str] = []
    head = root.find("head")
    if head is not None:
        _read_head(head, meta, ld_json)
    body = root.find("body")
    start = body if body is not None else root

    segs = doc.segments
    frame_cues = doc.frame_cues
    parent = doc.parent
    cum: list[int] = []
    frame_stack: list[int] = []
    el_stack: list[Any] = []
    buf: list[object] = []
    ws = False
    """Whitespace came while ``buf`` was empty (outside ``pre``): it is left out of ``buf`` (it would
    join to nothing), but a flush must still happen where it would have: it resets the inline cues."""
    has_br = False
    link_chars = 0
    inline_cues = 0
    image_pending = False
    br_run = False
    pre = 0
    h1_open = 0
    h1_text: list[str] = []
    link_depth = 0
    headings = HEADINGS

    def flush() -> None:
        """Make a block of the pending text."""
        nonlocal buf, ws, has_br, link_chars, inline_cues, br_run, image_pending
        ws = False
        if not buf:
            inline_cues = 0
            return
        if pre:
            text = _pre_join(buf)
        elif has_br:
            text = _clean_join(buf)
        else:
            text = " ".join("".join(buf).split())  # type: ignore[arg-type]
        buf = []
        has_br = False
        lc = link_chars
        link_chars = 0
        inline = inline_cues
        inline_cues = 0
        br_run = False
        if not text:
            return
        if frame_stack:
            frame = frame_stack[-1]
            el = el_stack[-1]
            tag = el.tag
            near = inline
            f = frame
            for _ in range(NEAR_LEVELS + 1):
                if f < 0:
                    break
                near |= frame_cues[f]
                f = parent[f]
            try:
                source = paths.get(el)
            except (ValueError, TypeError):
                source = "/"
            cues = cum[frame] | inline
        else:
            frame, tag, near, source, cues = -1, "", inline, "/", inline
        segs.append(
            Segment(
                text=text,
                source=source,
                tag=tag,
                frame=frame,
                cues=cues,
                near_cues=near,
                link_chars=min(lc, len(text)),
                heading=headings.get(tag, 0),
                list_item=tag in ("li", "dd", "dt"),
                image_before=image_pending,
                depth=len(frame_stack),
            )
        )
        image_pending = False

    infos = _tag_infos
    walker = etree.iterwalk(start, events=("start", "end"))
    budget, ticks = doc.budget, 0
    for event, el in walker:
        ticks += 1
        if not ticks & CHECK_MASK and budget.stop_collecting(len(segs)):
            break  # budget (time, block count) spent: keep the blocks found so far
        raw = el.tag
        info = infos.get(raw)
        if info is None:
            info = _tag_info(raw)
        tag, kind, flags, tag_cues = info
        if kind == _NODE:
            if event == "end":
                tail = el.tail
                if tail:
                    if buf or pre or not tail.isspace():
                        buf.append(tail)
                        if link_depth:
                            link_chars += len(tail.strip())
                    else:
                        ws = True
            continue
        if event == "start":
            if kind == _SKIP:
                if flags & _F_SCRIPT:
                    typ = el.get("type")
                    if typ and "ld+json" in typ:
                        txt = el.text
                        if txt and len(txt) < MAX_JSONLD_CHARS:
                            ld_json.append(txt)
                elif flags & _F_MEDIA:
                    image_pending = True
                walker.skip_subtree()
                continue
            items = el.items()
            cues = _element_cues(tag, items) if items else tag_cues
            if kind == _BLOCK:
                if buf:
                    flush()
                elif ws:  # what flush() does with whitespace alone
                    inline_cues = 0
                    ws = False
                fid = len(parent)
                if frame_stack:
                    pf = frame_stack[-1]
                    parent.append(pf)
                    cum.append(cum[pf] | cues)
                else:
                    parent.append(-1)
                    cum.append(cues)
                frame_cues.append(cues)
                frame_stack.append(fid)
                el_stack.append(el)
                if flags:
                    if flags & _F_PRE:
                        pre += 1
                    elif flags & _F_H1:
                        h1_open += 1
                    if flags & _F_IMAGE:
                        image_pending = True
            else:
                inline_cues |= cues
                if flags:
                    if flags & _F_A:
                        link_depth += 1
                    elif flags & _F_BR:
                        if br_run and not _has_text_since_br(buf):
                            flush()
                        else:
                            buf.append(_BR)
                            has_br = True
                            br_run = True
                    elif flags & _F_IMAGE:
                        image_pending = True
            text = el.text
            if text:
                if buf or pre or not text.isspace():
                    buf.append(text)
                    if link_depth:
                        link_chars += len(text.strip())
                else:
                    ws = True
                if h1_open:
                    h1_text.append(text)
        else:  # end
            if kind == _BLOCK:
                if buf:
                    flush()
                elif ws:
                    inline_cues = 0
                    ws = False
                frame_stack.pop()
                el_stack.pop()
                if flags & _F_PRE:
                    pre -= 1
                elif flags & _F_H1:
                    h1_open -= 1
                    if h1_open == 0:
                        h = " ".join("".join(h1_text).split())
                        if h and len(meta.h1) < 10:
                            meta.h1.append(h[:MAX_META_CHARS])
                        h1_text = []
            elif flags & _F_A and link_depth:
                link_depth -= 1
            if el is start:
                break
            tail = el.tail
            if tail:
                if buf or pre or not tail.isspace():
                    buf.append(tail)
                    if link_depth:
                        link_chars += len(tail.strip())
                else:
                    ws = True
                if h1_open:
                    h1_text.append(tail)
    if buf or ws:
        flush()
    if ld_json and meta.ld_headline is None:
        meta.ld_headline = _ld_headline(ld_json)


def _has_text_since_br(buf: list[object]) -> bool:
    for p in reversed(buf):
        if p is _BR:
            return False
        if p.strip():  # type: ignore[attr-defined]
            return True
    return False


def _read_head(head: Any, meta: Meta, ld_json: list[str]) -> None:
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
                    ld_json.append(txt)


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
