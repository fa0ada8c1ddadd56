"""Run one system over many pages in worker processes, with a per-page timeout and a result cache.

Each system runs in its own worker processes (``--workers`` of them at a time). A page that takes
longer than the timeout, or that kills its worker (a crash in C code), gets an empty :class:`Output`
with the error recorded; the worker is replaced and the run goes on. No page is ever dropped.

Peer results are cached on disk (SQLite) by (system, library version, call settings, variant, set,
page id, hash of the input), so a re-run only recomputes what changed. boilerstrip is never cached:
its code changes between runs.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing as mp
import os
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from .systems import SETTINGS, Output, PageInput, run, version

TIMEOUT = 60.0
"""Seconds one page may take before it counts as a hang."""


@dataclass
class Task:
    key: str
    """``set/id`` (unique within a run of one system over one variant)."""
    page: PageInput


def _worker(conn: Connection, system: str) -> None:
    # peers print warnings per page (boilerpy3); keep the run's output readable
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    sys.setrecursionlimit(10_000)
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            return
        if msg is None:
            return
        key, page = msg
        t0 = time.perf_counter()
        out = run(system, page)
        conn.send((key, out.to_dict(), time.perf_counter() - t0))


class _Slot:
    def __init__(self, ctx: Any, system: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, system), daemon=True)
        self.proc.start()
        child.close()
        self.key: str | None = None
        self.started = 0.0

    def give(self, task: Task) -> None:
        self.key = task.key
        self.started = time.monotonic()
        self.conn.send((task.key, task.page))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            self.conn.send(None)
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
        self.conn.close()


def run_pool(
    system: str,
    tasks: Sequence[Task],
    *,
    workers: int = 2,
    timeout: float = TIMEOUT,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Output]:
    """Run ``system`` on every task; returns an :class:`Output` per task key (never fewer)."""
    results: dict[str, Output] = {}
    if not tasks:
        return results
    ctx = mp.get_context("fork")
    queue = deque(tasks)
    slots = [_Slot(ctx, system) for _ in range(min(workers, len(tasks)))]
    try:
        while len(results) < len(tasks):
            for i, slot in enumerate(slots):
                if slot.key is None and queue:
                    try:
                        slot.give(queue[0])
                        queue.popleft()
                    except (BrokenPipeError, OSError):
                        slot.kill()
                        slots[i] = _Slot(ctx, system)
            busy = [s for s in slots if s.key is not None]
            if not busy:
                break
            now = time.monotonic()
            wait_for = max(0.01, min(s.started + timeout - now for s in busy))
            ready = wait([s.conn for s in busy], timeout=wait_for)
            for i, slot in enumerate(slots):
                if slot.key is None:
                    continue
                if slot.conn in ready:
                    try:
                        key, out, _elapsed = slot.conn.recv()
                    except (EOFError, OSError):
                        results[slot.key] = Output(error="worker crashed")
                        slot.kill()
                        slots[i] = _Slot(ctx, system)
                    else:
                        results[key] = Output.from_dict(out)
                        slot.key = None
                    if progress:
                        progress(len(results), len(tasks))
                elif time.monotonic() - slot.started > timeout:
                    results[slot.key] = Output(error=f"timeout after {timeout:.0f} s")
                    slot.kill()
                    slots[i] = _Slot(ctx, system)
                    if progress:
                        progress(len(results), len(tasks))
    finally:
        for slot in slots:
            if slot.key is None:
                slot.stop()
            else:
                slot.kill()
    return results


# --- cache of peer results --------------------------------------------------------------------


def input_hash(page: PageInput) -> str:
    h = hashlib.sha1()
    raw = page.raw.encode("utf-8") if isinstance(page.raw, str) else page.raw
    h.update(raw)
    h.update(f"|{page.kind}|{page.lang}|{page.want_blocks}".encode())
    return h.hexdigest()


class Cache:
    """SQLite store of peer outputs."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path))
        self.db.execute("CREATE TABLE IF NOT EXISTS out (k TEXT PRIMARY KEY, system TEXT, v TEXT)")

    @staticmethod
    def key(system: str, variant: str, task: Task) -> str:
        tag = f"{system}|{version(system)}|{SETTINGS[system]}|{variant}|{task.key}"
        return tag + "|" + input_hash(task.page)

    def get(self, key: str) -> Output | None:
        row = self.db.execute("SELECT v FROM out WHERE k = ?", (key,)).fetchone()
        return Output.from_dict(json.loads(row[0])) if row else None

    def put_many(self, system: str, items: Sequence[tuple[str, Output]]) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO out (k, system, v) VALUES (?, ?, ?)",
            [(k, system, json.dumps(o.to_dict(), ensure_ascii=False)) for k, o in items],
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def run_system(
    system: str,
    variant: str,
    tasks: Sequence[Task],
    *,
    cache: Cache | None,
    workers: int = 2,
    timeout: float = TIMEOUT,
    log: Callable[[str], None] = print,
) -> dict[str, Output]:
    """Outputs of ``system`` for ``tasks``, from the cache for peers where possible."""
    use_cache = cache is not None and system != "boilerstrip"
    results: dict[str, Output] = {}
    todo: list[Task] = []
    keys: dict[str, str] = {}
    if use_cache:
        assert cache is not None
        for t in tasks:
            k = keys[t.key] = Cache.key(system, variant, t)
            hit = cache.get(k)
            if hit is not None:
                results[t.key] = hit
            else:
                todo.append(t)
    else:
        todo = list(tasks)
    if todo:
        t0 = time.monotonic()
        last = [t0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] > 30 or done == total:
                last[0] = now
                log(f"  {system} [{variant}] {done}/{total} pages, {now - t0:.0f} s")

        fresh = run_pool(system, todo, workers=workers, timeout=timeout, progress=progress)
        results.update(fresh)
        if use_cache:
            assert cache is not None
            # hangs and crashes are not cached: a later run tries them again
            cache.put_many(
                system,
                [
                    (keys[k], o)
                    for k, o in fresh.items()
                    if not (o.error and (o.error.startswith("timeout") or "crashed" in o.error))
                ],
            )
    return results
