"""The deck step (classify/deck.py) on hand-built HTML blocks: the line under the headline that sums
the story up is named, bylines, datelines, sources and the story's first paragraph are not."""

from __future__ import annotations

import pytest

import boilerstrip
from boilerstrip import Label
from boilerstrip import patterns as P
from boilerstrip.classify.deck import Deck, is_deck
from boilerstrip.document import Doc, Segment
from boilerstrip.features import compute

HEADLINE = "Some Subscribers Can Now Watch HBO Online"
STORY = (
    "The premium cable channel unit has rolled out a new service to allow some subscribers to "
    "watch HBO programs, movies and sports shows on their computers."
)


def page(*blocks: tuple[str, str], title_at: int = 0, cues: dict[int, int] | None = None) -> Doc:
    """An HTML document of ``(tag, text)`` blocks, features computed, the ``title_at`` th block
    chosen as the headline and the paragraphs labelled article."""
    doc = Doc(kind="html")
    for i, (tag, text) in enumerate(blocks):
        level = int(tag[1]) if tag[0] == "h" and tag[1:].isdigit() else 0
        doc.segments.append(Segment(text=text, source=f"/body/{tag}[{i}]", tag=tag, heading=level))
    compute(doc)
    for i, s in enumerate(doc.segments):
        s.near_cues = (cues or {}).get(i, 0)
        s.label = Label.ARTICLE if s.tag == "p" or i == title_at else Label.NAVIGATION
    if title_at >= 0:
        doc.segments[title_at].is_title = True
    return doc


def deck_of(doc: Doc) -> str | None:
    Deck()(doc)
    return doc.meta.subtitle


def test_the_heading_under_the_headline_is_its_deck() -> None:
    doc = page(("h1", HEADLINE), ("h2", "Service To Be Launched In Wisconsin Cities"),
               ("div", "POSTED: 7:54 am EST January 23, 2008"), ("p", STORY))
    labels = [s.label for s in doc.segments]
    assert deck_of(doc) == "Service To Be Launched In Wisconsin Cities"
    assert [s.label for s in doc.segments] == labels  # named, not relabelled


def test_a_deck_may_be_a_plain_block_and_a_heading_deck_a_sentence() -> None:
    assert deck_of(page(("h1", HEADLINE), ("p", "Commission kicks off pair of antitrust probes"),
                        ("p", STORY))) == "Commission kicks off pair of antitrust probes"
    assert deck_of(page(("h1", HEADLINE), ("h2", "Foundations for two towers were not dug by today."),
                        ("p", STORY))) == "Foundations for two towers were not dug by today."


@pytest.mark.parametrize("line", [
    "By John Leyden in London",               # a byline
    "von Daniel Braun und Davor Pasoski",     # ... in German
    "Veröffentlicht am: 28. Oktober 2023",    # a dateline
    "31. Jan. 2022 in Köln, Deutschland",
    "Tuesday, January 8, 2008 3:20 AM",
    "Press Trust of India",                   # where the story comes from
    "Juliet O'Neill and Jack Aubry, CanWest News Service",
    "Lesezeit von 4 Minuten",                 # a reading time
    "( Pescasseroli, 14 Gennaio 20 )",        # a line in brackets
    "Staff Writer",                           # too short to sum anything up
    "Read more about the new streaming services:",  # a lead-in
    "Auto-Kauf: Some Subscribers Can Now Watch HBO Online, and more",  # the headline again
])
def test_lines_under_a_headline_that_are_no_deck(line: str) -> None:
    assert deck_of(page(("h1", HEADLINE), ("h3", line), ("p", STORY))) is None


def test_the_story_s_first_paragraph_is_no_deck() -> None:
    lead = "Some subscribers in Wisconsin can now watch HBO shows on their computers, the company said."
    assert deck_of(page(("h1", HEADLINE), ("p", lead), ("p", STORY))) is None
    lead3 = "Werbung nervt. Tracking nervt. Und gerade mobil habe ich keine Zeit"
    assert deck_of(page(("h1", HEADLINE), ("h2", lead3), ("p", STORY))) is None


def test_a_deck_in_chrome_only_where_the_headline_is() -> None:
    blocks = (("h1", HEADLINE), ("h2", "More News related to Press Releases"), ("p", STORY))
    assert deck_of(page(*blocks, cues={1: P.ASIDE})) is None
    assert deck_of(page(*blocks, cues={0: P.ASIDE, 1: P.ASIDE})) == blocks[1][1]


def test_a_linked_line_is_no_deck() -> None:
    doc = page(("h1", HEADLINE), ("div", "Pepsi, Justin Timberlake Line Up Behind Amazon"),
               ("p", STORY))
    doc.segments[1].link_chars = len(doc.segments[1].text)
    doc.segments[1].link_density = 1.0
    assert not is_deck(doc.segments[0], doc.segments[1])
    assert deck_of(doc) is None


def test_a_deck_in_the_headline_s_own_block() -> None:
    # An h1 of two <br> parts: the title step chose its first line, the second is the deck; a
    # dateline in that place is none.
    deck = "Service To Be Launched In Wisconsin Cities"
    doc = page(("h1", f"{HEADLINE}\n{deck}"), ("p", STORY), title_at=-1)
    doc.meta.title_line = (0, HEADLINE)
    assert deck_of(doc) == deck
    doc = page(("h1", f"{HEADLINE}\nJanuary 23, 2008, 7:54 am"), ("p", STORY), title_at=-1)
    doc.meta.title_line = (0, HEADLINE)
    assert deck_of(doc) is None


def test_the_title_step_says_which_line_it_chose() -> None:
    deck = "Option attack with Williams, Mendenhall exactly the right kind to give Trojans fits"
    html = (
        "<html><head><title>USC has weakness for Illini duo -- chicagotribune.com</title></head>"
        f"<body><div class='nav'><a href='/'>Home</a> <a href='/s'>Sports</a></div>"
        f"<h1>USC has weakness for Illini duo<br>{deck}</h1><p>{STORY}</p><p>{STORY}</p>"
        "</body></html>"
    )
    art = boilerstrip.extract(html)
    assert (art.title, art.subtitle) == ("USC has weakness for Illini duo", deck)


def test_a_line_under_a_picture_is_no_deck() -> None:
    # The headline, a picture, and a line under it: the picture's caption, not the deck.
    doc = page(("h1", HEADLINE), ("p", "Protestaktion der Kampagne in London (Archivaufnahme)"),
               ("p", STORY))
    doc.segments[1].image_before = True
    assert deck_of(doc) is None


def test_no_headline_block_no_deck() -> None:
    assert deck_of(page(("h2", "Service To Be Launched In Wisconsin Cities"), ("p", STORY),
                        title_at=-1)) is None
    assert deck_of(page(("h1", HEADLINE))) is None  # nothing under it


def test_text_input_names_no_deck() -> None:
    doc = page(("h1", HEADLINE), ("h2", "Service To Be Launched In Wisconsin Cities"))
    doc.kind = "text"
    doc.meta.subtitle = "stale"
    assert deck_of(doc) is None
