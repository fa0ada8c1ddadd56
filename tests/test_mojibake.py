"""Text dumps of UTF-8 pages that a text browser read as Latin-1: the output is read back."""

from __future__ import annotations

import boilerstrip
from boilerstrip.mojibake import misread, read_back, repair


def test_latin1_and_cp1252_readings_of_utf8_are_read_back() -> None:
    assert repair("GrÃ¼nden, BekÃ¤mpfung, Ã¼ber, â€žHalloâ€œ, cafÃ©") == "Gründen, Bekämpfung, über, „Hallo“, café"


def test_a_lost_c1_byte_inside_a_lower_case_word_is_sharp_s() -> None:
    # lynx drops the C1 control U+009F of "ß" (C3 9F): a lone "Ã" is left
    assert repair("die MaÃnahmen zur BekÃ¤mpfung, gemÃ¤Ãigt, Ã¼ber") == "die Maßnahmen zur Bekämpfung, gemäßigt, über"
    # before a capital or at a word's start it may be Ä, Ö or Ü: left alone
    assert read_back("Ãberarbeitung") == "Ãberarbeitung"


def test_text_that_is_not_misread_is_left_alone() -> None:
    assert not misread(["São Paulo, NÃO, Ãgua"])
    one_example = "mojibake looks like Ã© for é"  # one run alone is no misread page
    assert repair(one_example) == one_example
    assert repair("plain ASCII") == "plain ASCII"


def test_extract_reads_a_misread_dump_back_but_not_html() -> None:
    para = (
        "Die GrÃ¼nde fÃ¼r die MaÃnahmen zur BekÃ¤mpfung der Pandemie sind vielfÃ¤ltig und werden "
        "hier in einem lÃ¤ngeren Absatz erklÃ¤rt, der genug WÃ¶rter fÃ¼r einen Artikel hat."
    )
    art = boilerstrip.extract(para + "\n\n" + para, kind="text")
    assert "Gründe für die Maßnahmen zur Bekämpfung" in art.text
    assert all("Ã" not in b.text for b in art.blocks)
    html = boilerstrip.extract(f"<html><body><article><p>{para}</p><p>{para}</p></article></body></html>")
    assert "GrÃ¼nde" in html.text  # HTML is decoded from its bytes, not read back


def test_real_letters_before_quotes_and_spaces_are_no_mojibake() -> None:
    # "ß" + a windows-1252 quote reads as N'Ko, "é" + no-break space + "»" as a CJK ideograph
    german = "er ließ“, schreibt er; diesen Text ließ\xa0Reil liegen, ließ“ sie wissen."
    assert not misread([german])
    french = "a-t-il déclaré\xa0», puis voilà\xa0», et encore déclaré\xa0»."
    assert repair(french) == french


def test_runs_are_counted_within_texts_only() -> None:
    """Three runs in three texts make a misread document; a lead character at the end of one text
    and a continuation at the start of the next are no run."""
    assert misread(["caf\u00c3\u00a9", "d\u00c3\u00a9j\u00c3\u00a0"])
    assert not misread(["x\u00c3", "\u00a9y\u00c3", "\u00a9z\u00c3", "\u00a9", "caf\u00c3\u00a9"])
    assert not misread([])
    assert not misread(["plain ASCII", "more"])


def test_the_lead_first_run_pattern_matches_as_the_three_alternatives() -> None:
    # _RUN is written lead first for speed: the same matches as the plain three alternatives
    import random
    import re

    from boilerstrip.mojibake import _CONT, _RUN

    plain = re.compile(f"[\xc2-\xdf]{_CONT}|[\xe0-\xef]{_CONT}{{2}}|[\xf0-\xf4]{_CONT}{{3}}")
    rng = random.Random(7)
    alphabet = "aZ \n\xc1\xc2\xc5\xdf\xe0\xe9\xef\xf0\xf4\xf5\x80\x9f\xbf\xc0€™œŸ中"
    texts = ["", "Ã", "Ã©", "â€", "â€œ", "ð\x9f\x98\x80", "GrÃ¼nden â€žHalloâ€œ"]
    for _ in range(3000):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))))
    for t in texts:
        assert [m.span() for m in _RUN.finditer(t)] == [m.span() for m in plain.finditer(t)], t
