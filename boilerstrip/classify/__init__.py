"""The classifier pipeline: small named steps, run in order over a document's segments.

1. :class:`Density` - context-free class of each block from its text statistics;
2. :class:`CommentSection` - the comment section and its comments;
3. :class:`MainRegion` - the region that holds the article's prose;
4. :class:`LearnedArticle` - article or not, from a two-stage learned model over block features
   and their context (or, where no model is shipped, :class:`ContextLabels`' rules);
   :class:`Asides` - HTML only: what sits in an ``<aside>`` element is not article, where the
   article is elsewhere;
   :class:`TeaserLists` - HTML only: a list of teasers (linked headline, a summary) after the story
   is not article;
   :class:`RepeatedLines` - a line the page repeats ten times or more (outside tables) is not
   article;
5. :class:`StoryTables` - HTML only: a data table inside the story is article, every cell of it;
   :class:`Unshown` - HTML only: what the markup tells the browser not to render (``hidden``,
   ``display:none``) is not article, where the article has shown text;
   :class:`PlayerChrome` - HTML only: a media player's controls and menus are not article;
   :class:`ServerNotices` - the server's error messages printed into the page ("Warning: ... on
   line 12") are not article;
6. :class:`DataRows` - text only: a table's data rows (cells between pipes) are not article;
7. :class:`Placeholders` - text only: a line of bracketed placeholders ("[logo]") is not article;
8. :class:`Promos` - cross-links ("Read more: ..."), sign-up calls (in HTML: where the first stage
   doubted the block) and post footers are not article; text only: a caption ending in its photo
   credit is a caption;
   :class:`IngredientLists` - text only: a recipe's ingredient lines near the story are article;
   :class:`ForumThreads` - text only: a forum thread's posts that the model split into article and
   comments are all article;
9. :class:`CommentItems` - the comment blocks split into reader comments;
   :class:`AfterComments` - HTML only: what follows the comment section outside the story's
   element is not article;
   :class:`AuthorBoxes` - HTML only: an "About the author" box under the story is not article;
10. :class:`Captions` - captions and credits at the article;
11. :class:`Title` - the headline;
12. :class:`Chrome` - footer or navigation for everything left;
13. :class:`Deck` - HTML only: the line under the headline that sums the story up (named, not
    labelled).
"""

from __future__ import annotations

from ..document import Doc
from .after_comments import AfterComments
from .asides import Asides
from .author_box import AuthorBoxes
from .base import Classifier
from .captions import Captions
from .chrome import Chrome
from .comments import CommentItems, CommentSection
from .context import ContextLabels
from .datarows import DataRows
from .deck import Deck
from .density import Density
from .forum import ForumThreads
from .learned import LearnedArticle
from .notices import ServerNotices
from .placeholders import Placeholders
from .player import PlayerChrome
from .promos import Promos
from .recipes import IngredientLists
from .region import MainRegion
from .repeats import RepeatedLines
from .tables import StoryTables
from .teasers import TeaserLists
from .title import Title
from .unshown import Unshown

_LEARNED = LearnedArticle()
_RULES = ContextLabels()
PIPELINE: tuple[Classifier, ...] = (
    Density(),
    CommentSection(),
    MainRegion(),
    _LEARNED,
    Asides(),
    TeaserLists(),
    RepeatedLines(),
    StoryTables(),
    Unshown(),
    PlayerChrome(),
    ServerNotices(),
    DataRows(),
    Placeholders(),
    Promos(),
    IngredientLists(),
    ForumThreads(),
    CommentItems(),
    AfterComments(),
    AuthorBoxes(),
    Captions(),
    Title(),
    Chrome(),
    Deck(),
)


def run(doc: Doc, pipeline: tuple[Classifier, ...] = PIPELINE) -> None:
    """Run the steps in order. The learned article step falls back to the rules where no model is
    shipped for the document kind."""
    for step in pipeline:
        if doc.budget.over():  # time budget spent: unlabelled blocks become NAVIGATION
            break
        if step is _LEARNED and not _LEARNED.available(doc.kind):
            _RULES(doc)
        else:
            step(doc)


__all__ = ["PIPELINE", "Classifier", "run"]
