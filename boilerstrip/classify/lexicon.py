"""Word cues: how far a block's words lean to the story or to a page's chrome.

The markup cues (``patterns.py``) and the line patterns name the boilerplate that a person thought
of ("Copyright", "Leave a reply"). Many more words tell it apart the same way on every site:
"subscribe", "permalink", "sitemap", "tweet", "archives" against "said", "which", "were". The
*lexicon* holds one weight per word, learned from the dev sets by ``tools/train.py``: the log-odds
that a block holding the word is article, less the prior log-odds (a smoothed naive-Bayes weight;
each page's blocks weigh ``1 / blocks`` so that every page counts the same). Only words found on
pages of :data:`MIN_SITES` sites or more are kept, so that no site's own name or menu becomes a cue
(block-level CV by site, seeds 0-2: 10 sites gave more than 5 on four of the six sets, with a
lexicon of about 10,000 words instead of 18,000; ``docs/design.md``, section 4, item 21).

The learned model reads six numbers per block (:data:`NAMES`): the mean weight of the block's words,
the mean of its first :data:`HEAD_WORDS` words (where "Posted by", "Related posts", "Share this" put
theirs), the lowest weight, the mean of the block before and after, and the mean over
:data:`WINDOW` blocks on each side weighed by their words (:func:`words`). Words the lexicon
lacks weigh 0. Pages of a kind whose model has no lexicon (text dumps) get 0 for all six. Where
the compiled helper is built, it computes the six (``lexicon_columns``) with the same operations
in the same order, for blocks of ASCII text or of characters its table answers for (no CJK: the
words looked up where they lie, in a ``WordTable`` of the lexicon), and asks :func:`_values` for
the others.

The lexicon ships inside the kind's model file (``data/model_html.json``, entry ``lexicon``), so the
trees and the weights they were trained against cannot come apart.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Mapping, Sequence
from typing import Any, Final

from ..compiled import speedups
from ..features import _char_table, tokens

NAMES: Final = ("lex_mean", "lex_head", "lex_min", "lex_prev", "lex_next", "lex_win")
"""The block features, in the order the learned vector holds them."""
HEAD_WORDS: Final = 4
"""The first words of a block, whose mean weight is a feature of its own."""
WINDOW: Final = 3
"""Blocks on each side whose mean weight (by words) is a feature."""
MAX_CHARS: Final = 2000
"""Characters of a block read for its words (a long block is prose: its first 300 words say so)."""
MIN_SITES: Final = 10
"""A word is kept when pages of this many sites hold it (``tools/train.py``)."""
SMOOTHING: Final = 2.0
"""Pseudo-pages of the prior mixed into each word's counts (``tools/train.py``)."""


class Lexicon:
    """A kind's word weights: ``{"type": "lexicon", "words": {word: weight}}`` in its model
    file."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.words: dict[str, float] = {str(w): float(v) for w, v in spec["words"].items()}
        self._compiled: tuple[Any, array[float]] | None = None

    def spec(self) -> dict[str, Any]:
        return {"type": "lexicon", "words": self.words}

    def compiled(self, mod: Any) -> tuple[Any, array[float]]:
        """The words in the compiled helper's ``WordTable`` (each at its position) and their
        weights in that order, made on first use."""
        if self._compiled is None:
            order = list(self.words)
            table = mod.WordTable({w: (k,) for k, w in enumerate(order)})
            self._compiled = (table, array("d", map(self.words.__getitem__, order)))
        return self._compiled


def words(text: str) -> list[str]:
    """The words of a block as the lexicon counts them: the tokens of its first
    :data:`MAX_CHARS` characters (``features.tokens``: lowered runs of ``\\w``; in Chinese,
    Japanese and Thai text each character of those scripts is a word)."""
    return tokens(text[:MAX_CHARS])


def _values(text: str, weights: Mapping[str, float]) -> tuple[float, float, float, int]:
    """The sum of the block's word weights, the sum of its first :data:`HEAD_WORDS`, the lowest
    (``inf`` for none) and its words, added one at a time in word order (as the compiled
    ``lexicon_columns`` adds them)."""
    get = weights.get
    total = head = 0.0
    low = math.inf
    count = 0
    for w in words(text):
        v = get(w, 0.0)
        total += v
        if count < HEAD_WORDS:
            head += v
        if v < low:
            low = v
        count += 1
    return total, head, low, count


def columns(
    texts: Sequence[str], lexicon: Lexicon | None, first: int = 0, last: int | None = None
) -> array[float]:
    """The :data:`NAMES` features of the blocks ``first`` to ``last - 1`` of a page whose blocks'
    texts are ``texts`` (in page order; the texts within :data:`WINDOW` of them are read too), row
    after row: ``len(NAMES)`` doubles a block. All 0 without a ``lexicon``."""
    n = len(texts)
    last = n if last is None else last
    width = len(NAMES)
    if lexicon is None or last <= first:
        return array("d", bytes(8 * width * max(0, last - first)))
    weights = lexicon.words
    mod = speedups()
    if mod is not None:
        table, values = lexicon.compiled(mod)
        return array("d", mod.lexicon_columns(
            texts if type(texts) is list else list(texts), table, values, MAX_CHARS, HEAD_WORDS,
            WINDOW, _char_table(), _values, weights, first, last,
        ))
    a0, b0 = max(0, first - WINDOW), min(n, last + WINDOW)
    own: list[tuple[float, float, float]] = []
    means: list[float] = []
    sizes: list[float] = []
    for text in texts[a0:b0]:
        total, head, low, count = _values(text, weights)
        if not count:
            own.append((0.0, 0.0, 0.0))
            means.append(0.0)
            sizes.append(1.0)
            continue
        mean = total / count
        own.append((mean, head / min(count, HEAD_WORDS), low))
        means.append(mean)
        sizes.append(float(count))
    out = array("d")
    for j in range(first, last):
        k = j - a0
        total = weight = 0.0
        for q in range(max(0, j - WINDOW) - a0, min(n, j + WINDOW + 1) - a0):
            total += means[q] * sizes[q]
            weight += sizes[q]
        out.extend(own[k])
        out.append(means[k - 1] if j else 0.0)
        out.append(means[k + 1] if j + 1 < n else 0.0)
        out.append(total / weight)
    return out
