"""Train the headline selector (boilerstrip/classify/title.py) from the dev sets of ../shared/data.

Every HTML page of l3s-gn1 and mozilla-readability is segmented and classified by boilerstrip up to
the title step; its headline candidates (:func:`boilerstrip.classify.title.candidates`) are labelled
by whether their text is the page's gold title (case, punctuation and spaces ignored; for l3s-gn1,
whose gold may add the deck on further lines, the first line or the whole gold). Pages whose gold is
no block of the page (a metadata-only title) have no positive candidate and do not train the model.

The model ranks the candidates of a page: a linear score trained pairwise (a logistic regression on
the differences between the gold candidate's vector and each other candidate's, RankSVM-style), so
that the gold candidate scores highest; the page's title is its best-scoring candidate. It is
cross-validated with folds grouped by site (no site in both the training and the test fold); the
held-out choice per page is scored with the benchmark's title match. Then it is fitted on all pages
and written to boilerstrip/data/model_title.json (a logistic model without bias: the sigmoid of the
score is its confidence).

    python tools/train_title.py [--data ../shared/data] [--folds 5] [--no-write] [--sets ...]

``--sets`` trains (and scores held out) on other sets than l3s-gn1 and mozilla-readability
(trafilatura-eval's 845 titles too: docs/design.md, item 77).

The shipped ``model_title.json`` is this script's fit at commit 41bc661 (``git worktree add
/tmp/t 41bc661 && cd /tmp/t && python tools/train_title.py`` writes it byte for byte). The pipeline
has changed the candidates' features since, and a refit on later code trades mozilla-readability's
titles against l3s-gn1's and trafilatura-eval's (docs/design.md, items 25, 43, 74 and 77), so the
shipped ranker stays; ``--no-write`` gives the held-out figures of a refit on the code as it is.

Needs the ``dev`` extra (scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train import site_of  # noqa: E402

from benchmarks.data import DEFAULT_DATA, load_set  # noqa: E402
from benchmarks.metrics import norm_title, title_match  # noqa: E402
from boilerstrip.classify import PIPELINE, run  # noqa: E402
from boilerstrip.classify.model import sigmoid  # noqa: E402
from boilerstrip.classify.title import (  # noqa: E402
    TITLE_FEATURES,
    Title,
    candidates,
    choosable,
    headline_over_deck,
    metadata_title,
    story_choice,
    story_overlaps,
)
from boilerstrip.pipeline import prepare  # noqa: E402

SETS = ("l3s-gn1", "mozilla-readability")
C = 1.0
"""Inverse regularisation strength (held-out title match, l3s-gn1 / mozilla-readability: C=0.1
0.752 / 0.709, C=1 0.776 / 0.701, C=10 0.762 / 0.693)."""


@dataclass
class PageData:
    set: str
    id: str
    site: str
    gold: str
    texts: list[str]
    X: list[list[float]]
    y: list[int]
    fallback: str | None
    allowed: list[int]
    where: list[int]
    """Each candidate's block index (-1: a metadata name)."""
    overlaps: list[int] | None
    """Each candidate's content words in the story (``title.story_overlaps``)."""
    over_deck: list[int]
    """For each candidate chosen, the candidate the title step takes instead
    (``title.headline_over_deck``: itself, or the headline heading right above it)."""


def gold_labels(set_name: str, gold: str, texts: Sequence[str]) -> list[int]:
    """1 for each candidate text that is the gold title (case, punctuation and spaces ignored; on
    l3s-gn1, whose gold may add the deck on further lines, its first line too), else 0."""
    lines = [ln for ln in gold.split("\n") if ln.strip()]
    targets = {norm_title(gold)}
    if set_name == "l3s-gn1" and lines:
        targets.add(norm_title(lines[0]))
    return [1 if norm_title(t) in targets else 0 for t in texts]


def featurize(set_name: str, pid: str, raw: Any, html: str, url: str | None, gold: str) -> PageData:
    doc, _ = prepare(raw)
    before_title = tuple(step for step in PIPELINE if not isinstance(step, Title))
    cut = next(i for i, step in enumerate(PIPELINE) if isinstance(step, Title))
    run(doc, before_title[:cut])
    meta = doc.meta
    fallback = metadata_title(meta.og_title, meta.ld_headline, meta.title, meta.h1)
    cands = candidates(doc)
    texts = [t for _, t, _ in cands]
    y = gold_labels(set_name, gold, texts)
    vectors = [v for _, _, v in cands]
    allowed = choosable(doc, cands)
    over = [headline_over_deck(doc, cands, allowed or list(range(len(cands))), k)
            if i >= 0 else k for k, (i, _, _) in enumerate(cands)]
    return PageData(set_name, pid, site_of(url, html), gold, texts, vectors, y, fallback,
                    allowed, [i for i, _, _ in cands], story_overlaps(doc, cands), over)


def choose(d: PageData, scores: list[float]) -> str | None:
    """The page's title as the title step chooses it: its best-scoring candidate among those it may
    choose (:func:`boilerstrip.classify.title.choosable`; a metadata name that shares next to no
    words with the story gives way as :func:`boilerstrip.classify.title.story_choice` says, a
    deck to the headline above it as :func:`boilerstrip.classify.title.headline_over_deck`
    says), else (no candidate) the metadata title."""
    if scores:
        allowed = d.allowed or list(range(len(scores)))
        k = max(allowed, key=scores.__getitem__)
        if d.where[k] >= 0:
            return d.texts[d.over_deck[k]]
        probs = [sigmoid(v) for v in scores]
        cands = [(i, t, []) for i, t in zip(d.where, d.texts, strict=True)]
        return d.texts[story_choice(cands, probs, allowed, k, d.overlaps)]
    return d.fallback


def fit_pairwise(pages: Sequence[Any], c: float) -> Any:
    """A linear ranker fitted pairwise: a logistic regression without intercept on the differences
    between each page's gold candidate's vector and each other candidate's (both signs). ``pages``
    have ``X`` (candidate vectors) and ``y`` (1 for the gold candidate); pages without a gold
    candidate are skipped."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    X: list[Any] = []
    y: list[int] = []
    for d in pages:
        if not any(d.y):
            continue
        A = np.array(d.X)
        gold = d.y.index(1)
        for j, t in enumerate(d.y):
            if not t:
                X += [A[gold] - A[j], A[j] - A[gold]]
                y += [1, 0]
    model = LogisticRegression(C=c, max_iter=5000, fit_intercept=False)
    return model.fit(np.array(X), np.array(y))


Scorer = Callable[[Sequence[Sequence[float]]], list[float]]
"""Scores of a page's candidate vectors (a fitted ranker)."""


def linear_scorer(model: Any) -> Scorer:
    """The scores of a fitted linear ranker (:func:`fit_pairwise`): each vector times its
    weights."""
    import numpy as np

    w = model.coef_[0]
    return lambda X: [float(v) for v in np.array(X) @ w]


def held_out_scores(
    data: Sequence[Any], folds: int, fit: Callable[[list[Any]], Scorer]
) -> dict[int, list[float]]:
    """Each page's candidate scores from the ranker ``fit`` gives on the folds without its site
    (``data[i].site``)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    held: dict[int, list[float]] = {}
    groups = np.array([d.site for d in data])
    for tr, te in GroupKFold(n_splits=folds).split(np.zeros(len(data)), groups=groups):
        score = fit([data[i] for i in tr])
        for i in te:
            held[i] = score(data[i].X) if data[i].X else []
    return held


def ship_ranker(model: Any, features: Sequence[str], name: str, *, write: bool) -> None:
    """Print a fitted ranker's weights and, with ``write``, ship it as the ``title`` stage of
    boilerstrip/data/<name>.json (a logistic model without bias)."""
    weights = [float(w) for w in model.coef_[0]]
    named = zip(features, weights, strict=True)
    print("weights:", ", ".join(f"{n} {w:+.2f}" for n, w in named))
    if write:
        spec = {
            "title": {
                "type": "logistic",
                "features": list(features),
                "weights": [round(w, 6) for w in weights],
                "bias": 0.0,
            }
        }
        out = ROOT / "boilerstrip" / "data" / f"{name}.json"
        out.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--sets", nargs="+", default=list(SETS))
    args = ap.parse_args()
    sets = tuple(args.sets)


    data: list[PageData] = []
    for name in sets:
        for page in load_set(args.data, name):
            if page.html is None or page.raw is None or not norm_title(page.gold_title):
                continue
            assert page.gold_title is not None
            data.append(featurize(name, page.id, page.raw, page.html, page.url, page.gold_title))
    print(f"{len(data)} pages, {sum(1 for d in data if any(d.y))} with the gold title as a block")

    held = held_out_scores(data, args.folds, lambda pages: linear_scorer(fit_pairwise(pages, C)))
    cells = []
    for name in sets:
        idx = [i for i, d in enumerate(data) if d.set == name]
        ok = sum(title_match(choose(data[i], held[i]), data[i].gold) for i in idx)
        cells.append(f"{name} {ok / len(idx):.3f} ({ok}/{len(idx)})")
    print("held-out title match: " + ", ".join(cells))
    for name in sets:
        idx = [i for i, d in enumerate(data) if d.set == name]
        ok = sum(title_match(data[i].fallback, data[i].gold) for i in idx)
        print(f"metadata title alone, {name}: {ok / len(idx):.3f}")

    ship_ranker(fit_pairwise(data, C), TITLE_FEATURES, "model_title", write=not args.no_write)


if __name__ == "__main__":
    main()
