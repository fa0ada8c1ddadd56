"""Comment items, comment authors and dates, captions and titles on hand-built blocks."""

from __future__ import annotations

from pathlib import Path

from test_classifiers import text_doc

from boilerstrip import Label
from boilerstrip import patterns as P
from boilerstrip.assemble import assemble
from boilerstrip.classify.captions import Captions
from boilerstrip.classify.comments import (
    CHROME,
    META,
    WORDS,
    CommentItems,
    CommentSection,
    comment_author_date,
    comment_role,
    is_header_text,
)
from boilerstrip.classify.density import Density
from boilerstrip.classify.title import Title
from boilerstrip.document import Doc, Segment
from boilerstrip.features import compute

ROOT = Path(__file__).resolve().parent.parent

WORDS_1 = "I think the bridge is a waste of money and the old one was fine for the town."
WORDS_2 = "Finally! I have waited ten years for this and it was worth every penny."
WORDS_3 = "Does anyone know when the buses will start using it?"


def html_doc(*blocks: tuple[str, str], label: Label | None = Label.COMMENT, **kw: object) -> Doc:
    """An HTML document of (element path, text) blocks, all with ``label``."""
    doc = Doc(kind="html")
    for path, text in blocks:
        tag = path.rsplit("/", 1)[-1].split("[")[0]
        seg = Segment(text=text, source=path, tag=tag)
        for k, v in kw.items():
            setattr(seg, k, v)
        doc.segments.append(seg)
    compute(doc)
    for s in doc.segments:
        s.label = label
    return doc


def assert_chrome_then_words(chrome: list[str], words: list[str]) -> None:
    """Each of ``chrome`` is a comment section's chrome, each of ``words`` a reader's words."""
    doc = html_doc(*[(f"/p[{i}]", t) for i, t in enumerate(chrome + words)])
    roles = [comment_role(s) for s in doc.segments]
    assert roles == [CHROME] * len(chrome) + [WORDS] * len(words)


def link(seg: Segment) -> Segment:
    seg.link_chars = seg.chars
    seg.link_density = 1.0
    return seg


def groups(doc: Doc) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for s in doc.segments:
        if s.comment is not None:
            out.setdefault(s.comment, []).append(s.text)
    return [out[k] for k in sorted(out)]


# --- roles --------------------------------------------------------------------------------------


def test_comment_roles() -> None:
    doc = html_doc(
        ("/a", WORDS_1),
        ("/b", "john says:"),
        ("/c", "Posted by: Natasha | Apr 6, 2007 2:10:39 PM"),
        ("/d", "November 7th, 2012 at 9:42 pm"),
        ("/e", "Reply"),
        ("/f", "Leave a Reply"),
        ("/g", "Click here to cancel reply."),
        ("/h", "Report abuse"),
        ("/i", "Like 0"),
        ("/j", "Comment number 127."),
        ("/k", "Please enable JavaScript to load the comments!"),
    )
    roles = [comment_role(s) for s in doc.segments]
    assert roles == [WORDS, META, META, META, CHROME, CHROME, CHROME, CHROME, CHROME, META, CHROME]


def test_comment_roles_of_links_and_forms() -> None:
    doc = html_doc(
        ("/a", "Gibbo"),
        ("/b", "Steve Morris on Version 2 of the AWS SDK for PHP"),
        ("/c", "Name *"),
    )
    link(doc.segments[0])
    link(doc.segments[1])
    doc.segments[2].near_cues = P.FORM
    assert [comment_role(s) for s in doc.segments] == [META, CHROME, CHROME]
    # a dump's form: lynx's text fields (underscores), w3m's fields and check boxes (brackets),
    # lynx's rule; the reader's words stay words
    doc = text_doc("Name (required)_____", "______ Mail (will not be published) (required)",
                   "[                      ] Website", "[ ] Notify me of followup comments",
                   "_" * 900, "I agree (mostly) with the snake_case remark.")
    assert [comment_role(s) for s in doc.segments] == [CHROME] * 5 + [WORDS]
    # and w3m's pieces of a wide field it broke over lines
    doc = text_doc("[Name (required)", "[", "]", "] [")
    assert [comment_role(s) for s in doc.segments] == [CHROME] * 4


def test_platform_chrome_of_a_comment_form_is_no_comment() -> None:
    # WordPress's list of allowed tags, trackback lines, Typepad's preview and reblog count,
    # a hidden comment's notice (the comment-free dragnet dumps that returned them)
    doc = text_doc(
        'You may use these HTML tags and attributes: <a href="" title=""> <abbr title=""> <b>',
        'You can use these tags: <a href="" title=""> <b> <blockquote cite="">',
        "HTML tags are not allowed.", "TrackBack URL for this entry:", "0 Trackback",
        "Verify your Comment", "This is only a preview. Your comment has not yet been posted.",
        "Reblog (0) |", "Abusive comment hidden. (Show it anyway.)",
        "I used trackbacks a lot back then.", "This is only my opinion, but the tags help.",
    )
    assert [comment_role(s) for s in doc.segments] == [CHROME] * 9 + [WORDS] * 2


def test_the_posts_author_box_is_no_comment() -> None:
    doc = html_doc(
        ("/a", "About the author: Nickel is the founder and editor-in-chief of this site. He's a "
               "thirty-something father of three who writes about personal finance."),
        ("/b", "Über den Autor: Max schreibt seit 2010 über Fahrräder."),
        ("/c", "I read about the author of this study last week and disagree with her."),
    )
    assert [comment_role(s) for s in doc.segments] == [CHROME, CHROME, WORDS]


def test_the_sections_notices_are_no_comment() -> None:
    doc = html_doc(
        ("/a", "Now you're in the public comment zone. What follows is not CBS News stuff; it comes "
               "from other people and we don't vouch for it."),
        ("/b", "The comments above are from readers. In no way do they represent the views of the "
               "Winona Daily News."),
        ("/c", "Click here to report offensive or inappropriate comments."),
        ("/d", "Sign Up - To encourage intelligent and meaningful conversation, the site requires "
               "all commenters to register before posting comments."),
        ("/e", "The mayor does not represent the views of this town, and readers know it."),
        ("/f", "Many readers here forgot to register to vote, sadly."),
        ("/g", WORDS_1),
    )
    assert [comment_role(s) for s in doc.segments] == [
        CHROME, CHROME, CHROME, CHROME, WORDS, WORDS, WORDS,
    ]


def test_the_sections_chrome_in_other_languages_is_no_comment() -> None:
    # WordPress's and Blogger's own translations of the form's title, "Cancel reply" and the
    # count, a sign-in prompt, the rules; a reader's words about comments stay words.
    chrome = [
        "Schreibe einen Kommentar Antworten abbrechen", "Kommentar verfassen Antwort abbrechen",
        "Hinterlassen Sie einen Kommentar", "12 Kommentare", "Keine Kommentare:",
        "Aucun commentaire:", "Laisser un commentaire", "Deja una respuesta",
        "Lascia un commento", "Sie müssen sich anmelden um Kommentare zu schreiben.",
        "Die Redaktion behält sich das Recht vor, Kommentare vor der Veröffentlichung zu prüfen.",
        "Please be respectful when making a comment and adhere to our Community Guidelines.",
        "There are no Independent Premium comments yet - be the first to add your thoughts",
    ]
    words = [
        "Kommentare wie dieser zeigen, dass die Debatte noch lange nicht vorbei ist.",
        "12 Kommentare und keiner hat den Artikel gelesen, so scheint es mir jedenfalls.",
    ]
    assert_chrome_then_words(chrome, words)


def test_a_sentence_with_a_date_is_words() -> None:
    doc = html_doc(
        ("/a", "I went there on November 7th, 2012 and the bridge was already full of cars.")
    )
    assert comment_role(doc.segments[0]) == WORDS


def test_rights_notices_and_relative_stamps_are_not_words() -> None:
    doc = html_doc(
        ("/a", "© 2012 CBS Interactive Inc.. All Rights Reserved. 26"),
        ("/b", "BLACKLISTED: me • seconds ago • 0"),
        ("/c", "posted just now"),
        ("/d", "Copyright law is broken and this article shows why it needs reform."),
    )
    assert [comment_role(s) for s in doc.segments] == [CHROME, META, META, WORDS]


# --- splitting into comments -------------------------------------------------------------------


def test_pingbacks_and_reblogs_are_no_reader_comments() -> None:
    # WordPress lists the pages that link to the post among its comments: a pingback's excerpt
    # under the linking page's name, WordPress.com's reblog notice (dragnet R407, 456)
    doc = html_doc(
        ("/html/body/div/h3", "3 Comments"),
        ("/html/body/div/ol/li[1]/div[1]", "john says:"),
        ("/html/body/div/ol/li[1]/div[2]/p", WORDS_1),
        ("/html/body/div/ol/li[2]/div[1]", "CRT/tanaka | LinkedIn Says:"),
        ("/html/body/div/ol/li[2]/div[2]/p", "[...] CRT/tanaka Based on the success of the race, "
                                             "the foundation asked its donors to [...]"),
        ("/html/body/div/ol/li[3]/div[1]", "txwikinger says:"),
        ("/html/body/div/ol/li[3]/div[2]/p", "Reblogged this on txwikinger's blog."),
        ("/html/body/div/ol/li[4]/div[1]", "Pingback: Live and Die with Headlines | Geoff"),
        ("/html/body/div/ol/li[4]/div[2]/p", "[...] headlines drive traffic, as [...]"),
        ("/html/body/div/ol/li[5]/div[1]", "mary says:"),
        ("/html/body/div/ol/li[5]/div[2]/p", "I said [...] and meant it: " + WORDS_2),
    )
    CommentItems()(doc)
    assert groups(doc) == [
        ["john says:", WORDS_1], ["mary says:", "I said [...] and meant it: " + WORDS_2]
    ]
    for s in doc.segments[3:9]:
        assert s.label is None and s.comment is None and s.by == "comment-items", s.text
    art = assemble(doc, encoding=None, url=None)
    assert [c.author for c in art.comments] == ["john", "mary"]


def test_pingbacks_in_a_list_of_recent_comments() -> None:
    # a sidebar's recent comments show a pingback as the linking page's title, a colon and its
    # excerpt (dragnet R407); a reader quoting with "[...]" after a colon of their own is kept
    doc = html_doc(
        ("/html/body/div/ul/li[1]/h4", "Headline Writing Drives Traffic:"),
        ("/html/body/div/ul/li[1]/p", "Live and Die with Headlines | Geoff Livingston's Blog: "
                                      "[...] bad. Writing great headlines matters more…"),
        ("/html/body/div/ul/li[2]/h4", "5 Ways Brands Can Maximize Their Marketing:"),
        ("/html/body/div/ul/li[2]/p", "Katie: I really enjoyed this post. I liked the part [...] "
                                      "about moms."),
    )
    link(doc.segments[0])  # (each item's heading links to the post)
    link(doc.segments[2])
    CommentItems()(doc)
    assert doc.segments[1].label is None and doc.segments[1].comment is None
    assert doc.segments[3].comment is not None


def test_a_sidebars_latest_comments_are_no_comments() -> None:
    # WordPress's recent-comments widget ("Tim bei JOVELBUCH"): comment markup, no comment of
    # this page; the page's own thread is kept
    doc = html_doc(
        ("/html/body/div[1]/ol/li[1]/div[1]", "john says:"),
        ("/html/body/div[1]/ol/li[1]/div[2]/p", WORDS_1),
        ("/html/body/div[2]/ul/li[1]", "Tim bei JOVELBUCH"),
        ("/html/body/div[2]/ul/li[2]", "Elena on Why the bridge is closed: I drove by today."),
    )
    for s in doc.segments[2:]:
        s.cues = P.COMMENT | P.ASIDE | P.RECENT_COMMENTS
    CommentItems()(doc)
    assert groups(doc) == [["john says:", WORDS_1]]
    assert all(s.label is None and s.comment is None for s in doc.segments[2:])


def test_a_templates_empty_value_is_no_comment() -> None:
    # a comment form shows the signed-in reader's name, "none" when no one is (dragnet R826);
    # a community widget prints "null"
    for text in ("none", "null", "undefined", "(none)"):
        doc = html_doc(("/p", text))
        assert comment_role(doc.segments[0]) == CHROME, text
    doc = html_doc(("/p", "None of this is new."), ("/p", "Null and void!"))
    assert [comment_role(s) for s in doc.segments] == [WORDS, WORDS]


def test_a_feedback_prompt_is_chrome() -> None:
    assert_chrome_then_words(
        ["Was this article useful? Please sign up to receive our content via e-mail:",
         "Was this helpful?", "Did you find this post helpful?"],
        [WORDS_1, "Was this useful to anyone else? It was not to me, I am afraid."],
    )


def test_a_sections_question_to_its_readers_is_chrome() -> None:
    # headings that close a post and open its comments (dragnet R904, R989), WordPress's heading
    # over the list of pingbacks (R382), a German "comment" button
    assert_chrome_then_words(
        ["What do you think?", "Anything to add?", "So, what are your thoughts?", "Pingbacks",
         "Trackbacks/Pingbacks", "Jetzt kommentieren"],
        ["What do you think about the tolls? I think they are too high.", WORDS_3],
    )


def test_comment_chrome_in_other_languages() -> None:
    # read among trafilatura-eval's and mozilla-readability's pages, returned as comments before:
    # the form's thanks and prompts, sign-in prompts, notices, a reaction widget, a sort control
    assert_chrome_then_words(
        ["Vielen Dank! Ihr Kommentar wurde abgeschickt.",
         "Um ein Kommentar zu hinterlassen, müssen Sie sich anmelden.",
         "(Die Redaktion schaltet Kommentare montags bis freitag zwischen 8 und 18 Uhr frei.)",
         "Im Interesse unserer User behalten wir uns vor, jeden Beitrag vor der "
         "Veröffentlichung zu prüfen.",
         "Neueste / Älteste Meisten Abstimmungen",
         "Merci pour votre contribution.", "S'il vous plaît entrer un commentaire.",
         "Os comentários não representam a opinião do jornal; a responsabilidade é do autor.",
         "Como você se sentiu com essa matéria?", "还没有评论，快来抢沙发吧！",
         "Independent Premium Comments can be posted by members of Independent Premium.",
         "Editorial Disclaimer: Opinions expressed here are the author's alone.",
         "Join the conversation in our comments section below.",
         "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
         "Unbenannt", "63 Kommentatoren", "6 Answers 6", "level 2", "Read the Terms of Use",
         "Bio: I write things. I hope you like them.", "•", "□", "* +", "Something to say?",
         "No account? Registration is free and easy!", "Your comment could not be posted.",
         "Thank you. Your submission has been sent.", "Newer Post Older Post Home",
         "Wordpress Hashcash needs javascript to work, but your browser has javascript disabled.",
         "This symbol indicates that that person is The Guardian's staff", "Error message",
         "We welcome thoughtful comments from readers. Please comply with our guidelines.",
         "Not Registered? Quick registration and comment.",
         "Already Registered? Login and comment.", "Comment again", "← Previous Comments",
         "Newer Comments →", "« Older Comments"],
        ["Danke für den Artikel, ich habe das Rezept gleich ausprobiert.", "❤️", "😊👍",
         "Merci pour cet article, très bien écrit et utile.", WORDS_1],
    )


def test_a_german_reblog_notice_is_no_reader_comment() -> None:
    doc = html_doc(
        ("/html/body/div/ol/li[1]/div[1]", "mywakenews sagt:"),
        ("/html/body/div/ol/li[1]/div[2]/p", "Hat dies auf meinfreundhawey.com rebloggt."),
        ("/html/body/div/ol/li[2]/div[1]", "anna sagt:"),
        ("/html/body/div/ol/li[2]/div[2]/p", "Danke für den Artikel, sehr gut geschrieben."),
    )
    CommentItems()(doc)
    assert groups(doc) == [["anna sagt:", "Danke für den Artikel, sehr gut geschrieben."]]


def test_a_name_in_the_comments_header_element_is_its_header() -> None:
    # Disqus's saved markup puts the commenter's name (after their web address) alone in
    # "dsq-comment-header" over "dsq-comment-body": a header line by its element's class; a short
    # sentence there, or a name elsewhere, is not one
    doc = html_doc(("/a", "http://twitter.com/BruceTrinh Bruce Trinh"), ("/b", "Ookmon"),
                   ("/c", "Great story, thanks."))
    assert [comment_role(s, P.COMMENT | P.HEADER) for s in doc.segments] == [META, META, WORDS]
    assert comment_role(doc.segments[1], P.COMMENT) == WORDS


def test_list_items_with_headers_above_the_words() -> None:
    doc = html_doc(
        ("/html/body/div/h3", "3 Comments"),
        ("/html/body/div/ol/li[1]/div[1]", "john says:"),
        ("/html/body/div/ol/li[1]/div[2]/p[1]", WORDS_1),
        ("/html/body/div/ol/li[1]/div[2]/p[2]", WORDS_3),
        ("/html/body/div/ol/li[1]/div[3]", "Reply"),
        ("/html/body/div/ol/li[1]/ul/li/div[1]", "mary says:"),
        ("/html/body/div/ol/li[1]/ul/li/div[2]/p", WORDS_2),
        ("/html/body/div/ol/li[2]/div[1]", "Jimmy | November 11, 2012 3:39 AM | Reply"),
        ("/html/body/div/ol/li[2]/div[2]/p", "Great review."),
    )
    CommentItems()(doc)
    assert groups(doc) == [
        ["john says:", WORDS_1, WORDS_3],
        ["mary says:", WORDS_2],
        ["Jimmy | November 11, 2012 3:39 AM | Reply", "Great review."],
    ]
    assert doc.segments[0].comment is None  # the section header is chrome
    assert doc.segments[4].comment is None  # "Reply"
    art = assemble(doc, encoding=None, url=None)
    assert [(c.text, c.author, c.date) for c in art.comments] == [
        (WORDS_1 + "\n" + WORDS_3, "john", None),
        (WORDS_2, "mary", None),
        ("Great review.", "Jimmy", "November 11, 2012 3:39 AM"),
    ]


def test_definition_list_of_authors_and_comments() -> None:
    doc = html_doc(
        ("/html/body/dl/dt[1]", "Gibbo"),
        ("/html/body/dl/dd[1]/p", WORDS_1),
        ("/html/body/dl/dt[2]", "Robert"),
        ("/html/body/dl/dd[2]/p[1]", WORDS_2),
        ("/html/body/dl/dd[2]/p[2]", WORDS_3),
    )
    link(doc.segments[0])
    link(doc.segments[2])
    CommentItems()(doc)
    assert groups(doc) == [["Gibbo", WORDS_1], ["Robert", WORDS_2, WORDS_3]]
    art = assemble(doc, encoding=None, url=None)
    assert [c.author for c in art.comments] == ["Gibbo", "Robert"]


def test_headers_below_the_words() -> None:
    doc = html_doc(
        ("/html/body/div/div[1]/p[1]", WORDS_1),
        ("/html/body/div/div[1]/p[2]", "Posted by: Natasha | Apr 6, 2007 2:10:39 PM"),
        ("/html/body/div/div[2]/p[1]", WORDS_2),
        ("/html/body/div/div[2]/p[2]", "Posted by: Mike | Apr 6, 2007 2:09:47 PM"),
    )
    CommentItems()(doc)
    art = assemble(doc, encoding=None, url=None)
    assert [(c.text, c.author, c.date) for c in art.comments] == [
        (WORDS_1, "Natasha", "Apr 6, 2007 2:10:39 PM"),
        (WORDS_2, "Mike", "Apr 6, 2007 2:09:47 PM"),
    ]


def test_paragraphs_of_one_comment_stay_together() -> None:
    doc = html_doc(
        ("/html/body/div/p[1]", "Robert Mills | November 9, 2012 12:49 AM | Reply"),
        ("/html/body/div/p[2]", WORDS_1),
        ("/html/body/div/p[3]", WORDS_2),
    )
    CommentItems()(doc)
    assert groups(doc) == [[s.text for s in doc.segments]]


def text_comments(lines: tuple[str, ...]) -> Doc:
    """A text document of ``lines`` (``text_doc``), all comment blocks, split by
    ``CommentItems``."""
    doc = text_doc(*lines)
    for s in doc.segments:
        s.label = Label.COMMENT
    CommentItems()(doc)
    return doc


def test_text_comments_split_at_widgets() -> None:
    doc = text_comments((WORDS_1, "Reply", WORDS_2, "Reply", WORDS_3))
    assert groups(doc) == [[WORDS_1], [WORDS_2], [WORDS_3]]


def test_a_dumps_thread_signed_below_keeps_its_last_signature() -> None:
    # Squarespace's w3m dump (dragnet R8): each comment signed under its words; the model claims
    # the words, not the last signature, which the section left out. Read without it the headers
    # opened comments, and each comment took the next one's author and date.
    lines = (
        "Reader Comments (3)",
        WORDS_1,
        "October 24, 2012 | Unregistered CommenterChris",
        WORDS_2,
        "October 25, 2012 | Unregistered CommenterBenjamin Schweizer",
        WORDS_3,
        "October 25, 2012 | Unregistered CommenterVladimir Rodionov",
        "Enter your information below to add a new comment.",
    )
    doc = text_doc(*lines)
    for s in doc.segments[:6]:
        s.label = Label.COMMENT
    doc.segments[6].label = Label.NAVIGATION
    doc.segments[7].label = Label.COMMENT
    CommentItems()(doc)
    assert doc.segments[6].label is Label.COMMENT
    art = assemble(doc, encoding=None, url=None)
    assert [(c.text, c.author, c.date) for c in art.comments] == [
        (WORDS_1, "Chris", "October 24, 2012"),
        (WORDS_2, "Benjamin Schweizer", "October 25, 2012"),
        (WORDS_3, "Vladimir Rodionov", "October 25, 2012"),
    ]


SVN_DUMP = ROOT / "fixtures" / "dumps" / "signal-vs-noise" / "w3m.txt"
"""The w3m dump of a Signal vs. Noise post (dragnet R627): the post, the byline that counts the
comments, and twelve comments each under its "Name 07 Nov 12" line."""


def test_a_dumps_thread_under_a_byline_that_counts_it() -> None:
    # No comment header: the byline's count opens the thread, the signed lines ("Jermaine 07 Nov
    # 12", a year of two digits) split it; before, the whole thread was the article's.
    import boilerstrip

    art = boilerstrip.extract(SVN_DUMP.read_text("utf-8"), kind="text")
    assert len(art.comments) == 12
    assert [(c.author, c.date) for c in art.comments[:6]] == [
        ("Jermaine", "07 Nov 12"),
        ("Radex", "07 Nov 12"),
        ("Jason Fried", "07 Nov 12"),
        ("Alejandro Moreno", "07 Nov 12"),
        ("Ben Dunlap", "07 Nov 12"),
        ("Jared White", "07 Nov 12"),
    ]
    assert art.comments[0].text == "Love it. The little details that matter and make a difference."
    assert "Great design from Apple" in art.text
    assert "There are 12 comments." in art.text  # the post's byline, not a comment
    assert "Love it." not in art.text


def test_a_forums_line_of_another_kind_is_no_closing_signature() -> None:
    # An Ars forum's lynx dump (cleaneval-dev 53): each post under its "Posted <date>" header,
    # and after the last one a placeholder of an ignored post: no signature of the same shape,
    # so the headers keep opening their posts and the placeholder stays out.
    lines = (
        WORDS_1,
        "[blank.gif] Posted June 07, 2005 15:59 Edit or Delete Message",
        WORDS_2,
        "Ignored post by Jamilla posted June 07, 2005 17:35 Show Post",
    )
    doc = text_doc(*lines)
    for s in doc.segments[:3]:
        s.label = Label.COMMENT
    doc.segments[3].label = Label.NAVIGATION
    CommentItems()(doc)
    assert doc.segments[3].label is Label.NAVIGATION
    assert groups(doc) == [[WORDS_1], list(lines[1:3])]


def test_a_dumps_name_line_over_its_date_names_the_commenter() -> None:
    # TheBlaze's w3m dump (dragnet T65): the name on its own line over "Posted on <date>", and
    # the "Report Post" widget with the avatar in brackets between two comments
    lines = (
        "broper", "Posted on August 9, 2012 at 11:40am", WORDS_1,
        "Report Post » [60697] Log in to ReplyReply",
        "mtcountrygrl", "Posted on August 9, 2012 at 12:14pm", WORDS_2,
        "Report Post » [a08db]",
    )
    doc = text_comments(lines)
    assert groups(doc) == [list(lines[:3]), list(lines[4:7])]
    art = assemble(doc, encoding=None, url=None)
    assert [(c.author, c.text) for c in art.comments] == [
        ("broper", WORDS_1), ("mtcountrygrl", WORDS_2)
    ]
    # a short line right after a comment's words is their sign-off, not the next one's name
    doc = text_comments((WORDS_1, "xoxo", "Posted on August 9, 2012 at 12:14pm", WORDS_2))
    art = assemble(doc, encoding=None, url=None)
    assert art.comments[0].text == WORDS_1 + "\nxoxo"


def test_wordpress_thread_headers_open_a_text_comment_section() -> None:
    # WordPress heads a thread of one "One comment" or "One Response to “Title”", of more
    # "12 Responses to “Title”" (dragnet R702's and R134's dumps: no comment was found)
    for header in ("One comment", "One Response to “Braided Bun”", "12 Responses to “Braided Bun”",
                   "1 comment to Three conversations for parents",
                   "Reader Comments (3)",  # (Squarespace's: dragnet R7, R8, R11, T76)
                   "{ 12 comments… read them below or add one }",  # (WordPress's Thesis theme)
                   "{ 1 comment… read it below or add one }", "{ 0 comments… add one now }"):
        assert P.COMMENT_HEADER.match(header), header
    for line in ("I have one comment about this.", "one comment – permalink"):
        assert not P.COMMENT_HEADER.match(line), line
    doc = text_doc(WORDS_1, WORDS_2, "One Response to “Braided Bun”", "Jennie says:", WORDS_3)
    Density()(doc)
    CommentSection()(doc)
    assert [s.label for s in doc.segments] == [None, None] + [Label.COMMENT] * 3


def test_comments_shown_by_their_titles() -> None:
    doc = html_doc(
        ("/html/body/div/p", "2 comments posted - Post a new comment"),
        ("/html/body/div/div/div[1]/h4", "Sure, that'll work"),
        ("/html/body/div/div/div[1]/p", "Posted: 16:50 8th January 2008"),
        ("/html/body/div/div/div[2]/h4", "Four percent?"),
        ("/html/body/div/div/div[2]/p", "frederiko1\nJan 16, 2008, 6:44 PM PST"),
    )
    link(doc.segments[1])
    link(doc.segments[3])
    CommentItems()(doc)
    art = assemble(doc, encoding=None, url=None)
    assert [(c.text, c.author, c.date) for c in art.comments] == [
        ("Sure, that'll work", None, "16:50 8th January 2008"),
        ("Four percent?", "frederiko1", "Jan 16, 2008, 6:44 PM PST"),
    ]


def test_titles_are_not_comments_where_the_section_has_words_or_counts() -> None:
    # A section with reader's words: its headings stay headers.
    doc = html_doc(
        ("/html/body/div/div[1]/h4", "Great idea"),
        ("/html/body/div/div[1]/p[1]", "Posted: 16:50 8th January 2008"),
        ("/html/body/div/div[1]/p[2]", WORDS_1),
        ("/html/body/div/div[2]/h4", "Not so fast"),
        ("/html/body/div/div[2]/p[1]", "Posted: 18:42 8th January 2008"),
        ("/html/body/div/div[2]/p[2]", WORDS_2),
    )
    link(doc.segments[0])
    link(doc.segments[3])
    CommentItems()(doc)
    assert [c.text for c in assemble(doc, encoding=None, url=None).comments] == [WORDS_1, WORDS_2]
    # A list of posts, each with its comment count: no comments.
    doc = html_doc(
        ("/html/body/div/div[1]/h5", "Orioles Call Up Manny Machado"),
        ("/html/body/div/div[1]/p[1]", "by Ronit Shah about 14 hours ago"),
        ("/html/body/div/div[1]/p[2]", "4 comments | 2 recs"),
        ("/html/body/div/div[2]/h5", "Rangers Place Yorvit Torrealba on Release Waivers"),
        ("/html/body/div/div[2]/p[1]", "by Blaine Blontz 1 day ago"),
        ("/html/body/div/div[2]/p[2]", "3 comments"),
    )
    for s in doc.segments:
        link(s)
    CommentItems()(doc)
    assert assemble(doc, encoding=None, url=None).comments == []
    # Headlines with dates but no title above each date: no comments.
    doc = html_doc(
        ("/html/body/div/ul[1]/li[1]/h3", "Britain shock Brazil to top group"),
        ("/html/body/div/ul[1]/li[2]/h3", "Pienaar completes Everton return"),
        ("/html/body/div/ul[2]/li[1]", "Motherwell 0 - 2 Panathinaikos 31 Jul 2012"),
        ("/html/body/div/ul[2]/li[2]", "Team GB identify key Uruguay trio 31 Jul 2012"),
    )
    for s in doc.segments:
        link(s)
    CommentItems()(doc)
    assert assemble(doc, encoding=None, url=None).comments == []


def test_hidden_copies_of_shown_words_are_left_out() -> None:
    doc = html_doc(
        ("/html/body/div/div[1]", "Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08"),
        ("/html/body/div/div[2]", WORDS_1 + " " + WORDS_3),  # hidden copy, for quoting
        ("/html/body/div/div[3]", WORDS_1),
        ("/html/body/div/div[3]", WORDS_3),
        ("/html/body/div/div[4]", "Posted by: Miss Priss on 11:56am Wed 9 Jan 08"),
        ("/html/body/div/div[5]", WORDS_2),  # hidden, shown nowhere: still words
    )
    doc.segments[1].cues |= P.HIDDEN
    doc.segments[5].cues |= P.HIDDEN
    CommentItems()(doc)
    assert groups(doc) == [
        ["Posted by: Brad, Glasgow on 11:16am Wed 9 Jan 08", WORDS_1, WORDS_3],
        ["Posted by: Miss Priss on 11:56am Wed 9 Jan 08", WORDS_2],
    ]


def test_section_prompts_and_report_widgets_are_chrome() -> None:
    doc = html_doc(
        ("/a", "Latest Comments:"),
        ("/b", "Quote | Report this post"),
        ("/c", "Type in Your Comments Below"),
        ("/d", "The latest comments on the budget were harsh, and the minister heard them."),
    )
    assert [comment_role(s) for s in doc.segments] == [CHROME, CHROME, CHROME, WORDS]


def test_a_post_footer_swept_into_the_section_is_chrome() -> None:
    # dragnet R428: the post's date, its "Leave a Comment" link and its category, in one block
    # at the head of the comment section.
    doc = html_doc(
        ("/div[4]", "Published on November 5th, 2012 - Leave a Comment\nFiled under: Banking"),
        ("/p[1]", "Tags: savings, online banks"),
        ("/p[2]", "Category 5 storms are rare here, but this rate cut felt like one."),
        ("/p[3]", "I posted in the forum about this rate cut last week, nobody answered."),
    )
    assert [comment_role(s) for s in doc.segments] == [CHROME, CHROME, WORDS, WORDS]


RULES = (
    "Comments are subject to approval and moderation. We remind everyone that this site "
    "promotes a civil society where ideas and debate flourish. Please be respectful of each "
    "other and of the subjects of any criticism. Profanity, lewdness, personal attacks and "
    "other forms of incivility will not be tolerated. Please keep your thoughts brief and "
    "avoid ALL CAPS. Thanks for joining the conversation."
)
"""A comment section's rules, longer than a prompt (25 words)."""

ROLE_OF_LINE = (
    # Seen as the only "comment" on comment-free dragnet pages: a comment section's empty-state
    # notice, its loading placeholder, its feed link, a most-commented list's header, a like
    # counter's notice, prompts, and the legend of the badges beside commenters' names ...
    ("There are no comments for this story.", CHROME),
    ("Enter your information below to add a new comment.", CHROME),  # Squarespace's form
    ("Loading...", CHROME),
    ("Loading comments…", CHROME),
    ("This post's comment feed", CHROME),
    ("The most commented posts on Engadget over the past 24 hours.", CHROME),
    ("Nobody has liked this comment yet", CHROME),
    ("Staff", CHROME),
    ("Contributor", CHROME),
    ("Read what others are saying", CHROME),
    ("Create a Journal Community profile to avoid this message in the future.", CHROME),
    # the header WordPress themes put over the comments, in a line of its own
    ("20 thoughts on “Amazon Liable for Defective Third-Party Products”", CHROME),
    ("5 Antworten zu „Rebloggt von gnaddrig ad libitum: Antipoden“", CHROME),
    # a byline with no name: Typepad's comment preview template
    ("Posted by:  |", CHROME),
    # ... the section's rules, however long ...
    (RULES, CHROME),
    ("Guidelines: Fan feedback should be within the guidelines for the community.", CHROME),
    ("We reserve the right to remove comments that are off topic.", CHROME),
    ("All comments are moderated so you may experience a short delay before yours appears.",
     CHROME),
    # ... and what w3m and lynx write for an image without text, a form field or a button
    ("[big]", CHROME),
    ("_________________", CHROME),
    ("[ Post ] [  Edit  ]", CHROME),
    # a German byline is a comment's header, and so is a byline with a name
    ("Harm Otten sagt:", META),
    ("Posted by: Natasha |", META),
    # readers' words that start or end like those
    ("No comments here mention the real problem: the bridge is too narrow for buses.", CHROME),
    ("Loading the van took us three hours, and the staff at the depot helped.", WORDS),
    ("The rules of the game changed in 2010, and the comments of the coach show it.", WORDS),
    ("[avatar] I saw the [big] bridge from the train and it looked finished already.", WORDS),
    ("Vielen Dank für die tolle Folge!", WORDS),
    ("One thought on this: the bridge should have been built ten years ago.", WORDS),
)


def test_comment_section_chrome_and_headers_by_their_line() -> None:
    doc = html_doc(*((f"/p[{i}]", text) for i, (text, _) in enumerate(ROLE_OF_LINE, 1)))
    assert next(s for s in doc.segments if s.text == RULES).words > 25
    got = [(s.text[:40], comment_role(s)) for s in doc.segments]
    assert got == [(text[:40], role) for text, role in ROLE_OF_LINE]


def test_a_section_of_chrome_alone_lists_no_comment() -> None:
    doc = html_doc(
        ("/html/body/div[2]/h3", "Comments"),
        ("/html/body/div[2]/p[1]", "Loading..."),
        ("/html/body/div[2]/p[2]", "Weigh In"),
        ("/html/body/div[2]/p[3]", "Staff"),
        ("/html/body/div[2]/p[4]", "Contributor"),
    )
    link(doc.segments[2])  # (the section's header is a link to it, as on the page)
    CommentItems()(doc)
    assert assemble(doc, encoding=None, url=None).comments == []


def test_bylines_after_the_last_comment_item_join_no_comment() -> None:
    doc = html_doc(
        ("/html/body/div[1]/div[1]/div[1]", WORDS_1),
        ("/html/body/div[1]/div[1]/div[2]", "Posted on 01/20/2008 at 6:01:41 PM"),
        ("/html/body/div[1]/div[2]/div[1]", WORDS_2),
        ("/html/body/div[1]/div[2]/div[2]", "Posted on 01/18/2008 at 4:01:01 PM"),
        ("/html/body/div[2]/div[1]", "Victim and Victimizer: Are They the Same..."),
        ("/html/body/div[2]/div[2]", "By Lowery | Read Article"),
    )
    link(doc.segments[4])
    link(doc.segments[5])
    CommentItems()(doc)
    assert groups(doc) == [
        [WORDS_1, "Posted on 01/20/2008 at 6:01:41 PM"],
        [WORDS_2, "Posted on 01/18/2008 at 4:01:01 PM"],
    ]


# --- authors and dates -------------------------------------------------------------------------


def test_comment_author_and_date() -> None:
    cases = {
        "Justine — July 21st, 2012, 6:32 pm": ("Justine", "July 21st, 2012, 6:32 pm"),
        "posted on Thursday, October 25, 2012 at 10:22 AM by Noel": (
            "Noel",
            "Thursday, October 25, 2012 at 10:22 AM",
        ),
        "by Cartwright on Aug 8, 2012 9:08 PM PDT up reply actions": (
            "Cartwright",
            "Aug 8, 2012 9:08 PM PDT",
        ),
        "40 Aggie October 26, 2012 at 7:04 pm": ("Aggie", "October 26, 2012 at 7:04 pm"),
        "1. James Cannon - Runcorn Trekkie UK - October 26, 2012": (
            "James Cannon",
            "October 26, 2012",
        ),
        "BY TAROCHAN AT 01/08/08 05:30 PM": ("TAROCHAN", "01/08/08 05:30 PM"),
        "Comment number 127.": (None, None),
    }
    for line, expected in cases.items():
        assert comment_author_date([line]) == expected, line
    assert comment_author_date(["Profile", "11.05.12 at 1:55 pm", "Johnny Lager"]) == (
        "Johnny Lager",
        "11.05.12 at 1:55 pm",
    )


def test_a_header_that_says_who_said_it() -> None:
    # dots after "said" are no sentence's end (dragnet R149), a comma after it (T132), Spanish and
    # Portuguese (cubadebate.cu): each a header line with its author
    for line, author, date in [
        ("On October 29, 2012 at 2:35am, Rosa said...", "Rosa", "October 29, 2012 at 2:35am"),
        ("Kevin said,", "Kevin", None),
        ("Ramón dijo:", "Ramón", None),
        ("Maria disse:", "Maria", None),
    ]:
        assert is_header_text(line), line
        assert comment_author_date([line]) == (author, date), line
    # a reader's sentence that ends in "said." is no header
    assert not is_header_text("I do not believe a word of what the minister said.")


def test_comment_author_and_date_of_more_header_shapes() -> None:
    # German WordPress: "X sagt:" over "25. Februar 2020 um 13:02 Uhr"
    assert comment_author_date(["Harm Otten sagt:", "25. Februar 2020 um 13:02 Uhr"]) == (
        "Harm Otten",
        "25. Februar 2020 um 13:02 Uhr",
    )
    # the commenter's site after the name; a post's "Updated:" stamp; Food52's "X added"
    assert comment_author_date(["Paul Withers http://www.intec.co.uk/blog 11/8/2012 2:57 AM"]) == (
        "Paul Withers",
        "11/8/2012 2:57 AM",
    )
    assert comment_author_date(["08/09/2012 4:03 pm | Updated: 08/09/2012 4:25 pm"]) == (
        None,
        "08/09/2012 4:03 pm",
    )
    assert comment_author_date(["QueenSashy added 1 day ago"]) == ("QueenSashy", "1 day ago")
    # a month and a year left over from a date a dump wrapped is no name
    assert comment_author_date(["Juni 2016 um", "17:21 Uhr"]) == (None, "17:21 Uhr")
    # Posterous: "about" before the time ago, the header over the words
    assert comment_author_date(["about 1 month ago jiddy responded:"]) == (
        "jiddy",
        "about 1 month ago",
    )
    # Squarespace's label before the name, which a dump glues to it
    assert comment_author_date(["October 25, 2012 | Unregistered CommenterJosé"]) == (
        "José",
        "October 25, 2012",
    )
    assert comment_author_date(["October 25, 2012 | Registered Commenter Todd Hoff"]) == (
        "Todd Hoff",
        "October 25, 2012",
    )
    # a day, a month and a year of two digits (Signal vs. Noise, dragnet R627), never a time
    assert comment_author_date(["Alejandro Moreno 07 Nov 12"]) == ("Alejandro Moreno", "07 Nov 12")
    assert comment_author_date(["Rob 7 Nov 12:30"]) == ("Rob", "7 Nov 12:30")
    # a day glued to the name before it is the name's ("1 Day19 November 12, ...": w3m's list
    # number, then the commenter Day19)
    assert comment_author_date(["1 Day19 November 12, 2012 at 3:04 pm"]) == (
        "Day19",
        "November 12, 2012 at 3:04 pm",
    )


def test_comment_dates_in_other_languages() -> None:
    # Day-month dates and "ago" in the languages of patterns.MONTH_NAMES, whole with their time
    # (the time alone was the date before), and the word before the date is no part of the name.
    cases = {
        "Max Muster 28. Oktober 2021 um 14:32 Uhr": ("Max Muster", "28. Oktober 2021 um 14:32 Uhr"),
        "rageul Le 10 décembre 2019 à 19:24": ("rageul", "10 décembre 2019 à 19:24"),
        "Ana 12 de diciembre de 2019 a las 10:12": ("Ana", "12 de diciembre de 2019 a las 10:12"),
        "Robs | 11 maja 2021, 23:13": ("Robs", "11 maja 2021, 23:13"),
        "Lee 2019年12月12日 10:12": ("Lee", "2019年12月12日 10:12"),
        "Robert Geiss vor 8 Stunden": ("Robert Geiss", "vor 8 Stunden"),
        "Pierre il y a 2 jours": ("Pierre", "il y a 2 jours"),
    }
    for line, expected in cases.items():
        assert comment_author_date([line]) == expected, line
    # a dump's image in brackets (w3m's avatar) before the name is no part of it
    assert comment_author_date(["[860b3] Gitta Peyn sagt:", "22. Dezember 2019 um 11:16 Uhr"]) == (
        "Gitta Peyn",
        "22. Dezember 2019 um 11:16 Uhr",
    )
    # "Reply" in other languages is a widget, not the commenter's name
    assert comment_author_date(["Antworten", "Sandra", "14. April 2019"]) == (
        "Sandra",
        "14. April 2019",
    )
    assert comment_author_date(["Responder", "26 abril 2022 a las 14:02"]) == (
        None,
        "26 abril 2022 a las 14:02",
    )


def test_weekday_and_month_before_a_date_are_the_date() -> None:
    # A weekday in another language before the date was left beside the name ("Anna Mittwoch");
    # Blogger prints its German dates in the US order and glues them to the name.
    cases = {
        "Anna Mittwoch, 10. Mai 2017 um 14:02": ("Anna", "Mittwoch, 10. Mai 2017 um 14:02"),
        "Jan Mittwoch, den 10. Mai 2017": ("Jan", "Mittwoch, den 10. Mai 2017"),
        "Pedro miércoles, 10 de mayo de 2017 a las 10:12": (
            "Pedro", "miércoles, 10 de mayo de 2017 a las 10:12"
        ),
        "Laura quarta-feira, 10 de maio de 2017": ("Laura", "quarta-feira, 10 de maio de 2017"),
        "Andjela GligorijevicMittwoch, Mai 10, 2017": (
            "Andjela Gligorijevic", "Mittwoch, Mai 10, 2017"
        ),
        # an English month or weekday is a whole word: "Marth" is a name, not "Mar" the 2nd
        "Marth 02.12.2022, 15:57:32": ("Marth", "02.12.2022, 15:57:32"),
        "Satish Kumar 10/11/2012": ("Satish Kumar", "10/11/2012"),
        "Monica 12 May 2012 at 3:00 pm": ("Monica", "12 May 2012 at 3:00 pm"),
        "Sunny October 5, 2012": ("Sunny", "October 5, 2012"),
        "Tues. Nov. 6, 2012 5:32 PM": (None, "Tues. Nov. 6, 2012 5:32 PM"),
        "Mai 68 Fan": ("Mai 68 Fan", None),
    }
    for line, expected in cases.items():
        assert comment_author_date([line]) == expected, line
    # a vote count and its buttons are no name (energiezukunft.eu's "+3 Gut" over "Antworten")
    assert comment_author_date(["Marth 02.12.2022, 15:57:32", "+3 Gut Antworten"]) == (
        "Marth", "02.12.2022, 15:57:32"
    )
    assert comment_author_date(["+3 Gut Antworten"]) == (None, None)
    # a vote count before the number and the name (dragnet T157)
    assert comment_author_date(["+4 #1 munya 2011-06-02 13:28"]) == ("munya", "2011-06-02 13:28")


def test_section_chrome_is_never_the_commenters_name() -> None:
    # Lines of the section's chrome where a header's name would be (a count, "expand", a sort
    # control, Blogger's glued "Reply Delete", a vote widget, a pingback's web address): no name,
    # and the name after them is found; "X Reply:" and German "Kommentar von X" name X.
    for line in (
        "Kommentare: 10", "Kommentare ( 56 )", "Kommentare (4) Kommentar schreiben",
        "Kommentare öffnen", "Aufklappen", "AntwortenLöschen", "Antworten ↓",
        "Daumen hoch0Daumen runter Antworten", "Flag this comment", "Suscribite para comentar",
        "blog comments powered by Disqus", "Comments (11) Add A Comment",
    ):
        assert comment_author_date([line, "Sandra", "14. April 2019"]) == (
            "Sandra", "14. April 2019",
        ), line
    assert comment_author_date(["Everywhereist Reply:", "July 10th, 2012 at 1:06 pm"]) == (
        "Everywhereist", "July 10th, 2012 at 1:06 pm",
    )
    assert comment_author_date(["Kommentar von Margit Heumann"]) == ("Margit Heumann", None)
    # ... and "X Reply:" is a header line in a dump, whose words are the next lines'
    assert is_header_text("Laura Reply:") and not is_header_text("Leave a Reply")
    assert comment_author_date(["Commenter", "November 13, 2012 at 04:03 pm"]) == (
        None, "November 13, 2012 at 04:03 pm",
    )
    # a dump's avatar: Drupal's "X's picture", a Gravatar's e-mail address said twice
    assert comment_author_date(["Pladizow Pladizow's picture", "Thu, 08/09/2012 - 14:48"]) == (
        "Pladizow", "Thu, 08/09/2012 - 14:48",
    )
    avatar = "ann@example.com'ann@example.com' Ann Jones"
    assert comment_author_date([avatar]) == ("Ann Jones", None)
    # a date in a web address is no date, its slug no name
    assert comment_author_date(
        ["http://keithpp.wordpress.com/2012/06/28/zen-and-the-art-of-motorcycle-maintenance/"]
    ) == (None, None)


def test_more_section_chrome_is_no_comment() -> None:
    chrome = [
        "{ 5 comments… read them below or add one }", "The comments to this entry are closed.",
        "Comments on this article are now closed.", "Sorry, No comment are found for this news.",
        "1.977 commentaires", "Comment on this article", "Pending Comments", "Comments:",
        "Comments (87)", "Sortiert nach: neuste | älteste | beste Bewertung", "Kommentare 8",
        "You can find our Community Guidelines in full here.", "Total Comments (1465)",
        "Daumen hoch0Daumen runter Antworten", "RépondreSupprimer", "See all 20 Comments",
        "Subscribe to followup comments via RSS | TrackBack URL", "» Comments RSS Feed",
        "Previewing your Comment", "Read below or add a comment...", "2 Kommentare »",
        "Gib hier deinen Kommentar ein ...", "Antwort ↓",
        "If you want a pic to show with your comment, go get a gravatar!",
        "NOTE: Please use English. Comments are moderated.",
    ]
    words = [
        "I feel like I should be able to “like” this comment.",
        "How about a comment on Argo? Read a book called Shooting Script.",
    ]
    assert_chrome_then_words(chrome, words)


def test_month_words_need_a_day_and_a_whole_word() -> None:
    # Bare abbreviations are words ("out", "set"); a month name is one only as a whole word.
    for text in ("5 out of 10 readers agree", "we lost 2 set points", "3 maisons", "4 Maigret"):
        assert P.COMMENT_DATE.search(text) is None, text
    for text, date in (("Posted 3 Okt. 2020", "3 Okt. 2020"), ("am 7 maio", "7 maio")):
        m = P.COMMENT_DATE.search(text)
        assert m is not None and m.group(0) == date, text


def test_widget_lines_leave_the_words() -> None:
    doc = html_doc(("/html/body/div/p", "Marrije Says:\n" + WORDS_1 + "\nReply"))
    CommentItems()(doc)
    art = assemble(doc, encoding=None, url=None)
    assert [(c.text, c.author) for c in art.comments] == [(WORDS_1, "Marrije")]


def test_block_comment_indices_follow_the_listed_comments() -> None:
    # Comment 0 is left with no words once its widget line is taken out: it is not listed, its
    # block belongs to no comment, and comment 1 becomes Article.comments[0].
    doc = html_doc(("/html/body/ul/li[1]/p", "Reply"), ("/html/body/ul/li[2]/p", WORDS_2))
    doc.segments[0].comment, doc.segments[1].comment = 0, 1
    art = assemble(doc, encoding=None, url=None)
    assert [c.text for c in art.comments] == [WORDS_2]
    assert [b.comment for b in art.blocks] == [None, 0]


# --- captions -------------------------------------------------------------------------------


def test_agency_credits_are_captions_and_rights_notices_are_not() -> None:
    prose = "The council said on Tuesday that the new bridge would open to traffic in the spring."
    doc = html_doc(
        ("/p[1]", prose),
        ("/div[1]", "AP Image"),
        ("/p[2]", prose),
        ("/div[2]", "Copyright © 2008 AFP. All rights reserved. More »"),
        ("/div[3]", "Type the characters in this picture:*"),
        label=None,
        image_before=True,
        in_region=True,
    )
    doc.segments[0].label = doc.segments[2].label = Label.ARTICLE
    doc.segments[4].near_cues = P.FORM | P.CAPTION
    Captions()(doc)
    assert [s.label for s in doc.segments] == [
        Label.ARTICLE,
        Label.CAPTION,
        Label.ARTICLE,
        None,
        None,
    ]


# --- title ----------------------------------------------------------------------------------


def test_title_is_never_the_only_article_block() -> None:
    sentence = (
        "AI has not meaningfully changed anything in security so far, and phishing with deep "
        "fakes is "
        "still rare, the report says."
    )
    doc = html_doc(("/html/body/p", sentence), label=Label.ARTICLE)
    doc.meta.title = "Notes"
    Title()(doc)
    assert not doc.segments[0].is_title
    assert doc.meta.title == "Notes"


def test_a_caption_is_never_the_title() -> None:
    # l3s-gn1 (an Al Jazeera page): the page's <title> is the photo's caption, so the ranker puts
    # the caption first; the captions step has labelled it, and the headline is chosen instead.
    caption = "The defence ministry said troops had killed at least 33 separatists [EPA]"
    doc = html_doc(
        ("/html/body/table/tr[1]/td", "'Heavy losses' in Sri Lanka clashes"),
        ("/html/body/table/tr[2]/td[1]", caption),
        ("/html/body/table/tr[2]/td[2]", WORDS_1),
        ("/html/body/table/tr[2]/td[3]", WORDS_2),
        label=Label.ARTICLE,
    )
    doc.meta.title = caption
    doc.segments[0].label = Label.NAVIGATION
    doc.segments[1].label = Label.CAPTION
    Title()(doc)
    assert doc.meta.title == "'Heavy losses' in Sri Lanka clashes"
    assert not doc.segments[1].is_title
    # the same page without the caption label: the ranker's choice stands
    doc.segments[1].label = Label.ARTICLE
    doc.meta.title = caption
    Title()(doc)
    assert doc.meta.title == caption


def test_the_headline_a_declared_name_ends_with_is_chosen_over_its_deck() -> None:
    # l3s-gn1 (Edmonton Sun): <h5>headline</h5><h3>deck</h3> under a <title> that ends in the
    # headline; the ranker took the larger heading below it.
    from boilerstrip.classify.title import headline_over_deck

    doc = html_doc(
        ("/html/body/td/h5", "Lavigne lawsuit settled"),
        ("/html/body/td/h3", "Claims of song plagiarism dropped"),
        ("/html/body/td/p[1]", WORDS_1),
        label=Label.ARTICLE,
    )
    doc.segments[0].heading, doc.segments[1].heading = 5, 3
    cands = [(0, "Lavigne lawsuit settled", []), (1, "Claims of song plagiarism dropped", [])]
    doc.meta.title = "edmontonsun.com - Music- Lavigne lawsuit settled"
    assert headline_over_deck(doc, cands, [0, 1], 1) == 0
    # a name that holds the chosen block keeps it; so does a heading above that names nothing
    doc.meta.title = "Claims of song plagiarism dropped | edmontonsun.com"
    assert headline_over_deck(doc, cands, [0, 1], 1) == 1
    doc.meta.title = "edmontonsun.com - Music"
    assert headline_over_deck(doc, cands, [0, 1], 1) == 1
    # nor is a kicker of fewer than three words a headline to prefer
    doc.segments[0].text = "Lawsuit"
    doc.meta.title = "edmontonsun.com - Lawsuit"
    assert headline_over_deck(doc, [(0, "Lawsuit", []), cands[1]], [0, 1], 1) == 1


def test_a_signed_thread_the_markup_did_not_mark_comes_out_as_comments() -> None:
    """A blog whose comments sit in the post's own ``div`` as plain paragraphs (no comment class),
    which the article decision took: the signed lines after the "Comments" header make them a
    thread, split into comments with their authors and dates."""
    from boilerstrip.classify.comments import signed_thread
    from boilerstrip.classify.density import Density

    story = (
        "The council said on Tuesday that the new bridge would open to traffic in the spring, "
        "after two years of work and a long argument about who should pay for it and when."
    )
    doc = html_doc(
        ("/html/body/div/p[1]", story),
        ("/html/body/div/h2", "Comments"),
        ("/html/body/div/p[2]", WORDS_1),
        ("/html/body/div/p[3]", "Posted by: Natasha | Apr 6, 2007 2:10:39 PM"),
        ("/html/body/div/p[4]", WORDS_2),
        ("/html/body/div/p[5]", "Posted by: Mike | Apr 6, 2007 2:19:47 PM"),
        ("/html/body/div/p[6]", WORDS_3),
        ("/html/body/div/p[7]", "Posted by: Ann | Apr 6, 2007 3:01:02 PM"),
        label=Label.ARTICLE,
    )
    Density()(doc)
    signed_thread(doc.segments, 20, 14)
    CommentItems()(doc)
    art = assemble(doc, encoding=None, url=None)
    assert art.text == story
    assert [(c.text, c.author) for c in art.comments] == [
        (WORDS_1, "Natasha"), (WORDS_2, "Mike"), (WORDS_3, "Ann"),
    ]

def test_a_reference_list_the_comment_model_claims_is_no_comment() -> None:
    from boilerstrip.classify.learned import _citations_are_no_comments

    texts = [
        '^ "Boot to Gecko Project". Mozilla. March 2012. Retrieved 2012-03-30.',
        '^ "Roadmap". Retrieved 10 May 2016.',
        "Smith, J. (2019). The Bridge. Oxford University Press. ISBN 978-0-19-923456-7.",
        "I read the report on March 30, 2012 and I still think the council was wrong about it.",
        '^ "Rhino History". Mozilla Foundation. Retrieved 2008-03-20.',
    ]
    doc = html_doc(*[(f"/html/body/ol/li[{i}]", t) for i, t in enumerate(texts)])
    for k, s in enumerate(doc.segments):
        s.label, s.score, s.by, s.comment = Label.COMMENT, 0.7, "learned", k
    doc.segments[4].by = "comments"  # (the comment markup rule's: left alone)
    pa = [0.6, 0.2, 0.6, 0.1, 0.6]
    _citations_are_no_comments(doc.segments, pa, "learned")
    labels = [s.label for s in doc.segments]
    assert labels == [Label.ARTICLE, None, Label.ARTICLE, Label.COMMENT, Label.COMMENT]
    assert [s.comment for s in doc.segments] == [None, None, None, 3, 4]


# --- a section that says it has no comment ------------------------------------------------------


def test_no_comments_notices() -> None:
    # the lines of dragnet's and l3s-gn1's pages (HTML and dumps) that say a section is empty
    for text in (
        "No comments:", "0 Comments »", "• 0 Comment", "No Comments Yet", "No comments yet.",
        "No comments yet... Be the first to leave a reply!", "{ 0 comments… add one now }",
        "There are no comments for this journal entry. To create a new comment, use the form.",
        "There are no comments posted for this article.", "No comments, displaying first",
        "There are no comments yet. Get the conversation started by leaving the first comment",
        "Keine Kommentare", "Noch keine Kommentare.", "Aucun commentaire", "还没有评论",
    ):
        assert P.NO_COMMENTS.match(text), text
    for text in (
        "10 Comments", "No comment on that, said the mayor.", "0 comments on this post by Tom",
        "Be the first to comment", "No comments allowed here today", "Comments",
    ):
        assert not P.NO_COMMENTS.match(text), text


def test_a_section_that_says_it_is_empty_has_no_comment() -> None:
    # a dump's section opens with "No comments:" and runs on into the blog's sidebar (dragnet
    # R206, R552 in w3m): no comment, the section's form prompt stays its chrome
    doc = text_doc(
        "Comments", "No comments:", "Post a Comment",
        "Subscribe to The Science of Sport via email.", "Suggested donation: $10",
    )
    for s in doc.segments:
        s.label = Label.COMMENT
    CommentItems()(doc)
    assert groups(doc) == []
    assert [s.label for s in doc.segments] == [Label.COMMENT] * 3 + [None] * 2


def test_the_empty_notice_may_stand_above_the_section() -> None:
    doc = text_doc("No comments:", "Post a Comment", WORDS_1)
    doc.segments[0].label = Label.NAVIGATION
    for s in doc.segments[1:]:
        s.label = Label.COMMENT
    CommentItems()(doc)
    assert groups(doc) == [] and doc.segments[2].label is None


def test_a_count_after_the_notice_or_words_before_it_keep_the_comments() -> None:
    # a stale "0 Comments" over a thread that counts its comments, and a "No comments" line after
    # a reader's words (a teaser's count among the comments), take nothing away
    doc = text_doc("0 Comments", "2 comments", "john says:", WORDS_1, "mary says:", WORDS_2)
    for s in doc.segments:
        s.label = Label.COMMENT
    CommentItems()(doc)
    assert groups(doc) == [["john says:", WORDS_1], ["mary says:", WORDS_2]]
    doc = text_doc("john says:", WORDS_1, "No comments yet", "mary says:", WORDS_2)
    for s in doc.segments:
        s.label = Label.COMMENT
    CommentItems()(doc)
    assert len(groups(doc)) == 2


def test_share_buttons_and_blogger_feed_lines_are_chrome() -> None:
    # read among the dumps' false comments on dragnet (R206, R123, R866, R436) and a Blogger
    # comment's "Email this" (R105)
    assert_chrome_then_words(
        ["Subscribe to: Post Comments (Atom)", "Email This", "BlogThis!", "RSS", "Twitter",
         "Facebook Google", "Reply | Twitter",
         "Open for comments. Sign in or create your Guardian account to join the discussion."],
        ["Twitter is a waste of time, I deleted my account.", WORDS_2],
    )
