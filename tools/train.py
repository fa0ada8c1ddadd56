"""Train boilerstrip's learned block classifier from the dev sets of ../shared/data.

Every page of the labelled HTML sets is segmented by boilerstrip itself; each block is labelled
article when most of its word 4-grams occur in the page's gold text (tools/align.py). The model is
evaluated honestly with cross-validation grouped by site (a site is never in both the training and the
test fold): the held-out predictions are turned into article text and scored with the same shingle F1
as the benchmark. Then it is fitted on all pages and written to boilerstrip/data/<name>.json.

    python tools/train.py [--data ../shared/data] [--kind html|text] [--folds 5] [--no-write]

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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from align import Gold  # noqa: E402

from benchmarks.data import DEFAULT_DATA, load_set  # noqa: E402
from benchmarks.metrics import corpus_score, page_score  # noqa: E402
from boilerstrip.classify import learned  # noqa: E402
from boilerstrip.classify.comments import CommentSection  # noqa: E402
from boilerstrip.classify.density import Density  # noqa: E402
from boilerstrip.classify.region import MainRegion  # noqa: E402
from boilerstrip.pipeline import prepare  # noqa: E402
from boilerstrip.types import Label  # noqa: E402

GBDT: dict[str, Any] = {"trees": 80, "depth": 4, "rate": 0.15}
"""Tree-ensemble size: small enough for fast plain-Python inference (trees x depth comparisons)."""
TRAIN_SETS = ("dragnet", "l3s-gn1", "cleaneval-dev", "cleanportaleval", "mozilla-readability")
LABEL_OVERLAP = 0.5
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
    w: list[float]
    chars: list[int]
    frames: list[int]
    parent: list[int]


def featurize(args: tuple[str, str, Any, str | None, str | None, str, str]) -> PageData | None:
    set_name, pid, raw, gold, url, html, kind = args
    doc, _ = prepare(raw, kind="html" if kind == "html" else "text")
    for step in (Density(), CommentSection(), MainRegion()):
        step(doc)
    X = learned.vectors(doc)
    g = Gold(gold)
    texts = [s.text for s in doc.segments]
    y: list[int] = []
    w: list[float] = []
    total = sum(max(1, len(s.text.split())) for s in doc.segments) or 1
    for s in doc.segments:
        ov = g.overlap(s.text)
        y.append(1 if ov >= LABEL_OVERLAP else 0)
        w.append(max(1, len(s.text.split())) / total)
    return PageData(
        set_name, pid, site_of(url, html), gold or "", texts,
        [False] * len(texts), [s.label is Label.COMMENT for s in doc.segments], X, y, w,
        [s.chars for s in doc.segments], [s.frame for s in doc.segments], list(doc.parent),
    )


def pages(data: Path, kind: str) -> Iterator[tuple[str, str, Any, str | None, str | None, str, str]]:
    for name in TRAIN_SETS:
        for p in load_set(data, name):
            if p.gold_text is None or p.html is None:
                continue
            if kind == "html":
                yield name, p.id, p.raw, p.gold_text, p.url, p.html, kind
            else:
                from benchmarks.render import render  # text dumps of the page (w3m)

                yield name, p.id, render(p, "w3m"), p.gold_text, p.url, p.html, kind


def build(data: Path, kind: str, workers: int) -> list[PageData]:
    with Pool(workers) as pool:
        out = [d for d in pool.imap(featurize, pages(data, kind), chunksize=4) if d is not None]
    return out


def page_text(d: PageData, probs: list[float], threshold: float) -> str:
    return "\n\n".join(t for t, p, c in zip(d.texts, probs, d.comments, strict=True) if p >= threshold and not c)


def evaluate(data: list[PageData], probs: list[list[float]], threshold: float) -> dict[str, float]:
    by_set: dict[str, list[Any]] = {}
    for d, pr in zip(data, probs, strict=True):
        by_set.setdefault(d.set, []).append(page_score(page_text(d, pr, threshold), d.gold))
    return {k: corpus_score(v, bootstrap=0).f1 for k, v in by_set.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--model", choices=("lr", "gbdt"), default="gbdt")
    ap.add_argument("--inner", type=int, default=2, help="folds for cross-fitting stage 1")
    ap.add_argument("--cache", action="store_true", help="reuse the featurized pages of the last run")
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--trees", type=int, default=GBDT["trees"])
    ap.add_argument("--depth", type=int, default=GBDT["depth"])
    args = ap.parse_args()
    GBDT["trees"], GBDT["depth"] = args.trees, args.depth

    import numpy as np
    from sklearn.model_selection import GroupKFold

    t0 = time.time()
    CACHE.mkdir(parents=True, exist_ok=True)
    cpath = CACHE / f"{args.kind}.pkl"
    if args.cache and cpath.exists():
        data = pickle.loads(cpath.read_bytes())
    else:
        data = build(args.data, args.kind, args.workers)
        cpath.write_bytes(pickle.dumps(data))
    print(f"{len(data)} pages, {sum(len(d.y) for d in data)} blocks, "
          f"{len({d.site for d in data})} sites ({time.time() - t0:.0f}s)")

    groups = np.array([d.site for d in data])
    folds = GroupKFold(n_splits=args.folds)
    held1: list[list[float]] = [[] for _ in data]
    held2: list[list[float]] = [[] for _ in data]
    for k, (tr, te) in enumerate(folds.split(np.zeros(len(data)), groups=groups)):
        train = [data[i] for i in tr]
        m1, m2 = fit_two_stage(train, args.model, args.inner)
        for i in te:
            held1[i], held2[i] = predict_two_stage(m1, m2, data[i])
        print(f"fold {k}: {len(te)} pages held out ({time.time() - t0:.0f}s)")
    (CACHE / f"{args.kind}_heldout.pkl").write_bytes(pickle.dumps(held2))
    for name, probs in (("stage 1", held1), ("stage 2", held2)):
        for thr in (0.4, 0.5, 0.6):
            res = evaluate(data, probs, thr)
            print(f"CV by site, {name}, threshold {thr}: "
                  + "  ".join(f"{k} {v:.3f}" for k, v in res.items()))
    m1, m2 = fit_two_stage(data, args.model, args.inner)
    full = evaluate(data, [predict_two_stage(m1, m2, d)[1] for d in data], 0.5)
    print("full fit (training data): " + "  ".join(f"{k} {v:.3f}" for k, v in full.items()))
    if not args.no_write:
        out = ROOT / "boilerstrip" / "data" / f"model_{args.kind}.json"
        out.write_text(json.dumps({
            "stage1": export(m1, args.model, list(learned.FEATURE_NAMES)),
            "stage2": export(m2, args.model, list(learned.CONTEXT_NAMES)),
        }) + "\n")
        print(f"wrote {out}")


def context_of(d: PageData, probs: list[float]) -> list[list[float]]:
    return learned.context_vectors(probs, d.X, d.chars, d.frames, d.parent)


def fit_two_stage(train: list[PageData], kind: str, inner: int) -> tuple[Any, Any]:
    """Stage 1 on block features; stage 2 on context features built from out-of-fold stage-1
    probabilities (cross-fitted inside the training pages, so stage 2 sees honest inputs)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    groups = np.array([d.site for d in train])
    oof: list[list[float]] = [[] for _ in train]
    for tr, te in GroupKFold(n_splits=inner).split(np.zeros(len(train)), groups=groups):
        m = fit([train[i] for i in tr], kind)
        for i in te:
            oof[i] = predict(m, train[i].X)
    m1 = fit(train, kind)
    ctx = [
        PageData(d.set, d.id, d.site, d.gold, d.texts, d.titles, d.comments, context_of(d, p),
                 d.y, d.w, d.chars, d.frames, d.parent)
        for d, p in zip(train, oof, strict=True)
    ]
    m2 = fit(ctx, kind)
    return m1, m2


def predict_two_stage(m1: Any, m2: Any, d: PageData) -> tuple[list[float], list[float]]:
    p1 = predict(m1, d.X)
    return p1, predict(m2, context_of(d, p1))


def fit(data: list[PageData], kind: str) -> Any:
    import numpy as np

    X = np.array([x for d in data for x in d.X])
    y = np.array([v for d in data for v in d.y])
    w = np.array([v for d in data for v in d.w])
    if kind == "lr":
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        m = make_pipeline(StandardScaler(), LogisticRegression(C=1.0, max_iter=2000))
        m.fit(X, y, logisticregression__sample_weight=w * len(data))
        return m
    from sklearn.ensemble import HistGradientBoostingClassifier

    m = HistGradientBoostingClassifier(
        max_iter=GBDT["trees"], max_depth=GBDT["depth"], learning_rate=GBDT["rate"],
        min_samples_leaf=40, l2_regularization=1.0,
    )
    m.fit(X, y, sample_weight=w * len(data))
    return m


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
