"""Label the blocks boilerstrip segments from a page by their overlap with the page's gold text.

Used to train and analyse the block classifier: a block is article when most of its word 4-grams
(for blocks shorter than 4 words: its whole word sequence) occur in the gold text.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

_TOKEN = regex.compile(r"\w+")
N = 4


def toks(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


class Gold:
    """The n-grams of a gold text, for fast overlap queries."""

    def __init__(self, text: str | None) -> None:
        t = toks(text or "")
        self.tokens = t
        self.lines = {" ".join(toks(line)) for line in (text or "").split("\n")}
        self.grams: dict[int, set[tuple[str, ...]]] = {}
        self.grams[N] = {tuple(t[i : i + N]) for i in range(len(t) - N + 1)}

    def _ngrams(self, n: int) -> set[tuple[str, ...]]:
        g = self.grams.get(n)
        if g is None:
            t = self.tokens
            g = {tuple(t[i : i + n]) for i in range(len(t) - n + 1)}
            self.grams[n] = g
        return g

    def overlap(self, text: str) -> float:
        """Share of the block's word 4-grams found in the gold (0..1); -1 for a block without words."""
        t = toks(text)
        if not t:
            return -1.0
        if len(t) < N:
            return 1.0 if tuple(t) in self._ngrams(len(t)) else 0.0
        grams = [tuple(t[i : i + N]) for i in range(len(t) - N + 1)]
        g = self.grams[N]
        return sum(1 for x in grams if x in g) / len(grams)


    def whole_line(self, text: str) -> bool:
        return " ".join(toks(text)) in self.lines


def labels(texts: Iterable[str], gold: str | None, threshold: float = 0.5) -> list[int]:
    """1 for blocks that are in the gold text. Blocks of 4 words or more: by their 4-gram overlap.
    Shorter blocks ("World", "Home") occur anywhere by chance: they count when they are a whole gold
    line, or when they occur in the gold and a block within two of them counts by overlap."""
    g = Gold(gold)
    texts = list(texts)
    n = len(texts)
    lab = [0] * n
    short: list[int] = []
    for i, t in enumerate(texts):
        k = len(toks(t))
        if k >= N:
            lab[i] = 1 if g.overlap(t) >= threshold else 0
        elif k:
            short.append(i)
    for i in short:
        if g.whole_line(texts[i]):
            lab[i] = 1
        elif g.overlap(texts[i]) >= 1.0 and any(
            lab[j] and len(toks(texts[j])) >= N for j in range(max(0, i - 2), min(n, i + 3))
        ):
            lab[i] = 1
    return lab
