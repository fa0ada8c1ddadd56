"""Thread safety and determinism: 8 threads extracting the same pages get exactly what one thread
gets, and the same input always gives the same output."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from encoding_corpus import cases

import boilerstrip
from boilerstrip import Article

ROOT = Path(__file__).resolve().parent.parent


def _pages() -> list[bytes | str]:
    pages: list[bytes | str] = []
    for folder in sorted((ROOT / "fixtures" / "pages").iterdir()):
        for name in ("source.html", "source.txt"):
            if (folder / name).exists():
                pages.append((folder / name).read_bytes())
    # Pages in many encodings (decoding and chardet run in the threads too).
    pages += [c.raw for c in cases() if c.declaration in ("none", "meta")][::3]
    prose = "It was the best of times, it was the worst of times, it was the age of wisdom. "
    pages.append(
        "<html><head><title>Threads | Site</title></head><body><nav><a href=/>Home</a></nav>"
        f"<article><h1>Threads</h1><p>{prose * 4}</p><figure><img src=a.jpg><figcaption>A caption."
        f"</figcaption></figure><p>{prose * 3}</p></article><div id=comments><div class=comment>"
        f"<p class=author>jane says:</p><p>{prose}</p></div><div class=comment><p>{prose}</p></div>"
        "</div><footer>Copyright 2024</footer></body></html>"
    )
    pages.append("<div>" * 3000 + f"<p>{prose}</p>")  # deep: the flattening re-parse
    pages.append("<html><body>" + "<p>x</p>" * 20_000)  # many siblings: the path cache
    return pages


def _extract_all(pages: list[bytes | str]) -> list[Article]:
    return [boilerstrip.extract(p) for p in pages]


def test_eight_threads_agree_with_one() -> None:
    pages = _pages()
    reference = _extract_all(pages)
    order = list(range(len(pages)))

    def worker(seed: int) -> dict[int, Article]:
        rng = random.Random(seed)
        mine = order[:]
        rng.shuffle(mine)  # each thread in its own order, so they overlap differently
        return {i: boilerstrip.extract(pages[i]) for i in mine * 2}

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(8)))
    for res in results:
        for i, article in res.items():
            assert article == reference[i], i


def test_repeated_calls_give_identical_output() -> None:
    pages = _pages()
    first = [a.to_json() for a in _extract_all(pages)]
    for _ in range(2):
        assert [a.to_json() for a in _extract_all(pages)] == first


def test_threads_with_budgets_stay_consistent() -> None:
    """Timeouts are per call: one thread running out of time does not cut another's work."""
    page = "<html><body>" + "<p>It was the best of times, it was the worst of times.</p>" * 3000
    reference = boilerstrip.extract(page)

    def worker(i: int) -> Article:
        return boilerstrip.extract(page, timeout=0 if i % 2 else None)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(worker, range(16)))
    for i, a in enumerate(results):
        if i % 2:
            assert a.truncated
        else:
            assert a == reference
