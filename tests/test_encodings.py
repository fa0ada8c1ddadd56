# ruff: noqa: RUF001  (real text in many scripts)
"""Decoding over the encoding corpus (tests/encoding_corpus.py): 17 languages in 40 encodings,
each declared correctly (meta charset, http-equiv, XML declaration, HTTP header), declared wrongly,
and not declared. The article text must come out right wherever a human could tell, and
``Article.encoding`` must name an encoding that reads the bytes that way."""

from __future__ import annotations

import pytest
from encoding_corpus import Case, cases

import boilerstrip
from boilerstrip.decode import _modern_chardet, codec, decode

CASES = cases()

UNDETECTABLE = {
    # Declared windows-1252, really ISO-8859-15: they differ in 8 code points (here only the euro
    # sign and the OE ligature), and chardet rates both the same: nothing says the page is wrong.
    "iso-8859-15-fr-wrong-1252",
    # Declared windows-1252, really windows-1257 / ISO-8859-13 Lithuanian: chardet prefers the
    # Baltic encodings, but rates windows-1252 at two thirds of them: too close to overrule.
    "windows-1257-lt-wrong-1252",
    "iso-8859-13-lt-wrong-1252",
}
"""Cases where the page's wrong declaration is followed (see boilerstrip/decode.py)."""

# Encodings that read the corpus texts identically, so either name is right for an undeclared page.
SAME_TEXT = [
    {"iso-8859-7", "windows-1253"},
    {"iso-8859-8", "windows-1255"},
    {"iso-8859-13", "windows-1257"},
    {"gbk", "gb18030"},
    {"windows-1252", "iso-8859-15"},
]


GUESSED = ("none", "wrong-utf8", "wrong-1252")
"""Declarations that leave the answer to chardet (the figures hold for chardet >= 7, the version
pyproject.toml requires; older ones know fewer encodings, and these cases are skipped)."""
NEEDS_CHARDET_7 = pytest.mark.skipif(not _modern_chardet(), reason="needs chardet >= 7")


def _param(c: Case) -> object:
    marks = (
        [pytest.mark.xfail(strict=True, reason="undetectable")] if c.name in UNDETECTABLE else []
    )
    if c.declaration in GUESSED:
        marks.append(NEEDS_CHARDET_7)
    return pytest.param(c, id=c.name, marks=marks)


def _equivalent(a: str, b: str) -> bool:
    return a == b or any(a in s and b in s for s in SAME_TEXT)


def test_corpus_size() -> None:
    assert len({c.encoding.whatwg for c in CASES}) >= 20
    assert len(CASES) >= 250
    for decl in ("meta", "http-equiv", "xml", "transport", "none", "wrong-utf8", "wrong-1252"):
        assert sum(c.declaration == decl for c in CASES) >= 30, decl


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_decoded_text(case: Case) -> None:
    d = decode(case.raw, transport=case.transport)
    for p in (case.title, *case.paragraphs):
        assert p in d.text, (d.encoding, d.source)
    if case.declaration in ("meta", "http-equiv", "xml", "transport"):
        assert d.encoding == case.encoding.whatwg, d
    elif case.encoding.whatwg == "utf-8" and case.raw.isascii():
        assert d.encoding not in ("utf-16le", "utf-16be", "utf-32le", "utf-32be"), (
            d
        )  # any ASCII one
    else:
        assert _equivalent(d.encoding, case.encoding.whatwg), d


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.declaration in ("meta", "none")])
def test_article(case: Case) -> None:
    a = boilerstrip.extract(case.raw, charset=case.transport)
    assert a.kind == "html"
    assert _equivalent(a.encoding or "", case.encoding.whatwg)
    # The encoding reported reads the bytes the way the text came out.
    raw = case.raw.lstrip(b"\xef\xbb\xbf").removeprefix(b"\xff\xfe\x00\x00")
    raw = raw.removeprefix(b"\x00\x00\xfe\xff").removeprefix(b"\xff\xfe").removeprefix(b"\xfe\xff")
    again = raw.decode(codec(a.encoding or ""), errors="replace")
    blocks = "\n".join(b.text for b in a.blocks)
    for p in case.paragraphs:
        assert p in blocks
        assert p in again
    assert a.title == case.title


def test_every_declared_encoding_is_reported_by_its_whatwg_name() -> None:
    for label, name in [
        ("latin1", "windows-1252"),
        ("ISO-8859-1", "windows-1252"),
        ("us-ascii", "windows-1252"),
        ("x-sjis", "shift_jis"),
        ("gb2312", "gbk"),
        ("ks_c_5601-1987", "euc-kr"),
        ("tis-620", "windows-874"),
        ("iso-8859-9", "windows-1254"),
        ("UTF8", "utf-8"),
    ]:
        raw = f'<meta charset="{label}"><p>plain ascii page</p>'.encode("ascii")
        assert decode(raw).encoding == name, label


def test_bom_outranks_everything() -> None:
    raw = "\ufeff<meta charset=windows-1251><p>Grüße</p>".encode("utf-8")
    assert decode(raw, transport="koi8-r") == (
        "<meta charset=windows-1251><p>Grüße</p>",
        "utf-8",
        "bom",
    )


def test_transport_outranks_meta() -> None:
    raw = "<meta charset=windows-1252><p>Съешь же ещё этих мягких булок</p>".encode("koi8-r")
    d = decode(raw, transport="koi8-r")
    assert (d.encoding, d.source) == ("koi8-r", "transport")
    assert "мягких" in d.text


def test_utf16_meta_on_ascii_bytes_means_utf8() -> None:
    d = decode(b'<meta charset="utf-16"><p>caf\xc3\xa9</p>')
    assert d.encoding == "utf-8" and "café" in d.text


def test_valid_utf8_beats_a_legacy_declaration() -> None:
    d = decode('<meta charset="iso-8859-1"><p>déjà vu à Zürich</p>'.encode())
    assert (d.encoding, d.source) == ("utf-8", "utf-8") and "déjà vu à Zürich" in d.text


def test_mostly_utf8_with_stray_bytes_stays_utf8() -> None:
    raw = (
        "<p>Café naïve — résumé, déjà vu à Zürich.</p>".encode() * 3 + b"<p>It\x92s \x93ok\x94</p>"
    )
    d = decode(raw)
    assert d.encoding == "utf-8"
    assert "déjà vu" in d.text and "It’s “ok”" in d.text
    declared = decode(b"<meta charset=utf-8>" + raw)
    assert declared.encoding == "utf-8" and "It’s “ok”" in declared.text


def test_utf8_cut_inside_a_character() -> None:
    raw = "<p>日本語のテキスト</p>".encode()
    for cut in range(1, 4):
        d = decode(raw[: -6 - cut])
        assert d.encoding == "utf-8" and "日本語" in d.text


def test_undeclared_iso_2022_jp() -> None:
    d = decode("<p>吾輩は猫である。名前はまだ無い。</p>".encode("iso2022_jp"))
    assert d.encoding == "iso-2022-jp" and "吾輩は猫である" in d.text


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_undeclared_wide_text_without_markup(enc: str) -> None:
    text = "Привет, мир! Это простой текст без разметки, 2024 год.\n" * 20
    d = decode(text.encode(enc))
    assert d.text == text and d.encoding == enc.replace("-le", "le").replace("-be", "be")


@NEEDS_CHARDET_7
def test_unknown_labels_are_ignored() -> None:
    raw = "<meta charset=klingon><p>Grüße aus Köln und Düsseldorf, schöne Straßen</p>".encode(
        "cp1252"
    )
    d = decode(raw, transport="x-bogus")
    assert "Grüße" in d.text and d.encoding in ("windows-1252", "iso-8859-15")


@NEEDS_CHARDET_7
def test_undecodable_declaration_falls_through() -> None:
    raw = '<meta charset="shift_jis"><p>Съешь же ещё этих мягких французских булок</p>'.encode(
        "cp1251"
    )
    d = decode(raw * 5)
    assert d.encoding == "windows-1251" and "французских" in d.text


def test_binary_garbage_falls_back() -> None:
    d = decode(bytes(range(128, 256)) * 3)
    assert isinstance(d.text, str) and d.encoding


@NEEDS_CHARDET_7
def test_windows_1252_quotes_are_not_read_as_c1_controls() -> None:
    # Undeclared English with curly quotes and dashes (bytes 0x91-0x97): chardet ties ISO-8859-15
    # and windows-1252, and only windows-1252 gives text without C1 control characters.
    text = (
        "<p>It\u2019s the editors\u2019 note \u2014 \u201cwe were wrong\u201d \u2014 "
        "about the caf\u00e9\u2019s menu. The paper\u2019s readers noticed.</p>\n"
    ) * 5
    d = decode(text.encode("cp1252"))
    assert d.text == text and d.encoding == "windows-1252"
