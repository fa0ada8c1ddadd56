"""Turn the labelled segments of a document into the public :class:`~boilerstrip.types.Article`."""

from __future__ import annotations

from . import patterns as P
from .document import Doc, Segment
from .types import Article, Block, Comment, Label


def _comment_meta(lines: list[str]) -> tuple[str | None, str | None]:
    """Author and date from a comment's header lines."""
    author: str | None = None
    date: str | None = None
    for line in lines:
        if P.COMMENT_NUMBER.match(line):
            continue
        if date is None:
            m = P.DATE.search(line)
            if m:
                date = line[m.start():].strip(" |,-") if len(line) - m.start() < 60 else m.group(0)
        if author is None:
            head = line
            m = P.DATE.search(head)
            if m:
                head = head[: m.start()]
            a = P.COMMENT_AUTHOR.match(head.strip())
            if a and a.group("author").strip(" |,:-"):
                author = a.group("author").strip(" |,:-")
    return author, date


def _comments(segs: list[Segment]) -> list[Comment]:
    groups: dict[int, tuple[list[str], list[str]]] = {}
    for s in segs:
        if s.label is Label.COMMENT and s.comment is not None:
            words, meta = groups.setdefault(s.comment, ([], []))
            (meta if s.comment_meta else words).append(s.text)
    out: list[Comment] = []
    for idx in sorted(groups):
        words, meta = groups[idx]
        author, date = _comment_meta(meta)
        out.append(Comment(text="\n".join(words), author=author, date=date))
    return out


def assemble(doc: Doc, *, encoding: str | None, url: str | None) -> Article:
    segs = doc.segments
    for s in segs:
        if s.label is None:  # not reached by the classifiers (time budget spent): page chrome
            s.label = Label.NAVIGATION
    # Block.comment is the position in Article.comments, which lists the comment indices in order.
    ids = sorted({s.comment for s in segs if s.label is Label.COMMENT and s.comment is not None})
    position = {idx: n for n, idx in enumerate(ids)}
    blocks = [
        Block(
            text=s.text,
            label=s.label or Label.NAVIGATION,
            score=s.score,
            source=s.source,
            is_title=s.is_title,
            comment=(
                position[s.comment] if s.label is Label.COMMENT and s.comment is not None else None
            ),
        )
        for s in segs
    ]
    text = "\n\n".join(s.text for s in segs if s.label is Label.ARTICLE and not s.is_title)
    return Article(
        title=doc.meta.title,
        text=text,
        captions=[s.text for s in segs if s.label is Label.CAPTION],
        comments=_comments(segs),
        navigation=[s.text for s in segs if s.label is Label.NAVIGATION],
        footer=[s.text for s in segs if s.label is Label.FOOTER],
        blocks=blocks,
        kind=doc.kind,
        encoding=encoding,
        url=url,
        truncated=doc.truncated,
    )
