"""Pattern tables, one per concern, each compiled once (the line patterns on first use).

Markup cues: the class/id/role tokens and tags that hint at what an element is. Each cue is a bit
in a mask; an element's mask is computed once from its tag and attributes (cached by attribute
string), and a block carries the OR of its element's and its ancestors' masks.

Line patterns: boilerplate phrases recognised in block text (copyright lines, comment widgets, share
prompts, caption credits, ...). Every line pattern is linear-time: no nested quantifiers, anchored,
and applied only to blocks shorter than a bound (see ``MAX_PATTERN_CHARS``).
"""

from __future__ import annotations

import re
import sys
from typing import Any, Final

import regex

# --- cue flags -------------------------------------------------------------------------------

NAV: Final = 1 << 0
HEADER: Final = 1 << 1
FOOTER: Final = 1 << 2
ASIDE: Final = 1 << 3
RELATED: Final = 1 << 4
SHARE: Final = 1 << 5
AD: Final = 1 << 6
COMMENT: Final = 1 << 7
CAPTION: Final = 1 << 8
CONTENT: Final = 1 << 9
META: Final = 1 << 10
HIDDEN: Final = 1 << 11
POPUP: Final = 1 << 12
FORM: Final = 1 << 13
TITLE: Final = 1 << 14
BODY: Final = 1 << 15
"""Strong article-body markers: ``itemprop=articleBody``, ``<article>`` tag,
``role=main``/``<main>``."""
LIST: Final = 1 << 16
"""Inside a ``ul``/``ol``/``dl`` or a menu-like list."""
TABLE: Final = 1 << 17
FIGURE: Final = 1 << 18
SHOWN_NONE: Final = 1 << 19
"""Markup that tells the browser not to render the element: the ``hidden`` attribute,
``aria-hidden="true"``, an inline ``display:none`` or ``visibility:hidden`` (:data:`HIDDEN_STYLE`).
Always set with :data:`HIDDEN` (which class names such as ``hidden`` or ``sr-only`` set too). Not
one of the model's cues (not in :data:`CUE_NAMES`): the
``classify.unshown`` step reads it."""
PLAYER: Final = 1 << 20
"""A media player's own markup, by the class prefix every player library puts on its parts
(:data:`TOKEN_CUE_TABLE`): its control bar, menus and fallback lines ("Current Time 0:00",
"Video Quality Auto High (HD)", "Dein Browser kann dieses Video nicht abspielen."). Not one of the
model's cues: the ``classify.player`` step reads it."""

RECENT_COMMENTS: Final = 1 << 21
"""A sidebar's list of the latest comments on the site's posts (WordPress's
``widget_recent_comments``, ``recentcomments``; "Tim bei JOVELBUCH", "Big D on Emotional
experience ..."): comment markup, and its comment cue stays (the learned model reads it, and
without it the list's excerpts of readers' sentences read as article on a site the model never
saw), but no comment section of this page. Not one of the model's cues: ``CommentItems`` reads
it."""

CUE_NAMES: Final[dict[int, str]] = {
    NAV: "nav", HEADER: "header", FOOTER: "footer", ASIDE: "aside", RELATED: "related",
    SHARE: "share", AD: "ad", COMMENT: "comment", CAPTION: "caption", CONTENT: "content",
    META: "meta", HIDDEN: "hidden", POPUP: "popup", FORM: "form", TITLE: "title", BODY: "body",
    LIST: "list", TABLE: "table", FIGURE: "figure",
}
MODEL_CUES: Final = sum(CUE_NAMES)
"""The cue bits the learned model's features and its cohorts' signatures read: every named cue
(:data:`SHOWN_NONE` is not one)."""

BOILER_CUES: Final = NAV | FOOTER | ASIDE | RELATED | SHARE | AD | POPUP | HIDDEN
"""Cues that mark page chrome (not comments, captions or the header)."""

INLINE_CUES: Final = ~COMMENT
"""The cues an inline element (a link, a ``span``) passes on to the block that holds it: all but
the comment cue. On an inline element a comment class or id is a comment count or a link to the
comments ("12 comments", a speech-bubble icon: ``comment-count``, ``comments-link``,
``num_comments``), not a comment. Of the inline elements with a comment cue and no comment-marked
ancestor on the six dev sets' pages (1,775), the blocks holding them had 214 words of gold
comments (one sidebar of recent comments and one "Talkback" header, both l3s-gn1) against 1,575
words of gold article text and some 10,000 words of chrome; passed on, the cue made BBC's teasers
with comment counts ("Features & Analysis") reader comments on every BBC page of
cleanportaleval. Held out (the models retrained without it, seeds 0-5): dragnet comment F1 +0.007
and comment-free pages without a comment +1.3 points, in every seed; see docs/design.md, section
4, item 22."""

# Tag -> cue flags the tag carries by itself.
TAG_CUES: Final[dict[str, int]] = {
    "nav": NAV,
    "menu": NAV,
    "header": HEADER,
    "footer": FOOTER,
    "aside": ASIDE,
    "form": FORM,
    "fieldset": FORM,
    "button": FORM,
    "label": FORM,
    "figcaption": CAPTION,
    "figure": FIGURE,
    "caption": CAPTION,
    "article": BODY | CONTENT,
    "main": BODY | CONTENT,
    "ul": LIST,
    "ol": LIST,
    "dl": LIST,
    "table": TABLE,
    "address": META,
    "time": META,
}

# ARIA role -> cue flags.
ROLE_CUES: Final[dict[str, int]] = {
    "navigation": NAV,
    "menu": NAV,
    "menubar": NAV,
    "search": NAV,
    "banner": HEADER,
    "contentinfo": FOOTER,
    "complementary": ASIDE,
    "main": BODY | CONTENT,
    "article": CONTENT,
    "dialog": POPUP,
    "alertdialog": POPUP,
    "comment": COMMENT,
}

# Class/id token -> cue flags. Class and id values are split into lowercase tokens at
# non-alphanumeric characters and camelCase humps ("articleBody" -> "article", "body"); each token
# is tested against these patterns with ``search`` (so "commentlist" matches "comment"), except
# where a pattern is anchored. Cues for the same token are OR-ed.
TOKEN_CUE_TABLE: Final[tuple[tuple[int, str], ...]] = (
    (NAV, r"nav|menu|breadcrumb|crumbs|pagination|pager$|paging|^skip|^tabs?$|^toc$|sitemap"),
    (HEADER, r"^header$|^head$|masthead|^banner$|branding|^logo|topbar|top-bar|^top$"),
    (FOOTER, r"footer|^foot$|copyright|colophon|^legal|disclaimer|siteinfo|^bottom$|^imprint"),
    (ASIDE, r"sidebar|^aside|widget|^rail$|sidecol|^secondary$|^side$|rightcol|leftcol|sidebox"),
    (RELATED, r"related|recommend|popular|trending|mostread|^more|teaser|promo|outbrain|taboola|"
              r"^also|suggest|^links?$|blogroll|^recent|^latest|^headlines$|^archive|^tag-?cloud|"
              r"^mostcommented"),
    (SHARE, r"share|sharing|social|addthis|sociable|bookmark|^print|^e?mail$|tweet|facebook|"
            r"twitter|linkedin|pinterest|whatsapp|^tools$|^follow|^rss$|^subscribe"),
    (AD, r"^ads?$|^adv$|advert|^sponsor|adsense|^dfp|^ad[0-9]|^adslot|^adunit|^adbox|^adwrap|"
         r"^gpt-ad|^banner-?ad"),
    # (not "commented": "mostCommented", "most_commented_widget" are lists of the stories with the
    # most comments, with their counts; and "post hentry commented" marks a post that has some)
    (COMMENT, r"comment(?!ed)|disqus|^respond$|^reply$|^replies$|^discussion|talkback|^reactions?$|"
              r"livefyre|^dsq"),
    (CAPTION, r"caption|^cap$|^credit|cutline|^photo-?text|^imgtext|^legend$|^wp-caption"),
    (CONTENT, r"^article|^content|^post$|^post-?body|^entry|^story|^body$|^text$|^main$|^hentry$|"
              r"^prose$|^blog-?post|articlebody|storybody|postcontent|entrycontent|^single"),
    (META, r"byline|^author|^date|^time|dateline|published|^posted|^meta$|timestamp|^tags?$|"
           r"categor|^postmeta|^entry-?meta"),
    (HIDDEN, r"^hidden$|^hide$|^invisible$|^sr-only$|screen-?reader|visually-?hidden|^offscreen"),
    (POPUP, r"cookie|consent|gdpr|newsletter|signup|^login|^modal|popup|overlay|paywall"),
    (TITLE, r"title|headline|^heading"),
    # video.js (vjs-), MediaElement.js (mejs-, WordPress's player), YouTube (ytp-), Yahoo (yvp-),
    # JW Player (jwplayer), Plyr (plyr__), Shaka (shaka-), Bitmovin (bmpui-)
    (PLAYER, r"^(?:vjs|mejs|ytp|yvp|jwplayer|plyr|shaka|bmpui)$"),
    # ("recent comments" as two tokens: segment_html.RECENT_TOKENS)
    (RECENT_COMMENTS, r"^(?:recent|latest)-?comments?$"),
)
TOKEN_CUE_PATTERNS: Final[tuple[tuple[int, re.Pattern[str]], ...]] = tuple(
    (flag, re.compile(pat)) for flag, pat in TOKEN_CUE_TABLE
)
TOKEN_ANY_CUE: Final = re.compile("|".join(f"(?:{pat})" for _, pat in TOKEN_CUE_TABLE))
"""Any pattern of the table: most tokens match none, and are done with this one search."""

CAMEL_SPLIT: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
TOKEN_SPLIT: Final = re.compile(r"[^a-z0-9]+")
HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# --- text patterns ---------------------------------------------------------------------------

_LAZY: dict[str, tuple[str, int]] = {}
"""The line patterns below, by name: (pattern, flags). Each is compiled the first time it is read
(compiling them all takes some 100 ms, and most programs that import boilerstrip never run some):
until then the module has no such attribute, and :func:`__getattr__` makes it."""


def __getattr__(name: str) -> Any:
    spec = _LAZY.get(name)
    if spec is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    compiled = regex.compile(*spec)
    globals()[name] = compiled
    return compiled


MAX_PATTERN_CHARS: Final = 400
"""Line patterns are only tried on blocks up to this many characters: boilerplate lines are short,
and the bound keeps the cost of every pattern linear and small."""

_I = regex.IGNORECASE | regex.VERSION1

RIGHTS_PHRASES: Final = (
    ("all", "rights", "reserved"),
    ("alle", "rechte", "vorbehalten"),
    ("tous", "droits", "réservés"),
    ("todos", "los", "derechos", "reservados"),
    ("tutti", "i", "diritti", "riservati"),
)
"""Rights notices ("All rights reserved"), word by word, in the languages of :data:`COPYRIGHT`."""
MORE_RIGHTS_PHRASES: Final = (
    ("todos", "os", "direitos", "reservados"),
    ("wszelkie", "prawa", "zastrzeżone"),
    ("chroniony", "prawem", "autorskim"),
    ("alle", "rechten", "voorbehouden"),
    ("alla", "rättigheter", "förbehållna"),
    ("kaikki", "oikeudet", "pidätetään"),
)
"""More languages of rights notices, for :data:`RIGHTS_RESERVED` (text dumps)."""

COPYRIGHT: regex.Pattern[str]
_LAZY["COPYRIGHT"] = (
    r"(?:©|\(c\)|&copy;|copyright\b|" + "|".join(" ".join(p) for p in RIGHTS_PHRASES) + ")",
    _I,
)
"""Copyright and rights notices (footer)."""

RIGHTS_NOTICE: regex.Pattern[str]
_LAZY["RIGHTS_NOTICE"] = (
    r"^\W{0,3}(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))|\ball rights reserved\b",
    _I,
)
"""A line that is a rights notice, not prose that mentions copyright."""

FOOTER_LINE: regex.Pattern[str]
_LAZY["FOOTER_LINE"] = (
    r"^(?:privacy(?: policy)?|terms(?: of (?:use|service))?|terms (?:&|and) conditions|"
    r"cookie(?:s| policy| settings)|contact(?: us)?|about(?: us)?|imprint|impressum|"
    r"datenschutz|site ?map|accessibility|advertise(?: with us)?|careers|jobs|help|faq|"
    r"this page is best viewed|powered by|all rights reserved)\b",
    _I,
)
"""Lines that start like footer links and notices."""

SERVER_NOTICE: regex.Pattern[str]
_LAZY["SERVER_NOTICE"] = (
    r"^\W{0,3}(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|"
    r"(?:Catchable |Recoverable )?Fatal error|Parse error)\s*:\s[^\n]{1,500}?"
    r"\bin\s+\S{1,300}?\.php\s+on\s+line\s+\d+\W*",
    _I | regex.MULTILINE,
)
"""An error message the page's PHP printed into it ("Warning: mysql_get_server_info(): Access
denied for user ... in /www/htdocs/.../functions.php on line 12", "Deprecated: ...", "Strict
Standards: ..."): the server's, not the page's words
(:class:`boilerstrip.classify.notices.ServerNotices`)."""

SCRIPT_NOTICE: regex.Pattern[str]
_LAZY["SCRIPT_NOTICE"] = (
    r"\bjava\s?script\b[^.!?\n]{0,80}?\b(?:enabl|disabl|turn(?:ed)? (?:on|off)|requir|support|"
    r"aktivier|deaktivier|einschalt|activ|désactiv|habilit|attiv|nicht verfügbar|not available)|"
    r"\b(?:enable|activate|turn on|allow|support|requires?|aktivieren sie|benötigen sie|activez|"
    r"activa|attiva)\b"
    r"[^.!?\n]{0,40}?"
    r"\bjava\s?script\b",
    _I,
)
"""A notice that the page needs scripts ("Javascript is not enabled on your browser", "Please
enable JavaScript", "JavaScript deaktiviert"): what a ``<noscript>`` usually says, not a story
(:func:`boilerstrip.segment_html._rescue_misplaced`)."""

COMMENT_HEADER: regex.Pattern[str]
_LAZY["COMMENT_HEADER"] = (
    r"^(?:comment (?:number|no\.?|#)\s*\d+\.?|#?\d+\.?\s*comments?|"
    r"(?:reader\s+)?comments?\s*\(\d+\)|"
    r"(?:\d+|one)\s+(?:comments?|replies|responses?)(?:\s+(?:to|on)\s+\S[^\n]{0,200})?|"
    r"\{\s*(?:\d+|one|no)\s+comments?(?:…|\.{3})?\s+"
    r"(?:read\s+(?:it|them)\s+below\s+or\s+add\s+one|add\s+one\s+now)\s*\}|"
    r"(?:leave|post|add|write) a (?:comment|reply)|"
    r"(?:this entry is|comments are) (?:now )?closed(?: for comments)?|"
    r"jump to comments|(?:show|view|read|load) (?:all |more )?comments|"
    r"comments?|reader comments|discussion|responses?|leave a reply|reply)\.?\s*$",
    _I,
)
"""Headers and chrome of a comment section."""

COMMENT_LINK: regex.Pattern[str]
_LAZY["COMMENT_LINK"] = (
    r"^(?:jump to|skip to|go to|show|view|read|load|see) (?:all |more |the )?comments\W*$", _I
)
"""A link to a page's comments ("View Comments", "Jump to comments"): a button that folds the
thread out or leads to it, not the head of a thread under it
(:func:`boilerstrip.classify.comments.signed_thread`)."""

COMMENT_INVITE: regex.Pattern[str]
_LAZY["COMMENT_INVITE"] = (
    r"^(?:leave|post|add|write|submit) (?:a |your )?(?:comments?|reply|replies)\W*$", _I
)
"""A line that invites a comment ("Add Comment", "Post a comment"): a comment section's header,
often a link to the form (:func:`boilerstrip.classify.comments.signed_thread`). Narrower than
:data:`COMMENT_PROMPT`, which holds these too: its other prompts as thread headers (sign-in lines,
"Recent comments:", "Required fields are marked") made a signed thread of a listing on
cleaneval-dev, -0.014 held out in every seed."""

PINGBACK: regex.Pattern[str]
_LAZY["PINGBACK"] = (
    r"^(?:[^\n\[\]:]{1,200}:\s*)?\W{0,3}(?:\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|"
    r"(?:pingback|trackback)\s*:|reblogged this on\b|hat dies auf\b[^\n]{1,120}?\brebloggt\b)",
    _I,
)
"""What a blog engine lists among the comments when another page links to the post: a pingback's
excerpt ("[...] Responsibility, CR, CSR, foundations [...]"), also after the linking page's title
as a list of recent comments shows it ("Live and Die with Headlines | Geoff's Blog: [...] bad."),
"Pingback: ...", "Trackback: ...", WordPress.com's "Reblogged this on txwikinger's blog." (German
"Hat dies auf meinfreundhawey.com rebloggt."). Another
site's words, not a reader's (:class:`boilerstrip.classify.comments.CommentItems`)."""

EMPTY_VALUE: regex.Pattern[str]
_LAZY["EMPTY_VALUE"] = (
    r"^\W{0,2}(?:none|null|undefined|nil|nan|untitled|unbenannt|sans titre|sin título)\W{0,2}$", _I
)
"""What a template prints for a field it has no value for ("none" where a comment form shows the
signed-in reader's name, "null" under a community widget, "Unbenannt" for a comment's missing
title): no one's words
(:func:`boilerstrip.classify.comments.comment_role`)."""

COMMENT_NUMBER: regex.Pattern[str]
_LAZY["COMMENT_NUMBER"] = (r"^comment (?:number|no\.?|#)\s*(\d+)\.?\s*$", _I)
"""A header that opens one reader comment ("Comment number 127.")."""

WIDGET: regex.Pattern[str]
_LAZY["WIDGET"] = (
    r"^(?:rate this|reply|report(?: abuse| this(?: comment)?)?|recommend|like|dislike|share|"
    r"share this(?: article| story| page)?|tweet|email|e-mail|print|permalink|flag|"
    r"(?:\d+\s+)?(?:likes?|points?|votes?)|vote (?:up|down)|up|down|"
    r"read more|continue reading|more|next|previous|back to top|top|"
    r"take me there|learn more|sign in|log ?in|register|subscribe|follow us)"
    r"[\s\d()\[\]|:·•»›>.,!?+-]{0,24}$",
    _I,
)
"""Short interactive widgets ("rate this", "Reply", "Share", "Read more")."""

CREDIT: regex.Pattern[str]
_LAZY["CREDIT"] = (
    r"(?:\b(?:photo|image|picture|foto|bild|credit|courtesy|illustration|video|graphic)s?\s*"
    r"(?:by|:|/|credit)|getty images|\bafp\b|\breuters\b|\bap photo\b|\(ap\)|\bepa\b|"
    r"shutterstock|istock|\bpa wire\b|associated press)",
    _I,
)
"""Photo credit lines (captions)."""

def is_boilerplate_line(text: str) -> bool:
    """A short line that is a known boilerplate phrase (copyright, footer link, widget)."""
    if len(text) > MAX_PATTERN_CHARS:
        return False
    p = sys.modules[__name__]  # the patterns are module attributes, compiled on first use
    return bool(p.COPYRIGHT.search(text) or p.FOOTER_LINE.match(text) or p.WIDGET.match(text))


MONTH_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "de": ("januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember", "jan.", "feb.", "mär.", "mrz.", "apr.",
           "aug.", "sep.", "sept.", "okt.", "nov.", "dez."),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre", "janv.", "févr.", "fév.", "avr.", "juil.", "sept.",
           "oct.", "nov.", "déc."),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "setiembre", "octubre", "noviembre", "diciembre"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december", "mrt."),
    "sv": ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"),
    "pl": ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
           "września", "października", "listopada", "grudnia"),
}
"""Month names, as a day's date prints them after its day ("28. Oktober", "5 février", "12 de
diciembre", Polish in the genitive "3 maja"), for the comment header's date (:data:`COMMENT_DATE`)
beside English's, and so that a text line's "22. Dezember 2019" is no numbered list item
(:data:`BULLET`). Abbreviations only with their dot: bare ones are words ("out", "set", "gen")."""

WEEKDAY_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend",
           "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
           "sábado", "domingo"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "sv": ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    "pl": ("poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"),
}
"""Weekday names in the languages of :data:`MONTH_NAMES`, for the weekday before a comment's date
("Mittwoch, 10. Mai 2017", "miércoles, 10 de mayo de 2017"): without it the weekday was left
beside the name ("Anna Mittwoch")."""


def _any_word(table: dict[str, tuple[str, ...]]) -> str:
    """Any word of a per-language table, longest first, as a whole word (a regex source)."""
    words = sorted({w for ws in table.values() for w in ws}, key=len, reverse=True)
    return "(?:" + "|".join(map(regex.escape, words)) + r")(?!\w)"


_WEEKDAY: Final = _any_word(WEEKDAY_NAMES)
"""Any of :data:`WEEKDAY_NAMES` as a whole word."""
_DAY_MONTH: Final = _any_word(MONTH_NAMES)
"""Any of :data:`MONTH_NAMES`, longest first, as a whole word."""

BULLET: regex.Pattern[str]
_LAZY["BULLET"] = (
    r"^\s*([•□■◦▪●○\-\*\+·–]|\d{1,3}\)|\d{1,3}\.(?!\s+" + _DAY_MONTH + r"\s+\d)|\[\d+\])\s+",
    regex.IGNORECASE,
)
"""A list bullet at the start of a text line: w3m (•, □), lynx (*, +, o), markdown (-, *),
numbers; not a date's day ("22. Dezember 2019 um 11:16 Uhr", a German comment's header line)."""

MD_HEADING: regex.Pattern[str]
_LAZY["MD_HEADING"] = (r"^#{1,6}[ \t]+(?=\S)", 0)
"""A Markdown (ATX) heading mark at the start of a text block: ``# Title``, ``## Section``."""

LINK_NUMBER: regex.Pattern[str]
_LAZY["LINK_NUMBER"] = (r"(?<!\S)\[\d{1,5}\](?=\w)", 0)
"""The number lynx puts before every link (``[12]rate this``): at a word's start, glued to it (a
citation mark follows a word: ``fact.[1]``; a reference mark stands alone: ``Taxi020 [12].``)."""

DUMP_WIDGET: regex.Pattern[str]
_LAZY["DUMP_WIDGET"] = (r"\[(?:[^\[\]\n]{0,80}|[^\[\]\s]{81,4000})\]", 0)
"""What a text browser writes for a form field, a button or an image with no text of its own:
``[          ]``, ``[Search]``, ``[logo]`` (w3m and lynx put them in square brackets), or a frame's
address of any length without a space (lynx's ``[post&posall=XXL,AdShareData,...]`` for
nytimes.com's ad slots)."""

DUMP_FORM_FIELD: regex.Pattern[str]
_LAZY["DUMP_FORM_FIELD"] = (
    r"_{2,}\s*$|^\s*_{2,}|\[\s*\]|\(\s?\)|^[\s\[\]]+$|^\s*\[[^\[\]\n]*$", 0
)
"""A form's input on a dump's line: a text field lynx writes as underscores before or after its
label ("Name (required)_____", "______ Mail (will not be published)"), an empty field or check
box in brackets ("[                      ] Website", "[ ] Notify me of followup comments"), a
radio button ("( )"), and the pieces of a wide field w3m breaks over lines ("[Name (required)",
"]", "] [")."""

DUMP_FIELD: regex.Pattern[str]
_LAZY["DUMP_FIELD"] = (
    r"_{5,}|\((?:BUTTON|RADIO|CHECKBOX|submit|reset)\)|\bI?FRAME:[^\n]*|"
    r"\bembed\([^()\s]{0,2000}\)",
    0,
)
"""What lynx writes for a text field (a run of underscores), a button (``(BUTTON)``) or a frame
(``IFRAME: http://www.facebook.com/plugins/like.php?...``, ``IFRAME: frame1``, ``FRAME: main``:
the frame's address or name to the line's end), and what w3m writes for an embedded player or
Flash movie, ``embed(http://www.youtube.com/v/...)``."""

DUMP_LINK_HEADER: regex.Pattern[str]
_LAZY["DUMP_LINK_HEADER"] = (r"^[ \t]{0,8}#(?![\s#])[^\n]*$", 0)
"""The line lynx writes first for a page's ``<link>`` elements: "#" and their titles or relations,
"#publisher alternate alternate", "#home copyright Mozilla Hacks ... Comments Feed" (not a
Markdown heading: "# Title" has its blank, "## Title" its second mark)."""

DATE_MONTHS: Final = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct",
                      "nov", "dec")
"""The month names of :data:`DATE`, cut short: its date forms with a month in words hold one."""
_DATE_MONTH: Final = "(?:" + "|".join(DATE_MONTHS) + ")"

_WORD_START: Final = r"(?:(?<![^\W\d_])|(?-i:(?<=\p{L})(?=\p{Lu}\p{Ll})))"
"""Where a word starts: after no letter, or at a capitalised word glued to a letter (Blogger's
"KellyOctober 29, 2012", "Ashley KOctober 22, 2012": the name and the date in two elements with
no space between)."""
_MONTH: Final = (
    _WORD_START + r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![^\W\d_])\.?"
)
"""An English month name, whole or cut short, with its dot; a whole word ("Marth 02.12.2022" is a
name and a date, not "Mar" the 2nd; nor is "Satish Kumar 10/11/2012" "mar 10")."""

DATE: regex.Pattern[str]
_LAZY["DATE"] = (
    r"(?:\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b|"
    r"\b" + _DATE_MONTH + r"[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + _DATE_MONTH + r"[a-z]*\.?,?\s+\d{4}\b|"
    r"\b\d{1,2}\s+" + _MONTH + r"\s+\d{2}\b(?!:)|"
    r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|"
    r"\b(?:(?:\d+|an?|one|a few)\s+(?:second|minute|hour|day|week|month|year)s?|"
    r"seconds|moments)\s+ago\b|\bjust now\b)",
    _I,
)
"""Dates and times as pages print them (comment and caption stamps)."""

META_LINE: regex.Pattern[str]
_LAZY["META_LINE"] = (
    r"\b(?:posted|written|submitted|by|says|said|wrote|at|on|am|pm|ago)\b|[|@]|:\s*$",
    _I,
)
r"""Words that surround an author or date in a post/comment header line (used with :data:`DATE`).
(The words share their ``\b`` on each side: searched one word at a time, the alternatives took three
times as long.)"""

COMMENT_AUTHOR: regex.Pattern[str]
_LAZY["COMMENT_AUTHOR"] = (
    r"^(?:(?:posted|written|submitted|comment(?:ed)?)\s+by\s+|by\s+)?"
    r"(?P<author>[^\n|]{1,60}?)\s*(?:\(\d+\)\s*)?"
    r"(?:\s+(?:says|said|wrote|writes|dit|schreibt|escribió|dijo|disse)\s*:?|\s*[|,]|\s+on\s|"
    r"\s+at\s|\s*$|\s+(?=\d))",
    _I,
)
"""The author at the start of a comment header line ("john says:", "by james on ...",
"Posted by X |")."""

# --- headline (classify.title) ----------------------------------------------------------------

TITLE_CUT: regex.Pattern[str]
_LAZY["TITLE_CUT"] = (r"(?<=\S)\s*(?:[|:·•»«/_]|::|--|\s[-–—])\s+(?=\S)", 0)
"""Where a page title may be cut into a headline and a site or section name, for matching the cut
parts against the page's blocks: the site-name separators, and also a colon without a space before
it ("Site: Headline", "Site : Section"), which alone is too common inside headlines to cut on
without another candidate saying so. Starts right after a non-space (linear)."""

TITLE_BYLINE: regex.Pattern[str]
_LAZY["TITLE_BYLINE"] = (r"^(?:(?:posted|written)\s+)?by\s+\S", _I)
"""A byline line below a headline in the same block ("by Chris Stanton, 30 December 2007")."""

# --- deck: the line under a headline that sums the story up (classify.deck) ---------------------

DECK_BYLINE: regex.Pattern[str]
_LAZY["DECK_BYLINE"] = (
    r"^(?i:(?:published|posted|written|veröffentlicht|publicado|publié|pubblicato|gepubliceerd)\b"
    r"[^\n]{0,30}?\s)?(?i:by|von|par|por|di|da|door|av|af|przez|от|de)\s+\p{Lu}",
    0,
)
"""A byline in the languages of the evaluation sets ("By CP", "von Daniel Braun", "Veröffentlicht
von SeglerBlog am ...", "por Juan"); the deck step tries it on short lines only, where a deck
that starts "De Gaulle ..." is rare."""

DECK_NOT: regex.Pattern[str]
_LAZY["DECK_NOT"] = (
    r"\b(?:correspondent|news\s+service|press\s+trust|agence\s+france|associated\s+press|"
    r"article\s+from|staff\s+(?:writer|reporter)s?|news\s+desk|wire\s+service|lesezeit|"
    r"reading\s+time|min(?:ute)?s?\s+read|temps\s+de\s+lecture|tiempo\s+de\s+lectura)\b|"
    r"^(?:from|source)\b|^\([^()]*\)$",
    _I,
)
"""Lines under a headline that are no deck: where the story comes from ("Press Trust of India",
"Article from: Agence France-Presse", "From our ANI Correspondent", "Juliet O'Neill, CanWest News
Service"), its reading time ("Lesezeit von 4 Minuten") and a line in brackets ("( Pescasseroli, 14
Gennaio 20 )")."""

DECK_STAMP: regex.Pattern[str]
_LAZY["DECK_STAMP"] = (
    r"\b\d{1,2}\.\s*\p{L}{3}|\b\d{1,2}\s+de\s+\p{L}{3}|\b\d{1,2}\s+\p{L}{3,}\.?\s+(?:19|20)\d{2}\b|"
    r"\b(?:19|20)\d{2}\b|\d{1,2}\s*月\s*\d{1,2}|\d{1,2}[:時]\d{2}",
    0,
)
"""A date or time in any language, loosely ("15. Oktober 2023", "11 de mayo", "2021",
"06月24日 11時30分", "07:17"): on a short line under a headline, a dateline (a deck with a number
in it is longer)."""

# --- reader comments: header lines, authors, dates, widgets (classify.comments, assemble) ---------

COMMENT_BYLINE: regex.Pattern[str]
_LAZY["COMMENT_BYLINE"] = (
    r"(?:^(?:posted|written|submitted|comment(?:ed)?|repl(?:y|ied))\s+(?:by|from)\b"
    r"(?=\s*:?\s*[\w@])|^by\s+\S|"
    r"^(?:from|author|name)\s*:\s*\S|"
    r"\s(?:says|said|wrote|writes|replied|responded|commented|dit|schreibt|schrieb|sagt|meint|"
    r"escribió|dijo|escreveu|disse|scrive|schreef|skrev)"
    r"\s*(?:\.{2,3}|…)?\s*[:,]?\s*$|\sreply\s*:\s*$)",
    _I,
)
"""A comment header that names its author ("john says:", "Posted by X", "by X on ...", German
WordPress's "Harm Otten sagt:", Spanish "Ramón dijo:", "Kevin said,"). "Posted by:" with no name
after it is no header: Typepad's comment preview template ("Posted by:  |"), which every dump of
its pages shows."""

COMMENT_LINE_WIDGET: regex.Pattern[str]
_LAZY["COMMENT_LINE_WIDGET"] = (
    r"^[\s|·•\[\](){}/↑↓-]*(?:reply(?: to this(?: comment)?)?|(?:view )?profile|avatar|"
    r"(?:\d+\s+)?(?:antworten|antwort|responder|répondre|rispondi|beantwoorden|reageer|odpowiedz|"
    r"svara)|"
    r"(?:antworten|répondre|responder|rispondi|beantwoorden|odpowiedz)?"
    r"(?:löschen|supprimer|eliminar|elimina|excluir|verwijderen|usuń)|"
    r"aufklappen|zuklappen|einklappen|ausklappen|"
    r"(?:(?:thumbs?|daumen)\s+(?:up|down|hoch|runter)\s*\d*\s*)+|"
    r"total comments\s*\(\d+\)|"
    r"melden|signaler|denunciar|segnala|"
    r"report(?: abuse| this(?: comment| post)?| comment| post)?|"
    r"permalink|link to (?:this )?comment|quote|flag(?: as inappropriate| this comment)?|"
    r"edit|delete|"
    r"like|unlike|dislike|recommend(?:ed)?|vote (?:up|down)|(?:up|down)vote|up|down|"
    r"replydelete|cancel reply|hide replies|show replies|(?:view|load|show) (?:all |more )?replies|"
    r"(?:\d+\s+)?(?:likes?|points?|votes?|recommendations?|replies|repl(?:y|ies) to this)|"
    r"rate this|rating|[+-]?\d+|share(?: this comment)?|tweet|email(?: this)?|blogthis!?|"
    r"rss(?: feed)?|twitter|facebook|linkedin|pinterest|reddit|digg|stumble(?:upon)?|tumblr|"
    r"whatsapp|google\+?|"
    r"staff|contributor|moderator|verified(?: user| commenter| account)?)"
    r"(?:[\s|·•»\[\](){}/:,.!↑↓-]+(?:reply|report(?: abuse| this(?: comment| post)?)?|permalink|"
    r"quote|flag|like|dislike|antworten|responder|répondre|gut|schlecht|hilfreich|"
    r"(?:log ?in|sign ?in|register) to reply(?:reply)?|replyreply|\[[^\[\]\n]{1,12}\]|"
    r"share|up|down|actions|twitter|facebook|google\+?|rss|email|linkedin|pinterest|reddit|"
    r"[+-]?\d+))*[\s|·•»\[\](){}/:,.!↑↓-]*$",
    _I,
)
"""A line of comment widgets only ("Reply", "Report abuse", "Like 0", "[Reply]", "| Permalink",
"Quote | Report this post"; "Reply" and "Report" also in German, Spanish, Portuguese, French,
Italian, Dutch, Polish and Swedish: "Antworten", "Responder", "Répondre", "Melden", "Antworten ↓";
Blogger's "Reply Delete" glued in those languages: "AntwortenLöschen", "RépondreSupprimer"),
a share or feed button alone on its line ("Email This", "BlogThis!", "RSS", "Twitter"),
a vote count with its buttons ("+3 Gut Antworten"), a dump's avatar in brackets and a sign-in
prompt after them ("Report Post » [60697] Log in to ReplyReply"),
"expand" and "collapse" ("Aufklappen"), vote counters ("Daumen hoch0Daumen runter"), and the
badges a site puts beside a commenter's name, alone on their line ("Staff", "Contributor",
"Moderator", "Total Comments (1465)")."""

COMMENT_META_TAIL: regex.Pattern[str]
_LAZY["COMMENT_META_TAIL"] = (
    r"(?<![\s|·•/#-])(?:[\s|·•/#-]+"
    r"(?:reply|report(?: abuse)?|permalink|link|quote|flag|share|actions|#|"
    r"(?:like|dislike|up|down|points?|votes?)(?:\s*\(?[+-]?\d+\)?)?))+[\s|·•/#.-]*$",
    _I,
)
"""Widgets after a comment's header ("Jimmy | Nov 11, 2012 | Reply", "... up reply actions")."""

_WEEKDAY_EN: Final = (
    _WORD_START + r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"(?![^\W\d_])\.?"
)
"""An English weekday, whole or cut short, with its dot; a whole word ("Monica 12 May 2012" is a
name and a date, "Sunny" no Sunday)."""
_AGO_WORDS: Final = (
    r"vor\s+\d+\s+(?:sekunde|minute|stunde|tag|woche|monat|jahr)[a-z]*|"
    r"(?:il\s+y\s+a|hace|há)\s+\d+\s+(?:seconde|minute|heure|jour|semaine|mois|ans?|segundo|"
    r"minuto|hora|d[ií]a|semana|mes(?:es)?|a[ñn]o)s?\b"
)
""""... ago" in German, French, Spanish and Portuguese, with its number ("vor 3 Stunden", "il y a
2 jours", "hace 5 minutos")."""
_TIME: Final = (
    r"\d{1,2}+[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr\b)?(?:\s+(?:[A-Z]{1,2}[SD]?T|UTC|GMT)\b)?"
)
COMMENT_DATE: regex.Pattern[str]
_LAZY["COMMENT_DATE"] = (
    rf"(?:{_WEEKDAY_EN},?\s+)?(?:"
    r"\d{1,4}+[-/.]\d{1,2}[-/.]\d{1,4}|"
    r"\d{4}\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|"
    rf"(?=\d)(?<=(?<![^\W\d_]){_DAY_MONTH}\s{{1,3}})\d{{1,2}}+,?\s+\d{{4}}\b|"
    rf"\b\d{{1,2}}+(?:st|nd|rd|th|er|º)?\.?\s+(?:{_MONTH}|(?:de\s+)?{_DAY_MONTH}),?"
    r"(?:\s+(?:de\s+)?(?:\d{4}|\d\d(?![\d:])))?|"
    r"(?:(?:(?:about|over|almost|nearly)\s+)?(?:(?<!\d)\d++|an?|one|a few)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?|"
    r"seconds|moments)"
    rf"\s+ago|just now|{_AGO_WORDS})"
    rf"(?:\s*(?:,|at|um|à|a\s+las|às|alle|om|o|kl\.|@|-|–|—)?\s*@?{_TIME})?|"
    rf"{_TIME}(?:\s*(?:,|on|-|–|—)?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+"
    rf"(?:{_MONTH}|(?:de\s+)?{_DAY_MONTH}),?\s+(?:de\s+)?\d{{4}}|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}))?",
    _I,
)
"""The date (and time) in a comment's header line, with its weekday and time: "Friday, November 09,
2012 at 03:34 AM", "July 21st, 2012, 6:32 pm", "16:50 8th January 2008", "3 hours ago"; with the
month names of :data:`MONTH_NAMES` and "ago" of :data:`_AGO_WORDS`: "25. Februar 2020 um 13:02
Uhr", "5 février 2020 à 10:12", "12 de diciembre de 2019 a las 10:12", "vor 8 Stunden"; and
"2019年12月12日"; and the day and year after such a month ("10, 2017" of "Mai 10, 2017", Blogger's
US order in German: the month before it is read by :data:`COMMENT_DATE_BEFORE`, as the digit
comes first here, to keep the search of every position cheap). The leading digit runs are
possessive (no backtracking into them: nothing after
them can be a digit, so the matches are those of the plain form)."""

DATE_BEFORE_CHARS: Final = 40
"""The longest weekday, "den" and month, with their spaces and comma, fit in this."""

COMMENT_DATE_BEFORE: regex.Pattern[str]
_LAZY["COMMENT_DATE_BEFORE"] = (
    rf"(?=[\s\S]{{0,{DATE_BEFORE_CHARS}}}$){_WORD_START}"
    rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_EN}),?\s+(?:den\s+)?)?(?:{_DAY_MONTH}\s{{1,3}})?$",
    _I,
)
"""What belongs to a date :data:`COMMENT_DATE` found and stands before it: a weekday of
:data:`WEEKDAY_NAMES` ("Mittwoch, 10. Mai 2017", "miércoles, 10 de mayo de 2017": the weekday was
left beside the name, "Anna Mittwoch") and a month before its day ("Mai " of "Mai 10, 2017"),
also where the page glued them to the name before ("Andjela GligorijevicMittwoch, Mai 10, 2017":
the weekday's capital right after a letter). Searched in the few characters before the date
only (:data:`DATE_BEFORE_CHARS`); its match may be empty. It starts no more than that many
characters before the end (the lookahead: one scan per position, where the word alternations
were tried at every position of a long text)."""

COMMENT_AUTHOR_HEAD: regex.Pattern[str]
_LAZY["COMMENT_AUTHOR_HEAD"] = (
    r"^(?:\[[^\[\]\n]{0,40}\]|[\s|·•/,:#(\[-]|\d{1,9}\.?\s|[+-]\d{1,6}\s|"
    r"(?:posted|written|submitted|comment(?:ed)?|repl(?:y|ied)|"
    r"published|added|updated|edited|modified)(?!\w)(?:\s+(?:by|from|on|at))?\s*:?|by\s*:?|"
    r"from\s*:|(?:kommentar|antwort)\s+von\b|author\s*:|name\s*:|(?:un)?registered\s+commenter|"
    r"on\b|at\b|am\b|um\b)+",
    _I,
)
"""What comes before the author's name in a header: numbering, "Posted by:", "by", separators, a
dump's image in brackets (w3m's "[860b3] Gitta Peyn sagt:" for an avatar), and a post's
"Updated:" stamp (whose date ``classify.comments.comment_author_date`` takes out), German's
"Kommentar von", a vote count ("+4 #1 munya"), Squarespace's "Unregistered Commenter" (a dump
glues it to the name: "Unregistered CommenterJosé")."""

COMMENT_AUTHOR_TAIL: regex.Pattern[str]
_LAZY["COMMENT_AUTHOR_TAIL"] = (
    r"(?:[\s|·•/,:*(-]|\(\d+\)|\.{2,3}|…|\b(?:says|said|wrote|writes|replied|responded|commented|"
    r"dit|a écrit|écrit|schreibt|schrieb|sagt|meint|escribió|dijo|escreveu|disse|scrive|schreef|"
    r"skrev|"
    r"on|at|am|um|le|el|il|em|op|den|dnia|in reply to|reply|posted|added)\b|"
    r"(?<!\S)[^\s'’]++['’]s (?:picture|avatar|photo))+$",
    _I,
)
"""What comes after the author's name: "says:", "wrote:", "added", "on", "at", a theme's "Reply:"
("Laura Reply:" for "Laura replied:"; and the words before a date in other languages: "le", "el",
"op", "dnia"), separators, a karma count."""

COMMENT_WORD: regex.Pattern[str]
_LAZY["COMMENT_WORD"] = (
    r"\b(?:comments?|commenters?|kommentare?|commentaires?|comentarios?|comentários?|comentar|"
    r"commenti|commento|reacties?|komentarz\w*|kommentarer)\b",
    _I,
)
"""The word "comment" in the languages of :data:`MONTH_NAMES`: a comment section's chrome
("Kommentare: 10", "Comments (11) Add A Comment", "Suscribite para comentar", "blog comments
powered by Disqus", "Flag this comment") or a badge ("Commenter") where a header line's name
should be, never a commenter's name."""

WEB_ADDRESS: regex.Pattern[str]
_LAZY["WEB_ADDRESS"] = (
    r"\b(?:https?://|www\.)\S*|(?<![\w.+'-])[\w.+'-]++@[\w-]++(?:\.[\w-]++)++\S*", _I
)
"""A web address: in a comment's header, the commenter's site after the name ("Paul Withers
http://www.intec.co.uk/blog"), never part of it."""

MONTH_YEAR: regex.Pattern[str]
_LAZY["MONTH_YEAR"] = (
    r"^(?:jan|feb|m[aä]r|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*\.?,?\s+\d{4}$", _I
)
"""A month and a year alone ("Juni 2016", "Dec. 2012"): what is left of a date whose day a text
browser wrapped onto the line before; never a commenter's name."""

COMMENT_HEADER_SPLIT: regex.Pattern[str]
_LAZY["COMMENT_HEADER_SPLIT"] = (
    r"(?<!\s)(?:\s+[|·•/—–]\s+|\s+-\s+|\s*\|\s*|\s+(?:says|said|writes|wrote)\s*:\s*)|^\s*\|\s*",
    regex.IGNORECASE,
)
"""Separators between the parts of a comment header ("Jimmy | November 11, 2012 | Reply")."""

COMMENT_COUNT: regex.Pattern[str]
_LAZY["COMMENT_COUNT"] = (r"\b\d+\s+(?:comments?|replies|responses?)\b", _I)
"""A comment count anywhere in a line ("by Tom 4 days ago | 8 comments"): a post's, in a list of
posts."""

COMMENT_COUNT_SOME: regex.Pattern[str]
_LAZY["COMMENT_COUNT_SOME"] = (r"\b(?:0*[1-9]\d*|one)\s+(?:comments?|replies|responses?)\b", _I)
"""A count of one comment or more ("1 Comment", "12 replies", "One Response"): a section that
shows it has comments (:func:`boilerstrip.classify.comments.declared_empty`)."""

_NONE_INTL: Final = (
    r"keine|noch keine|aucun|ningún|sin|no hay|nessun|nenhum|geen|nog geen|brak|inga"
)
"""The word for "no" before a comment noun (:data:`_COMMENT_NOUNS_INTL`) in German, French,
Spanish, Italian, Portuguese, Dutch, Polish and Swedish."""
_COMMENT_NOUNS_INTL: Final = (
    r"kommentare?|commentaires?|comentarios?|comentários?|commenti|commento|reacties|reactie|"
    r"komentarz[ey]?|komentarzy|kommentarer|kommentatoren|commentateurs|comentaristas"
)
"""The comment nouns of those languages, as a count or "no" puts them before a section."""
_NONE_YET_ZH: Final = r"还没有评论|暂无评论"
"""Chinese "no comments yet"."""

NO_COMMENTS: regex.Pattern[str]
_LAZY["NO_COMMENTS"] = (
    r"^[^\w\n]{0,3}(?:"
    r"(?:there (?:are|is) (?:currently |still )?)?(?:no|0|zero) (?:comments?|responses?|replies)"
    r"(?: yet| so far)?(?: (?:are|were|have been|has been) found| posted)?(?: yet)?"
    r"(?: for this(?: [\w-]+){1,2})?(?:[^\w\n]{0,4}$|[^\w\s]{1,3}\s)|"
    rf"(?:{_NONE_INTL})\s+(?:{_COMMENT_NOUNS_INTL})[^\w\n]{{0,4}}$|{_NONE_YET_ZH}"
    r")",
    _I,
)
"""A comment section that says it holds no comment: "No comments:", "0 Comments »", "No comments
yet... Be the first to leave a reply!", "There are no comments for this journal entry. To
create ...", "{ 0 comments… add one now }", "Keine Kommentare", "Aucun commentaire", "还没有评论"
(a count or a notice alone on its line, or followed by the next sentence). "Be the first to
comment" alone is no such line: l3s-gn1 f49c5334 prints it above its readers' comments."""

_COMMENT_CHROME_INTL: Final = (
    # a count or none: "12 Kommentare", "Keine Kommentare:", "Aucun commentaire", "51 comentarios"
    rf"(?:\d[\d.,]*|{_NONE_INTL})\s+(?:{_COMMENT_NOUNS_INTL})[\s:»›]*$|"
    r"(?:kommentare|commentaires|comentarios|comentários|commenti|reacties|komentarze|kommentarer)"
    r"\s*(?:\(\s*\d+\s*\)|:?\s*\d+)?\s*:?\s*$|"
    r"kommentare (?:öffnen|anzeigen|einblenden|ausblenden|schließen|laden)\b|"
    r"(?:jetzt |artikel |beitrag )?kommentieren\s*$|"
    # a sign-in prompt, the form's thanks, a sort widget (German)
    r"um (?:einen |ein )?kommentar(?:e)? (?:zu )?(?:hinterlassen|schreiben|verfassen|abgeben)|"
    r"(?:vielen dank!?\s*)?ihr kommentar (?:wurde|wird)\b|neueste\s*/?\s*älteste\b|"
    # the form's thanks and prompt (French), a reaction widget's question (Portuguese)
    r"merci pour votre (?:contribution|commentaire)\b|votre (?:e-?mail|message) a été envoyé|"
    r"(?:s'il vous plaît|merci d'|veuillez) (?:entrer|entrez|saisir|saisissez) (?:un |votre )?"
    r"commentaire|"
    r"como você se sentiu com (?:essa|esta) matéria|"
    # Chinese: "no comments yet", "be the first to take the sofa"
    rf"{_NONE_YET_ZH}|快来抢沙发|"
    r"(?:sortiert|sortieren|sortierung) nach\b|tri(?:er|é)s? par\b|ordenar por\b|ordina per\b|"
    # the form's title and its "Cancel reply" (WordPress's and Blogger's own translations)
    r"(?:schreibe|hinterlasse|verfasse|schreiben sie|hinterlassen sie) (?:einen|deinen|ihren) "
    r"kommentar|kommentar (?:verfassen|schreiben|posten|hinzufügen|abgeben)\b|"
    r"antwort(?:en)? abbrechen|gib hier deinen kommentar ein|"
    r"(?:écrivez|saisissez) votre commentaire|escribe (?:aquí )?tu comentario|"
    r"(?:laisser|laissez|ajouter|écrire) un commentaire|laisser une réponse|"
    r"annuler (?:la )?réponse|"
    r"(?:deja|dejar|escribe|añade|añadir) (?:un|tu|su) comentario|deja una respuesta|"
    r"cancelar (?:la )?respuesta|"
    r"(?:lascia|scrivi|aggiungi) un commento|lascia una risposta|annulla (?:la )?risposta|"
    r"(?:deixe|deixar|escreva) (?:um|seu|o seu) comentário|deixe uma resposta|cancelar resposta|"
    r"laat een reactie achter|plaats een reactie|reactie annuleren|"
    r"(?:dodaj|zostaw|napisz) komentarz|anuluj odpowied[zź]|"
    # a sign-in prompt
    r"(?:sie müssen|du musst) (?:sich |dich )?(?:angemeldet|eingeloggt|anmelden|einloggen)|"
    r"vous devez (?:être connecté|vous connecter)|"
    r"(?:debes|tienes que) (?:estar registrado|iniciar sesión|registrarte)|"
    r"devi (?:essere (?:registrato|connesso)|effettuare il login)"
)
"""Comment-section chrome of :data:`COMMENT_PROMPT` in German, French, Spanish, Italian,
Portuguese, Dutch, Polish, Swedish and Chinese: the comment count or "no comments" heading alone
on its line ("1.977 commentaires", "Kommentare: 10", "Kommentare ( 56 )", "还没有评论"), "show
comments", the sort control ("Sortiert nach: neuste | älteste", "Neueste / Älteste"), the form's
title ("Schreibe einen Kommentar", "Laisser un commentaire", "Deja una respuesta") and its "Cancel
reply", the form's thanks ("Ihr Kommentar wurde abgeschickt", "Merci pour votre contribution"), a
reaction widget's question ("Como você se sentiu com essa matéria?"), and the sign-in prompt ("Um
einen Kommentar zu hinterlassen, müssen Sie sich anmelden")."""

COMMENT_PROMPT: regex.Pattern[str]
_LAZY["COMMENT_PROMPT"] = (
    r"^[\s»›•|-]*+(?:click here to |please )?(?:"
    r"cancel reply|jump to (?:the )?comments|"
    r"(?:comment below|sign ?in|log ?in|register|sign ?up)\b[^\n]{0,80}?"
    r"\b(?:comments?|discussions?|post|reply|typepad|facebook|twitter|free|more)\b|"
    r"you must be (?:logged|signed) in|be the first to (?:comment|post|review|respond)|"
    r"(?:there (?:are|is) (?:currently |still )?)?(?:no|one|\d+) (?:comments?|responses?|replies)"
    r"(?: yet| so far)?|"
    r"(?:loading|logging in)(?: comments)?\s*(?:\.{2,3}|…)?\s*$|"
    r"(?:(?:this|the) (?:post|article|story|entry)(?:'s|’s) |rss )?comments? (?:rss )?feed\b|"
    r"rss feed for (?:the )?comments|"
    r"(?:one|\d+) (?:thoughts?|antworten|kommentare?|gedanken) (?:on|zu|auf) [\"'\p{Pi}\p{Ps}]|"
    r"(?:posted|written|submitted) (?:by|from)\s*:?[\s|]*$|"
    r"(?:the )?most (?:commented|discussed)\b|"
    r"nobody has (?:liked|recommended|rated) this|"
    r"read what others (?:are saying|have said|said|think)|"
    r"create an? (?:[\w-]+ ){0,3}(?:profile|account)\b|"
    r"comments? (?:are|is) subject to (?:approval|moderation|review)|"
    r"(?:leave|post|add|write|submit|join) (?:a |your |the )?"
    r"(?:comment|reply|response|discussion|conversation)|"
    r"type (?:in )?your comments?|"
    r"(?:latest|recent|most recent|newest) (?:reader )?comments?\s*:?\s*$|"
    r"your email (?:address )?will (?:not|never) be (?:published|shared)|"
    r"required fields are marked|"
    r"notify me of|subscribe to:? (?:(?:follow-?up |post )?comments|this thread|replies)|"
    r"open for comments\b|"
    r"comments? (?:are|is) (?:now )?(?:closed|moderated|disabled)|"
    r"(?:log|sign) in to (?:track|comment|reply|post)|"
    r"(?:show|hide|view|load|read|see) (?:all |more |the )?(?:\d+ )?"
    r"(?:comments?|replies|responses)|"
    r"read (?:them )?below or add (?:a comment|one)|previewing your comment|"
    r"verify your comment|this is only a preview\b|reblog \(\d+\)|"
    r"(?:\d+ |no )?(?:trackbacks?|pingbacks?)(?:\s*/\s*(?:trackbacks?|pingbacks?))?"
    r"(?: url\b|\s*:?\s*$)|(?:abusive )?comment hidden\b|"
    r"(?:so,? |now,? )?(?:what do you think|anything to add|what are your thoughts)\s*\?\s*$|"
    r"showing (?:\d+ )?out of (?:\d+ )?comments|(?:enter|type|write) your comment here|"
    r"(?:sort|order) (?:by|comments)|newest first|oldest first|"
    r"(?:this|the) (?:comment|post) (?:has been|was) (?:removed|deleted|down-ranked)|"
    r"there (?:are|is) (?:currently |still )?no (?:[\w-]+ ){1,2}comments?\b|"
    r"loading (?:[\w-]+ )?comments\s*(?:\.{2,3}|…)?\s*$|"
    r"\{\s*(?:no|one|\d[\d.,]*) (?:comments?|responses?)\b|"
    r"comments?\s*(?::\s*\d*|\(\s*\d+\s*\))\s*$|pending comments?\W*$|"
    r"(?:the )?comments? (?:to|on|for) this (?:entry|post|article|story|page) "
    r"(?:are|is|have been|has been) (?:now )?(?:closed|disabled)|"
    r"(?:sorry,? )?no comments? (?:are|is|were|was|has been|have been) (?:found|posted)|"
    r"comment on this (?:article|story|post|entry|page)\W*$|"
    r"join the (?:conversation|discussion)\b|this site uses akismet\b|"
    r"something to say\s*\?|no account\s*\?|registration is (?:free|quick)\b|error message\s*$|"
    r"(?:not|already) registered\s*\?|comment again\s*$|"
    r"(?:thank you|thanks)?[.!,]?\s*your (?:comment|submission|reply) "
    r"(?:could not be|has been|was|is being) "
    r"(?:posted|sent|submitted|received|saved)\b|newer post\s+older post\b|"
    r"\d+ answers?(?:\s+\d+)?\s*$|level \d+\s*$|"
    r"(?:please )?read (?:the|our) terms of (?:use|service)\W*$|"
    r"how (?:did|do) you feel about this (?:article|story|post)\b|"
    r"(?:enter|fill in) your (?:information|info|details)(?: below)? to (?:add|post|leave) "
    r"(?:a |your )?(?:new )?comment|"
    r"[←«\u2039<]?\s*(?:previous|older|newer|next|more) comments\s*[→»\u203a>]?\s*$|"
    rf"{_COMMENT_CHROME_INTL}"
    r")",
    _I,
)
"""Prompts and notices of a comment section, not a reader's words ("Click here to cancel reply.",
"Comment below or sign in with ...", "Be the first to comment", "Sort by newest first",
"Latest Comments:", "Type in Your Comments Below", "There are no comments for this story.",
Blogger's "Subscribe to: Post Comments (Atom)", the Guardian's "Open for comments.",
"Loading...", "20 thoughts on “...”", "5 Antworten zu „...“", a byline template with no name
("Posted by:  |", Typepad's comment preview), "This post's comment feed", "The most
commented posts on ...", "Nobody has liked this comment yet", "Read what others are saying",
"Create a Journal Community profile to ..."), "There are no Independent Premium comments yet",
"Loading Facebook Comments ...", Thesis's "{ 5 comments… read them below or add one }", "Comments:",
"Comments (87)", "Pending Comments", "The comments to this entry are closed.", "Sorry, No comment
are found for this news.", "Comment on this article", Squarespace's "Enter your information below to
add a new comment.", a section's question to its readers ("What do you think?", "Anything to
add?", "Something to say?"), a Q&A page's count of answers ("6 Answers"), reddit's "level 2"
over a reply, "Read the Terms of Use", the form's reports ("Thank you. Your submission has been
sent.", "Your comment could not be posted."), Blogger's "Newer Post Older Post Home", the
comment pages' links ("← Previous Comments", "Newer Comments →"), and the
chrome of :data:`_COMMENT_CHROME_INTL` in nine other languages)."""

COMMENT_POLICY: regex.Pattern[str]
_LAZY["COMMENT_POLICY"] = (
    r"^(?:(?:community|comment(?:ing)?|discussion|posting|house) )?"
    r"(?:guidelines|rules|policy)\s*:|"
    r"^(?:(?:all |reader )?comments?|posts?) (?:should|must|are subject to|"
    r"(?:are|will be) (?:moderated|reviewed|removed|deleted))\b|"
    r"^we reserve the right to (?:remove|delete|edit|moderate)\b|"
    r"^please be (?:respectful|civil|polite|courteous)\b|"
    r"^we welcome (?:\w+ ){0,2}comments\b|"
    r"^(?:you can (?:find|read)|(?:please )?(?:read|see|review)) our (?:full )?"
    r"(?:community |commenting |comment |discussion )?(?:guidelines|rules|policy)\b|"
    r"^(?:die redaktion behält sich|(?:im interesse unserer \w+ )?behalten wir uns|"
    r"wir behalten uns) (?:das recht )?vor\b|"
    r"^(?:kommentar|diskussions|community)-?(?:regeln|richtlinien)\b|"
    r"^you (?:may|can) use (?:these|the following) (?:html )?tags\b|"
    r"^(?:allowed html(?: tags)?\s*:|html (?:tags )?(?:is|are) not allowed\b)",
    _I,
)
"""The rules of a comment section, stated above or below it ("Guidelines: Fan feedback should be
within the guidelines for the ... community", "Comments are subject to approval and moderation",
"Please be respectful when making a comment ...", "We welcome thoughtful comments from readers",
"Die Redaktion behält sich das Recht vor, ...", "Kommentar-Regeln von ...", "You can find our
Community Guidelines in full here."): longer than a prompt (:data:`COMMENT_PROMPT`), and no
reader's words."""

COMMENT_NOTICE: regex.Pattern[str]
_LAZY["COMMENT_NOTICE"] = (
    r"\b(?:comments?|commenters?|readers?|users?|members?|other people|posts?)\b.{0,120}?"
    r"(?:\bvouch for\b|\b(?:do(?:es)? not|don't|doesn't|in no way do they|in no way)\s+"
    r"(?:necessarily\s+)?(?:represent|reflect)\s+the\s+(?:views?|opinions?)\b|"
    r"\bnot responsible for\b)|"
    r"\b(?:requires?|must ask)\s+(?:all\s+)?(?:commenters|users|readers|members|posters)\s+to\s+"
    r"(?:register|sign (?:in|up)|log ?in)\b|"
    r"^(?:please )?click here to report\b|\breport (?:offensive|inappropriate|abusive) comments?\b|"
    r"\bgo get a gravatar\b|\bcomments? (?:are|is|will be) moderated\b|"
    r"\bcannot register\b|\bcomments can (?:only )?be posted by\b|^(?:editorial )?disclaimer\s*:|"
    r"\bhashcash\b|^this symbol indicates that\b|"
    r"\b(?:os )?comentários não representam\b|\blos comentarios no representan\b|"
    r"\bschaltet (?:die )?kommentare\b|"
    r"\bkommentare werden (?:von der redaktion )?(?:moderiert|freigeschaltet|geprüft)\b|"
    r"^(?:was|is|did you find) this (?:(?:article|post|story|page|answer|review|information|tip)"
    r"\s+)?(?:useful|helpful)\s*\?",
    _I,
)
"""A comment section's notices that do not open with its rules (:data:`COMMENT_POLICY`): a
disclaimer ("What follows is not CBS News stuff; it comes from other people and we don't vouch for
it", "The comments above are from readers. In no way do they represent the views of ..."), a call
to report comments, a call to register ("... requires all commenters to register"), a call to
rate the post ("Was this article useful? Please sign up to ..."), who may post ("Independent
Premium Comments can be posted by members"), a disclaimer in Portuguese, Spanish or German ("Os
comentários não representam a opinião do jornal", "Die Redaktion schaltet Kommentare montags bis
freitag ... frei")."""

CITATION: regex.Pattern[str]
_LAZY["CITATION"] = (
    r"\b(?:retrieved|accessed|abgerufen am|consulté le|consultado el)\s+(?:on\s+)?"
    r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}\.?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})|"
    r"\barchived from the original\b|\bISBN(?:-1[03])?:?\s*[\dX-]{10,17}\b|\bdoi:\s*10\.\d",
    _I,
)
"""An entry of a list of references: a web citation's access date ("Retrieved 2012-03-30",
"Retrieved 10 May 2016", "abgerufen am 3. Mai 2020"), "Archived from the original", an ISBN or
a DOI. A reference list's dated, quoted entries look like comment headers to the comment model
(a Wikipedia article's references, mozilla-readability's wikipedia); a reader does not write
them."""

AUTHOR_BOX: regex.Pattern[str]
_LAZY["AUTHOR_BOX"] = (
    r"^\W{0,3}(?:about the (?:author|writer)|author bio(?:graphy)?|bio(?=\s*:)|"
    r"über (?:den|die) autor(?:in)?|à propos de l'auteur|sobre (?:el|la|o|a) autor(?:a)?|"
    r"informazioni sull'autore|o autorze|over de auteur)\b",
    _I,
)
"""The post's author box ("About the author: Nickel is the founder and editor-in-chief of this
site", "Bio: I write things."), which a comment section's markup may sweep in: the post's, not a
reader's; its heading alone ("About the author") opens the box under the story
(:mod:`boilerstrip.classify.author_box`)."""

# --- captions (classify.captions) -------------------------------------------------------------

AGENCY_CREDIT: regex.Pattern[str]
_LAZY["AGENCY_CREDIT"] = (
    r"(?:[(\[]\s*(?:ap|afp|aap|epa|reuters|getty(?: images)?|pa|ani|xinhua|bloomberg|dpa|ansa)"
    r"(?:\s*(?:photo|images?|/[^)\]]{1,40}))?\s*[)\]]\s*$|"
    r"\b(?:ap|afp|epa|reuters|aap|pa|dpa)\s+(?:image|photo|picture|file photo)s?\b|"
    r"^(?:photo|image|picture|foto|credit|courtesy)s?\s*(?:by|:)|"
    r"©\s*\w[\w .&'-]{0,40}$)",
    _I,
)
"""Photo-agency credits the CREDIT table misses: "[EPA]", "(AAP)", "AP Image", "Courtesy: X",
"Benni McCarthy © Action Images" (a short block ending in a © credit)."""

NOT_CAPTION: regex.Pattern[str]
_LAZY["NOT_CAPTION"] = (
    r"(?:all rights reserved|\bcopyright\b|may not be (?:published|reproduced)|"
    r"^(?:more|next|previous|prev|view|see|enlarge|zoom|click|type|enter)\b|^\W*$)",
    _I,
)
"""Short lines near images that are not captions: rights notices, gallery controls, form prompts."""

# --- a recipe's ingredient lines (classify.recipes) ---------------------------------------------

INGREDIENT: regex.Pattern[str]
_LAZY["INGREDIENT"] = (
    r"^\s{0,8}[-\u2022*\u00b7]?\s{0,3}"
    r"(?:[0-9]{1,4}(?:[./][0-9]{1,3})?(?:\s?[\u00bc-\u00be\u2150-\u215e])?|[\u00bc-\u00be\u2150-\u215e]|"
    r"one|two|three|four|half|a|an)"
    r"(?:\s{0,2}(?:-|\u2013|to)\s{0,2}[0-9]{1,4}(?:[./][0-9]{1,3})?)?\s{1,3}"
    r"(?:cups?|c\.|teaspoons?|tsps?\.?|tablespoons?|tbsps?\.?|tbs\.?|ounces?|oz\.?|pounds?|lbs?\.?|"
    r"grams?|g|kg|ml|l|lit(?:er|re)s?|cloves?|pinch(?:es)?|dash(?:es)?|cans?|packages?|pkgs?\.?|"
    r"slices?|sticks?|large|medium|small|whole|bunch(?:es)?|handfuls?|sprigs?|stalks?|heads?|"
    r"quarts?|pints?|inch(?:es)?|drops?|el|tl|prisen?|stück|päckchen|pck\.?|"
    r"cuill(?:è|e)res?|c\.\s?à\s?(?:s|c|soupe|café)\.?|cucharad(?:it)?as?|tazas?)(?!\w)",
    _I,
)
"""A recipe's ingredient line: a quantity and a unit or a size at the line's start ("1 teaspoon
baking soda", "2-3 cloves garlic, minced", "\u00bd cup sugar", "- 1 large egg", "200 g Mehl",
"2 EL Zucker", "1 c. à soupe d'huile", "2 cucharadas de aceite")."""

# --- a gallery's slide counters (classify.teasers) ------------------------------------------------

SLIDE_COUNTER: regex.Pattern[str]
_LAZY["SLIDE_COUNTER"] = (r"^\s{0,8}([0-9]{1,3})\s{0,2}/\s{0,2}([0-9]{1,3})(?![0-9]|\s{0,2}/)", 0)
"""A block that opens with a slide's place in its gallery, "12/50 Blockbusters aid Pinewood
expansion" (groups: the slide's number, the gallery's size); not a date's "05/12/2012"."""

# --- cross-links, sign-up calls, post footers and photo credits in text (classify.promos) --------

SEE_ALSO: regex.Pattern[str]
_LAZY["SEE_ALSO"] = (
    r"^\W{0,3}(?:"
    r"(?:(?:also|further)\s+)?read\s+(?:also|more|next)|also\s+read|see\s+also|"
    r"related(?:\s+(?:articles?|stor(?:y|ies)|posts?|content|coverage))?|"
    r"more\s+on\s+(?:this|the)(?:\s+(?:story|topic|subject))?|recommended(?:\s+reading)?|"
    r"lesen\s+sie\s+(?:auch|hier|mehr|weiter)|lies\s+auch|mehr\s+(?:zum\s+thema|dazu)|"
    r"auch\s+interessant|siehe\s+auch|"
    r"lea(?:\s+(?:también|tambien|más|mas|además|ademas))?|lee\s+(?:también|tambien|más|mas)|"
    r"(?:le|te)\s+puede\s+interesar|puedes\s+ver|vea\s+(?:también|tambien|además|ademas)|"
    r"mira\s+también|(?:à\s+)?lire\s+(?:aussi|également)|voir\s+aussi|"
    r"leia\s+(?:também|mais)|veja\s+(?:também|mais)|leggi\s+anche|vedi\s+anche|"
    r"czytaj\s+(?:też|także|również|więcej)|zobacz\s+(?:też|także|również)|"
    r"lees\s+(?:ook|meer)|lue\s+(?:myös|lisää)|läs\s+(?:också|mer)|les\s+også"
    r")\s*(?::|>{1,3}|»|›|…|\.\.\.)"
    r"|^\W{0,3}(?:"
    r"(?:das\s+)?könnte\s+(?:sie|dich|euch)\s+(?:auch\s+)?interessieren|"
    r"(?:you\s+)?(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)"
    r")\W*$",
    _I,
)
"""A cross-link to another article: "Read more: <headline>", "Lea también: ...", "Czytaj też:
...", "Das könnte Sie auch interessieren". Each lead needs its colon (or "»", "…"): "Lea" alone is
also a name."""

NEWSLETTER: regex.Pattern[str]
_LAZY["NEWSLETTER"] = (
    r"newsletter|lettres?\s+d'information|daily\s+(?:edition|briefing)|news[\s-]alerts?\b|"
    r"headlines\s+(?:per|by|via)\s+e-?mail|"
    r"\b(?:sign(?:ing)?\s+up|subscribe)\b.{0,80}\b(?:e-?mail|inbox)\b|"
    r"\be-?mail\b.{0,60}\b(?:sign(?:ing)?\s+up|subscribe)\b",
    _I,
)
"""A newsletter or an e-mail sign-up is mentioned (with :data:`SIGN_UP`: a call to sign up), news
alerts among them ("Start Receiving ... News Headlines per email": pr-inside.com's box under each
story on l3s-gn1, held out +0.0002)."""

SIGN_UP: regex.Pattern[str]
_LAZY["SIGN_UP"] = (
    r"subscri|\bsign(?:ing)?\s+up\b|abonn|anmeld|\bmelde\s+dich|registrier|\bhol\s+dir|"
    r"inscri|suscri|zapis|\be-?mail|posteingang|\binbox\b|einwillig|\bwillige|einverstanden",
    _I,
)
"""Words of a sign-up call or a sign-up form's consent line (in several languages)."""

POST_FOOTER: regex.Pattern[str]
_LAZY["POST_FOOTER"] = (
    r"^\W{0,3}(?:this\s+(?:entry|post)\s+was\s+posted\s+"
    r"(?:in\b|on\s.{0,80}?\b(?:filed\s+under|posted\s+in)\b)|"
    r"email\s*this\s*blogthis!|"
    r"(?:the\s+)?story\s+continues(?:\s+below)?(?:\s+(?:this\s+)?(?:advertisement|ad))?\W*"
    r"(?:continue\s+story\W*)?$|"
    r"you\s+can\s+follow\s+any\s+responses\s+to\s+this\s+(?:entry|post)\b|"
    r"rss\s+feed\s+for\s+comments\s+on\s+this\s+post\b|"
    r"(?<=[«\u2039]\s{0,2})[^|\n]{1,200}\|\s*(?:main|(?:blog\s+)?home)\s*"
    r"(?:\|[^|\n]{1,200}[»\u203a]\s*)?$|"
    r"(?:main|(?:blog\s+)?home)\s*\|[^|\n]{1,200}[»\u203a]\s*$|"
    r"(?:feed\s+)?you\s+can\s+follow\s+this\s+conversation\s+by\s+subscribing\b|"
    r"https?://(?:www\.)?typepad\.com/services/trackback/\S+\s*$|"
    r"dieser\s+(?:eintrag|beitrag|artikel)\s+wurde\s+(?:.{0,40}\s)?(?:veröffentlicht|abgelegt)\b|"
    r"bookmark\s+the\s+permalink|newer\s+posts?\s+older\s+posts?|"
    r"(?:teilen\s+sie\s+dies\s+mit|teile\s+dies|share\s+this|like\s+this)\s*:|"
    r"gefällt\s+mir\s+wird\s+geladen|like\s+loading|"
    r"a\s+version\s+of\s+this\s+(?:article|story|review|column|op-?ed|essay|interview)\s+"
    r"(?:appears|appeared)\b|"
    r"trackback\s+url\s+for\s+this\s+(?:entry|post)|"
    r"(?:previous|next|older|newer)\s+(?:post|entry|article)\s*:|"
    r"comments?\s+(?:are|is)\s+(?:now\s+)?closed\b)",
    _I,
)
"""The footer lines of a blog post ("This entry was posted in X. Bookmark the permalink.", "This
entry was posted on <date> and is filed under X." or "... and posted in X.", "You can follow any
responses to this entry through the RSS 2.0 feed.", "RSS feed for comments on this post.",
WordPress's; Blogger's share bar "Email ThisBlogThis!Share to Twitter..." as a dump prints it;
TypePad's "TrackBack URL for this entry:" and its trackback address under it, its
"You can follow this conversation by subscribing to the comment feed for this post."), the links
to the blog's neighbouring posts ("Previous post: ...", "Next post: ...", TypePad's "« Previous
title | Main | Next title »" or "... | Blog Home | ...", its first and last post showing one
side), "Comments are now closed", a newspaper story's print note ("A
version of this article appeared in print on July 24, 2012, on page A1 of the New York edition",
the New York Times and the Wall Street Journal on dragnet), the blog engines' share and like
widgets ("Teilen Sie dies mit:", "Gefällt mir Wird geladen..."), and a news story's ad break,
"Story continues below" ("Story continues Continue story" in the Globe and Mail's dumps on
l3s-gn1; no gold of the six sets keeps one)."""

NO_SCRIPT: regex.Pattern[str]
_LAZY["NO_SCRIPT"] = (
    r"\b(?:enable|activate|turn\s+on)\s+javascript\b|"
    r"\bjavascript\s+(?:is\s+)?(?:not\s+enabled|disabled|turned\s+off|must\s+be\s+enabled)\b|"
    r"\b(?:needs?|requires?)\s+javascript\s+to\s+(?:use|view|load|see|access|display|work)\b|"
    r"\bget\s+the\s+(?:adobe\s+)?flash\s+player\b|"
    r"\bbrowser\s+(?:does\s+not|doesn't|doesn\u2019t)\s+support\s+(?:the\s+)?"
    r"(?:video|audio|iframes?|html5|embedded)\b",
    _I,
)
"""What a page shows a reader whose browser runs no script or plug-in: "JavaScript is required to
view our full story experience. Please enable JavaScript in your browser preferences.", "Get the
Flash Player to see this player.", "Your browser does not support the video tag." A text browser
prints them (dragnet, l3s-gn1, mozilla-readability and trafilatura-eval dumps: 10 article blocks,
none in a gold); the HTML mode mostly never sees them (``noscript``). "requires JavaScript" alone
is prose ("the library requires JavaScript 1.8"): only with what it is needed for."""

POST_TAXONOMY: regex.Pattern[str]
_LAZY["POST_TAXONOMY"] = (
    r"^\W{0,3}(?:(?:filed\s+(?:under|in)|posted\s+in|tagged(?:\s+with)?)\s*:?|"
    r"(?:categor(?:y|ies)|tags|kategorien?|schlagwörter|schlagworte|catégories?|étiquettes|"
    r"categorías?|etiquetas)\s*:)\s*\S",
    _I | regex.MULTILINE,
)
"""A post's taxonomy line, multiline mode: "Filed under: Banking", "Posted in News, Tech",
"Tags: x, y", "Schlagwörter: ..." (a category or tag list only with its colon: "Category 5
hurricanes ..." is a sentence). A blog prints it with the post's date and its "Leave a Comment"
link in the post's footer, which a comment section's markup may sweep in."""

PHOTO_CREDIT_TAIL: regex.Pattern[str]
_LAZY["PHOTO_CREDIT_TAIL"] = (
    r"(?:\(\s*(?:fotos?|photos?|bild(?:er|quelle)?|symbol(?:bild|foto)|images?|imagen|"
    r"pictures?|screenshot|grafik)\b[^()]{0,80}\)\W*$|"
    r"[|/]\s*(?:źródło|foto|fot\.|photo)\s*:)",
    _I,
)
"""A caption's photo credit at its end: "... (Foto: dpa)", "(Symbolbild)", "| Foto: X",
"/ Źródło: Pixabay". Not "(Quelle: ...)" or "(Abbildung 3)": prose cites its sources and figures
that way."""

SUBSCRIBE_CALL: regex.Pattern[str]
_LAZY["SUBSCRIBE_CALL"] = (
    r"\benter\s+your\s+e-?mail\b|\bdans\s+votre\s+boîte\s+(?:mail|e-mail|de\s+réception)\b|"
    r"\bplease\s+subscribe\b|\bsubscribe\s+(?:now|today|here)\b|"
    r"\bsign\s+up\s+(?:now|today|here|for\s+free)\b|\bregistrieren\s+und\s+weiterlesen\b|"
    r"\bjetzt\s+(?:kostenlos\s+)?(?:registrieren|abonnieren|anmelden)\b",
    _I,
)
"""A call to subscribe or register that names no newsletter: "Subscribe now to our eNATION edition
for the full story.", "Kostenlos registrieren und weiterlesen", "Enter your email below ..."."""

RIGHTS_RESERVED: regex.Pattern[str]
_LAZY["RIGHTS_RESERVED"] = (
    "|".join(r"\s+".join(p) for p in RIGHTS_PHRASES + MORE_RIGHTS_PHRASES),
    _I,
)
"""A rights notice ("All rights reserved", "Materiał chroniony prawem autorskim - wszelkie prawa
zastrzeżone") in the languages of the evaluation sets."""
