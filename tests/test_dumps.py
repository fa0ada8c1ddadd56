"""The seed page as every common text dumper writes it (fixtures/dumps): the same article, title,
captions and comments whatever the shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import boilerstrip
from benchmarks import metrics as M

HERE = Path(__file__).resolve().parent.parent / "fixtures"
DUMPS = sorted((HERE / "dumps" / "bbc-syria-lavrov").glob("*.txt"))
EXPECTED = json.loads((HERE / "pages" / "bbc-syria-lavrov-html" / "expected.json").read_text("utf-8"))
EXACT = {"w3m", "w3m-80", "lynx-nolist", "inscriptis", "resiliparse"}
"""Shapes whose article comes out paragraph for paragraph as from the HTML."""
MIN_F1 = 0.95
"""The others: lynx with link numbers joins the caption to the paragraph above it (no blank line
between them at 79 columns); html2text's Markdown keeps the image link in the caption line."""


def test_every_shape_is_there() -> None:
    assert {p.stem for p in DUMPS} == EXACT | {"lynx", "html2text"}


@pytest.mark.parametrize("path", DUMPS, ids=lambda p: p.stem)
def test_a_dump_reads_like_the_page(path: Path) -> None:
    article = boilerstrip.extract(path.read_text("utf-8"))
    assert article.kind == "text"
    assert article.title == EXPECTED["title"]
    paragraphs = [p for p in article.text.split("\n") if p]
    if path.stem in EXACT:
        assert paragraphs == EXPECTED["text"]
    else:
        score = M.page_score(article.text, "\n".join(EXPECTED["text"]))
        assert score.f1 >= MIN_F1
    assert len(article.comments) == len(EXPECTED["comments"])
    assert any("Damage in Homs. 7 March 2013" in c for c in article.captions) or path.stem in {
        "lynx", "html2text",
    }


def test_list_marks_of_the_page_are_kept_drawn_bullets_are_not() -> None:
    import boilerstrip

    intro = (
        "The council said on Tuesday that the new bridge would open to traffic in the spring, after "
        "two years of work and a long argument about who should pay for it."
    )
    dump = "\n".join([
        intro, "",
        "1. Choose the Right Pot",  # a numbered heading: the page's own text
        "", intro, "",
        "– „Ok.“",  # a dialogue's dash
        "", intro, "",
        "  • a bullet that w3m drew for an HTML list item, with enough words to be a sentence.",
        "", intro,
    ])
    art = boilerstrip.extract(dump, kind="text")
    texts = [b.text for b in art.blocks]
    assert "1. Choose the Right Pot" in texts
    assert "– „Ok.“" in texts
    assert not any(t.startswith("•") for t in texts)
    article = [b.text for b in art.blocks if b.label is boilerstrip.Label.ARTICLE and not b.is_title]
    assert art.text == "\n\n".join(article)


def test_a_date_s_day_is_no_list_number() -> None:
    # "22. Dezember 2019 um 11:16 Uhr" under a commenter's name in a w3m dump: the day is the
    # date's, not a numbered list's mark, and the comment's date keeps it.
    from boilerstrip import patterns as P

    assert P.BULLET.match("22. Dezember 2019 um 11:16 Uhr") is None
    assert P.BULLET.match("3. März 2020") is None
    bullet = P.BULLET.match("3. Mai ist der Tag der Pressefreiheit")  # no date: a list item
    assert bullet is not None and bullet.group(1) == "3."
    bullet = P.BULLET.match("1. Choose the Right Pot")
    assert bullet is not None and bullet.group(1) == "1."
