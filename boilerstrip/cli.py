"""Command line.

One page: ``boilerstrip [FILE|-] [--format text|json|markdown|blocks] [--kind auto|html|text]``
prints the page's title and article text (or everything, as JSON or Markdown);
``--captions-in-text`` puts the photo captions back into that text where they sit.

Many pages: ``boilerstrip INPUT... [-o OUT.jsonl] [--workers N] [--resume]``, where an INPUT is a
file, a directory (read recursively; ``--glob`` picks the files), a quoted glob pattern
(``'crawl/**/*.html'``), a WARC file (``.warc``, ``.warc.gz``; needs the ``warc`` extra), or
``-`` (standard input: one page, or a WARC stream). Writes JSON Lines, one object per page, in
input order.
"""

from __future__ import annotations

import argparse
import contextlib
import fnmatch
import functools
import glob
import io
import json
import os
import signal
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from types import FrameType
from typing import IO, Any, BinaryIO

from . import __version__
from .batch import Outcome, article_record, default_workers, run
from .pipeline import Kind, extract
from .types import Article

EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
"""Exit status after Ctrl-C (128 + SIGINT); after SIGTERM it is 143 (128 + SIGTERM)."""
DEFAULT_TIMEOUT = 30.0


def _render(article: Article, fmt: str, captions_in_text: bool = False) -> str:
    if fmt == "json":
        return article.to_json(indent=2) + "\n"
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "blocks":
        rows = [
            f"{b.label.value:<10} {b.score:4.2f} {b.source:<28} {b.text}".replace("\n", " ")
            for b in article.blocks
        ]
        return "\n".join(rows) + ("\n" if rows else "")
    out = article.text_with(title=True, captions=captions_in_text)
    return out + "\n" if out else ""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Extract the article (title, text, comments, captions) from web pages, "
        "given as HTML or as plain-text dumps. One page prints its title and text; many pages "
        "(several files, a directory, a glob, WARC archives) give JSON Lines, one object per page.",
    )
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="a page file, a directory, a quoted glob pattern, a WARC file, or - for stdin "
        "(default: -)",
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown", "blocks", "jsonl"),
        default=None,
        help="one page: text (title and article text; the default), json (everything, with "
        "every block), markdown, blocks (one line per block with its label and score). "
        "jsonl (the default, and the only format, for many pages): one JSON object per page",
    )
    p.add_argument("--kind", choices=("auto", "html", "text"), default="auto", help="input type")
    p.add_argument(
        "--captions-in-text",
        action="store_true",
        help="put the photo captions back into the text where they sit on the page "
        "(Article.text_with(captions=True)); they stay listed under captions too",
    )
    p.add_argument("--url", default=None, help="one page: its URL, kept on the result")
    g = p.add_argument_group("many pages")
    g.add_argument(
        "--output", "-o", default=None, help="write JSON Lines to this file (default: stdout)"
    )
    g.add_argument(
        "--workers",
        "-w",
        type=int,
        default=None,
        help=f"worker processes (default: the number of CPUs, here {default_workers()}; "
        "0 runs in this process)",
    )
    g.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds per page before its worker is killed and the page recorded as a timeout "
        f"(default: {DEFAULT_TIMEOUT:g}; 0 for none)",
    )
    g.add_argument(
        "--glob",
        action="append",
        default=None,
        metavar="PATTERN",
        help="in directories, read only files whose name matches (repeatable; default: all "
        "files but hidden ones)",
    )
    g.add_argument(
        "--files-from",
        default=None,
        metavar="FILE",
        help="also read the paths of inputs from FILE, one per line (- for stdin)",
    )
    g.add_argument(
        "--labels",
        action="store_true",
        help="add every block of the page with its label and score to each object",
    )
    g.add_argument("--max-bytes", type=int, default=None, help="cut pages longer than this")
    g.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep the objects already in --output and skip their "
        "pages",
    )
    g.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )
    g.add_argument("--quiet", "-q", action="store_true", help="no summary at the end")
    p.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return p


def _error(msg: str) -> int:
    print(f"boilerstrip: {msg}", file=sys.stderr)
    return EXIT_USAGE


# --------------------------------------------------------------------------------------------------
# One page


def _single(args: argparse.Namespace, raw: bytes | None) -> int:
    if args.captions_in_text and args.format not in (None, "text"):
        return _error("--captions-in-text is for the text format and JSON Lines")
    name = args.inputs[0] if args.inputs else "-"
    if raw is None:
        try:
            with open(name, "rb") as fh:
                raw = fh.read()
        except OSError as exc:
            return _error(f"cannot read {name}: {exc.strerror or exc}")
    article = extract(raw, url=args.url, kind=args.kind, max_bytes=args.max_bytes)
    out = _render(article, args.format or "text", args.captions_in_text)
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    return 0


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that Python's exit flush stays silent."""
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# --------------------------------------------------------------------------------------------------
# Many pages: inputs


@dataclass(frozen=True, slots=True)
class _Input:
    kind: str  # "file", "warc", "stdin"
    path: str
    size: int = 0


_GLOB_CHARS = frozenset("*?[")


def _walk(folder: str, patterns: list[str] | None) -> Iterator[_Input]:
    """Files under ``folder`` in sorted order, hidden files and folders skipped."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if patterns and not any(fnmatch.fnmatch(name, pat) for pat in patterns):
                continue
            path = os.path.join(root, name)
            yield _classify(path, sniff=False)


def _classify(path: str, *, sniff: bool) -> _Input:
    from .warc import WARC_SUFFIXES, is_warc

    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    warc = is_warc(path) if sniff else path.lower().endswith(WARC_SUFFIXES)
    return _Input("warc" if warc else "file", path, size)


def _expand(names: Sequence[str], patterns: list[str] | None) -> Iterator[_Input]:
    for name in names:
        if name == "-":
            yield _Input("stdin", "-")
        elif os.path.isdir(name):
            yield from _walk(name, patterns)
        elif os.path.exists(name) or not (_GLOB_CHARS & set(name)):
            yield _classify(name, sniff=True)
        else:
            for path in sorted(glob.glob(name, recursive=True)):
                if os.path.isdir(path):
                    yield from _walk(path, patterns)
                elif not os.path.basename(path).startswith("."):
                    yield _classify(path, sniff=True)


def _without(inputs: Iterator[_Input], output: str | None) -> Iterator[_Input]:
    """The inputs but the output file (``boilerstrip . -o out.jsonl`` must not read its output)."""
    if not output:
        yield from inputs
        return
    out = os.path.realpath(output)
    for inp in inputs:
        if inp.kind == "stdin" or os.path.realpath(inp.path) != out:
            yield inp


def _check_inputs(names: Sequence[str]) -> str | None:
    """A one-line error for the first input that does not exist, else None."""
    for name in names:
        if name == "-" or os.path.exists(name):
            continue
        if _GLOB_CHARS & set(name):
            continue  # a pattern matching nothing reads nothing
        return f"cannot read {name}: No such file or directory"
    return None


# --------------------------------------------------------------------------------------------------
# Many pages: the work done in the worker processes


@dataclass(frozen=True, slots=True)
class _Options:
    kind: Kind
    max_bytes: int | None
    labels: bool
    captions_in_text: bool = False


_Head = tuple[str, str | None, str | None]
"""(source, url, date) of a page: the start of its JSON object."""


class InputError(Exception):
    """An input (a WARC file) could not be read to the end."""


_Payload = tuple[_Head, str | None, bytes | None, str | None, str | None]
"""(head, path to read, or raw bytes, HTTP charset, error reading the input)."""


def _task(opts: _Options, payload: _Payload) -> str:
    """Extract one page in a worker and return its JSON object as one line."""
    head, path, raw, charset, error = payload
    if error is not None:
        raise InputError(error)
    if raw is None:
        assert path is not None
        with open(path, "rb") as fh:
            raw = fh.read()
    article = extract(raw, url=head[1], kind=opts.kind, charset=charset, max_bytes=opts.max_bytes)
    return json.dumps(_record(head, article, opts), ensure_ascii=False)


def _record(head: _Head, article: Article, opts: _Options) -> dict[str, Any]:
    source, url, date = head
    rec: dict[str, Any] = {"source": source, "url": url}
    if date is not None:
        rec["date"] = date
    rec["status"] = "ok"
    rec.update(
        article_record(article, labels=opts.labels, captions_in_text=opts.captions_in_text)
    )
    return rec


def _failure(head: _Head, outcome: Outcome[str]) -> str:
    source, url, date = head
    rec: dict[str, Any] = {"source": source, "url": url}
    if date is not None:
        rec["date"] = date
    rec["status"] = outcome.status
    rec["error"] = outcome.error
    return json.dumps(rec, ensure_ascii=False)


# --------------------------------------------------------------------------------------------------
# Many pages: the run


@dataclass
class _Stats:
    started: float = field(default_factory=time.monotonic)
    done: int = 0
    failed: dict[str, int] = field(default_factory=dict)
    skipped: int = 0
    input_errors: int = 0
    bytes_total: int = 0
    bytes_done: int = 0
    """Of the inputs: bytes fully read, plus the offset reached in the current WARC."""
    pages_total: int | None = None

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


class _Progress:
    """A one-line progress bar on a terminal: pages, pages/s, failures, and a bar when the total
    (pages, or bytes of WARC input) is known. Redrawn at most ten times a second."""

    WIDTH = 24

    def __init__(self, stream: IO[str], stats: _Stats, enabled: bool) -> None:
        self.stream = stream
        self.stats = stats
        self.enabled = enabled
        self.last = 0.0
        self.drawn = False

    def fraction(self) -> float | None:
        s = self.stats
        if s.pages_total:
            return min(1.0, (s.done + s.skipped) / s.pages_total)
        if s.bytes_total:
            return min(1.0, s.bytes_done / s.bytes_total)
        return None

    def update(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        s = self.stats
        rate = s.rate()
        parts = []
        frac = self.fraction()
        if frac is not None:
            fill = int(frac * self.WIDTH)
            bar = "=" * fill + (">" if fill < self.WIDTH else "") + " " * (self.WIDTH - fill - 1)
            parts.append(f"[{bar}] {frac * 100:3.0f}%")
        pages = f"{s.done:,}"
        if s.pages_total:
            pages += f"/{s.pages_total - s.skipped:,}"
        parts.append(f"{pages} pages")
        parts.append(f"{rate:,.1f} pages/s")
        if s.failures:
            parts.append(f"{s.failures:,} failed")
        if frac is not None and 0 < frac < 1 and rate > 0:
            elapsed = now - s.started
            parts.append(f"ETA {_duration(elapsed * (1 - frac) / max(frac, 1e-9))}")
        line = "  ".join(parts)
        with contextlib.suppress(OSError, ValueError):
            self.stream.write("\r" + line + "\x1b[K")
            self.stream.flush()
            self.drawn = True

    def close(self) -> None:
        if self.enabled and self.drawn:
            with contextlib.suppress(OSError, ValueError):
                self.stream.write("\r\x1b[K")
                self.stream.flush()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds}s"
    if seconds < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


class _Interrupt:
    """SIGINT/SIGTERM handler that never cuts a record in half: while a record is being written
    the signal is noted, and :class:`KeyboardInterrupt` is raised once the record is complete."""

    def __init__(self) -> None:
        self.writing = False
        self.pending = False
        self.signum = 0
        self._previous: dict[int, Any] = {}

    def handler(self, signum: int, frame: FrameType | None) -> None:
        self.signum = signum
        if self.writing:
            self.pending = True
            return
        raise KeyboardInterrupt

    def __enter__(self) -> _Interrupt:
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                self._previous[sig] = signal.signal(sig, self.handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)

    @contextlib.contextmanager
    def critical(self) -> Iterator[None]:
        self.writing = True
        try:
            yield
        finally:
            self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


def _load_done(path: str) -> set[str]:
    """Sources of the complete objects in an earlier output; cut a partial last line off."""
    done: set[str] = set()
    good_end = 0
    with open(path, "rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                rec = json.loads(line)
            except ValueError:
                break
            if isinstance(rec, dict) and isinstance(rec.get("source"), str):
                done.add(rec["source"])
            good_end += len(line)
    if good_end < os.path.getsize(path):
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
    return done


def _tasks(
    inputs: Iterator[_Input], done: set[str], stats: _Stats, stdin: BinaryIO
) -> Iterator[tuple[_Head, _Payload]]:
    """(head, payload) for every page still to do; damaged inputs become error records."""
    from .warc import sniff_warc

    for inp in inputs:
        if inp.kind == "file":
            stats.bytes_done += inp.size
            if inp.path in done:
                stats.skipped += 1
                continue
            head: _Head = (inp.path, None, None)
            yield head, (head, inp.path, None, None, None)
            continue
        stream: BinaryIO | None = None
        if inp.kind == "stdin":
            peek = stdin.peek(64 * 1024) if isinstance(stdin, io.BufferedReader) else b""
            if not sniff_warc(peek):
                if "-" in done:
                    stats.skipped += 1
                    continue
                head = ("-", None, None)
                yield head, (head, None, stdin.read(), None, None)
                continue
            stream = stdin
        yield from _warc_tasks(inp, stream, done, stats)


def _warc_tasks(
    inp: _Input, stream: BinaryIO | None, done: set[str], stats: _Stats
) -> Iterator[tuple[_Head, _Payload]]:
    from .warc import iter_records

    base = stats.bytes_done
    try:
        for r in iter_records(stream if stream is not None else inp.path):
            stats.bytes_done = base + r.offset
            source = f"{inp.path}@{r.offset}"
            if source in done:
                stats.skipped += 1
                continue
            head: _Head = (source, r.url, r.date)
            yield head, (head, None, r.payload, r.charset, None)
    except (OSError, ImportError) as exc:
        # A damaged archive: one error object for it (the pages before the damage are done).
        stats.input_errors += 1
        head = (inp.path, None, None)
        yield head, (head, None, None, None, f"cannot read {inp.path}: {exc}")
    stats.bytes_done = base + inp.size


def _many(args: argparse.Namespace) -> int:
    names = list(args.inputs) or ["-"]
    if args.files_from:
        try:
            if args.files_from == "-":
                listed = sys.stdin.read().splitlines()
            else:
                with open(args.files_from, encoding="utf-8") as fh:
                    listed = fh.read().splitlines()
        except OSError as exc:
            return _error(f"cannot read {args.files_from}: {exc.strerror or exc}")
        names += [n for n in listed if n.strip()]
        if not args.inputs:
            names.remove("-")
    problem = _check_inputs(names)
    if problem:
        return _error(problem)
    if args.resume and not args.output:
        return _error("--resume needs --output FILE (the file to continue)")
    if args.workers is not None and args.workers < 0:
        return _error("--workers must be 0 or more")

    done: set[str] = set()
    if args.resume and os.path.exists(args.output):
        try:
            done = _load_done(args.output)
        except OSError as exc:
            return _error(f"cannot read {args.output}: {exc.strerror or exc}")

    stats = _Stats()
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    if show:
        listed_inputs = list(_without(_expand(names, args.glob), args.output))
        if all(i.kind == "file" for i in listed_inputs):
            stats.pages_total = len(listed_inputs)
        else:
            stats.bytes_total = sum(i.size for i in listed_inputs)
        inputs: Iterator[_Input] = iter(listed_inputs)
    else:
        inputs = _without(_expand(names, args.glob), args.output)

    opts = _Options(
        kind=args.kind,
        max_bytes=args.max_bytes,
        labels=args.labels,
        captions_in_text=args.captions_in_text,
    )
    workers = default_workers() if args.workers is None else args.workers
    timeout = args.timeout if args.timeout and args.timeout > 0 else None
    progress = _Progress(sys.stderr, stats, bool(show))
    interrupted = broken = False
    with contextlib.ExitStack() as stack:
        out: IO[str] = sys.stdout
        if args.output:
            mode = "a" if args.resume else "w"
            try:
                out = stack.enter_context(open(args.output, mode, encoding="utf-8", newline="\n"))
            except OSError as exc:
                return _error(f"cannot write {args.output}: {exc.strerror or exc}")
        guard = stack.enter_context(_Interrupt())
        # Unwinding closes the results first: that stops the pool before the file is closed.
        results = stack.enter_context(
            contextlib.closing(
                run(
                    functools.partial(_task, opts),
                    _tasks(inputs, done, stats, sys.stdin.buffer),
                    workers=workers,
                    timeout=timeout,
                )
            )
        )
        try:
            for head, outcome in results:
                if outcome.status == "ok":
                    assert outcome.value is not None
                    line = outcome.value
                else:
                    line = _failure(head, outcome)
                    stats.failed[outcome.status] = stats.failed.get(outcome.status, 0) + 1
                with guard.critical():
                    out.write(line + "\n")
                    if out is sys.stdout or stats.done % 64 == 0:
                        out.flush()
                    # (counted inside: a signal during the write is raised after the count, so the
                    # "interrupted after N pages" message counts every record in the file)
                    stats.done += 1
                progress.update()
        except KeyboardInterrupt:
            interrupted = True
        except BrokenPipeError:
            broken = True
        finally:
            progress.close()
            with contextlib.suppress(OSError):
                out.flush()
    if broken:
        _quiet_stdout()
        return 0
    elapsed = time.monotonic() - stats.started
    where = f" to {args.output}" if args.output else ""
    if interrupted:
        print(
            f"boilerstrip: interrupted after {stats.done:,} pages in {_duration(elapsed)}; "
            f"{stats.done + stats.skipped:,} pages are in "
            f"{args.output or 'the output'}"
            + (" (run the same command with --resume to continue)" if args.output else ""),
            file=sys.stderr,
        )
        return 128 + guard.signum if guard.signum else EXIT_INTERRUPTED
    if not args.quiet:
        rate = stats.done / elapsed if elapsed > 0 else 0.0
        failed = ", ".join(f"{n:,} {k}" for k, n in sorted(stats.failed.items()))
        msg = (
            f"boilerstrip: {stats.done:,} pages in {elapsed:.1f} s ({rate:,.1f} pages/s){where}: "
            f"{stats.done - stats.failures:,} ok, {stats.failures:,} failed"
            + (f" ({failed})" if failed else "")
        )
        if stats.skipped:
            msg += f"; {stats.skipped:,} skipped (already in {args.output})"
        print(msg, file=sys.stderr)
    return 0


# --------------------------------------------------------------------------------------------------


def _is_many(args: argparse.Namespace) -> bool:
    if len(args.inputs) > 1 or args.files_from or args.output or args.resume:
        return True
    if args.workers is not None or args.format == "jsonl" or args.labels or args.glob:
        return True
    if args.inputs and args.inputs[0] != "-":
        name = args.inputs[0]
        if os.path.isdir(name) or (not os.path.exists(name) and _GLOB_CHARS & set(name)):
            return True
        if os.path.isfile(name):
            from .warc import is_warc

            return is_warc(name)
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    many = _is_many(args)
    stdin_raw: bytes | None = None
    if not many and (not args.inputs or args.inputs[0] == "-"):
        from .warc import sniff_warc

        stdin = sys.stdin.buffer
        peek = stdin.peek(64 * 1024) if isinstance(stdin, io.BufferedReader) else b""
        if sniff_warc(peek):
            many = True  # a WARC stream on stdin
        else:
            stdin_raw = stdin.read()
    if not many:
        if args.format == "jsonl":  # pragma: no cover - jsonl always means many
            many = True
        else:
            return _single(args, stdin_raw)
    if args.format not in (None, "jsonl"):
        return _error(
            f"--format {args.format} is for one page; many pages are written as JSON Lines "
            "(--format jsonl, the default)"
        )
    return _many(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
