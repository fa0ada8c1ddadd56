"""Segment an HTML page into blocks in one walk over the lxml tree.

A block is the text of a paragraph-level element (``p``, ``li``, ``h2``, ``td``, ``div``, ...),
with the text of its inline descendants joined; a container's own text between its child blocks
becomes blocks of its own, and two or more consecutive ``<br>`` split a run of text. Each block
carries its element path, tag, the cue flags of its element and ancestors (see
:mod:`boilerstrip.patterns`), the share of its characters inside links, and whether an image came
just before it.

Page metadata (``<title>``, ``og:title``, JSON-LD ``headline``, ``h1`` texts, ``lang``) is read in
the same walk.
"""

from __future__ import annotations

import html as html_entities
import json
import re
import threading
from array import array
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final, TypeVar

from lxml import etree

from . import patterns as P
from .budget import CHECK_MASK, COLLECT_SHARE, PARSE_SHARE, Budget
from .compiled import speedups
from .document import Doc, Meta, Segment
from .parse import (
    DEEP,
    FEED_CHUNK,
    RUNAWAY_TITLE,
    close_title,
    flatten,
    new_parser,
    parse_html,
    tame_tags,
)
from .paths import MAX_PATH_CHARS, PathCache
from .paths import shorten as shorten_path
from .sniff import MARKUP_TAG

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
    "source track rt rp".split()
)
"""Elements whose content is never text of the page (their tails still are). ``rt`` and ``rp``:
a ruby annotation's reading and its fallback parentheses ("子<rt>こども</rt>" reads 子 in the
text)."""

HEADINGS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
IMAGE_TAGS: Final = frozenset(("img", "picture", "figure"))

NEAR_LEVELS: Final = 3
"""How many ancestors count as a block's near context (its element and 3 parents): enough to reach
the wrapper of a list item or table cell, short of the page-level layout containers."""

MAX_META_CHARS: Final = 2000
MAX_JSONLD_CHARS: Final = 500_000

_BR: Final = object()
_masks: dict[int, int] = {}
"""One int object per distinct cue mask (a page of a million elements has a few hundred masks)."""
_MASKS_MAX: Final = 4096

_cue_cache: dict[str, int] = {}
_token_cache: dict[str, int] = {}
_CUE_CACHE_MAX: Final = 50_000
MAX_TOKEN_CHARS: Final = 60
"""Longer class/id tokens are skipped (generated hashes, not words)."""
FIELD_LABEL: Final = ("field", "label")
"""Drupal's ``field-label-hidden`` / ``field--label-hidden``: the field's label is not shown, the
field is (a story's body, a comment's words); its "hidden" token is no :data:`patterns.HIDDEN`
cue."""
DROP_CAP: Final = ("drop", "cap")
"""A drop cap (WordPress's ``has-drop-cap`` on a story's first paragraph, ``drop-cap`` on its first
letter): its "cap" token is no :data:`patterns.CAPTION` cue."""
IMAGE_TOKENS: Final = frozenset({"img", "image", "photo", "pic", "picture", "foto", "bild"})
IMAGE_CAPTION_TOKENS: Final = frozenset({"desc", "description", "source", "copyright", "credits"})
"""A token of :data:`IMAGE_CAPTION_TOKENS` right after one of :data:`IMAGE_TOKENS` is a
:data:`patterns.CAPTION` cue, and only that ("photo-description", "img-desc", "vb_image_source",
"article-body-image-copyright": a picture's caption or credit, where alone "source" says nothing
and "copyright" is a footer's). Not "text": "imgText" is a caption on some pages, but
"ImageText" and "img-txt" are as often a block of text beside a picture (trafilatura-eval's
munich2022, fairkom: the story itself)."""

RECENT_TOKENS: Final = frozenset({"recent", "latest"})
COMMENT_TOKENS: Final = frozenset({"comment", "comments"})
"""A token of :data:`COMMENT_TOKENS` right after one of :data:`RECENT_TOKENS` adds the
:data:`patterns.RECENT_COMMENTS` cue to its comment cue (``widget_recent_comments``,
``latest-comments``: a sidebar's list of the latest comments on other posts)."""


def _token_cues(value: str) -> int:
    """Cue flags for a class/id/itemprop attribute value (cached: pages repeat their classes, and
    far more their tokens)."""
    cached = _cue_cache.get(value)
    if cached is not None:
        return cached
    mask = 0
    tokens = _token_cache
    low = P.CAMEL_SPLIT.sub("-", value).lower()
    before = ("", "")  # the two tokens before this one (long ones too)
    for tok in P.TOKEN_SPLIT.split(low):
        field_label, before = before == FIELD_LABEL, (before[1], tok)
        if (
            not tok
            or len(tok) > MAX_TOKEN_CHARS
            or (field_label and tok == "hidden")
            or before == DROP_CAP  # (the token and the one before it)
        ):
            continue
        if before[0] in IMAGE_TOKENS and tok in IMAGE_CAPTION_TOKENS:
            mask |= P.CAPTION
            continue
        if before[0] in RECENT_TOKENS and tok in COMMENT_TOKENS:
            mask |= P.RECENT_COMMENTS  # (and the token's own comment cue, below)
        m = tokens.get(tok)
        mask |= _new_token_cues(tok) if m is None else m
    if len(_cue_cache) >= _CUE_CACHE_MAX:
        _cue_cache.clear()
    _cue_cache[value] = mask
    return mask


def _new_token_cues(tok: str) -> int:
    """The cue flags of a class/id token not in the token cache (which it goes into)."""
    m = 0
    if P.TOKEN_ANY_CUE.search(tok):
        for flag, pat in P.TOKEN_CUE_PATTERNS:
            if pat.search(tok):
                m |= flag
    if len(_token_cache) >= _CUE_CACHE_MAX:
        _token_cache.clear()
    _token_cache[tok] = m
    return m


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


def _element_cues(tag: str, items: Any) -> int:
    """Cue flags of an element: its tag's and those of its attributes (``items``: name, value)."""
    mask = P.TAG_CUES.get(tag, 0)
    attrs = _ATTRS
    for name, value in items:
        kind = attrs.get(name)
        if kind is None:
            continue
        if kind == _A_TOKENS:
            if value:
                mask |= _token_cues(value[:300])
        else:
            mask |= _attr_cues(kind, value)
    return mask


def _attr_cues(kind: int, value: str) -> int:
    """Cue flags of one attribute of a kind in :data:`_ATTRS` other than class and id."""
    if kind == _A_ROLE:
        return P.ROLE_CUES.get(value.strip().lower(), 0)
    if kind == _A_ITEMPROP:
        v = value.lower()
        if "articlebody" in v or v == "text" or "reviewbody" in v:
            return P.BODY | P.CONTENT
        if "headline" in v:
            return P.TITLE
        if "comment" in v:
            return P.COMMENT
        if "author" in v or "date" in v:
            return P.META
        return 0
    if kind == _A_ITEMTYPE:
        return P.COMMENT if "Comment" in value else 0
    if (
        kind == _A_HIDDEN
        or (kind == _A_ARIA_HIDDEN and value.strip().lower() == "true")
        or (kind == _A_STYLE and P.HIDDEN_STYLE.search(value[:500]))
    ):
        return P.HIDDEN | P.SHOWN_NONE
    return 0


_H = TypeVar("_H", int, str)


def _shared(table: dict[_H, _H], value: _H, cap: int) -> _H:
    """The one object of ``value`` kept in ``table`` (emptied when it reaches ``cap`` entries)."""
    got = table.get(value)
    if got is None:
        if len(table) >= cap:
            table.clear()
        got = table[value] = value
    return got


def _shared_mask(mask: int) -> int:
    """The one int object of ``mask`` (see :data:`_masks`)."""
    return _shared(_masks, mask, _MASKS_MAX)


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
_F_NOSCRIPT: Final = 128

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
    elif tag == "noscript":
        flags |= _F_NOSCRIPT
    if tag in IMAGE_TAGS:
        flags |= _F_IMAGE
    info = (tag, kind, flags, P.TAG_CUES.get(tag, 0))
    if len(_tag_infos) >= _TAG_INFOS_MAX:
        _tag_infos.clear()
    _tag_infos[raw] = info
    return info


_names: dict[str, str] = {}
"""One string per tag name: lxml hands a new ``str`` for the tag of every event, and a page's
element records keep a tag each (a page of 400,000 elements held 400,000 copies of ``div``)."""


def _name(tag: str) -> str:
    """The one shared string of the tag name ``tag``."""
    return _shared(_names, tag, _TAG_INFOS_MAX)


# Element records. Every element of the walk that may be an ancestor of a block has a record,
# numbered from 0 in document order, kept in arrays (a few bytes an element, not an object each):
# its tag, its parent's number (-1: the root, a child of the document), its 1-based index among the
# element children of its parent with the same tag, whether that parent has another child of its
# tag (then the path step is numbered, ``p[3]``; known once the parent has closed), and its path
# once asked for. The open elements are a stack of record numbers (-1 where no block can be below)
# beside the counts of their children so far: tag -> [count, number of the first such child].


class _Stop(Exception):
    """Raised from a parser callback to end the parse: enough blocks, or the time is spent."""


# What the text pending at the next event belongs to (set by the event before it).
_SINK_NONE: Final = 0
_SINK_WALK: Final = 1
"""The text or tail of an element of the walk."""
_SINK_LD: Final = 2
"""The text of a JSON-LD script inside the walk."""
_SINK_TITLE: Final = 3
_SINK_HEAD_LD: Final = 4
_SINK_NOSCRIPT: Final = 5
"""The text of a ``<noscript>`` inside article-body markup: counted, not kept (see
:meth:`_Rare._noscript_start`)."""

_BEFORE: Final = 0
_WALK: Final = 1
_DONE: Final = 2


class _Walk:
    """The hot part of the segmenter, the parser-target callbacks of the walk, in plain Python: the
    reference for its compiled form, ``_speedups.Walk`` (the same state under the same names, the
    same steps; :class:`Segmenter` runs on whichever is at hand). What is rare (the events outside
    the walk, metadata text, the budget check, the end of an ``h1`` or of the walk) is handed to
    :class:`Segmenter`'s methods from both forms."""

    __slots__ = (
        "block_nodes", "br_run", "buf", "cum", "data", "depth", "el_index", "el_parent", "el_path",
        "el_tag", "el_twin", "frame_cues", "frame_stack", "h1_open", "h1_text", "has_br", "head",
        "image_pending", "inline_cues", "kids", "last_depth", "link_chars", "link_depth", "mode",
        "nodes", "ns", "parent", "pend", "pre", "root_mode", "seg_nodes", "segs", "sink", "skip",
        "ticks", "walk_depth", "ws",
    )
    block_nodes: list[int]
    br_run: bool
    buf: list[object]
    cum: list[int]
    data: Any
    depth: int
    el_index: array[int]
    el_parent: array[int]
    el_path: list[str | None]
    el_tag: list[str]
    el_twin: bytearray
    frame_cues: list[int]
    frame_stack: list[int]
    h1_open: int
    h1_text: list[str]
    has_br: bool
    head: int
    image_pending: bool
    inline_cues: int
    kids: list[dict[str, list[int]] | None]
    last_depth: int
    link_chars: int
    link_depth: int
    mode: int
    nodes: list[int]
    ns: int
    parent: list[int]
    pend: list[str]
    pre: int
    root_mode: bool
    seg_nodes: array[int]
    segs: list[Segment]
    sink: int
    skip: int
    ticks: int
    walk_depth: int
    ws: bool

    # What the walk calls back for (defined by Segmenter).
    def _start_other(self, tag: str, attrib: Any, depth: int) -> None:
        raise NotImplementedError

    def _reset_walk(self) -> None:
        raise NotImplementedError

    def _tick(self) -> None:
        raise NotImplementedError

    def _sink_text(self, text: str) -> None:
        raise NotImplementedError

    def _noscript_start(self) -> None:
        raise NotImplementedError

    def _h1_done(self) -> None:
        raise NotImplementedError

    def _end_walk(self) -> None:
        raise NotImplementedError

    # --- parser target interface ---------------------------------------------------------------

    def _take_pending(self) -> None:
        """Hand the text gathered since the last tag to its sink (called at every tag, when
        there is any)."""
        pend = self.pend
        sink = self.sink
        if not sink:
            pend.clear()
        elif (
            sink == _SINK_WALK
            and len(pend) == 1
            and not self.buf
            and not self.pre
            and not self.h1_open
            and pend[0].isspace()
        ):
            self.ws = True  # the common case of _text(): whitespace between two tags
            pend.clear()
        else:
            self._text()

    def start(self, tag: str, attrib: Any) -> None:
        if self.pend:
            self._take_pending()
        depth = self.depth
        self.depth = depth + 1
        if self.mode != _WALK or self.skip:
            self._start_other(tag, attrib, depth)
            return
        node = self._push(tag, True)
        self.last_depth = depth
        if depth == 1:
            if tag == "body" and self.root_mode:
                # The root has a body after all: the walk starts there.
                self._reset_walk()
                self.root_mode = False
                self.walk_depth = 1
            elif tag == "head" and not self.head:
                self.head = 1
        ticks = self.ticks + 1
        self.ticks = ticks
        if not ticks & CHECK_MASK:
            self._tick()
        self._walk_start(tag, attrib, node)

    def end(self, tag: str) -> None:
        if self.pend:
            self._take_pending()
        depth = self.depth - 1
        self.depth = depth
        self.nodes.pop()
        self.kids.pop()
        self.sink = _SINK_NONE
        if self.head == 1 and depth == 1:
            self.head = 2
        if self.mode != _WALK:
            return
        if self.skip:
            self.skip -= 1
            if not self.skip:
                self.sink = _SINK_WALK  # the tail of the skipped element
                self.ns = 0
            elif self.ns:
                self.sink = _SINK_NOSCRIPT
            return
        ticks = self.ticks + 1
        self.ticks = ticks
        if not ticks & CHECK_MASK:
            self._tick()
        info = _tag_infos.get(tag)
        if info is None:
            info = _tag_info(tag)
        kind = info[1]
        flags = info[2]
        if kind == _BLOCK:
            if self.buf:
                self._flush()
            elif self.ws:  # what a flush does with whitespace alone
                self.inline_cues = 0
                self.ws = False
            self.frame_stack.pop()
            self.block_nodes.pop()
            if flags & _F_PRE:
                self.pre -= 1
            elif flags & _F_H1:
                self.h1_open -= 1
                if self.h1_open == 0:
                    self._h1_done()
        elif flags & _F_A and self.link_depth:
            self.link_depth -= 1
        if depth == self.walk_depth:  # the element the walk started at has closed
            self._end_walk()
        else:
            self.sink = _SINK_WALK

    # --- element records (see above _Stop) ------------------------------------------------------

    def _push(self, tag: str | None, record: bool) -> int:
        """An element ``tag`` opens: it is counted among the children of the innermost open element
        when that one has a record (and ``tag`` is not None: the children of a skipped element
        need no counts), and gets a record of its own when ``record`` (which needs the parent's);
        its number is pushed on the open elements and returned (-1: no record)."""
        nodes = self.nodes
        kids = self.kids
        par = nodes[-1] if nodes else -1
        index = 0
        got: list[int] | None = None
        if par >= 0 and tag is not None:
            counts = kids[-1]
            if counts is None:
                counts = kids[-1] = {}
            got = counts.get(tag)
            if got is None:
                index = 1
                got = counts[tag] = [1, -1]
            else:
                index = got[0] = got[0] + 1
                if index == 2 and got[1] >= 0:
                    self.el_twin[got[1]] = 1  # the first child of its tag has a twin after all
        elif record:
            raise ValueError("an element record needs its parent's")
        el = -1
        if record:
            assert tag is not None
            el = self._record(tag, par, index)
            if got is not None and index == 1:
                got[1] = el
        nodes.append(el)
        kids.append(None)
        return el

    def _push_root(self, tag: str, index: int) -> int:
        """The root element opens (``index``: its index among the document's elements of its tag):
        a record without a parent, pushed on the open elements; its number."""
        el = self._record(tag, -1, index)
        self.nodes.append(el)
        self.kids.append(None)
        return el

    def _record(self, tag: str, par: int, index: int) -> int:
        el = len(self.el_tag)
        self.el_tag.append(_name(tag))
        self.el_parent.append(par)
        self.el_index.append(index)
        self.el_twin.append(1 if index > 1 else 0)
        self.el_path.append(None)
        return el

    def _bottom(self) -> int:
        """The record of the outermost open element (-1: none)."""
        return self.nodes[0] if self.nodes else -1

    def _clear_elements(self) -> None:
        """Drop every element record and open element (and the blocks' records)."""
        self.el_tag = []
        self.el_parent = array("i")
        self.el_index = array("i")
        self.el_twin = bytearray()
        self.el_path = []
        self.nodes = []
        self.kids = []
        self._clear_blocks()

    def _move_records(self, other: _Walk) -> None:
        """The element records and the blocks' records go to ``other`` (whose own are dropped);
        none are left here."""
        if other is self:
            raise TypeError("_move_records: another walk")
        other.el_tag, other.el_parent, other.el_index = self.el_tag, self.el_parent, self.el_index
        other.el_twin, other.el_path, other.seg_nodes = self.el_twin, self.el_path, self.seg_nodes
        self._clear_elements()

    def _clear_blocks(self) -> None:
        """Drop the records of the open blocks and of the blocks made."""
        self.block_nodes = []
        self.seg_nodes = array("i")

    def _write_paths(
        self,
        segs: list[Segment],
        lo: int,
        top: dict[str, int],
        shorten: Callable[[str], str],
        max_chars: int,
        keep_chars: int,
        keep_every: int,
    ) -> None:
        """Every block of ``segs`` (the page's blocks from the ``lo`` th on) with an element record
        gets its element's path as ``source``, as lxml's
        ``getpath()`` writes it (see :mod:`.paths`; ``top``: the count of the document's
        top-level elements per tag). The path of an element is kept for the next block below it
        when it has at most ``keep_chars`` characters, and every ``keep_every`` th element of a
        deeper chain; and only while the blocks are below it (the blocks come in document order:
        once one is not, no later one is), so that the kept paths are those of one chain of
        ancestors, not of every element of the page."""
        if lo < 0 or lo + len(segs) > len(self.seg_nodes):
            raise ValueError("more segments than element records")
        el_tag, el_parent, el_index, el_twin, el_path = (
            self.el_tag, self.el_parent, self.el_index, self.el_twin, self.el_path
        )
        kept: list[int] = []
        """The elements whose paths are kept, each an ancestor of the next."""
        # (the segments past the cap of blocks are cut, their records are not)
        for seg, node in zip(segs, self.seg_nodes[lo : lo + len(segs)], strict=True):
            if node < 0:
                continue
            got = el_path[node]
            if got is None:
                chain = []
                cur = node
                while cur >= 0 and el_path[cur] is None:
                    chain.append(cur)
                    cur = el_parent[cur]
                # The kept paths below the nearest kept ancestor are of elements the blocks have
                # left.
                while kept and kept[-1] != cur:
                    el_path[kept.pop()] = None
                path = el_path[cur] or "" if cur >= 0 else ""
                for k, n in enumerate(reversed(chain), 1):
                    tag = el_tag[n]
                    if el_parent[n] < 0:  # the root: "/html", or "/html[1]" beside another html
                        path = "/" + tag if top.get(tag, 0) <= 1 else f"/{tag}[{el_index[n]}]"
                    else:
                        path = path + "/" + (f"{tag}[{el_index[n]}]" if el_twin[n] else tag)
                        if len(path) > max_chars:
                            path = shorten(path)
                    if len(path) <= keep_chars or not k % keep_every:
                        el_path[n] = path
                        kept.append(n)
                got = path
            seg.source = got

    # --- the walk ------------------------------------------------------------------------------

    def _walk_start(self, raw: str, attrib: Any, node: int) -> None:
        info = _tag_infos.get(raw)
        if info is None:
            info = _tag_info(raw)
        tag, kind, flags, tag_cues = info
        if kind == _SKIP:
            self.skip = 1
            if flags & _F_SCRIPT:
                typ = attrib.get("type")
                self.sink = _SINK_LD if typ and "ld+json" in typ else _SINK_NONE
            else:
                self.sink = _SINK_NONE
                if flags & _F_MEDIA:
                    self.image_pending = True
                elif flags & _F_NOSCRIPT:
                    self._noscript_start()
            return
        self.sink = _SINK_WALK
        cues = _element_cues(tag, attrib.items()) if attrib else tag_cues
        if kind == _BLOCK:
            if self.buf:
                self._flush()
            elif self.ws:  # what a flush does with whitespace alone
                self.inline_cues = 0
                self.ws = False
            parent = self.parent
            frame_stack = self.frame_stack
            cum = self.cum
            fid = len(parent)
            if frame_stack:
                pf = frame_stack[-1]
                parent.append(pf)
                cum.append(_shared_mask(cum[pf] | cues))
            else:
                parent.append(-1)
                cum.append(_shared_mask(cues))
            self.frame_cues.append(_shared_mask(cues))
            frame_stack.append(fid)
            self.block_nodes.append(node)
            if flags:
                if flags & _F_PRE:
                    self.pre += 1
                elif flags & _F_H1:
                    self.h1_open += 1
                if flags & _F_IMAGE:
                    self.image_pending = True
        else:
            self.inline_cues |= cues & P.INLINE_CUES
            if flags:
                if flags & _F_A:
                    self.link_depth += 1
                elif flags & _F_BR:
                    if self.br_run and not _has_text_since_br(self.buf):
                        self._flush()
                    else:
                        self.buf.append(_BR)
                        self.has_br = True
                        self.br_run = True
                elif flags & _F_IMAGE:
                    self.image_pending = True

    def _text(self) -> None:
        pend = self.pend
        text = pend[0] if len(pend) == 1 else "".join(pend)
        pend.clear()
        if self.sink == _SINK_WALK:
            if self.buf or self.pre or not text.isspace():
                self.buf.append(text)
                if self.link_depth:
                    self.link_chars += len(text.strip())
            else:
                self.ws = True
            if self.h1_open:
                self.h1_text.append(text)
        elif self.sink:
            self._sink_text(text)
        self.sink = _SINK_NONE

    def _flush(self) -> None:
        """Make a block of the pending text."""
        buf = self.buf
        self.ws = False
        if not buf:
            self.inline_cues = 0
            return
        if self.pre:
            text = _pre_join(buf)
        elif self.has_br:
            text = _clean_join(buf)
        else:
            text = " ".join("".join(buf).split())  # type: ignore[arg-type]
        buf.clear()
        self.has_br = False
        lc = self.link_chars
        self.link_chars = 0
        inline = self.inline_cues
        self.inline_cues = 0
        self.br_run = False
        if not text:
            return
        frame_stack = self.frame_stack
        if frame_stack:
            frame = frame_stack[-1]
            node = self.block_nodes[-1]
            tag = self.el_tag[node]
            near = inline
            f = frame
            frame_cues = self.frame_cues
            parent = self.parent
            for _ in range(NEAR_LEVELS + 1):
                if f < 0:
                    break
                near |= frame_cues[f]
                f = parent[f]
            near = _shared_mask(near)
            cues = _shared_mask(self.cum[frame] | inline) if inline else self.cum[frame]
        else:
            frame, tag, near, cues, node = -1, "", inline, inline, -1
        self.segs.append(
            Segment(
                text,
                "/",
                tag,
                frame,
                cues,
                near,
                min(lc, len(text)),
                HEADINGS.get(tag, 0),
                tag in _LIST_ITEM_TAGS,
                self.image_pending,
                len(frame_stack),
            )
        )
        self.seg_nodes.append(node)
        self.image_pending = False


_LIST_ITEM_TAGS: Final = frozenset(("li", "dd", "dt"))

META_TITLE_NAMES: Final = (
    ("dc:title", "dc.title", "dcterms:title", "dcterms.title", "dcterm:title"),
    ("og:title",),
    ("twitter:title",),
    ("parsely-title",),
)
"""The names (``property`` or ``name`` of a ``<meta>``; RDFa lets one ``property`` list several,
space-separated) under which a page declares its title, best first: Dublin Core's, Open Graph's,
Twitter's, Parse.ly's (Readability's order, and its test pages'). The best the head holds, the
first of its rank, is ``Meta.og_title``: the declared title the headline ranker weighs. On real
pages these names agree almost always; where they do not, the Dublin Core title is the document's
own (an IETF draft's name against its file name)."""
_META_TITLE_RANK: Final = {n: k for k, names in enumerate(META_TITLE_NAMES) for n in names}

STRAY_HEAD_CHARS: Final = 2_000_000
"""How far into a page :func:`stray_head_names` looks for the head's names (where no ``<body``
tag ends the head before)."""
_STRAY_BODY: Final = re.compile(r"<body\b", re.IGNORECASE)
_STRAY_TITLE: Final = re.compile(r"<title\b[^>]{0,200}>([^<]{1,2000})</title\s*>", re.IGNORECASE)
_STRAY_SVG: Final = re.compile(r"<svg\b", re.IGNORECASE)
_STRAY_META: Final = re.compile(r"<meta\b[^>]{1,3000}>", re.IGNORECASE)
_STRAY_ATTR: Final = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def stray_head_names(text: str) -> tuple[str | None, str | None]:
    """The ``<title>`` and the declared title (:data:`META_TITLE_NAMES`) of a page whose head the
    parser did not keep: an element before ``<head>`` ("<html><div ...></div><head>", which a
    browser-saved page can hold) or stray text before ``<html>`` makes libxml2 open the body
    there, and the head's elements come inside it, where the walk does not read them. Read from
    the markup before the first ``<body`` tag; a ``<title>`` after an ``<svg>`` is the drawing's.
    For the headline step only (:func:`boilerstrip.classify.title.page_names`): the models'
    features read the names the head gave (docs/design.md, section 4, items 13 and 38)."""
    body = _STRAY_BODY.search(text, 0, STRAY_HEAD_CHARS)
    end = body.start() if body else min(len(text), STRAY_HEAD_CHARS)
    title: str | None = None
    for m in _STRAY_TITLE.finditer(text, 0, end):
        if _STRAY_SVG.search(text, 0, m.start()):
            break
        if not _in_script(text, m.start()):
            title = " ".join(html_entities.unescape(m.group(1)).split())[:MAX_META_CHARS] or None
            break
    declared: str | None = None
    best = len(META_TITLE_NAMES)
    for tag in _STRAY_META.finditer(text, 0, end):
        attrs = {k.lower(): a or b or c for k, a, b, c in _STRAY_ATTR.findall(tag.group(0))}
        names = (attrs.get("property") or attrs.get("name") or "").lower().split()
        rank = min((_META_TITLE_RANK.get(n, best) for n in names), default=best)
        if rank < best:
            content = " ".join(html_entities.unescape(attrs.get("content", "")).split())
            if content:
                declared, best = content[:MAX_META_CHARS], rank
    return title, declared


def _in_script(text: str, at: int) -> bool:
    """Whether ``at`` lies inside a ``<script>`` element (a script that writes "<title>" markup).
    (Only asked about a head the parser lost: the lower-cased copy is made on such pages alone.)"""
    before = text[:at].lower()
    opened = before.rfind("<script")
    return opened >= 0 and before.find("</script", opened) < 0


_RARE_SLOTS: Final = (
    "budget", "doc", "ld_head", "ld_walk", "meta_rank", "noscript_chars", "root", "runaway_title",
    "top",
)

# For the type checker the rare part is a _Walk (its state and callbacks); at run time it is
# combined with _Walk or with its compiled form (see Segmenter).
if TYPE_CHECKING:
    _WalkBase = _Walk
else:
    _WalkBase = object


class _Rare(_WalkBase):
    """The segmenter as an lxml parser target: blocks are made from the parser's events while it
    parses, and no tree is ever built (libxml2's tree of a page of short paragraphs weighs 60 times
    the page). :func:`segment_html` drives the same object from an existing tree.

    The events are those of the tree the parser would build, in document order, so this is the walk
    over that tree: it starts at the root's first ``body`` child (at the root when there is none:
    the walk done before a ``body`` shows up is then thrown away), reads the first ``head`` child's
    title, ``og:title`` and JSON-LD, and skips the content of :data:`SKIP_TAGS`. The text the parser
    reports after an element's start is the element's ``text``, after its end its ``tail``. The
    callbacks themselves are :class:`_Walk` (or its compiled form); this class holds what is rare,
    and a segmenter class is the two together (:data:`Segmenter`).
    """

    if not TYPE_CHECKING:  # (mypy would check the assignments against these alone)
        __slots__ = ()
    budget: Budget
    doc: Doc
    ld_head: list[str]
    ld_walk: list[str]
    noscript_chars: int
    root: int
    runaway_title: bool
    top: dict[str, int]

    def __init__(self) -> None:
        self.pend: list[str] = []
        """The text reported since the last event (in pieces)."""
        self.data = self.pend.append
        """The parser's ``data`` callback: C-level, no Python frame per piece of text."""
        self.begin(Doc(kind="html"))
        self.end_use()

    def begin(self, doc: Doc) -> None:
        """Start on a new page whose blocks go to ``doc``."""
        self.doc = doc
        self.budget = doc.budget
        self.ticks = 0
        self.mode = _BEFORE
        self.depth = 0
        self.last_depth = 0
        """Depth of the last element started inside the root (libxml2's depth limit shows there)."""
        self.top: dict[str, int] = {}
        """The document's top-level elements so far, per tag."""
        self.root = -1
        """The root element's record (-1: none yet)."""
        self._clear_elements()
        self.head = 0
        """0: no ``head`` seen yet; 1: inside the root's first ``head``; 2: after it."""
        self.ld_head: list[str] = []
        self.ld_walk: list[str] = []
        self.meta_rank = len(META_TITLE_NAMES)
        """Rank in :data:`META_TITLE_NAMES` of the name that gave ``meta.og_title`` (none yet)."""
        self.pend.clear()
        self.sink = _SINK_NONE
        self.runaway_title = False
        """The ``<title>`` swallowed markup (see :func:`.parse.close_title`)."""
        self.skip = 0
        """Depth inside a skipped element (0: not skipping)."""
        self.ns = 0
        """Inside a ``<noscript>`` whose text is counted (:meth:`_noscript_start`)."""
        self.noscript_chars = 0
        """Characters of text in ``<noscript>`` elements inside article-body markup."""
        self.root_mode = False
        """The walk started at the root, and no ``body`` has been seen yet."""
        self.walk_depth = 0
        """Depth of the element the walk started at: the walk is done when it closes."""
        self._reset_walk()

    def _reset_walk(self) -> None:
        doc = self.doc
        self.segs = doc.segments
        self.segs.clear()
        self.parent = []
        doc.parent = self.parent
        self.frame_cues = []
        doc.frame_cues = self.frame_cues
        doc.meta.h1.clear()
        self.cum: list[int] = []
        self.frame_stack: list[int] = []
        self._clear_blocks()
        self.ld_walk.clear()
        self.buf: list[object] = []
        self.ws = False
        """Whitespace came while ``buf`` was empty (outside ``pre``): it is left out of ``buf`` (it
        would join to nothing), but a flush still happens where it would have: it resets the
        inline cues."""
        self.has_br = False
        self.link_chars = 0
        self.inline_cues = 0
        self.image_pending = False
        self.br_run = False
        self.pre = 0
        self.h1_open = 0
        self.h1_text: list[str] = []
        self.link_depth = 0

    def end_use(self) -> None:
        """Drop every reference to the page (the object is kept for the next one)."""
        self.doc = Doc(kind="html")
        self._reset_walk()
        self.top = {}
        self.root = -1
        self._clear_elements()
        self.ld_head = []
        self.pend.clear()

    def close(self) -> bool:
        if self.pend:
            self._text()
        self.finish()
        return self.root >= 0

    def _tick(self) -> None:
        """Every :data:`~.budget.CHECK_EVERY` elements of the walk: stop when the budget says so."""
        if self.budget.stop_collecting(len(self.segs)):
            self.finish()
            raise _Stop

    def _start_other(self, tag: str, attrib: Any, depth: int) -> None:
        """A start outside the walk: inside a skipped element, before the root, after the walk."""
        self.sink = _SINK_NONE
        if self.mode == _WALK:  # inside a skipped element
            if self.ns:
                self.sink = _SINK_NOSCRIPT
            self.skip += 1
            self._push(None, False)
            self.last_depth = depth
            if self.head == 1:
                self._head_start(tag, attrib)
            return
        # (The open elements are as many as the depth: none at depth 0.)
        in_root = self.root >= 0 and self._bottom() == self.root
        if in_root:
            self.last_depth = depth
        if depth == 0:
            i = self.top[tag] = self.top.get(tag, 0) + 1
        if depth == 0 and self.root < 0:
            # The root: the walk starts here (and moves to its first body child, if it has one).
            node = self._push_root(tag, i)
            self.root = node
            lang = attrib.get("lang")
            if lang:
                self.doc.meta.lang = lang.strip()[:20] or None
            self.mode = _WALK
            self.root_mode = True
            self.walk_depth = 0
            self._walk_start(tag, attrib, node)
            return
        self._push(tag, False)
        if in_root and (self.head == 1 or (depth == 1 and tag == "head" and not self.head)):
            self._head_start(tag, attrib)

    def _h1_done(self) -> None:
        """The outermost open ``h1`` has closed: its text is one of the page's ``h1`` names."""
        h = " ".join("".join(self.h1_text).split())
        meta = self.doc.meta
        if h and len(meta.h1) < 10:
            meta.h1.append(h[:MAX_META_CHARS])
        self.h1_text = []

    def _end_walk(self) -> None:
        if self.buf or self.ws:
            self._flush()
        self.mode = _DONE
        self.sink = _SINK_NONE

    def _sink_text(self, text: str) -> None:
        """Text outside the walk's blocks: JSON-LD, the ``<title>``."""
        sink = self.sink
        if sink == _SINK_LD:
            if len(text) < MAX_JSONLD_CHARS:
                self.ld_walk.append(text)
        elif sink == _SINK_TITLE:
            meta = self.doc.meta
            if meta.title is None:
                if len(text) > RUNAWAY_TITLE and "<" in text:
                    self.runaway_title = True
                t = " ".join(text.split())
                meta.title = t[:MAX_META_CHARS] or None
        elif sink == _SINK_HEAD_LD and len(text) < MAX_JSONLD_CHARS:
            self.ld_head.append(text)
        elif sink == _SINK_NOSCRIPT:
            self.noscript_chars += len(text.strip())

    def _noscript_start(self) -> None:
        """A ``<noscript>`` of the walk (skipped): inside article-body markup (:data:`P.BODY`:
        ``<article>``, ``<main>``, ``itemprop=articleBody``) its text is counted, for
        :func:`_segment_page` to weigh whether the page's story is in it."""
        stack = self.frame_stack
        if stack and self.cum[stack[-1]] & P.BODY:
            self.ns = 1
            self.sink = _SINK_NOSCRIPT

    def _head_start(self, tag: str, attrib: Any) -> None:
        """An element of the root's first ``head`` (or the head itself): title, og:title,
        JSON-LD."""
        if self.head == 0:
            self.head = 1
            return
        meta = self.doc.meta
        if tag == "title":
            if meta.title is None:
                self.sink = _SINK_TITLE
        elif tag == "meta":
            props = (attrib.get("property") or attrib.get("name") or "").lower().split()
            rank = min((_META_TITLE_RANK.get(p, len(META_TITLE_NAMES)) for p in props),
                       default=len(META_TITLE_NAMES))
            if rank < self.meta_rank:
                c = " ".join((attrib.get("content") or "").split())[:MAX_META_CHARS]
                if c:
                    meta.og_title = c
                    self.meta_rank = rank
        elif tag == "script":
            typ = attrib.get("type")
            if typ and "ld+json" in typ:
                self.sink = _SINK_HEAD_LD

    def finish(self) -> None:
        """The page is over (or cut): last block, JSON-LD headline; the element records go to the
        document, to write the blocks' paths when they are asked for (:meth:`.Doc.write_sources`:
        the paths weigh as much as the blocks' texts, and only the comment items and the output
        read them)."""
        if self.mode == _WALK:
            self._end_walk()
        if self.doc.sources is None:  # (the parser may close a page its budget stopped)
            records = _Walk() if isinstance(self, _Walk) else _WalkType()  # (of the same form)
            self._move_records(records)
            self.doc.sources = _SourceWriter(records, self.top)
        meta = self.doc.meta
        ld = self.ld_head + self.ld_walk
        if ld and meta.ld_headline is None:
            meta.ld_headline = _ld_headline(ld)



class _PySegmenter(_Rare, _Walk):
    """The segmenter in plain Python (the reference of the compiled one)."""

    __slots__ = _RARE_SLOTS


class _PathsBack:
    """A source writer (:attr:`.Doc.sources`) whose paths are then mapped back from the tree that
    :func:`_rescue_misplaced` changed to the page as parsed: ``back`` maps the changed tree's path
    of each moved or renamed element (and of its siblings whose index changed) to its path in the
    parsed page; a block under one of them gets that path with its own tail. (A path cut for
    length, :data:`.paths.MAX_PATH_CHARS`, is left as written.)"""

    __slots__ = ("back", "inner")

    def __init__(
        self, inner: Callable[[list[Segment], int], None], back: dict[str, str]
    ) -> None:
        self.inner = inner
        self.back = back

    def __call__(self, segs: list[Segment], lo: int) -> None:
        self.inner(segs, lo)
        back = self.back
        for s in segs:
            path = s.source
            at = len(path)
            while at > 0:  # the longest prefix of whole steps that was changed
                head = path[:at]
                if head in back:
                    s.source = back[head] + path[at:]
                    break
                at = path.rfind("/", 0, at)


class _SourceWriter:
    """Writes the element paths of a page's blocks as their sources, from the element records the
    segmenter left (``write(segs, lo)``: ``segs`` are the page's blocks from the ``lo`` th on)."""

    __slots__ = ("records", "top")

    def __init__(self, records: _Walk, top: dict[str, int]) -> None:
        self.records = records
        self.top = top

    def __call__(self, segs: list[Segment], lo: int) -> None:
        self.records._write_paths(
            segs, lo, self.top, shorten_path, MAX_PATH_CHARS, _KEEP_PATH_CHARS, _KEEP_PATH_EVERY
        )


_speedups = speedups()
_WalkType: type[_Walk] = _Walk
"""The bare walk (of the compiled form where it is built) that holds a page's element records once
the segmenter is done."""
Segmenter: type[_Rare] = _PySegmenter
"""The segmenter: :class:`_Rare` with the compiled callbacks where the helpers are built, else
:class:`_PySegmenter`."""
if _speedups is not None:
    _speedups.walk_setup(
        _tag_infos, _tag_info, _ATTRS, _cue_cache, _token_cues, _attr_cues, _element_cues,
        _masks, _MASKS_MAX, HEADINGS, _speedups.Segment, _BR, _pre_join, _clean_join, CHECK_MASK,
        NEAR_LEVELS, _token_cache, _new_token_cues, _CUE_CACHE_MAX, MAX_TOKEN_CHARS, P.INLINE_CUES,
    )

    class _CSegmenter(_Rare, _speedups.Walk):  # type: ignore[misc,name-defined]
        __slots__ = _RARE_SLOTS

    Segmenter = _CSegmenter
    _WalkType = _speedups.Walk

_KEEP_PATH_CHARS: Final = 300
_KEEP_PATH_EVERY: Final = 32
"""The path of an element is kept for the next block below it when it is short, and for only every
32nd element of a deeper chain: 500 nested elements would otherwise hold paths of 2 to 2,000
characters each (a megabyte), and a block below them still walks at most 32 elements up."""


_local = threading.local()


def _sax() -> tuple[etree.HTMLParser, _Rare]:
    """This thread's parser and the segmenter it feeds (lxml parsers are not thread-safe)."""
    got: tuple[etree.HTMLParser, _Rare] | None = getattr(_local, "sax", None)
    if got is None:
        seg = Segmenter()
        got = (new_parser(seg), seg)
        _local.sax = got
    return got


def _parse_into(data: bytes, doc: Doc, budget: Budget | None) -> tuple[bool, bool, bool, int]:
    """Parse ``data`` into blocks of ``doc``; return (an element was seen, libxml2 hit its depth
    limit, the title swallowed the page, the characters of ``<noscript>`` text inside article-body
    markup)."""
    parser, seg = _sax()
    seg.begin(doc)
    ok = False
    found = False
    try:
        if budget is None or not budget.limited or len(data) <= FEED_CHUNK:
            found = bool(etree.fromstring(data, parser))
        else:
            for i in range(0, len(data), FEED_CHUNK):
                parser.feed(data[i : i + FEED_CHUNK])
                if budget.over(COLLECT_SHARE):
                    break
            found = bool(parser.close())
        ok = True
    except _Stop:
        found = seg.root >= 0  # cut short: the blocks so far stand
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        ok = True  # the parser closed itself; it can be reused
        found = False
    finally:
        deep = seg.last_depth >= DEEP or any(
            e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log
        )
        runaway = seg.runaway_title
        noscript = seg.noscript_chars
        seg.end_use()
        if not ok:
            # Interrupted mid-parse (our own stop, KeyboardInterrupt, MemoryError...): not reused.
            _local.sax = None
    return found, deep, runaway, noscript


def segment_page(text: str, doc: Doc, utf8: bytes | None = None) -> None:
    """Parse the HTML ``text`` and fill ``doc.segments`` and ``doc.meta`` (see :mod:`.parse` for
    how the page is parsed safely, and :class:`Segmenter` for the walk; where the parsed head gave
    neither title, :func:`stray_head_names`). ``utf8``: the UTF-8 bytes of ``text`` where the
    caller has them (not made again). ``doc.parent`` and ``doc.frame_cues`` come out as arrays of
    32-bit numbers (:func:`_pack`)."""
    _segment_page(text, doc, utf8)
    _pack(doc)
    meta = doc.meta
    if meta.title is None and meta.og_title is None:
        meta.stray_title, meta.stray_og_title = stray_head_names(text)


def _pack(doc: Doc) -> None:
    """The frames' parents and cue masks as arrays of 32-bit numbers (a list holds a pointer, and
    for a parent often an int object, per frame: a page of a million frames weighs 20 MB less).
    The cue masks of :mod:`.patterns` fit in 32 bits, as :class:`.Segment`'s compiled form keeps
    them."""
    doc.parent = array("i", doc.parent)
    doc.frame_cues = array("I", doc.frame_cues)


def _segment_page(text: str, doc: Doc, utf8: bytes | None) -> None:
    budget = doc.budget
    tamed = tame_tags(text)
    data = utf8 if utf8 is not None and tamed is text else tamed.encode("utf-8", "replace")
    del tamed, utf8
    if not data.strip():
        return
    found, deep, runaway, noscript = _parse_into(data, doc, budget)
    if not found:
        _clear(doc)
        return
    again = None
    if deep:
        again = flatten(text)
    elif runaway:
        again = tame_tags(close_title(text))
    if again is not None and not budget.over(PARSE_SHARE):
        flat = Doc(kind=doc.kind, truncated=doc.truncated, budget=budget)
        found, _, _, flat_noscript = _parse_into(again.encode("utf-8", "replace"), flat, budget)
        if found:
            noscript = flat_noscript
            doc.segments, doc.meta, doc.parent, doc.frame_cues, doc.sources = (
                flat.segments, flat.meta, flat.parent, flat.frame_cues, flat.sources
            )
    if budget.over(PARSE_SHARE):
        return
    if _chars(doc) < REPAIR_BELOW_CHARS:
        _rescue_misplaced(text, doc)
    elif noscript >= REPAIR_BELOW_CHARS:
        _rescue_misplaced(text, doc, story=True)


REPAIR_BELOW_CHARS: Final = 200
"""A page whose blocks hold fewer characters than this is parsed again as a tree, to look for text
that libxml2 put outside ``<body>`` (see :func:`_rescue_misplaced`). Real articles are longer, and
the second parse costs only on such near-empty pages."""
HEAD_TAGS: Final = frozenset(
    "title meta link base script style noscript template object".split()
)
"""Elements that belong in ``<head>``; anything else found there is page content."""


def _chars(doc: Doc) -> int:
    return sum(len(s.text) for s in doc.segments)


def _rescue_misplaced(text: str, doc: Doc, *, story: bool = False) -> None:
    """Text that libxml2 put outside the body: elements after an early ``</body>`` (siblings of
    ``body``), and content elements it left in ``<head>`` (an unknown tag before the body, which
    keeps the head open). They are moved into the body of a tree of the page, which is segmented
    instead when that gives more text. The text of ``<noscript>`` elements in the body is read
    there too (as ``div``): on a near-empty page it is the page's text. Block sources stay the
    paths of the elements in the page as parsed (:class:`_PathsBack`): where they were, and
    ``noscript``.

    ``story``: the page has text, and :data:`REPAIR_BELOW_CHARS` or more of it in ``<noscript>``
    elements inside article-body markup (``<article>``, ``<main>``, ``itemprop=articleBody``). A
    page that renders its story from a template script keeps the story's words for readers
    without scripts there, and only there (Google's Blogger blogs: ``<script
    type="text/template">`` then the same post in a ``<noscript>``); text browsers show it. Only
    those ``<noscript>`` elements are read, and of them only the ones whose words the page does
    not show elsewhere and that are no notice that the page needs scripts
    (:data:`patterns.SCRIPT_NOTICE`); nothing is moved."""
    root = parse_html(text, doc.budget)
    if root is None or not isinstance(root.tag, str):
        return
    head = root.find("head")
    body = root.find("body")
    stray_head: list[Any] = []
    after: list[Any] = []
    if story:
        fallback = _story_noscripts(body, doc) if body is not None else []
    else:
        stray_head = [
            el for el in (head if head is not None else ())
            if isinstance(el.tag, str) and el.tag not in HEAD_TAGS
        ]
        seen_body = False
        for el in root:
            if el is body:
                seen_body = True
            elif seen_body and isinstance(el.tag, str) and el.tag != "head":
                after.append(el)
        # The content of <noscript> elements in the body: a page whose text is all under one (a
        # script-rendered page's fallback, or an unclosed element inside a <noscript> that took
        # the rest of the body with it) gives that text as a page without scripts shows it. Not a
        # short notice ("You need to enable JavaScript to run this app."): a page of text.
        fallback = [
            el for el in (body.iter("noscript") if body is not None else ())
            if sum(len(t.strip()) for t in el.itertext()) >= REPAIR_BELOW_CHARS
        ]
    if not stray_head and not after and not fallback:
        return
    # The paths the moves and the renaming change: those of the elements moved or renamed and of
    # their same-tag siblings in the parents that lose, gain or rename a child (a path counts
    # same-tag siblings: "div[3]"), and so of everything under them.
    moved = {el.tag for el in (*stray_head, *after)}
    touched: dict[Any, set[str]] = {x: set(moved) for x in (root, head, body) if x is not None}
    for el in fallback:
        touched.setdefault(el.getparent(), set()).update(("noscript", "div"))
    before = PathCache()
    was = {
        child: before.get(child)
        for parent, tags in touched.items()
        if parent is not None
        for child in parent
        if child.tag in tags
    }
    for el in fallback:
        el.tag = "div"
    if body is None:
        body = etree.SubElement(root, "body")
    for i, el in enumerate(stray_head):
        body.insert(i, el)
    for el in after:
        body.append(el)
    fixed = Doc(kind=doc.kind, truncated=doc.truncated, budget=doc.budget)
    segment_html(root, fixed)
    if _chars(fixed) > _chars(doc):
        now = PathCache()
        back = {new: old for el, old in was.items() if (new := now.get(el)) != old}
        if back and fixed.sources is not None:
            fixed.sources = _PathsBack(fixed.sources, back)
        doc.segments, doc.meta, doc.parent, doc.frame_cues, doc.sources = (
            fixed.segments, fixed.meta, fixed.parent, fixed.frame_cues, fixed.sources
        )


NOTICE_CHARS: Final = 400
"""How much of a ``<noscript>``'s text :data:`patterns.SCRIPT_NOTICE` is tried on: a notice says
what it is about first."""


def _story_noscripts(body: Any, doc: Doc) -> list[Any]:
    """The ``<noscript>`` elements under ``body`` that hold a story's text for readers without
    scripts (:func:`_rescue_misplaced`, ``story``): inside article-body markup, of
    :data:`REPAIR_BELOW_CHARS` or more, not a notice that the page needs scripts, no markup written
    as text (a page saved from a browser's live document writes a ``<noscript>``'s content so:
    :data:`sniff.MARKUP_TAG`), and not words the page shows already (a gallery's slides for readers
    without scripts: its longest text is on the page)."""
    shown: str | None = None
    found = []
    for el in body.iter("noscript"):
        pieces = [" ".join(t.split()) for t in el.itertext()]
        words = " ".join(x for x in pieces if x)
        if (
            len(words) < REPAIR_BELOW_CHARS
            or P.SCRIPT_NOTICE.search(words[:NOTICE_CHARS])
            or MARKUP_TAG.search(words[:NOTICE_CHARS])  # markup written as text
        ):
            continue
        if not any(
            isinstance(up.tag, str) and _element_cues(up.tag, up.attrib.items()) & P.BODY
            for up in el.iterancestors()
        ):
            continue
        if shown is None:
            shown = " ".join(" ".join(s.text.split()) for s in doc.segments)
        if max(pieces, key=len)[:REPAIR_BELOW_CHARS] in shown:
            continue  # (its longest text is on the page already)
        found.append(el)
    return found


def _clear(doc: Doc) -> None:
    doc.segments.clear()
    doc.parent = []
    doc.frame_cues = []
    doc.meta = Meta()
    doc.sources = None


def segment_html(root: Any, doc: Doc) -> None:
    """Fill ``doc.segments`` and ``doc.meta`` from an lxml HTML tree rooted at ``root`` (the same
    blocks :func:`segment_page` makes while parsing)."""
    seg = Segmenter()
    seg.begin(doc)
    try:
        for event, el in etree.iterwalk(root, events=("start", "end")):
            tag = el.tag
            if event == "start":
                if isinstance(tag, str):
                    seg.start(tag, el.attrib)
                    if el.text:
                        seg.data(el.text)
            else:
                if isinstance(tag, str):
                    seg.end(tag)
                if el.tail and el is not root:
                    seg.data(el.tail)
        for sib in root.itersiblings():
            if isinstance(sib.tag, str):
                seg.start(sib.tag, {})
                seg.end(sib.tag)
        seg.close()
    except _Stop:
        pass
    finally:
        seg.end_use()


def _has_text_since_br(buf: list[object]) -> bool:
    for p in reversed(buf):
        if p is _BR:
            return False
        if p.strip():  # type: ignore[attr-defined]
            return True
    return False


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
