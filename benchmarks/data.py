"""Loaders for the evaluation sets in ``../shared/data``.

Each ``<name>.tar.gz`` is unpacked once into a cache folder (default
``~/.cache/boilerstrip/data``, or ``$BOILERSTRIP_CACHE``); a marker file records the archive's size
and mtime so a changed archive is unpacked again. :func:`load_set` yields one :class:`Page` per line
of the set's ``docs.jsonl``, with the original bytes where ``raw/<id>.html`` exists (so that
encoding detection is exercised) and the UTF-8 text otherwise.
"""

from __future__ import annotations

import json
import os
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _default_data() -> Path:
    """``../shared/data`` relative to the repository; from a git worktree nested one level deeper
    (``work/wt/<name>``) the first ``shared/data`` found walking up is used."""
    for parent in REPO.parents:
        cand = parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return REPO.parent / "shared" / "data"


DEFAULT_DATA = _default_data()
SETS = (
    "dragnet",
    "l3s-gn1",
    "cleanportaleval",
    "cleaneval-dev",
    "mozilla-readability",
    "trafilatura-eval",
    "turku-line-quality",
)
HTML_SETS = SETS[:-1]


def cache_root() -> Path:
    """Where the sets are unpacked: ``$BOILERSTRIP_CACHE`` or ``~/.cache/boilerstrip/data``."""
    env = os.environ.get("BOILERSTRIP_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "boilerstrip" / "data"


def work_cache() -> Path:
    """Where the benchmarks keep derived files (text renders, peer results), beside the data."""
    env = os.environ.get("BOILERSTRIP_BENCH_CACHE")
    return Path(env) if env else cache_root().parent / "bench"


@dataclass
class Page:
    set: str
    id: str
    raw: bytes | str | None
    """What to feed the extractor: original bytes where the set has them, else UTF-8 text."""
    html: str | None
    """The page as UTF-8 text (None for plain-text sets)."""
    gold_text: str | None
    gold_comments: str | None
    gold_title: str | None
    lang: str | None
    url: str | None
    text: str | None = None
    """Plain-text sets: the page text."""
    line_labels: list[int] | None = None
    gold_with: list[str] | None = None
    gold_without: list[str] | None = None
    gold_blocks: list[dict[str, str]] | None = None
    record: dict[str, Any] = field(default_factory=dict)
    """The whole docs.jsonl record, for set-specific fields."""


def require_data(data: Path, sets: Iterable[str]) -> None:
    """Stop with a clear message (``SystemExit``) when ``data`` lacks a set's archive: the
    benchmarks read the sets in worker processes, whose errors would otherwise show only as a
    crashed worker."""
    missing = [s for s in sets if not (Path(data) / f"{s}.tar.gz").exists()]
    if missing:
        where = "is not a directory" if not Path(data).is_dir() else "has no " + ", ".join(
            f"{s}.tar.gz" for s in missing
        )
        raise SystemExit(
            f"data: {data} {where}; pass --data pointing at ../shared/data "
            f"(the default is looked for from {REPO})"
        )


def unpack(data: Path, name: str) -> Path:
    """Unpack ``<data>/<name>.tar.gz`` into the cache (once) and return the set's folder."""
    archive = data / f"{name}.tar.gz"
    if not archive.exists():
        raise FileNotFoundError(f"{archive} not found (is --data pointing at shared/data?)")
    root = cache_root()
    folder = root / name
    stamp = f"{archive.stat().st_size}:{int(archive.stat().st_mtime)}"
    marker = root / f".{name}.unpacked"
    if folder.is_dir() and marker.exists() and marker.read_text() == stamp:
        return folder
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive) as tf:
        tf.extractall(root, filter="data")
    marker.write_text(stamp)
    return folder


def load_set(data: Path, name: str, *, ids: set[str] | None = None) -> Iterator[Page]:
    """Yield the pages of one set (only those in ``ids`` when given)."""
    folder = unpack(Path(data), name)
    blocks: dict[str, list[dict[str, str]]] = {}
    bpath = folder / "blocks.jsonl"
    if bpath.exists():
        with bpath.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                blocks[str(rec["id"])] = rec["blocks"]
    with (folder / "docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            pid = str(rec["id"])
            if ids is not None and pid not in ids:
                continue
            html: str | None = None
            raw: bytes | str | None = None
            if rec.get("html"):
                html = (folder / rec["html"]).read_text(encoding="utf-8")
                rawp = folder / "raw" / f"{pid}.html"
                raw = rawp.read_bytes() if rawp.exists() else html
            yield Page(
                set=name,
                id=pid,
                raw=raw,
                html=html,
                gold_text=rec.get("gold_text"),
                gold_comments=rec.get("gold_comments"),
                gold_title=rec.get("gold_title"),
                lang=rec.get("lang"),
                url=rec.get("url"),
                text=rec.get("text"),
                line_labels=rec.get("line_labels"),
                gold_with=rec.get("gold_with"),
                gold_without=rec.get("gold_without"),
                gold_blocks=blocks.get(pid),
                record=rec,
            )
