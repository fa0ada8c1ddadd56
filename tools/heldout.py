"""Held-out error analysis: each page through the whole pipeline with the fold models that never saw
its site, page by page.

The tables of ``benchmarks.evaluate`` are in-sample (the shipped models were trained on those
pages), and ``benchmarks.errors`` reads pages with the shipped models. What a user sees on a new
site is the held-out figure; this script gives it per page, from the fold models that
``python tools/train.py --kind html --context --pipeline-cv --cv-seeds N --save-folds FILE`` writes:

    python tools/heldout.py FILE --worst dragnet [-n 20]        # the pages that lose most
    python tools/heldout.py FILE --compare OTHER --set dragnet  # per page: OTHER against FILE
    python tools/heldout.py FILE --show dragnet/R229 [--seed 1] # its blocks, its fold model
    python tools/heldout.py FILE --score [--save A.json] [--against A.json]  # every set's figure
    python tools/heldout.py FILE --score --conventions --record benchmarks/results/cv_html.json

Scores are the benchmark's own (shingle F1 of ``Article.text``, the snippet score's counts on
trafilatura-eval), per page and averaged over the seeds the file holds. ``--compare`` runs the same
pages with another file's fold models (another feature set or training, the same code otherwise):
the pages that moved most. ``--score`` gives every set's held-out figure (and the comment
figures) per seed and their mean, as ``--pipeline-cv`` prints them but to four places, with the
code as it is now: a change to a step after the models (captions, comments, ``take_doubtful``)
needs no retraining to be judged held out. ``--save`` keeps the figures, ``--against`` prints the
change from saved ones seed by seed (save before the change, score after it), ``--conventions``
adds each set's figure with the headline and/or the captions put back into the text
(``Article.text_with``; the in-sample ones are in ``docs/benchmarks.md``), ``--record`` writes the
figures into the training record that ``benchmarks.report`` reads for its held-out rows (the
whole-pipeline columns, re-scored with the code as it is). Needs the ``dev``
extra only to make the file, not to read it.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train  # noqa: E402

from benchmarks import errors  # noqa: E402
from benchmarks import metrics as M  # noqa: E402
from benchmarks.evaluate import (  # noqa: E402
    CONVENTIONS,
    load_pages,
    score_comments,
    score_conventions,
    score_text_sets,
)


def load_folds(path: Path) -> dict[int, list[tuple[dict[str, Any], set[tuple[str, str]]]]]:
    """The fold models by seed of a ``--save-folds`` file."""
    saved = pickle.loads(path.read_bytes())
    if saved.get("kind") != "html":
        sys.exit(f"{path}: not a file of HTML fold models (tools/train.py --save-folds)")
    seeds: dict[int, list[tuple[dict[str, Any], set[tuple[str, str]]]]] = saved["seeds"]
    return seeds


def outputs(path: Path, data: Path, name: str,
            blocks: bool = False) -> tuple[list[Any], list[dict[str, Any]]]:
    """The pages of set ``name`` and, per seed of the file, their held-out outputs by page id
    (with their blocks where ``blocks``)."""
    seeds = load_folds(path)
    pages = load_pages(data, [name], quick=False)[name]
    per_seed = []
    for folds in seeds.values():
        fold_of = {key: k for k, (_, keys) in enumerate(folds) for key in keys}
        loaded = [train.load_stages(specs) for specs, _ in folds]
        held = [p for p in pages if (name, p.id) in fold_of]
        outs = train.run_with_models(
            {name: held}, lambda s, pid, loaded=loaded, fold_of=fold_of: loaded[fold_of[(s, pid)]],
            blocks=blocks,
        )
        per_seed.append({p.id: outs[f"{name}/{p.id}"] for p in held})
    return [p for p in pages if p.id in per_seed[0]], per_seed


def page_f1(page: Any, text: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of one page (the snippet score's on trafilatura-eval)."""
    if page.gold_text is None:
        f, p, r = M.snippet_score([M.snippet_counts(text, page.gold_with or [],
                                                    page.gold_without or [])])
        return p, r, f
    ps = M.page_score(text, page.gold_text)
    # (recall is undefined on an empty gold with output: precision is 0 there, and F1 too)
    return ps.precision, ps.recall if ps.recall is not None else 1.0, ps.f1


def worst(path: Path, data: Path, name: str, n: int) -> str:
    pages, per_seed = outputs(path, data, name)
    rows = []
    for page in pages:
        scores = [page_f1(page, o[page.id].text) for o in per_seed]
        p = sum(s[0] for s in scores) / len(scores)
        r = sum(s[1] for s in scores) / len(scores)
        rows.append((2 - p - r, page, p, r, [s[2] for s in scores], per_seed[0][page.id].text))
    rows.sort(key=lambda row: row[0], reverse=True)
    mp = sum(row[2] for row in rows) / len(rows)
    mr = sum(row[3] for row in rows) / len(rows)
    out = [f"{name}: {len(rows)} pages held out, {len(per_seed)} seeds; mean P {mp:.3f}, mean R "
           f"{mr:.3f}; the {n} pages that lose most (P + R furthest from 2):"]
    for _, page, p, r, f1s, text in rows[:n]:
        gold = (page.gold_text or " / ".join(page.gold_with or []))
        out.append(f"{page.id:>40}  P {p:.2f}  R {r:.2f}  F1 by seed "
                   + " ".join(f"{f:.2f}" for f in f1s)
                   + f"  gold words {len(gold.split())}  ours {len(text.split())}")
        out.append(f"{'':>42}ours {text[:90]!r}")
        out.append(f"{'':>42}gold {gold[:90]!r}")
    return "\n".join(out)


def compare(path: Path, other: Path, data: Path, name: str, n: int) -> str:
    pages, a = outputs(path, data, name)
    _, b = outputs(other, data, name)
    rows = []
    for page in pages:
        fa = [page_f1(page, o[page.id].text)[2] for o in a]
        fb = [page_f1(page, o[page.id].text)[2] for o in b if page.id in o]
        if not fb:
            continue
        rows.append((sum(fb) / len(fb) - sum(fa) / len(fa), page.id, fa, fb))
    rows.sort(key=lambda row: row[0])
    out = [f"{name}: {len(rows)} pages, {other} against {path}: sum of per-page F1 changes "
           f"{sum(row[0] for row in rows):+.3f}"]
    for delta, pid, fa, fb in rows[:n] + rows[-n:]:
        out.append(f"{delta:+.3f} {pid:>40}  " + " ".join(f"{x:.2f}" for x in fa) + "  ->  "
                   + " ".join(f"{x:.2f}" for x in fb))
    return "\n".join(out)


def show(path: Path, data: Path, spec: str, seed: int | None) -> str:
    seeds = load_folds(path)
    seed = next(iter(seeds)) if seed is None else seed
    if seed not in seeds:
        sys.exit(f"{path} holds seeds {sorted(seeds)}, not {seed}")
    name, _, pid = spec.partition("/")
    for specs, keys in seeds[seed]:
        if (name, pid) in keys:
            with train.html_models(train.load_stages(specs)):
                return errors.show(data, spec)
    sys.exit(f"{spec}: no fold of seed {seed} held it out")


def score(path: Path, data: Path, conventions: bool = False) -> dict[str, dict[str, float]]:
    """Per seed of the file (as a string, for JSON): every set's held-out figure, and dragnet's and
    l3s-gn1's comment F1 (on all pages with gold comments and on those whose gold holds reader
    comments, ``benchmarks.gold_notes``) and share of comment-free pages left without a comment;
    with ``conventions``, also each set's F1 of ``Article.text_with`` with the headline and/or the
    captions put back (``benchmarks.evaluate.CONVENTIONS``)."""
    by_seed: dict[str, dict[str, float]] = {str(seed): {} for seed in load_folds(path)}
    for name in train.TRAIN_SETS:
        pages, per_seed = outputs(path, data, name, blocks=conventions)
        for seed, outs in zip(by_seed, per_seed, strict=True):
            got = {f"{name}/{pid}": out for pid, out in outs.items()}
            res = score_text_sets({name: pages}, got, bootstrap=0)
            by_seed[seed][name] = res[name]["f1"]
            if conventions:
                conv = score_conventions({name: pages}, got)[name]
                for variant in list(CONVENTIONS)[1:]:
                    by_seed[seed][f"{name} {variant}"] = conv[variant]["f1"]
            if name in train.COMMENT_SETS:
                c = score_comments({name: pages}, got, 0)[name]
                by_seed[seed][f"{name} comments"] = c["f1"]
                by_seed[seed][f"{name} clean"] = c["clean_share"]
                by_seed[seed][f"{name} comments, reader pages"] = c["reader_f1"]
                by_seed[seed][f"{name} clean, pages without reader comments"] = c["bare_share"]
    return by_seed


def score_report(by_seed: dict[str, dict[str, float]],
                 before: dict[str, dict[str, float]] | None) -> str:
    out = []
    keys = list(next(iter(by_seed.values())))
    width = max(28, *(len(k) + 1 for k in keys))
    for key in keys:
        vals = [r[key] for r in by_seed.values()]
        line = f"{key:{width}} mean {sum(vals) / len(vals):.4f}  by seed " + " ".join(
            f"{v:.4f}" for v in vals)
        if before is not None:
            deltas = [r[key] - before[seed][key] for seed, r in by_seed.items()
                      if seed in before and key in before[seed]]
            if deltas:
                line += f"  change {sum(deltas) / len(deltas):+.4f} (" + " ".join(
                    f"{d:+.4f}" for d in deltas) + ")"
        out.append(line)
    return "\n".join(out)


def record(by_seed: dict[str, dict[str, float]], path: Path) -> None:
    """Write the figures of :func:`score` into a training record (``benchmarks/results/
    cv_html.json``, which ``benchmarks.report`` reads): the first seed's as ``cv_pipeline``, every
    seed's, their mean, and with the conventions' figures each set's mean per variant as
    ``cv_pipeline_conventions``; ``cv_pipeline_scored`` says when and by which command. The
    record's other fields (the training run's own block-level figures) are kept."""
    cv = json.loads(path.read_text())
    variants = list(CONVENTIONS)[1:]
    sets = list(train.TRAIN_SETS)

    def plain(figures: dict[str, float]) -> dict[str, float]:
        return {k: round(v, 4) for k, v in figures.items()
                if not any(k.endswith(f" {x}") for x in variants)}

    seeds = {seed: plain(figures) for seed, figures in by_seed.items()}
    first = next(iter(by_seed.values()))

    def mean(key: str) -> float:
        return round(sum(f[key] for f in by_seed.values()) / len(by_seed), 4)

    cv["cv_pipeline"] = next(iter(seeds.values()))
    cv["cv_pipeline_seeds"] = seeds
    cv["cv_pipeline_seed_mean"] = {k: mean(k) for k in seeds[next(iter(seeds))]}
    if f"{sets[0]} {variants[0]}" in first:
        cv["cv_pipeline_conventions"] = {
            name: {"text": mean(name), **{x: mean(f"{name} {x}") for x in variants}}
            for name in sets
        }
    cv["cv_pipeline_scored"] = {
        "command": "python tools/heldout.py " + " ".join(sys.argv[1:]),
        "date": time.strftime("%Y-%m-%d"),
    }
    path.write_text(json.dumps(cv, indent=1) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folds", type=Path, help="a file of tools/train.py --save-folds")
    ap.add_argument("--data", type=Path, default=train.DEFAULT_DATA)
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--worst", metavar="SET")
    what.add_argument("--compare", type=Path, metavar="OTHER")
    what.add_argument("--show", metavar="SET/ID")
    what.add_argument("--score", action="store_true", help="every set's held-out figure")
    ap.add_argument("--save", type=Path, help="with --score: write the figures (JSON)")
    ap.add_argument("--against", type=Path, help="with --score: the change from saved figures")
    ap.add_argument("--record", type=Path, metavar="CV_JSON",
                    help="with --score: write the figures into a training record "
                         "(benchmarks/results/cv_html.json)")
    ap.add_argument("--conventions", action="store_true",
                    help="with --score: also the text with the headline and/or captions put back")
    ap.add_argument("--set", help="with --compare: the set")
    ap.add_argument("--seed", type=int, help="with --show: the seed's fold model (default: first)")
    ap.add_argument("-n", type=int, default=20)
    args = ap.parse_args()
    if args.score:
        before = json.loads(args.against.read_text()) if args.against else None
        by_seed = score(args.folds, args.data, args.conventions)
        if args.save:
            args.save.write_text(json.dumps(by_seed, indent=1) + "\n")
        if args.record:
            record(by_seed, args.record)
        print(score_report(by_seed, before))
    elif args.worst:
        print(worst(args.folds, args.data, args.worst, args.n))
    elif args.compare:
        if not args.set:
            ap.error("--compare needs --set")
        print(compare(args.folds, args.compare, args.data, args.set, args.n))
    else:
        print(show(args.folds, args.data, args.show, args.seed))


if __name__ == "__main__":
    main()
