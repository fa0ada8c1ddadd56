"""Train the headline selector of text dumps (boilerstrip/classify/title_text.py) from the data.

The HTML pages of the title-annotated sets (l3s-gn1, mozilla-readability, trafilatura-eval) are
rendered with w3m and lynx (the benchmark's cached dumps, :mod:`benchmarks.textdump`), and each
dump is segmented and classified by boilerstrip's text mode up to the title step. Its headline
candidates (:func:`boilerstrip.classify.title_text.text_candidates`) are labelled by whether their
text is the page's gold title (case, punctuation and spaces ignored; for l3s-gn1, whose gold may
add the deck on further lines, its first line too). Dumps with no positive candidate (the gold
headline is not a line of the dump, or lies outside the window) do not train the model.

As for the HTML selector (tools/train_title.py): a linear score trained pairwise (a logistic
regression on the differences between the gold candidate's vector and each other candidate's), so
that the gold candidate scores highest; cross-validated with folds grouped by site (a site's w3m
and lynx dumps in the same fold), the held-out choice per dump (among the candidates the title step
allows, ``title.text_choosable``) scored with the benchmark's title match beside the rule it
replaces (the first heading-like line of the four blocks above the
article). Then fitted on all dumps and written to boilerstrip/data/model_title_text.json.

    python tools/train_title_text.py [--data ../shared/data] [--folds 5] [--no-write]

Needs the ``dev`` extra (scikit-learn), and w3m and lynx where a dump is not cached yet.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from train import site_of  # noqa: E402
from train_title import (  # noqa: E402
    fit_pairwise,
    gold_labels,
    held_out_scores,
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
"""Inverse regularisation strength."""


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
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

    held = held_out_scores(data, args.folds, C)
    for name in SETS:
        for variant in VARIANTS:
            idx = [i for i, d in enumerate(data) if d.set == name and d.variant == variant]
            ok = sum(title_match(choose(data[i], held[i]), data[i].gold) for i in idx)
            rule = sum(title_match(data[i].rule, data[i].gold) for i in idx)
            reach = sum(1 for i in idx if any(data[i].y))
            print(
                f"{variant} {name}: held out {ok / len(idx):.3f}, the rule {rule / len(idx):.3f}, "
                f"gold a candidate {reach / len(idx):.3f} ({len(idx)} dumps)"
            )

    ship_ranker(fit_pairwise(data, C), FEATURES, "model_title_text", write=not args.no_write)

if __name__ == "__main__":
    main()
