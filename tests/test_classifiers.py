"""Each classifier on hand-built blocks, without any HTML (as jusText tests its paragraph classifier)."""

from __future__ import annotations

import math

import pytest

from boilerstrip import Label
from boilerstrip import patterns as P
from boilerstrip.assemble import assemble
from boilerstrip.classify import title
from boilerstrip.classify.base import Classifier, set_label
from boilerstrip.classify.captions import Captions
from boilerstrip.classify.chrome import Chrome
from boilerstrip.classify.comments import CommentItems, CommentSection
from boilerstrip.classify.context import ContextLabels
from boilerstrip.classify.density import BAD, GOOD, NEARGOOD, SHORT, Density, classify_block
from boilerstrip.classify.learned import FEATURE_NAMES, LearnedArticle, vectors
from boilerstrip.classify.model import Model
from boilerstrip.classify.region import MainRegion
from boilerstrip.classify.title import (
    Title,
    candidates,
    date_share,
    strip_shown_site_name,
    strip_site_name,
)
from boilerstrip.classify.title_text import split_words
from boilerstrip.document import Doc, Segment
from boilerstrip.features import compute

PROSE = (
    "The council said on Tuesday that the new bridge would open to traffic in the spring, after two "
    "years of work and a long argument about who should pay for it."
)
PROSE2 = (
    "Residents of the old town have complained for years that the only crossing was too narrow for "
    "the buses that now run every ten minutes between the station and the hospital."
)


def text_doc(*lines: str) -> Doc:
    """A text document with one segment per line, features computed."""
    doc = Doc(kind="text")
    for i, line in enumerate(lines, 1):
        doc.segments.append(Segment(text=line, source=f"lines {i}-{i}", tag="line", line_start=i, line_end=i))
    compute(doc)
    return doc


def one(text: str, **kw: object) -> Segment:
    doc = text_doc(text)
    s = doc.segments[0]
    for k, v in kw.items():
        setattr(s, k, v)
    return s


# --- density ----------------------------------------------------------------------------------


def test_density_classes() -> None:
    assert classify_block(one(PROSE + " " + PROSE2)) == GOOD
    assert classify_block(one("Read more")) == SHORT
    links = one("Home News Sport Weather Business Politics Technology Science Health Education")
    links.link_chars = links.chars
    links.link_density = 1.0
    assert classify_block(links) == BAD
    names = one(" ".join(["Smith Jones Brown Taylor Wilson Davies Evans Thomas Johnson Roberts"] * 3))
    assert classify_block(names) == BAD
    assert classify_block(one(PROSE)) in (NEARGOOD, GOOD)


def test_density_step_sets_every_block() -> None:
    doc = text_doc(PROSE, "Home", PROSE2)
    Density()(doc)
    assert [s.cf for s in doc.segments] == [classify_block(s) for s in doc.segments]


# --- comments (text) -----------------------------------------------------------------------


def test_comment_section_in_text() -> None:
    doc = text_doc(
        PROSE,
        PROSE2,
        "3 Comments",
        "Comment number 2.",
        "I think the bridge is a waste of money and the old one was fine.",
        "rate this",
        "Comment number 1.",
        "Finally! I have waited ten years for this.",
        "More local stories",
    )
    Density()(doc)
    CommentSection()(doc)
    CommentItems()(doc)
    labels = [s.label for s in doc.segments]
    assert labels[:2] == [None, None]
    assert labels[2:8] == [Label.COMMENT] * 6
    assert labels[8] is None
    words = [s.text for s in doc.segments if s.comment is not None and not s.comment_meta]
    assert words == [doc.segments[4].text, doc.segments[7].text]
    assert doc.segments[4].comment == 0 and doc.segments[7].comment == 1
    assert doc.segments[5].comment is None  # "rate this" is chrome


def test_no_comment_section_without_prose_before_it() -> None:
    doc = text_doc("Comments", "Nice!", PROSE)
    Density()(doc)
    CommentSection()(doc)
    assert all(s.label is None for s in doc.segments)


# --- region and context (rules) ------------------------------------------------------------


def test_region_is_the_best_run_of_prose() -> None:
    doc = text_doc("Home", "News", "Sport", PROSE, "Photo: Jane Doe", PROSE2, PROSE, "Privacy policy", "Contact us")
    Density()(doc)
    MainRegion()(doc)
    assert [s.in_region for s in doc.segments] == [False, False, False, True, True, True, True, False, False]


def test_context_keeps_short_lines_between_prose() -> None:
    doc = text_doc(PROSE, "He said no.", PROSE2, "Share this", "Tweet")
    Density()(doc)
    MainRegion()(doc)
    ContextLabels()(doc)
    assert [s.label for s in doc.segments[:3]] == [Label.ARTICLE] * 3
    assert doc.segments[3].label is None and doc.segments[4].label is None


def test_html_region_picks_the_container_with_most_prose() -> None:
    # frames: 0 body, 1 nav, 2 article, 3 aside
    doc = Doc(kind="html", parent=[-1, 0, 0, 0], frame_cues=[0, P.NAV, P.BODY | P.CONTENT, P.ASIDE])
    for text, frame, cues in (
        ("Home", 1, P.NAV), ("World", 1, P.NAV), (PROSE, 2, P.BODY), (PROSE2, 2, P.BODY),
        ("Most read: the ten best bridges", 3, P.ASIDE),
    ):
        doc.segments.append(Segment(text=text, source="/x", tag="p", frame=frame, cues=cues, near_cues=cues))
    compute(doc)
    Density()(doc)
    MainRegion()(doc)
    assert [s.in_region for s in doc.segments] == [False, False, True, True, False]


def _framed(parent: list[int], frame_cues: list[int], blocks: list[tuple[str, int]]) -> Doc:
    doc = Doc(kind="html", parent=parent, frame_cues=frame_cues)
    for text, frame in blocks:
        doc.segments.append(Segment(text=text, source="/x", tag="p", frame=frame))
    compute(doc)
    return doc


def test_candidates_vote_for_the_container_of_the_paragraphs() -> None:
    from boilerstrip.classify import candidates

    # frames: 0 body; 1 div.story (2-4 its paragraphs); 5 div.box (6-9 its paragraphs);
    # 10 div.more (11 its paragraph); 12 nav (13 a link line)
    parent = [-1, 0, 1, 1, 1, 0, 5, 5, 5, 5, 0, 10, 0, 12]
    cues = [0, P.CONTENT] + [0] * 10 + [P.NAV, 0]
    short = "More, from the desk, today."
    doc = _framed(parent, cues, [
        (PROSE, 2), (PROSE2, 3), (PROSE, 4), (PROSE2, 6), (PROSE2, 7), (PROSE2, 8), (PROSE2, 9),
        (short, 11), ("Home", 13),
    ])
    c = candidates._find(doc, [0.0] * len(parent))
    v1, v2, v3 = (candidates.vote(t, len(t)) for t in (PROSE, PROSE2, short))
    # Every story paragraph gives div.story its full vote, plus the article-body cue weight; the
    # body gets half of every vote.
    assert c.top == 1 and c.last_top == 4
    assert c.score[1] == v1 + v2 + v1 + candidates.CUE_WEIGHT
    assert c.score[0] == pytest.approx((2 * v1 + 5 * v2 + v3) / 2)
    # The box of four paragraphs scores over the sibling floor and joins the output; the short
    # box does not.
    assert c.score[5] >= candidates.SIBLING_FLOOR > c.score[10] > 0
    assert [c.output[f] for f in (0, 1, 2, 5, 6, 10, 11, 12)] == [0, 1, 1, 1, 1, 0, 0, 0]
    feats = [candidates.block_features(c, s.frame, parent) for s in doc.segments]
    assert [f[0] for f in feats] == [1.0] * 3 + [0.0] * 6
    assert [f[1] for f in feats] == [1.0] * 7 + [0.0] * 2
    # The best score among the element and its ancestors, over the top score.
    assert c.score[0] > c.score[5] > c.score[10]
    assert feats[0][2] == 1.0 and feats[3][2] == feats[7][2] == c.score[0] / c.top_score
    assert candidates.block_features(c, 5, parent)[2] == c.score[0] / c.top_score
    assert candidates.block_features(c, 10, [-1] * len(parent))[2] == c.score[10] / c.top_score
    # The share of all votes cast inside the top container, the same for every block.
    assert len({f[3] for f in feats}) == 1
    assert feats[0][3] == pytest.approx((2 * v1 + v2) / (2 * v1 + v2 + 4 * v2 + v3))


def test_candidates_weigh_links_and_chrome_markup() -> None:
    from boilerstrip.classify import candidates

    # frames: 0 body; 1 div (2, 3 its paragraphs); 4 aside (5, 6 its paragraphs)
    parent = [-1, 0, 1, 1, 0, 4, 4]
    blocks = [(PROSE, 2), (PROSE, 3), (PROSE, 5), (PROSE, 6)]
    doc = _framed(parent, [0, 0, 0, 0, P.ASIDE, 0, 0], blocks)
    v = candidates.vote(PROSE, len(PROSE))
    c = candidates._find(doc, [0.0] * 7)
    assert c.score[1] == 2 * v and c.score[4] == 2 * v - candidates.CUE_WEIGHT
    # A subtree of links keeps the share of its score that is not link text.
    c = candidates._find(doc, [0.0, 0.9, 0.0, 0.0, 0.0, 0.0, 0.0])
    assert c.score[1] == pytest.approx(0.1 * 2 * v)
    assert c.top == 0  # the body now: half of every vote


def test_candidates_need_prose() -> None:
    from boilerstrip.classify import candidates

    # Short lines and headings cast no vote: no candidate, every feature 0.
    doc = _framed([-1, 0, 1], [0, 0, 0], [("Home", 2), ("News", 2)])
    c = candidates._find(doc, [0.0] * 3)
    assert c == candidates.NONE
    assert candidates.block_features(c, 2, doc.parent) == (0.0, 0.0, 0.0, 0.0)
    assert candidates.find(Doc(kind="text"), []) == candidates.NONE
    # CJK commas count.
    assert candidates.vote("\u4e00\u3001\u4e8c\uff0c\u4e09,", 100) == 1.0 + 3 + 1.0


def _headline_doc(title: str | None, og: str | None = None) -> Doc:
    from boilerstrip.document import Meta

    # frames: 0 body; 1 header (2 its logo line); 3 div.post (4 h2, 5 its one line, 6 a date);
    # 7 aside (8 the site's description, 9 a link to the post)
    parent = [-1, 0, 1, 0, 3, 3, 3, 0, 7, 7]
    doc = Doc(kind="html", parent=parent, frame_cues=[0, P.HEADER, 0, 0, 0, 0, 0, P.ASIDE, 0, 0],
              meta=Meta(title=title, og_title=og))
    blocks = [
        ("The Quiet Garden", 2, 0), ("A walk along the canal at dawn", 4, 2),
        ("Took this one before the rain.", 5, 0), ("12 May 2011", 6, 0),
        (PROSE, 8, 0), ("A walk along the canal at dawn", 9, 0),
    ]
    for text, frame, heading in blocks:
        doc.segments.append(Segment(text=text, source="/x", tag="h" if heading else "p",
                                    frame=frame, heading=heading))
    doc.segments[-1].near_cues = P.ASIDE
    compute(doc)
    return doc


def test_headline_anchor_is_the_block_showing_the_declared_headline() -> None:
    from boilerstrip.classify import headline

    doc = _headline_doc("A walk along the canal at dawn | The Quiet Garden")
    sets, longest = headline.names(doc)
    # The title's parts and the title itself; the site name matches too, but fewer words.
    assert {"walk", "canal", "dawn"} <= sets[0] and sets[1] == {"the", "quiet", "garden"}
    assert longest == len("A walk along the canal at dawn | The Quiet Garden")
    h = headline.find(doc)
    # The heading wins over the logo (fewer words) and over the same words in the aside's link.
    assert h.at == 1 and h.score == 1.0
    segs = doc.segments
    feats = [
        headline.block_features(h, i, s.frame, sum(t.chars for t in segs[:i]), s.chars)
        for i, s in enumerate(segs)
    ]
    assert [f[0] for f in feats] == [1.0] * 6
    assert [f[1] for f in feats] == [-math.log1p(1), 0.0, math.log1p(1), math.log1p(2),
                                     math.log1p(3), math.log1p(4)]
    # The characters between the block and the anchor, signed.
    line = len("Took this one before the rain.")
    assert feats[2][2] == 0.0 and feats[3][2] == math.log1p(line)
    assert feats[0][2] == 0.0
    # The post's line shares the post container with the headline: one level up to the common
    # ancestor; the description and the aside's link share only the body with it, two up.
    assert [f[3] for f in feats] == [2.0, 0.0, 1.0, 1.0, 2.0, 2.0]
    assert [f[4] for f in feats] == [1.0] * 6
    assert headline.block_features(h, 2, -1, 0, 0)[3] == headline.MAX_UP


def test_headline_anchor_needs_a_name_the_page_shows() -> None:
    from boilerstrip.classify import headline

    # No metadata; a title no block shows; a site name alone (shown, so it anchors).
    for declared in (None, "Something else entirely different"):
        doc = _headline_doc(declared)
        h = headline.find(doc)
        assert h == headline.NONE
        assert headline.block_features(h, 2, 5, 0, 10) == headline.NONE_ROW
    assert headline.find(_headline_doc("The Quiet Garden")).at == 0
    # og:title counts; a text page has no anchor.
    assert headline.find(_headline_doc(None, og="A walk along the canal at dawn")).at == 1
    assert headline.find(Doc(kind="text", segments=[Segment(text="A walk", source="1")])) == (
        headline.NONE
    )
    # A block far longer than every name is not looked at (a paragraph quoting the headline).
    doc = _headline_doc("Took this one before the rain")
    doc.segments[2].text = "Took this one before the rain. " + PROSE
    compute(doc)
    assert headline.find(doc) == headline.NONE


# --- captions, title, chrome --------------------------------------------------------------


def test_captions_in_text_are_unpunctuated_lines_in_the_article() -> None:
    doc = text_doc(
        PROSE,
        "Damage in Homs. 7 March 2013 The conflict has caused destruction in large parts of the city",
        PROSE2,
        "Photo: Reuters",
    )
    Density()(doc)
    for s in doc.segments:
        s.in_region = True
    doc.segments[0].label = doc.segments[1].label = doc.segments[2].label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE, Label.CAPTION, Label.ARTICLE, Label.CAPTION]


def test_text_captions_sit_under_the_headline_or_carry_a_date_stamp() -> None:
    under = 'Sergei Lavrov: "It is not for us to decide who should lead Syria, it is for the Syrians"'
    doc = text_doc(
        "Syria crisis: Russia won't pressure Assad, says Lavrov",
        under,
        PROSE,
        # unpunctuated, article-like, but neither under the headline nor dated: a paragraph
        "This will most likely start after the release of the new version of the player",
        # many sentences and no final stop (a post ending in "[via]"): a paragraph, not a caption
        "It has an 84-inch panel. It plays 3D. It runs over 1,400 apps. It costs $20,000 [via]",
        # a byline with a date is a header line, not a caption
        "Posted by Julia Beizer on March 8, 2013 at 3:23 pm in the mobile projects section",
        PROSE2,
    )
    Density()(doc)
    for s in doc.segments:
        s.in_region = True
    for s in doc.segments[1:]:
        s.label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [None, Label.CAPTION] + [Label.ARTICLE] * 5


def test_html_caption_needs_markup_or_a_credit() -> None:
    doc = Doc(kind="html")
    doc.segments = [
        Segment(text=PROSE, source="/p[1]", tag="p", in_region=True),
        Segment(text="The new bridge at dawn.", source="/figure/figcaption", tag="figcaption",
                near_cues=P.CAPTION | P.FIGURE, in_region=True),
        Segment(text="A short line.", source="/p[2]", tag="p", in_region=True),
        Segment(text="(AP Photo/John Smith)", source="/p[3]", tag="p", image_before=True, in_region=True),
    ]
    compute(doc)
    doc.segments[0].label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE, Label.CAPTION, None, Label.CAPTION]


def test_a_figure_wrapper_around_the_article_is_not_a_caption() -> None:
    # Frame 0: <div class="entry-media"> (a figure cue) holding four paragraphs; frame 1: a
    # <figcaption> under an image elsewhere.
    doc = Doc(kind="html")
    doc.parent = [-1, -1]
    doc.frame_cues = [P.FIGURE, P.CAPTION | P.FIGURE]
    paragraphs = [
        Segment(text=PROSE, source=f"/div/p[{i}]", tag="p", frame=0, near_cues=P.FIGURE,
                in_region=True)
        for i in range(1, 5)
    ]
    caption = Segment(text="The new bridge at dawn, seen from the north bank of the river.",
                      source="/figure/figcaption", tag="figcaption", frame=1,
                      near_cues=P.CAPTION | P.FIGURE, in_region=True)
    doc.segments = [*paragraphs, caption]
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE] * 4 + [Label.CAPTION]


def test_a_paragraph_around_a_marked_picture_is_not_a_caption() -> None:
    # <p><span class="imgleft"><img><span class="blog_caption"></span></span>Our roster ...</p>:
    # the caption cue comes from an inline child (frame 0, the <p>, has none). A paragraph of prose
    # stays article; a short credit line marked the same way is still a caption.
    doc = Doc(kind="html")
    doc.parent = [-1, -1, -1]
    doc.frame_cues = [0, 0, 0]
    doc.segments = [
        Segment(text=PROSE, source="/div/p[1]", tag="p", frame=0, in_region=True),
        Segment(text=PROSE, source="/div/p[2]", tag="p", frame=1, near_cues=P.CAPTION,
                image_before=True, in_region=True),
        Segment(text="Top image by Boqiang Liao", source="/div/p[3]", tag="p", frame=2,
                near_cues=P.CAPTION, in_region=True),
    ]
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE, Label.ARTICLE, Label.CAPTION]


def test_title_from_metadata_match() -> None:
    doc = Doc(kind="html")
    doc.meta.og_title = "New bridge to open in spring"
    doc.meta.title = "New bridge to open in spring | The Daily Example"
    doc.segments = [
        Segment(text="The Daily Example", source="/a", tag="div"),
        Segment(text="New bridge to open in spring", source="/h1", tag="h1", heading=1),
        Segment(text=PROSE, source="/p", tag="p"),
    ]
    compute(doc)
    doc.segments[2].label = Label.ARTICLE
    Title()(doc)
    assert doc.meta.title == "New bridge to open in spring"
    assert doc.segments[1].is_title and doc.segments[1].label is Label.ARTICLE
    assert not doc.segments[0].is_title


def _story_doc(*story: str) -> Doc:
    doc = Doc(kind="html")
    doc.segments = [
        Segment(text="Latest news, sport and weather", source="/div", tag="div"),
        Segment(text="Council opens the new bridge", source="/h2", tag="h2", heading=2),
        *(Segment(text=t, source=f"/p[{k}]", tag="p") for k, t in enumerate(story, 1)),
    ]
    compute(doc)
    for s in doc.segments[2:]:
        s.label = Label.ARTICLE
    return doc


def test_story_overlaps_count_a_candidates_words_in_the_story() -> None:
    doc = _story_doc(PROSE, PROSE2)
    cands = [(-1, "The Daily Example News Service", []), (0, "Latest news, sport and weather", []),
             (1, "Council opens the new bridge", [])]
    # "council" and "bridge" are in the story ("new" is a function word of a language the package
    # knows); "opens" and the site's words are not.
    assert title.story_overlaps(doc, cands) == [0, 0, 2]


def test_story_overlaps_need_prose() -> None:
    cands = [(-1, "Bridge test page", []), (1, "Council opens the new bridge", [])]
    # Too short a story to judge a name by; placeholder text is no story either.
    assert title.story_overlaps(_story_doc(PROSE), cands) is None
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua bridge council. ") * 3
    assert title.story_overlaps(_story_doc(lorem), cands) is None


def test_story_choice_passes_a_site_name_over_for_the_story_headline() -> None:
    cands = [(-1, "The Daily Example News Service", []), (0, "Latest news", []),
             (1, "Council opens the new bridge", []), (7, "Council meeting minutes", [])]
    probs = [0.9, 0.2, 0.6, 0.5]
    allowed = [0, 1, 2, 3]
    # The name shares no word with the story, the ranker's best block shares three: the block.
    assert title.story_choice(cands, probs, allowed, 0, [0, 0, 3, 2]) == 2
    # A name that shares words with the story stays; so it does without a story to compare with.
    assert title.story_choice(cands, probs, allowed, 0, [2, 0, 3, 2]) == 0
    assert title.story_choice(cands, probs, allowed, 0, None) == 0
    # The block must share two words, score 0.3 and be one of the two best blocks.
    assert title.story_choice(cands, probs, allowed, 0, [0, 0, 1, 2]) == 3
    assert title.story_choice(cands, [0.9, 0.8, 0.7, 0.5], allowed, 0, [0, 0, 1, 2]) == 0
    assert title.story_choice(cands, [0.9, 0.2, 0.25, 0.1], allowed, 0, [0, 0, 3, 2]) == 0
    # A block the ranker chose is kept.
    assert title.story_choice(cands, probs, allowed, 2, [0, 0, 3, 2]) == 2


def test_declared_names_whole_and_without_the_site() -> None:
    from boilerstrip.document import Meta

    meta = Meta(title="Daten von Rheinmetall gehackt | tagesschau.de",
                og_title="Rheinmetall: Daten gehackt")
    # (A colon right after a word is the name's own, no site separator.)
    assert title.declared_names(meta) == [
        "Rheinmetall: Daten gehackt", "Daten von Rheinmetall gehackt | tagesschau.de",
        "Daten von Rheinmetall gehackt",
    ]


def test_a_declared_names_headline_after_its_kicker() -> None:
    # og:title joins kicker and headline ("Grenzschließungen: Deutschland, ..."); the h1 shows
    # them in elements of their own, without the separator (trafilatura-eval handelsblatt, mdr)
    names = ["Grenzschließungen: Deutschland, Frankreich und die Rückkehr der Ressentiments",
             "Corona-Lockerungen: Autohäuser rechnen mit langsamem Anlaufen des Geschäfts | MDR.DE"]
    shown = "Grenzschließungen Deutschland, Frankreich und die Rückkehr der Ressentiments"
    tails = title.declared_tails(names, shown)
    assert tails == ["Deutschland, Frankreich und die Rückkehr der Ressentiments",
                     "Autohäuser rechnen mit langsamem Anlaufen des Geschäfts | MDR.DE"]
    assert title.without_kicker(shown, names + tails) == tails[0]
    # a block that shows the separator is the headline as written: no tails
    assert title.declared_tails(names, names[0]) == []
    # a site name after a headline that holds it is no headline
    assert title.declared_tails(["15 Jahre rete-mirabile.net — rete-mirabile.net"],
                                "15 Jahre rete-mirabile.net") == []


def test_without_kicker_takes_the_declared_name_after_a_kicker_or_date() -> None:
    names = ["Daten von Rheinmetall gehackt"]
    assert title.without_kicker("Interne Unterlagen im Netz Daten von Rheinmetall gehackt",
                                names) == "Daten von Rheinmetall gehackt"
    assert title.without_kicker("1. Februar 2022 Daten von Rheinmetall gehackt",
                                names) == "Daten von Rheinmetall gehackt"
    # The same text, a longer kicker, or none: the block's text stays.
    assert title.without_kicker("Daten von Rheinmetall gehackt", names) == "Daten von Rheinmetall gehackt"
    long_kicker = "Ein sehr langer Vorspann mit vielen Wörtern über den Fall Daten von Rheinmetall gehackt"
    assert title.without_kicker(long_kicker, names) == long_kicker
    # A headline that holds a shorter name is no kicker over it: a function word before the name,
    # or a question mark the name does not end with.
    assert title.without_kicker("Wie pflege ich die Zaubernuss im Winter?",
                                ["Zaubernuss im Winter"]) == "Wie pflege ich die Zaubernuss im Winter?"
    assert title.without_kicker("Pflegetipps Zaubernuss im Winter?",
                                ["Zaubernuss im Winter"]) == "Pflegetipps Zaubernuss im Winter?"
    # A headline in two parts around a colon is written so: it stays whole.
    assert title.without_kicker("Top Gear in Iran: Why do Iranians love Jeremy Clarkson?",
                                ["Why do Iranians love Jeremy Clarkson?"]) == (
        "Top Gear in Iran: Why do Iranians love Jeremy Clarkson?")
    assert title.without_kicker("Top Gear in Iran : Why do Iranians love Jeremy Clarkson?",
                                ["Why do Iranians love Jeremy Clarkson?"]) == (
        "Why do Iranians love Jeremy Clarkson?")
    # Too short a name is no headline.
    assert title.without_kicker("Sport Fußball heute", ["Fußball heute"]) == "Sport Fußball heute"


def test_title_in_text_is_the_heading_before_the_article() -> None:
    doc = text_doc("Home", "Syria crisis: Russia won't pressure Assad, says Lavrov", PROSE, PROSE2)
    Density()(doc)
    doc.segments[2].label = doc.segments[3].label = Label.ARTICLE
    Title()(doc)
    assert doc.meta.title == "Syria crisis: Russia won't pressure Assad, says Lavrov"
    assert doc.segments[1].is_title


def test_title_in_text_is_no_form_field_or_bare_image_line() -> None:
    headline = "Easy Pineapple Upside-Down Cake"
    for widget in ("[                    ] [Search]", "[spacer.gif] [spacer.gif] [logo]"):
        doc = text_doc(widget, headline, PROSE, PROSE2)
        Density()(doc)
        doc.segments[2].label = doc.segments[3].label = Label.ARTICLE
        Title()(doc)
        assert doc.meta.title == headline
    doc = text_doc("Suche nach: [                    ] [Suche]", PROSE, PROSE2)
    Density()(doc)
    doc.segments[1].label = doc.segments[2].label = Label.ARTICLE
    Title()(doc)
    assert doc.meta.title is None


def test_title_in_text_is_no_chrome_line_where_another_line_can_be(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # l3s-gn1's w3m dumps: the ranker chose a row of footer links, a copyright line, a photo
    # credit, where the headline was among the candidates. A ranker that scores the first
    # candidate (the chrome line) best stands for it here.
    from boilerstrip.classify import title as title_step

    class FirstBest:
        def predict(self, rows: list[list[float]]) -> list[float]:
            return [1.0 / (1 + k) for k in range(len(rows))]

    monkeypatch.setattr(title_step, "_text_title_model", FirstBest)
    headline = "Police recover body of missing Toronto fisherman"
    for chrome in (
        "Privacy Policy  |  MNG Corporate Site Map  |  Copyright",
        "Copyright 2008 The Star Online",
        "Photo: Reuters",
        "Top Stories | Canada | World",
    ):
        doc = text_doc(chrome, headline, PROSE, PROSE2)
        Density()(doc)
        doc.segments[2].label = doc.segments[3].label = Label.ARTICLE
        Title()(doc)
        assert doc.meta.title == headline, chrome
    # a chrome line is still the title where no other line can be
    doc = text_doc("Top Stories | Canada | World", PROSE, PROSE2)
    Density()(doc)
    doc.segments[1].label = doc.segments[2].label = Label.ARTICLE
    Title()(doc)
    assert doc.meta.title == "Top Stories | Canada | World"


def test_title_in_text_is_ranked_among_the_lines_around_the_article() -> None:
    from boilerstrip.classify.model import load
    from boilerstrip.classify.title_text import FEATURES, text_candidates

    # a dump's top: menu, breadcrumbs, dateline, headline, byline, then the story
    lines = ("Home | News | Sport | Weather", "You are here: Home > News > Local",
             "Tuesday, 8 January 2008", "New bridge to open in spring", "By Anna Smith",
             PROSE, PROSE2)
    doc = text_doc(*lines)
    Density()(doc)
    doc.segments[5].label = doc.segments[6].label = Label.ARTICLE
    cands = text_candidates(doc)
    assert all(len(v) == len(FEATURES) for _, _, v in cands)
    ranker = load("model_title_text")["title"]  # (the shipped ranker: boosted trees)
    assert ranker.features == list(FEATURES) and ranker.kind == "trees"
    # the story's paragraphs are no candidates: they end a sentence, and the last has no story
    # after it
    assert [i for i, _, _ in cands] == [0, 1, 2, 3, 4]
    Title()(doc)
    assert doc.meta.title == "New bridge to open in spring"
    assert doc.segments[3].is_title and doc.segments[3].label is Label.ARTICLE
    assert "New bridge" not in "".join(s.text for s in doc.segments if not s.is_title)


def test_title_in_text_taken_by_the_article_model_stays_in_the_text() -> None:
    doc = text_doc("Home | News | Sport", "New bridge to open in spring", PROSE, PROSE2)
    Density()(doc)
    for s in doc.segments[1:]:
        s.label = Label.ARTICLE
    Title()(doc)
    assert doc.meta.title == "New bridge to open in spring"
    assert not doc.segments[1].is_title and doc.segments[1].label is Label.ARTICLE
    # ... and the text with its title holds the headline once
    article = assemble(doc, encoding=None, url=None)
    assert article.title_in_text()
    assert article.text_with(title=True) == article.text
    assert article.text.startswith("New bridge to open in spring\n\n")


def test_title_in_text_reads_one_cell_of_a_row_the_dumper_laid_out() -> None:
    from boilerstrip.classify.title_text import text_candidates

    doc = text_doc("[d_unkle166]            * Home woes for Flyers", PROSE, PROSE2)
    Density()(doc)
    doc.segments[1].label = doc.segments[2].label = Label.ARTICLE
    assert [t for _, t, _ in text_candidates(doc)] == ["Home woes for Flyers"]
    Title()(doc)
    assert doc.meta.title == "Home woes for Flyers"
    assert not doc.segments[0].is_title  # (the block holds more than the headline)


def test_title_in_text_weighs_each_cell_of_a_row_of_several() -> None:
    from boilerstrip.classify.title_text import FEATURES, text_candidates

    row = "General News        Newcastle midfielder Barton charged with assault"
    doc = text_doc(row, PROSE, PROSE2)
    Density()(doc)
    doc.segments[1].label = doc.segments[2].label = Label.ARTICLE
    cands = text_candidates(doc)
    assert [t for _, t, _ in cands] == [
        row, "General News", "Newcastle midfielder Barton charged with assault"
    ]
    cell = FEATURES.index("cell")
    assert [v[cell] for _, _, v in cands] == [0.0, 1.0, 1.0]
    assert all(len(v) == len(FEATURES) for _, _, v in cands)


def test_title_candidates_stand_around_the_first_paragraph_too() -> None:
    from boilerstrip.classify.title_text import BEFORE, FEATURES, text_candidates

    # a line the article model took far above the story (a promo) kept the window away from the
    # headline over the story's first paragraph (l3s-gn1 08ba0529's w3m dump)
    menu = [f"Menu entry {k}" for k in range(BEFORE + 10)]
    doc = text_doc("Get the latest news with our RSS feed", *menu, "Flyers win at home", PROSE,
                   PROSE2)
    Density()(doc)
    for k in (0, len(menu) + 2, len(menu) + 3):
        doc.segments[k].label = Label.ARTICLE
    doc.segments[len(menu) + 2].cf = GOOD  # (the story's first paragraph)
    cands = text_candidates(doc)
    texts = [t for _, t, _ in cands]
    assert "Flyers win at home" in texts and "Get the latest news with our RSS feed" in texts
    vector = cands[texts.index("Flyers win at home")][2]
    assert vector[FEATURES.index("before_paragraph")] == 1.0
    assert vector[FEATURES.index("log_dist_paragraph")] == pytest.approx(math.log1p(1))


def test_strip_shown_site_name_cuts_where_the_page_shows_the_rest() -> None:
    shown = {"triosetforderbydebuts"}
    assert strip_shown_site_name("IOL: Trio set for Derby debuts", shown, shown) == (
        "Trio set for Derby debuts"
    )
    # nothing on the page says where to cut: a colon is no site-name separator by itself
    assert strip_shown_site_name("Daring Fireball: Colophon", set(), set()) == (
        "Daring Fireball: Colophon"
    )
    # the longest cut another candidate shows, not the longest part ("Dress -- STOLEN!!!")
    og = "lupitanyongos150kpearloscardressstolen"
    assert strip_shown_site_name(
        "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!! | TMZ.com", {og}, set()
    ) == "Lupita Nyong'o's $150K Pearl Oscar Dress -- STOLEN!!!"
    # shown whole by a block: kept whole
    whole = {"dailydishnicolekidmanispregnant"}
    assert strip_shown_site_name("Daily Dish: Nicole Kidman Is Pregnant", whole, whole) == (
        "Daily Dish: Nicole Kidman Is Pregnant"
    )


def test_date_share() -> None:
    assert date_share("Friday, January 18, 2008") >= 0.6
    assert date_share("2008-01-01 17:15:00.0") >= 0.6
    assert date_share("Blogposting 01/23/2020") < 0.6  # a gold title of trafilatura-eval
    assert date_share("New bridge to open in spring") == 0.0


def test_no_date_is_a_sufficient_test() -> None:
    pieces = (
        "New", "bridge", "3", "days", "ago", "AGO", "Just", "NOW", "now", "May", "x_1", "\u212a",
        "2008-01-01", "Friday,", "Ünïcödé", "٣", "a few seconds", "-", "_", "spring",
    )
    ruled_out = 0
    for k in range(3000):
        t = " ".join(pieces[(k * 7 + j * 13) % len(pieces)] for j in range(k % 5 + 1))
        t = t if k % 3 else t.title()
        low = t.lower()
        if title._no_date(t, low, "".join(split_words(t))):
            ruled_out += 1
            assert date_share(t) == 0.0, t
    assert ruled_out > 100
    for t in ("A few seconds ago", "moments AGO", "just now", "JUST NOW", "Jan 3", "٣ days ago"):
        assert date_share(t) > 0.0
        assert not title._no_date(t, t.lower(), "".join(split_words(t))), t


def test_title_candidates_skip_datelines() -> None:
    doc = Doc(kind="html")
    doc.segments = [
        Segment(text="January 18th, 2008", source="/div[1]", tag="div"),
        Segment(text="New bridge to open in spring\nby Jane Doe, 17 January 2008", source="/div[2]",
                tag="div"),
        Segment(text=PROSE, source="/p[1]", tag="p"),
        Segment(text=PROSE2, source="/p[2]", tag="p"),
    ]
    compute(doc)
    doc.segments[2].label = doc.segments[3].label = Label.ARTICLE
    texts = [t for _, t, _ in candidates(doc)]
    assert texts == ["New bridge to open in spring"]  # not the date, the block or its byline
    Title()(doc)
    assert doc.meta.title == "New bridge to open in spring"
    assert not doc.segments[1].is_title  # a line of the block, not the block


def test_a_candidate_no_reader_calls_a_headline_is_passed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from boilerstrip.classify.title import is_headline_text

    assert is_headline_text("Sprint lays off 4,000")
    assert is_headline_text("Ваше здоровье: 10 советов")
    assert not is_headline_text("+1")
    assert not is_headline_text("1/12")
    assert not is_headline_text("20080101T064242Zafp.com20080101080101062849.77i9bh871urn:newsml:"
                                "afp.com:20080101:080101062849.77i9bh87:1Lifestyle New York")
    # ZDNet's vote widget ("+1") is the ranker's first choice on a page it has not seen; the
    # headline after it is taken instead, and where nothing is readable the ranker's choice stays
    doc = Doc(kind="html")
    doc.segments = [
        Segment(text="+1", source="/div[1]", tag="div"),
        Segment(text="Sprint lays off 4,000", source="/h1", tag="h", heading=1),
        Segment(text=PROSE, source="/p[1]", tag="p"),
    ]
    compute(doc)

    class Ranker:
        def predict(self, rows: list[list[float]]) -> list[float]:
            return [0.9, 0.6][: len(rows)]

    cands: list[tuple[int, str, list[float]]] = [(0, "+1", []), (1, "Sprint lays off 4,000", [])]
    monkeypatch.setattr(title, "_title_model", Ranker)
    monkeypatch.setattr(title, "candidates", lambda d: cands)
    Title()(doc)
    assert doc.meta.title == "Sprint lays off 4,000"
    assert doc.segments[1].is_title and not doc.segments[0].is_title
    cands.pop()
    doc.segments[1].is_title = False
    Title()(doc)
    assert doc.meta.title == "+1"


def test_strip_site_name() -> None:
    assert strip_site_name("New bridge to open in spring | The Daily Example") == "New bridge to open in spring"
    assert strip_site_name("BBC News - Syria crisis: Russia won't pressure Assad") == (
        "Syria crisis: Russia won't pressure Assad"
    )
    # WordPress themes' "›" (trafilatura-eval's heiko-adams.de, litradio.net, evang.at)
    assert strip_site_name("Lockdown: Gottesdienste bleiben möglich › evang.at") == (
        "Lockdown: Gottesdienste bleiben möglich"
    )


def test_chrome_splits_footer_from_navigation() -> None:
    doc = text_doc("Home", PROSE, "More stories", "Copyright © 2015 Example Ltd.", "Privacy policy")
    doc.segments[1].label = Label.ARTICLE
    Chrome()(doc)
    assert [s.label for s in doc.segments] == [
        Label.NAVIGATION, Label.ARTICLE, Label.NAVIGATION, Label.FOOTER, Label.FOOTER,
    ]
    assert all(0.0 <= s.score <= 1.0 for s in doc.segments)


# --- learned model ------------------------------------------------------------------------


def test_feature_vectors_have_the_named_length() -> None:
    doc = text_doc("Home", PROSE, PROSE2, "Copyright 2015")
    Density()(doc)
    MainRegion()(doc)
    vs = vectors(doc)
    assert len(vs) == 4 and all(len(v) == len(FEATURE_NAMES) for v in vs)


def test_window_features_do_not_depend_on_the_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.classify import learned

    texts = [PROSE, "Home", PROSE2, "News", "Copyright 2015", PROSE, "More"] * 3
    doc = text_doc(*texts)
    Density()(doc)
    MainRegion()(doc)
    whole = vectors(doc)
    for chunk in (1, 2, 5, 8):
        monkeypatch.setattr(learned, "_CHUNK", chunk)
        assert vectors(doc) == whole
    # the columns the windows sum are the own features
    flags = [learned.line_flags(s) for s in doc.segments]
    for s, f in zip(doc.segments, flags, strict=True):
        own = learned._own(s, f)
        for c, col in learned._OWN_COLUMNS.items():
            assert col(s) == own[c]
    # and they are the window means by definition (up to rounding: the code sums by prefix sums)
    n, own = len(whole), [v[:30] for v in whole]
    at = learned.FEATURE_NAMES.index(f"win{learned.WINDOWS[0]}_{learned.WINDOW_FEATURES[0]}")
    for i, v in enumerate(whole):
        k = at
        for w in learned.WINDOWS:
            a, b = max(0, i - w), min(n, i + w + 1)
            for c in learned._WINDOW_IDX:
                total = 0.0
                for j in range(a, b):
                    total += own[j][c]
                assert v[k] == pytest.approx((total - own[i][c]) / (b - a - 1))
                k += 1


def test_lexicon_words_are_lowered_runs_of_word_characters() -> None:
    from boilerstrip.classify import lexicon

    assert lexicon.words("Posted by Anna, 12 March 2009 (a_b)") == [
        "posted", "by", "anna", "12", "march", "2009", "a_b",
    ]
    assert lexicon.words("Ελλάδα: Αθήνα") == ["ελλάδα", "αθήνα"]
    assert lexicon.words("") == []
    # a long block is read for its first MAX_CHARS characters
    assert len(lexicon.words("word " * 1000)) == lexicon.MAX_CHARS // 5


def test_lexicon_columns_by_definition() -> None:
    from boilerstrip.classify import lexicon

    weights = lexicon.Lexicon({"words": {"reply": -2.0, "share": -1.0, "said": 1.0, "which": 0.5}})
    texts = ["Reply Share", "He said which", "", "Share this, he said which was odd reply"]
    cols = lexicon.columns(texts, weights)
    width = len(lexicon.NAMES)
    rows = [list(cols[i * width : (i + 1) * width]) for i in range(len(texts))]
    # own mean, mean of the first HEAD_WORDS words, lowest word
    assert rows[0][:3] == [-1.5, -1.5, -2.0]
    assert rows[1][:3] == [0.5, 0.5, 0.0]
    assert rows[2][:3] == [0.0, 0.0, 0.0]  # no words
    assert rows[3][:3] == [-1.5 / 8, 0.0, -2.0]
    # the block before and after
    assert (rows[0][3], rows[0][4]) == (0.0, 0.5)
    assert (rows[3][3], rows[3][4]) == (0.0, 0.0)
    # the window: every block within WINDOW, weighed by its words (a block without any weighs 1)
    sizes = [2, 3, 1, 8]
    means = [-1.5, 0.5, 0.0, -1.5 / 8]
    want = sum(m * n for m, n in zip(means, sizes, strict=True)) / sum(sizes)
    assert all(r[5] == pytest.approx(want) for r in rows)
    # a page without a lexicon (text dumps) reads 0 everywhere
    assert set(lexicon.columns(texts, None)) == {0.0}
    assert len(lexicon.columns([], weights)) == 0


def test_shipped_lexicon_leans_as_readers_do() -> None:
    from boilerstrip.classify import learned, lexicon

    lex = learned._models("html").get("lexicon")
    assert isinstance(lex, lexicon.Lexicon) and len(lex.words) > 1000
    for word in ("subscribe", "copyright", "reply", "newsletter"):
        assert lex.words[word] < -1.0, word
    for word in ("said", "which", "were", "their", "und", "der"):
        assert lex.words[word] > 1.0, word
    # the text model has none: its pages read 0 for the lexicon features
    assert "lexicon" not in learned._models("text")


def test_lexicon_features_reach_the_vectors() -> None:
    from boilerstrip.classify import lexicon

    doc = text_doc("Subscribe to our newsletter", PROSE)
    Density()(doc)
    MainRegion()(doc)
    weights = lexicon.Lexicon({"words": {"subscribe": -3.0, "newsletter": -2.0}})
    at = FEATURE_NAMES.index(lexicon.NAMES[0])
    assert FEATURE_NAMES[at:] == lexicon.NAMES
    got = vectors(doc, weights)
    assert got[0][at : at + 3] == [-5.0 / 4, -5.0 / 4, -3.0]
    assert got[1][at + 3] == -5.0 / 4  # the block before
    assert vectors(doc)[0][at:] == [0.0] * len(lexicon.NAMES)
    assert [v[:at] for v in got] == [v[:at] for v in vectors(doc)]


def test_tree_model_runs_in_plain_python() -> None:
    # One stump: feature 0 <= 0.5 -> -2.0 else +2.0.
    spec = {"type": "trees", "features": ["a"], "base": 0.0, "trees": [[[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, -2.0], [-1, 0, 0, 0, 2.0]]]}
    m = Model(spec)
    lo, hi = m.predict([[0.0], [1.0]])
    assert lo < 0.2 < 0.8 < hi


def test_logistic_model() -> None:
    m = Model({"type": "logistic", "features": ["a", "b"], "weights": [1.0, -1.0], "bias": 0.0})
    assert m.predict([[0.0, 0.0]]) == [0.5]


def test_learned_step_labels_prose_article() -> None:
    step = LearnedArticle()
    assert step.available("html")
    # frames: 0 body, 1 nav (2, 3 its items), 4 article (5, 6 its paragraphs)
    doc = Doc(kind="html", parent=[-1, 0, 1, 1, 0, 4, 4],
              frame_cues=[0, P.NAV, 0, 0, P.BODY | P.CONTENT, 0, 0])
    for text, frame, cues, link in (
        ("Home", 2, P.NAV, True), ("World news", 3, P.NAV, True),
        (PROSE, 5, P.BODY | P.CONTENT, False), (PROSE2, 6, P.BODY | P.CONTENT, False),
    ):
        s = Segment(text=text, source="/x", tag="li" if link else "p", frame=frame, cues=cues, near_cues=cues)
        s.link_chars = len(text) if link else 0
        doc.segments.append(s)
    compute(doc)
    Density()(doc)
    MainRegion()(doc)
    step(doc)
    assert [s.label for s in doc.segments] == [None, None, Label.ARTICLE, Label.ARTICLE]
    assert all(0.0 <= s.p_article <= 1.0 for s in doc.segments)


def test_a_text_caption_led_by_its_repeated_alt_text() -> None:
    # w3m and lynx print an image's alt text inline, right before the caption that repeats it.
    doc = text_doc(
        PROSE,
        "Damage in Homs. 7 March 2013 Damage in Homs. 7 March 2013 The conflict has caused "
        "destruction in large parts of Syria's cities, like here in Homs",
        PROSE2,
    )
    Density()(doc)
    for s in doc.segments:
        s.in_region = True
        s.label = Label.ARTICLE
    Captions()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE, Label.CAPTION, Label.ARTICLE]


def test_markdown_heading_marks_and_lynx_link_numbers_are_taken_off() -> None:
    from boilerstrip.segment_text import segment_text

    doc = Doc(kind="text")
    segment_text(
        "# Syria crisis: Russia won't pressure Assad\n\n##No space, no heading\n\n"
        "  * [12]rate this\n\nA fact.[1] And [2] a note.\n",
        doc,
    )
    assert [s.text for s in doc.segments] == [
        "Syria crisis: Russia won't pressure Assad", "##No space, no heading", "rate this",
        "A fact.[1] And [2] a note.",
    ]


# --- context stage --------------------------------------------------------------------------


def test_context_own_features_are_the_first_stage_values(monkeypatch: pytest.MonkeyPatch) -> None:
    from boilerstrip.classify import learned, stacked

    doc = text_doc("Home", PROSE, "Posted on 12 May 2011", PROSE2, "* More news", "Copyright 2015 Example")
    Density()(doc)
    MainRegion()(doc)
    whole = vectors(doc)
    idx = [FEATURE_NAMES.index(name) for name in stacked.OWN]
    own = learned.context_own(doc.segments, 0, len(doc.segments))
    assert own == [tuple(v[j] for j in idx) for v in whole]
    assert learned.context_own(doc.segments, 2, 4) == own[2:4]


def test_context_own_features_are_the_first_stage_values_in_html() -> None:
    # The HTML context stage is trained on columns of the first stage's vectors and run on
    # context_own's values: an HTML page's blocks must give the same numbers.
    from boilerstrip.classify import learned, stacked
    from boilerstrip.pipeline import prepare

    html = (
        "<html><body><ul><li><a href='/'>Home</a></li><li><a href='/n'>News</a></li></ul>"
        f"<article><h1>Bridge opens</h1><p class='date'>Posted on 12 May 2011</p><p>{PROSE}</p>"
        f"<p>{PROSE2}</p></article><footer><p>Copyright 2015 Example</p></footer></body></html>"
    )
    doc, _ = prepare(html, kind="html")
    Density()(doc)
    CommentSection()(doc)
    MainRegion()(doc)
    idx = [FEATURE_NAMES.index(name) for name in stacked.OWN]
    own = learned.context_own(doc.segments, 0, len(doc.segments))
    assert len(own) >= 6
    assert own == [tuple(v[j] for j in idx) for v in vectors(doc)]


def test_html_context_mixes_the_two_stages_and_keeps_a_page_it_would_empty() -> None:
    from array import array

    from boilerstrip.classify import learned

    share = learned.HTML_CONTEXT_SHARE
    pa = array("d", [0.9, 0.3, 0.6])
    px = array("d", [0.7, 0.8, 0.2])
    got = learned._html_context(pa, px)
    assert list(got) == pytest.approx([a + share * (x - a) for a, x in zip(pa, px)])
    # a page whose one article block the context stage doubts keeps the first stage's verdict
    lone = array("d", [0.55, 0.1])
    assert learned._html_context(lone, array("d", [0.05, 0.1])) is lone
    # where neither stage finds an article block, the mix stands (nothing to keep)
    none = array("d", [0.2, 0.1])
    assert list(learned._html_context(none, array("d", [0.4, 0.0]))) == pytest.approx(
        [0.2 + share * 0.2, 0.1 - share * 0.1]
    )
    assert len(learned._html_context(array("d"), array("d"))) == 0


def test_context_rows_do_not_depend_on_the_chunks() -> None:
    from boilerstrip.classify import stacked

    p = [0.1, 0.9, 0.45, 0.8, 0.2, 0.05, 0.7, 0.3, 0.95, 0.1, 0.6]
    chars = [10, 400, 30, 250, 12, 8, 180, 40, 500, 6, 90]
    own = [[float(i)] * len(stacked.OWN) for i in range(len(p))]
    pc = [0.5 * x for x in reversed(p)]
    page = stacked.ContextPage(p, chars, pc)
    whole = page.rows(0, own)
    assert len(whole) == len(p) and all(len(v) == len(stacked.NAMES) for v in whole)
    for size in (1, 2, 3, 5):
        got = [v for lo in range(0, len(p), size) for v in page.rows(lo, own[lo : lo + size])]
        assert got == whole


def test_context_rows_read_the_neighbours_and_the_best_span() -> None:
    from boilerstrip.classify import stacked

    # a menu (low), the article (high, with one doubtful block inside), a sidebar (low)
    p = [0.1, 0.1, 0.9, 0.4, 0.9, 0.8, 0.1, 0.2]
    chars = [8, 10, 300, 40, 280, 200, 20, 30]
    pc = [0.0, 0.0, 0.0, 0.0, 0.1, 0.2, 0.9, 0.3]  # a comment after the article
    page = stacked.ContextPage(p, chars, pc)
    rows = page.rows(0, [[0.0] * len(stacked.OWN) for _ in p])
    col = {name: k for k, name in enumerate(stacked.NAMES)}
    assert page.span == (2, 5)
    assert [r[col["in_span"]] for r in rows] == [0, 0, 1, 1, 1, 1, 0, 0]
    doubt = rows[3]
    assert doubt[col["p_prev1"]] == 0.9 and doubt[col["p_next1"]] == 0.9
    assert doubt[col["gap_before"]] == doubt[col["gap_after"]] == pytest.approx(math.log1p(1))
    assert rows[0][col["p_prev1"]] == stacked.MISSING
    assert rows[0][col["sure_before"]] == 0.0 and rows[7][col["sure_after"]] == 0.0
    # the window mean is weighted by length: the long article blocks outweigh the short ones
    assert doubt[col["p_win1"]] > 0.8
    assert rows[0][col["gap_before"]] == pytest.approx(math.log1p(stacked.FAR))
    # the comment probability, and the highest one so far (a comment section runs on)
    assert [r[col["c"]] for r in rows] == pc
    assert [r[col["c_max_so_far"]] for r in rows] == [0, 0, 0, 0, 0.1, 0.2, 0.9, 0.9]


# --- data rows ------------------------------------------------------------------------------


def assert_drops_in_text_only(step: Classifier, line: str) -> None:
    """``line`` between two article paragraphs loses the ARTICLE label in text, not in HTML."""
    for kind, expected in (("text", None), ("html", Label.ARTICLE)):
        doc = Doc(kind=kind)
        for t in (PROSE, line, PROSE2):
            s = Segment(text=t, source="lines 1-1", tag="line")
            s.label = Label.ARTICLE
            doc.segments.append(s)
        step(doc)
        assert [s.label for s in doc.segments] == [Label.ARTICLE, expected, Label.ARTICLE]


def test_data_rows_are_short_cells_between_pipes() -> None:
    from boilerstrip.classify.datarows import is_data_row

    assert is_data_row("|Korkeushyppy||Duncan McNaughton||197|")
    assert is_data_row("| Fyn | 17 | 1.42 |")
    assert not is_data_row("|Lyhytelokuvat (ohjaus)|")  # one cell: a framed line
    assert not is_data_row("||Posted: Thu Nov 10, 2011 11:36 am Post subject: | |")
    assert not is_data_row("|Isn't it possible to encrypt partitions without lvm2? | yes |")
    assert not is_data_row("Home | News | Sport")  # not framed: a menu line, left to the model
    assert not is_data_row(f"|{PROSE}||2011|")


def test_data_rows_lose_the_article_label_in_text_only() -> None:
    from boilerstrip.classify.datarows import DataRows

    assert_drops_in_text_only(DataRows(), "|Ellen Braumüller||43,49|")


def test_a_text_dump_comment_section_opens_at_its_header_or_count() -> None:
    from boilerstrip.classify.learned import _text_comments_open

    lines = [PROSE, PROSE2, "{ 53 comments… read them below or add one }", "Tim 11.06.12 at 11:06 am", PROSE]
    assert _text_comments_open(text_doc(*lines).segments) == 2
    assert _text_comments_open(text_doc(PROSE, "13 comments:", PROSE2).segments) == 1
    assert _text_comments_open(text_doc(PROSE, "Leave a reply", PROSE2).segments) == 1
    # a sentence that mentions comments is no header; nothing opens a section here
    said = "The minister said that 40 comments from readers had reached the council before the vote on the bridge."
    doc = text_doc(PROSE, said, PROSE2)
    assert _text_comments_open(doc.segments) == 3
    doc.segments[2].label = Label.COMMENT  # the comment rules found one ("Comment number 1.")
    assert _text_comments_open(doc.segments) == 2


def test_placeholder_lines_lose_the_article_label_in_text_only() -> None:
    from boilerstrip.classify.placeholders import Placeholders, is_placeholder_line

    assert is_placeholder_line("[istock_000005897908]")
    assert is_placeholder_line("[James-Holme] [AP271790885]   [obama-auror]")
    assert is_placeholder_line("[                    ] [Search]")
    assert is_placeholder_line("____________________ (BUTTON)")  # lynx: a field and a button
    assert is_placeholder_line("_" * 900)  # lynx's rule (<hr>)
    # lynx writes an ad frame's whole address in brackets (nytimes.com's blogs)
    assert is_placeholder_line("[post&posall=XXL,AdShareData,PushDown," + "Left1,Left2," * 30 + "]")
    assert not is_placeholder_line("[" + "a long note in brackets " * 5 + "]")
    assert not is_placeholder_line("Tutkimus[muokkaa | muokkaa wikitekstiä]")  # a heading
    assert not is_placeholder_line("Nickname: ____________________")
    # w3m: an embedded player or Flash movie
    assert is_placeholder_line("embed(http://www.youtube.com/v/_QxvNtgakHc?version=3&hl=en_US)")
    assert not is_placeholder_line("Paste the embed(url) code into your page.")
    # lynx: an inline frame, by its address or its name
    assert is_placeholder_line("IFRAME: http://www.facebook.com/plugins/like.php?href=x&show=1")
    assert is_placeholder_line("IFRAME: frame1\nIFRAME: FeaturedVideoFrame\nFRAME: main")
    assert not is_placeholder_line("The iframe: a frame inside the page")
    assert not is_placeholder_line("[Photo] The bridge at dawn, seen from the old town.")
    assert not is_placeholder_line(PROSE)
    assert_drops_in_text_only(Placeholders(), "[nwo_peterson_trial_120731_w]")
    # lynx's first line, for the page's <link> elements; not a Markdown heading, nor a later line
    for first, dropped in (("   #publisher alternate alternate", True),
                           ("#home copyright Mozilla Hacks Comments Feed", True),
                           ("# A Markdown heading", False), ("## Another", False)):
        doc = text_doc(first, PROSE, "#hashtag in the middle")
        for seg in doc.segments:
            seg.label = Label.ARTICLE
        Placeholders()(doc)
        assert (doc.segments[0].label is None) == dropped, first
        assert doc.segments[2].label is Label.ARTICLE


# --- recipes (text: a recipe's ingredient lines) ---------------------------------------------------


def test_a_dumps_ingredient_lines_near_the_story_are_article() -> None:
    from boilerstrip.classify.recipes import IngredientLists

    lines = ("2 cups flour", "1 teaspoon baking soda", "\u00bd cup sugar, divided", "- 1 large egg",
             "200 g Mehl", "2 EL Zucker")
    doc = text_doc(PROSE, "Ingredients", *lines, PROSE2)
    doc.segments[0].label = doc.segments[-1].label = Label.ARTICLE
    IngredientLists()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE, None] + [Label.ARTICLE] * 6 + [
        Label.ARTICLE
    ]
    # two such lines are no list; a line that only opens like one is left as the model decided
    doc = text_doc(PROSE, "2 cups flour", "3 large ships sailed in.", "Share this", PROSE2)
    doc.segments[0].label = doc.segments[-1].label = Label.ARTICLE
    IngredientLists()(doc)
    assert [s.label for s in doc.segments[1:4]] == [None, None, None]
    # far from the story (a sidebar's shopping list), in a comment, or in HTML: left alone
    doc = text_doc(PROSE, *(["Menu"] * 40), *lines)
    doc.segments[0].label = Label.ARTICLE
    IngredientLists()(doc)
    assert all(s.label is None for s in doc.segments[1:])
    doc = text_doc(PROSE, *lines, PROSE2)
    doc.segments[0].label = doc.segments[-1].label = Label.ARTICLE
    doc.segments[1].label = Label.COMMENT
    doc.kind = "html"  # type: ignore[assignment]
    IngredientLists()(doc)
    assert [s.label for s in doc.segments[1:3]] == [Label.COMMENT, None]


# --- forum threads (text: the model's comments among a thread's posts) -----------------------------


def _thread_doc(labels: str, header: str | None = None) -> Doc:
    """A dump whose blocks are posts (prose of 20 words) labelled by ``labels`` ("a" article, "c"
    the learned step's comment), with an optional comment header line first."""
    post = "I think the duels are fairly lifeless most of the time, and the final one is a major disappointment to me."
    lines = ([header] if header else []) + [post] * len(labels)
    doc = text_doc(*lines)
    for s, k in zip(doc.segments[1:] if header else doc.segments, labels, strict=True):
        s.label, s.by = (Label.ARTICLE, "learned") if k == "a" else (Label.COMMENT, "learned")
        if k == "c":
            s.comment = 0
    return doc


def test_a_threads_posts_split_by_the_model_are_all_article() -> None:
    from boilerstrip.classify.forum import ForumThreads

    doc = _thread_doc("aacacacacaac")  # posts that take turns: a thread
    ForumThreads()(doc)
    assert all(s.label is Label.ARTICLE and s.comment is None for s in doc.segments)
    # a story and its comment section after it; the same with a header that opens it; a section
    # that a header opened (its blocks are the comment step's); and HTML: left alone
    for doc in (_thread_doc("aaaaaacccccc"), _thread_doc("aacacacacaac", "12 Comments")):
        ForumThreads()(doc)
        assert any(s.label is Label.COMMENT for s in doc.segments)
    doc = _thread_doc("aacacacacaac")
    doc.segments[2].by = "comments"
    ForumThreads()(doc)
    assert doc.segments[2].label is Label.COMMENT
    doc = _thread_doc("aacacacacaac")
    doc.kind = "html"  # type: ignore[assignment]
    ForumThreads()(doc)
    assert doc.segments[2].label is Label.COMMENT


# --- promos (text: cross-links, sign-up calls, post footers, credited captions) -------------------


def promos_doc(kind: str, line: str) -> Doc:
    """``line`` between two article paragraphs, all three labelled ARTICLE, features computed."""
    doc = text_doc(PROSE, line, PROSE2)
    doc.kind = kind  # type: ignore[assignment]
    for s in doc.segments:
        s.label = Label.ARTICLE
    return doc


def test_cross_links_sign_up_calls_and_post_footers_are_not_article_in_text() -> None:
    from boilerstrip.classify.promos import Promos

    for line in (
        "Lea también: Impiden ingreso a Nicaragua a reportero y camarógrafo estadounidense",
        "Czytaj też: Wyścig zbrojeń ruszył z kopyta",
        "Read more: Recognizing Germany colonial crimes: Work in progress",
        "Das könnte dich auch interessieren …",
        "Never miss the latest news by signing up to our newsletter today!",
        "PC Gamer Newsletter",
        "Start Receiving PR-inside.com News Headlines per email.",
        "Sign up for breaking news alerts by e-mail.",
        "Subscribe now to our eNATION edition for the full story.",
    ):
        # (in HTML only where the first stage doubted the block: here no model scored it)
        for kind, expected in (("text", None), ("html", Label.ARTICLE)):
            doc = promos_doc(kind, line)
            Promos()(doc)
            assert [s.label for s in doc.segments] == [Label.ARTICLE, expected, Label.ARTICLE], line
    for line in (
        "This entry was posted in Allgemein. Bookmark the permalink.",
        "Gefällt mir Wird geladen...",
        "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone.",
        "A version of this article appeared in print on July 24, 2012, on page A1 of the New York "
        "edition with the headline: Bridge to Open in Spring.",
        "TrackBack URL for this entry:",
        "Previous post: Nine steps to transform yourself into a river",
        "Next Post: What Happened to All Those People",
        "Comments are now closed on Letters of Note.",
        "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Neat "
        "Stuff, Robot Art. You can follow any responses to this entry through the RSS 2.0 feed.",
        "You can follow any responses to this entry through the RSS 2.0 feed. You can leave a "
        "response, or trackback from your own site.",
        "RSS feed for comments on this post. TrackBack URI",
        "« Romney Assesses the Motor Vehicle Sector | Main | Romney/Ryan on FEMA and NOAA »",
        "Main | Chads Choice Webcast Sept 27th, presentation and recording »",
        "« What do you do when they don't understand? | Blog Home | Competition as a crutch »",
        "Feed You can follow this conversation by subscribing to the comment feed for this post.",
        "http://www.typepad.com/services/trackback/6a00e552e53bd28833017c32276d86970b",
        "This entry was posted on Monday, October 15th, 2012 at 4:48 pm and posted in Life.",
        "Email ThisBlogThis!Share to TwitterShare to Facebook",
        "Story continues Continue story",
        "Story continues below advertisement",
        # a notice for readers without scripts or plug-ins
        "JavaScript is required to view our full story experience. Please enable JavaScript in "
        "your browser preferences.",
        "Get the Flash Player to see this player.",
        "Sorry, but your browser needs Javascript to use this site.",
    ):
        # a post footer or a script notice: in HTML too, whatever the model thought of it
        for kind in ("text", "html"):
            doc = promos_doc(kind, line)
            Promos()(doc)
            assert [s.label for s in doc.segments] == [Label.ARTICLE, None, Label.ARTICLE], line


def test_prose_that_mentions_newsletters_links_or_photos_stays_article() -> None:
    from boilerstrip.classify.promos import Promos

    for line in (
        "The main | thing is to keep calm »",  # ("main" opens a neighbouring-post line only)
        "Remain seated | please »",
        "Trackback",  # (a dragnet gold keeps a lone "trackback" line)
        "Home is where the heart is | and the heart is here »",
        "The story continues to unfold in Paris, where the talks resumed on Monday.",
        "The library requires JavaScript 1.8 and runs in any browser that supports it.",
        "This post was posted on Reddit, where it drew a thousand replies.",
        # a newsletter, but no call to sign up (talent.ch)
        "Christine hat sich bereit erklärt, wieder regelmässig einen Newsletter für Talent zu verfassen.",
        "Lea Müller hat das Rennen gewonnen.",  # "Lea" is a name: a cross-link needs its colon
        "Die Arbeitslosenquote stieg im Mai um zwei Prozent (Quelle: Statistisches Bundesamt).",
        "Wie in Abbildung 3 zu sehen ist, steigt die Kurve im Winter deutlich an (Abbildung 3).",
        PROSE,
    ):
        doc = promos_doc("text", line)
        Promos()(doc)
        assert doc.segments[1].label is Label.ARTICLE, line


def test_credited_and_twice_told_captions_become_captions_in_text() -> None:
    from boilerstrip.classify.promos import Promos, is_told_twice

    for line in (
        "Corona-Alarmstufe droht: Was bedeutet das für den Sport? (Foto: dpa Bildfunk)",
        "Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).",
        "Praca w magazynie, zdjęcie ilustracyjne / Źródło: Pixabay",
        # lynx: an image's alt text, then its caption saying the same
        "Janet Barboza contó la historia de un flan. Janet Barboza contó la historia de un flan.",
    ):
        doc = promos_doc("text", line)
        Promos()(doc)
        assert doc.segments[1].label is Label.CAPTION, line
    lorem = "Lorem ipsum dolor sit amet, consetetur sadipscing elitr. " * 3
    assert not is_told_twice(one(lorem))  # said three times: prose that repeats itself
    assert not is_told_twice(one("Hi hi hi hi. Hi hi hi hi. And then the long story went on and on."))
    assert is_told_twice(one("Der Anwalt ist beeindruckt. Der Anwalt ist beeindruckt. Foto: X"))


def _claimed(text: str, label: Label, by: str, cues: int = 0) -> Segment:
    s = Segment(text=text, source="/x", tag="p", cues=cues, near_cues=cues)
    s.words = float(len(text.split()))
    s.label, s.by = label, by
    return s


def test_story_goes_on_takes_back_model_comments_inside_the_story() -> None:
    """A block the comment model claimed with a paragraph of story after it is the story's, also
    under a comment-marked wrapper the markup rule rejected; a block the markup rule labelled, or
    a claim with no story after it, stays a comment."""
    from boilerstrip.classify import learned

    by = LearnedArticle.name
    segs = [
        _claimed(PROSE, Label.ARTICLE, by, P.COMMENT | P.BODY),
        _claimed("Color: stores use red labels to make prices look low.", Label.COMMENT, by,
                 P.COMMENT | P.BODY),  # under the page-wide wrapper the markup rule rejected
        _claimed("Scents: upbeat music makes you linger.", Label.COMMENT, by),  # no markup
        _claimed(PROSE2 + " " + PROSE, Label.ARTICLE, by, P.COMMENT | P.BODY),
        _claimed("Great article, thanks!", Label.COMMENT, "CommentSection", P.COMMENT),
        _claimed("I disagree with the second point.", Label.COMMENT, by),  # nothing after it
    ]
    pa = [0.9, 0.8, 0.3, 0.95, 0.2, 0.1]
    learned._story_goes_on(segs, pa, by)
    assert [s.label for s in segs] == [
        Label.ARTICLE, Label.ARTICLE, None, Label.ARTICLE, Label.COMMENT, Label.COMMENT,
    ]
    assert segs[1].score == pytest.approx(0.8)


def test_sections_the_comment_model_claims_without_a_reader_are_the_story() -> None:
    """The comment model's claim holding two section headings and no sign of a reader (no comment
    markup, no author or date line, no comment header) is the story's last sections: article
    where the two models together reach the threshold. A claim with a byline line, or with one
    heading only, stays a thread."""
    from boilerstrip.classify import learned

    by = LearnedArticle.name

    def page(meta_line: str | None, headings: int = 2) -> list[Segment]:
        segs = [_claimed(PROSE, Label.ARTICLE, by)]
        for k in range(headings):
            h = _claimed(f"Extending the framework part {k}", Label.COMMENT, by)
            h.heading = 2
            segs += [h, _claimed(PROSE2, Label.COMMENT, by)]
        if meta_line is not None:
            segs.append(_claimed(meta_line, Label.COMMENT, by))
        return segs

    segs = page(None)
    pa, pc = [0.9, 0.3, 0.2, 0.4, 0.1], [0.0, 0.6, 0.7, 0.5, 0.2]
    learned._sections_are_no_thread(segs, pa, pc, by)
    assert [s.label for s in segs] == [Label.ARTICLE, Label.ARTICLE, Label.ARTICLE, Label.ARTICLE,
                                       None]
    assert all(s.comment is None for s in segs[1:])
    signed = page("Posted by: Andrew | Mar 26, 2007 2:00:18 PM")
    learned._sections_are_no_thread(signed, [0.1] * 6, [0.9] * 6, by)
    assert [s.label for s in signed[1:]] == [Label.COMMENT] * 5
    one = page(None, headings=1)
    learned._sections_are_no_thread(one, [0.1] * 3, [0.9] * 3, by)
    assert [s.label for s in one[1:]] == [Label.COMMENT] * 2


# --- doubtful blocks a page takes (HTML) -----------------------------------------------------


def _worded(*words: float) -> list[Segment]:
    """Blocks of the given word counts (only ``words`` is read by ``take_doubtful``)."""
    segs = []
    for i, w in enumerate(words):
        s = Segment(text=f"block {i}", source=f"/p[{i + 1}]", tag="p")
        s.words = w
        segs.append(s)
    return segs


def test_a_page_the_model_is_sure_of_takes_no_doubtful_block() -> None:
    from boilerstrip.classify import learned

    segs = _worded(120, 80, 5, 30)
    # the story is sure; a 5-word line at 0.4 between its paragraphs is not worth the doubt here
    assert learned.take_doubtful(segs, [0.99, 0.98, 0.4, 0.01], [0.0] * 4) == set()


def test_a_doubted_story_takes_its_doubted_paragraphs() -> None:
    from boilerstrip.classify import learned

    segs = _worded(40, 60, 50, 40, 200)
    # the model doubts the whole story (0.45-0.6), and a long sidebar after it is unlikely
    pa = [0.6, 0.45, 0.3, 0.55, 0.05]
    assert learned.take_doubtful(segs, pa, [0.0] * 5) == {1, 2}
    # where much of what the page may hold lies outside the story (a long block at 0.15 after
    # it), a block at 0.2 adds too little recall for the precision it costs; one at 0.45 does not
    segs[4].words = 2000
    pa[2], pa[4] = 0.2, 0.15
    assert learned.take_doubtful(segs, pa, [0.0] * 5) == {1}


def test_a_thread_after_the_story_is_not_weighed_block_by_block() -> None:
    from boilerstrip.classify import learned

    # a short sure story, then comment-like blocks at 0.3-0.45 that the comment model does not
    # claim (in or out together), and one doubted line inside the story
    segs = _worded(15, 40, 60, *([30] * 12))
    pa = [0.7, 0.45, 0.6] + [0.45, 0.3] * 6
    assert learned.take_doubtful(segs, pa, [0.1] * 15) == {1}


def test_a_page_without_a_sure_block_takes_its_likeliest() -> None:
    from boilerstrip.classify import learned

    segs = _worded(3, 40, 25, 30)
    # a short post the model doubts from end to end: what is over the floor comes in
    floor = learned.PAGE_FLOOR
    assert learned.take_doubtful(segs, [floor / 2, 0.45, 0.4, 0.25], [0.0] * 4) == {1, 2, 3}
    # but where most of what the page may hold is in a long block under the floor, a short line
    # at the floor brings too little of it for the precision it costs
    segs[2].words, segs[3].words = 2000, 5
    assert learned.take_doubtful(segs, [0.02, 0.45, floor * 0.8, floor], [0.0] * 4) == {1}
    # nothing at or over the floor: nothing to take
    assert learned.take_doubtful(
        segs, [floor / 2, floor / 4, floor / 2, floor / 10], [0.0] * 4
    ) == set()


def _in_frames(segs: list[Segment], frames: list[int]) -> None:
    """Give the blocks their elements (indices into a ``Doc.parent`` list the test builds)."""
    for s, f in zip(segs, frames, strict=True):
        s.frame = f


def test_the_story_s_last_siblings_are_weighed() -> None:
    from boilerstrip.classify import learned

    # frames: 0 the page, 1 the story's element (parent 0), 2-5 its paragraphs (children of 1),
    # 6 a sidebar (child of 0) holding 7
    parent = [-1, 0, 1, 1, 1, 1, 0, 6]
    segs = _worded(60, 80, 12, 15, 40)
    _in_frames(segs, [2, 3, 4, 5, 7])
    pa = [0.9, 0.8, 0.45, 0.4, 0.3]
    # the story's last two paragraphs, doubted, come after its last sure block: siblings of it, they
    # are weighed; the sidebar's block is not (nor is anything without the page's elements)
    assert learned.take_doubtful(segs, pa, [0.0] * 5, parent) == {2, 3}
    assert learned.take_doubtful(segs, pa, [0.0] * 5) == set()
    # the walk stops at a block the comment model suspects, even one it does not claim
    pc = [0.0, 0.0, 0.0, learned.SIBLING_COMMENT_CUT, 0.0]
    assert learned.take_doubtful(segs, pa, pc, parent) == {2}


def test_a_heading_beside_the_only_sure_heading_comes_in() -> None:
    from boilerstrip.classify import learned

    # a page of two headings in one element (a test page of images between them), one at 0.51
    parent = [-1, 0, 1, 1]
    segs = _worded(3, 3)
    _in_frames(segs, [2, 3])
    assert learned.take_doubtful(segs, [0.51, 0.44], [0.0] * 2, parent) == {1}
    # and the run goes backwards too: a doubted first paragraph before the first sure one
    assert learned.take_doubtful(segs, [0.44, 0.51], [0.0] * 2, parent) == {0}


def test_take_doubtful_skips_blocks_the_comment_model_claims() -> None:
    from boilerstrip.classify import learned

    segs = _worded(40, 60, 50, 40)
    pa = [0.6, 0.3, 0.45, 0.55]
    pc = [0.0, 0.9, 0.0, 0.0]  # the 0.3 block is a comment: it neither comes in nor counts
    assert learned.take_doubtful(segs, pa, pc) == {2}


def test_a_one_word_block_does_not_stretch_the_story() -> None:
    from boilerstrip.classify import learned

    # two story paragraphs and a doubted line between them, then a thread the comment model does
    # not claim, then a comment-score widget's digit at 0.6 ("0"): the digit is too short to mark
    # where the story ends, so the thread is not weighed
    segs = _worded(40, 20, 40, 30, 30, 1)
    pa = [0.9, 0.45, 0.9, 0.4, 0.4, 0.6]
    assert learned.take_doubtful(segs, pa, [0.0] * 6) == {1}
    segs[5].words = 3  # a block of 3 words does mark it
    assert learned.take_doubtful(segs, pa, [0.0] * 6) == {1, 3, 4}


def _doubtful_as_written(segs: list[Segment], pa: list[float], pc: list[float]) -> set[int]:
    """``take_doubtful``'s rule read plainly: a tuple per doubtful block, sorted."""
    from boilerstrip.classify import learned

    expected_all = kept_p = kept_w = 0.0
    sure: list[int] = []
    doubtful: list[tuple[float, float, int]] = []
    for i, (s, a, c) in enumerate(zip(segs, pa, pc, strict=True)):
        if c >= learned.COMMENT_THRESHOLD:
            continue
        w = max(s.words, 1.0)
        expected_all += a * w
        if a >= learned.ARTICLE_THRESHOLD:
            kept_p, kept_w = kept_p + a * w, kept_w + w
            if s.words >= learned.SPAN_MIN_WORDS:
                sure.append(i)
        elif a >= learned.PAGE_FLOOR:
            doubtful.append((a, w, i))
    if sure:
        doubtful = [x for x in doubtful if sure[0] < x[2] < sure[-1]]
    if not doubtful or (kept_w and 2 * kept_p / (kept_w + expected_all) >= learned.PAGE_SURE):
        return set()
    doubtful.sort(reverse=True)
    best = (kept_p / kept_w if kept_w else 0.0) + learned.RECALL_WEIGHT * kept_p / expected_all
    n = 0
    for k, (a, w, _) in enumerate(doubtful, 1):
        kept_p, kept_w = kept_p + a * w, kept_w + w
        promise = kept_p / kept_w + learned.RECALL_WEIGHT * kept_p / expected_all
        if promise > best:
            best, n = promise, k
    return {i for _, _, i in doubtful[:n]}


def test_take_doubtful_orders_ties_as_its_rule_reads() -> None:
    import random

    from boilerstrip.classify import learned

    # random pages with many equal probabilities and word counts, where the cut often falls
    # among equals: the likelier block first, then the longer, then the later
    cuts = 0
    for seed in range(200):
        rng = random.Random(seed)
        n = rng.randint(5, 120)
        segs = _worded(*(rng.choice([0.5, 1, 2, 3, 5, 8, 40]) for _ in range(n)))
        pa = [rng.choice([0.9, 0.6, 0.45, 0.3, 0.3, 0.25, 0.21, 0.1]) for _ in range(n)]
        pc = [rng.choice([0.0, 0.0, 0.0, 0.7]) for _ in range(n)]
        got = learned.take_doubtful(segs, pa, pc)
        assert got == _doubtful_as_written(segs, pa, pc)
        cuts += 0 < len(got) < sum(1 for a, c in zip(pa, pc) if 0.2 <= a < 0.5 and c < 0.5)
    assert cuts > 50


# --- a signed comment thread the markup did not mark (HTML) ----------------------------------


def _thread_page(signatures: int, label: Label | None = Label.ARTICLE) -> list[Segment]:
    """A story of two paragraphs, a "Comments" header, then ``signatures`` comments each followed
    by its TypePad-style signed line, all labelled ``label`` (the story is article)."""
    lines = [PROSE, PROSE2, "Comments"]
    words = [
        "Wow, that is terrible news, and I hope the police find whoever did this soon.",
        "I have read this blog for years and this is the saddest post I have seen here.",
        "Hang in there, we are all behind you and we want to keep reading what you write.",
        "This is exactly why so many people stop writing online, and it is a real loss.",
    ]
    names = ["Andrew", "Robby Russell", "Nicholas", "Trey"]
    for k in range(signatures):
        lines.append(words[k])
        lines.append(f"Posted by: {names[k]} | Mar 26, 2007 2:0{k}:18 PM")
    doc = text_doc(*lines)
    Density()(doc)
    for i, s in enumerate(doc.segments):
        s.label = Label.ARTICLE if i < 2 else label
    return doc.segments


def test_a_signed_thread_after_a_comment_header_becomes_comments() -> None:
    from boilerstrip.classify.comments import signed_thread

    segs = _thread_page(3)
    signed_thread(segs, 20, 14)
    assert [s.label for s in segs[:2]] == [Label.ARTICLE] * 2
    assert all(s.label is Label.COMMENT for s in segs[2:])


def test_a_signed_thread_under_an_add_comment_link_becomes_comments() -> None:
    from boilerstrip.classify.comments import signed_thread

    # theherald.co.uk (l3s-gn1): the thread's header is the link to the form, "Add Comment"
    segs = _thread_page(3)
    header = segs[2]
    header.text = "Add Comment"
    header.link_chars, header.link_density = header.chars, 1.0
    signed_thread(segs, 20, 14)
    assert [s.label for s in segs[:2]] == [Label.ARTICLE] * 2
    assert all(s.label is Label.COMMENT for s in segs[2:])
    # a linked comment count is still no header (a list of dated links under it is no thread)
    segs = _thread_page(3)
    segs[2].link_chars, segs[2].link_density = segs[2].chars, 1.0
    signed_thread(segs, 20, 14)
    assert all(s.label is Label.ARTICLE for s in segs)


def test_two_signed_lines_or_a_thread_the_article_did_not_take_stay_as_they_are() -> None:
    from boilerstrip.classify.comments import signed_thread

    segs = _thread_page(2)
    signed_thread(segs, 20, 14)  # two signatures are not yet a thread
    assert all(s.label is Label.ARTICLE for s in segs)
    segs = _thread_page(3, label=None)  # a sidebar's recent comments: not the page's text
    signed_thread(segs, 20, 14)
    assert all(s.label is None for s in segs[2:])
    segs = _thread_page(3)
    signed_thread(segs, 200, 14)  # no story before the header: nothing to tell the thread from
    assert all(s.label is Label.ARTICLE for s in segs)


def test_a_link_to_the_comments_or_a_tab_heads_no_thread() -> None:
    from boilerstrip.classify.comments import signed_thread

    # "View Comments" folds a thread out or leads to it: the bylines of a related-posts list
    # under it (a w3m dump of thoughtcatalog, dragnet R455) are no thread
    segs = _thread_page(3)
    segs[2].text = "View Comments"
    signed_thread(segs, 20, 14)
    assert all(s.label is Label.ARTICLE for s in segs)
    # a dump's "□ Comments" is a tab beside "□ Article" over the story (wsj.com, dragnet 509)
    segs = _thread_page(3)
    segs[2].bullet = "□"
    signed_thread(segs, 20, 14)
    assert all(s.label is Label.ARTICLE for s in segs)


def test_a_byline_that_counts_the_comments_opens_the_thread_and_stays_the_posts() -> None:
    from boilerstrip.classify.comments import signed_thread

    # Signal vs. Noise (dragnet R627): the post's byline ends in the count, the thread under it
    segs = _thread_page(3)
    segs[2].text = "Seen by Jason Fried on November 7 2012. There are 12 comments."
    signed_thread(segs, 20, 14)
    assert [s.label for s in segs[:3]] == [Label.ARTICLE] * 3
    assert all(s.label is Label.COMMENT for s in segs[3:])


def test_dated_links_under_a_comment_count_are_no_thread() -> None:
    from boilerstrip.classify.comments import signed_thread

    # a "Comments" count link, then the story's paragraphs, then a list of dated links to other
    # stories: no signed line is a link, so nothing here is a thread
    doc = text_doc(PROSE, PROSE2, "Comments", PROSE, PROSE2,
                   "11.11.12 Gift Guide: Explore Shakespeare iPad Apps",
                   "11.4.12 Gift Guide: Motorola Razr i", "10.28.12 Gift Guide: Kindle Fire HD")
    Density()(doc)
    segs = doc.segments
    for s in segs[5:]:
        s.link_chars, s.link_density = s.chars, 1.0
    for s in segs:
        s.label = Label.ARTICLE
    signed_thread(segs, 20, 14)
    assert all(s.label is Label.ARTICLE for s in segs)
    for s in segs[5:]:  # the same lines as plain text would be signed lines
        s.link_chars, s.link_density = 0, 0.0
    signed_thread(segs, 20, 14)
    assert [s.label for s in segs] == [Label.ARTICLE] * 2 + [Label.COMMENT] * 6


def test_a_list_of_posts_with_their_comment_counts_is_no_thread() -> None:
    from boilerstrip.classify.comments import signed_thread

    # a blog's front page: the first post, then more posts, each signed and with its own
    # (unlinked) comment count: the signed lines are the posts' bylines, not readers'
    lines = [PROSE, PROSE2, "3 Comments"]
    for k in range(4):
        lines += [f"Posted by Ann on March {k + 2}, 2007 10:00 AM", PROSE, f"{k + 1} Comments"]
    doc = text_doc(*lines)
    Density()(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
    signed_thread(doc.segments, 20, 14)
    assert all(s.label is Label.ARTICLE for s in doc.segments)


# --- data tables in the story ------------------------------------------------------------------


def _table_doc(
    cells: list[tuple[str, str, Label | None]],
    *,
    story_before: bool = True,
    link_cells: bool = False,
) -> Doc:
    """body (0) > div.story (1) > table (2) > tr (3) > one frame per cell (4...); a story paragraph
    before the table (or a short line) and one after it."""
    parent = [-1, 0, 1, 2] + [3] * len(cells) + [1]
    cues = [0, P.CONTENT, P.TABLE, 0] + [0] * len(cells) + [0]
    doc = Doc(kind="html", parent=parent, frame_cues=cues)
    segs = doc.segments
    segs.append(Segment(text=PROSE if story_before else "Share", source="/x", tag="p", frame=1))
    for k, (text, tag, _) in enumerate(cells):
        segs.append(Segment(text=text, source="/x", tag=tag, frame=4 + k, cues=P.TABLE,
                            link_chars=len(text) if link_cells else 0))
    segs.append(Segment(text=PROSE2, source="/x", tag="p", frame=len(parent) - 1))
    compute(doc)
    segs[0].label = Label.ARTICLE if story_before else None
    segs[-1].label = Label.ARTICLE
    for s, (_, _, label) in zip(segs[1:], cells, strict=False):
        s.label = label
    return doc


_FILMS = [
    ("Film", "th", None), ("Year", "th", None), ("Plot", "th", None),
    ("Groundhog Day", "th", None), ("1993", "td", None),
    ("A weatherman relives the same day in a small town until he learns to care for others.",
     "td", Label.ARTICLE),
    ("Source Code", "th", None), ("2011", "td", None),
    ("A soldier wakes up again and again in the last eight minutes of a commuter on a train.",
     "td", Label.ARTICLE),
]


def test_a_data_table_in_the_story_is_taken_whole() -> None:
    from boilerstrip.classify.tables import StoryTables

    doc = _table_doc(_FILMS)
    StoryTables()(doc)
    cells = doc.segments[1:-1]
    assert all(s.label is Label.ARTICLE for s in cells)
    taken = [s for s in cells if s.by == "story-tables"]
    assert [s.text for s in taken] == ["Film", "Year", "Plot", "Groundhog Day", "1993",
                                       "Source Code", "2011"]
    words = sum(s.words for s in cells)
    share = sum(s.words for s in cells if s.by != "story-tables") / words
    assert all(s.score == pytest.approx(share) for s in taken)


def test_tables_the_story_does_not_hold_are_left_alone() -> None:
    from boilerstrip.classify.tables import MIN_ARTICLE_SHARE, StoryTables

    def untouched(doc: Doc) -> bool:
        before = [s.label for s in doc.segments]
        StoryTables()(doc)
        return [s.label for s in doc.segments] == before

    # a layout table: no story before it (the page is the table)
    assert untouched(_table_doc(_FILMS, story_before=False))
    # a table of links (headlines, a menu laid out in cells)
    assert untouched(_table_doc(_FILMS, link_cells=True))
    # a table the article decision did not take a fair share of
    few = [(t, g, None) for t, g, _ in _FILMS[:-1]] + [("Plot", "td", Label.ARTICLE)]
    doc = _table_doc(few)
    cells = doc.segments[1:-1]
    assert sum(s.words for s in cells if s.label) < MIN_ARTICLE_SHARE * sum(s.words for s in cells)
    assert untouched(doc)
    # too few blocks, and a table of paragraphs rather than cells
    assert untouched(_table_doc(_FILMS[-3:]))
    assert untouched(_table_doc([(t, "p", lab) for t, _, lab in _FILMS]))
    # text dumps have no tables
    text = text_doc(PROSE, "| Film | Year |", PROSE2)
    assert untouched(text)


def test_a_table_nested_in_a_cell_is_a_table_of_its_own() -> None:
    from boilerstrip.classify.tables import StoryTables

    # body (0) > div.story (1) > table (2) > td (3) > table (4) > td (5-10); the outer table's
    # other cells (11-13) are a menu. Counted with the inner table's cells the outer one would
    # qualify; on their own its three menu cells are too few.
    parent = [-1, 0, 1, 2, 3] + [4] * 6 + [2] * 3
    cues = [0, P.CONTENT, P.TABLE, 0, P.TABLE] + [0] * 9
    doc = Doc(kind="html", parent=parent, frame_cues=cues)
    doc.segments.append(Segment(text=PROSE, source="/x", tag="p", frame=1))
    inner = ["Name", "Height", "Anna", "1.72", "Ben", PROSE2]
    for k, t in enumerate(inner):
        doc.segments.append(Segment(text=t, source="/x", tag="td", frame=5 + k, cues=P.TABLE))
    for k, t in enumerate(["Home", "About us", "Contact"]):
        doc.segments.append(Segment(text=t, source="/x", tag="td", frame=11 + k, cues=P.TABLE))
    compute(doc)
    doc.segments[0].label = doc.segments[6].label = Label.ARTICLE
    StoryTables()(doc)
    assert [s.label for s in doc.segments[1:7]] == [Label.ARTICLE] * 6
    assert [s.label for s in doc.segments[7:]] == [None] * 3


def test_cohort_features_read_the_other_blocks_of_the_same_slot() -> None:
    from boilerstrip.classify.cohort import ALONE, NAMES, Cohorts

    # Frames: 0 the story's <div class="content">, 1 a <ul class="related"> beside it, 2 and 3
    # its two <li> teasers; a third teaser sits in an <li> of another list (frame 4, no cue).
    doc = Doc(kind="html")
    doc.parent = [-1, -1, 1, 1, -1]
    doc.frame_cues = [P.CONTENT, P.RELATED, 0, 0, 0]
    story = [Segment(text=t, source="/x", tag="p", frame=0, depth=3) for t in (PROSE, PROSE2)]
    teasers = [
        Segment(text=t, source="/x", tag="li", frame=f, depth=4)
        for t, f in (("Bridge opens", 2), ("More on the bridge", 3), ("Weather today", 4))
    ]
    for s in teasers:
        s.link_chars = len(s.text)
    doc.segments = [*story, *teasers]
    compute(doc)
    co = Cohorts(doc)
    rows = co.columns(doc.segments, 0, len(doc.segments))
    vec = [list(rows[i * len(NAMES) : (i + 1) * len(NAMES)]) for i in range(len(doc.segments))]
    total = sum(s.words for s in doc.segments)
    # each story paragraph has the other for company: prose, no links
    assert vec[0][0] == pytest.approx(math.log1p(1))
    assert vec[0][1] == pytest.approx((story[0].words + story[1].words) / total)
    assert vec[0][2] == 0.0 and vec[0][4] == 1.0
    # the two teasers of the marked list are each other's cohort: all link
    assert vec[2][0] == pytest.approx(math.log1p(1)) and vec[2][2] == 1.0 and vec[3][2] == 1.0
    # the lone teaser of the unmarked list has no cohort
    assert vec[4][0] == 0.0 and vec[4][2:] == [ALONE] * 4
    # the learned vector holds them; a text dump's blocks get 0
    at = FEATURE_NAMES.index(NAMES[0])
    assert vectors(doc)[2][at : at + len(NAMES)] == vec[2]
    text = Doc(kind="text")
    text.segments = [Segment(text=PROSE, source="lines 1-1", tag="line")]
    compute(text)
    assert list(Cohorts(text).columns(text.segments, 0, 1)) == [0.0] * len(NAMES)


# --- asides ----------------------------------------------------------------------------------


def test_in_aside_reads_the_path_steps() -> None:
    from boilerstrip.classify.asides import in_aside
    from boilerstrip.paths import has_step, step_tag

    assert step_tag("div[3]") == "div" and step_tag("aside") == "aside"
    assert has_step("/html/body/div[2]/p", "div") and not has_step("/html/body/divx/p", "div")

    assert in_aside("/html/body/aside/div[2]/p")
    assert in_aside("/html/body/div/aside[3]/ul/li[1]")
    assert in_aside("/html/body/aside")
    assert not in_aside("/html/body/div[2]/p[3]")
    assert not in_aside("/html/body/asides/p")  # (no such tag, but not an aside either)
    assert not in_aside("lines 1-3")
    assert in_aside("/html/body/div/article/footer/p[2]")
    assert not in_aside("/html/body/div/header/p") and not in_aside("/html/body/nav/ul/li")


def _aside_doc(kind: str = "html") -> Doc:
    doc = Doc(kind=kind)  # type: ignore[arg-type]
    doc.segments = [
        Segment(text=PROSE, source="/html/body/main/p[1]", tag="p"),
        Segment(text=PROSE2, source="/html/body/aside/div/p", tag="p", cues=P.ASIDE),
        # a class-marked sidebar ("sidebar", "widget" classes) is left to the model
        Segment(text=PROSE2, source="/html/body/div[3]/p", tag="p", cues=P.ASIDE),
        Segment(text="Menu", source="/html/body/aside/ul/li", tag="li", cues=P.ASIDE),
        Segment(text="Filed under bridges, council.", source="/html/body/main/footer/p", tag="p",
                cues=P.FOOTER),
    ]
    compute(doc)
    for s in doc.segments:
        s.label, s.score = Label.ARTICLE, 0.8
    doc.segments[3].label = Label.NAVIGATION
    return doc


def test_asides_drop_article_blocks_inside_an_aside_element() -> None:
    from boilerstrip.classify.asides import MIN_OUTSIDE_WORDS, Asides

    doc = _aside_doc()
    # the story and the class-marked block: article words outside every <aside>
    assert doc.segments[0].words + doc.segments[2].words >= MIN_OUTSIDE_WORDS
    Asides()(doc)
    story, boxed, classed, menu, filed = doc.segments
    assert story.label is Label.ARTICLE and classed.label is Label.ARTICLE
    assert boxed.label is None and boxed.by == "asides" and boxed.score == 0.0
    assert filed.label is None  # (an article's <footer>)
    assert menu.label is Label.NAVIGATION  # (only article blocks are looked at)


def test_asides_keep_an_article_that_lives_in_its_aside() -> None:
    from boilerstrip.classify.asides import Asides

    # too little article text outside: the aside may be where the page keeps it
    doc = Doc(kind="html")
    doc.segments = [
        Segment(text="Short intro line.", source="/html/body/main/p", tag="p"),
        Segment(text=PROSE, source="/html/body/aside/p[1]", tag="p", cues=P.ASIDE),
        Segment(text=PROSE2, source="/html/body/aside/p[2]", tag="p", cues=P.ASIDE),
    ]
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
    Asides()(doc)
    assert all(s.label is Label.ARTICLE for s in doc.segments)
    # text documents are not looked at
    text = _aside_doc(kind="text")
    Asides()(text)
    assert text.segments[1].label is Label.ARTICLE


def _unshown_doc(shown_words: int = 60) -> Doc:
    """A story in frame 1 (body > main), a dialog in frame 2 hidden by its own markup, a slide in
    frame 4 whose ancestor (frame 3) is hidden, and a paragraph in frame 5 that holds a hidden
    inline element (the block's cues have the mark, its element and ancestors do not)."""
    doc = Doc(kind="html")
    hidden = P.HIDDEN | P.SHOWN_NONE
    doc.parent = [-1, 0, 0, 0, 3, 0]
    doc.frame_cues = [0, P.BODY, hidden, hidden, 0, 0]
    story = " ".join(["The council voted to rebuild the bridge."] * (shown_words // 7 + 1))
    doc.segments = [
        Segment(text=story, source="/html/body/main/p", tag="p", frame=1, cues=P.BODY),
        Segment(text=PROSE, source="/html/body/div[1]", tag="div", frame=2, cues=hidden),
        Segment(text=PROSE2, source="/html/body/div[2]/div", tag="div", frame=4, cues=hidden),
        Segment(text="A paragraph with a hidden tooltip in it, which is read.", tag="p",
                source="/html/body/p", frame=5, cues=hidden),
        # a class-marked hidden block (``hidden``, ``sr-only``) is left to the model
        Segment(text=PROSE2, source="/html/body/div[3]", tag="div", frame=0, cues=P.HIDDEN),
    ]
    compute(doc)
    for s in doc.segments:
        s.label, s.score = Label.ARTICLE, 0.8
    return doc


def test_unshown_drops_article_blocks_the_browser_does_not_render() -> None:
    from boilerstrip.classify.unshown import MIN_SHOWN_WORDS, Unshown

    doc = _unshown_doc()
    Unshown()(doc)
    story, dialog, slide, tooltip, classed = doc.segments
    assert story.words >= MIN_SHOWN_WORDS
    assert dialog.label is None and dialog.by == "unshown" and dialog.score == 0.0
    assert slide.label is None  # (hidden by an ancestor)
    assert tooltip.label is Label.ARTICLE and classed.label is Label.ARTICLE


def test_unshown_keeps_a_story_that_only_a_script_reveals() -> None:
    from boilerstrip.classify.unshown import MIN_SHOWN_WORDS, Unshown

    # too few shown article words: the hidden text may be the story itself
    doc = _unshown_doc(shown_words=0)
    doc.segments = doc.segments[1:4]
    assert sum(s.words for s in doc.segments if s.frame == 5) < MIN_SHOWN_WORDS
    Unshown()(doc)
    assert all(s.label is Label.ARTICLE for s in doc.segments)
    text = _unshown_doc()
    text.kind = "text"
    Unshown()(text)
    assert all(s.label is Label.ARTICLE for s in text.segments)



def test_player_chrome_drops_a_players_controls_beside_a_story() -> None:
    from boilerstrip.classify.player import MIN_OUTSIDE_WORDS, PlayerChrome

    # a story (frame 1), a video.js control bar (frame 2) and a menu item under it (frame 3), a
    # paragraph whose inline element only has a player class (its own element has none)
    doc = Doc(kind="html")
    doc.parent = [-1, 0, 0, 2, 0]
    doc.frame_cues = [0, P.BODY, P.PLAYER, 0, 0]
    story = " ".join(["The council voted to rebuild the bridge."] * 9)
    doc.segments = [
        Segment(text=story, source="/html/body/main/p", tag="p", frame=1, cues=P.BODY),
        Segment(text="Current Time 0:00", source="/html/body/div[1]", tag="div", frame=2,
                cues=P.PLAYER),
        Segment(text="captions settings, opens captions settings dialog", tag="li",
                source="/html/body/div[1]/ul/li", frame=3, cues=P.PLAYER | P.LIST),
        Segment(text="A paragraph that links to the video, which is read.", tag="p",
                source="/html/body/p", frame=4, cues=P.PLAYER),
    ]
    compute(doc)
    for s in doc.segments:
        s.label, s.score = Label.ARTICLE, 0.6
    PlayerChrome()(doc)
    story_s, bar, item, para = doc.segments
    assert story_s.words >= MIN_OUTSIDE_WORDS and story_s.label is Label.ARTICLE
    assert bar.label is None and bar.by == "player" and item.label is None
    assert para.label is Label.ARTICLE
    # a video page whose only text is the player's keeps it
    doc.segments = doc.segments[1:]
    for s in doc.segments:
        s.label = Label.ARTICLE
    PlayerChrome()(doc)
    assert all(s.label is Label.ARTICLE for s in doc.segments)


def test_player_class_prefixes_are_the_player_cue() -> None:
    from boilerstrip.segment_html import _token_cues

    for value in ("vjs-control-bar", "mejs-controls", "ytp-chrome-bottom", "yvp-settings-item",
                  "jwplayer jw-reset", "plyr__controls", "shaka-controls-container"):
        assert _token_cues(value) & P.PLAYER, value
    for value in ("video-player", "story-video", "jw", "player-caption"):
        assert not _token_cues(value) & P.PLAYER, value


BRIDGE_STORY = [
    "The council said on Tuesday that the new bridge would open to traffic in the spring, "
    "after two years of work.",
    "Engineers had warned that the old crossing could not carry buses for much longer, and "
    "the city agreed to pay for most of the work.",
    "Residents on both banks welcomed the news, although some said the tolls planned for the "
    "first year were too high for daily commuters.",
    "The mayor said the tolls would be reviewed after six months, once the council knew how "
    "many people used the bridge each day.",
]
"""A short story of four paragraphs, for the end-to-end caption cue tests."""


def test_a_cap_class_token_is_the_caption_cue() -> None:
    # BBC's 2008 pages put a photo's caption in <div class="cap">; others write "main_cap_short",
    # "photo_cap", "sl-art-illo-cap". A drop cap, a recap or "caps" is no caption.
    from boilerstrip.segment_html import _token_cues

    for value in ("cap", "main_cap_short", "photo_cap", "sl-art-illo-cap"):
        assert _token_cues(value) & P.CAPTION, value
    for value in ("dropcap", "recap", "caps", "capital", "has-drop-cap", "drop_cap"):
        assert not _token_cues(value) & P.CAPTION, value


def test_an_image_token_then_a_description_or_credit_is_the_caption_cue() -> None:
    from boilerstrip.segment_html import _token_cues

    for value in ("photo-description", "img-desc", "vb_image_source", "imgDescription",
                  "article-body-image-copyright", "widget-image__credits"):
        assert _token_cues(value) & P.CAPTION, value
    assert not _token_cues("article-body-image-copyright") & P.FOOTER
    # a text block beside a picture is no caption; alone the words say nothing of one
    for value in ("ImageText_Container", "assym-img-txt", "source", "description", "text"):
        assert not _token_cues(value) & P.CAPTION, value
    assert _token_cues("copyright") & P.FOOTER


@pytest.fixture(params=[False, True], ids=["compiled", "python"])
def walk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Each form of the HTML walk in turn, the compiled one and plain Python, with an empty cache
    of class-value cues (so that neither reads the other's); whether plain Python."""
    from boilerstrip import segment_html

    pure: bool = request.param
    if pure:
        monkeypatch.setenv("BOILERSTRIP_PURE_PYTHON", "1")
    monkeypatch.setattr(segment_html, "_cue_cache", {})
    return pure


@pytest.mark.usefixtures("walk")
def test_a_photos_description_and_credit_are_captions() -> None:
    import boilerstrip

    paragraphs = BRIDGE_STORY[:3]
    html = (
        "<html><head><title>Bridge to open in spring</title></head><body><article>"
        f"<h1>Bridge to open in spring</h1><p>{paragraphs[0]}</p><div class='article-photo'>"
        "<img src='bridge.jpg'><p class='photo-description'>The new bridge seen from the north "
        "bank at dawn</p><span class='article-body-image-copyright'>Credit: Jane Smith/AFP</span>"
        f"</div><p>{paragraphs[1]}</p><p>{paragraphs[2]}</p></article></body></html>"
    )
    article = boilerstrip.extract(html)
    assert article.captions == [
        "The new bridge seen from the north bank at dawn", "Credit: Jane Smith/AFP"
    ]
    assert [line for line in article.text.split("\n") if line] == paragraphs


@pytest.mark.usefixtures("walk")
def test_a_drop_cap_paragraph_stays_in_the_story() -> None:
    # WordPress marks a story's first paragraph <p class="has-drop-cap">: its "cap" token is no
    # caption cue, in the compiled walk as in Python's.
    import boilerstrip

    paragraphs = BRIDGE_STORY
    body = "".join(f"<p>{p}</p>" for p in paragraphs[1:])
    html = (
        "<html><head><title>Bridge to open in spring | Example News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Bridge to open in spring</h1><p class='has-drop-cap'>{paragraphs[0]}</p>"
        f"{body}</article><footer>Copyright 2024 Example News</footer></body></html>"
    )
    article = boilerstrip.extract(html)
    assert article.captions == []
    assert article.text.split("\n")[0] == paragraphs[0]


def test_a_video_js_player_in_a_story_leaves_no_control_in_the_text() -> None:
    import boilerstrip

    paras = [
        "Most people go to hotels for the pleasure of sleeping in a giant bed with clean white "
        "sheets and waking up to fluffy towels and shiny taps.",
        "But those towels and sheets might not be as clean as they look, according to the hotel "
        "bosses that responded to a question on the website Quora.",
        "Forrest Jones said that anything that comes into contact with any of the previous "
        "guest's skin should be taken off the bed, as blankets are rarely washed.",
        "This is not common, but it can happen, he said. He advised stuffing the peep hole with a "
        "strip of rolled up notepaper when it is not in use.",
    ]
    controls = (
        '<div class="video-js vjs-default-skin"><video class="vjs-tech"></video>'
        '<div class="vjs-control-bar" dir="ltr">'
        '<button class="vjs-play-control vjs-control vjs-button" type="button">'
        '<span class="vjs-control-text">Play</span></button>'
        '<div class="vjs-current-time vjs-time-control vjs-control"><div class="vjs-current-time-'
        'display"><span class="vjs-control-text">Current Time </span>0:00</div></div>'
        '<div class="vjs-duration vjs-time-control vjs-control"><div class="vjs-duration-display">'
        '<span class="vjs-control-text">Duration Time</span> 0:00</div></div>'
        '<div class="vjs-playback-rate vjs-menu-button vjs-control"><div class="vjs-menu">'
        '<ul class="vjs-menu-content"><li class="vjs-menu-item">captions settings, opens captions '
        'settings dialog</li><li class="vjs-menu-item">captions off, selected</li></ul></div>'
        '<div class="vjs-playback-rate-value">Playback Rate</div></div></div></div>'
    )
    page = (
        "<html><head><title>The seven secrets of hotels</title></head><body><article>"
        "<h1>The seven secrets of hotels</h1>"
        + "".join(f"<p>{p}</p>" for p in paras[:2]) + controls
        + "".join(f"<p>{p}</p>" for p in paras[2:]) + "</article></body></html>"
    )
    art = boilerstrip.extract(page)
    assert all(p in art.text for p in paras)
    for line in ("Current Time", "Duration Time", "captions settings", "Playback Rate"):
        assert line not in art.text, line



def _rule_section(*lines: str) -> Doc:
    """A text dump after the comment step's line rules (no model yet)."""
    doc = text_doc(*lines)
    Density()(doc)
    CommentSection()(doc)
    return doc


def _comment_texts(doc: Doc) -> list[str]:
    return [s.text for s in doc.segments if s.label is Label.COMMENT]


def test_a_text_section_only_the_rules_found_without_a_comment_is_navigation() -> None:
    from boilerstrip.classify.learned import _unheard_text_section

    # (a blog dump: "Post a Comment" opens the rule's section, which runs on into the sidebar)
    lines = (PROSE, PROSE2, "Post a Comment", "Newer Post Older Post Home", "About Me",
             "Blog Archive", "October (5)")
    doc = _rule_section(*lines)
    found = _comment_texts(doc)
    assert found[0] == "Post a Comment" and "About Me" in found
    _unheard_text_section(doc.segments, [0.1] * len(lines), "learned")
    assert not _comment_texts(doc)
    assert all(s.label is Label.NAVIGATION for s in doc.segments[2:])
    assert all(s.comment is None for s in doc.segments)
    # a section the comment model hears a comment in is left alone
    doc = _rule_section(*lines)
    _unheard_text_section(doc.segments, [0.1] * 4 + [0.6] + [0.1] * 2, "learned")
    assert _comment_texts(doc) == found
    # and so is one with a comment's header line (an author and a date) over said words
    doc = _rule_section(PROSE, PROSE2, "Post a Comment", "Posted by: john | Apr 6, 2007 2:10 PM",
                        "Nice bridge, finally!")
    before = [s.label for s in doc.segments]
    assert Label.COMMENT in before
    _unheard_text_section(doc.segments, [0.1] * 5, "learned")
    assert [s.label for s in doc.segments] == before
    # but not one whose header stands over no words that read as said (a sidebar's list of
    # posts: a date over a headline), nor one whose only "header" is a byline with no name
    # (Typepad's comment preview)
    for header, rest in (
        ("7:29pm, EDT", ("Firewalkers at Robbins seminar got burned", "About Me")),
        ("Posted by:  |", ("About Me", "Blog Archive")),
    ):
        doc = _rule_section(PROSE, PROSE2, "Comments", "Verify your Comment", header, *rest)
        assert header in _comment_texts(doc)
        _unheard_text_section(doc.segments, [0.1] * len(doc.segments), "learned")
        assert not _comment_texts(doc), header


def test_a_text_section_ends_with_the_last_comment_the_model_claims() -> None:
    from boilerstrip.classify.learned import _text_section_ends

    # (a Blogger dump: the comments, then "Post a Comment", where the rule's section opens and
    # runs on into the sidebar)
    comment = "Nice bridge, finally! I crossed it twice on the first day and it felt solid."
    lines = (PROSE, PROSE2, comment, "Post a Comment", "Newer Post Older Post Home", "About Me",
             "Blog Archive", "October (5)")
    pc = [0.1, 0.1, 0.9] + [0.1] * 5

    def section() -> Doc:
        doc = _rule_section(*lines)
        set_label(doc.segments[2], Label.COMMENT, 0.9, "learned")  # (the model's claim)
        return doc

    doc = section()
    found = _comment_texts(doc)
    assert found[0] == comment and found[-1] == "October (5)"
    _text_section_ends(doc.segments, pc, "learned")
    assert _comment_texts(doc) == [comment]
    assert all(s.label is Label.NAVIGATION and s.comment is None for s in doc.segments[3:])
    assert doc.segments[3].score == pytest.approx(0.9) and doc.segments[3].by == "learned"
    # where the model claims no block, the section is left to _unheard_text_section
    doc = section()
    _text_section_ends(doc.segments, [0.1] * len(lines), "learned")
    assert _comment_texts(doc) == found


def test_a_short_comment_closed_by_its_reply_link_is_the_comments() -> None:
    from boilerstrip.classify.learned import _text_section_ends, _unheard_text_section

    # A Photo Editor's dump (dragnet R864): a one-line comment with no sentence's end under its
    # header, then its "Reply" link; the model claims the header alone
    lines = (PROSE, PROSE2, "{ 1 comment… read it below or add one }",
             "1 hernan zenteno November 12, 2012 at 1:43 pm", "The video is blocked for Argentine",
             "Reply", "Leave a Comment")
    doc = _rule_section(*lines)
    assert doc.segments[4].label is Label.COMMENT and doc.segments[4].comment == 0
    _unheard_text_section(doc.segments, [0.1] * len(lines), "learned")  # (words under a header)
    pc = [0.1, 0.1, 0.1, 0.9, 0.1, 0.1, 0.1]
    _text_section_ends(doc.segments, pc, "learned")
    assert [s.text for s in doc.segments if s.comment == 0] == list(lines[3:5])
    assert doc.segments[5].label is Label.NAVIGATION  # ("Reply" after the comment: chrome)
    # the same words closed by no comment chrome stay out ("Smaller Text Larger Text" over "Print")
    doc = _rule_section(PROSE, PROSE2, "Comments", "Posted by Max Fisher on October 29, 2012",
                        "Smaller Text Larger Text Text Size", "Print")
    assert all(s.comment is None for s in doc.segments[4:])


def test_a_count_after_a_one_paragraph_post_opens_a_section_only_over_a_comment() -> None:
    # a photo post of one paragraph: its count header opens the section where a comment follows
    lines = (PROSE, "{ 1 comment… read it below or add one }",
             "Day19 November 12, 2012 at 3:04 pm",
             "Yeah Emily! APE is very Giant Artists heavy today. Maybe I should visit the site.",
             "Reply")
    doc = _rule_section(*lines)
    assert [s.comment for s in doc.segments[2:4]] == [0, 0]
    # one with no comment under it leaves every block as it was, and the search goes on to the
    # real section (dragnet R277: Disqus's "Logging In..." under the post's byline)
    doc = _rule_section(PROSE, "1 Comment", "Posted by Hannah Hayes on October 31, 2012 in Dinner",
                        "Logging In...", "Profile cancel", PROSE2, "Comments",
                        "Posted by: john | Apr 6, 2007 2:10 PM", "Nice bridge, finally!")
    assert all(s.label is None for s in doc.segments[:6])
    assert [s.comment for s in doc.segments[7:]] == [0, 0]
    # no section before any prose at all
    doc = _rule_section("{ 1 comment… read it below or add one }", *lines[2:])
    assert all(s.label is None for s in doc.segments)


def test_a_long_thread_after_the_story_keeps_the_comment_models_claims() -> None:
    from boilerstrip.classify.learned import (
        THREADS,
        _keep_threads_after_the_story,
        _story_goes_on,
    )

    # frames: 0 the body, 1 the post, 2 the comment section (comment-marked), 3 a sidebar
    def page(story: int) -> Doc:
        doc = Doc(kind="html")
        doc.parent = [-1, 0, 0, 0]
        doc.frame_cues = [0, 0, P.COMMENT, P.ASIDE]
        segs = [Segment(text=PROSE, source="/p", tag="p", frame=1) for _ in range(story)]
        segs += [Segment(text=PROSE2, source="/dd", tag="p", frame=2, cues=P.COMMENT)
                 for _ in range(12)]
        segs += [Segment(text=PROSE, source="/aside", tag="p", frame=3, cues=P.ASIDE)
                 for _ in range(2)]  # (more than STORY_AFTER_WORDS)
        doc.segments = segs
        compute(doc)
        Density()(doc)
        CommentSection()(doc)  # (a wrapper by its size: it labels nothing, finds the thread)
        assert all(s.label is None for s in segs)
        for s in segs:  # (as the models decide)
            s.label = Label.ARTICLE if s.frame in (1, 3) else Label.COMMENT
            s.by = "learned"
        return doc

    # a short post, then a thread holding most of the page's prose, then a sidebar read as article
    doc = page(story=2)
    _keep_threads_after_the_story(doc, THREADS)
    _story_goes_on(doc.segments, [0.9] * len(doc.segments), "learned")
    assert [s.label for s in doc.segments].count(Label.COMMENT) == 12
    doc = page(story=2)  # (the same page without the step: the sidebar undoes the thread)
    _story_goes_on(doc.segments, [0.9] * len(doc.segments), "learned")
    assert Label.COMMENT not in [s.label for s in doc.segments]
    # without the story before it the element is a wrapper of the page: the claims are weighed
    doc = page(story=0)
    assert doc.thread_blocks == []
    _keep_threads_after_the_story(doc, THREADS)
    assert all(s.by == "learned" for s in doc.segments)
    _story_goes_on(doc.segments, [0.9] * len(doc.segments), "learned")
    assert Label.COMMENT not in [s.label for s in doc.segments]


@pytest.mark.parametrize("kind", ["html", "text"])
def test_server_notices_are_no_article(kind: str) -> None:
    from boilerstrip.classify.notices import ServerNotices, server_notices

    # PHP's error messages as a site with its error display on prints them (trafilatura-eval:
    # a WordPress blog's NextGEN gallery, a travel blog's wpdb class), one or several per block,
    # or on the line before a paragraph of the story in the paragraph's element
    deprecated = (
        "Deprecated: Assigning the return value of new by reference is deprecated in "
        "/www/htdocs/w00a2ebd/wp-settings.php on line 472"
    )
    strict = (
        "Strict Standards: Non-static method nggGallery::i18n() should not be called statically "
        "in /www/htdocs/w00a2ebd/wp-content/plugins/nextgen-gallery/nggallery.php on line 56"
    )
    warning = (
        "Warning: mysql_get_server_info(): Access denied for user ''@'localhost' (using "
        "password: NO) in /www/htdocs/w0094d70/wp-includes/functions.php on line 12"
    )
    story = "The council voted on Tuesday to rebuild the old bridge, and work starts in spring."
    prose = "Warning: the bridge is closed on line 12 of the tram network until spring."
    doc = Doc(kind=kind)
    doc.segments = [
        Segment(text=deprecated, source="a", tag="p"),
        Segment(text=f"{strict}\n{strict}\n{warning}", source="b", tag="p"),
        Segment(text=f"{strict}\n{story}", source="c", tag="p"),
        Segment(text=story, source="d", tag="p"),
        Segment(text=prose, source="e", tag="p"),
        Segment(text=f"» {warning}", source="f", tag="li"),
    ]
    compute(doc)
    for s in doc.segments:
        s.label, s.score = Label.ARTICLE, 0.9
    doc.segments[5].label = Label.COMMENT
    ServerNotices()(doc)
    notice, several, mixed, plain, mention, in_thread = doc.segments
    assert notice.label is None and notice.by == "server-notices"
    assert several.label is None and in_thread.label is None
    assert mixed.label is Label.ARTICLE and mixed.text == story
    assert plain.label is Label.ARTICLE and plain.text == story
    assert mention.label is Label.ARTICLE and mention.text == prose
    assert server_notices(f"{warning}\n{story}") == (story, 1)
    assert server_notices(prose) == (prose, 0) and server_notices(story) == (story, 0)


def test_most_commented_lists_are_no_comment_markup() -> None:
    # WSJ's "mostPopularTab_panel_mostCommented", "most_commented_widget-4", a post's "commented"
    # class (it has comments): lists of stories with their counts, not a comment section
    from boilerstrip.segment_html import _token_cues

    for value in ("mostPopularTab_panel_mostCommented", "widget widget_most_commented_widget",
                  "post hentry commented", "icon icon-commented"):
        assert not _token_cues(value) & P.COMMENT, value
    assert _token_cues("mostcommented-links") & P.RELATED
    for value in ("comment-list", "commentlist", "dsq-comment-header", "comments"):
        assert _token_cues(value) & P.COMMENT, value


# --- teaser lists ----------------------------------------------------------------------------------

TEASER = "The city council voted on Tuesday to close the old bridge for repairs next spring."


def _teaser_page(items: int, story: int, linked: bool = True, counted: bool = False) -> Doc:
    """frames: 0 body, 1 div.story (its paragraphs), 2 ul (the list), then per item an li and the
    item's div holding a headline and one paragraph (``counted``: the headline opens with the
    slide's counter, "3/6 ...")."""
    parent = [-1, 0, 0]
    doc = Doc(kind="html", parent=parent, frame_cues=[0, 0, 0])
    for _ in range(story):
        parent.append(1)
        doc.segments.append(Segment(text=PROSE, source="/x", tag="p", frame=len(parent) - 1))
    for k in range(items):
        parent.extend([2, len(parent)])  # li in the list, div in the li
        div = len(parent) - 1
        parent.extend([div, div])  # the headline and the paragraph
        doc.segments.append(
            Segment(text=(f"{k + 1}/{items} " if counted else "") + f"Bridge story number {k}",
                    source="/x", tag="h3", frame=len(parent) - 2, heading=3)
        )
        doc.segments.append(Segment(text=TEASER, source="/x", tag="p", frame=len(parent) - 1))
    doc.frame_cues = [0] * len(parent)
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
        if s.heading:
            s.label = None
            if linked:
                s.link_chars, s.link_density = s.chars, 1.0
    return doc


def test_a_teaser_list_after_the_story_is_not_article() -> None:
    from boilerstrip.classify.teasers import TeaserLists

    doc = _teaser_page(items=6, story=6)
    TeaserLists()(doc)
    labels = [s.label for s in doc.segments]
    assert labels[:6] == [Label.ARTICLE] * 6  # the story
    assert all(label is None for label in labels[6:])  # every teaser's headline and summary


def test_teaser_lists_need_a_story_items_and_linked_headlines() -> None:
    from boilerstrip.classify.teasers import TeaserLists

    for doc in (
        _teaser_page(items=6, story=0),  # a section page: the list is the content
        _teaser_page(items=4, story=6),  # a few subheadings with a paragraph each
        _teaser_page(items=6, story=6, linked=False),  # the story's own sections
    ):
        TeaserLists()(doc)
        assert all(s.label is Label.ARTICLE for s in doc.segments if not s.heading)


def test_a_gallery_of_counted_slides_after_the_story_is_not_article() -> None:
    from boilerstrip.classify.teasers import TeaserLists

    # "1/6 ...", "2/6 ...": the slides count themselves, no headline is a link
    doc = _teaser_page(items=6, story=6, linked=False, counted=True)
    TeaserLists()(doc)
    labels = [s.label for s in doc.segments]
    assert labels[:6] == [Label.ARTICLE] * 6
    assert all(label is None for label in labels[6:])
    # a slideshow that is the page (no story before it) stays
    doc = _teaser_page(items=6, story=0, linked=False, counted=True)
    TeaserLists()(doc)
    assert all(s.label is Label.ARTICLE for s in doc.segments if not s.heading)


def test_slide_items_count_one_gallery_s_distinct_slides() -> None:
    from boilerstrip.classify.teasers import slide_items

    doc = _teaser_page(items=6, story=2, linked=False, counted=True)
    heads = [i for i, s in enumerate(doc.segments) if s.heading]
    assert [i for i, _ in slide_items(doc.segments, doc.parent)] == heads
    # the item is the slide's element (the headline's parent)
    assert all(doc.parent[doc.segments[i].frame] == f
               for i, f in slide_items(doc.segments, doc.parent))
    # four slides of a gallery of six are too few; so are five copies of one slide's counter
    for k, i in enumerate(heads):
        doc.segments[i].text = f"{min(k, 3) + 1}/6 Bridge story"
    assert slide_items(doc.segments, doc.parent) == []
    # dates, a counter over its gallery's size, and cells of a table count no slide
    for k, i in enumerate(heads):
        doc.segments[i].text = f"0{k + 1}/12/2012 Bridge story"
    assert slide_items(doc.segments, doc.parent) == []
    for k, i in enumerate(heads):
        doc.segments[i].text = f"{k + 7}/6 Bridge story"
    assert slide_items(doc.segments, doc.parent) == []
    for k, i in enumerate(heads):
        doc.segments[i].text = f"{k + 1}/6 Bridge story"
        doc.segments[i].cues |= P.TABLE
    assert slide_items(doc.segments, doc.parent) == []


# --- an author's box ---------------------------------------------------------------------------------


def _boxed_page(heading: str, box_blocks: int, after_box: int) -> Doc:
    """frames: 0 body, 1 div.story (2-4 its paragraphs), 5 div.author (6 its heading, then its
    paragraphs), then paragraphs of the story's element after the box."""
    parent = [-1, 0, 1, 1, 1, 1, 5]
    doc = Doc(kind="html", parent=parent)
    for f in (2, 3, 4):
        doc.segments.append(Segment(text=PROSE, source="/x", tag="p", frame=f))
    doc.segments.append(Segment(text=heading, source="/x", tag="h3", frame=6, heading=3))
    for _ in range(box_blocks):
        parent.append(5)
        doc.segments.append(Segment(text=PROSE2, source="/x", tag="p", frame=len(parent) - 1))
    for _ in range(after_box):
        parent.append(1)
        doc.segments.append(Segment(text=PROSE, source="/x", tag="p", frame=len(parent) - 1))
    doc.frame_cues = [0] * len(parent)
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
    return doc


def test_an_about_the_author_box_is_not_article() -> None:
    from boilerstrip.classify.author_box import AuthorBoxes

    doc = _boxed_page("About the author", box_blocks=2, after_box=1)
    AuthorBoxes()(doc)
    # the story, the box (heading and biography: unlabelled), the story's element again
    assert [s.label for s in doc.segments] == [Label.ARTICLE] * 3 + [None] * 3 + [Label.ARTICLE]
    for heading in ("Über den Autor", "About the Author..."):
        doc = _boxed_page(heading, box_blocks=1, after_box=0)
        AuthorBoxes()(doc)
        assert [s.label for s in doc.segments] == [Label.ARTICLE] * 3 + [None] * 2


def test_a_line_that_only_mentions_the_author_stays_article() -> None:
    from boilerstrip.classify.author_box import AuthorBoxes

    for heading in ("About the author's new book, the critics of three papers said little",
                    "About Us", "The author"):
        doc = _boxed_page(heading, box_blocks=1, after_box=0)
        AuthorBoxes()(doc)
        assert all(s.label is Label.ARTICLE for s in doc.segments), heading


# --- repeated lines --------------------------------------------------------------------------------


def test_a_line_repeated_ten_times_is_not_article() -> None:
    from boilerstrip.classify.repeats import MIN_REPEATS, RepeatedLines

    widget = "Mouseover photo to load notes or add comment"
    doc = text_doc(PROSE, *[widget] * MIN_REPEATS, PROSE2)
    for s in doc.segments:
        s.label = Label.ARTICLE
    RepeatedLines()(doc)
    assert [s.label for s in doc.segments] == [Label.ARTICLE] + [None] * MIN_REPEATS + [
        Label.ARTICLE
    ]


def test_fewer_copies_short_lines_and_table_cells_stay() -> None:
    from boilerstrip.classify.repeats import MIN_REPEATS, RepeatedLines

    widget = "Mouseover photo to load notes or add comment"
    for lines, cues in (
        ([widget] * (MIN_REPEATS - 1), 0),  # nine copies
        (["Self explanatory"] * MIN_REPEATS, 0),  # a short label
        (["Corey, Sissi, Sara, Tomas"] * MIN_REPEATS, P.TABLE),  # a data table's column
    ):
        doc = text_doc(PROSE, *lines)
        for s in doc.segments:
            s.label = Label.ARTICLE
            s.cues = cues
        RepeatedLines()(doc)
        assert all(s.label is Label.ARTICLE for s in doc.segments)


# --- after the comment section ---------------------------------------------------------------------


def _after_comments_page(comment_blocks: int, sidebar_inside: bool = False) -> Doc:
    """frames: 0 body, 1 div.post (2, 3: the story's paragraphs), 4 div.comments (its blocks),
    5 div.sidebar (6: a teaser), or the teaser inside the post (frame 7)."""
    parent = [-1, 0, 1, 1, 0, 0, 5, 1]
    doc = Doc(kind="html", parent=parent, frame_cues=[0] * len(parent))
    blocks = [(PROSE, 2, Label.ARTICLE), (PROSE2, 3, Label.ARTICLE)]
    blocks += [("Leave a Reply", 4, Label.COMMENT)] * comment_blocks
    blocks += [(TEASER, 7 if sidebar_inside else 6, Label.ARTICLE)]
    for text, frame, label in blocks:
        doc.segments.append(Segment(text=text, source="/x", tag="p", frame=frame))
    compute(doc)
    for s, (_, _, label) in zip(doc.segments, blocks, strict=True):
        s.label = label
    return doc


def test_what_follows_the_comment_section_outside_the_post_is_not_article() -> None:
    from boilerstrip.classify.after_comments import MIN_SECTION_BLOCKS, AfterComments

    doc = _after_comments_page(MIN_SECTION_BLOCKS)
    AfterComments()(doc)
    assert [s.label for s in doc.segments[:2]] == [Label.ARTICLE] * 2
    assert doc.segments[-1].label is None
    # inside the post's element, or after a lone comment button, it stays
    for doc in (
        _after_comments_page(MIN_SECTION_BLOCKS, sidebar_inside=True),
        _after_comments_page(1),
    ):
        AfterComments()(doc)
        assert doc.segments[-1].label is Label.ARTICLE


def test_html_promos_judge_only_the_blocks_the_first_stage_doubted() -> None:
    from boilerstrip.classify.promos import HTML_DOUBTFUL, Promos

    call = "Sign up for our daily newsletter to get the news in your inbox."
    # (a cross-link or a sign-up call; a post footer goes at any probability, tested above)
    for p_article, kept in ((HTML_DOUBTFUL - 0.2, False), (HTML_DOUBTFUL + 0.3, True)):
        doc = Doc(kind="html", parent=[-1], frame_cues=[0])
        for text in (PROSE, call):
            doc.segments.append(Segment(text=text, source="/x", tag="p", frame=0))
        compute(doc)
        for s in doc.segments:
            s.label, s.p_article = Label.ARTICLE, 0.9
        doc.segments[1].p_article = p_article
        Promos()(doc)
        assert doc.segments[0].label is Label.ARTICLE
        assert (doc.segments[1].label is Label.ARTICLE) is kept


def test_a_definition_list_of_teasers_beside_the_story_is_not_article() -> None:
    # cbc.ca (l3s-gn1): a column holds the story and, below it, lists of linked dt headlines and
    # dd summaries; the lists are judged one by one
    from boilerstrip.classify.teasers import TeaserLists

    # frames: 0 body, 1 the column, 2 div.story (3.. its paragraphs), then two dl in the column
    parent = [-1, 0, 1]
    doc = Doc(kind="html", parent=parent, frame_cues=[0, 0, 0])
    for _ in range(6):
        parent.append(2)
        doc.segments.append(Segment(text=PROSE, source="/x", tag="p", frame=len(parent) - 1))
    for _ in range(2):
        parent.append(1)
        dl = len(parent) - 1
        for k in range(5):
            parent.extend([dl, dl])
            doc.segments.append(Segment(text=f"Bridge story {k}", source="/x", tag="dt",
                                        frame=len(parent) - 2))
            doc.segments.append(Segment(text=TEASER, source="/x", tag="dd", frame=len(parent) - 1))
    doc.frame_cues = [0] * len(parent)
    compute(doc)
    for s in doc.segments:
        s.label = Label.ARTICLE
        if s.tag == "dt":
            s.label, s.link_chars, s.link_density = None, s.chars, 1.0
    TeaserLists()(doc)
    assert all(s.label is Label.ARTICLE for s in doc.segments[:6])
    assert all(s.label is None for s in doc.segments[6:])


def test_frames_under_and_common_ancestor() -> None:
    from boilerstrip.classify.base import common_ancestor, frames_under

    # 0 body; 1 div (2 p, 3 ul (4 li, 5 li)); 6 aside (7 p)
    parent = [-1, 0, 1, 1, 3, 3, 0, 6]
    assert list(frames_under(parent, 3)) == [0, 0, 0, 1, 1, 1, 0, 0]
    assert list(frames_under(parent, 0)) == [1] * 8
    assert common_ancestor(parent, [4, 5]) == 3
    assert common_ancestor(parent, [2, 5]) == 1
    assert common_ancestor(parent, [5, 7]) == 0
    assert common_ancestor(parent, [3, 4]) == 3
