"""The cheap character tests that skip a pattern search give the pattern's own answer.

Every shortcut (cached text flags, ASCII literal tests, the case-folded test of non-ASCII text) is
checked against the plain search, on the block texts of the fixture pages and on made-up lines full
of near misses: case variants, digits next to separators, characters whose case folding is ASCII.
"""

from __future__ import annotations

import random
from pathlib import Path

from boilerstrip import features
from boilerstrip import patterns as P
from boilerstrip.classify import captions, comments
from boilerstrip.document import Segment
from boilerstrip.pipeline import prepare

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

PIECES = (
    "Copyright", "COPYRIGHT", "copy right", "(c)", "(C)", "©", "&copy;", "All Rights Reserved",
    "tous droits réservés", "TOUS DROITS RÉSERVÉS", "alle Rechte vorbehalten",
    "\u017f", "\u212a", "ß", "\ufb01",
    "Photo by", "photos:", "Getty Images", "AFP", "(AP)", "[EPA]", "pa wire", "Reuters", "istock",
    "Courtesy", "credit", "More", "next", "zoom", "Type", "may not be published", "—", "...",
    "12/3/2012", "10:45", "3rd", "May", "jan.", "2 days ago", "a week ago", "ago", "1", "22", "-",
    "/", ".", ":", " ", "  ", "\t", "\n", "posted", "by", "at", "|", "@", "pm", "word", "Ünïcödé",
    "中文", "_", "x", "Privacy policy", "Reply", "Share this", "5 comments", "Read more",
    # the anchored line patterns (WIDGET, FOOTER_LINE, COMMENT_HEADER) and their near misses
    "RATE THIS", "Log in", "login", "LOG", "Sitemap", "site map", "SiteMap", "Terms of Use",
    "terms & conditions", "COOKIES", "Cookie Settings", "About us", "FAQ", "Impressum", "Jobs",
    "powered by", "This page is best viewed", "Leave a Reply", "Responses", "RESPONSE",
    "Discussion", "This entry is closed", "Comments are now closed",
    "RSS feed for comments on this post", "You can follow any responses to this entry",
    "« A | Main | B »", "Main | Next \u203a", "\u2039 Prev | MAIN", "Ma\u0130n | x »",
    "Email ThisBlogThis!", "Story continues below", "STORY CONTINUES", "Story continue\u017f",
    "12 likes", "3 ", "Up",
    "TOP", "Back to top", "Follow us", "E-Mail", "Previous", "Jump to comments", "Comments (3)",
    "#1. comment", "Comment number 12.", "comment no. 7", "view all comments", "2 replies", "42",
    "vote up", "Points", "Subscribe", "Register", "Continue reading", "take me there",
    "Learn More", "Sign in", "Tweet", "Print", "Permalink", "Flag", "Dislike", "Recommend",
    "Report abuse", "Next", "down", "VIEW", "Seen", "enlarged", "Zoom", "Click", "type", "Enter",
    "prev", "Previously", "see also", "nextgen", "moreover", "Clicks", "Typed", "١٢ likes", "Keep", "ſhare", "ﬂag",
    # "ago" and "just now" in non-ASCII text (DATE without a digit)
    "JUST NOW", "Ago", "٣ days ago", "2\u00a0days ago",
    # "İ", which the patterns read as "i" but which case-folds to "i" and a combining dot
    "Copyr\u0130ght", "ALL R\u0130GHTS RESERVED", "\u0130", "i\u0307", "L\u0130KE", "J\u0130ST NOW",
    # credits whose literals only the case-folded text shows
    "\u0130mage by", "\u0130STOCK", "Aſſociated Preß", "ſhutterſtock", "PHOTOſ:", "Bild:",
    "(A\u0440)", "[REUTERS]", "© Action Images", "FOTO \u212aredit",
    # comment counts
    "12 Comments", "3 REPLIES", "1 response", "٣ comments", "7 Re\u017fponses", "4 COMMENT",
    # the anchored patterns at the start of non-ASCII text: ligatures and letters whose case
    # folding is ASCII, other digits, near misses
    "\ufb02ag", "\uff32eply", "\u0661 likes", "\u0663 points", "Reply \u2713", "Privacy \u2713",
    "\u017fhare this:", "\u00dcber uns", "Comments (\u0663)", "\u0130mpressum", "Daten\u017fchutz",
    "S\u0131te map", "\u212aeep", "Ré", "\u0130 like", "\u1e9e", "SSS", "Le\u017f",
    "\u0130\u0130", "Discu\u017f\u017fion", "\u00e9 ",
    # bracketed agencies at the line's end, with blanks after (and blanks str.rstrip() strips
    # but the pattern's \s does not)
    "(AP) ", "[ Reuters ]\u3000", "(AFP/Getty Images)", "(pa)\x1c", "[dpa]\n", "(Xinhua)\x85",
    "(ANSA photo)", "[Bloomberg/ x]", "(getty images) \t", "(\u0130STOCK)", "(AA\u017f)", ")", "]",
    "(", "[", "(x)", "[12]",
    # the words of the meta line, whole and in other words
    "Posted", "WROTE", "said:", "Says", "submitted", "written", "onto", "attic", "amp", "pm.",
    "ago.", "@", "|", ": ", ":\n", "\u017faid", "\u212a", "by\u0301",
)
_OLD_META_LINE = (
    r"(?:\bposted\b|\bwritten\b|\bsubmitted\b|\bby\b|\bsays\b|\bsaid\b|\bwrote\b|\bat\b|\bon\b|"
    r"\||@|\bam\b|\bpm\b|\bago\b|:\s*$)"
)
""":data:`patterns.META_LINE` as it was written before its words shared their ``\b``."""


def _texts() -> list[str]:
    rng = random.Random(11)
    out = ["", " ", "...", "-", "_", "©"]
    for _ in range(4000):
        out.append("".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 7))))
    pages = sorted((FIXTURES / "real").glob("*/page.*")) + sorted(
        (FIXTURES / "pages").glob("*/source.*")
    )
    for page in pages:
        doc, _ = prepare(page.read_bytes())
        out.extend(s.text for s in doc.segments)
    return out


TEXTS = _texts()


def _plain_flags(t: str) -> features.TextFlags:
    if len(t) > P.MAX_PATTERN_CHARS:
        return (False, False, False, False, False, False, *features.text_shape(t))
    copyright_ = P.COPYRIGHT.search(t) is not None
    widget = P.WIDGET.match(t) is not None
    date = P.DATE.search(t) is not None
    return (
        copyright_ or widget or P.FOOTER_LINE.match(t) is not None,
        copyright_,
        date,
        P.COMMENT_HEADER.match(t) is not None,
        widget,
        date and P.META_LINE.search(t) is not None,
        *features.text_shape(t),
    )


def test_the_meta_line_pattern_finds_what_its_first_form_found() -> None:
    import regex

    old = regex.compile(_OLD_META_LINE, regex.IGNORECASE | regex.VERSION1)
    assert P.META_LINE.flags == old.flags
    for t in TEXTS:
        assert (P.META_LINE.search(t) is None) is (old.search(t) is None), t


def test_text_flags_are_the_plain_searches() -> None:
    for t in TEXTS:
        features._bits_cache.clear()
        assert features.text_flags(t) == _plain_flags(t), t
        assert features.has_copyright(t) == (P.COPYRIGHT.search(t) is not None), t
        assert features.has_date(t) == (P.DATE.search(t) is not None), t


def test_caption_tests_are_the_plain_searches() -> None:
    for t in TEXTS:
        s = Segment(text=t, source="/", chars=len(t), words=float(len(t.split())))
        want = len(t) <= P.MAX_PATTERN_CHARS and bool(P.NOT_CAPTION.search(t))
        assert captions._not_caption(s) == want, t
        want = (
            s.words <= captions.MAX_CREDIT_WORDS
            and len(t) <= P.MAX_PATTERN_CHARS
            and bool(P.CREDIT.search(t) or P.AGENCY_CREDIT.search(t))
        )
        assert captions._credit(s) == want, t
        assert comments.counts_comments(t) == (P.COMMENT_COUNT.search(t) is not None), t


def test_near_article_is_its_definition() -> None:
    from boilerstrip.types import Label

    rng = random.Random(9)
    labels = [Label.ARTICLE, Label.NAVIGATION, Label.CAPTION, Label.COMMENT, None, None]
    for _ in range(500):
        segs = [Segment(text="x", source="/") for _ in range(rng.randrange(1, 12))]
        for s in segs:
            s.label = rng.choice(labels)
            s.in_region = rng.random() < 0.2
        for i in range(len(segs)):
            lo, hi = max(0, i - captions.NEAR_ARTICLE), min(len(segs), i + captions.NEAR_ARTICLE + 1)
            want = any(segs[j].label is Label.ARTICLE for j in range(lo, hi) if j != i)
            assert captions._near_article(segs, i) == (want or segs[i].in_region)


def test_segment_flags_are_the_text_flags() -> None:
    for t in TEXTS:
        s = Segment(text=t, source="/")
        bits = features.line_flags(s)
        assert features.line_flags(s) == bits == s.line_flags
        plain = _plain_flags(t)
        names = ("BOILER", "COPYRIGHT", "DATE", "COMMENT_HEADER", "WIDGET", "META_DATE")
        assert tuple(bool(bits & getattr(features, n)) for n in names) == plain[:6], t
        assert features.segment_copyright(s) == (P.COPYRIGHT.search(t) is not None), t
        assert features.segment_date(s) == (P.DATE.search(t) is not None), t
        assert features.segment_comment_header(s) == (P.COMMENT_HEADER.match(t) is not None), t
        assert features.segment_widget(s) == (P.WIDGET.match(t) is not None), t
        assert bool(bits & features.COMMENT_COUNT) == (
            len(t) <= P.MAX_PATTERN_CHARS and P.COMMENT_COUNT.search(t) is not None
        ), t


def test_text_shape_is_its_definition() -> None:
    rng = random.Random(3)
    chars = ["a", "B", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "1", ".", "ü", "中"]
    chars.append("²")
    made = ["".join(rng.choice(chars) for _ in range(rng.randrange(30))) for _ in range(3000)]
    texts = TEXTS + made
    for t in texts:
        head = t[: features.SAMPLE_CHARS]
        words = head.split()
        n = len(words)
        want = (
            sum(map(str.isdigit, head)) / max(1, min(len(t), features.SAMPLE_CHARS)),
            sum(w[0].isupper() for w in words) / n if n else 0.0,
            len("".join(words)) / n if n else 0.0,
        )
        assert features.text_shape(t) == want, t


def test_contains_any_is_any_in() -> None:
    tables = (
        features._COPYRIGHT_ASCII, features._COPYRIGHT_FOLDED, features._HEADER_WORDS,
        captions._CREDIT_WORDS, captions._NOT_CAPTION_ASCII, ("a'b", 'x"y', "\\", "\n"), (),
    )
    for lits in tables:
        has = features.contains_any(lits)
        for t in [*TEXTS, "a'b", 'x"y', "\\", "\n", ""]:
            for x in (t, t.lower(), t.casefold()):
                assert has(x) is any(lit in x for lit in lits), (lits, x)


PROMO_PIECES = (
    "Read more:", "READ ALSO", "See also", "Lea también:", "LEA TAMBIÉN", "Czytaj też:",
    "lesen sie auch", "Das könnte Sie auch interessieren", "You may also like", "ALſO", ">>", "»",
    "›", "…", "...", ":", "Newsletter", "NEWSLETTER", "lettres d'information", "Daily Edition",
    "sign up", "Sign Up Now", "subscribe", "SUBSCRIBE TODAY", "e-mail", "EMAIL", "inbox",
    "Enter your email", "dans votre boîte mail", "Jetzt kostenlos registrieren",
    "registrieren und weiterlesen", "This entry was posted in", "Bookmark the permalink.",
    "Newer posts Older posts", "Share this:", "Teile dies:", "Gefällt mir Wird geladen",
    "Like Loading", "All Rights Reserved", "ALL R\u0130GHTS RESERVED", "alle Rechte vorbehalten",
    "tous droits réservés", "kaikki oikeudet pidätetään", "(Foto: dpa)", "(Symbolbild)",
    "| Foto:", "/ Źródło:", "(", ")", "|", "/", "word", "Word", "\u212a", "ß", " ", "\n", "x. ",
    "This entry was posted on", "filed under", "and posted in", "FILED UNDER",
    "You can follow any responses to this entry", "RSS feed for comments on this post", "«",
    "Main", "MA\u0130N", "|Main|", "Email This", "BlogThis!", "Story continues", "below",
    "advertisement", "Continue story", "enable JavaScript", "JAVASCRIPT IS DISABLED",
    "needs javascript to use", "Get the Flash Player", "browser does not support the video",
    "doesn\u2019t support", "Ja\u017fcript", "Blog Home", "HOME", "H\u0130ME", "conversation",
    "You can follow this conversation by subscribing", "https://typepad.com/services/trackback/x",
)


def test_promo_tests_are_the_plain_searches() -> None:
    from boilerstrip.classify import promos

    rng = random.Random(12)
    texts = list(TEXTS)
    for _ in range(4000):
        texts.append(" ".join(rng.choice(PROMO_PIECES) for _ in range(rng.randrange(1, 8))))
    phrase = "Damage in Homs after the shelling"
    texts += [f"{phrase} {phrase}", f"{phrase} {phrase} AP", f"{phrase} x {phrase}", phrase]
    for t in texts:
        s = Segment(text=t, source="/", chars=len(t), words=float(len(t.split())))
        s.sentences = features._sentence_ends(t).__len__() + 1
        short = len(t) <= P.MAX_PATTERN_CHARS
        assert promos.is_cross_link(s) == (
            s.words <= promos.MAX_CROSS_LINK_WORDS and P.SEE_ALSO.search(t) is not None
        ), t
        sign_up = s.words <= promos.MAX_SIGN_UP_WORDS and (
            P.SUBSCRIBE_CALL.search(t) is not None
            if P.NEWSLETTER.search(t) is None
            else (
                (s.words <= promos.MAX_SIGN_UP_BARE_WORDS
                 and t.rstrip().lower().endswith("newsletter"))
                or P.SIGN_UP.search(t) is not None
            )
        )
        assert promos.is_sign_up(s) == sign_up, t
        assert promos.is_post_footer(s) == (
            short and bool(P.POST_FOOTER.search(t) or P.RIGHTS_RESERVED.search(t))
        ), t
        assert promos.is_script_notice(s) == (short and P.NO_SCRIPT.search(t) is not None), t
        assert promos.is_credited_caption(s) == (
            s.words <= promos.MAX_CAPTION_WORDS
            and s.sentences <= promos.MAX_CAPTION_SENTENCES
            and short
            and P.PHOTO_CREDIT_TAIL.search(t) is not None
        ), t
        words = t.split()
        told = False
        for k in range(
            promos.MIN_TOLD_TWICE_WORDS, min(promos.MAX_TOLD_TWICE_WORDS, len(words) // 2) + 1
        ):
            if len(words) <= 2 * k + promos.MAX_TOLD_TWICE_TAIL and words[:k] == words[k : 2 * k]:
                told = words[2 * k : 3 * k] != words[:k]
                break
        if s.words > 2 * promos.MAX_TOLD_TWICE_WORDS + promos.MAX_TOLD_TWICE_TAIL:
            told = False
        assert promos.is_told_twice(s) == told, t
