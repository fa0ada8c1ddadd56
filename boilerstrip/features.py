"""Per-block text features: length (CJK-aware), link density, function-word density, punctuation.

Word counts work for scripts without spaces: a run of Han, kana or Thai characters counts as a
fraction of a word per character (``CJK_CHARS_PER_WORD``, ``THAI_CHARS_PER_WORD``), so a Chinese
paragraph and an English one of the same content get similar counts.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Final

import regex

from .budget import CHECK_MASK
from .document import Doc, Segment

CJK_CHARS_PER_WORD: Final = 1.7
"""Average characters per word in Chinese/Japanese text (segmented corpora average 1.5-2)."""
THAI_CHARS_PER_WORD: Final = 5.0
"""Average characters per word in Thai text."""

_CJK: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_THAI: Final = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_WIDE_ANY: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_TOKEN: Final = regex.compile(r"\w+")
_TOKEN_WIDE: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}]+")
"""Tokens where each Han/kana character stands alone (function words of Chinese are characters)."""
_SENTENCE_END: Final = regex.compile(r"[.!?。！？؟।](?:[\"'”’»)\]]*)(?:\s|$)")
_TERMINAL: Final = regex.compile(r"[.!?。！？؟।…:;][\"'”’»)\]]{0,3}$")
"""A line ends a sentence when it ends with sentence punctuation, maybe inside closing quotes."""

LANG_SAMPLE_TOKENS: Final = 4000
"""Tokens sampled from the page (from the longest blocks) to pick its function-word list."""


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    raw = resources.files("boilerstrip").joinpath("data/function_words.json").read_text("utf-8")
    table: dict[str, list[str]] = json.loads(raw)
    return {lang: frozenset(words) for lang, words in table.items()}


def word_count(text: str) -> float:
    """Words in ``text``; characters of scripts written without spaces count fractionally."""
    n = len(text.split())
    if text.isascii() or not _WIDE_ANY.search(text):
        return float(n)
    cjk = len(_CJK.findall(text))
    thai = len(_THAI.findall(text))
    # Space-separated chunks that are wholly CJK/Thai were counted as words by split(); replace them
    # by their character-based estimate.
    rest = _WIDE_ANY.sub(" ", text)
    return len(rest.split()) + cjk / CJK_CHARS_PER_WORD + thai / THAI_CHARS_PER_WORD


def tokens(text: str) -> list[str]:
    low = text.lower()
    if low.isascii() or not _CJK.search(low):
        return _TOKEN.findall(low)
    return _TOKEN_WIDE.findall(low)


def pick_language(segs: list[Segment], hint: str | None) -> frozenset[str]:
    """The function-word list that best fits the page (the ``lang`` hint first, if we have it)."""
    table = function_words()
    if hint:
        code = hint.split("-")[0].split("_")[0].lower()
        if code in table:
            return table[code]
    longest = sorted(segs, key=lambda s: len(s.text), reverse=True)
    sample: list[str] = []
    for s in longest:
        sample.extend(tokens(s.text))
        if len(sample) >= LANG_SAMPLE_TOKENS:
            break
    if not sample:
        return table["en"]
    counts = Counter(sample)
    best, best_hits = "en", -1
    for lang, words in table.items():
        hits = sum(c for w, c in counts.items() if w in words)
        if hits > best_hits:
            best, best_hits = lang, hits
    return table[best]


def compute(doc: Doc) -> None:
    """Fill the text features of every segment of ``doc``."""
    segs = doc.segments
    stop = pick_language(segs, doc.meta.lang)
    budget = doc.budget
    for i, s in enumerate(segs):
        if not i & CHECK_MASK and budget.over():
            break  # time budget spent: the rest keep zero features
        text = s.text
        s.chars = len(text)
        s.words = word_count(text)
        s.link_density = s.link_chars / s.chars if s.chars else 0.0
        toks = tokens(text)
        if toks:
            s.stop_density = sum(1 for t in toks if t in stop) / len(toks)
        s.punct_end = _TERMINAL.search(text[-8:]) is not None
        s.sentences = len(_SENTENCE_END.findall(text)) + (0 if s.punct_end else 1)
