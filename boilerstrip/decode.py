"""Decode the bytes of a page to text, and say which encoding was used.

Order (the first that applies wins):

1. a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. UTF-16/32 without a BOM, recognised by its NUL bytes (text in any other encoding has none);
3. ISO-2022-JP, recognised by its escape sequences (its 7-bit bytes are valid UTF-8 too);
4. a charset from the transport layer (an HTTP ``Content-Type`` header), when the caller has one,
   then a charset declared in the page's first bytes (``<meta charset>``, ``<meta http-equiv>``,
   ``<?xml encoding?>``). A declaration is not taken when

   * the bytes are valid UTF-8 with non-ASCII characters: the page is UTF-8 whatever it says
     (servers and templates often claim ISO-8859-1 for UTF-8 pages; legacy text is valid UTF-8 by
     chance only for a few characters);
   * its encoding cannot decode the bytes (more than :data:`MAX_BAD_SHARE` of them undecodable);
   * it is a single-byte encoding and ``chardet``, asked with the declaration blanked out, is sure
     of another encoding that reads the text differently (see :func:`_second_opinion`): a page
     that declares windows-1252 but holds windows-1251 Russian decodes without an error, as
     mojibake;

5. strict UTF-8 (a character cut at the very end, as ``max_bytes`` may leave it, is tolerated);
6. mostly UTF-8: a UTF-8 page with a few stray bytes (pasted from a legacy source) stays UTF-8, the
   stray bytes replaced;
7. ``chardet`` on a bounded prefix, restricted to the encodings of the WHATWG standard, taking its
   candidates in order until one decodes (among near-ties, one whose reading has no C1 control
   characters: ISO-8859-15 and windows-1252 tie on English text, and only windows-1252 reads its
   curly quotes);
8. windows-1252 with replacement characters (the WHATWG default for pages that say nothing).

Charset labels go through the WHATWG Encoding Standard's label table (``latin1`` and ``iso-8859-1``
mean windows-1252, ``gb2312`` means GBK, ``shift_jis`` means windows-31J, ...). The encoding
reported is the WHATWG name (``utf-8``, ``windows-1252``, ``shift_jis``, ...).

What cannot be told apart, and is not tried: encodings that give the same text for the bytes at
hand (ISO-8859-7 and windows-1253 for lowercase Greek, ISO-8859-1 and ISO-8859-15 without the
eight characters where they differ): the result is the same text under either name. A page that
declares a wrong encoding of the same script family (windows-1252 for ISO-8859-15 text, windows-1250
for ISO-8859-2 Polish) is read as declared unless chardet is sure otherwise: the few letters that
differ are not enough evidence to overrule the page.
"""

from __future__ import annotations

import codecs
import functools
import re
from typing import Any, Final, NamedTuple

PRESCAN_BYTES: Final = 4096
"""How far into the page to look for a charset declaration (WHATWG's prescan reads 1024 bytes; real
pages put long scripts before their meta tag, so we read further)."""
CHARDET_BYTES: Final = 64 * 1024
"""Prefix given to chardet: enough for a confident guess, bounded for speed on huge pages."""
WIDE_SAMPLE: Final = 4096
"""Prefix looked at for the NUL bytes of UTF-16/32."""
MAX_BAD_SHARE: Final = 0.001
"""A declared encoding may leave at most this share of bytes undecodable (replaced) before it is
rejected: pages with one stray byte are still in their declared encoding."""
MOSTLY_UTF8_BAD: Final = 0.25
"""Bytes that are UTF-8 but for a few stray bytes, at most this many per valid non-ASCII character
(and with at least :data:`MOSTLY_UTF8_MIN` valid ones), are read as UTF-8. Legacy text is valid
UTF-8 only by rare accident (a letter from Â-ß followed by a symbol from the C1/Latin-1 range), so
even a quarter is far from what a windows-1252 page shows."""
MOSTLY_UTF8_MIN: Final = 8
OVERRULE_CONFIDENCE: Final = 0.1
"""chardet's confidence needed (chardet 7 scale: 0.1-0.5 for a right single-byte guess) to
overrule a declared single-byte encoding; besides, chardet must rate the declared encoding at most
half as high (or not at all)."""
OVERRULE_MIN_HIGH_BYTES: Final = 16
"""Non-ASCII bytes needed in the prefix before a declaration is second-guessed at all."""


class Decoded(NamedTuple):
    text: str
    encoding: str
    """WHATWG name of the encoding used."""
    source: str
    """What decided it: ``bom``, ``utf-16-pattern``, ``iso-2022-escapes``, ``transport``,
    ``declared``, ``utf-8``, ``mostly-utf-8``, ``chardet`` or ``fallback``."""


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
    "iso-2022-jp": "iso2022_jp_ext",  # with JIS X 0201 katakana, as WHATWG
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
_add(
    "iso-8859-5",
    "csisolatincyrillic cyrillic iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
)
_add(
    "iso-8859-6",
    "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6-e "
    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
)
_add(
    "iso-8859-7",
    "csisolatingreek ecma-118 elot_928 greek greek8 iso-ir-126 iso8859-7 iso88597 "
    "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
)
_add(
    "iso-8859-8",
    "csiso88598e csisolatinhebrew hebrew iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
    "iso_8859-8 iso_8859-8:1988 visual",
)
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
_add(
    "windows-1252",
    "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 "
    "iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii x-cp1252",
)
_add("windows-1253", "cp1253 x-cp1253")
_add(
    "windows-1254",
    "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 "
    "iso_8859-9:1989 l5 latin5 x-cp1254",
)
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
_add(
    "euc-kr",
    "cseuckr csksc56011987 iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
    "ksc_5601 windows-949 cp949 uhc",
)
_add("utf-16be", "unicodefffe")
_add("utf-16le", "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16")
_add("utf-32le", "utf-32")
_add("utf-32be", "")


_MULTIBYTE: Final = frozenset(
    ("gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr")
)
_WIDE: Final = frozenset(("utf-16le", "utf-16be", "utf-32le", "utf-32be"))

# Python codec (as codecs.lookup() names it) -> WHATWG name: how chardet's answers are read.
_BY_CODEC: Final[dict[str, str]] = {}
for _name, _codec in _CODECS.items():
    _BY_CODEC.setdefault(codecs.lookup(_codec).name, _name)
_BY_CODEC[codecs.lookup("gb18030").name] = "gb18030"
for _codec, _name in (
    ("ascii", "windows-1252"),
    ("latin-1", "windows-1252"),
    ("iso8859-9", "windows-1254"),
    ("tis-620", "windows-874"),
    ("iso8859-11", "windows-874"),
    ("gb2312", "gbk"),
    ("gbk", "gbk"),
    ("hz", "gbk"),
    ("big5", "big5"),
    ("cp950", "big5"),
    ("shift_jis", "shift_jis"),
    ("shift_jis_2004", "shift_jis"),
    ("shift_jisx0213", "shift_jis"),
    ("euc_jp", "euc-jp"),
    ("euc_jis_2004", "euc-jp"),
    ("euc_jisx0213", "euc-jp"),
    ("iso2022_jp", "iso-2022-jp"),
    ("iso2022_jp_1", "iso-2022-jp"),
    ("iso2022_jp_2", "iso-2022-jp"),
    ("iso2022_jp_2004", "iso-2022-jp"),
    ("iso2022_jp_3", "iso-2022-jp"),
    ("euc_kr", "euc-kr"),
    ("cp949", "euc-kr"),
    ("johab", "euc-kr"),
    ("utf-8-sig", "utf-8"),
    ("utf-16", "utf-16le"),
    ("utf-32", "utf-32le"),
    ("mac-roman", "macintosh"),
    ("mac-cyrillic", "x-mac-cyrillic"),
    ("cp866", "ibm866"),
):
    _BY_CODEC[codecs.lookup(_codec).name] = _name

_CHARDET_INCLUDE: Final = (
    "utf-8",
    "utf-16-le",
    "utf-16-be",
    "utf-32-le",
    "utf-32-be",
    "cp866",
    "iso8859-1",
    "iso8859-2",
    "iso8859-3",
    "iso8859-4",
    "iso8859-5",
    "iso8859-6",
    "iso8859-7",
    "iso8859-8",
    "iso8859-9",
    "iso8859-10",
    "iso8859-13",
    "iso8859-14",
    "iso8859-15",
    "iso8859-16",
    "koi8-r",
    "koi8-u",
    "mac-roman",
    "mac-cyrillic",
    "cp874",
    "tis-620",
    "cp1250",
    "cp1251",
    "cp1252",
    "cp1253",
    "cp1254",
    "cp1255",
    "cp1256",
    "cp1257",
    "cp1258",
    "gb18030",
    "big5hkscs",
    "euc_jis_2004",
    "iso2022_jp_2",
    "iso2022_jp_ext",
    "cp932",
    "shift_jis_2004",
    "cp949",
    "euc_kr",
)
"""The encodings chardet may answer (chardet 7 names): those of the WHATWG standard. EBCDIC, DOS
code pages, UTF-7 and the like are not web encodings, and guessing them misreads real pages."""

# No two adjacent quantifiers can share a character: linear on runs of spaces or quotes.
_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]{0,600}?charset\s*=[\s"']*([a-zA-Z0-9_:.()\-]{1,40})""", re.IGNORECASE
)
_XML_DECL: Final = re.compile(
    rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-zA-Z0-9_.:\-]{1,40})["']"""
)
_ASCII_BYTES: Final = bytes(range(128))
_C1: Final = re.compile("[\x80-\x9f]")
_ISO2022_ESCAPES: Final = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(I", b"\x1b$(D")


def lookup(label: str | None) -> str | None:
    """The WHATWG encoding name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    return _LABELS.get(label.strip().strip("\"'").lower())


def codec(name: str) -> str:
    """The Python codec that decodes the WHATWG encoding ``name``."""
    return _CODECS[name]


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
    """The encoding the page declares in its first bytes (meta charset, http-equiv, XML decl)."""
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
            return "utf-8" if name in _WIDE else name
    return None


def _blank_declarations(head: bytes) -> bytes:
    """``head`` with its charset labels overwritten, so that chardet judges the text alone."""

    def blank(m: re.Match[bytes]) -> bytes:
        a, b = m.span(1)
        s = m.group(0)
        base = m.start()
        return s[: a - base] + b"x" * (b - a) + s[b - base :]

    head = _XML_DECL.sub(blank, head[:PRESCAN_BYTES]) + head[PRESCAN_BYTES:]
    return _META_CHARSET.sub(blank, head[:PRESCAN_BYTES]) + head[PRESCAN_BYTES:]


def _wide_pattern(raw: bytes) -> str | None:
    """UTF-16/32 without a BOM. Text in any ASCII-compatible encoding has no NUL bytes; UTF-16 has
    one in every ASCII character (markup, spaces, digits), UTF-32 two or three in every character.
    The side of the NULs tells the byte order."""
    sample = raw[:WIDE_SAMPLE]
    n = len(sample) - len(sample) % 4
    if n < 16 or sample.count(0) < n * 0.05:
        return None
    q = n // 4
    nul = [sample[i:n:4].count(0) for i in range(4)]
    candidates: list[str] = []
    if nul[2] > 0.9 * q and nul[3] > 0.9 * q and nul[0] < 0.5 * q:
        candidates.append("utf-32le")
    if nul[0] > 0.9 * q and nul[1] > 0.9 * q and nul[3] < 0.5 * q:
        candidates.append("utf-32be")
    even, odd = nul[0] + nul[2], nul[1] + nul[3]
    if odd >= 4 * even and odd > 0.1 * n:
        candidates.append("utf-16le")
    if even >= 4 * odd and even > 0.1 * n:
        candidates.append("utf-16be")
    for name in candidates:
        if _strict_prefix(sample[:n], name):
            return name
    return None


def _strict_prefix(sample: bytes, name: str) -> bool:
    """``sample`` decodes in ``name`` without error (a character cut at its very end is fine)."""
    try:
        codecs.getincrementaldecoder(_CODECS[name])().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _iso2022(raw: bytes) -> str | None:
    head = raw[:CHARDET_BYTES]
    if b"\x1b" not in head or not any(e in head for e in _ISO2022_ESCAPES):
        return None
    try:
        return raw.decode(_CODECS["iso-2022-jp"])
    except UnicodeDecodeError:
        return None


def _utf8(raw: bytes) -> str | None:
    """``raw`` as strict UTF-8 (a character cut at the very end becomes U+FFFD), or None."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(raw) - 3 or e.reason != "unexpected end of data":
            return None
        return raw[: e.start].decode("utf-8") + "\ufffd"


def _stray_as_cp1252(err: UnicodeError) -> tuple[str, int]:
    """Error handler for UTF-8 text with stray bytes: such bytes nearly always come from a
    windows-1252 source (a curly quote pasted into a UTF-8 page), so read them that way."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start : err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("boilerstrip-stray-cp1252", _stray_as_cp1252)


def _mostly_utf8(raw: bytes) -> str | None:
    """``raw`` as UTF-8, when it is UTF-8 but for a few stray bytes (read as windows-1252)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - bad - raw.count(b"\xef\xbf\xbd")
    if good >= MOSTLY_UTF8_MIN and bad <= MOSTLY_UTF8_BAD * good:
        return raw.decode("utf-8", errors="boilerstrip-stray-cp1252")
    return None


def _try(raw: bytes, name: str) -> str | None:
    """Decode with the encoding ``name``, tolerating a tiny share of bad bytes; None if it fails."""
    codec = _CODECS[name]
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    text = raw.decode(codec, errors="replace")
    bad = text.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    if bad > max(1, len(raw) * MAX_BAD_SHARE):
        return None
    if codec == "utf-8":
        return raw.decode(codec, errors="boilerstrip-stray-cp1252")
    return text


def _chardet_all(sample: bytes) -> list[tuple[str, float]]:
    """chardet's candidates for ``sample`` as (WHATWG name, confidence), best first."""
    import chardet  # imported lazily: only pages that say nothing useful need it

    try:
        results: list[Any] = chardet.detect_all(  # chardet >= 7
            sample,
            include_encodings=_CHARDET_INCLUDE,
            compat_names=False,
            prefer_superset=False,
        )
    except TypeError:  # chardet 5/6: no such arguments
        results = chardet.detect_all(sample)
    except (ValueError, LookupError):  # an older 7.x without one of the names
        results = chardet.detect_all(sample)
    out: list[tuple[str, float]] = []
    for r in results:
        enc = r.get("encoding")
        if not enc:
            continue
        try:
            name = _BY_CODEC.get(codecs.lookup(enc).name)
        except LookupError:
            name = lookup(enc)
        if name is not None and name in _CODECS and all(name != n for n, _ in out):
            out.append((name, float(r.get("confidence") or 0.0)))
    return out


@functools.lru_cache(maxsize=1)
def _modern_chardet() -> bool:
    """chardet >= 7: its confidences rank WHATWG encodings well enough to second-guess a page.
    (chardet 5 knows no KOI8-U, no ISO-8859-13, ..., and would overrule correct declarations.)"""
    import chardet

    try:
        return int(str(chardet.__version__).split(".")[0]) >= 7
    except (AttributeError, ValueError):
        return False


def _second_opinion(raw: bytes, name: str, text: str) -> Decoded | None:
    """A better reading of ``raw`` than the declared single-byte encoding ``name`` gives, if chardet
    is sure of one; else None."""
    if not _modern_chardet():
        return None
    head = raw[:CHARDET_BYTES]
    if len(head.translate(None, _ASCII_BYTES)) < OVERRULE_MIN_HIGH_BYTES:
        return None
    cands = _chardet_all(_blank_declarations(head))
    if not cands:
        return None
    best, conf = cands[0]
    if best == name or conf < OVERRULE_CONFIDENCE or best in _WIDE:
        return None
    mine = dict(cands).get(name, 0.0)
    if mine * 2 > conf:
        return None  # chardet is not clearly against the page's own word
    other = _try(raw, best)
    if other is None or other[: len(head)] == text[: len(head)]:
        return None
    return Decoded(other, best, "chardet")


def decode(raw: bytes, *, transport: str | None = None) -> Decoded:
    """Decode page bytes. ``transport`` is the HTTP header's charset, if the caller has one."""
    bom = _bom(raw)
    if bom is not None:
        name, skip = bom
        return Decoded(raw[skip:].decode(_CODECS[name], errors="replace"), name, "bom")
    transported = lookup(transport)
    if transported is not None and transported in _WIDE:
        wide_text = _try(raw, transported)
        if wide_text is not None:
            return Decoded(wide_text, transported, "transport")
    wide = _wide_pattern(raw)
    if wide is not None:
        return Decoded(raw.decode(_CODECS[wide], errors="replace"), wide, "utf-16-pattern")
    jis = _iso2022(raw)
    if jis is not None:
        return Decoded(jis, "iso-2022-jp", "iso-2022-escapes")
    utf8 = _utf8(raw)
    ascii_only = utf8 is not None and utf8.isascii()
    claims: tuple[tuple[str | None, str], ...] = (
        (transported, "transport"),
        (declared(raw), "declared"),
    )
    for claim, source in claims:
        if claim is None or claim in _WIDE:
            continue
        if utf8 is not None and not ascii_only and claim != "utf-8":
            return Decoded(utf8, "utf-8", "utf-8")
        said = utf8 if claim == "utf-8" and utf8 is not None else _try(raw, claim)
        if said is None and claim == "utf-8":
            said = _mostly_utf8(raw)
        if said is None:
            continue
        if claim not in _MULTIBYTE and claim != "utf-8" and not ascii_only:
            better = _second_opinion(raw, claim, said)
            if better is not None:
                return better
        return Decoded(said, claim, source)
    if utf8 is not None:
        return Decoded(utf8, "utf-8", "utf-8")
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return Decoded(mostly, "utf-8", "mostly-utf-8")
    first: Decoded | None = None
    with_c1: Decoded | None = None
    c1_conf = 0.0
    for guess, conf in _chardet_all(raw[:CHARDET_BYTES]):
        if guess in _WIDE or guess == "utf-8":
            continue
        if with_c1 is not None and conf < 0.9 * c1_conf:
            break  # only a near-tie may replace a reading with C1 controls
        guessed = _try(raw, guess)
        if guessed is not None:
            if not _C1.search(guessed):
                return Decoded(guessed, guess, "chardet")
            if with_c1 is None:
                c1_conf = conf
            # C1 controls: an ISO-8859 reading of bytes 0x80-0x9F, which real text never holds
            # (they are the curly quotes and dashes of the windows-125x candidate chardet ties).
            with_c1 = with_c1 or Decoded(guessed, guess, "chardet")
        elif first is None:
            first = Decoded(raw.decode(_CODECS[guess], errors="replace"), guess, "chardet")
    if with_c1 is not None:
        return with_c1
    if first is not None:
        return first
    return Decoded(raw.decode("cp1252", errors="replace"), "windows-1252", "fallback")
