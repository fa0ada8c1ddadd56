"""Train boilerstrip's learned block classifier from the dev sets of ../shared/data.

Every page of the labelled HTML sets is segmented by boilerstrip itself; each block is labelled
article when most of its word 4-grams occur in the page's gold text (tools/align.py). The model is
evaluated honestly with cross-validation grouped by site (a site is never in both the training and the
test fold): the held-out predictions are turned into article text and scored with the same shingle F1
as the benchmark. Then it is fitted on all pages and written to boilerstrip/data/<name>.json.

The text model also trains on the ``train`` split of turku-line-quality (real plain text with human
line labels: a block is clean text when most of its lines are; each page is its own group in the
folds), and reports its held-out clean-line F1 per language beside its margin over the
terminal-punctuation baseline; the set's ``dev`` split is left to the benchmark.

With ``--context`` it then trains the context stage (boilerstrip/classify/stacked.py) on the
held-out article probabilities, cross-validates it on the same folds, and ships it beside them.
In HTML the pipeline decides by the mean of the two stages' probabilities (so the block-level
figures are the mean's), and each fold of ``--pipeline-cv`` gets a context stage of its own,
trained on first-stage probabilities held out inside its training pages (``inner_context``).
``--cv-seeds N`` repeats the first stage's cross-validation with N LightGBM seeds and reports their
mean (the small sets move by 0.01-0.02 with the seed alone); ``--pipeline-cv`` (HTML) runs
``boilerstrip.extract`` on every page with the models of the fold that held its site out and scores
its text as the benchmark does: the held-out figure comparable with the benchmark's tables (with
``--cv-seeds N``, for each seed, and their mean).

    python tools/train.py [--data ../shared/data] [--kind html|text] [--folds 5] [--context]
                          [--cache] [--no-write] [--workers 2] [--seed 0] [--cv-seeds 1]
                          [--pipeline-cv]
                          [--trees N --depth N --rate R]
                          [--comment-negatives [--negative-weight 1.0]]
                          [--lexicon-comment] [--cohort-comment]
                          [--no-line-sets] [--turku-weight 3]

Needs the ``dev`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import sys
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from multiprocessing import Pool
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from align import labels  # noqa: E402

from benchmarks.data import DEFAULT_DATA, load_set  # noqa: E402
from benchmarks.metrics import (  # noqa: E402
    LineScore,
    corpus_score,
    line_score,
    lines_in_blocks,
    page_score,
    snippet_counts,
    snippet_score,
    terminal_punctuation,
)
from boilerstrip.classify import cohort, learned, lexicon, stacked  # noqa: E402
from boilerstrip.classify.comments import CommentSection  # noqa: E402
from boilerstrip.classify.density import Density  # noqa: E402
from boilerstrip.classify.region import MainRegion  # noqa: E402
from boilerstrip.pipeline import prepare  # noqa: E402
from boilerstrip.types import Label  # noqa: E402

GBDT: dict[str, Any] = {"trees": 80, "depth": 4, "rate": 0.15}
"""Tree-ensemble size of every model but those in :data:`GBDT_BY_MODEL`: small enough for fast
inference (trees x depth comparisons a block)."""
GBDT_BY_MODEL: dict[tuple[str, str], dict[str, Any]] = {
    ("html", "article"): {"trees": 120, "depth": 6, "rate": 0.1},
}
"""Per (kind, target) sizes. The HTML article model: held out (5-fold CV by site, mean of LightGBM
seeds 0-4), 80 trees of depth 4 at rate 0.15 -> 120 of depth 6 at 0.1: dragnet 0.912 -> 0.920,
l3s-gn1 0.951 -> 0.955, trafilatura-eval 0.931 -> 0.933, cleanportaleval 0.862 -> 0.862,
cleaneval-dev 0.841 -> 0.840, mozilla-readability 0.909 -> 0.908 (the last two move by 0.01-0.02
from seed to seed). Also measured (seeds 0-2): 240 trees of depth 4 at 0.05 (dragnet 0.915), 160
of depth 5 (0.918), 80 and 200 of depth 6 (0.918, 0.921; cleaneval-dev 0.833 both), 100 of depth
7 and 120 of depth 8 (0.919, 0.922; cleaneval-dev 0.833, 0.829). Depth 6 is also the deepest the
compiled forest walks without a branch (``FULL_DEPTH`` in ``_speedups.c``). ``--trees``,
``--depth`` and ``--rate`` set every model's size instead."""
COMMENT_SETS = ("dragnet", "l3s-gn1")
"""Sets whose gold gives the comments: the comment model trains on all their blocks."""
COMMENT_NEGATIVES = False
"""``--comment-negatives``: the comment model also trains on the gold article blocks of the other
sets, as not comment (their gold says what is article, not what is comment: their other blocks are
left out). Measured on the text model, not shipped: see docs/design.md, "Text mode: comments"."""
NEGATIVE_WEIGHT = 1.0
"""``--negative-weight``: the weight of those not-comment blocks, relative to a comment-gold block
holding the same share of its page."""
KIND = "html"
"""The kind of model being trained (``--kind``): picks the sizes in :data:`GBDT_BY_MODEL`."""
SEED = 0
"""LightGBM's random state (row and feature subsampling): ``--seed``."""
THREADS = 2
"""LightGBM's threads: ``--workers`` (featurizing processes and training threads alike)."""
TRAIN_SETS = (
    "dragnet", "l3s-gn1", "cleaneval-dev", "cleanportaleval", "mozilla-readability", "trafilatura-eval",
)
TURKU = "turku-line-quality"
FOLDS = 5
"""The cross-validation's folds (grouped by site), and those the shipped lexicon features come from."""
LINE_SETS = True
"""Text model: also train on turku-line-quality's ``train`` split (``--no-line-sets`` leaves it
out). Its page ids are their own sites in the grouped folds."""
TURKU_WEIGHT = 3.0
"""Weight of a turku page's blocks relative to one dump of a dev-set page (``--turku-weight``): a
dev page comes in four dumps, a turku page once. Held-out (this script's CV, context stage at
0.44), weight 1 -> 3: turku's train split 0.717 -> 0.730 clean-line F1 (Finnish 0.757 -> 0.776),
the dump sets within the run-to-run noise (-0.007 to +0.007; cleaneval-dev lynx +0.006, w3m
-0.019)."""
LABEL_OVERLAP = 0.5
LEXICON = True
"""HTML: learn the word lexicon (``boilerstrip/classify/lexicon.py``) and give the models its
features (``--no-lexicon``: all 0, as before it). Block-level CV by site, seeds 0-2, mean change:
dragnet +0.003, l3s-gn1 +0.000, cleaneval-dev +0.008, cleanportaleval +0.001, mozilla-readability
+0.005, trafilatura-eval +0.000 (``docs/design.md``, section 4, item 21)."""
LEXICON_COMMENT = False
"""The comment model reads the lexicon features too (``--lexicon-comment``). Off: with them, on
11 of the test suite's 1,000 synthetic news pages it labelled every block a comment (0.52-0.99)."""
COHORT_COMMENT = False
"""The comment model reads the cohort features (``boilerstrip/classify/cohort.py``) too
(``--cohort-comment``). Off: with them, held out (whole pipeline, seeds 0-2), dragnet's comment F1
fell 0.901 -> 0.890 (in every seed) while its comment-free pages kept free of comments rose 92.8 ->
94.5 %; see docs/design.md, section 4, item 24."""
INNER_FOLDS = 4
"""The lexicon features a model trains on come from lexicons that did not see the page's site
(this many folds by site inside its training pages): fitted on its own pages, a word's weight
would already know the page's labels, and the trees would trust it more than on a new site."""
CACHE = Path.home() / ".cache" / "boilerstrip" / "train"

_HOST_RE = re.compile(
    r"""(?:<link[^>]+rel=["']canonical["'][^>]+href|<meta[^>]+property=["']og:url["'][^>]+content)"""
    r"""=["'](https?://[^"'/]+)""",
    re.I,
)
_LINK_HOST = re.compile(r"""href=["']https?://([^"'/:]+)""", re.I)


def site_of(url: str | None, html: str) -> str:
    """The page's site: its URL's host, else the canonical/og:url host, else its most linked host."""
    host = urlsplit(url).hostname if url else None
    if not host:
        m = _HOST_RE.search(html[:200_000])
        host = urlsplit(m.group(1)).hostname if m else None
    if not host:
        hosts = Counter(h.lower() for h in _LINK_HOST.findall(html[:500_000]))
        host = hosts.most_common(1)[0][0] if hosts else None
    if not host:
        return "?"
    parts = host.lower().split(".")
    if parts and parts[0] in ("www", "m", "mobile", "news", "blog", "blogs"):
        parts = parts[1:]
    return ".".join(parts[-3:]) if len(parts) > 2 and len(parts[-1]) == 2 else ".".join(parts[-2:])


@dataclass
class Job:
    """One page (or one text dump of a page) to featurize and label."""

    set: str
    id: str
    raw: Any
    gold: str | None
    comments_gold: str | None
    url: str | None
    html: str
    kind: str
    with_: list[str] | None = None
    without: list[str] | None = None
    line_labels: list[int] | None = None
    """Plain-text pages with human line labels (turku-line-quality): 1 clean, 0 noise."""
    lang: str | None = None


@dataclass
class PageData:
    set: str
    id: str
    site: str
    gold: str
    texts: list[str]
    titles: list[bool]
    comments: list[bool]
    X: list[list[float]]
    y: list[int]
    yc: list[int] | None
    """Comment labels, on pages whose set has comment gold (None elsewhere)."""
    w: list[float]
    chars: list[int]
    frames: list[int]
    parent: list[int]
    snippets: tuple[list[str], list[str]] | None = None
    lines: list[tuple[int, int]] | None = None
    """Line-labelled pages: each block's first and last line (1-based)."""
    line_labels: list[int] | None = None
    lang: str | None = None
    line_base: list[bool] | None = None
    """Line-labelled pages: the terminal-punctuation baseline's verdict per line."""
    """trafilatura-eval: the page's with/without snippets (its only gold)."""


class _CacheReader(pickle.Unpickler):
    """Reads a training cache whoever wrote it: this file run as a script pickles its classes as
    ``__main__.PageData``, a tool that imports it (tools/seed_spread.py) as ``train.PageData``."""

    def find_class(self, module: str, name: str) -> Any:
        if module in ("__main__", "train") and name in ("PageData", "Job"):
            return globals()[name]
        return super().find_class(module, name)


def load_cache(path: Path) -> list[PageData]:
    """The featurized pages of a training cache (``CACHE / "<kind>.pkl"``)."""
    with path.open("rb") as f:
        data: list[PageData] = _CacheReader(f).load()
    return data


def _norm(s: str) -> str:
    return " ".join(s.split())


def snippet_labels(texts: list[str], with_: list[str], without: list[str]) -> list[int]:
    """Partial labels from trafilatura-eval's snippets: 1 for a block holding a snippet the
    extraction must contain, 0 for one holding a snippet it must not, -1 (unknown) otherwise."""
    w = [_norm(x) for x in with_ if x.strip()]
    wo = [_norm(x) for x in without if x.strip()]
    out = []
    for t in texts:
        n = _norm(t)
        if any(x in n for x in w):
            out.append(1)
        elif any(x in n for x in wo):
            out.append(0)
        else:
            out.append(-1)
    return out


def featurize(job: Job) -> PageData | None:
    doc, _ = prepare(job.raw, kind="html" if job.kind == "html" else "text")
    for step in (Density(), CommentSection(), MainRegion()):
        step(doc)
    X = learned.vectors(doc)
    texts = [s.text for s in doc.segments]
    sizes = [max(1, len(t.split())) for t in texts]
    yc: list[int] | None = None
    snippets = None
    spans: list[tuple[int, int]] | None = None
    if job.line_labels is not None:
        spans = [(s.line_start, s.line_end) for s in doc.segments]
        y = [line_label(job.line_labels, a, b) for a, b in spans]
        total = sum(sizes) or 1
        w = [n / total * TURKU_WEIGHT for n in sizes]
    elif job.with_ is not None:
        part = snippet_labels(texts, job.with_, job.without or [])
        known = sum(1 for v in part if v >= 0) or 1
        y = [max(v, 0) for v in part]
        w = [(1.0 / known if v >= 0 else 0.0) for v in part]
        snippets = (job.with_, job.without or [])
    else:
        y = labels(texts, job.gold, LABEL_OVERLAP)
        if job.set in COMMENT_SETS:
            yc = labels(texts, job.comments_gold, LABEL_OVERLAP)
            y = [0 if c and not a else a for a, c in zip(y, yc, strict=True)]
        total = sum(sizes) or 1
        w = [n / total for n in sizes]
    return PageData(
        job.set, job.id, job.id if job.line_labels is not None else site_of(job.url, job.html),
        job.gold or "", texts,
        [False] * len(texts), [s.label is Label.COMMENT for s in doc.segments], X, y, yc, w,
        [s.chars for s in doc.segments], [s.frame for s in doc.segments], list(doc.parent),
        snippets, spans, job.line_labels, job.lang,
        None if job.line_labels is None
        else [terminal_punctuation(x) for x in str(job.raw).split("\n")],
    )


def line_label(gold: list[int], first: int, last: int) -> int:
    """A block of a line-labelled page is clean text when most of its lines are."""
    got = gold[max(first, 1) - 1:last]
    return 1 if got and 2 * sum(got) > len(got) else 0


TEXT_VARIANTS = ("w3m", "w3m-80", "lynx", "plain")
"""Text dumps the text model trains on: w3m renders unwrapped and wrapped at 80 columns, lynx
renders, and the lynx render stripped of all layout cues (no indentation, bullets or blank lines:
one paragraph per line, as in WET files)."""


def plain(text: str) -> str:
    """A dump without layout cues: every non-blank line stripped of indentation and bullets."""
    from boilerstrip.patterns import BULLET

    out = []
    for line in text.split("\n"):
        line = line.strip()
        if line:
            out.append(BULLET.sub("", line, count=1).strip() or line)
    return "\n".join(out)


def pages(data: Path, kind: str) -> Iterator[Job]:
    for name in TRAIN_SETS:
        rows = [
            p for p in load_set(data, name)
            if p.html is not None and (p.gold_text is not None or p.gold_with)
        ]
        if kind == "html":
            for p in rows:
                yield Job(name, p.id, p.raw, p.gold_text, p.gold_comments, p.url, p.html or "", kind,
                          p.gold_with, p.gold_without)
            continue
        from benchmarks.textdump import renders

        dumps = {v: renders(v, rows) for v in ("w3m", "w3m-80", "lynx")}
        for p in rows:
            for variant in TEXT_VARIANTS:
                text = dumps["lynx" if variant == "plain" else variant].get(p.id, "")
                if variant == "plain":
                    text = plain(text)
                yield Job(name, f"{p.id}#{variant}", text, p.gold_text, p.gold_comments, p.url,
                          p.html or "", kind, p.gold_with, p.gold_without)
    if kind == "text" and LINE_SETS:
        yield from line_pages(data)


def line_pages(data: Path) -> Iterator[Job]:
    """The training split of turku-line-quality: real plain text with human line labels (its
    ``dev`` split is left for the benchmark)."""
    for p in load_set(data, TURKU):
        if p.record.get("split") == "train" and p.text is not None and p.line_labels:
            yield Job(TURKU, p.id, p.text, None, None, None, "", "text",
                      line_labels=p.line_labels, lang=p.lang)


def build(data: Path, kind: str, workers: int) -> list[PageData]:
    with Pool(workers) as pool:
        out = [d for d in pool.imap(featurize, pages(data, kind), chunksize=4) if d is not None]
    return out


def page_text(d: PageData, pa: list[float], pc: list[float], threshold: float) -> str:
    return "\n\n".join(
        t for t, a, c in zip(d.texts, pa, pc, strict=True) if a >= threshold and c < 0.5
    )


def evaluate(
    data: list[PageData], pa: list[list[float]], pc: list[list[float]], threshold: float
) -> dict[str, float]:
    by_set: dict[str, list[Any]] = {}
    snippets: dict[str, list[tuple[int, int, int, int]]] = {}
    lines: dict[str, list[LineScore]] = {}
    for d, a, c in zip(data, pa, pc, strict=True):
        if d.line_labels is not None and d.lines is not None and d.line_base is not None:
            # turku: clean-line F1 (article or comment lines are written text, as in the
            # benchmark), and its margin over the terminal-punctuation baseline
            spans = [
                sp for sp, x, y in zip(d.lines, a, c, strict=True) if x >= threshold or y >= 0.5
            ]
            got = lines_in_blocks(len(d.line_labels), spans)
            for lang in (d.lang or "xx", "all"):
                acc = lines.setdefault(lang, [LineScore(0, 0, 0, 0), LineScore(0, 0, 0, 0)])
                acc[0] = acc[0] + line_score(got, d.line_labels)
                acc[1] = acc[1] + line_score(d.line_base[:len(d.line_labels)], d.line_labels)
            continue
        key = d.set if "#" not in d.id else f"{d.set}/{d.id.rsplit('#', 1)[1]}"
        text = page_text(d, a, c, threshold)
        if d.snippets is not None:
            snippets.setdefault(key, []).append(snippet_counts(text, d.snippets[0], d.snippets[1]))
        else:
            by_set.setdefault(key, []).append(page_score(text, d.gold))
    out = {k: corpus_score(v, bootstrap=0).f1 for k, v in by_set.items()}
    out.update({k: snippet_score(v)[0] for k, v in snippets.items()})
    for lang, (ours, base) in sorted(lines.items()):
        out[f"turku/{lang}"] = ours.f1
        out[f"turku/{lang}-over-baseline"] = ours.f1 - base.f1
    return out


def main() -> None:
    global SEED, THREADS, COMMENT_NEGATIVES, NEGATIVE_WEIGHT, LINE_SETS, TURKU_WEIGHT, KIND, LEXICON, LEXICON_COMMENT, COHORT_COMMENT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--folds", type=int, default=FOLDS)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--model", choices=("lr", "gbdt", "lgbm"), default="lgbm")
    ap.add_argument("--cache", action="store_true", help="reuse the featurized pages of the last run")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--trees", type=int, help="every model's tree count (default: GBDT*)")
    ap.add_argument("--depth", type=int, help="every model's tree depth (default: GBDT*)")
    ap.add_argument("--rate", type=float, help="every model's learning rate (default: GBDT*)")
    ap.add_argument("--seed", type=int, default=SEED, help="LightGBM's random state")
    ap.add_argument("--pipeline-cv", action="store_true",
                    help="html: also run the whole pipeline (boilerstrip.extract) on each fold's "
                         "held-out pages with that fold's models, scored as the benchmark scores")
    ap.add_argument("--save-folds", type=Path, metavar="FILE",
                    help="with --pipeline-cv: write every seed's fold models and the pages each "
                    "held out to FILE (for tools/heldout.py)")
    ap.add_argument("--cv-seeds", type=int, default=1, metavar="N",
                    help="cross-validate the first stage with N seeds (--seed, --seed + 1, ...) "
                         "and report their mean beside each: seeds move the held-out figures of "
                         "the small sets by 0.01-0.02")
    ap.add_argument("--comment-negatives", action="store_true",
                    help="also train the comment model on the other sets' gold article blocks")
    ap.add_argument("--negative-weight", type=float, default=NEGATIVE_WEIGHT)
    ap.add_argument("--context", action="store_true",
                    help="also train the context stage on the held-out first-stage probabilities")
    ap.add_argument("--no-line-sets", action="store_true",
                    help="text: leave turku-line-quality's train split out of the training data")
    ap.add_argument("--turku-weight", type=float, default=TURKU_WEIGHT)
    ap.add_argument("--no-lexicon", action="store_true",
                    help="html: no word lexicon (its features all 0)")
    ap.add_argument("--lexicon-comment", action="store_true",
                    help="html: the comment model reads the lexicon features too")
    ap.add_argument("--cohort-comment", action="store_true",
                    help="html: the comment model reads the cohort features too")
    args = ap.parse_args()
    if args.pipeline_cv and args.kind != "html":
        ap.error("--pipeline-cv runs the HTML pipeline: use it with --kind html")
    if args.save_folds and not args.pipeline_cv:
        ap.error("--save-folds saves the fold models of --pipeline-cv: use them together")
    LINE_SETS = args.kind == "text" and not args.no_line_sets
    TURKU_WEIGHT = args.turku_weight
    KIND = args.kind
    for key, arg in (("trees", args.trees), ("depth", args.depth), ("rate", args.rate)):
        if arg is not None:
            GBDT[key] = arg
            for sizes in GBDT_BY_MODEL.values():
                sizes[key] = arg
    SEED, THREADS = args.seed, args.workers
    LEXICON = args.kind == "html" and not args.no_lexicon
    LEXICON_COMMENT = args.lexicon_comment
    COHORT_COMMENT = args.cohort_comment
    COMMENT_NEGATIVES = args.comment_negatives
    NEGATIVE_WEIGHT = args.negative_weight

    t0 = time.time()
    CACHE.mkdir(parents=True, exist_ok=True)
    cpath = CACHE / f"{args.kind}.pkl"
    if args.cache and cpath.exists():
        data = load_cache(cpath)
        data = [d for d in data if d.set != TURKU]
        if any(len(x) != len(learned.FEATURE_NAMES) for x in data[0].X[:1]):
            sys.exit(f"{cpath} holds vectors of another feature layout: run without --cache")
        if LINE_SETS:  # (cheap: a few hundred short pages, featurized afresh with the weight asked)
            with Pool(args.workers) as pool:
                data += [d for d in pool.imap(featurize, line_pages(args.data)) if d is not None]
    else:
        data = build(args.data, args.kind, args.workers)
        cpath.write_bytes(pickle.dumps(data))
    if not LINE_SETS:
        data = [d for d in data if d.set != TURKU]
    print(f"{len(data)} pages, {sum(len(d.y) for d in data)} blocks, "
          f"{len({d.site for d in data})} sites ({time.time() - t0:.0f}s)")

    counts = WordCounts(data) if LEXICON else None
    held_a, held_c, fold_models = cross_fit(
        data, site_folds(data, args.folds), args.model, args.pipeline_cv, t0,
        counts, args.context and args.kind == "html",
    )
    (CACHE / f"{args.kind}_heldout.pkl").write_bytes(pickle.dumps((held_a, held_c)))
    for thr in (0.4, 0.5, 0.6):
        res = evaluate(data, held_a, held_c, thr)
        print(f"CV by site, threshold {thr}: " + "  ".join(f"{k} {v:.3f}" for k, v in res.items()))
    print("CV by site, comments: " + comment_report(data, held_c))
    cv = evaluate(data, held_a, held_c, 0.5)
    first_cv = cv
    html_context = args.context and args.kind == "html"
    # The context stage's training rows: the held-out first-stage probabilities (what the first
    # stage says of unseen pages)
    ctx = context_data(data, held_a, held_c) if args.context else []
    if html_context:
        # HTML decides by the mix of the two stages (learned._html_context): the block-level
        # figures are the mix's, seed by seed
        cv = evaluate(data, mixed(held_a, ctx, site_folds(data, args.folds), args.model),
                      held_c, learned.ARTICLE_THRESHOLD)
        print("CV by site, with the context stage: "
              + "  ".join(f"{k} {v:.3f}" for k, v in cv.items()))
    by_seed = {SEED: cv}
    shipped_seed = SEED
    pipe_by_seed: dict[int, dict[str, float]] = {}
    saved: dict[int, FoldModels] = {SEED: fold_models} if fold_models else {}
    for seed in range(SEED + 1, SEED + args.cv_seeds):
        # The same folds with other seeds: the first stage's held-out figures, their spread (and
        # with --pipeline-cv the whole pipeline's, with that seed's article and comment models)
        SEED = seed
        split = site_folds(data, args.folds)
        held_cs = held_c  # (the comment probabilities of seed 0 where this seed's are not made)
        if args.pipeline_cv:
            held_s, held_cs, seed_models = cross_fit(data, split, args.model, True, counts=counts,
                                                     context=html_context)
            pipe_by_seed[seed] = pipeline_cv(args.data, seed_models)
            saved[seed] = seed_models
        else:
            held_s = held_out(data, split, args.model, counts=counts)
        if html_context:
            held_s = mixed(held_s, context_data(data, held_s, held_cs),
                           site_folds(data, args.folds), args.model)
        by_seed[seed] = evaluate(data, held_s, held_c, 0.5)
        print(f"CV by site, seed {seed}: "
              + "  ".join(f"{k} {v:.3f}" for k, v in by_seed[seed].items()))
        if seed in pipe_by_seed:
            print(f"CV by site, whole pipeline, seed {seed}: "
                  + "  ".join(f"{k} {v:.3f}" for k, v in pipe_by_seed[seed].items()))
    SEED = shipped_seed
    seed_mean = {k: sum(r[k] for r in by_seed.values()) / len(by_seed) for k in cv}
    if len(by_seed) > 1:
        print(f"CV by site, mean of {len(by_seed)} seeds: "
              + "  ".join(f"{k} {v:.3f}" for k, v in seed_mean.items()))
    pipe: dict[str, float] = {}
    pipe_mean: dict[str, float] = {}
    if args.save_folds:
        args.save_folds.write_bytes(pickle.dumps({"kind": args.kind, "seeds": saved}))
        print(f"wrote {args.save_folds} (fold models of seeds {', '.join(map(str, saved))})")
    if fold_models:
        pipe = pipeline_cv(args.data, fold_models)
        print("CV by site, whole pipeline: " + "  ".join(f"{k} {v:.3f}" for k, v in pipe.items()))
        if pipe_by_seed:
            pipe_by_seed = {SEED: pipe, **pipe_by_seed}
            pipe_mean = {k: sum(r[k] for r in pipe_by_seed.values()) / len(pipe_by_seed)
                         for k in pipe}
            print(f"CV by site, whole pipeline, mean of {len(pipe_by_seed)} seeds: "
                  + "  ".join(f"{k} {v:.3f}" for k, v in pipe_mean.items()))
    if args.context and not html_context:
        # The text context stage, cross-validated (same folds) on those rows.
        held_x = held_out(ctx, site_folds(data, args.folds), args.model,
                          "context")
        print(f"context stage cross-validated ({time.time() - t0:.0f}s)")
        for thr in sorted({0.4, learned.CONTEXT_THRESHOLD, 0.5, 0.6}):
            res = evaluate(data, held_x, held_c, thr)
            print(f"CV by site, context stage, threshold {thr}: "
                  + "  ".join(f"{k} {v:.3f}" for k, v in res.items()))
        cv = evaluate(data, held_x, held_c, learned.CONTEXT_THRESHOLD)
    if args.no_write:
        return
    stages, ma, mc = final_models(
        data, args.model, site_folds(data, args.folds), counts)
    if "lexicon" in stages:
        print(f"lexicon: {len(stages['lexicon']['words'])} words")
    full_a = [predict(ma, d.X) for d in data]
    full_c = [predict(mc, d.X) for d in data]
    if args.context:
        # Fitted on the held-out probabilities, then scored on the full fit's (what the first
        # stage says of its training pages) for the full-fit figure.
        mx = fit(ctx, args.model, "context")
        stages["context"] = export(mx, args.model, list(stacked.NAMES))
        full_x = [predict(mx, context_rows(d, a, c))
                  for d, a, c in zip(data, full_a, full_c, strict=True)]
        if html_context:
            full = evaluate(data, [mix(a, x) for a, x in zip(full_a, full_x, strict=True)],
                            full_c, learned.ARTICLE_THRESHOLD)
        else:
            full = evaluate(data, full_x, full_c, learned.CONTEXT_THRESHOLD)
    else:
        full = evaluate(data, full_a, full_c, 0.5)
    print("full fit (training data): " + "  ".join(f"{k} {v:.3f}" for k, v in full.items()))
    out = ROOT / "boilerstrip" / "data" / f"model_{args.kind}.json"
    out.write_text(json.dumps(stages) + "\n")
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    record = ROOT / "benchmarks" / "results" / f"cv_{args.kind}.json"
    record.write_text(json.dumps({
        "command": "python tools/train.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"),
        "folds": args.folds,
        "pages": len(data),
        "sites": len({d.site for d in data}),
        "cv_by_site": {k: round(v, 3) for k, v in cv.items()},
        **({"cv_by_site_first_stage": {k: round(v, 3) for k, v in first_cv.items()}}
           if args.context else {}),
        **({"cv_pipeline": {k: round(v, 4) for k, v in pipe.items()}} if pipe else {}),
        **({"cv_pipeline_seeds": {str(s): {k: round(v, 4) for k, v in r.items()}
                                  for s, r in pipe_by_seed.items()},
            "cv_pipeline_seed_mean": {k: round(v, 4) for k, v in pipe_mean.items()}}
           if pipe_mean else {}),
        **({"cv_by_site_seeds": {str(s): {k: round(v, 4) for k, v in r.items()}
                                 for s, r in by_seed.items()},
            "cv_by_site_seed_mean": {k: round(v, 4) for k, v in seed_mean.items()}}
           if len(by_seed) > 1 else {}),
        "full_fit": {k: round(v, 3) for k, v in full.items()},
    }, indent=1) + "\n")
    print(f"wrote {record}")


_CONTEXT_OWN = [learned.FEATURE_NAMES.index(name) for name in stacked.OWN]


def held_out(
    data: list[PageData], folds: Iterator[tuple[Any, Any]], kind: str, target: str = "article",
    counts: WordCounts | None = None,
) -> list[list[float]]:
    """Each page's probabilities for ``target`` from the model fitted on the other folds (with
    ``counts``, each fold's lexicon features: :func:`lexicon_fold`)."""
    out: list[list[float]] = [[] for _ in data]
    for tr, te in folds:
        lexicon_fold(data, counts, tr, te)
        m = fit([data[i] for i in tr], kind, target)
        for i in te:
            out[i] = predict(m, data[i].X)
    return out


class WordCounts:
    """Per page, the weight of each word in its article blocks and in its other blocks (a block
    weighs ``1 / blocks of its page``, a word once a block), and the page's two totals: what a
    lexicon is fitted from, summed over any set of pages."""

    def __init__(self, data: list[PageData]) -> None:
        self.sites = [d.site for d in data]
        self.article: list[Counter[str]] = []
        self.other: list[Counter[str]] = []
        self.totals: list[tuple[float, float]] = []
        for d in data:
            a: Counter[str] = Counter()
            b: Counter[str] = Counter()
            ta = tb = 0.0
            share = 1.0 / (len(d.texts) or 1)
            for text, y, w in zip(d.texts, d.y, d.w, strict=True):
                if w == 0:  # (unlabelled: trafilatura-eval's blocks without a snippet)
                    continue
                into = a if y else b
                for word in set(lexicon.words(text)):
                    into[word] += share
                if y:
                    ta += share
                else:
                    tb += share
            self.article.append(a)
            self.other.append(b)
            self.totals.append((ta, tb))

    def fit(self, pages: Any) -> dict[str, float]:
        """The word weights from the pages ``pages`` (indices): each word's smoothed log-odds of
        article less the prior's, for the words that pages of :data:`lexicon.MIN_SITES` sites or
        more hold."""
        a: Counter[str] = Counter()
        b: Counter[str] = Counter()
        sites: defaultdict[str, set[str]] = defaultdict(set)
        ta = tb = 0.0
        for i in pages:
            a.update(self.article[i])
            b.update(self.other[i])
            for word in self.article[i].keys() | self.other[i].keys():
                sites[word].add(self.sites[i])
            ta += self.totals[i][0]
            tb += self.totals[i][1]
        if not ta or not tb:
            return {}
        prior = ta / (ta + tb)
        base = math.log(prior / (1.0 - prior))
        k = lexicon.SMOOTHING
        return {
            word: round(math.log((a[word] + k * prior) / (b[word] + k * (1.0 - prior))) - base, 4)
            for word in sorted(sites)
            if len(sites[word]) >= lexicon.MIN_SITES
        }


_LEX = len(learned.FEATURE_NAMES) - len(lexicon.NAMES)
"""Where the lexicon features start in a vector."""
_COHORT = _LEX - len(cohort.NAMES)
"""Where the cohort features start (just before the lexicon's)."""


def set_lexicon(d: PageData, lex: lexicon.Lexicon | None) -> None:
    """Write the lexicon features of ``lex`` into the page's vectors (all 0 for None)."""
    cols = lexicon.columns(d.texts, lex)
    width = len(lexicon.NAMES)
    for i, x in enumerate(d.X):
        x[_LEX:] = cols[i * width : (i + 1) * width]


def lexicon_fold(
    data: list[PageData], counts: WordCounts | None, tr: Any, te: Any
) -> lexicon.Lexicon | None:
    """Before a model is fitted on the pages ``tr`` and tested on ``te``: the lexicon of ``tr``
    (returned) gives the ``te`` pages their features, and each ``tr`` page gets its features from
    a lexicon fitted on the ``tr`` pages of the other sites (:data:`INNER_FOLDS` folds by site).
    None and nothing written without ``counts`` (no lexicon)."""
    if counts is None:
        return None
    import numpy as np
    from sklearn.model_selection import GroupKFold

    lex = lexicon.Lexicon({"words": counts.fit(tr)})
    for i in te:
        set_lexicon(data[i], lex)
    tr = np.asarray(tr)
    groups = np.array([counts.sites[i] for i in tr])
    for fit_at, apply_at in GroupKFold(n_splits=INNER_FOLDS).split(tr, groups=groups):
        inner = lexicon.Lexicon({"words": counts.fit(tr[fit_at])})
        for i in tr[apply_at]:
            set_lexicon(data[i], inner)
    return lex


FoldModels = list[tuple[dict[str, Any], set[tuple[str, str]]]]
"""Per fold: its article and comment models, exported, and the (set, id) of the pages it held out."""


def cross_fit(
    data: list[PageData], folds: Iterator[tuple[Any, Any]], kind: str, keep: bool,
    t0: float | None = None, counts: WordCounts | None = None, context: bool = False,
) -> tuple[list[list[float]], list[list[float]], FoldModels]:
    """Each page's article and comment probabilities from the models fitted on the other folds,
    and (``keep``) every fold's two models (and lexicon) for :func:`pipeline_cv`; with ``t0``, a
    line per fold; with ``counts``, each fold's lexicon features (:func:`lexicon_fold`); with
    ``context`` (and ``keep``), each fold's context stage too (:func:`inner_context`)."""
    held_a: list[list[float]] = [[] for _ in data]
    held_c: list[list[float]] = [[] for _ in data]
    models: FoldModels = []
    names = list(learned.FEATURE_NAMES)
    for k, (tr, te) in enumerate(folds):
        lex = lexicon_fold(data, counts, tr, te)
        train = [data[i] for i in tr]
        ma = fit(train, kind, "article")
        mc = fit(train, kind, "comment")
        for i in te:
            held_a[i] = predict(ma, data[i].X)
            held_c[i] = predict(mc, data[i].X)
        if keep:
            stages = {"article": export(ma, kind, names), "comment": export(mc, kind, names)}
            if lex is not None:
                stages["lexicon"] = lex.spec()
            if context:
                stages["context"] = export(inner_context(data, tr, kind), kind, list(stacked.NAMES))
            models.append((stages, {(data[i].set, data[i].id) for i in te}))
        if t0 is not None:
            print(f"fold {k}: {len(te)} pages held out ({time.time() - t0:.0f}s)")
    return held_a, held_c, models


def context_data(
    data: list[PageData], pa: list[list[float]], pc: list[list[float]]
) -> list[PageData]:
    """The pages with their context-stage vectors (:func:`context_rows`) from first-stage article
    and comment probabilities ``pa`` and ``pc``: the context stage's training rows."""
    return [replace(d, X=context_rows(d, a, c)) for d, a, c in zip(data, pa, pc, strict=True)]


def mix(pa: list[float], px: list[float]) -> list[float]:
    """A page's HTML decision probabilities from its first-stage and context-stage ones, as the
    classifier makes them (:func:`boilerstrip.classify.learned._html_context`)."""
    return list(learned._html_context(array("d", pa), array("d", px)))


def mixed(
    pa: list[list[float]], ctx: list[PageData], folds: Any, kind: str
) -> list[list[float]]:
    """HTML, block level: the held-out probabilities the pipeline decides by where the model has a
    context stage. The context stage is cross-validated (``folds``) on ``ctx``, the pages'
    context vectors from the held-out first-stage probabilities (:func:`context_data`; ``pa`` the
    article ones), then mixed with ``pa`` (:func:`mix`)."""
    px = held_out(ctx, folds, kind, "context")
    return [mix(a, x) for a, x in zip(pa, px, strict=True)]


def inner_context(data: list[PageData], tr: Any, kind: str) -> Any:
    """A context stage fitted on the pages ``tr`` alone, for a fold's held-out pipeline: trained,
    as the shipped one is, on held-out first-stage probabilities, which here come from first
    stages fitted inside ``tr`` (:data:`INNER_FOLDS` folds by site, the lexicon's own inner
    folds: each page's lexicon features came from the same split)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    tr = np.asarray(tr)
    groups = np.array([data[i].site for i in tr])
    rows: dict[int, PageData] = {}
    for fit_at, apply_at in GroupKFold(n_splits=INNER_FOLDS).split(tr, groups=groups):
        sub = [data[i] for i in tr[fit_at]]
        ma, mc = fit(sub, kind, "article"), fit(sub, kind, "comment")
        for i in tr[apply_at]:
            d = data[i]
            rows[i] = replace(d, X=context_rows(d, predict(ma, d.X), predict(mc, d.X)))
    return fit([rows[i] for i in tr], kind, "context")


def pipeline_cv(data: Path, fold_models: FoldModels) -> dict[str, float]:
    """Held-out figures of the whole pipeline (HTML): every page of the folds run through
    ``boilerstrip.extract`` (as ``benchmarks.evaluate`` runs it) with the article and comment
    models of the fold that held its site out, scored by the benchmark's own functions: text F1
    per set (trafilatura-eval's snippet F1), and the comment F1 as ``<set> comments``. The rule
    steps and the title ranker are the shipped ones: they were written and tuned on the same dev
    pages."""
    from benchmarks.evaluate import load_pages, score_comments, score_text_sets

    fold_of = {key: k for k, (_, keys) in enumerate(fold_models) for key in keys}
    loaded = [load_stages(specs) for specs, _ in fold_models]
    pages = {name: [p for p in plist if (name, p.id) in fold_of]
             for name, plist in load_pages(data, TRAIN_SETS, quick=False).items()}
    outs = run_with_models(pages, lambda name, page_id: loaded[fold_of[(name, page_id)]])
    res = {k: v["f1"] for k, v in score_text_sets(pages, outs, bootstrap=0).items()}
    res.update({f"{k} comments": v["f1"] for k, v in score_comments(pages, outs, 0).items()})
    return res


def site_folds(data: list[PageData], folds: int = FOLDS) -> Any:
    """The cross-validation's folds, grouped by site: ``(train, test)`` page indices per fold
    (a site is never on both sides)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    groups = np.array([d.site for d in data])
    return GroupKFold(n_splits=folds).split(np.zeros(len(data)), groups=groups)


def final_models(
    data: list[PageData], model: str, splits: Any, counts: WordCounts | None
) -> tuple[dict[str, Any], Any, Any]:
    """The shipped file's stages fitted on all of ``data`` (and the fitted article and comment
    models). With ``counts`` (the lexicon): the shipped lexicon sees every page, while the vectors
    the models train on get their lexicon features from the lexicons of ``splits`` (the CV's
    folds), which did not see the page's site."""
    lex = None
    if counts is not None:
        for tr, te in splits:
            fold_lex = lexicon.Lexicon({"words": counts.fit(tr)})
            for i in te:
                set_lexicon(data[i], fold_lex)
        lex = lexicon.Lexicon({"words": counts.fit(range(len(data)))})
    ma = fit(data, model, "article")
    mc = fit(data, model, "comment")
    stages = {"article": export(ma, model, list(learned.FEATURE_NAMES)),
              "comment": export(mc, model, list(learned.FEATURE_NAMES))}
    if lex is not None:
        stages["lexicon"] = lex.spec()
    return stages, ma, mc


def load_stages(specs: dict[str, Any]) -> dict[str, Any]:
    """A model file's stages (:func:`final_models`' or a fold's) loaded as boilerstrip loads its
    shipped files."""
    from boilerstrip.classify import model as model_mod

    return model_mod.stages(specs)


def run_with_models(
    pages: dict[str, list[Any]],
    models_of: Callable[[str, str], dict[str, Any]],
    blocks: bool = False,
) -> dict[str, Any]:
    """Every page of ``pages`` (set -> benchmark pages) through ``boilerstrip.extract``, as
    ``benchmarks.evaluate`` runs it, with the HTML models ``models_of(set, page id)`` (stage ->
    loaded model) in place of the shipped ones: the outputs by ``<set>/<id>``, for the benchmark's
    scoring functions (with every block where ``blocks``)."""
    from benchmarks.systems import PageInput, run

    outs: dict[str, Any] = {}
    for name, plist in pages.items():
        for p in plist:
            with html_models(models_of(name, p.id)):
                outs[f"{name}/{p.id}"] = run(
                    "boilerstrip", PageInput(p.raw or "", p.html, p.lang, want_blocks=blocks)
                )
    return outs


@contextmanager
def html_models(models: dict[str, Any]) -> Iterator[None]:
    """``boilerstrip.extract`` runs with ``models`` (stage -> loaded model) as its HTML models
    inside the block; the shipped ones again after it."""
    shipped = learned._models
    learned._models = lambda kind: models if kind == "html" else shipped(kind)  # type: ignore[misc]
    try:
        yield
    finally:
        learned._models = shipped  # type: ignore[misc]


def context_rows(d: PageData, pa: list[float], pc: list[float]) -> list[tuple[float, ...]]:
    """The context stage's vectors of a page, from first-stage article and comment probabilities
    ``pa`` and ``pc`` (the own features read off the page's first-stage vectors, where the
    classifier computes them afresh)."""
    page = stacked.ContextPage(pa, d.chars, pc)
    return page.rows(0, [[x[j] for j in _CONTEXT_OWN] for x in d.X])


def comment_report(data: list[PageData], held_c: list[list[float]]) -> str:
    """Comment F1 on pages with comment gold, and the share of comment-free pages left clean."""
    out = []
    for name in COMMENT_SETS:
        with_c, clean, free = [], 0, 0
        for d, pc in zip(data, held_c, strict=True):
            if d.set != name:
                continue
            got = "\n".join(t for t, p in zip(d.texts, pc, strict=True) if p >= 0.5)
            if d.yc is not None and any(d.yc):
                gold = "\n".join(t for t, c in zip(d.texts, d.yc, strict=True) if c)
                with_c.append(page_score(got, gold))
            elif d.yc is not None:
                free += 1
                clean += 0 if got else 1
        f1 = corpus_score(with_c, bootstrap=0).f1 if with_c else 0.0
        out.append(f"{name} F1 {f1:.3f} on {len(with_c)} pages, clean {clean}/{free}")
    return "  ".join(out)


def _export_lgbm(model: Any, names: list[str]) -> dict[str, Any]:
    """LightGBM trees in the flat node format of boilerstrip.classify.model."""
    dump = model.booster_.dump_model()
    trees = []
    for info in dump["tree_info"]:
        flat: list[list[float]] = []

        def walk(node: dict[str, Any]) -> int:
            idx = len(flat)
            if "leaf_value" in node:
                flat.append([-1, 0.0, 0, 0, round(float(node["leaf_value"]), 6)])
                return idx
            if node.get("decision_type", "<=") != "<=":
                raise ValueError("only numerical <= splits are supported")
            flat.append([int(node["split_feature"]), float(node["threshold"]), 0, 0, 0.0])
            flat[idx][2] = walk(node["left_child"])
            flat[idx][3] = walk(node["right_child"])
            return idx

        walk(info["tree_structure"])
        trees.append(flat)
    return {"type": "trees", "features": names, "base": 0.0, "trees": trees}


def fit(data: list[PageData], kind: str, target: str = "article") -> Any:
    """A model of ``kind`` (lr, gbdt, lgbm) for ``target``: ``article`` or ``context`` (the
    blocks' article labels; the context stage's rows are in ``data``) or ``comment``."""
    import numpy as np

    if target == "comment":
        X, y, w = _comment_rows(data)
        n = sum(1 for d in data if d.yc is not None or COMMENT_NEGATIVES)
    else:
        X = np.array([x for d in data for x in d.X])
        y = np.array([v for d in data for v in d.y])
        w = np.array([v for d in data for v in d.w])
        n = len(data)
    if kind == "lr":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        m = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
        m.fit(X, y, logisticregression__sample_weight=w * n)
        return m
    size = GBDT_BY_MODEL.get((KIND, target), GBDT)
    if kind == "lgbm":
        import lightgbm

        m = lightgbm.LGBMClassifier(
            n_estimators=size["trees"], max_depth=size["depth"], num_leaves=2 ** size["depth"] - 1,
            learning_rate=size["rate"], min_child_samples=40, reg_lambda=1.0,
            subsample=0.8, subsample_freq=1, colsample_bytree=0.8, verbose=-1, random_state=SEED,
            n_jobs=THREADS,
        )
        m.fit(X, y, sample_weight=w * n)
        return m
    from sklearn.ensemble import HistGradientBoostingClassifier

    m = HistGradientBoostingClassifier(
        max_iter=size["trees"], max_depth=size["depth"], learning_rate=size["rate"],
        min_samples_leaf=40, l2_regularization=1.0, random_state=SEED,
    )
    m.fit(X, y, sample_weight=w * n)
    return m


def _comment_rows(data: list[PageData]) -> tuple[Any, Any, Any]:
    """The comment model's training rows: every block of the pages with comment gold, labelled by
    it, and (with :data:`COMMENT_NEGATIVES`) the gold article blocks of the other pages as not
    comment, each weighted as in the article model (its share of its page's words, or of its
    page's labelled snippet blocks on trafilatura-eval)."""
    import numpy as np

    X: list[list[float]] = []
    y: list[int] = []
    w: list[float] = []
    for d in data:
        if d.yc is not None:
            X.extend(d.X)
            y.extend(d.yc)
            w.extend(d.w)
        elif COMMENT_NEGATIVES:
            for x, a, v in zip(d.X, d.y, d.w, strict=True):
                if a and v > 0:
                    X.append(x)
                    y.append(0)
                    w.append(v * NEGATIVE_WEIGHT)
    out = np.array(X)
    if not LEXICON_COMMENT and len(out):
        out[:, _LEX:] = 0.0  # (the comment model does not read the lexicon: it never splits on 0s)
    if not COHORT_COMMENT and len(out):
        out[:, _COHORT:_LEX] = 0.0  # (nor the cohort features)
    return out, np.array(y), np.array(w)


def predict(model: Any, X: list[list[float]]) -> list[float]:
    import numpy as np

    if not X:
        return []
    return [float(p) for p in model.predict_proba(np.array(X))[:, 1]]


def export(model: Any, kind: str, names: list[str]) -> dict[str, Any]:
    if kind == "lr":
        scaler, lr = model[0], model[1]
        coef = lr.coef_[0] / scaler.scale_
        bias = float(lr.intercept_[0] - (coef * scaler.mean_).sum())
        return {
            "type": "logistic",
            "features": names,
            "weights": [round(float(c), 6) for c in coef],
            "bias": round(bias, 6),
        }
    if kind == "lgbm":
        return _export_lgbm(model, names)
    base = float(model._baseline_prediction.ravel()[0])
    trees = []
    for predictors in model._predictors:
        nodes = predictors[0].nodes
        flat = []
        for nd in nodes:
            if nd["is_leaf"]:
                flat.append([-1, 0.0, 0, 0, round(float(nd["value"]), 6)])
            else:
                flat.append([int(nd["feature_idx"]), float(nd["num_threshold"]),
                             int(nd["left"]), int(nd["right"]), 0.0])
        trees.append(flat)
    return {"type": "trees", "features": names, "base": base, "trees": trees}


if __name__ == "__main__":
    main()
    _ = math
