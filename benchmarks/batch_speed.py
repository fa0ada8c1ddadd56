"""Throughput and memory of :func:`boilerstrip.extract_many`.

Speed: pages per second on the dev pages with 1 worker (in-process) and N workers (a process
pool), and the scaling ratio ``throughput(N) / (N * throughput(1))`` (target: at least 0.8). Runs
alternate (1, N, 1, N, ...) and the best of each is kept, so that a burst of load from elsewhere on
the machine hurts both alike; the load average is printed with the figures.

    python -m benchmarks.batch_speed speed [--workers 2] [--repeat 2] [--set dragnet]

Memory: resident memory of the parent and of the workers while ``extract_many`` streams a long
run of pages (synthetic news pages, each different, from a generator: nothing is held in a list),
sampled every ``--every`` pages. Flat means the last samples are no higher than the first ones
after warm-up.

    python -m benchmarks.batch_speed memory [--pages 100000] [--workers 2] [--no-recycle]
        [--set dragnet]   # cycle through real pages instead of synthetic ones
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import boilerstrip
from boilerstrip import extract_many

from .data import DEFAULT_DATA, load_set


def _load() -> str:
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu(who: int) -> float:
    ru = resource.getrusage(who)
    return ru.ru_utime + ru.ru_stime


def _run(
    pages: list[bytes | str], workers: int, start_method: str
) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds of this process, CPU seconds of the workers, failures.

    Worker CPU is counted through ``RUSAGE_CHILDREN``, which sees processes this one started and
    waited for: hence ``start_method="fork"`` by default here (under ``forkserver`` the workers are
    the fork server's children). The steady state is the same either way.
    """
    t0 = time.perf_counter()
    self0, kids0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    failures = 0
    for r in extract_many(pages, workers=workers, start_method=start_method):
        failures += not r.ok
    wall = time.perf_counter() - t0
    self1, kids1 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    return wall, self1 - self0, kids1 - kids0, failures


_PAGES: list[bytes | str] = []


def _extract_share(k: int, n: int) -> None:
    for raw in _PAGES[k::n]:
        boilerstrip.extract(raw)


def _ceiling(pages: list[bytes | str], n: int) -> float:
    """Wall seconds for ``n`` independent processes extracting a share of the pages each, with no
    pool and no traffic between processes: what the machine itself allows for ``n`` workers."""
    _PAGES[:] = pages
    ctx = multiprocessing.get_context("fork")
    t0 = time.perf_counter()
    procs = [ctx.Process(target=_extract_share, args=(k, n)) for k in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    _PAGES.clear()
    return time.perf_counter() - t0


def speed(args: argparse.Namespace) -> dict[str, object]:
    pages = [p.raw for p in load_set(Path(args.data), args.set) if p.raw is not None]
    print(f"{len(pages)} pages of {args.set}; load average before: {_load()}", flush=True)
    best: dict[int, float] = {}
    cpu: dict[int, float] = {}  # least CPU seconds per run, all processes
    ceiling = 0.0
    n = args.workers
    for rep in range(args.repeat):
        for w in (1, n):
            wall, own, kids, failures = _run(pages, w, args.start_method)
            rate = len(pages) / wall
            best[w] = max(best.get(w, 0.0), rate)
            cpu[w] = min(cpu.get(w, float("inf")), own + kids)
            print(
                f"  run {rep + 1} workers={w}: {wall:6.1f} s  {rate:6.1f} pages/s  "
                f"cpu: parent {own:5.1f} s, workers {kids:5.1f} s  failures {failures}  "
                f"load {_load()}",
                flush=True,
            )
        wall = _ceiling(pages, n)
        ceiling = max(ceiling, len(pages) / wall)
        print(
            f"  run {rep + 1} {n} independent processes, no pool: {wall:6.1f} s  "
            f"{len(pages) / wall:6.1f} pages/s  load {_load()}",
            flush=True,
        )
    ratio = best[n] / (n * best[1])
    # What the pool costs in CPU: on N free cores, N workers can at best reach
    # N * throughput(1) * cpu(1) / cpu(N) (the parent's share included).
    cpu_ratio = cpu[1] / cpu[n]
    print(
        f"best: 1 worker {best[1]:.1f} pages/s, {n} workers {best[n]:.1f} pages/s; "
        f"wall-clock ratio {ratio:.2f} (target >= 0.80); CPU ratio cpu(1)/cpu({n}) "
        f"{cpu_ratio:.2f} (the ratio on {n} otherwise idle cores); {n} independent processes "
        f"{ceiling:.1f} pages/s, ratio {ceiling / (n * best[1]):.2f} (what the machine allows); "
        f"cores {os.cpu_count()}, load {_load()}"
    )
    return {
        "set": args.set,
        "pages": len(pages),
        "pages_per_s": {str(k): round(v, 2) for k, v in best.items()},
        "cpu_s": {str(k): round(v, 2) for k, v in cpu.items()},
        "ratio": round(ratio, 3),
        "cpu_ratio": round(cpu_ratio, 3),
        "independent_processes_pages_per_s": round(ceiling, 2),
        "ceiling_ratio": round(ceiling / (n * best[1]), 3),
        "cpus": os.cpu_count(),
        "load_after": _load(),
    }


_TEXT = """
the minister said on tuesday that talks would continue next week while officials from both sides
met to discuss a new agreement on trade energy and security prices rose sharply across the region
as farmers struggled with drought residents described long queues at stations
"""
_WORDS = _TEXT.split()


def synthetic_pages(n: int) -> Iterator[str]:
    """``n`` different news-like pages, made one at a time."""
    rng = random.Random(0)
    for i in range(n):
        paras = "".join(
            "<p>" + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(20, 60))) + ".</p>"
            for _ in range(rng.randint(2, 8))
        )
        comments = "".join(
            f'<li class="comment"><b>user{rng.randint(1, 10**6)}</b><p>'
            + " ".join(rng.choice(_WORDS) for _ in range(rng.randint(5, 25)))
            + "</p></li>"
            for _ in range(rng.randint(0, 4))
        )
        yield (
            f"<html><head><title>Story {i} | Example</title></head><body>"
            f'<ul id="nav"><li><a href="/">Home</a></li>'
            f'<li><a href="/w">World {i % 97}</a></li></ul>'
            f"<div class=article><h1>Story {i}</h1>{paras}</div>"
            f'<div id="comments"><ol>{comments}</ol></div>'
            f'<div id="footer">Copyright {1990 + i % 35} Example</div></body></html>'
        )


def cycled(data: Path, name: str, n: int) -> Iterator[bytes | str]:
    """``n`` pages of a dev set, cycling through it (one copy of the set in memory)."""
    pages = [p.raw for p in load_set(data, name) if p.raw is not None]
    for i in range(n):
        yield pages[i % len(pages)]


def memory(args: argparse.Namespace) -> dict[str, object]:
    recycle = None if args.no_recycle else 10_000
    if args.set:
        source: Iterator[bytes | str] = cycled(Path(args.data), args.set, args.pages)
        what = f"pages of {args.set} (cycled)"
    else:
        source = synthetic_pages(args.pages)
        what = "synthetic pages"
    print(
        f"{args.pages:,} {what}, workers={args.workers}, "
        f"max_pages_per_worker={recycle}; load {_load()}",
        flush=True,
    )
    samples: list[dict[str, float]] = []
    t0 = time.perf_counter()
    results = extract_many(source, workers=args.workers, max_pages_per_worker=recycle)
    for done, r in enumerate(results, 1):
        assert r.ok, r.error
        if done % args.every == 0:
            children = multiprocessing.active_children()
            kids = [_rss_kib(c.pid) for c in children if c.pid is not None]
            s = {
                "pages": done,
                "parent_mib": round(_rss_kib(os.getpid()) / 1024, 1),
                "workers_mib": round(sum(kids) / 1024, 1),
                "max_worker_mib": round(max(kids, default=0) / 1024, 1),
                "pages_per_s": round(done / (time.perf_counter() - t0), 1),
            }
            samples.append(s)
            print(
                f"  {done:>8,} pages  parent {s['parent_mib']:7.1f} MiB  workers "
                f"{s['workers_mib']:7.1f} MiB (max {s['max_worker_mib']:.1f})  "
                f"{s['pages_per_s']:.0f} pages/s",
                flush=True,
            )
    warm = samples[len(samples) // 10 :]  # skip the first tenth: caches fill up
    first, last = warm[0], warm[-1]
    growth_parent = last["parent_mib"] - first["parent_mib"]
    growth_workers = last["max_worker_mib"] - first["max_worker_mib"]
    print(
        f"after warm-up ({first['pages']:,} -> {last['pages']:,} pages): parent "
        f"{growth_parent:+.1f} MiB, largest worker {growth_workers:+.1f} MiB; "
        f"peak parent {max(s['parent_mib'] for s in samples):.1f} MiB, "
        f"peak worker {max(s['max_worker_mib'] for s in samples):.1f} MiB"
    )
    return {
        "pages": args.pages,
        "workers": args.workers,
        "max_pages_per_worker": recycle,
        "samples": samples,
        "parent_growth_mib": round(growth_parent, 1),
        "worker_growth_mib": round(growth_workers, 1),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    s = sub.add_parser("speed")
    s.add_argument("--data", default=str(DEFAULT_DATA))
    s.add_argument("--set", default="dragnet")
    s.add_argument("--workers", type=int, default=2)
    s.add_argument("--repeat", type=int, default=2)
    s.add_argument("--start-method", default="fork", help="see _run (default: fork)")
    m = sub.add_parser("memory")
    m.add_argument("--pages", type=int, default=100_000)
    m.add_argument("--workers", type=int, default=2)
    m.add_argument("--every", type=int, default=5_000)
    m.add_argument("--no-recycle", action="store_true", help="never replace workers")
    m.add_argument("--set", default=None, help="cycle through this dev set instead")
    m.add_argument("--data", default=str(DEFAULT_DATA))
    for q in (s, m):
        q.add_argument("--out", default=None, help="also write the figures as JSON here")
    args = p.parse_args(argv)
    result = speed(args) if args.what == "speed" else memory(args)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
