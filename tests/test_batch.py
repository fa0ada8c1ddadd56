"""extract_many() and the worker-pool engine under it: order, streaming, failures, timeouts."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator

import pytest
from corpus_helpers import (
    crash_on,
    echo,
    fail_on,
    hang_on,
    news_page,
    pid_of,
    sleep_forever_python,
    slow_echo,
    unpicklable,
)

import boilerstrip
from boilerstrip.batch import Page, Result, WorkerStartError, article_record, extract_many, run


def _no_workers_left() -> bool:
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    return not multiprocessing.active_children()


PAGES = [news_page(i, paragraphs=1 + (i * 7) % 12) for i in range(24)]


@pytest.fixture(scope="module")
def expected() -> list[boilerstrip.Article]:
    return [boilerstrip.extract(p) for p in PAGES]


def test_exported_from_package() -> None:
    assert boilerstrip.extract_many is extract_many


@pytest.mark.parametrize("workers", [0, 1])
def test_in_process_matches_extract(workers: int, expected: list[boilerstrip.Article]) -> None:
    results = list(extract_many(PAGES, workers=workers))
    assert [r.key for r in results] == list(range(len(PAGES)))
    assert all(r.ok and r.status == "ok" and r.error is None for r in results)
    assert [r.article for r in results] == expected


def test_pool_keeps_input_order_and_matches_extract(expected: list[boilerstrip.Article]) -> None:
    # Page sizes vary, so workers finish out of order; results must still come in input order.
    results = list(extract_many(PAGES, workers=2))
    assert [r.key for r in results] == list(range(len(PAGES)))
    assert [r.article for r in results] == expected
    assert all(r.seconds > 0 for r in results)
    assert _no_workers_left()


def test_unordered_yields_every_page_once(expected: list[boilerstrip.Article]) -> None:
    results = list(extract_many(PAGES, workers=2, ordered=False))
    assert sorted(r.key for r in results) == list(range(len(PAGES)))
    by_key = {r.key: r.article for r in results}
    assert [by_key[i] for i in range(len(PAGES))] == expected


def test_keys_urls_dates_and_charset() -> None:
    html = "<html><body><p>" + "Une phrase assez longue pour être un paragraphe de texte. " * 4
    raw = (html + "</p></body></html>").encode("cp1252")
    pages = [
        ("first", PAGES[0]),
        Page(
            raw,
            key="declared",
            url="http://example.org/x",
            charset="windows-1252",
            date="2013-03-08",
        ),
        # The HTTP charset outranks detection, even when it is wrong: 0xEA is kappa in Greek.
        Page(raw, charset="iso-8859-7"),
        PAGES[1],
    ]
    results = list(extract_many(pages, workers=0))
    assert [r.key for r in results] == ["first", "declared", 2, 3]
    assert results[1].url == "http://example.org/x" and results[1].date == "2013-03-08"
    assert results[1].article is not None and results[1].article.url == "http://example.org/x"
    assert results[1].article.encoding == "windows-1252"
    assert "pour être un" in results[1].article.text
    assert results[2].article is not None and results[2].article.encoding == "iso-8859-7"
    assert "pour κtre un" in results[2].article.text
    assert results[0].url is None and results[0].date is None


def test_a_wrong_item_is_an_error_result_not_an_exception() -> None:
    results = list(extract_many([PAGES[0], 42, PAGES[1]], workers=0))
    assert [r.status for r in results] == ["ok", "error", "ok"]
    assert results[1].article is None
    assert (
        results[1].error is not None
        and "TypeError" in results[1].error
        and "int" in results[1].error
    )
    assert not results[1].ok


def test_argument_errors_raise_at_the_call() -> None:
    with pytest.raises(TypeError):
        extract_many("<p>one page</p>")
    with pytest.raises(TypeError):
        extract_many([PAGES[0]], workers=-1)
    with pytest.raises(TypeError):
        extract_many([PAGES[0]], timeout=0)
    with pytest.raises(TypeError):
        extract_many([PAGES[0]], kind="pdf")  # type: ignore[arg-type]


def test_result_type() -> None:
    r = Result(key=1, article=None, status="timeout", error="timed out after 1 s")
    assert not r.ok and r.seconds == 0.0


def test_article_record_is_plain_json() -> None:
    import json

    article = boilerstrip.extract(PAGES[3])
    rec = article_record(article, labels=True)
    assert set(rec) == {"title", "subtitle", "text", "comments", "captions", "labels"}
    assert rec["text"] == article.text
    assert len(rec["labels"]) == len(article.blocks)
    assert {b["label"] for b in rec["labels"]} <= {
        "article",
        "caption",
        "comment",
        "navigation",
        "footer",
    }
    assert json.loads(json.dumps(rec)) == rec
    assert "labels" not in article_record(article)


def test_captions_in_text_in_records() -> None:
    from boilerstrip.integrations import extract_records

    article = boilerstrip.extract(news_page(3))
    assert article.captions  # the page's figure
    with_captions = article.text_with(captions=True)
    assert article_record(article, captions_in_text=True)["text"] == with_captions
    assert article_record(article, captions_in_text=True)["captions"] == article.captions
    recs = list(extract_records([news_page(3), None], captions_in_text=True))
    assert recs[0]["text"] == with_captions and recs[1]["text"] == ""
    assert next(extract_records([news_page(3)]))["text"] == article.text


# --------------------------------------------------------------------------------------------------
# The engine


def test_errors_do_not_stop_the_rest() -> None:
    out = list(run(fail_on, ((i, i) for i in range(6)), workers=2))
    assert [c for c, _ in out] == list(range(6))
    assert [o.status for _, o in out] == ["ok", "ok", "ok", "error", "ok", "ok"]
    assert out[3][1].error == "ValueError: three is broken"
    assert [o.value for _, o in out if o.status == "ok"] == [0, 10, 20, 40, 50]


def test_a_crashing_worker_is_replaced() -> None:
    out = list(run(crash_on, ((i, i) for i in range(8)), workers=2))
    status = [o.status for _, o in out]
    assert status == ["ok", "ok", "crashed", "ok", "crashed", "ok", "ok", "ok"]
    assert "SIGKILL" in (out[2][1].error or "")
    assert "SIGABRT" in (out[4][1].error or "")
    assert _no_workers_left()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_hung_worker_is_killed_at_the_timeout(workers: int) -> None:
    # hang_on(1) blocks every signal but SIGKILL, like a loop inside C code.
    t0 = time.monotonic()
    out = list(run(hang_on, ((i, i) for i in range(6)), workers=workers, timeout=1.0))
    elapsed = time.monotonic() - t0
    assert [o.status for _, o in out] == ["ok", "timeout", "ok", "ok", "ok", "ok"]
    assert out[1][1].error == "timed out after 1 s"
    assert 1.0 <= out[1][1].seconds < 10
    assert elapsed < 30  # not the hour the page would take
    assert [o.value for _, o in out if o.status == "ok"] == [0, 2, 3, 4, 5]
    assert _no_workers_left()


def test_in_process_timeout_interrupts_python_code() -> None:
    out = list(run(sleep_forever_python, ((i, i) for i in range(3)), workers=0, timeout=0.3))
    assert [o.status for _, o in out] == ["timeout", "ok", "ok"]


def test_results_that_do_not_pickle_are_errors() -> None:
    out = list(run(unpicklable, ((i, i) for i in range(3)), workers=2))
    assert all(
        o.status == "error" and "cannot return the result" in (o.error or "") for _, o in out
    )


def test_payloads_that_do_not_pickle_are_errors() -> None:
    items = [(0, 1), (1, lambda: 2), (2, 3)]
    out = list(run(echo, iter(items), workers=2))
    assert [o.status for _, o in out] == ["ok", "error", "ok"]
    assert [out[0][1].value, out[2][1].value] == [1, 3]


def test_workers_are_recycled() -> None:
    out = list(run(pid_of, ((i, i) for i in range(9)), workers=2, max_tasks_per_worker=3))
    pids = {o.value for _, o in out}
    assert len(pids) >= 3  # 9 tasks, at most 3 per worker process
    assert os.getpid() not in pids


def test_input_is_read_lazily_within_the_window() -> None:
    pulled = 0

    def items() -> Iterator[tuple[int, tuple[float, int]]]:
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            # The first task is slow: in input order nothing can be yielded until it is done.
            yield i, (1.0 if i == 0 else 0.0, i)

    gen = run(slow_echo, items(), workers=2, window=10)
    first = next(gen)
    assert first[0] == 0
    assert pulled <= 11  # the window, plus the one item that found the window full
    gen.close()
    assert _no_workers_left()


def test_closing_early_stops_the_pool() -> None:
    gen = extract_many(PAGES * 10, workers=2)
    for r in gen:
        assert r.ok
        break
    gen.close()
    assert _no_workers_left()


def test_an_exception_in_the_consumer_stops_the_pool() -> None:
    with pytest.raises(KeyboardInterrupt):
        for _ in run(slow_echo, ((i, (0.01, i)) for i in range(100)), workers=2):
            raise KeyboardInterrupt
    assert _no_workers_left()


def test_workers_that_cannot_start_give_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # corpus_helpers refuses to import in a worker when this variable is set (the module itself is
    # already imported here, so only the workers fail).
    monkeypatch.setenv("BOILERSTRIP_TEST_BREAK_WORKERS", "1")
    with pytest.raises(WorkerStartError, match="died before they were ready"):
        list(run(echo, ((i, i) for i in range(3)), workers=2, start_method="spawn"))
    assert _no_workers_left()


def test_pack_roundtrip_keeps_every_field() -> None:
    import pickle
    from dataclasses import dataclass, field

    from boilerstrip.batch import pack, unpack

    articles = [boilerstrip.extract(news_page(i)) for i in range(8)]
    assert any(a.comments for a in articles) and any(a.captions for a in articles)
    for article in articles:
        back = unpack(pickle.loads(pickle.dumps(pack(article))))
        assert back == article
        assert all(type(b.label) is boilerstrip.Label for b in back.blocks)

    # Fields the classes gain later travel too: packing follows the classes' own field lists.
    @dataclass(frozen=True)
    class Item:
        a: int
        b: str = "x"

    @dataclass(frozen=True)
    class Holder:
        items: list[Item]
        other: list[int] = field(default_factory=list)
        empty: list[Item] = field(default_factory=list)

    h = Holder([Item(1), Item(2, "y")], [3, 4])
    assert unpack(pack(h)) == h
