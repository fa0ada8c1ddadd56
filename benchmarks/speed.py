"""Speed and memory of boilerstrip and the peers, as ratios to lxml's bare parse in the same run.

    python -m benchmarks.speed [--data PATH] [--systems ...] [--pages N] [--repeats R]
                               [--out benchmarks/results/speed.json]

Each system runs alone in a fresh process (one after the other, so they do not share the two cores)
over the same pages, held in memory. For every page, ``repeats`` times: the bare
``lxml.html.fromstring(page)`` parse, then the system's extraction call on the same input; the
page's time is the median of its repeats, wall (``perf_counter``) and CPU (``process_time``). The
lxml parses exactly what the system is fed (boilerstrip: the original bytes where the set has them;
the peers: the decoded text). The ratio to lxml is taken page by page, in the same process and
moment, which cancels most of the noise of a shared machine. Peak memory is the process's peak
RSS: per page, the growth of the peak RSS during the extraction call over the RSS just before it
(the peak is reset before each call through ``/proc/self/clear_refs``, Linux), and for the run
``rss_delta_mb``, the highest peak over the baseline with the pages loaded and the library warmed
up.

boilerstrip's text mode is timed on the ``w3m -dump`` renders of the same pages (MB/s of text).
``--pages N`` takes a fixed hash-ordered sample of N pages per set (0: every page).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import multiprocessing as mp
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from .data import DEFAULT_DATA, HTML_SETS, REPO, load_set, require_data, unpack
from .systems import RUNNERS, SYSTEMS, PageInput, parse_lxml, peer_input, version

SPEED_PAGES = 150
"""Pages per set by default (a fixed hash-ordered sample; 0 = all)."""
QUICK_SPEED_PAGES = 20
CHILD_TIMEOUT = 3 * 3600.0


def _sample(ids: Sequence[str], n: int) -> set[str]:
    if n <= 0 or n >= len(ids):
        return set(ids)
    return set(sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())[:n])


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _status_mb() -> tuple[float, float]:
    """(current RSS, peak RSS since the last reset) of this process, in MB (Linux ``/proc``)."""
    rss = hwm = 0.0
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except OSError:
        hwm = rss = _maxrss_mb()
    return rss, hwm


def _reset_peak() -> bool:
    """Reset the process's peak RSS to its current RSS (Linux: ``5 > /proc/self/clear_refs``)."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _ids(data: Path, name: str) -> list[str]:
    folder = unpack(data, name)
    with (folder / "docs.jsonl").open(encoding="utf-8") as fh:
        return [str(json.loads(line)["id"]) for line in fh if line.strip()]


def _child(
    conn: Connection,
    system: str,
    data: str,
    sets: list[str],
    per_set: int,
    repeats: int,
    text_mode: bool,
) -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # peers print per-page warnings
    os.dup2(devnull, 2)

    pages: list[tuple[str, PageInput, int, str | bytes]] = []
    dumps: list[tuple[str, str]] = []
    all_pages = []
    for name in sets:
        keep = _sample(_ids(Path(data), name), per_set)
        for p in load_set(Path(data), name, ids=keep):
            if p.raw is not None:
                page = PageInput(raw=p.raw, html=p.html, lang=p.lang)
                fed = peer_input(system, page)  # lxml parses what the system is fed
                size = len(fed) if isinstance(fed, bytes) else len(fed.encode("utf-8"))
                pages.append((f"{name}/{p.id}", page, size, fed))
                all_pages.append(p)
    if text_mode:
        from .textdump import renders

        for name in sets:
            got = renders("w3m", [p for p in all_pages if p.set == name])
            dumps.extend((f"{name}/{pid}", t) for pid, t in got.items())
    fn = RUNNERS[system]
    for _key, page, _size, fed in pages[:3]:  # warm up: imports, lazy tables
        fn(page)
        parse_lxml(fed)
    gc.collect()
    rss0, _ = _status_mb()
    peak = rss0
    can_reset = _reset_peak()
    rows: list[list[Any]] = []
    errors = 0
    for key, page, size, fed in pages:
        lx: list[float] = []
        lx_cpu: list[float] = []
        wall: list[float] = []
        cpu: list[float] = []
        grow = 0.0
        for r in range(repeats):
            c0 = time.process_time()
            t0 = time.perf_counter()
            parse_lxml(fed)
            lx.append(time.perf_counter() - t0)
            lx_cpu.append(time.process_time() - c0)
            if r == 0 and can_reset:  # memory of the extraction call: peak RSS over RSS before
                _reset_peak()
                before, _ = _status_mb()
            c0 = time.process_time()
            t0 = time.perf_counter()
            out = fn(page)
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
            if r == 0 and can_reset:
                _, hwm = _status_mb()
                grow = max(0.0, hwm - before)
                peak = max(peak, hwm)
        errors += bool(out.error)
        rows.append(
            [
                key,
                size,
                statistics.median(lx),
                statistics.median(wall),
                statistics.median(cpu),
                grow,
                statistics.median(lx_cpu),
                wall[0],
            ]
        )
    if not can_reset:
        peak = _maxrss_mb()
    text_rows: list[list[Any]] = []
    if text_mode:
        for key, dump in dumps:
            size = len(dump.encode("utf-8"))
            page = PageInput(raw=dump, html=None, kind="text")
            wall = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                fn(page)
                wall.append(time.perf_counter() - t0)
            text_rows.append([key, size, statistics.median(wall)])
    conn.send(
        {
            "rows": rows,
            "text_rows": text_rows,
            "errors": errors,
            "rss_base_mb": rss0,
            "rss_peak_mb": peak,
            "per_page_memory": can_reset,
        }
    )
    conn.close()


def _aggregate(rows: list[list[Any]]) -> dict[str, Any]:
    n = len(rows)
    size = sum(r[1] for r in rows)
    lx = sum(r[2] for r in rows)
    wall = sum(r[3] for r in rows)
    cpu = sum(r[4] for r in rows)
    ratios = [r[3] / r[2] for r in rows if r[2] > 0]
    lx_cpu = sum(r[6] for r in rows)
    cpu_ratios = [r[4] / r[6] for r in rows if r[6] > 0]
    first_ratios = [r[7] / r[2] for r in rows if r[2] > 0]
    slow = max(rows, key=lambda r: r[3])
    big = max(rows, key=lambda r: r[5])
    return {
        "pages": n,
        "mb": size / 1e6,
        "wall_s": wall,
        "cpu_s": cpu,
        "lxml_s": lx,
        "pages_per_s": n / wall if wall else 0.0,
        "mb_per_s": size / 1e6 / wall if wall else 0.0,
        "x_lxml_median": statistics.median(ratios) if ratios else 0.0,
        "x_lxml_total": wall / lx if lx else 0.0,
        "lxml_cpu_s": lx_cpu,
        "x_lxml_cpu_median": statistics.median(cpu_ratios) if cpu_ratios else 0.0,
        "x_lxml_cpu_total": cpu / lx_cpu if lx_cpu else 0.0,
        "x_lxml_first_median": statistics.median(first_ratios) if first_ratios else 0.0,
        "median_ms": statistics.median(r[3] for r in rows) * 1000,
        "slowest": {"page": slow[0], "ms": slow[3] * 1000, "kb": slow[1] / 1000},
        "mem_median_mb": statistics.median(r[5] for r in rows),
        "mem_max": {"page": big[0], "mb": big[5], "kb": big[1] / 1000},
    }


def run_speed(
    data: Path,
    *,
    systems: Sequence[str],
    sets: Sequence[str] = HTML_SETS,
    quick: bool = False,
    pages: int | None = None,
    repeats: int = 3,
    text: bool = True,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    per_set = pages if pages is not None else (QUICK_SPEED_PAGES if quick else SPEED_PAGES)
    ctx = mp.get_context("spawn")
    res: dict[str, Any] = {
        "repeats": repeats,
        "pages_per_set": per_set,
        "systems": {},
        "versions": {s: version(s) for s in systems},
    }
    for system in systems:
        t0 = time.monotonic()
        parent, child = ctx.Pipe()
        proc = ctx.Process(
            target=_child,
            args=(
                child,
                system,
                str(data),
                list(sets),
                per_set,
                repeats,
                text and system == "boilerstrip",
            ),
        )
        proc.start()
        child.close()
        if not parent.poll(CHILD_TIMEOUT):
            proc.kill()
            log(f"speed: {system} did not finish")
            continue
        try:
            got = parent.recv()
        except EOFError:
            log(f"speed: {system} crashed")
            continue
        finally:
            proc.join(10)
        rows = got["rows"]
        entry: dict[str, Any] = {
            "all": _aggregate(rows),
            "sets": {
                name: _aggregate(sub)
                for name in sets
                if (sub := [r for r in rows if r[0].split("/", 1)[0] == name])
            },
            "errors": got["errors"],
            "rss_peak_mb": got["rss_peak_mb"],
            "rss_base_mb": got["rss_base_mb"],
            "rss_delta_mb": got["rss_peak_mb"] - got["rss_base_mb"],
            "per_page_memory": got["per_page_memory"],
            "per_page": {r[0]: [round(r[2] * 1e3, 3), round(r[3] * 1e3, 3)] for r in rows},
        }
        if got["text_rows"]:
            tr = got["text_rows"]
            wall = sum(r[2] for r in tr)
            size = sum(r[1] for r in tr)
            entry["text_w3m"] = {
                "pages": len(tr),
                "mb": size / 1e6,
                "wall_s": wall,
                "mb_per_s": size / 1e6 / wall if wall else 0.0,
                "pages_per_s": len(tr) / wall if wall else 0.0,
            }
        res["systems"][system] = entry
        a = entry["all"]
        log(
            f"speed: {system}: {a['pages']} pages, {a['pages_per_s']:.1f} pages/s, "
            f"×lxml median {a['x_lxml_median']:.1f} total {a['x_lxml_total']:.1f}, "
            f"CPU median {a['x_lxml_cpu_median']:.1f} total {a['x_lxml_cpu_total']:.1f}"
            + (f", text {entry['text_w3m']['mb_per_s']:.1f} MB/s" if "text_w3m" in entry else "")
            + f" ({time.monotonic() - t0:.0f} s)"
        )
    return res


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.speed",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--systems",
        nargs="+",
        default=[s for s in SYSTEMS if s != "trafilatura+comments"],
        choices=SYSTEMS,
    )
    ap.add_argument("--sets", nargs="+", default=list(HTML_SETS), choices=HTML_SETS)
    ap.add_argument("--pages", type=int, default=SPEED_PAGES, help="pages per set (0: all)")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-text", action="store_true", help="skip boilerstrip's text mode")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "speed.json")
    args = ap.parse_args(argv)
    require_data(args.data, args.sets)
    res = run_speed(
        args.data,
        systems=args.systems,
        sets=args.sets,
        pages=args.pages,
        repeats=args.repeats,
        text=not args.no_text,
        log=lambda m: print(m, file=sys.stderr, flush=True),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
