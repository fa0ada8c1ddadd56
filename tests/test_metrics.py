"""The evaluation metrics on small hand-computed cases (benchmarks/metrics.py)."""

from __future__ import annotations

import json
import sys
from collections import Counter

import pytest

from benchmarks import metrics as M


def test_tokens_and_shingles() -> None:
    assert M.tokens("It's 4 o'clock — déjà vu!") == ["It", "s", "4", "o", "clock", "déjà", "vu"]
    assert M.shingles("a b c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    # fewer than 4 tokens: one shingle of all of them; no token: no shingle
    assert M.shingles("a, b") == Counter({("a", "b"): 1})
    assert M.shingles(" ... ") == Counter()
    assert M.shingles(None) == Counter()
    # multiset counts
    assert M.shingles("x y z w x y z w")[("x", "y", "z", "w")] == 2


def test_page_score_partial_overlap() -> None:
    # shingles abcd, bcde against abcd, bcdf: tp 1, fp 1, fn 1, each normalised to 1/3
    s = M.page_score("a b c d e", "a b c d f")
    assert s.tp == pytest.approx(1 / 3) and s.fp == pytest.approx(1 / 3)
    assert s.fn == pytest.approx(1 / 3)
    assert s.precision == pytest.approx(0.5) and s.recall == pytest.approx(0.5)
    assert s.f1 == pytest.approx(0.5)


def test_page_score_multiset() -> None:
    # predicted: xyzw twice, yzwx, zwxy, wxyz (5); gold: xyzw once -> tp 1, fp 4, fn 0
    s = M.page_score("x y z w x y z w", "x y z w")
    assert (s.tp, s.fp, s.fn) == pytest.approx((0.2, 0.8, 0.0))
    assert s.precision == pytest.approx(0.2) and s.recall == 1.0


def test_page_score_edge_cases() -> None:
    both_empty = M.page_score("", "")
    assert (both_empty.precision, both_empty.recall, both_empty.f1) == (1.0, 1.0, 1.0)
    nothing_predicted = M.page_score("", "the gold text is here")
    assert (nothing_predicted.precision, nothing_predicted.recall) == (0.0, 0.0)
    # empty gold (no main content) and something predicted: precision 0, recall undefined
    empty_gold = M.page_score("some predicted boilerplate text", "")
    assert (empty_gold.precision, empty_gold.recall, empty_gold.f1) == (0.0, None, 0.0)
    exact = M.page_score("one two three four five", "one two three four five")
    assert (exact.precision, exact.recall) == (1.0, 1.0)


def test_corpus_score_means_pages() -> None:
    a = M.page_score("a b c d e", "a b c d f")  # P 0.5, R 0.5
    b = M.page_score("x y z w x y z w", "x y z w")  # P 0.2, R 1
    c = M.corpus_score([a, b], bootstrap=0)
    assert c.precision == pytest.approx(0.35) and c.recall == pytest.approx(0.75)
    assert c.f1 == pytest.approx(2 * 0.35 * 0.75 / 1.1)
    assert c.pages == 2 and c.f1_pm == 0.0


def test_corpus_recall_skips_undefined_pages() -> None:
    # an empty-gold page with a prediction weighs on precision only
    pages = [M.page_score("a b c d", "a b c d"), M.page_score("menu text here", "")]
    c = M.corpus_score(pages, bootstrap=0)
    assert (c.precision, c.recall) == (0.5, 1.0)
    assert c.f1 == pytest.approx(2 / 3)
    assert M.corpus_score(pages, bootstrap=100).f1_pm > 0


def test_bootstrap_spread() -> None:
    same = [M.page_score("a b c d e", "a b c d f")] * 20
    assert M.corpus_score(same, bootstrap=200).f1_pm == pytest.approx(0.0)
    mixed = [M.page_score("a b c d", "a b c d"), M.page_score("", "a b c d")] * 10
    c = M.corpus_score(mixed, bootstrap=500, seed=1)
    assert c.f1 == pytest.approx(0.5)
    assert 0.05 < c.f1_pm < 0.2  # binomial spread of a 50/50 mix of 20 pages
    assert c == M.corpus_score(mixed, bootstrap=500, seed=1)  # seeded: reproducible


def test_snippets() -> None:
    text = "Title\nHello   world, this is it.\nImpressum"
    counts = M.snippet_counts(text, ["Hello world,", "missing one"], ["Impressum", "Kontakt"])
    assert counts == (1, 1, 1, 1)  # tp, fn, fp, tn
    f, p, r = M.snippet_score([counts, (1, 0, 0, 2)])
    # tp 2, fn 1, fp 1 over both pages
    assert (p, r) == (pytest.approx(2 / 3), pytest.approx(2 / 3))
    assert f == pytest.approx(2 / 3)
    assert M.snippet_score([]) == (0.0, 0.0, 0.0)


def test_titles() -> None:
    assert M.norm_title("  The U.S. Economy:  a Look-Back ") == "theuseconomyalookback"
    assert M.title_match("the us economy — a lookback", "The U.S. Economy: A Look-Back")
    assert not M.title_match("Home | News", "The U.S. Economy")
    assert not M.title_match(None, "Gold")
    assert not M.title_match("", "")  # no gold title: never a match


def test_terminal_punctuation() -> None:
    assert M.terminal_punctuation("This ends a sentence.")
    assert M.terminal_punctuation('He said "stop!"')
    assert M.terminal_punctuation("Ist das so?  ")
    assert M.terminal_punctuation("日本語の文。")
    assert not M.terminal_punctuation("Home | About | Contact")
    assert not M.terminal_punctuation("Posted on 12 May 2020")


def test_line_scores() -> None:
    s = M.line_score([True, True, False, False, True], [1, 0, 1, 0, 1])
    assert (s.tp, s.fp, s.fn, s.tn) == (2, 1, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.recall == pytest.approx(2 / 3)
    assert s.accuracy == pytest.approx(3 / 5)
    total = s + M.line_score([False], [1])
    assert (total.tp, total.fn) == (2, 2)
    with pytest.raises(ValueError):
        M.line_score([True], [1, 0])


def test_lines_in_blocks() -> None:
    # 1-based inclusive spans; out-of-range ends are clipped
    assert M.lines_in_blocks(6, [(2, 3), (5, 9)]) == [False, True, True, False, True, True]
    assert M.lines_in_blocks(2, []) == [False, False]


def test_align_labels() -> None:
    gold = [("article", "The cat sat on the mat."), ("boilerplate", "Home About")]
    ours = [
        ("navigation", "Home"),
        ("article", "the cat sat on the mat"),
        ("navigation", "Home"),
        ("footer", "About"),
    ]
    got = M.align_labels(gold, ours)
    assert got == Counter(
        {
            ("article", "article"): 6,
            ("boilerplate", "navigation"): 1,
            ("boilerplate", "footer"): 1,
            ("extra", "navigation"): 1,
        }
    )


def test_align_labels_missing_and_split_blocks() -> None:
    # block boundaries need not agree; a gold token we never output is "missing"
    gold = [("article", "one two three four"), ("comment", "five six")]
    ours = [("article", "one two"), ("article", "three four five")]
    got = M.align_labels(gold, ours)
    assert got == Counter(
        {("article", "article"): 4, ("comment", "article"): 1, ("comment", "missing"): 1}
    )


def test_benchmarks_import_no_peer() -> None:
    # the test extra has no peer installed: the suite's modules must import without them
    import benchmarks.evaluate
    import benchmarks.gate  # noqa: F401
    import benchmarks.systems as S

    for peer in ("trafilatura", "readability", "justext", "resiliparse", "boilerpy3"):
        assert peer not in sys.modules
    assert "boilerstrip" in S.SYSTEMS and "keep-all" in S.PEERS


def test_html_text() -> None:
    import lxml.html

    from benchmarks.systems import html_text

    root = lxml.html.fromstring(
        "<html><head><title>T</title><style>p{}</style></head><body><div>One <b>two</b>"
        "</div><p>Three</p><script>x()</script>four<ul><li>a</li><li>b</li></ul></body></html>"
    )
    assert html_text(root) == "One two\nThree\nfour\na\nb"


def test_gate_fixture_and_floors() -> None:
    from benchmarks import gate

    pages = gate.load_fixture()
    texts = gate.load_texts()
    base = json.loads(gate.BASELINE.read_text(encoding="utf-8"))
    sets = Counter(p["set"] for p in pages)
    sets.update(gate.TEXT_PREFIX + name for name, _ in texts)
    # every page has its w3m dump, and every set (HTML and w3m) its floor
    assert set(texts) == {(p["set"], p["id"]) for p in pages}
    assert sum(sets.values()) == sum(base["pages"].values())
    assert set(sets) == set(base["floors"])
    assert all(0.0 <= f <= 1.0 for f in base["floors"].values())


def test_title_match_without_site_cuts_the_gold_only() -> None:
    assert M.title_match_without_site("How to Build a Terrarium", "How to Build a Terrarium | eHow")
    assert M.title_match_without_site("Mozilla", "Mozilla - Wikipedia")
    assert M.title_match_without_site("Trio set for Derby debuts", "IOL - Trio set for Derby debuts")
    assert M.title_match_without_site("LWN.net Weekly Edition", "LWN.net Weekly Edition [LWN.net]")
    assert M.title_match_without_site("海外留学生看两会", "海外留学生看两会_教育频道_中国青年网")
    assert not M.title_match_without_site("eHow", "How to Build a Terrarium | eHow")
    assert not M.title_match_without_site("How to Build", "How to Build a Terrarium | eHow")
    assert not M.title_match_without_site("Home | Site", "Headline")
    assert not M.title_match_without_site(None, "Gold | Site")
