"""The metrics of ``../shared/data/README.md``.

Shingle F1: tokens are matches of the Unicode regex ``\\w+``; shingles are runs of 4 consecutive
tokens (a text with fewer than 4 tokens is one shingle); per page, with multiset counts, tp/fp/fn are
normalised by their sum so every page weighs the same; per-page precision tp/(tp+fp) is 1 when
fp = fn = 0 and 0 when tp = fp = 0 (recall likewise); corpus precision and recall are the means over
the pages where they are defined, and F1 is their harmonic mean. ± is a bootstrap over pages.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4


def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    toks = _TOKEN.findall(text or "")
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp + self.fp == 0:
            return 0.0 if self.fn > 0 else None
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp + self.fn == 0:
            return 0.0 if self.fp > 0 else None
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


def page_score(predicted: str | None, gold: str | None) -> PageScore:
    pred, ref = shingles(predicted), shingles(gold)
    tp = sum((pred & ref).values())
    fp = sum(pred.values()) - tp
    fn = sum(ref.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(0.0, 0.0, 0.0)
    return PageScore(tp / total, fp / total, fn / total)


@dataclass(frozen=True)
class CorpusScore:
    f1: float
    precision: float
    recall: float
    f1_pm: float
    """Half-width of the 95 % bootstrap interval of F1."""
    pages: int


def _prf(scores: Sequence[PageScore]) -> tuple[float, float, float]:
    ps = [p for p in (s.precision for s in scores) if p is not None]
    rs = [r for r in (s.recall for s in scores) if r is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f, p, r


def corpus_score(scores: Sequence[PageScore], *, bootstrap: int = 1000, seed: int = 0) -> CorpusScore:
    f, p, r = _prf(scores)
    pm = 0.0
    if bootstrap and len(scores) > 1:
        rng = random.Random(seed)
        n = len(scores)
        fs = sorted(_prf([scores[rng.randrange(n)] for _ in range(n)])[0] for _ in range(bootstrap))
        pm = (fs[int(0.975 * (bootstrap - 1))] - fs[int(0.025 * (bootstrap - 1))]) / 2
    return CorpusScore(f, p, r, pm, len(scores))


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def snippet_counts(predicted: str | None, with_: Sequence[str], without: Sequence[str]) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) for the trafilatura-eval snippet score of one page."""
    text = _norm_ws(predicted or "")
    tp = sum(1 for s in with_ if _norm_ws(s) in text)
    fn = len(with_) - tp
    fp = sum(1 for s in without if _norm_ws(s) in text)
    tn = len(without) - fp
    return tp, fn, fp, tn


def snippet_score(counts: Sequence[tuple[int, int, int, int]]) -> tuple[float, float, float]:
    """(F1, precision, recall) over all snippets of all pages."""
    tp = sum(c[0] for c in counts)
    fn = sum(c[1] for c in counts)
    fp = sum(c[2] for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r
