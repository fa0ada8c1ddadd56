"""How far the HTML models' random seed alone moves the CI gate and the in-sample figures.

The CI gate (``benchmarks/gate.py``) pins floors 0.01 under the shipped model's figures on a
subset of 20-35 pages per set (all 58 of cleaneval-dev). A retrain with nothing changed but
LightGBM's seed moves those subsets, and a small set's more than that (docs/design.md, section 2,
item 3). This script fits the shipped file's stages on all training pages (the word lexicon, then
the article and comment models, with ``tools/train.py``'s own ``final_models``, and the context
stage on that seed's held-out first-stage probabilities where the file has one) once per seed, and
scores each fit on the gate's HTML pages and in-sample on the dev sets, so that a retrain can be
judged against the spread of its own seeds rather than against one draw:

    python tools/seed_spread.py [--seeds 0 1 2] [--data ../shared/data] [--out spread.json]

It reuses the training script's featurized pages (``~/.cache/boilerstrip/train/html.pkl``, made by
``python tools/train.py --kind html``) and needs the ``dev`` extra. It writes no model. With the
shipped features and training, seed 0 refits the shipped model exactly (the script says whether
it did).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train  # noqa: E402

from benchmarks import gate  # noqa: E402
from benchmarks.evaluate import load_pages, score_text_sets  # noqa: E402
from boilerstrip.classify import learned, stacked  # noqa: E402


def _fit(data: list[Any], seed: int, counts: Any, context: bool) -> dict[str, Any]:
    """The stages of one seed (article and comment models, the lexicon, and with ``context`` the
    context stage, trained as ``tools/train.py --context`` trains it: on the first stage's
    held-out probabilities of this seed), exported as the shipped file holds them."""
    train.SEED = seed
    held = (train.cross_fit(data, train.site_folds(data), "lgbm", False, counts=counts)[:2]
            if context else ([], []))
    stages = train.final_models(data, "lgbm", train.site_folds(data), counts)[0]
    if context:
        mx = train.fit(train.context_data(data, *held), "lgbm", "context")
        stages["context"] = train.export(mx, "lgbm", list(stacked.NAMES))
    return stages


def _scores(stages: dict[str, Any], pages: dict[str, list[Any]]) -> dict[str, float]:
    """F1 of the gate's HTML pages (``gate:<set>``) and of the dev sets (in-sample), with these
    models in place of the shipped HTML ones."""
    models = train.load_stages(stages)
    with train.html_models(models):
        out = {f"gate:{k}": v["f1"] for k, v in gate.score(gate.load_fixture()).items()}
    outs = train.run_with_models(pages, lambda name, page_id: models)
    out.update({k: v["f1"] for k, v in score_text_sets(pages, outs, bootstrap=0).items()})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    ap.add_argument("--data", type=Path, default=train.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, help="also write the figures as JSON")
    args = ap.parse_args()
    cache = train.CACHE / "html.pkl"
    if not cache.exists():
        sys.exit(f"{cache} not found: run python tools/train.py --kind html first")
    data = [d for d in train.load_cache(cache) if d.set != train.TURKU]
    if any(len(x) != len(learned.FEATURE_NAMES) for x in data[0].X[:1]):
        sys.exit(f"{cache} holds vectors of another feature layout: run tools/train.py again")
    train.KIND = "html"
    pages = load_pages(args.data, train.TRAIN_SETS, quick=False)
    shipped = json.loads((ROOT / "boilerstrip" / "data" / "model_html.json").read_text("utf-8"))
    rows: dict[int, dict[str, float]] = {}
    counts = train.WordCounts(data)
    for seed in args.seeds:
        stages = _fit(data, seed, counts, "context" in shipped)
        same = all(json.dumps(stages[k]) == json.dumps(shipped.get(k)) for k in stages)
        rows[seed] = _scores(stages, pages)
        print(f"seed {seed}{' (the shipped model)' if same else ''}: "
              + "  ".join(f"{k} {v:.3f}" for k, v in rows[seed].items()), flush=True)
    spread = {k: max(r[k] for r in rows.values()) - min(r[k] for r in rows.values())
              for k in rows[args.seeds[0]]}
    print("spread (largest - smallest): " + "  ".join(f"{k} {v:.3f}" for k, v in spread.items()))
    if args.out:
        args.out.write_text(json.dumps({str(s): r for s, r in rows.items()}, indent=1) + "\n")


if __name__ == "__main__":
    main()
