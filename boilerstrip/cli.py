"""Command line: ``boilerstrip [FILE|-] [--format text|json|markdown|blocks] [--kind auto|html|text]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import __version__
from .pipeline import extract
from .types import Article


def _render(article: Article, fmt: str) -> str:
    if fmt == "json":
        return article.to_json(indent=2) + "\n"
    if fmt == "markdown":
        return article.to_markdown()
    if fmt == "blocks":
        rows = [
            f"{b.label.value:<10} {b.score:4.2f} {b.source:<28} {b.text}".replace("\n", " ")
            for b in article.blocks
        ]
        return "\n".join(rows) + ("\n" if rows else "")
    parts = [p for p in (article.title, article.text) if p]
    return "\n\n".join(parts) + ("\n" if parts else "")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="boilerstrip",
        description="Extract the article (title, text, comments, captions) from a web page, "
        "given as HTML or as a plain-text dump.",
    )
    p.add_argument("file", nargs="?", default="-", help="page to read (default: - for stdin)")
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "markdown", "blocks"),
        default="text",
        help="text: title and article text; json: everything, with every block; markdown; "
        "blocks: one line per block with its label and score",
    )
    p.add_argument("--kind", choices=("auto", "html", "text"), default="auto", help="input type")
    p.add_argument("--url", default=None, help="the page's URL, kept on the result")
    p.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.file == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as fh:
                raw = fh.read()
    except OSError as exc:
        print(f"boilerstrip: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    article = extract(raw, url=args.url, kind=args.kind)
    out = _render(article, args.format)
    try:
        sys.stdout.write(out)
        sys.stdout.flush()
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
