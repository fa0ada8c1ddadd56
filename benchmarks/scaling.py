"""Scaling: time and peak memory of ``extract()`` on synthetic pages from 100 KB to 50 MB.

    python -m benchmarks.scaling [--sizes 0.1 0.3 1 3 10 30 50] [--kinds ...] [--repeats 2]
                                 [--out benchmarks/results/scaling.json] [--plot docs/scaling.png]

Five kinds of page, each grown to the size asked by repeating its unit (the text of every unit is
different, so no block repeats another):

* ``paragraphs``: an article of many paragraphs of prose (with a few inline links and emphasis);
* ``links``: a page of link lists (a menu, related links, a tag cloud): short blocks, mostly
  link text;
* ``nesting``: paragraphs inside ``div``s nested 500 deep, over and over;
* ``table``: one huge table, a row of five cells after another;
* ``text``: a plain-text dump (``kind="text"``), one line after another in paragraphs of a few lines
  (50 MB is about a million lines).

Every (kind, size) runs in a fresh process: the page is made, ``extract()`` runs once to warm up on
a 100 KB page of the same kind, then ``repeats`` times on the page (the best CPU time is kept, wall
time beside it; before each call the caches of short texts' flags and shapes are emptied, so that a
repeat does not find the page's texts there: real pages share some of their texts, not all); the
peak RSS of the process during the calls, over its RSS with the page in memory just before, is the
call's memory (the process's own peak RSS, interpreter and page included, is reported beside it).

Calls are made as a corpus builder would to read a whole page: ``max_bytes=None``; and with ``MAX_BLOCKS`` raised above the page's block count (``--cap`` keeps the
library's default of 200,000 blocks, which cuts the largest pages of short blocks), so the time is
that of all the work. Time per MB should be flat across sizes (linear scaling); the report gives
the spread (largest over smallest time per MB) per kind. The plot shows time per MB and memory
against page size.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SIZES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 50.0)
"""Page sizes in MB (10^6 bytes of UTF-8)."""
KINDS = ("paragraphs", "links", "nesting", "table", "text")
NEST_DEPTH = 500

_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no what "
    "up out more said about into than them can only other time new some could these two may first "
    "then do any like my now over such our man me even most made after also did many before must "
    "through back years where much your way well down should because each just those people how "
    "too little state good very make world still own see men work long get here between both life "
    "being under never day same another know while last might us great old year off come since "
    "against go came right used take three city council market river school report water company"
).split()


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(n))


def _sentence(rng: random.Random, n: int) -> str:
    s = _words(rng, n)
    return s[0].upper() + s[1:] + "."


def _unit(kind: str, i: int, rng: random.Random) -> str:
    """One repeating unit of a page (a few hundred bytes to a few KB), numbered ``i``."""
    if kind == "paragraphs":
        a = _sentence(rng, 12)
        b = _words(rng, 3)
        c = _sentence(rng, 30)
        return f"<p>{a} Item {i} <a href='/n/{i}'>{b}</a> and <em>{_words(rng, 2)}</em>. {c}</p>\n"
    if kind == "links":
        items = "".join(
            f"<li><a href='/section/{i}/{k}.html'>{_words(rng, 3)} {i}-{k}</a></li>"
            for k in range(6)
        )
        return f"<ul class='menu'>{items}</ul>\n<div class='tags'>" + " | ".join(
            f"<a href='/tag/{i}-{k}'>{rng.choice(_WORDS)}</a>" for k in range(8)
        ) + "</div>\n"
    if kind == "nesting":
        return (
            "<div class='wrap'>" * NEST_DEPTH
            + f"<p>{_sentence(rng, 25)} {i}</p>" * 8
            + "</div>" * NEST_DEPTH
            + "\n"
        )
    if kind == "table":
        cells = "".join(f"<td>{_words(rng, 4)} {i}.{k}</td>" for k in range(5))
        return f"<tr>{cells}</tr>\n"
    if kind == "text":
        lines = [_sentence(rng, 9) for _ in range(4)]
        return f"{i}. " + "\n".join(lines) + "\n\n"
    raise ValueError(kind)


def make_page(kind: str, size_mb: float, seed: int = 0) -> str:
    """A synthetic page of ``kind`` of about ``size_mb`` MB (10^6 bytes of UTF-8)."""
    rng = random.Random(seed)
    target = int(size_mb * 1e6)
    if kind == "text":
        head, tail = "Page title\n\n", "\nCopyright 2024 Example\n"
    else:
        head = (
            "<!DOCTYPE html><html><head><title>Synthetic page</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Headline</h1>"
        )
        if kind == "table":
            head += "<table>"
        tail = ("</table>" if kind == "table" else "") + (
            "</article><footer>Copyright 2024 Example</footer></body></html>"
        )
    parts = [head]
    size = len(head) + len(tail)
    i = 0
    while size < target:
        u = _unit(kind, i, rng)
        parts.append(u)
        size += len(u)
        i += 1
    parts.append(tail)
    return "".join(parts)


def _status_mb() -> tuple[float, float]:
    rss = hwm = 0.0
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024
    return rss, hwm


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
        fh.write("5")


def _child(conn: Connection, kind: str, size: float, repeats: int, cap: bool) -> None:
    import gc

    import boilerstrip
    from boilerstrip import budget, features, pipeline

    page = make_page(kind, size).encode("utf-8")
    if not cap:
        budget.MAX_BLOCKS = pipeline.MAX_BLOCKS = 10**9  # type: ignore[misc]
    mode = "text" if kind == "text" else "html"
    boilerstrip.extract(make_page(kind, 0.1, seed=1), kind=mode, max_bytes=None)  # warm-up
    gc.collect()
    rss0, _ = _status_mb()
    _reset_peak()
    cpu: list[float] = []
    wall: list[float] = []
    blocks = 0
    truncated = False
    for _ in range(repeats):
        features._bits_cache.clear()  # the page's texts, cached by the call before
        features._shape_cache.clear()
        c0, t0 = time.process_time(), time.perf_counter()
        art = boilerstrip.extract(page, kind=mode, max_bytes=None)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        blocks, truncated = len(art.blocks), art.truncated
        del art
    _, hwm = _status_mb()
    conn.send(
        {
            "kind": kind,
            "mb": len(page) / 1e6,
            "cpu_s": min(cpu),
            "wall_s": min(wall),
            "blocks": blocks,
            "truncated": truncated,
            "rss_base_mb": rss0,
            "peak_over_base_mb": max(0.0, hwm - rss0),
            "peak_rss_mb": hwm,
            "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
    conn.close()


def run(
    sizes: Sequence[float],
    kinds: Sequence[str],
    repeats: int,
    cap: bool,
    log: Callable[[str], None],
) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    rows: list[dict[str, Any]] = []
    for kind in kinds:
        for size in sizes:
            parent, child = ctx.Pipe()
            proc = ctx.Process(target=_child, args=(child, kind, size, repeats, cap))
            proc.start()
            child.close()
            try:
                row = parent.recv()
            except EOFError:
                log(f"{kind} {size} MB: the process died")
                continue
            finally:
                proc.join(60)
            row["s_per_mb"] = row["cpu_s"] / row["mb"]
            row["mem_per_mb"] = row["peak_over_base_mb"] / row["mb"]
            rows.append(row)
            log(
                f"{kind:10s} {row['mb']:6.1f} MB: {row['cpu_s']:7.2f} s CPU ({row['wall_s']:.2f} "
                f"wall), {row['s_per_mb'] * 1000:6.0f} ms/MB, {row['blocks']} blocks, peak "
                f"{row['peak_over_base_mb']:.0f} MB over {row['rss_base_mb']:.0f} MB"
            )
    summary: dict[str, Any] = {}
    for kind in kinds:
        mine = [r for r in rows if r["kind"] == kind]
        if not mine:
            continue
        per_mb = [r["s_per_mb"] for r in mine]
        summary[kind] = {
            "ms_per_mb_min": min(per_mb) * 1000,
            "ms_per_mb_max": max(per_mb) * 1000,
            "spread": max(per_mb) / min(per_mb),
            "mb_per_s": sum(r["mb"] for r in mine) / sum(r["cpu_s"] for r in mine),
            "memory_over_target_max": max(
                r["peak_over_base_mb"] / (10 * r["mb"] + 50) for r in mine
            ),
            "rss_over_target_max": max(r["peak_rss_mb"] / (10 * r["mb"] + 50) for r in mine),
        }
    return {"sizes": list(sizes), "repeats": repeats, "cap": cap, "rows": rows, "summary": summary}


def plot(res: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for kind in res["summary"]:
        rows = sorted((r for r in res["rows"] if r["kind"] == kind), key=lambda r: r["mb"])
        xs = [r["mb"] for r in rows]
        ax1.plot(xs, [r["s_per_mb"] * 1000 for r in rows], marker="o", label=kind)
        ax2.plot(xs, [r["peak_over_base_mb"] for r in rows], marker="o", label=kind)
    xs = sorted({r["mb"] for r in res["rows"]})
    ax2.plot(xs, [10 * x + 50 for x in xs], "k--", linewidth=1, label="10 × page + 50 MB")
    for ax in (ax1, ax2):
        ax.set_xscale("log")
        ax.set_xlabel("page size (MB)")
        ax.grid(True, which="both", alpha=0.3)
    ax1.set_ylabel("CPU ms per MB")
    ax1.set_ylim(bottom=0)
    ax1.set_title("Time per MB (flat = linear)")
    ax2.set_yscale("log")
    ax2.set_ylabel("peak RSS over baseline (MB)")
    ax2.set_title("Peak memory of the call")
    ax1.legend(fontsize=8)
    ax2.legend(fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.scaling",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--sizes", type=float, nargs="+", default=list(SIZES))
    ap.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--cap", action="store_true", help="keep the default MAX_BLOCKS cap")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "scaling.json")
    ap.add_argument("--plot", type=Path, default=REPO / "docs" / "scaling.png")
    args = ap.parse_args(argv)
    commit = _commit()  # the children import the code as it is now
    res = run(
        args.sizes,
        args.kinds,
        args.repeats,
        args.cap,
        log=lambda m: print(m, file=sys.stderr, flush=True),
    )
    res["python"] = sys.version.split()[0]
    res["commit"] = commit
    res["compiled_trees"] = _compiled()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    for kind, s in res["summary"].items():
        print(
            f"{kind:10s} {s['ms_per_mb_min']:6.0f}-{s['ms_per_mb_max']:6.0f} ms/MB "
            f"(spread {s['spread']:.2f}×), {s['mb_per_s']:.2f} MB/s, peak memory at most "
            f"{s['memory_over_target_max']:.2f} of 10 × page + 50 MB "
            f"({s['rss_over_target_max']:.2f} counting the whole process)"
        )
    try:
        plot(res, args.plot)
        print(f"wrote {args.out} and {args.plot}")
    except ImportError:
        print(f"wrote {args.out} (no matplotlib: no plot)")
    return 0


def _commit() -> str | None:
    import subprocess

    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return None
    return out.stdout.strip() or None


def _compiled() -> bool:
    if os.environ.get("BOILERSTRIP_PURE_PYTHON", "") not in ("", "0"):
        return False
    try:
        import boilerstrip._speedups  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
