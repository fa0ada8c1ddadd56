"""Decode the bytes of a page to text, and say which encoding was used.

Order (the first that applies wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. a charset from the transport layer (an HTTP ``Content-Type`` header), when the caller has one;
3. a charset declared in the page's first bytes: ``<meta charset>``, ``<meta http-equiv=Content-Type>``
   or ``<?xml encoding=...?>``;
4. UTF-16/32 without a BOM, recognised by the pattern of NUL bytes;
5. strict UTF-8, when the bytes are valid UTF-8;
6. ``chardet`` on a bounded prefix;
7. UTF-8 with replacement characters.

Charset labels go through the WHATWG Encoding Standard's label table (``latin1`` and ``iso-8859-1``
mean windows-1252, ``gb2312`` means GBK, ``shift_jis`` means windows-31J, ...). A declaration whose
encoding cannot decode the bytes falls through to the next step. The encoding reported is the WHATWG
name (``utf-8``, ``windows-1252``, ``shift_jis``, ...).
"""

from __future__ import annotations

import codecs
import re
from typing import Final, NamedTuple

PRESCAN_BYTES: Final = 4096
"""How far into the page to look for a charset declaration (WHATWG's prescan reads 1024 bytes; real
pages put long scripts before their meta tag, so we read further)."""
CHARDET_BYTES: Final = 64 * 1024
"""Prefix given to chardet: enough for a confident guess, bounded for speed on huge pages."""
CHARDET_MIN_CONFIDENCE: Final = 0.2
MAX_BAD_SHARE: Final = 0.001
"""A declared encoding may leave at most this share of bytes undecodable (replaced) before it is
rejected: pages with one stray byte are still in their declared encoding."""


class Decoded(NamedTuple):
    text: str
    encoding: str
    """WHATWG name of the encoding used."""
    source: str
    """What decided it: ``bom``, ``transport``, ``declared``, ``utf-16-pattern``, ``utf-8``,
    ``chardet`` or ``fallback``."""


# WHATWG encoding name -> Python codec.
_CODECS: Final[dict[str, str]] = {
    "utf-8": "utf-8",
    "utf-16le": "utf-16-le",
    "utf-16be": "utf-16-be",
    "utf-32le": "utf-32-le",
    "utf-32be": "utf-32-be",
    "ibm866": "cp866",
    "iso-8859-2": "iso8859-2",
    "iso-8859-3": "iso8859-3",
    "iso-8859-4": "iso8859-4",
    "iso-8859-5": "iso8859-5",
    "iso-8859-6": "iso8859-6",
    "iso-8859-7": "iso8859-7",
    "iso-8859-8": "iso8859-8",
    "iso-8859-8-i": "iso8859-8",
    "iso-8859-10": "iso8859-10",
    "iso-8859-13": "iso8859-13",
    "iso-8859-14": "iso8859-14",
    "iso-8859-15": "iso8859-15",
    "iso-8859-16": "iso8859-16",
    "koi8-r": "koi8-r",
    "koi8-u": "koi8-u",
    "macintosh": "mac-roman",
    "windows-874": "cp874",
    "windows-1250": "cp1250",
    "windows-1251": "cp1251",
    "windows-1252": "cp1252",
    "windows-1253": "cp1253",
    "windows-1254": "cp1254",
    "windows-1255": "cp1255",
    "windows-1256": "cp1256",
    "windows-1257": "cp1257",
    "windows-1258": "cp1258",
    "x-mac-cyrillic": "mac-cyrillic",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5hkscs",
    "euc-jp": "euc-jp",
    "iso-2022-jp": "iso2022-jp",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}

# WHATWG label -> encoding name (the labels pages actually use; unknown labels are ignored).
_LABELS: Final[dict[str, str]] = {}


def _add(name: str, labels: str) -> None:
    for label in labels.split():
        _LABELS[label] = name
    _LABELS[name] = name


_add("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf8 x-unicode20utf8")
_add("ibm866", "866 cp866 csibm866")
_add("iso-8859-2", "csisolatin2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2")
_add("iso-8859-3", "csisolatin3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3")
_add("iso-8859-4", "csisolatin4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4")
_add("iso-8859-5", "csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988")
_add("iso-8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6-e "
     "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987")
_add("iso-8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 iso8859-7 iso88597 "
     "iso_8859-7 iso_8859-7:1987 sun_eu_greek")
_add("iso-8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
     "iso_8859-8 iso_8859-8:1988 visual")
_add("iso-8859-8-i", "csiso88598i logical")
_add("iso-8859-10", "csisolatin6 iso-ir-157 iso8859-10 iso885910 l6 latin6")
_add("iso-8859-13", "iso8859-13 iso885913")
_add("iso-8859-14", "iso8859-14 iso885914")
_add("iso-8859-15", "csisolatin9 iso8859-15 iso885915 iso_8859-15 l9")
_add("iso-8859-16", "")
_add("koi8-r", "cskoi8r koi koi8 koi8_r")
_add("koi8-u", "koi8-ru")
_add("macintosh", "csmacintosh mac x-mac-roman")
_add("windows-874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620")
_add("windows-1250", "cp1250 x-cp1250")
_add("windows-1251", "cp1251 x-cp1251")
_add("windows-1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
     "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii x-cp1252")
_add("windows-1253", "cp1253 x-cp1253")
_add("windows-1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
     "iso_8859-9:1989 l5 latin5 x-cp1254")
_add("windows-1255", "cp1255 x-cp1255")
_add("windows-1256", "cp1256 x-cp1256")
_add("windows-1257", "cp1257 x-cp1257")
_add("windows-1258", "cp1258 x-cp1258")
_add("x-mac-cyrillic", "x-mac-ukrainian")
_add("gbk", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 iso-ir-58 x-gbk")
_add("gb18030", "")
_add("big5", "big5-hkscs cn-big5 csbig5 x-x-big5")
_add("euc-jp", "cseucpkdfmtjapanese x-euc-jp")
_add("iso-2022-jp", "csiso2022jp")
_add("shift_jis", "csshiftjis ms932 ms_kanji shift-jis sjis windows-31j x-sjis cp932")
_add("euc-kr", "cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
     "ksc_5601 windows-949 cp949 uhc")
_add("utf-16be", "unicodefffe")
_add("utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16")
_add("utf-32le", "utf-32")
_add("utf-32be", "")

# chardet's names -> WHATWG names, where they differ in more than case.
_CHARDET_NAMES: Final[dict[str, str]] = {
    "ascii": "windows-1252",
    "iso-8859-1": "windows-1252",
    "windows-1252": "windows-1252",
    "iso-8859-9": "windows-1254",
    "tis-620": "windows-874",
    "gb2312": "gbk",
    "shift_jis": "shift_jis",
    "cp932": "shift_jis",
    "euc-kr": "euc-kr",
    "cp949": "euc-kr",
    "utf-8-sig": "utf-8",
    "utf-16": "utf-16le",
    "utf-32": "utf-32le",
    "maccyrillic": "x-mac-cyrillic",
    "macroman": "macintosh",
    "mac-roman": "macintosh",
}

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,600}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.()\-]{1,40})""", re.IGNORECASE
)
_XML_DECL: Final = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:\-]{1,40})["']""")


def lookup(label: str | None) -> str | None:
    """The WHATWG encoding name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    return _LABELS.get(label.strip().strip("\"'").lower())


def _bom(raw: bytes) -> tuple[str, int] | None:
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if raw.startswith(codecs.BOM_UTF32_LE):
        return "utf-32le", 4
    if raw.startswith(codecs.BOM_UTF32_BE):
        return "utf-32be", 4
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16le", 2
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16be", 2
    return None


def declared(raw: bytes) -> str | None:
    """The encoding the page declares in its first bytes (meta charset, http-equiv, XML declaration)."""
    head = raw[:PRESCAN_BYTES]
    m = _XML_DECL.match(head)
    if m:
        name = lookup(m.group(1).decode("ascii", "replace"))
        if name:
            return name
    for m in _META_CHARSET.finditer(head):
        name = lookup(m.group(1).decode("ascii", "replace"))
        if name:
            # A page read as ASCII cannot really be UTF-16: WHATWG's prescan maps that to UTF-8.
            return "utf-8" if name.startswith("utf-16") or name.startswith("utf-32") else name
    return None


def _wide_pattern(raw: bytes) -> str | None:
    """UTF-16/32 without a BOM: mostly-ASCII text shows NUL bytes at fixed positions."""
    sample = raw[:4096]
    n = len(sample) - len(sample) % 4
    if n < 16:
        return None
    nul = [sample[i:n:4].count(0) for i in range(4)]
    q = n // 4
    if nul[1] > 0.7 * q and nul[2] > 0.7 * q and nul[3] > 0.7 * q and nul[0] < 0.3 * q:
        return "utf-32le"
    if nul[0] > 0.7 * q and nul[1] > 0.7 * q and nul[2] > 0.7 * q and nul[3] < 0.3 * q:
        return "utf-32be"
    even = nul[0] + nul[2]
    odd = nul[1] + nul[3]
    if odd > 0.6 * 2 * q and even < 0.1 * 2 * q:
        return "utf-16le"
    if even > 0.6 * 2 * q and odd < 0.1 * 2 * q:
        return "utf-16be"
    return None


def _try(raw: bytes, name: str) -> str | None:
    """Decode with the encoding ``name``, tolerating a tiny share of bad bytes; None if it fails."""
    codec = _CODECS[name]
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    except LookupError:  # pragma: no cover - every codec in the table exists in CPython
        return None
    text = raw.decode(codec, errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    return text if bad <= max(1, len(raw) * MAX_BAD_SHARE) else None


def _chardet(raw: bytes) -> str | None:
    import chardet  # imported lazily: only undeclared non-UTF-8 pages need it

    guess = chardet.detect(raw[:CHARDET_BYTES])
    enc = guess.get("encoding")
    if not enc or (guess.get("confidence") or 0.0) < CHARDET_MIN_CONFIDENCE:
        return None
    low = enc.lower()
    return _CHARDET_NAMES.get(low) or lookup(low)


def decode(raw: bytes, *, transport: str | None = None) -> Decoded:
    """Decode page bytes. ``transport`` is a charset from the HTTP headers, if the caller has one."""
    bom = _bom(raw)
    if bom is not None:
        name, skip = bom
        return Decoded(raw[skip:].decode(_CODECS[name], errors="replace"), name, "bom")
    for name, source in ((lookup(transport), "transport"), (declared(raw), "declared")):
        if name is not None:
            text = _try(raw, name)
            if text is not None:
                return Decoded(text, name, source)
    wide = _wide_pattern(raw)
    if wide is not None:
        return Decoded(raw.decode(_CODECS[wide], errors="replace"), wide, "utf-16-pattern")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    guess = _chardet(raw)
    if guess is not None and guess in _CODECS:
        text = _try(raw, guess)
        if text is not None:
            return Decoded(text, guess, "chardet")
    return Decoded(raw.decode("utf-8", errors="replace"), "utf-8", "fallback")
