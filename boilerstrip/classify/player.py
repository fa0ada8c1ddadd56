"""A media player's controls and menus are not the article.

A video or audio player that a script builds into the page leaves its parts in the markup: the
control bar ("Play", "Mute", "Current Time 0:00", "Duration Time 0:00", "Loaded: 0%"), its menus
("Playback Rate", "captions settings, opens captions settings dialog", "Video Quality Auto High
(HD) Medium Low"), and the line a browser without the player shows ("Dein Browser kann dieses Video
nicht abspielen."). Inside a story's column, among its paragraphs, the learned model gives these
short lines 0.2-0.6 (on mozilla-readability's bug-1255978, a video.js player in an Independent
story) and a page-wide threshold takes some of them; held out, Yahoo's player menus are most of
what the model keeps beside yahoo-2's and yahoo-3's stories.

Every player library marks its parts with its own class prefix (``patterns.PLAYER``: video.js
``vjs-``, MediaElement.js ``mejs-``, YouTube ``ytp-``, Yahoo ``yvp-``, JW Player, Plyr, Shaka,
Bitmovin). A block whose element or an ancestor carries one loses the article label (the later
steps make it navigation), where the page has :data:`MIN_OUTSIDE_WORDS` article words outside
the player: a page whose only text is a player's (a video page with its title in the player's
dock) keeps it.
"""

from __future__ import annotations

from typing import Final

from .. import patterns as P
from ..document import Doc
from .base import drop_marked_articles

MIN_OUTSIDE_WORDS: Final = 50
"""Article words outside the player the page must have for the step to act (as
``unshown.MIN_SHOWN_WORDS``: a story, not a video page's caption line)."""


class PlayerChrome:
    """HTML: article blocks inside a media player's markup (:data:`patterns.PLAYER`) lose the
    label where :data:`MIN_OUTSIDE_WORDS` article words sit outside it."""

    name = "player"

    def __call__(self, doc: Doc) -> None:
        if doc.kind != "html":
            return
        drop_marked_articles(doc, P.PLAYER, MIN_OUTSIDE_WORDS, self.name)
