"""Helpers for the corpus tests: synthetic news pages and WARC files written byte by byte (so the
tests do not trust the WARC reader to write what it reads), and task functions for the engine tests
(module-level, so worker processes can import them)."""

from __future__ import annotations

import gzip
import multiprocessing
import os
import random
import signal
import time
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path

_IN_WORKER = multiprocessing.current_process().name == "boilerstrip-worker"
if _IN_WORKER and os.environ.get("BOILERSTRIP_TEST_BREAK_WORKERS"):
    raise ImportError("this module refuses to load in worker processes (test of start-up failure)")

_TEXT = """
the minister said on tuesday that talks would continue next week in geneva while officials from
both sides met to discuss a new agreement on trade energy and security the report found that prices
rose sharply across the region as farmers struggled with drought and floods residents described long
queues at petrol stations and shortages of bread in several towns analysts expect the central bank
to raise interest rates again before the end of the year
"""
WORDS = _TEXT.split()
ACCENTED = ["café", "naïve", "Zürich", "São Paulo", "crème brûlée", "déjà vu", "Málaga"]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    if rng.random() < 0.5:
        words.insert(rng.randrange(len(words)), rng.choice(ACCENTED))
    return " ".join(words).capitalize() + "."


def news_page(i: int, *, charset_meta: str | None = "utf-8", paragraphs: int | None = None) -> str:
    """A news page in the markup of a 2013 site: nav, headline, paragraphs, a figure with a
    caption, related links, reader comments, footer."""
    rng = random.Random(i)
    n = paragraphs if paragraphs is not None else rng.randint(3, 9)
    paras = "\n".join(
        f"<p>{' '.join(sentence(rng, rng.randint(12, 28)) for _ in range(rng.randint(2, 4)))}</p>"
        for _ in range(n)
    )
    comments = "\n".join(
        f'<li class="comment"><span class="author">reader{rng.randint(1, 999)}</span>'
        f"<p>{sentence(rng, rng.randint(8, 20))}</p></li>"
        for _ in range(rng.randint(0, 3))
    )
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return f"""<!DOCTYPE html>
<html><head>{meta}<title>Story {i} | The Daily Example</title></head>
<body>
<div id="nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></div>
<div class="article">
<h1>Story number {i}: {sentence(rng, 6)[:-1]}</h1>
<figure><img src="/img/{i}.jpg"><figcaption>{sentence(rng, 9)}</figcaption></figure>
{paras}
</div>
<div class="related"><h3>Related stories</h3><ul>
<li><a href="/a">{sentence(rng, 5)}</a></li><li><a href="/b">{sentence(rng, 5)}</a></li></ul></div>
<div id="comments"><h3>Comments</h3><ol>{comments}</ol></div>
<div id="footer"><p>Copyright © 2013 The Daily Example. All rights reserved.</p>
<p><a href="/terms">Terms of use</a> | <a href="/privacy">Privacy</a></p></div>
</body></html>
"""


@dataclass
class Record:
    """One WARC record to write: a response (HTTP headers + body) or another record type."""

    url: str
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: str = "200 OK"
    warc_type: str = "response"
    extra_http: list[tuple[str, str]] = field(default_factory=list)
    date: str = "2013-03-08T12:00:00Z"
    record_id: str = field(default_factory=lambda: f"<urn:uuid:{uuid.uuid4()}>")

    def block(self) -> bytes:
        if self.warc_type == "request":
            return f"GET {self.url} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
        head = [f"HTTP/1.1 {self.status}"]
        if self.content_type:
            head.append(f"Content-Type: {self.content_type}")
        head += [f"{k}: {v}" for k, v in self.extra_http]
        if not any(k.lower() == "transfer-encoding" for k, _ in self.extra_http):
            head.append(f"Content-Length: {len(self.body)}")
        return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + self.body

    def to_bytes(self) -> bytes:
        block = self.block()
        msgtype = "request" if self.warc_type == "request" else "response"
        headers = [
            "WARC/1.0",
            f"WARC-Type: {self.warc_type}",
            f"WARC-Record-ID: {self.record_id}",
            f"WARC-Date: {self.date}",
            f"WARC-Target-URI: {self.url}",
            f"Content-Type: application/http; msgtype={msgtype}",
            f"Content-Length: {len(block)}",
        ]
        return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def write_warc(path: Path, records: list[Record], *, gz: bool | None = None) -> list[int]:
    """Write the records (one gzip member each for ``.gz``); return each record's offset."""
    compress = path.name.endswith(".gz") if gz is None else gz
    offsets = []
    with open(path, "wb") as fh:
        for rec in records:
            offsets.append(fh.tell())
            data = rec.to_bytes()
            fh.write(gzip.compress(data) if compress else data)
    return offsets


def chunked(data: bytes, size: int = 100) -> bytes:
    out = b""
    for i in range(0, len(data), size):
        piece = data[i : i + size]
        out += f"{len(piece):x}\r\n".encode() + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def corpus_records(n: int) -> list[Record]:
    """``n`` HTML pages in a mix of encodings and transfer codings, with records that a reader
    must skip (requests, an image, a 404, a redirect) between them. Page ``i`` has URL
    ``http://example.org/story/{i}``."""
    out: list[Record] = []
    for i in range(n):
        url = f"http://example.org/story/{i}"
        mode = i % 6
        if mode == 0:  # UTF-8, said by HTTP and meta
            rec = Record(url, news_page(i).encode("utf-8"))
        elif mode == 1:  # windows-1252, said only by the HTTP header
            rec = Record(
                url,
                news_page(i, charset_meta=None).encode("cp1252"),
                "text/html; charset=windows-1252",
            )
        elif mode == 2:  # latin-1 in meta, no HTTP charset
            rec = Record(url, news_page(i, charset_meta="iso-8859-1").encode("cp1252"), "text/html")
        elif mode == 3:  # gzip content coding, chunked transfer coding
            body = gzip.compress(news_page(i).encode("utf-8"))
            rec = Record(
                url,
                chunked(body),
                extra_http=[("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
            )
        elif mode == 4:  # XHTML media type, quoted charset
            rec = Record(
                url, news_page(i).encode("utf-8"), 'application/xhtml+xml; charset="UTF-8"'
            )
        else:  # deflate content coding
            rec = Record(
                url,
                zlib.compress(news_page(i).encode("utf-8")),
                extra_http=[("Content-Encoding", "deflate")],
            )
        out.append(Record(url, warc_type="request"))
        out.append(rec)
        if i % 50 == 7:
            out.append(
                Record(
                    f"http://example.org/img/{i}.png", b"\x89PNG\r\n\x1a\n" + b"0" * 50, "image/png"
                )
            )
        if i % 50 == 13:
            out.append(
                Record(
                    f"http://example.org/missing/{i}",
                    b"<html><p>Not found</p></html>",
                    status="404 Not Found",
                )
            )
        if i % 50 == 21:
            out.append(
                Record(
                    f"http://example.org/old/{i}",
                    b"",
                    None,
                    status="301 Moved Permanently",
                    extra_http=[("Location", url)],
                )
            )
    return out


# --------------------------------------------------------------------------------------------------
# Task functions for the engine tests (they run in worker processes)


def echo(x: object) -> object:
    return x


def slow_echo(x: tuple[float, object]) -> object:
    time.sleep(x[0])
    return x[1]


def fail_on(x: int) -> int:
    if x == 3:
        raise ValueError("three is broken")
    return x * 10


def crash_on(x: int) -> int:
    if x == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    if x == 4:
        os.abort()
    return x


def hang_on(x: int) -> int:
    """Item 1 hangs as C code can: deaf to SIGALRM, SIGTERM and SIGINT; only SIGKILL ends it."""
    if x == 1:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM, signal.SIGINT})
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        time.sleep(3600)
    return x


def pid_of(x: object) -> int:
    return os.getpid()


def unpicklable(x: object) -> object:
    return lambda: x


def sleep_forever_python(x: int) -> int:
    if x == 0:
        time.sleep(3600)
    return x


def corpus_warc(base: Path, n: int) -> Path:
    """The ``n``-page corpus as ``<base>/corpus-<n>.warc.gz``, written once per test session."""
    path = base / f"corpus-{n}.warc.gz"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        write_warc(tmp, corpus_records(n), gz=True)
        tmp.rename(path)
    return path
