"""Undo UTF-8 read as Latin-1 or windows-1252 in a text dump ("GrÃ¼nden" for "Gründen").

A text browser believes a page's declared charset: lynx renders a UTF-8 page that declares
ISO-8859-1 as mojibake, every non-ASCII letter as two or three Latin-1 characters (19 of
trafilatura-eval's 990 lynx dumps, against one of its w3m dumps). HTML input is decoded from its
bytes (:mod:`boilerstrip.decode`), where a valid UTF-8 page wins over its declaration; a text dump
arrives already decoded, so the text mode reads the mojibake back in its output: each run that is
the Latin-1 (or windows-1252) reading of one well-formed UTF-8 character becomes that character.
The blocks are classified as the dump spells them (the models' features are those of the text as
given) and only their text is read back, when the document is assembled.

Characters whose UTF-8 bytes hold a C1 byte (0x80-0x9F: "ß", "Ä", "Ü" ...) may have lost it to the
browser (it drops control characters), leaving a lone "Ã". Of the 32 characters it can then stand
for (U+00C0-U+00DF) only "ß" is a lower-case letter: in a misread text, a lone "Ã" between two
lower-case letters is read as "ß" ("MaÃnahmen"); the others stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

MIN_RUNS: Final = 3
"""A text is read back only where at least this many runs read as UTF-8: one "Ã©" may be meant (a
quoted example of mojibake), three are a misread page. (The misread lynx dumps of trafilatura-eval
hold 4 to several hundred; 31 of turku-line-quality's plain-text pages are misread too.)"""

_CP1252_HIGH: Final = {
    ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", "ignore"))
}
"""The characters windows-1252 reads the bytes 0x80-0x9F as (five of those bytes are undefined)."""


def _byte(ch: str) -> int:
    """The byte a Latin-1 or windows-1252 reading turned into ``ch`` (``ch`` is one of :data:`_CONT`
    or a lead byte's character)."""
    return _CP1252_HIGH.get(ch, ord(ch))


_CONT: Final = "[\x80-\xbf" + "".join(sorted(_CP1252_HIGH)) + "]"
"""A UTF-8 continuation byte (0x80-0xBF) as Latin-1 or windows-1252 shows it."""
_RUN: Final = re.compile(
    f"[\xc2-\xf4](?:(?<=[\xc2-\xdf]){_CONT}|(?<=[\xe0-\xef]){_CONT}{{2}}"
    f"|(?<=[\xf0-\xf4]){_CONT}{{3}})"
)
"""The Latin-1 reading of one UTF-8 character: a lead byte (0xC2-0xDF, 0xE0-0xEF or 0xF0-0xF4) and
as many continuation bytes as it announces (1, 2 or 3). Written lead first, the kind of lead then
told by a look-behind, rather than as three alternatives: ``re`` then skips to the next lead
character with a set test, where it would try the alternatives at every position (the same
matches; :func:`misread` took 0.09 s on the 13.6 MB of w3m dumps, 0.02 s so)."""
_LOST_SHARP_S: Final = re.compile(r"(?<=[^\W\d_])\u00c3(?=[^\W\d_])")
"""A lone "Ã" inside a word (tested for lower case around it by :func:`_sharp_s`)."""


_PLAUSIBLE: Final = (
    (0x00A0, 0x024F),  # Latin-1 letters and signs, Latin Extended-A and -B
    (0x0370, 0x04FF),  # Greek, Cyrillic
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x21FF),  # punctuation, super- and subscripts, currency, letterlike signs, arrows
    (0xFEFF, 0xFEFF),  # a byte-order mark
)
"""The characters a run may be read back as. A real text can hold a run by chance, a letter before
a sign of 0x80-0xBF: German "ließ“" is "ß" (0xDF) and a windows-1252 quote (0x93), which reads
as UTF-8 for the N'Ko letter U+07D3; French "déclaré »" (with a no-break space) reads as a CJK
ideograph. Those readings are not taken; misread pages in other scripts stay as they are."""


def _decoded(run: str) -> str | None:
    """The character ``run`` is the Latin-1/windows-1252 reading of, if it is one of
    :data:`_PLAUSIBLE`; else None."""
    try:
        ch = bytes(_byte(c) for c in run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    code = ord(ch)
    return ch if any(lo <= code <= hi for lo, hi in _PLAUSIBLE) else None


def misread(texts: Iterable[str]) -> bool:
    """Whether the texts (a document's blocks) hold at least :data:`MIN_RUNS` runs that read as
    UTF-8: a misread document."""
    # One search over the texts joined: no run holds a newline, so none spans two texts.
    joined = "\n".join(texts)
    if joined.isascii():
        return False
    found = 0
    for m in _RUN.finditer(joined):
        if _decoded(m.group()) is not None:
            found += 1
            if found >= MIN_RUNS:
                return True
    return False


def _one(m: re.Match[str]) -> str:
    got = _decoded(m.group())
    return m.group() if got is None else got


def read_back(text: str) -> str:
    """``text`` (of a misread document) with the Latin-1/windows-1252 readings of UTF-8
    characters read back, and a lone "Ã" inside a lower-case word read as "ß"."""
    if text.isascii():
        return text
    return _LOST_SHARP_S.sub(_sharp_s, _RUN.sub(_one, text))


def repair(text: str) -> str:
    """``text`` read back (:func:`read_back`) if it is misread (:func:`misread`), else itself."""
    return read_back(text) if misread((text,)) else text


def _sharp_s(m: re.Match[str]) -> str:
    text, i = m.string, m.start()
    return "\u00df" if text[i - 1].islower() and text[i + 1].islower() else m.group()
