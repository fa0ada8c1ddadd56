"""Element paths (``/html/body/div[2]/p[3]``) in linear time.

lxml's ``getpath()`` asks libxml2 for the path, which counts an element's same-name siblings on
every call: asking it for every block of a page with a million sibling paragraphs is quadratic
(hours). :class:`PathCache` gives the same strings as ``getpath()``, but numbers the children of a
parent once, the first time one of them is asked for, and remembers the path of every ancestor it
has built: the whole walk is linear in the size of the tree.
"""

from __future__ import annotations

import re
from typing import Any, Final

MAX_PATH_CHARS: Final = 2000
"""Paths longer than this (elements nested some 300 deep) are shortened: the first three steps, then
``//``, then as many of the last steps as fit. The result is still an XPath that selects the
element, and a page of many blocks 2,000 deep does not hold gigabytes of path strings."""
MAX_CACHED_PARENTS: Final = 4096
"""Parents whose children's indices are kept; beyond this the cache is cleared (memory bound for
huge pages; correctness does not depend on it)."""


class PathCache:
    """``get(el)`` is ``el.getroottree().getpath(el)`` for the elements of one lxml tree."""

    __slots__ = ("_index", "_paths")

    def __init__(self) -> None:
        self._paths: dict[Any, str] = {}
        """Element -> path, for elements that have children asked for (ancestors)."""
        self._index: dict[Any, dict[Any, str]] = {}
        """Parent -> {child: last step of the child's path (``p[3]`` or ``p``)}."""

    def get(self, el: Any) -> str:
        parent = el.getparent()
        if parent is None:
            return _root_path(el)
        # The common case inline: the parent's path and its children's steps are known.
        head = self._paths.get(parent)
        if head is None:
            head = self._path_of(parent)
        steps = self._index.get(parent)
        step = steps.get(el) if steps is not None else None
        if step is None:
            step = self._step(parent, el)
        path = head + "/" + step
        return path if len(path) <= MAX_PATH_CHARS else shorten(path)

    getpath = get
    """Same as :meth:`get`, under the name lxml's ``ElementTree`` gives it."""

    def _path_of(self, el: Any) -> str:
        path = self._paths.get(el)
        if path is None:
            # Build iteratively: ancestors may be nested 100,000 deep.
            chain = []
            cur = el
            while cur is not None and cur not in self._paths:
                chain.append(cur)
                cur = cur.getparent()
            path = self._paths[cur] if cur is not None else ""
            for node in reversed(chain):
                parent = node.getparent()
                if parent is None:
                    path = _root_path(node)
                else:
                    path = shorten(path + "/" + self._step(parent, node))
                self._paths[node] = path
            if len(self._paths) > MAX_CACHED_PARENTS * 16:
                self._paths.clear()
        return path

    def _step(self, parent: Any, el: Any) -> str:
        steps = self._index.get(parent)
        if steps is None or el not in steps:
            if len(self._index) >= MAX_CACHED_PARENTS:
                self._index.clear()
            steps = _number_children(parent)
            self._index[parent] = steps
        return steps[el]


def shorten(path: str) -> str:
    """``path`` cut to :data:`MAX_PATH_CHARS` (see there)."""
    if len(path) <= MAX_PATH_CHARS:
        return path
    head = "/".join(path.split("/", 4)[:4])  # "/html/body/div"
    room = MAX_PATH_CHARS - len(head) - 1
    tail = path[-room:]
    tail = tail[tail.index("/") :] if "/" in tail else "/" + tail
    if tail.startswith("//"):
        tail = tail[1:]
    return head + "/" + tail


def _root_path(el: Any) -> str:
    """Path of a top-level element: ``/html``, or ``/html[2]`` when the document has two."""
    tag = el.tag
    if not isinstance(tag, str):
        return "/"
    before = sum(1 for s in el.itersiblings(preceding=True) if s.tag == tag)
    if before or any(s.tag == tag for s in el.itersiblings()):
        return f"/{tag}[{before + 1}]"
    return "/" + tag


def _number_children(parent: Any) -> dict[Any, str]:
    """Path step of every element child of ``parent``, numbered as libxml2 numbers them: ``name[i]``
    (1-based among same-name siblings) when the name occurs more than once, else ``name``."""
    children = [c for c in parent if isinstance(c.tag, str)]
    total: dict[str, int] = {}
    for c in children:
        total[c.tag] = total.get(c.tag, 0) + 1
    seen: dict[str, int] = {}
    steps: dict[Any, str] = {}
    for c in children:
        tag = c.tag
        if total[tag] == 1:
            steps[c] = tag
        else:
            i = seen.get(tag, 0) + 1
            seen[tag] = i
            steps[c] = f"{tag}[{i}]"
    return steps


_STEP_INDEX: Final = re.compile(r"\[\d+\]$")


def step_tag(step: str) -> str:
    """The tag of one step of a path: ``div`` for ``div[3]`` or ``div``."""
    return _STEP_INDEX.sub("", step)


def has_step(path: str, tag: str) -> bool:
    """The path passes through (or ends at) a ``tag`` element: a step ``tag`` or ``tag[n]``. (A
    path cut for length, :data:`MAX_PATH_CHARS`, may have lost the step.)"""
    step = "/" + tag
    at = path.find(step)
    while at >= 0:
        end = at + len(step)
        if end == len(path) or path[end] in "/[":
            return True
        at = path.find(step, end)
    return False
