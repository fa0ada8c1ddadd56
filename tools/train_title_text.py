"""Train the headline selector of text dumps (boilerstrip/classify/title_text.py) from the data.

The HTML pages of the title-annotated sets (l3s-gn1, mozilla-readability, trafilatura-eval) are
rendered with w3m and lynx (the benchmark's cached dumps, :mod:`benchmarks.textdump`), and each
dump is segmented and classified by boilerstrip's text mode up to the title step. Its headline
candidates (:func:`boilerstrip.classify.title_text.text_candidates`) are labelled by whether their
text is the page's gold title (case, punctuation and spaces ignored; for l3s-gn1, whose gold may
add the deck on further lines, its first line too). Dumps with no positive candidate (the gold
headline is not a line of the dump, or lies outside the window) do not train the model.

The ranker is a small ensemble of boosted trees trained to rank each dump's gold candidate first
(LightGBM's ``lambdarank``, a dump's candidates one query; :data:`RANKER`), shipped in the tree
format of boilerstrip/classify/model.py and run in plain Python (or the compiled helper). With
``--linear``, the HTML selector's linear score instead (tools/train_title.py: a logistic
regression on the differences between the gold candidate's vector and each other candidate's),
which it replaced: held out, the trees choose the gold headline on 1,693 of the 2,532 dumps, the
linear score on 1,609 (the same folds; before item 73 moved the features, 1,690 / 1,609,
and 1,680 / 1,603 with 3 folds, 1,682 / 1,605 with 10).
Both are cross-validated with folds grouped by site (a site's w3m and lynx dumps in the same
fold), the held-out choice per dump (among the candidates the title step allows,
``title.text_choosable``) scored with the benchmark's title match beside the rule they replace
(the first heading-like line of the four blocks above the article). Then the ranker is fitted on
all dumps and written to boilerstrip/data/model_title_text.json.

    python tools/train_title_text.py [--data ../shared/data] [--folds 5] [--linear] [--no-write]

Needs the ``dev`` extra (scikit-learn, LightGBM), and w3m and lynx where a dump is not cached
yet.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train import _export_lgbm, site_of  # noqa: E402
from train_title import (  # noqa: E402
    Scorer,
    fit_pairwise,
    gold_labels,
    held_out_scores,
    linear_scorer,
    ship_ranker,
)

from benchmarks.data import DEFAULT_DATA, load_set  # noqa: E402
from benchmarks.metrics import norm_title, title_match  # noqa: E402
from benchmarks.textdump import renders  # noqa: E402
from boilerstrip.classify import PIPELINE, run  # noqa: E402
from boilerstrip.classify.title import Title, rule_text_title, text_choosable  # noqa: E402
from boilerstrip.classify.title_text import FEATURES, text_candidates  # noqa: E402
from boilerstrip.pipeline import prepare  # noqa: E402

SETS = ("l3s-gn1", "mozilla-readability", "trafilatura-eval")
VARIANTS = ("w3m", "lynx")
C = 1.0
"""Inverse regularisation strength of the linear score (``--linear``)."""
RANKER: dict[str, Any] = {
    "objective": "lambdarank", "n_estimators": 200, "learning_rate": 0.05, "num_leaves": 7,
    "min_child_samples": 20, "random_state": 0, "deterministic": True, "force_row_wise": True,
    "n_jobs": 1, "verbose": -1,
}
"""LightGBM's settings for the ranker. Held out (5 folds by site, dumps whose gold is chosen, of
2,532), other settings did as well: 15 leaves 1,689, 400 trees 1,687, 31 leaves and 300 trees
1,679, a rate of 0.1 1,694, a binary classifier of the candidates in place of the ranking
objective 1,666-1,676; 7 leaves keep the file small (200 trees of at most 13 nodes)."""


@dataclass
class DumpData:
    set: str
    id: str
    variant: str
    site: str
    gold: str
    texts: list[str]
    X: list[list[float]]
    y: list[int]
    rule: str | None


def featurize(args: tuple[str, str, str, str, str, str]) -> DumpData:
    set_name, pid, variant, site, gold, dump = args
    doc, _ = prepare(dump, kind="text")
    cut = next(i for i, step in enumerate(PIPELINE) if isinstance(step, Title))
    run(doc, PIPELINE[:cut])
    rule = rule_text_title(doc)
    cands = text_candidates(doc)
    texts = [t for _, t, _ in cands]
    y = gold_labels(set_name, gold, texts)
    return DumpData(set_name, pid, variant, site, gold, texts, [v for _, _, v in cands], y, rule)


def fit_trees(dumps: Sequence[DumpData]) -> Any:
    """The tree ranker (:data:`RANKER`) fitted on ``dumps`` (those without a gold candidate teach
    it nothing and are left out)."""
    import lightgbm
    import numpy as np

    X: list[list[float]] = []
    y: list[int] = []
    groups: list[int] = []
    for d in dumps:
        if any(d.y):
            X += d.X
            y += d.y
            groups.append(len(d.y))
    ranker = lightgbm.LGBMRanker(**RANKER)
    return ranker.fit(np.array(X), np.array(y), group=groups)


def fit_scorer(dumps: list[DumpData], linear: bool) -> Scorer:
    """The scores of the ranker fitted on ``dumps``: the trees, or (``linear``) the pairwise
    linear score."""
    import numpy as np

    if linear:
        return linear_scorer(fit_pairwise(dumps, C))
    model = fit_trees(dumps)
    return lambda X: [float(v) for v in model.predict(np.array(X))]


def calibrate(data: Sequence[DumpData], held: dict[int, list[float]]) -> tuple[float, float]:
    """Platt scaling of the ranker's held-out scores: ``a``, ``b`` such that ``sigmoid(a * score +
    b)`` is the chance that a candidate is the gold headline (fitted on every candidate of every
    dump, those whose headline is no candidate included). Scaling keeps the ranking; it makes the
    title block's score (``Block.score``) a probability."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = [v for i, d in enumerate(data) for v in held[i]]
    y = [t for d in data for t in d.y]
    lr = LogisticRegression(C=1e6, max_iter=1000).fit(np.array(x).reshape(-1, 1), np.array(y))
    return float(lr.coef_[0][0]), float(lr.intercept_[0])


def ship_trees(model: Any, scale: tuple[float, float], *, write: bool) -> None:
    """Ship a fitted tree ranker as the ``title`` stage of boilerstrip/data/model_title_text.json,
    its leaves and base scaled by :func:`calibrate`'s ``a``, ``b`` (the model's probability, the
    sigmoid of base plus leaves, is then the calibrated one)."""
    a, b = scale
    spec = _export_lgbm(model, list(FEATURES))
    spec["base"] = round(b, 6)
    for tree in spec["trees"]:
        for node in tree:
            if node[0] < 0:
                node[4] = round(node[4] * a, 6)
    nodes = sum(len(t) for t in spec["trees"])
    print(f"trees: {len(spec['trees'])}, {nodes} nodes; calibration a={a:.3f} b={b:.3f}")
    if write:
        out = ROOT / "boilerstrip" / "data" / "model_title_text.json"
        out.write_text(json.dumps({"title": spec}, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--linear", action="store_true", help="the linear score, not the trees")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()


    tasks: list[Any] = []
    for name in SETS:
        pages = [p for p in load_set(args.data, name) if p.html and norm_title(p.gold_title)]
        for variant in VARIANTS:
            dumps = renders(variant, pages, workers=args.workers)
            for p in pages:
                dump = dumps.get(p.id)
                if dump:
                    assert p.gold_title is not None
                    tasks.append((name, p.id, variant, site_of(p.url, p.html), p.gold_title, dump))
    with ProcessPoolExecutor(args.workers) as pool:
        data = list(pool.map(featurize, tasks, chunksize=16))
    print(f"{len(data)} dumps, {sum(1 for d in data if any(d.y))} with the gold title a candidate")

    def choose(d: DumpData, scores: list[float]) -> str | None:
        # (as the title step chooses: among the candidates it allows)
        allowed = text_choosable(d.texts) if scores else []
        return d.texts[max(allowed, key=scores.__getitem__)] if allowed else None

    held = held_out_scores(data, args.folds, lambda dumps: fit_scorer(dumps, args.linear))
    total = 0
    for name in SETS:
        for variant in VARIANTS:
            idx = [i for i, d in enumerate(data) if d.set == name and d.variant == variant]
            ok = sum(title_match(choose(data[i], held[i]), data[i].gold) for i in idx)
            rule = sum(title_match(data[i].rule, data[i].gold) for i in idx)
            reach = sum(1 for i in idx if any(data[i].y))
            total += ok
            print(
                f"{variant} {name}: held out {ok / len(idx):.3f}, the rule {rule / len(idx):.3f}, "
                f"gold a candidate {reach / len(idx):.3f} ({len(idx)} dumps)"
            )
    print(f"held out: the gold headline chosen on {total} of {len(data)} dumps")

    if args.linear:
        ship_ranker(fit_pairwise(data, C), FEATURES, "model_title_text", write=not args.no_write)
    else:
        ship_trees(fit_trees(data), calibrate(data, held), write=not args.no_write)

if __name__ == "__main__":
    main()
