"""The server's error messages are not the article.

A PHP site with its error display left on prints its warnings into the page, before or among the
story's paragraphs, one per call that failed: "Deprecated: Assigning the return value of new by
reference is deprecated in /www/htdocs/.../wp-settings.php on line 472", "Strict Standards:
Non-static method nggGallery::i18n() should not be called statically in ... on line 56",
"Warning: mysql_get_server_info(): Access denied for user ...". They read like sentences and sit
in the story's column, so the learned model takes them (264 blocks of one trafilatura-eval page,
whose snippet gold has "Warning: Creating default object ..." among the texts the extraction must
not hold on another). A block that is such messages and at most :data:`MAX_OTHER_WORDS` words
besides (:data:`patterns.SERVER_NOTICE`) loses its label, in HTML and text: the later steps make it
navigation or footer. Where a message sits in a paragraph's element before its words, it is cut
out of the paragraph's text.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from ..types import Label
from .base import unlabel

MAX_OTHER_WORDS: Final = 3
"""Words a block may hold besides its error messages (a stray "»" or a date before them): more,
and the messages are mixed into a paragraph of the page, which keeps its label."""
MAX_NOTICE_CHARS: Final = 20_000
"""Longer blocks are not tried (the pattern is linear, but a story's paragraph does not hold the
messages of a whole page)."""


def server_notices(text: str) -> tuple[str, int]:
    """``text`` without the server's error messages, and how many it held (0: none, and ``text``
    itself)."""
    if ".php" not in text or len(text) > MAX_NOTICE_CHARS:
        return text, 0
    rest, n = P.SERVER_NOTICE.subn("", text)
    if not n:
        return text, 0
    return "\n".join(line.strip() for line in rest.splitlines() if line.strip()), n


class ServerNotices:
    """Article, caption and comment blocks that are the server's error messages and at most
    :data:`MAX_OTHER_WORDS` words besides lose the label; in the others the messages are cut
    out of the text (a message printed on the line before a paragraph of the story, in the
    paragraph's element)."""

    name = "server-notices"

    def __call__(self, doc: Doc) -> None:
        for s in doc.segments:
            label = s.label
            if label is None or label is Label.NAVIGATION or label is Label.FOOTER:
                continue
            rest, n = server_notices(s.text)
            if not n:
                continue
            if len(rest.split()) <= MAX_OTHER_WORDS:
                unlabel(s, self.name)
            else:
                s.text = rest
                if s.link_chars > len(rest):
                    s.link_chars = len(rest)
