"""extract() keeps nothing of a page once it returns: 10,000 calls leave the heap as it was (up to
the bounded caches of short texts), and no parse tree outlives its call."""

from __future__ import annotations

import gc
import tracemalloc

import boilerstrip

CALLS = 10_000
WARMUP = 2_000
MAX_GROWTH = 3 * 1024 * 1024
"""Bytes the heap may grow over CALLS calls: the per-text caches are bounded (a few thousand short
texts); a page kept per call (its blocks, or a tree of a few KB) would add tens of MB."""


def _page(i: int) -> str:
    # Every page differs (new texts for the caches, new element paths), so nothing is reused whole.
    return (
        f"<html><head><title>Story {i}</title></head><body><ul><li><a href='/'>Home</a></li>"
        f"<li><a href='/n'>News {i % 7}</a></li></ul><h1>Story number {i}</h1>"
        f"<p>The council met on day {i} and voted to rebuild the bridge over the river, after "
        "a long argument about who should pay for it.</p>"
        f"<p>Work starts in spring, the mayor said; it should take {i % 5 + 2} years.</p>"
        "<footer>Copyright 2024 The Daily Example</footer></body></html>"
    )


def test_no_growth_over_ten_thousand_calls() -> None:
    for i in range(WARMUP):
        boilerstrip.extract(_page(i))
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for i in range(WARMUP, WARMUP + CALLS):
            article = boilerstrip.extract(_page(i))
        assert "Work starts in spring" in article.text
        del article
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert after - before < MAX_GROWTH, after - before


def test_no_tree_outlives_its_call() -> None:
    from lxml import etree

    gc.collect()
    before = sum(1 for o in gc.get_objects() if isinstance(o, etree._Element))
    for i in range(200):
        boilerstrip.extract(_page(i).encode("utf-8"))
        boilerstrip.extract(_page(i).replace("<body>", "<body></body>"))  # the tree-rescue path
    gc.collect()
    after = sum(1 for o in gc.get_objects() if isinstance(o, etree._Element))
    assert after <= before
