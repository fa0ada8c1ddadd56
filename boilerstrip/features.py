"""Per-block text features: length (CJK-aware), link density, function-word density, punctuation.

Word counts work for scripts without spaces: a run of Han, kana or Thai characters counts as a
fraction of a word per character (``CJK_CHARS_PER_WORD``, ``THAI_CHARS_PER_WORD``), so a Chinese
paragraph and an English one of the same content get similar counts.
"""

from __future__ import annotations

import json
import re
from array import array
from collections import Counter
from collections.abc import Callable, MutableSequence, Sequence
from functools import lru_cache, partial
from importlib import resources
from operator import attrgetter, itemgetter
from typing import Any, Final

import regex

from . import patterns as P
from .budget import CHECK_MASK
from .compiled import speedups
from .document import Doc, Segment

CJK_CHARS_PER_WORD: Final = 1.7
"""Average characters per word in Chinese/Japanese text (segmented corpora average 1.5-2)."""
THAI_CHARS_PER_WORD: Final = 5.0
"""Average characters per word in Thai text."""

_CJK: Final = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_THAI: Final = regex.compile(r"[\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")
_WIDE_ANY: Final = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
)
_TOKEN: Final = regex.compile(r"\w+")
_TOKEN_WIDE: Final = regex.compile(
    r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}]+"
)
"""Tokens where each Han/kana character stands alone (function words of Chinese are characters)."""
_END_CLASS: Final = r"[.!?؟।]"
"""Stops that end a sentence where a space or the text's end follows them."""
_CLOSE_CLASS: Final = r"[\"'”’»)\]]"
_TERM_CLASS: Final = r"[.!?。！？؟।…:;]"
_WIDE_END_CLASS: Final = r"[。！？]"
_SENTENCE_END: Final = regex.compile(
    _END_CLASS + _CLOSE_CLASS + r"*(?:\s|$)|" + _WIDE_END_CLASS + "+" + _CLOSE_CLASS + "*"
)
"""A sentence end: a stop, then closing quotes, then a space or the text's end; Chinese and
Japanese full-width stops ("。", "！", "？", a run of them once) end a sentence without a space
after them, as those languages write ("今天下雨了。我们在家。" is two sentences)."""
_TERMINAL: Final = regex.compile(_TERM_CLASS + _CLOSE_CLASS + "{0,3}$")
"""A line ends a sentence when it ends with sentence punctuation, maybe inside closing quotes."""
_TABLE_CHARS: Final = 0x2070
"""The character table of the compiled features (:func:`_char_table`) covers the code points below
this: Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts and the general
punctuation (curly quotes, dashes, the ellipsis)."""

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
    if low.isascii():
        return _ASCII_TOKEN.findall(low)  # the same tokens (see _ASCII_TOKEN)
    if not _CJK.search(low):
        return _TOKEN.findall(low)
    return _TOKEN_WIDE.findall(low)


def pick_language(
    segs: list[Segment], hint: str | None, known: dict[int, list[str]] | None = None
) -> frozenset[str]:
    """The function-word list that best fits the page: the ``lang`` hint's, if we have its list and
    the page's words do not overrule it (:data:`HINT_OVERRULED_RATIO`), else the list of the
    language with the most function words in a sample of the page (its longest blocks, up to
    :data:`LANG_SAMPLE_TOKENS` tokens). The tokens of the blocks it reads are left in ``known``
    (by block index), for reuse."""
    table = function_words()
    code = hint.split("-")[0].split("_")[0].lower() if hint else ""
    hits, sampled = _sample_hits(segs, known)
    langs, _ = _language_index()
    best = _best_of(hits) if sampled else "en"
    if code in table:
        said = hits[langs.index(code)]
        top = max(hits) if hits else 0
        if (
            top < HINT_OVERRULED_MIN_HITS
            or top < HINT_OVERRULED_RATIO * said
            or top < HINT_OVERRULED_SHARE * sampled
        ):
            return table[code]
    return table[best]


HINT_OVERRULED_RATIO: Final = 3
HINT_OVERRULED_MIN_HITS: Final = 50
HINT_OVERRULED_SHARE: Final = 0.05
"""A page's ``lang`` hint names its function words unless another language's function words are
at least 3 times as frequent in the page's sample, at least 50, and at least 5 % of its tokens
(prose: German or Spanish prose is 25-45 % function words, Chinese 8-23 % of its characters, each
a token). Templates declare ``lang="en-US"`` over German, Spanish and French stories: 26 of the
1,634 dev pages with a hint we have a list for have another language ahead in the sample, and the
18 of them past all three bounds read in that language (a German repair-café page: 105 German
function words against 8 English ones).
Short of them the hint stands: lorem ipsum (Danish ahead, 45 against 18), a Kiel sailing club's
German page under an English menu (86 against 105), a German results table whose sample is names
and numbers (French ahead by 155 against 25 in 4,000 tokens)."""


def _sample_hits(
    segs: list[Segment], known: dict[int, list[str]] | None
) -> tuple[list[int], int]:
    """The function-word hits per language (in :func:`_language_index` order) of the page's
    sample, its longest blocks up to :data:`LANG_SAMPLE_TOKENS` tokens, and the sample's tokens."""
    langs, _ = _language_index()
    mod = speedups()
    if mod is not None:
        return _compiled_hits(mod, segs, known)
    lengths = [len(s.text) for s in segs]
    longest = sorted(range(len(segs)), key=lengths.__getitem__, reverse=True)
    sample: list[str] = []
    for i in longest:
        toks = tokens(segs[i].text)
        if known is not None:
            known[i] = toks
        sample.extend(toks)
        if len(sample) >= LANG_SAMPLE_TOKENS:
            break
    hits = [0] * len(langs)
    _count_hits(sample, hits)
    return hits, len(sample)


def _count_hits(sample: list[str], hits: MutableSequence[int]) -> None:
    """Add the sample's function-word hits per language to ``hits`` (in :func:`_language_index`
    order)."""
    _, index = _language_index()
    for w, c in Counter(sample).items():
        for k in index.get(w, ()):
            hits[k] += c


def _best_of(hits: Sequence[int]) -> str:
    """The language with the most hits (the first in table order of a tie, also of none)."""
    langs, _ = _language_index()
    best, best_hits = "en", -1
    for lang, h in zip(langs, hits, strict=True):
        if h > best_hits:
            best, best_hits = lang, h
    return best


def _compiled_hits(
    mod: Any, segs: list[Segment], known: dict[int, list[str]] | None
) -> tuple[list[int], int]:
    """:func:`_sample_hits` with the blocks taken longest first (``longest_first``: the same stable
    order) and the hits of ASCII blocks (and of the others :func:`_char_table` answers for) counted
    by the compiled helper (``language_sample``: the same tokens, looked up in
    :func:`_language_words`, the same integer counts: a word's count added to every language that
    lists it, one at a time instead of after a Counter); the tokens of the other blocks are
    counted here, as :func:`_sample_hits` counts them."""
    langs, _ = _language_index()
    words = _language_words(mod)
    hits = array("q", bytes(8 * len(langs)))
    sample: list[str] = []
    table = _char_table()
    order = mod.longest_first(segs)
    k, n, sampled = 0, len(order), 0
    while k < n and sampled < LANG_SAMPLE_TOKENS:
        k, sampled = mod.language_sample(
            segs, order, k, words, hits, table, LANG_SAMPLE_TOKENS, sampled
        )
        if k < n and sampled < LANG_SAMPLE_TOKENS:  # a text the table does not answer for
            i = order[k]
            toks = tokens(segs[i].text)
            if known is not None:
                known[i] = toks
            sampled += len(toks)
            sample.extend(toks)
            k += 1
    out = list(hits)
    _count_hits(sample, out)
    return out, sampled


@lru_cache(maxsize=1)
def _language_words(mod: Any) -> Any:
    """The words of :func:`_language_index` with their languages' positions, as the compiled
    helper's ``WordTable`` (made once)."""
    return mod.WordTable(_language_index()[1])


@lru_cache(maxsize=64)
def _stop_words(mod: Any, stop: frozenset[str]) -> Any:
    """A function-word list as the compiled helper's ``WordTable`` (one per language picked)."""
    return mod.WordTable(stop)


@lru_cache(maxsize=1)
def _language_index() -> tuple[list[str], dict[str, list[int]]]:
    """The languages of :func:`function_words` in table order, and for each word the positions of
    the languages that list it (the hits of every language in one pass over the page's words)."""
    table = function_words()
    langs = list(table)
    index: dict[str, list[int]] = {}
    for k, lang in enumerate(langs):
        for w in table[lang]:
            index.setdefault(w, []).append(k)
    return langs, index


_ASCII_TOKEN: Final = re.compile(r"\w+")
"""``_TOKEN`` for ASCII text: both are ``[A-Za-z0-9_]+`` there, and ``re`` is the faster one."""
_TERMINAL_LAST: Final = frozenset(".!?。！？؟।…:;\"'”’»)]")
"""The characters a text :data:`_TERMINAL` matches can end with (or a newline, before which ``$``
also matches)."""
_SENTENCE_ASCII: Final = (".", "!", "?")
"""The characters of :data:`_SENTENCE_END`'s first class that are ASCII."""


_N_FLOATS: Final = 1024
_FLOATS: Final = tuple(float(k) for k in range(_N_FLOATS))
"""Word counts as shared float objects (``_FLOATS[n] == float(n)``)."""


@lru_cache(maxsize=1)
def _char_table() -> bytes:
    """Per code point below :data:`_TABLE_CHARS`, the classes the feature patterns give it (the
    bits of ``_speedups.c``'s ``CH_*``), read off the patterns themselves: 1 the compiled helper
    may count a text of such characters (no :data:`_WIDE_ANY` or :data:`_CJK` character), 2 a
    token character (:data:`_TOKEN`'s ``\\w``), 4 a space of :data:`_SENTENCE_END`, 8 a sentence
    end, 16 a closing quote or bracket, 32 a line end of :data:`_TERMINAL`. Made on first use."""
    chars = "".join(map(chr, range(_TABLE_CHARS)))
    table = bytearray(_TABLE_CHARS)
    for bit, pattern in (
        (2, _TOKEN.pattern[:-1]),  # r"\w+" -> r"\w"
        (4, r"\s"),
        (8, _END_CLASS),
        (16, _CLOSE_CLASS),
        (32, _TERM_CLASS),
    ):
        for m in regex.finditer(pattern, chars):
            table[m.start()] |= bit
    wide = {m.start() for p in (_WIDE_ANY, _CJK) for m in p.finditer(chars)}
    for k in range(_TABLE_CHARS):
        if k not in wide:
            table[k] |= 1
    return bytes(table)


def compute(doc: Doc) -> None:
    """Fill the text features of every segment of ``doc``."""
    segs = doc.segments
    known: dict[int, list[str]] = {}
    stop = pick_language(segs, doc.meta.lang, known)
    is_stop = stop.__contains__
    budget = doc.budget
    mod = speedups()
    if mod is not None:
        # The runs of ASCII blocks in the compiled helper (the same numbers), up to each budget
        # check; the other blocks here.
        ascii_features = mod.ascii_features
        table = _char_table()
        stop_words = _stop_words(mod, stop)
        i, n = 0, len(segs)
        while i < n:
            if not i & CHECK_MASK and budget.over():
                break  # time budget spent: the rest keep zero features
            j = ascii_features(segs, stop_words, _FLOATS, i, (i | CHECK_MASK) + 1, table)
            if j == i:
                _features(segs[i], known.get(i), is_stop)
                j += 1
            i = j
        return
    for i, s in enumerate(segs):
        if not i & CHECK_MASK and budget.over():
            break  # time budget spent: the rest keep zero features
        _features(s, known.get(i), is_stop)


def _features(s: Segment, toks: list[str] | None, is_stop: Callable[[str], bool]) -> None:
    """The text features of one block (``toks``: its tokens, where already known)."""
    text = s.text
    chars = len(text)
    s.chars = chars
    # word_count(), tokens() and the sentence patterns, with the same answers, cheaper: one
    # isascii() for all, and the patterns skipped where a character test rules them out.
    if text.isascii():
        n_words = len(text.split())
        s.words = _FLOATS[n_words] if n_words < _N_FLOATS else float(n_words)
        if toks is None:
            toks = _ascii_tokens(text.lower())
        if "." in text or "!" in text or "?" in text:
            ends = len(_sentence_ends(text))
        else:
            ends = 0
    else:
        s.words = word_count(text) if _wide(text) else float(len(text.split()))
        if toks is None:
            low = text.lower()
            toks = _token(low) if not _cjk(low) else _TOKEN_WIDE.findall(low)
        ends = len(_sentence_ends(text))
    # (Zeros as the one 0.0 object: a page of a million blocks holds them, not copies.)
    s.link_density = s.link_chars / chars if chars and s.link_chars else 0.0
    if toks:
        hits = sum(map(is_stop, toks))
        s.stop_density = hits / len(toks) if hits else 0.0
    punct_end = ends_sentence(text)
    s.punct_end = punct_end
    s.sentences = ends + (0 if punct_end else 1)


def ends_sentence(text: str) -> bool:
    """The ``punct_end`` feature: the text ends like a sentence (a stop, a quote after it)."""
    last = text[-1:]
    return (last in _TERMINAL_LAST or last == "\n") and _terminal(text[-8:]) is not None


def sentence_count(text: str) -> int:
    """The ``sentences`` feature of a text taken alone (one line of a block): its sentence ends,
    and one more where it does not end like a sentence."""
    return len(_sentence_ends(text)) + (0 if ends_sentence(text) else 1)


_terminal: Final = _TERMINAL.search
_sentence_ends: Final = _SENTENCE_END.findall
_wide: Final = _WIDE_ANY.search
_cjk: Final = _CJK.search
_ascii_tokens: Final = _ASCII_TOKEN.findall
_token: Final = _TOKEN.findall


# --- per-text flags of the line patterns, shared by the classifiers ----------------------------

TextFlags = tuple[bool, bool, bool, bool, bool, bool, float, float, float]
"""What the classifiers ask of a block's text alone: (boilerplate line, copyright, date, comment
header, widget, date with a meta word, share of digits, share of capitalised words, mean word
length), the last three over the first :data:`SAMPLE_CHARS` characters."""

SAMPLE_CHARS: Final = 400
_COPYRIGHT_FOLDED: Final = (
    "(c)", "&copy;", "copyright", *(" ".join(p) for p in P.RIGHTS_PHRASES)
)
"""The alternatives of :data:`patterns.COPYRIGHT` but "©", case-folded. The pattern matches with
full case folding: what it matches case-folds to one of them, and the case folding of a text is
that of its characters one after the other, so the case-folded text holds it."""
_COPYRIGHT_ASCII: Final = tuple(x for x in _COPYRIGHT_FOLDED if x.isascii())
"""The alternatives of :data:`patterns.COPYRIGHT` that ASCII text can match, lowercased. On ASCII
text the pattern's case-insensitive matching is ASCII case-insensitive matching (no ASCII character
folds to anything else, and "©" or "réservés" cannot be matched at all), so the pattern matches only
where the lowercased text holds one of these: the search is skipped elsewhere, with the same answer.
Likewise :data:`patterns.DATE` on ASCII text needs a digit (``\\d`` is ``[0-9]`` there), "ago" or
"just now" (the only alternatives without a digit: "a day ago", "seconds ago", "just now")."""
_DATE_HINT: Final = re.compile(r"\d[-/.:]\d|\s\d|\d(?:st|nd|rd|th)?\s", re.IGNORECASE).search
"""On ASCII text, what every alternative of :data:`patterns.DATE` but "... ago" holds: digits
around a separator ("12/3", "10:45"), a space before a number ("May 3") or after one ("3rd May").
(``re``'s ``\\s`` takes a few more ASCII control characters than ``regex``'s: a superset.)"""
_DATE_DIGITS: Final = re.compile(r"\d[-/.:]\d").search
"""What the alternatives of :data:`patterns.DATE` without a month in words hold (``12/3/2020``,
``10:45``) besides "ago" and "just now": where :data:`_DATE_HINT` finds only a space next to a
number, the date needs a month word as well (:data:`_has_month`)."""
_MONTHS_ASCII: Final = tuple(
    m for m in P.DATE_MONTHS if not any(k in m for k in P.DATE_MONTHS if k != m)
)
""":data:`patterns.DATE_MONTHS` without those that hold another ("sept" holds "sep")."""
_ANY_DIGIT: Final = regex.compile(r"\d").search
r"""What every alternative of :data:`patterns.DATE` but "... ago" and "just now" holds, on any text:
a digit (``regex``'s ``\d``, the pattern's own). "ago" and "just now" are matched with full case
folding, so the case-folded text holds them (see :data:`_COPYRIGHT_FOLDED`; neither has an "i" or a
"k", which the patterns also match in "İ" and the Kelvin sign: "K" case-folds to "k", but "İ" to "i"
and a combining dot)."""
_DIGIT_FIRST: Final = regex.compile(r"\d").match
r"""Whether a text starts with a digit (``regex``'s ``\d``, that of :data:`patterns.WIDGET`'s
``(?:\d+\s+)?likes?``)."""
_WIDGET_STARTS: Final = (
    "rate this", "reply", "report", "recommend", "like", "dislike", "share", "tweet", "email",
    "e-mail", "print", "permalink", "flag", "point", "vote", "up", "down", "read more",
    "continue reading", "more", "next", "previous", "back to top", "top", "take me there",
    "learn more", "sign in", "log", "register", "subscribe", "follow us",
)
r"""How a text that :data:`patterns.WIDGET` matches starts, lowercased, unless it starts with a
digit (``(?:\d+\s+)?likes?``): on ASCII text the pattern's case-insensitive matching is matching the
lowercased text (see :data:`_COPYRIGHT_ASCII`), and the pattern is anchored at the start."""
_FOOTER_STARTS: Final = (
    "privacy", "terms", "cookie", "contact", "about", "imprint", "impressum", "datenschutz",
    "site map", "sitemap", "accessibility", "advertise", "careers", "jobs", "help", "faq",
    "this page is best viewed", "powered by", "all rights reserved",
)
"""How a text that :data:`patterns.FOOTER_LINE` matches starts (ASCII text, lowercased)."""
_HEADER_WORDS: Final = ("comment", "repl", "respons", "discussion", "closed")
"""What every text :data:`patterns.COMMENT_HEADER` or :data:`patterns.COMMENT_COUNT` matches holds
(lowercased ASCII text, case-folded text)."""


def pattern_fold(t: str) -> str:
    """``t`` case-folded as the line patterns match it: with full case folding (so what a
    case-insensitive literal matches is a substring of the folded text), but for "İ" (U+0130),
    which the patterns read as "i" while ``str.casefold`` gives "i" and a combining dot."""
    fold = t.casefold()
    return fold.replace("i\u0307", "i") if "\u0130" in t else fold


def contains_any(literals: tuple[str, ...]) -> Callable[[str], bool]:
    """A function telling whether a text holds one of ``literals``: ``any(lit in text for lit in
    literals)``, written out as one expression (no generator made and run per call)."""
    if not literals:
        return lambda text: False
    src = "lambda text: " + " or ".join(f"{lit!r} in text" for lit in literals)
    fn: Callable[[str], bool] = eval(src)  # the literals are this package's constants
    return fn


_has_copyright_ascii: Final = contains_any(_COPYRIGHT_ASCII)
_has_copyright_folded: Final = contains_any(_COPYRIGHT_FOLDED)
_has_header_word: Final = contains_any(_HEADER_WORDS)
_has_month: Final = contains_any(_MONTHS_ASCII)
_DIGITS: Final = b"0123456789"
_ASCII_SPACE: Final = bytes(b for b in range(128) if chr(b).isspace())
"""The ASCII characters ``str.split()`` splits at."""
_first: Final = itemgetter(0)

# The boolean flags of a text, as bits of an int (cached per text, and per segment).
BOILER: Final = 1
"""A boilerplate line: copyright, widget or footer line (:func:`patterns.is_boilerplate_line`)."""
COPYRIGHT: Final = 2
DATE: Final = 4
COMMENT_HEADER: Final = 8
WIDGET: Final = 16
META_DATE: Final = 32
"""A date, and a word around it that marks a header line (:data:`patterns.META_LINE`)."""
COMMENT_COUNT: Final = 64
"""A comment count somewhere in the line (:data:`patterns.COMMENT_COUNT`: "8 comments")."""

_bits_cache: dict[str, int] = {}
_BITS_CACHE_MAX: Final = 8192
"""Short texts whose flags are kept (menus, widgets and footers repeat within a page and across the
pages of a site). Bounded: cleared when full (a page's blocks keep theirs: :func:`line_flags`)."""


def _ascii_line_hints(t: str) -> int:
    """Which patterns of :func:`_line_bits` can match the ASCII text ``t``, as bits: 1 copyright,
    2 date, 4 widget, 8 footer line, 16 comment header (the compiled helper's ``ascii_line_hints``
    gives the same bits)."""
    low = t.lower()
    bits = 1 if _has_copyright_ascii(low) else 0
    if (
        _DATE_DIGITS(t) is not None
        or "ago" in low
        or "just now" in low
        or (_has_month(low) and _DATE_HINT(t) is not None)
    ):
        bits |= 2
    if low.startswith(_WIDGET_STARTS) or low[:1].isdigit():
        bits |= 4
    if low.startswith(_FOOTER_STARTS):
        bits |= 8
    if _has_header_word(low):
        bits |= 16
    return bits


def _compiled_hints() -> Callable[[str], int]:
    """The compiled helper's ``ascii_line_hints`` with this module's tables bound (a ``partial``: no
    Python frame per call), where it is built (and not turned off when this module is imported:
    like the models' trees, chosen once), else :func:`_ascii_line_hints` itself."""
    mod = speedups()
    if mod is None:
        return _ascii_line_hints
    tables = (_COPYRIGHT_ASCII, _WIDGET_STARTS, _FOOTER_STARTS, _HEADER_WORDS, _MONTHS_ASCII)
    hints: Callable[[str], int] = partial(mod.ascii_line_hints, *tables)
    return hints


_ascii_hints: Final = _compiled_hints()


def _line_bits(t: str) -> int:
    """The flag bits of a text of at most :data:`patterns.MAX_PATTERN_CHARS` characters."""
    got = _bits_cache.get(t)
    if got is not None:
        return got
    # The cheap tests first, as the bits of _ascii_line_hints: the two costliest searches skipped
    # where they cannot match (see _COPYRIGHT_ASCII), and the anchored patterns where the text does
    # not start (or hold) what they need.
    if t.isascii():
        hints = _ascii_hints(t)
    else:
        # A case-insensitive match of a literal is a substring of the case-folded text, and a match
        # at the start a prefix of it (the case folding of a text is that of its characters one
        # after the other): the tables of the ASCII hints hold there too.
        fold = pattern_fold(t)
        hints = 1 if "©" in t or _has_copyright_folded(fold) else 0
        if _ANY_DIGIT(t) is not None or "ago" in fold or "just now" in fold:
            hints |= 2
        if fold.startswith(_WIDGET_STARTS) or _DIGIT_FIRST(t) is not None:
            hints |= 4
        if fold.startswith(_FOOTER_STARTS):
            hints |= 8
        if _has_header_word(fold):
            hints |= 16
    bits = 0
    if hints & 1 and P.COPYRIGHT.search(t) is not None:
        bits = BOILER | COPYRIGHT
    if hints & 4 and P.WIDGET.match(t) is not None:
        bits |= BOILER | WIDGET
    elif not bits and hints & 8 and P.FOOTER_LINE.match(t) is not None:
        bits = BOILER
    if hints & 2 and P.DATE.search(t) is not None:
        bits |= DATE
        if P.META_LINE.search(t) is not None:
            bits |= META_DATE
    if hints & 16:  # (the header words hold the words of a comment count too)
        if P.COMMENT_HEADER.match(t) is not None:
            bits |= COMMENT_HEADER
        if P.COMMENT_COUNT.search(t) is not None:
            bits |= COMMENT_COUNT
    if len(_bits_cache) >= _BITS_CACHE_MAX:
        _bits_cache.clear()
    _bits_cache[t] = bits
    return bits


def line_flags(s: Segment) -> int:
    """The flag bits of the segment's text (0 past :data:`patterns.MAX_PATTERN_CHARS` characters:
    the patterns are not tried there), computed once per segment."""
    bits = s.line_flags
    if bits < 0:
        t = s.text
        bits = s.line_flags = _line_bits(t) if len(t) <= P.MAX_PATTERN_CHARS else 0
    return bits


_stored_flags: Final = attrgetter("line_flags")


def segments_flags(segs: Sequence[Segment]) -> list[int]:
    """``[line_flags(s) for s in segs]``: the flags already computed read in one pass (most are, by
    the time a step asks for all of them), :func:`line_flags` called for the others only."""
    flags = list(map(_stored_flags, segs))
    if min(flags, default=0) < 0:
        for i, bits in enumerate(flags):
            if bits < 0:
                flags[i] = line_flags(segs[i])
    return flags


def text_flags(t: str) -> TextFlags:
    """The :data:`TextFlags` of ``t`` (patterns tried only up to :data:`patterns.MAX_PATTERN_CHARS`
    characters, as everywhere)."""
    bits = _line_bits(t) if len(t) <= P.MAX_PATTERN_CHARS else 0
    return (
        bool(bits & BOILER),
        bool(bits & COPYRIGHT),
        bool(bits & DATE),
        bool(bits & COMMENT_HEADER),
        bool(bits & WIDGET),
        bool(bits & META_DATE),
        *text_shape(t),
    )


def has_copyright(t: str) -> bool:
    """``P.COPYRIGHT.search(t) is not None``, from the text's cached flags where it has them."""
    if len(t) <= P.MAX_PATTERN_CHARS:
        return bool(_line_bits(t) & COPYRIGHT)
    return P.COPYRIGHT.search(t) is not None


def segment_copyright(s: Segment) -> bool:
    """``P.COPYRIGHT.search(s.text) is not None``, from the segment's flags where it has them."""
    if len(s.text) <= P.MAX_PATTERN_CHARS:
        return bool(line_flags(s) & COPYRIGHT)
    return P.COPYRIGHT.search(s.text) is not None


def segment_comment_header(s: Segment) -> bool:
    """``P.COMMENT_HEADER.match(s.text) is not None``, from the segment's flags where it has
    them."""
    if len(s.text) <= P.MAX_PATTERN_CHARS:
        return bool(line_flags(s) & COMMENT_HEADER)
    return P.COMMENT_HEADER.match(s.text) is not None


def segment_widget(s: Segment) -> bool:
    """``P.WIDGET.match(s.text) is not None``, from the segment's flags where it has them."""
    if len(s.text) <= P.MAX_PATTERN_CHARS:
        return bool(line_flags(s) & WIDGET)
    return P.WIDGET.match(s.text) is not None


def has_date(t: str) -> bool:
    """``P.DATE.search(t) is not None``, from the text's cached flags where it has them."""
    if len(t) <= P.MAX_PATTERN_CHARS:
        return bool(_line_bits(t) & DATE)
    return P.DATE.search(t) is not None


def segment_date(s: Segment) -> bool:
    """``P.DATE.search(s.text) is not None``, from the segment's flags where it has them."""
    if len(s.text) <= P.MAX_PATTERN_CHARS:
        return bool(line_flags(s) & DATE)
    return P.DATE.search(s.text) is not None


_shape_cache: dict[str, tuple[float, float, float]] = {}


def cached_shape(t: str) -> tuple[float, float, float]:
    """:func:`text_shape`, kept for short texts (as their flags are, and with the same bound)."""
    if len(t) > P.MAX_PATTERN_CHARS:
        return text_shape(t)
    got = _shape_cache.get(t)
    if got is None:
        got = text_shape(t)
        if len(_shape_cache) >= _BITS_CACHE_MAX:
            _shape_cache.clear()
        _shape_cache[t] = got
    return got


def text_shape(t: str) -> tuple[float, float, float]:
    """Share of digits, share of words starting with a capital, mean word length (characters) over
    the first :data:`SAMPLE_CHARS` characters of ``t``."""
    head = t[:SAMPLE_CHARS]
    words = head.split()
    n = len(words)
    if head.isascii():
        data = head.encode("ascii")
        digits = len(data) - len(data.translate(None, _DIGITS))
        # the characters of the words: all but the ASCII whitespace split() splits at
        letters = len(data.translate(None, _ASCII_SPACE))
    else:
        digits = sum(map(str.isdigit, head))
        letters = len("".join(words))
    if n:
        upper = sum(map(str.isupper, map(_first, words))) / n
        avg = letters / n
    else:
        upper = avg = 0.0
    return digits / max(1, min(len(t), SAMPLE_CHARS)), upper, avg

