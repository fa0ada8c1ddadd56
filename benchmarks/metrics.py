"""The metrics of ``../shared/data/README.md``, plus the label metrics of the evaluation suite.

Shingle F1: tokens are matches of the Unicode regex ``\\w+``; shingles are runs of 4 consecutive
tokens (a text with fewer than 4 tokens is one shingle); per page, with multiset counts, tp/fp/fn
are normalised by their sum so every page weighs the same; per-page precision tp/(tp+fp) is 1 when
fp = fn = 0 and 0 when tp = fp = 0, recall tp/(tp+fn) likewise (so recall is undefined on a page
with an empty gold where something was predicted); corpus precision and recall are the means over
the pages where they are defined, and F1 is their harmonic mean. The ± is the standard deviation of
F1 over bootstrap resamples of the pages (as in the public article-extraction benchmark).

This module depends on ``regex`` and the standard library only: the CI gate uses it.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

import regex

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4
BOOTSTRAP = 1000


def tokens(text: str | None) -> list[str]:
    found: list[str] = _TOKEN.findall(text or "")
    return found


def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < SHINGLE:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + SHINGLE]) for i in range(len(toks) - SHINGLE + 1))


@dataclass(frozen=True)
class PageScore:
    """Normalised shingle counts of one page (tp + fp + fn = 1; all 0 when both texts are empty)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """tp/(tp+fp); 1 when fp = fn = 0, 0 when tp = fp = 0 (nothing predicted)."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        """tp/(tp+fn); 1 when fp = fn = 0, 0 when tp = fp = 0 (nothing predicted), and undefined
        (None) when tp = fn = 0 < fp: the gold is empty (a page judged to have no main content)
        and something was predicted. Such a page counts in the precision mean (as 0), not in the
        recall mean."""
        if self.fp == 0 and self.fn == 0:
            return 1.0
        if self.tp == 0 and self.fp == 0:
            return 0.0
        if self.tp == 0 and self.fn == 0:
            return None
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall or 0.0
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
    """Standard deviation of F1 over bootstrap resamples of the pages."""
    pages: int


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


def corpus_score(
    scores: Sequence[PageScore], *, bootstrap: int = BOOTSTRAP, seed: int = 0
) -> CorpusScore:
    ps = [s.precision for s in scores]
    rs = [s.recall for s in scores]
    p, r = _mean(ps), _mean([x for x in rs if x is not None])
    pm = 0.0
    n = len(scores)
    if bootstrap and n > 1:
        rng = random.Random(seed)
        fs: list[float] = []
        for _ in range(bootstrap):
            idx = rng.choices(range(n), k=n)
            rr = [x for i in idx if (x := rs[i]) is not None]
            fs.append(_f(sum(ps[i] for i in idx) / n, _mean(rr)))
        mu = sum(fs) / len(fs)
        pm = (sum((x - mu) ** 2 for x in fs) / (len(fs) - 1)) ** 0.5
    return CorpusScore(_f(p, r), p, r, pm, n)


# --- trafilatura-eval snippets ---------------------------------------------------------------


def _norm_ws(s: str) -> str:
    return " ".join(s.split())


def snippet_counts(
    predicted: str | None, with_: Sequence[str], without: Sequence[str]
) -> tuple[int, int, int, int]:
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
    return _f(p, r), p, r


# --- titles ----------------------------------------------------------------------------------

_NOT_WORD = regex.compile(r"[\W_]+")


def norm_title(title: str | None) -> str:
    """Case, punctuation and spaces ignored: the casefolded word characters only."""
    normed: str = _NOT_WORD.sub("", (title or "").casefold())
    return normed


def title_match(predicted: str | None, gold: str | None) -> bool:
    g = norm_title(gold)
    return bool(g) and norm_title(predicted) == g


_TITLE_SEPARATOR = regex.compile(r"\s+(?:[|\-–—·»/]|::)\s+|\s*_\s*|\s+(?=\[[^\]]*\]\s*$)")
"""Where a page title joins its headline to a site or section name: " | ", " - ", " – ", " — ",
" · ", " » ", " / ", " :: ", "_" between words (Chinese portals), and a bracketed name at the end
("… [LWN.net]"). The scorer's own table: boilerstrip's ``title.SITE_SEPARATORS`` is part of what
is scored."""


def title_match_without_site(predicted: str | None, gold: str | None) -> bool:
    """:func:`title_match` against the gold title, or against it with its first or last parts cut
    off at a site-name separator (:data:`_TITLE_SEPARATOR`): any last parts ("How to Build a
    Terrarium | eHow" also matches "How to Build a Terrarium", "Mozilla - Wikipedia" "Mozilla"),
    or first parts shorter than what is left ("IOL: Trio set for Derby debuts"; "eHow" matches
    nothing). A diagnostic of the site-name convention, not a score: the cut is made on the gold
    side only."""
    if title_match(predicted, gold):
        return True
    parts = [norm_title(x) for x in _TITLE_SEPARATOR.split((gold or "").strip())]
    parts = [x for x in parts if x]
    p = norm_title(predicted)
    if not p or len(parts) < 2:
        return False
    whole = len("".join(parts))
    for k in range(1, len(parts)):
        tail = "".join(parts[k:])
        if p == "".join(parts[:k]) or (p == tail and 2 * len(tail) > whole):
            return True
    return False


# --- lines (turku-line-quality) --------------------------------------------------------------

_TERMINAL = regex.compile(r"[.!?…。！？][\"'”’»)\]]*\s*$")


def terminal_punctuation(line: str) -> bool:
    """The baseline line classifier: a line is clean when it ends a sentence."""
    return bool(_TERMINAL.search(line.strip()))


@dataclass(frozen=True)
class LineScore:
    tp: int
    fp: int
    fn: int
    tn: int

    def __add__(self, other: LineScore) -> LineScore:
        return LineScore(
            self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.tn + other.tn
        )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return _f(self.precision, self.recall)

    @property
    def accuracy(self) -> float:
        n = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / n if n else 0.0


def line_score(predicted: Sequence[bool], gold: Sequence[int]) -> LineScore:
    """Clean-line confusion counts of one page (the clean class, label 1, is the positive one)."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted lines for {len(gold)} gold lines")
    tp = fp = fn = tn = 0
    for p, g in zip(predicted, gold, strict=True):
        if p and g:
            tp += 1
        elif p:
            fp += 1
        elif g:
            fn += 1
        else:
            tn += 1
    return LineScore(tp, fp, fn, tn)


def lines_in_blocks(n_lines: int, spans: Iterable[tuple[int, int]]) -> list[bool]:
    """Per line (0-based), whether it falls in one of the 1-based inclusive ``spans``."""
    out = [False] * n_lines
    for first, last in spans:
        for i in range(max(first, 1), min(last, n_lines) + 1):
            out[i - 1] = True
    return out


# --- block labels (l3s-gn1 confusion) --------------------------------------------------------


def align_labels(
    gold: Sequence[tuple[str, str]], predicted: Sequence[tuple[str, str]]
) -> Counter[tuple[str, str]]:
    """Token-level confusion counts of two labelled block sequences of one page.

    Both sequences are ``(label, text)`` in document order. Each is flattened to its tokens
    (casefolded ``\\w+``), each token carrying its block's label, and the two token streams are
    aligned monotonically (longest matching runs, :class:`difflib.SequenceMatcher`). Every aligned
    token pair counts once for (gold label, predicted label); a gold token with no partner counts
    for (gold label, ``"missing"``), a predicted token with no partner for (``"extra"``, predicted
    label).
    Counting tokens weighs each block by its length, so a one-word menu item matters less than a
    paragraph, and the alignment needs no agreement on where blocks start and end.
    """
    g_tok: list[str] = []
    g_lab: list[str] = []
    for label, text in gold:
        for t in tokens(text):
            g_tok.append(t.casefold())
            g_lab.append(label)
    p_tok: list[str] = []
    p_lab: list[str] = []
    for label, text in predicted:
        for t in tokens(text):
            p_tok.append(t.casefold())
            p_lab.append(label)
    out: Counter[tuple[str, str]] = Counter()
    sm = SequenceMatcher(None, g_tok, p_tok, autojunk=False)
    gi = pi = 0
    for a, b, size in sm.get_matching_blocks():
        for k in range(gi, a):
            out[(g_lab[k], "missing")] += 1
        for k in range(pi, b):
            out[("extra", p_lab[k])] += 1
        for k in range(size):
            out[(g_lab[a + k], p_lab[b + k])] += 1
        gi, pi = a + size, b + size
    return out
