"""Name the rest: every block not yet labelled is page chrome, FOOTER or NAVIGATION.

FOOTER: blocks in footer markup (``<footer>``, ``role=contentinfo``, footer/copyright classes),
copyright lines, and, after the last article or comment block, the run that starts at the first
footer-like line (legal links, "This page is best viewed ..."), except related-link lists, menus and
sidebars in it. Everything else is NAVIGATION.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc, Segment
from ..features import BOILER, COPYRIGHT, line_flags, segment_copyright, segments_flags
from ..types import Label
from .base import set_label
from .density import BAD, GOOD, NEARGOOD, SHORT

LINK_LIST_CUES: Final = P.RELATED | P.NAV | P.ASIDE
"""Related links, menus and sidebars stay navigation even after the footer has started (a "Most
popular" list under the copyright line)."""
SCORE_CUE: Final = 0.9
SCORE_BY_CLASS: Final = {BAD: 0.85, SHORT: 0.7, NEARGOOD: 0.6, GOOD: 0.5}


def _footer_line(s: Segment) -> bool:
    if s.chars > P.MAX_PATTERN_CHARS * 2:
        return False
    t = s.text
    if len(t) <= P.MAX_PATTERN_CHARS:
        # From the segment's flags: BOILER is copyright, widget or footer line.
        bits = line_flags(s)
        if not bits & BOILER:
            return False
        if bits & COPYRIGHT:
            return True
        return P.FOOTER_LINE.match(t) is not None
    return bool(P.COPYRIGHT.search(t[: P.MAX_PATTERN_CHARS]) or P.FOOTER_LINE.match(t))


class Chrome:
    name = "chrome"

    def __call__(self, doc: Doc) -> None:
        segs = doc.segments
        main = (Label.ARTICLE, Label.COMMENT)
        last_main = next((i for i in range(len(segs) - 1, -1, -1) if segs[i].label in main), -1)
        footer_from = len(segs)
        for i in range(last_main + 1, len(segs)):
            s = segs[i]
            if s.label is None and (_footer_line(s) or s.cues & P.FOOTER):
                footer_from = i
                break
        # The names read once, and the flags of all blocks (segment_copyright(s) is the flag where
        # the text is short enough).
        footer_cue, body_cue, boiler_cues = P.FOOTER, P.BODY, P.BOILER_CUES
        max_chars = P.MAX_PATTERN_CHARS
        footer, navigation, by = Label.FOOTER, Label.NAVIGATION, self.name
        score_of = SCORE_BY_CLASS.get
        flags = segments_flags(segs)
        for i, s in enumerate(segs):
            if s.label is not None:
                continue
            cues = s.cues
            if cues & footer_cue and not cues & body_cue:
                set_label(s, footer, SCORE_CUE, by)
            elif (i >= footer_from and not s.near_cues & LINK_LIST_CUES) or (
                s.chars <= max_chars
                and (flags[i] & COPYRIGHT or len(s.text) > max_chars)
                and segment_copyright(s)
            ):
                set_label(s, footer, SCORE_CUE if _footer_line(s) else 0.7, by)
            elif s.near_cues & boiler_cues:
                set_label(s, navigation, SCORE_CUE, by)
            else:
                set_label(s, navigation, score_of(s.cf, 0.6), by)


