"""Turn the labelled segments of a document into the public :class:`~boilerstrip.types.Article`."""

from __future__ import annotations

from typing import Final

from . import patterns as P
from .classify.comments import comment_author_date, is_header_text
from .compiled import speedups
from .document import Doc, Segment
from .mojibake import misread, read_back
from .types import Article, Block, Comment, Label

DRAWN_BULLETS: Final = frozenset("•□■◦▪●○*+·")
"""The list marks text browsers draw for an HTML list (w3m ``•`` and ``□``, lynx ``*`` and ``+``):
not the page's text. The other marks the text segmenter takes off a block (a dash, ``1.``,
``[2]``) are the page's own characters as often as not - a dialogue's dash, a numbered heading
("1. Choose the Right Pot"), a footnote's number - and are put back in the output (on
trafilatura-eval's w3m dumps, 15 snippets that HTML mode finds start with one)."""


def shown_text(s: Segment, kind: str) -> str:
    """The block's text as the output shows it: in text documents, with its list mark put back
    unless a text browser drew it (:data:`DRAWN_BULLETS`)."""
    if kind == "html" or not s.bullet or s.bullet in DRAWN_BULLETS:
        return s.text
    return f"{s.bullet} {s.text}"


def _comment_lines(text: str) -> tuple[list[str], list[str]]:
    """A words block's lines: the reader's words, and header lines at its start or end."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    short = P.MAX_PATTERN_CHARS
    lines = [ln for ln in lines if not (len(ln) <= short and P.COMMENT_LINE_WIDGET.match(ln))]
    head: list[str] = []
    while len(lines) > 1 and is_header_text(lines[0]):
        head.append(lines.pop(0))
    while len(lines) > 1 and is_header_text(lines[-1]):
        head.append(lines.pop())
    return lines, head


def _comments(segs: list[Segment]) -> tuple[list[Comment], dict[int, int]]:
    """The reader comments in page order, and for each comment index of the blocks its position
    in that list (a comment left with no words once its widget and header lines are taken out is
    not listed, and its blocks belong to none)."""
    groups: dict[int, tuple[list[str], list[str]]] = {}
    comment = Label.COMMENT
    for s in segs:
        if s.label is comment and s.comment is not None:
            words, meta = groups.setdefault(s.comment, ([], []))
            if s.comment_meta:
                meta.append(s.text)
            else:
                body, head = _comment_lines(s.text)
                words.extend(body)
                meta.extend(head)
    out: list[Comment] = []
    position: dict[int, int] = {}
    for idx in sorted(groups):
        words, meta = groups[idx]
        if not words:
            continue
        author, date = comment_author_date(meta)
        position[idx] = len(out)
        out.append(Comment(text="\n".join(words), author=author, date=date))
    return out, position


BLOCKS_CHUNK: Final = 4096
"""The blocks are made this many segments at a time, the segments let go of as their blocks are
made: a page's segments (some 200 bytes each compiled, 400 in plain Python) and its blocks are
never all held at once."""


def _blocks(doc: Doc, position: dict[int, int]) -> list[Block]:
    """The public block of every segment (``position``: a comment's index in ``Article.comments``
    by its segments' comment index), made by the compiled helper where it is built (the same
    blocks, taken off the cyclic collector's lists: strings, numbers and labels make no cycle, and a
million tracked blocks would be walked again at every full collection).
    ``doc.segments`` is emptied: the segments are dropped :data:`BLOCKS_CHUNK` at a time from its
    end as their blocks are made (their sources written just before, where the segmenter left
    them to write: see :meth:`.Doc.write_sources`)."""
    mod = speedups()
    segs, kind = doc.segments, doc.kind
    chunks: list[list[Block]] = []
    while segs:
        lo = max(0, len(segs) - BLOCKS_CHUNK)
        doc.write_sources(lo)
        part = segs[lo:]
        del segs[lo:]
        if mod is not None:
            made: list[Block] = mod.make_blocks(
                part, Block, kind == "html", DRAWN_BULLETS, position, Label.COMMENT,
                Label.NAVIGATION,
            )
        else:
            made = [
                Block(
                    text=shown_text(s, kind),
                    label=s.label or Label.NAVIGATION,
                    score=s.score,
                    source=s.source,
                    is_title=s.is_title,
                    comment=(
                        position.get(s.comment)
                        if s.label is Label.COMMENT and s.comment is not None
                        else None
                    ),
                )
                for s in part
            ]
        del part
        chunks.append(made)
    chunks.reverse()
    return [b for made in chunks for b in made]


def assemble(doc: Doc, *, encoding: str | None, url: str | None) -> Article:
    segs = doc.segments
    navigation = Label.NAVIGATION
    for s in segs:
        if s.label is None:  # not reached by the classifiers (time budget spent): page chrome
            s.label = navigation
    if doc.kind == "text" and misread(s.text for s in segs):
        # A dump of a UTF-8 page its browser read as Latin-1 (see boilerstrip.mojibake): the
        # output is read back; the blocks were classified as the dump spells them.
        for s in segs:
            s.text = read_back(s.text)
        if doc.meta.title is not None:
            doc.meta.title = read_back(doc.meta.title)
    # Block.comment is the position in Article.comments, which lists the comment indices in order.
    comments, position = _comments(segs)
    # The frames' parents and cues are not read any more: let go of before the blocks are made.
    doc.parent, doc.frame_cues = [], []
    blocks = _blocks(doc, position)  # (empties doc.segments)
    text = "\n\n".join(b.text for b in blocks if b.label is Label.ARTICLE and not b.is_title)
    return Article(
        title=doc.meta.title,
        text=text,
        captions=[b.text for b in blocks if b.label is Label.CAPTION],
        comments=comments,
        navigation=[b.text for b in blocks if b.label is Label.NAVIGATION],
        footer=[b.text for b in blocks if b.label is Label.FOOTER],
        blocks=blocks,
        kind=doc.kind,
        encoding=encoding,
        url=url,
        truncated=doc.truncated,
        subtitle=doc.meta.subtitle,
    )
