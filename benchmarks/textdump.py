"""Plain-text renders of the HTML pages, made with text browsers and cached on disk.

Variants (the input of boilerstrip's text mode; the gold stays the page's gold):

- ``w3m``: ``w3m -dump -cols 3000`` (lines unwrapped);
- ``lynx``: ``lynx -dump -nolist -width=3000``;
- ``w3m-80``: ``w3m -dump -cols 80``, the same renderer wrapping at 80 columns (robustness check).

The browsers read the page as UTF-8 text (the data set's decoding), so the render does not depend on
their charset guesses. Renders live under ``<bench cache>/renders/<variant>/<set>/<id>.txt``. Only a
render the browser finished is cached: a page it timed out on gives an empty text for this run, and
a browser that is not installed is an error (not a set of empty dumps, which would be cached and
scored as such by every later run).
"""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .data import Page, work_cache

VARIANTS: dict[str, list[str]] = {
    "w3m": ["w3m", "-dump", "-cols", "3000", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
    "lynx": [
        "lynx",
        "-dump",
        "-nolist",
        "-width=3000",
        "-stdin",
        "-assume_charset=UTF-8",
        "-display_charset=UTF-8",
        "-noreferer",
        "-force_html",
    ],
    "w3m-80": ["w3m", "-dump", "-cols", "80", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8"],
}
RENDER_TIMEOUT = 60.0


def _path(variant: str, page: Page) -> Path:
    safe = hashlib.sha1(page.id.encode()).hexdigest()[:10] if "/" in page.id else page.id
    return work_cache() / "renders" / variant / page.set / f"{safe}.txt"


class BrowserMissing(RuntimeError):
    """The text browser of a variant is not installed."""


def render(variant: str, html: str) -> str | None:
    """Render ``html`` to text with the variant's browser; None where it timed out or failed
    without output (not to be cached). Raises :class:`BrowserMissing` where the browser is not
    installed."""
    cmd = VARIANTS[variant]
    try:
        proc = subprocess.run(
            cmd,
            input=html.encode("utf-8"),
            capture_output=True,
            timeout=RENDER_TIMEOUT,
            env={"TERM": "dumb", "LANG": "C.UTF-8", "HOME": "/tmp", "PATH": "/usr/bin:/bin"},
        )
    except FileNotFoundError as e:
        raise BrowserMissing(
            f"{cmd[0]} is not installed (the {variant!r} renders need it: apt-get install {cmd[0]})"
        ) from e
    except (subprocess.TimeoutExpired, OSError):
        return None
    if proc.returncode != 0 and not proc.stdout:
        return None
    return proc.stdout.decode("utf-8", errors="replace")


def renders(variant: str, pages: Iterable[Page], *, workers: int = 2) -> dict[str, str]:
    """``{page id: text}`` for the pages, rendering (and caching) those not yet on disk."""
    out: dict[str, str] = {}
    todo: list[Page] = []
    for p in pages:
        path = _path(variant, p)
        if path.exists():
            out[p.id] = path.read_text(encoding="utf-8")
        elif p.html is not None:
            todo.append(p)

    def one(p: Page) -> tuple[str, str]:
        assert p.html is not None
        text = render(variant, p.html)
        if text is None:
            return p.id, ""
        path = _path(variant, p)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return p.id, text

    with ThreadPoolExecutor(max_workers=max(1, workers)) as ex:
        for pid, text in ex.map(one, todo):
            out[pid] = text
    return out
