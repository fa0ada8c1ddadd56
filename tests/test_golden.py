"""Golden pages: one folder per page in fixtures/pages/ with the source and the expected result.

``expected.json`` gives the title and its deck (``subtitle``), the article paragraphs, captions, comments, navigation and footer
exactly; for text pages it also gives the label of every non-empty line (``"title"`` for the headline).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import boilerstrip

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
FOLDERS = sorted(p for p in PAGES.iterdir() if (p / "expected.json").exists())


def _source(folder: Path) -> Path:
    for name in ("source.html", "source.txt"):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(folder)


@pytest.fixture(scope="module", params=FOLDERS, ids=[f.name for f in FOLDERS])
def case(request: pytest.FixtureRequest) -> tuple[boilerstrip.Article, dict, Path]:
    folder: Path = request.param
    src = _source(folder)
    article = boilerstrip.extract(src.read_bytes())
    return article, json.loads((folder / "expected.json").read_text(encoding="utf-8")), src


def test_kind(case):
    article, _, src = case
    assert article.kind == ("html" if src.suffix == ".html" else "text")


def test_title(case):
    article, exp, _ = case
    assert article.title == exp["title"]
    assert article.subtitle == exp["subtitle"]


def test_text(case):
    article, exp, _ = case
    assert article.text.split("\n\n") == exp["text"]


def test_captions(case):
    article, exp, _ = case
    assert article.captions == exp["captions"]


def test_comments(case):
    article, exp, _ = case
    assert [c.to_dict() for c in article.comments] == exp["comments"]


def test_navigation_and_footer(case):
    article, exp, _ = case
    assert article.navigation == exp["navigation"]
    assert article.footer == exp["footer"]


def test_line_labels(case):
    article, exp, src = case
    if "lines" not in exp:
        pytest.skip("no per-line gold for this page")
    lines = src.read_text(encoding="utf-8").split("\n")
    got: dict[int, str] = {}
    for b in article.blocks:
        first, last = (int(x) for x in b.source.split()[1].split("-"))
        for n in range(first, last + 1):
            if lines[n - 1].strip():
                got[n] = "title" if b.is_title else b.label.value
    assert got == {row["line"]: row["label"] for row in exp["lines"]}
