"""Extract many pages: :func:`extract_many`, on a pool of worker processes, in input order.

>>> from boilerstrip import extract_many
>>> for result in extract_many(pages, workers=4, timeout=30):
...     if result.ok:
...         print(result.key, result.article.title)
...     else:
...         print(result.key, result.status, result.error)

Design
------
* **Streaming.** Pages are pulled from the input iterable only when a worker is free and fewer than
  ``window`` pages are dispatched but not yet yielded, so memory stays bounded whatever the size of
  the corpus. Results come back in input order (or as they finish, with ``ordered=False``).
* **One page never stops the rest.** An exception inside :func:`~boilerstrip.extract` gives a result
  with ``status="error"``; a worker process that dies (a crash in C code, the OOM killer) gives
  ``status="crashed"`` for the page it held, and a fresh worker takes over the rest.
* **Timeouts that work on hung C code.** Each worker holds one page at a time, so the parent knows
  when every page started. A page that runs past ``timeout`` seconds gets ``status="timeout"`` and
  its worker is killed with ``SIGKILL`` (which no loop in lxml or regex can ignore) and replaced.
  With ``workers=0`` (in-process) the timeout can only be enforced with ``SIGALRM``, which
  interrupts Python code but not a call stuck inside a C extension: use a pool to be safe.
* Workers ignore ``SIGINT``: Ctrl-C raises :class:`KeyboardInterrupt` in the parent only, which
  kills the pool and leaves the caller in control.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing as mp
import os
import pickle
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from types import FrameType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

from .pipeline import Kind, extract
from .types import Article

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

__all__ = ["Page", "Result", "Status", "article_record", "default_workers", "extract_many"]

Status = Literal["ok", "error", "timeout", "crashed"]
"""What happened to a page: ``ok`` (``article`` is set); ``error`` (extraction raised, or the
input item was not a page; ``error`` says what); ``timeout`` (the page ran past ``timeout`` seconds
and its worker was killed); ``crashed`` (the worker process died while it held the page)."""

C = TypeVar("C")
P = TypeVar("P")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Page:
    """One page to extract, with what the transport knew about it.

    ``key`` identifies the page in the results (default: its position in the input, from 0);
    ``url`` is kept on the article; ``charset`` is the HTTP ``Content-Type`` charset, passed to
    :func:`~boilerstrip.extract`; ``date`` (e.g. a WARC record's date) is kept on the result.
    """

    raw: str | bytes
    key: Any = None
    url: str | None = None
    charset: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """The outcome for one page of :func:`extract_many`.

    ``article`` is set when ``status == "ok"``; otherwise ``error`` says what went wrong.
    ``seconds`` is the time the page took (up to the kill, for a timeout).
    """

    key: Any
    article: Article | None
    status: Status = "ok"
    error: str | None = None
    url: str | None = None
    date: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"


def default_workers() -> int:
    """The number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --------------------------------------------------------------------------------------------------
# The public API


def extract_many(
    pages: Iterable[str | bytes | tuple[Any, str | bytes] | Page],
    *,
    workers: int | None = None,
    timeout: float | None = None,
    kind: Kind = "auto",
    max_bytes: int | None = None,
    ordered: bool = True,
    window: int | None = None,
    max_pages_per_worker: int | None = 10_000,
    start_method: str | None = None,
) -> Generator[Result, None, None]:
    """Extract every page of ``pages``, yielding one :class:`Result` per page.

    ``pages`` yields ``str``/``bytes`` (keyed by position), ``(key, raw)`` pairs, or :class:`Page`
    objects (with url, HTTP charset and date). It is read lazily: at most ``window`` pages (default
    ``32 * workers``) are held at a time, dispatched or waiting for an earlier page to finish.

    ``workers``: processes in the pool (default: the number of usable CPUs). ``0`` runs in this
    process; so does ``1`` unless a ``timeout`` is given, in which case one worker process is used
    so that a hung page can be killed. ``timeout``: seconds per page (``None``: no limit).
    ``kind``/``max_bytes``: passed to :func:`~boilerstrip.extract`. ``ordered=False`` yields results
    as they finish. ``max_pages_per_worker`` replaces each worker after that many pages, so that
    memory held by C libraries cannot creep up over a long run. ``start_method``: a
    :mod:`multiprocessing` start method (default ``forkserver`` where available, else ``spawn``).

    Closing the iterator early (``break``, an exception, Ctrl-C) stops the pool.
    """
    if isinstance(pages, (str, bytes, bytearray, memoryview)):
        raise TypeError("extract_many() expects an iterable of pages; for one page use extract()")
    if workers is not None and (not isinstance(workers, int) or workers < 0):
        raise TypeError(f"workers must be a non-negative int or None, not {workers!r}")
    if timeout is not None and not (isinstance(timeout, (int, float)) and timeout > 0):
        raise TypeError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    if kind not in ("auto", "html", "text"):
        raise TypeError(f"kind must be one of 'auto', 'html', 'text', not {kind!r}")
    n = default_workers() if workers is None else workers
    pool = uses_pool(n, timeout)
    outcomes = run(
        _extract_packed if pool else _extract_task,
        _tasks(pages, kind, max_bytes),
        workers=n,
        timeout=timeout,
        ordered=ordered,
        window=window,
        max_tasks_per_worker=max_pages_per_worker,
        start_method=start_method,
    )
    return _results(outcomes, pool)


def _results(
    outcomes: Generator[tuple[tuple[Any, str | None, str | None], Outcome[Any]], None, None],
    packed: bool,
) -> Generator[Result, None, None]:
    with contextlib.closing(outcomes):
        for (key, url, date), out in outcomes:
            if out.status == "ok":
                article = unpack(out.value) if packed and out.value is not None else out.value
                yield Result(key, article, "ok", None, url, date, out.seconds)
            else:
                yield Result(key, None, out.status, out.error, url, date, out.seconds)


_Payload = tuple[Any, str | None, str | None, Kind, int | None]
"""What a worker needs for one page: (raw, url, charset, kind, max_bytes)."""


def _tasks(
    pages: Iterable[Any], kind: Kind, max_bytes: int | None
) -> Iterator[tuple[tuple[Any, str | None, str | None], _Payload]]:
    for i, item in enumerate(pages):
        if isinstance(item, Page):
            key = i if item.key is None else item.key
            yield (key, item.url, item.date), (item.raw, item.url, item.charset, kind, max_bytes)
        elif isinstance(item, tuple) and len(item) == 2:
            yield (item[0], None, None), (item[1], None, None, kind, max_bytes)
        else:
            # str/bytes, or anything else: extract() in the worker says what is wrong with it.
            yield (i, None, None), (item, None, None, kind, max_bytes)


def _extract_task(payload: _Payload) -> Article:
    raw, url, charset, kind, max_bytes = payload
    return extract(raw, url=url, kind=kind, charset=charset, max_bytes=max_bytes)


def _extract_packed(payload: _Payload) -> Packed:
    return pack(_extract_task(payload))


# --------------------------------------------------------------------------------------------------
# Sending articles between processes: plain tuples pickle (and unpickle) about three times faster
# than frozen slotted dataclasses, which pickle field by field through __getstate__/__setstate__.

Packed = tuple[type, tuple[Any, ...], tuple[int, ...]]
"""(class, field values, indexes of the fields holding packed lists of dataclasses)."""


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _init_fields(cls: type) -> tuple[str, ...] | None:
    """Names of the fields of a dataclass, in ``__init__`` order; None if some are not in it."""
    try:
        return _FIELDS[cls]
    except KeyError:
        fs = dataclasses.fields(cls)
        names = tuple(f.name for f in fs) if all(f.init for f in fs) else None
        _FIELDS[cls] = names
        return names


def pack(obj: Any) -> Packed:
    """A dataclass instance (an :class:`Article`) as tuples: each field in ``__init__`` order, and
    each list of dataclass instances (comments, blocks) as ``(class, [field tuples])``. Built from
    the classes' own field lists, so fields added to them later travel too."""
    cls = type(obj)
    names = _init_fields(cls)
    if names is None:
        raise TypeError(f"cannot pack {cls.__name__}: it has fields outside __init__")
    values: list[Any] = []
    packed: list[int] = []
    for i, name in enumerate(names):
        v = getattr(obj, name)
        if type(v) is list and v and dataclasses.is_dataclass(v[0]):
            ecls: type = type(v[0])
            enames = _init_fields(ecls)
            if enames is not None and all(type(x) is ecls for x in v):
                v = (ecls, [tuple(getattr(x, n) for n in enames) for x in v])
                packed.append(i)
        values.append(v)
    return cls, tuple(values), tuple(packed)


def unpack(data: Packed) -> Any:
    """The object :func:`pack` packed."""
    cls, values, packed = data
    if not packed:
        return cls(*values)
    args = list(values)
    for i in packed:
        ecls, rows = args[i]
        args[i] = [ecls(*row) for row in rows]
    return cls(*args)


def article_record(
    article: Article, *, labels: bool = False, captions_in_text: bool = False
) -> dict[str, Any]:
    """The fields of an article that corpus tools keep: ``title``, ``subtitle`` (the headline's
    deck, or None), ``text``, ``comments`` (dicts of
    text, author, date), ``captions``, with ``labels`` (every block: text, label, score, source)
    when asked, and ``truncated`` when ``max_bytes`` cut the page. Plain JSON types only.
    ``captions_in_text``: ``text`` is :meth:`Article.text_with` ``(captions=True)``, the captions
    where they sit among the paragraphs (and still listed under ``captions``).

    This is the shape of the CLI's JSON Lines objects and of the datatrove step's metadata.
    """
    rec: dict[str, Any] = {
        "title": article.title,
        "subtitle": article.subtitle,
        "text": article.text_with(captions=True) if captions_in_text else article.text,
        "comments": [c.to_dict() for c in article.comments],
        "captions": list(article.captions),
    }
    if labels:
        rec["labels"] = [b.to_dict() for b in article.blocks]
    if article.truncated:
        rec["truncated"] = True
    return rec


# --------------------------------------------------------------------------------------------------
# The engine: any picklable function over a stream of payloads, with per-task timeouts.


@dataclass(frozen=True, slots=True)
class Outcome(Generic[R]):
    """What became of one task: ``value`` when ``status == "ok"``, else ``error``."""

    status: Status
    value: R | None = None
    error: str | None = None
    seconds: float = 0.0


class _TaskTimeout(BaseException):
    """Raised by SIGALRM inside an in-process task (a BaseException, so that no ``except
    Exception`` in the task swallows it)."""


def run(
    func: Callable[[P], R],
    items: Iterable[tuple[C, P]],
    *,
    workers: int,
    timeout: float | None = None,
    ordered: bool = True,
    window: int | None = None,
    max_tasks_per_worker: int | None = None,
    start_method: str | None = None,
) -> Generator[tuple[C, Outcome[R]], None, None]:
    """Run ``func(payload)`` for each ``(context, payload)`` of ``items``; yield ``(context,
    outcome)`` pairs.

    ``func`` must be a module-level function (it is pickled by reference); payloads and results
    must pickle. The context stays in this process. See :func:`extract_many` for the rest.
    """
    if not uses_pool(workers, timeout):
        return _run_inline(func, items, timeout)
    return _run_pool(
        func,
        items,
        workers=workers,
        timeout=timeout,
        ordered=ordered,
        window=window if window is not None else 32 * workers,
        max_tasks=max_tasks_per_worker,
        ctx=_context(start_method),
    )


def uses_pool(workers: int, timeout: float | None) -> bool:
    """Whether :func:`run` starts worker processes: for 2 or more workers, or for 1 with a timeout
    (so that a hung task can be killed)."""
    return workers > 1 or (workers == 1 and timeout is not None)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _run_inline(
    func: Callable[[P], R], items: Iterable[tuple[C, P]], timeout: float | None
) -> Generator[tuple[C, Outcome[R]], None, None]:
    use_alarm = (
        timeout is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    for context, payload in items:
        t0 = time.perf_counter()
        try:
            if use_alarm:
                assert timeout is not None
                with _alarm(timeout):
                    value = func(payload)
            else:
                value = func(payload)
        except _TaskTimeout:
            yield context, Outcome("timeout", error=_timeout_text(timeout), seconds=_since(t0))
        except Exception as exc:
            yield context, Outcome("error", error=_describe(exc), seconds=_since(t0))
        else:
            yield context, Outcome("ok", value, seconds=_since(t0))


def _since(t0: float) -> float:
    return time.perf_counter() - t0


def _timeout_text(timeout: float | None) -> str:
    return f"timed out after {timeout:g} s"


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    def fire(signum: int, frame: FrameType | None) -> None:
        raise _TaskTimeout

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _context(start_method: str | None) -> BaseContext:
    if start_method is None:
        methods = mp.get_all_start_methods()
        start_method = "forkserver" if "forkserver" in methods else "spawn"
    ctx = mp.get_context(start_method)
    if start_method == "forkserver":
        # The fork server imports boilerstrip once; every worker forked from it starts warm.
        ctx.set_forkserver_preload(["boilerstrip.batch"])
    return ctx


STARTUP_TIMEOUT = 120.0
"""Seconds a new worker process may take to start (import boilerstrip and the task's module)."""
STARTUP_FAILURES = 3
"""Consecutive workers dying before they are ready that make :func:`run` give up with an error."""


def _worker_main(conn: Connection, func: Callable[[Any], Any]) -> None:
    """Loop of a worker process: say it is ready (``None``), then receive ``(seq, payload)`` and
    answer ``(seq, status, seconds, error)``, followed for ``ok`` by the pickled value as a message
    of its own (so that the parent can hand out the next page before it unpickles this result),
    until told to stop (``None``) or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    parent = mp.parent_process()
    try:
        conn.send(None)
        while True:
            while not conn.poll(1.0):
                if parent is not None and not parent.is_alive():
                    return  # orphaned: the parent died without telling us
            msg = conn.recv()
            if msg is None:
                return
            seq, payload = msg
            t0 = time.perf_counter()
            body = b""
            try:
                value = func(payload)
            except Exception as exc:
                head: tuple[int, str, float, str | None] = (
                    seq,
                    "error",
                    _since(t0),
                    _describe(exc),
                )
            else:
                try:
                    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                    head = (seq, "ok", _since(t0), None)
                except Exception as exc:  # the result does not pickle
                    note = f"cannot return the result: {_describe(exc)}"
                    head = (seq, "error", _since(t0), note)
            conn.send(head)
            if head[1] == "ok":
                conn.send_bytes(body)
    except (EOFError, OSError):
        return


class _Worker:
    """One worker process and the task it holds (at most one at a time)."""

    __slots__ = ("born", "conn", "done", "payload", "proc", "ready", "seq", "started")

    def __init__(self, ctx: BaseContext, func: Callable[[Any], Any]) -> None:
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.proc: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_worker_main, args=(child_end, func), daemon=True, name="boilerstrip-worker"
        )
        self.proc.start()
        child_end.close()
        self.conn: Connection = parent_end
        self.born = time.monotonic()
        self.ready = False
        self.seq: int | None = None
        self.payload: Any = None
        self.started = 0.0
        self.done = 0

    def deadline(self, timeout: float | None) -> float:
        """When this worker's current page (or its start-up) runs out of time."""
        if not self.ready:
            return self.born + STARTUP_TIMEOUT
        return self.started + timeout if timeout is not None else float("inf")

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.proc.kill()
        with contextlib.suppress(Exception):
            self.proc.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()
        with contextlib.suppress(Exception):
            self.proc.close()

    def stop(self) -> None:
        """Ask the worker to exit; kill it if it does not within a second."""
        with contextlib.suppress(Exception):
            self.conn.send(None)
        with contextlib.suppress(Exception):
            self.proc.join(1.0)
        self.kill()

    def death_note(self) -> str:
        with contextlib.suppress(Exception):
            self.proc.join(1.0)
        code = self.proc.exitcode
        if code is None:
            return "the worker process stopped answering"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return f"the worker process died ({name})"
        return f"the worker process exited with status {code}"


class WorkerStartError(RuntimeError):
    """Worker processes die before they are ready (see their standard error for why)."""


def _run_pool(
    func: Callable[[P], R],
    items: Iterable[tuple[C, P]],
    *,
    workers: int,
    timeout: float | None,
    ordered: bool,
    window: int,
    max_tasks: int | None,
    ctx: BaseContext,
) -> Generator[tuple[C, Outcome[R]], None, None]:
    window = max(window, workers)
    source = iter(items)
    exhausted = False
    retry: deque[tuple[int, P]] = deque()  # tasks whose worker died before it started them
    contexts: dict[int, C] = {}  # seq -> context, for every task taken and not yet yielded
    finished: dict[int, Outcome[Any]] = {}  # seq -> outcome (ok: value still pickled), not yielded
    ready: deque[int] = deque()  # unordered mode: finished seqs in finishing order
    next_seq = 0
    next_out = 0  # ordered mode: the seq to yield next
    idle: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    live = 0  # worker processes, idle or busy
    failed_starts = 0

    def finish(seq: int, outcome: Outcome[Any]) -> None:
        finished[seq] = outcome
        if not ordered:
            ready.append(seq)

    def drop(w: _Worker, outcome: Outcome[R] | None) -> None:
        """Kill ``w``; its task gets ``outcome``, or is retried if the worker never started."""
        nonlocal live, failed_starts
        busy.pop(w.conn, None)
        live -= 1
        if w.seq is not None:
            if outcome is not None and w.ready:
                finish(w.seq, outcome)
            else:
                retry.appendleft((w.seq, w.payload))
        if not w.ready:
            failed_starts += 1
        w.seq, w.payload = None, None
        note = "" if w.ready else w.death_note()
        w.kill()
        if failed_starts >= STARTUP_FAILURES:
            raise WorkerStartError(
                f"{failed_starts} worker processes in a row died before they were ready ({note}); "
                "see their error output. Is the main module importable (run from a file, with "
                "an `if __name__ == '__main__':` guard)?"
            )

    try:
        while True:
            # 1. Dispatch while there are free workers, tasks, and room in the window.
            while idle or live < workers:
                if retry:
                    seq, payload = retry.popleft()
                elif not exhausted and len(contexts) < window:
                    try:
                        context, payload = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    seq = next_seq
                    next_seq += 1
                    contexts[seq] = context
                else:
                    break
                if idle:
                    w = idle.pop()
                else:
                    w = _Worker(ctx, func)
                    live += 1
                try:
                    w.conn.send((seq, payload))
                except (BrokenPipeError, EOFError, ConnectionResetError):
                    w.seq, w.payload = seq, payload
                    drop(w, None)  # died while idle: the task goes to another worker
                    continue
                except Exception as exc:  # the payload does not pickle
                    idle.append(w)
                    finish(seq, Outcome("error", error=f"cannot send the page: {_describe(exc)}"))
                    continue
                w.seq, w.payload = seq, payload
                w.started = time.monotonic()
                busy[w.conn] = w

            # 2. Yield what is ready.
            if ordered:
                while next_out in finished:
                    outcome = _loaded(finished.pop(next_out))
                    yield contexts.pop(next_out), outcome
                    next_out += 1
            else:
                while ready:
                    seq = ready.popleft()
                    yield contexts.pop(seq), _loaded(finished.pop(seq))

            if exhausted and not busy and not contexts and not retry:
                return
            if not busy:
                continue  # room was made in the window: dispatch more

            # 3. Wait for a message, a death, or the earliest deadline.
            now = time.monotonic()
            first = min(w.deadline(timeout) for w in busy.values())
            for conn in wait(list(busy), timeout=min(1.0, max(0.0, first - now))):
                assert isinstance(conn, Connection)
                w = busy[conn]
                try:
                    msg = conn.recv()
                    if msg is not None and msg[1] == "ok":
                        body = conn.recv_bytes()  # sent right after the head
                except (EOFError, OSError):
                    note = w.death_note()
                    drop(w, Outcome("crashed", error=note, seconds=time.monotonic() - w.started))
                    continue
                if msg is None:  # the worker is ready; its page starts now
                    w.ready = True
                    failed_starts = 0
                    w.started = time.monotonic()
                    continue
                rseq, status, seconds, error = msg
                assert rseq == w.seq
                if status == "ok":
                    finish(rseq, Outcome("ok", body, seconds=seconds))  # unpickled when yielded
                else:
                    finish(rseq, Outcome("error", error=error, seconds=seconds))
                del busy[conn]
                w.seq, w.payload = None, None
                w.done += 1
                if max_tasks is not None and w.done >= max_tasks:
                    live -= 1
                    w.stop()
                else:
                    idle.append(w)

            # 4. Kill the workers whose page (or start-up) ran out of time.
            now = time.monotonic()
            for w in list(busy.values()):
                if now >= w.deadline(timeout):
                    if w.ready:
                        spent = now - w.started
                        drop(w, Outcome("timeout", error=_timeout_text(timeout), seconds=spent))
                    else:
                        drop(w, None)
    finally:
        _shutdown([*idle, *busy.values()])


def _loaded(outcome: Outcome[Any]) -> Outcome[Any]:
    """An outcome of the pool with its value unpickled."""
    if outcome.status != "ok" or not isinstance(outcome.value, bytes):
        return outcome
    try:
        return Outcome("ok", pickle.loads(outcome.value), seconds=outcome.seconds)
    except Exception as exc:
        note = f"cannot read the result: {_describe(exc)}"
        return Outcome("error", error=note, seconds=outcome.seconds)


def _shutdown(workers: list[_Worker]) -> None:
    """Stop idle workers politely (all at once), kill busy ones."""
    for w in workers:
        if w.seq is None:
            with contextlib.suppress(Exception):
                w.conn.send(None)
        else:
            with contextlib.suppress(Exception):
                w.proc.kill()
    deadline = time.monotonic() + 1.0
    for w in workers:
        with contextlib.suppress(Exception):
            w.proc.join(max(0.0, deadline - time.monotonic()))
        w.kill()
