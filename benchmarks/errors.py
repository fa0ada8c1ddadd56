"""Error analysis of boilerstrip on the evaluation sets: the worst pages, and why they lose F1.

    python -m benchmarks.errors                      # HTML sets + w3m dumps of dragnet, l3s-gn1
    python -m benchmarks.errors --runs html:dragnet --top 20 --out /tmp/errors.json
    python -m benchmarks.errors --show dragnet/123   # one page: every block, label, gold overlap
    python -m benchmarks.errors --show w3m:l3s-gn1/<id>

boilerstrip only (no peers), one process, the same inputs and metrics as
:mod:`benchmarks.evaluate` (original bytes where the set has them; ``kind="text"`` on the cached
``w3m`` renders of :mod:`benchmarks.textdump`). Per page it records F1, precision and recall
(per-page snippet counts on trafilatura-eval), and where the error went:

* **missed** gold shingles, by the label boilerstrip gave the block holding them (``navigation``,
  ``footer``, ``comment``, ``caption``, ``title``), or ``absent`` when no block of the page holds
  them (not in the parsed page or the dump: broken markup, a gold written from elsewhere);
* **extra** predicted shingles, by what they are in the data set: gold text output more times than
  the gold has it (``repeated-gold``), the page's gold comments, l3s-gn1's supplemental (captions,
  datelines) or related-content gold, or ``other`` (boilerplate).

Every page gets a cause (:func:`auto_cause`, from those shares, the layout of the blocks that hold
gold text and the gold's flags), unless :data:`MANUAL` has a verdict for it from reading the page
(``--show``). Per run the report gives the corpus F1/P/R, the worst ``--top`` pages, and per cause
(for the worst pages, then for all pages under 0.8): pages, share of the run's F1 loss (sum of
1 - page F1 over the cause's pages, over the sum over all pages) and the corpus F1 the run would
have if those pages were perfect; then where the missed and the extra text went, the F1 with the
title prepended to the text, and the F1 against the gold with its HTML entities decoded.
"""

from __future__ import annotations

import argparse
import html as htmllib
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import metrics as M
from .data import DEFAULT_DATA, HTML_SETS, Page, load_set
from .evaluate import TEXT_GOLD_SETS

DEFAULT_RUNS = [f"html:{s}" for s in HTML_SETS] + ["w3m:dragnet", "w3m:l3s-gn1"]
LABELS = ("navigation", "footer", "comment", "caption", "title")
SHORT_GOLD = 25
"""Gold texts with fewer tokens than this are a headline, a date or a teaser, not an article."""
ABSENT_PAGE = 0.5
"""Below this share of its shingles in the page's blocks (any label), the gold is off the page."""

# Verdicts from reading the pages (``--show``) where the shares alone do not tell the cause.
# Key: "variant:set/id". Value: a cause of CAUSES.
MANUAL: dict[str, str] = {
    # gold adds other stories' teasers:
    "html:l3s-gn1/ee652473-6379-45ba-ab38-14a28f2f494f": "label-noise",
    "html:l3s-gn1/fbdd64ab-0d00-4a1f-99ec-e21855eae2af": "label-noise",  # gold stops mid-article
    "html:cleaneval-dev/5": "multi-article",  # job-search results; the gold is the result table
    "html:cleaneval-dev/52": "multi-article",  # book-review index; the gold is the teaser list
    "html:cleaneval-dev/54": "gold-damaged",  # gold glues words at the source's line breaks
    "html:cleaneval-dev/9": "gold-damaged",  # the same ("theyfit"): 31 % of the gold not on the page
    "html:cleaneval-dev/7": "gold-damaged",  # the same ("andhotly"): 28 % not on the page
    "html:mozilla-readability/nytimes-5": "multi-article",  # index page; gold: Readability's
    "html:mozilla-readability/hidden-nodes": "hidden-kept",  # synthetic: display:none, hidden
    "html:mozilla-readability/visibility-hidden": "hidden-kept",  # synthetic: visibility:hidden
    "w3m:l3s-gn1/38d88b3f-ede8-4c69-903e-b0e778986172": "columns",  # sidebar menu beside each line
    # side text on the paragraph lines, and a cell wrapped at 70 columns:
    "w3m:l3s-gn1/de8d7eb4-bc80-48b6-93fa-2434fc3d0c1b": "columns",
    "w3m:l3s-gn1/0303ceca-5737-418e-b3ea-94f75f39ea11": "unjoined-wrap",
}

CAUSES = {
    "empty-gold": "gold empty (annotators: no main content); anything extracted scores 0",
    "short-gold": "gold is only a headline / date / teaser line",
    "gold-not-on-page": "gold text mostly absent from the parsed page or dump",
    "lost-as-navigation": "article paragraphs lost, labelled navigation/footer",
    "lost-as-comment": "gold text labelled comment (gold includes comments, or comment markup)",
    "lost-as-caption": "gold text labelled caption",
    "lost-title": "gold text is the headline boilerstrip keeps out of Article.text",
    "kept-comments": "reader comments kept as article",
    "kept-supplemental": "kept captions/datelines/related links that the gold leaves out",
    "kept-boilerplate": "kept boilerplate (menus, promos, teasers, other articles)",
    "columns": "w3m table layout: columns side by side mix article and chrome",
    "unjoined-wrap": "text dump: wrapped lines of a fixed-width cell not joined, each line a block",
    "outside-body": "text libxml2 put outside <body> (in <head>, after an early </body>) dropped",
    "broken-markup": "libxml2 loses the text (broken markup)",
    "gold-entities": "gold holds HTML entities (&#8217;) that break its shingles",
    "hidden-kept": "hidden text (display:none, hidden) kept",
    "duplicate": "the page repeats the article (print version); the gold has it once",
    "label-noise": "gold inconsistent with the page (label noise)",
    "gold-damaged": "gold text damaged (words glued at line breaks)",
    "multi-article": "several articles or a listing; the gold picked one",
}


# --- shingles with the label of the block they come from ------------------------------------------


def _labelled_shingles(blocks: Sequence[tuple[str, str]]) -> dict[tuple[str, ...], str]:
    """Every 4-token shingle of the page's blocks in order (all labels), with the label of the
    block of its first token (the first occurrence wins)."""
    toks: list[str] = []
    labs: list[str] = []
    for label, text in blocks:
        t = M.tokens(text)
        toks.extend(t)
        labs.extend([label] * len(t))
    out: dict[tuple[str, ...], str] = {}
    if len(toks) < M.SHINGLE:
        if toks:
            out[tuple(toks)] = labs[0]
        return out
    for i in range(len(toks) - M.SHINGLE + 1):
        out.setdefault(tuple(toks[i : i + M.SHINGLE]), labs[i])
    return out


def _block_label(b: Any) -> str:
    return "title" if b.is_title else b.label.value


def analyse_text_page(page: Page, art: Any) -> dict[str, Any]:
    """Scores and error shares of one page whose gold is a text."""
    pred, gold = art.text, page.gold_text or ""
    s = M.page_score(pred, gold)
    ps, gs = M.shingles(pred), M.shingles(gold)
    missed = gs - ps
    extra = ps - gs
    where = _labelled_shingles([(_block_label(b), b.text) for b in art.blocks])
    miss: Counter[str] = Counter()
    for sh, n in missed.items():
        miss[where.get(sh, "absent")] += n
    extra_by: Counter[str] = Counter()
    comments = M.shingles(page.gold_comments)
    rec = page.record
    supp = M.shingles((rec.get("gold_supplemental") or "") + "\n" + (rec.get("gold_related") or ""))
    for sh, n in extra.items():
        if sh in gs:
            extra_by["repeated-gold"] += n  # gold text output more times than the gold has it
        elif sh in comments:
            extra_by["gold-comments"] += n
        elif sh in supp:
            extra_by["supplemental"] += n
        else:
            extra_by["other"] += n
    n_gold = sum(gs.values())
    on_page = sum(n for sh, n in gs.items() if sh in where)
    # Blocks that hold gold text (half their shingles or more): how text dumps laid them out.
    texts = [b.text for b in art.blocks]
    is_held = []
    for t in texts:
        bs = M.shingles(t)
        n = sum(bs.values())
        is_held.append(bool(n) and sum(v for k, v in bs.items() if k in gs) / n >= 0.5)
    held = [t for t, h in zip(texts, is_held, strict=True) if h]
    gap = sum(1 for t in held if "   " in t.strip()) / len(held) if len(held) >= 3 else 0.0
    # A sentence cut between two gold blocks: no sentence end, the next one starts in lower case.
    cuts = sum(
        1
        for i in range(len(texts) - 1)
        if is_held[i]
        and is_held[i + 1]
        and not _TERMINAL.search(texts[i].rstrip())
        and texts[i + 1].lstrip()[:1].islower()
    )
    cut = cuts / len(held) if len(held) >= 3 else 0.0
    unescaped = htmllib.unescape(gold)
    titled = M.page_score(f"{art.title}\n{pred}" if art.title else pred, gold)
    return {
        "with_title_score": [*_ps(titled)],
        "f1_unescaped": M.page_score(pred, unescaped).f1 if unescaped != gold else s.f1,
        "unescaped_score": [*_ps(M.page_score(pred, unescaped))] if unescaped != gold else None,
        "gold_blocks_gap": gap,
        "gold_blocks_cut": cut,
        "f1": s.f1,
        "p": s.precision,
        "r": s.recall,
        "tp": s.tp,
        "fp": s.fp,
        "fn": s.fn,
        "gold_tokens": len(M.tokens(gold)),
        "pred_tokens": len(M.tokens(pred)),
        "on_page": on_page / n_gold if n_gold else 1.0,
        "missed": {k: v / max(1, sum(missed.values())) for k, v in miss.items()},
        "extra": {k: v / max(1, sum(extra.values())) for k, v in extra_by.items()},
        "gold_empty": bool(rec.get("gold_empty")) or not gold.strip(),
        "synthetic": bool(rec.get("synthetic_fixture")),
        "lxml_recall": rec.get("check_gold_token_recall_lxml"),
    }


_TERMINAL = __import__("regex").compile(r"[.!?…:;][\"'”’»)\]]{0,3}$")


def _ps(s: M.PageScore) -> tuple[float, float, float]:
    return s.tp, s.fp, s.fn


def tree_share(page: Page) -> float | None:
    """Share of the gold's shingles in all the text libxml2 parsed from the page (script and style
    left out), wherever it put it: high where boilerstrip's blocks lack the text, the segmenter
    dropped it (text outside ``<body>``); low, libxml2 itself lost it (broken markup)."""
    if not page.html or not page.gold_text:
        return None
    from lxml import etree

    from boilerstrip.parse import new_parser, tame_tags

    try:
        root = etree.fromstring(tame_tags(page.html).encode("utf-8", "replace"), new_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return 0.0
    if root is None:
        return 0.0
    for el in root.iter("script", "style"):
        el.text = ""
    text = " ".join(str(t) for t in root.itertext())
    gs, ts = M.shingles(page.gold_text), M.shingles(text)
    n = sum(gs.values())
    return sum(v for k, v in gs.items() if k in ts) / n if n else None


def _norm(s: str) -> str:
    return " ".join(s.split())


def analyse_snippet_page(page: Page, art: Any) -> dict[str, Any]:
    """trafilatura-eval: per-page snippet counts, and the label of the block holding each missed
    ``with`` snippet (``absent``: in no block, or split over blocks)."""
    with_, without = page.gold_with or [], page.gold_without or []
    tp, fn, fp, tn = M.snippet_counts(art.text, with_, without)
    text = _norm(art.text)
    blocks = [(_block_label(b), _norm(b.text)) for b in art.blocks]
    miss: Counter[str] = Counter()
    for w in with_:
        w = _norm(w)
        if w in text:
            continue
        lab = next((lab for lab, t in blocks if w in t), None)
        if lab is None:
            whole = _norm(" ".join(t for _, t in blocks))
            lab = "split" if w in whole else "absent"
        miss[lab] += 1
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "f1": f1,
        "p": p,
        "r": r,
        "counts": [tp, fn, fp, tn],
        "pred_tokens": len(M.tokens(art.text)),
        "missed": {k: v / max(1, fn) for k, v in miss.items()},
        "extra": {"without-snippets": fp},
        "gold_empty": False,
        "synthetic": False,
        "lxml_recall": page.record.get("check_with_in_page"),
    }


def auto_cause(r: dict[str, Any]) -> str:
    """The page's cause from its error shares (first rule that applies)."""
    if r["gold_empty"]:
        return "empty-gold"
    if r.get("gold_tokens", SHORT_GOLD) < SHORT_GOLD:
        return "short-gold"
    if "counts" in r:  # trafilatura-eval snippets
        _, fn, fp, _ = r["counts"]
        if r.get("lxml_recall") is not None and r["lxml_recall"] < ABSENT_PAGE:
            return "gold-not-on-page"  # the snippets are not in the HTML (rendered by scripts)
        if fn >= fp:
            top = max(r["missed"], key=r["missed"].__getitem__) if r["missed"] else "absent"
            return _lost(top)
        return "kept-boilerplate"
    if r.get("on_page", 1.0) < ABSENT_PAGE:
        if r["variant"] == "html" and r.get("tree_share") is not None:
            return "outside-body" if r["tree_share"] >= ABSENT_PAGE else "broken-markup"
        if r.get("lxml_recall") is not None and r["lxml_recall"] < 0.8:
            return "broken-markup"
        return "gold-not-on-page"
    if r["fn"] >= r["fp"]:
        if r["variant"] != "html":
            if r["gold_blocks_gap"] >= 0.3:
                return "columns"
            if r["gold_blocks_cut"] >= 0.2:
                return "unjoined-wrap"
        if r.get("unescaped_score") and r["f1_unescaped"] - r["f1"] >= 0.5 * (1 - r["f1"]):
            return "gold-entities"
        missed = {k: v for k, v in r["missed"].items() if k != "article"}
        top = max(missed, key=missed.__getitem__) if missed else "absent"
        return _lost(top)
    top = max(r["extra"], key=r["extra"].__getitem__) if r["extra"] else "other"
    return {
        "gold-comments": "kept-comments",
        "supplemental": "kept-supplemental",
        "repeated-gold": "duplicate",
    }.get(top, "kept-boilerplate")


def _lost(label: str) -> str:
    return {
        "navigation": "lost-as-navigation",
        "footer": "lost-as-navigation",
        "comment": "lost-as-comment",
        "caption": "lost-as-caption",
        "title": "lost-title",
        "absent": "gold-not-on-page",
        "split": "gold-not-on-page",
    }[label]


# --- runs ----------------------------------------------------------------------------------------


def _inputs(variant: str, pages: list[Page]) -> dict[str, str | bytes]:
    if variant == "html":
        return {p.id: p.raw or "" for p in pages}
    from .textdump import renders

    return dict(renders(variant, pages, workers=1))


def run(data: Path, variant: str, name: str) -> list[dict[str, Any]]:
    import boilerstrip

    pages = list(load_set(data, name))
    inputs = _inputs(variant, pages)
    out = []
    for p in pages:
        raw = inputs.get(p.id, "")
        art = boilerstrip.extract(raw, kind="text" if variant != "html" else "auto")
        analyse = analyse_text_page if name in TEXT_GOLD_SETS else analyse_snippet_page
        rec = analyse(p, art)
        rec["id"] = p.id
        rec["variant"] = variant
        rec["key"] = f"{variant}:{name}/{p.id}"
        if variant == "html" and rec.get("on_page", 1.0) < ABSENT_PAGE:
            rec["tree_share"] = tree_share(p)
        out.append(rec)
    return out


def corpus(
    recs: Sequence[dict[str, Any]], perfect: frozenset[str] | set[str] = frozenset()
) -> tuple[float, float, float]:
    """Corpus (F1, P, R) as the benchmark computes it, with the pages in ``perfect`` scored 1."""
    if recs and "counts" in recs[0]:
        counts: list[tuple[int, int, int, int]] = [
            (r["counts"][0] + r["counts"][1], 0, 0, r["counts"][3] + r["counts"][2])
            if r["key"] in perfect
            else (r["counts"][0], r["counts"][1], r["counts"][2], r["counts"][3])
            for r in recs
        ]
        return M.snippet_score(counts)
    scores = [
        M.PageScore(1.0, 0.0, 0.0)
        if r["key"] in perfect
        else M.PageScore(r["tp"], r["fp"], r["fn"])
        for r in recs
    ]
    c = M.corpus_score(scores, bootstrap=0)
    return c.f1, c.precision, c.recall


def _cause_table(
    recs: list[dict[str, Any]], chosen: list[dict[str, Any]], total_loss: float
) -> tuple[list[str], dict[str, Any]]:
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for w in chosen:
        by[w["cause"]].append(w)
    lines = [
        "| cause | pages | share of loss | F1 if fixed | example |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    out = {}
    for cause, ws in sorted(by.items(), key=lambda kv: (-sum(1 - x["f1"] for x in kv[1]), kv[0])):
        share = sum(1 - x["f1"] for x in ws) / total_loss
        fixed = corpus(recs, {x["key"] for x in ws})[0]
        lines.append(f"| {cause} | {len(ws)} | {share:.1%} | {fixed:.3f} | {ws[0]['id'][:40]} |")
        out[cause] = {
            "pages": len(ws),
            "share": share,
            "f1_fixed": fixed,
            "ids": [x["id"] for x in ws],
        }
    return lines, out


def report(
    variant: str,
    name: str,
    recs: list[dict[str, Any]],
    top: int,
    html_f1: dict[str, float] | None = None,
) -> tuple[str, dict[str, Any]]:
    f1, p, r = corpus(recs)
    ordered = sorted(recs, key=lambda x: (x["f1"], x["id"]))
    worst = ordered[:top]
    for w in ordered:
        w["cause"] = MANUAL.get(w["key"], auto_cause(w))
        w["manual"] = w["key"] in MANUAL
    total_loss = sum(1.0 - x["f1"] for x in recs) or 1.0
    below = {k: sum(1 for x in recs if x["f1"] < k) for k in (0.5, 0.8)}
    lines = [
        f"## {variant} / {name}: {len(recs)} pages, F1 {f1:.3f} (P {p:.3f}, R {r:.3f}); "
        f"pages with F1 < 0.5: {below[0.5]}, < 0.8: {below[0.8]}; "
        f"empty output: {sum(1 for x in recs if x['pred_tokens'] == 0)}; "
        f"worst {top} hold {sum(1 - x['f1'] for x in worst) / total_loss:.0%} of the summed loss; "
        f"F1 if they were perfect: {corpus(recs, {w['key'] for w in worst})[0]:.3f}",
        "",
        "| page | F1 | P | R | cause | missed (by label) | extra |"
        + (" html F1 |" if html_f1 else ""),
        "| --- | ---: | ---: | ---: | --- | --- | --- |" + (" ---: |" if html_f1 else ""),
    ]
    for w in worst:
        miss = ", ".join(
            f"{k} {v:.0%}" for k, v in sorted(w["missed"].items(), key=lambda kv: -kv[1])
        )
        extra = ", ".join(
            f"{k} {v:.0%}" if isinstance(v, float) else f"{k} {v}"
            for k, v in sorted(w["extra"].items(), key=lambda kv: -kv[1])
        )
        rr = "-" if w["r"] is None else f"{w['r']:.2f}"
        gold = f" (gold {w['gold_tokens']} tok)" if "gold_tokens" in w else ""
        tail = f" {html_f1.get(w['id'], float('nan')):.2f} |" if html_f1 else ""
        lines.append(
            f"| {w['id'][:40]}{gold} | {w['f1']:.2f} | {w['p']:.2f} | {rr} | "
            f"{w['cause']}{'*' if w['manual'] else ''} | {miss} | {extra} |{tail}"
        )
    summary: dict[str, Any] = {"f1": f1, "p": p, "r": r, "pages": len(recs)}
    t, summary["causes"] = _cause_table(recs, worst, total_loss)
    lines += ["", f"Causes of the worst {top}:", "", *t]
    low = [x for x in ordered if x["f1"] < 0.8]
    t, summary["causes_below_08"] = _cause_table(recs, low, total_loss)
    lines += [
        "",
        f"Causes of all {len(low)} pages with F1 < 0.8 (* = read, others by rule):",
        "",
        *t,
    ]
    if "tp" in recs[0]:
        fn = sum(x["fn"] for x in recs)
        fp = sum(x["fp"] for x in recs)
        lines.append(f"\nsummed normalised fn {fn:.1f}, fp {fp:.1f} over {len(recs)} pages")
        summary["fn"], summary["fp"] = fn, fp
        m: Counter[str] = Counter()
        e: Counter[str] = Counter()
        for x in recs:
            for k, v in x["missed"].items():
                m[k] += v * x["fn"]
            for k, v in x["extra"].items():
                e[k] += v * x["fp"]
        lines.append(
            "missed text by label: "
            + ", ".join(f"{k} {v / (fn or 1):.0%}" for k, v in m.most_common())
            + "; extra text: "
            + ", ".join(f"{k} {v / (fp or 1):.0%}" for k, v in e.most_common())
        )
        if html_f1:
            bad = [x for x in recs if x["f1"] < 0.5]
            ok = sum(1 for x in bad if html_f1.get(x["id"], 0.0) >= 0.9)
            lines.append(
                f"pages under 0.5 here that score >= 0.9 from the HTML: {ok} of {len(bad)}"
            )
        c = M.corpus_score([M.PageScore(*x["with_title_score"]) for x in recs], bootstrap=0)
        lines.append(
            f"with Article.title prepended to the text: F1 {c.f1:.3f} "
            f"(P {c.precision:.3f}, R {c.recall:.3f})"
        )
        summary["f1_with_title"] = c.f1
        esc = [x for x in recs if x.get("unescaped_score")]
        if esc:
            scores = [
                M.PageScore(*x["unescaped_score"])
                if x.get("unescaped_score")
                else M.PageScore(x["tp"], x["fp"], x["fn"])
                for x in recs
            ]
            c = M.corpus_score(scores, bootstrap=0)
            lines.append(
                f"gold with HTML entities on {len(esc)} pages; with the gold unescaped: "
                f"F1 {c.f1:.3f} (P {c.precision:.3f}, R {c.recall:.3f})"
            )
            summary["f1_unescaped"] = c.f1
    return "\n".join(lines) + "\n", summary


# --- one page ------------------------------------------------------------------------------------


def show(data: Path, spec: str) -> str:
    """Every block of one page: label, score, share of its shingles in the gold, text."""
    import boilerstrip

    variant, _, rest = spec.rpartition(":")
    variant = variant or "html"
    name, _, pid = rest.partition("/")
    page = next(iter(load_set(data, name, ids={pid})))
    raw = _inputs(variant, [page])[pid]
    art = boilerstrip.extract(raw, kind="text" if variant != "html" else "auto")
    if name in TEXT_GOLD_SETS:
        gold = M.shingles(page.gold_text)
        gc = M.shingles(page.gold_comments)
        head = analyse_text_page(page, art)
    else:
        gold = M.shingles("\n".join(page.gold_with or []))
        gc = M.shingles("\n".join(page.gold_without or []))
        head = analyse_snippet_page(page, art)
    out = [json.dumps({k: v for k, v in head.items()}, default=str)]
    out.append(f"url {page.url}  title {art.title!r}  gold title {page.gold_title!r}")
    for b in art.blocks:
        sh = M.shingles(b.text)
        n = sum(sh.values()) or 1
        g = sum(v for k, v in sh.items() if k in gold) / n
        c = sum(v for k, v in sh.items() if k in gc) / n
        mark = "G" if g >= 0.5 else ("c" if c >= 0.5 else " ")
        out.append(
            f"{mark} {_block_label(b):10} {b.score:.2f} {g:4.2f} {b.source[-28:]:28} "
            f"{b.text[:110]!r}"
        )
    out.append("--- gold ---")
    out.append((page.gold_text or "\n".join(page.gold_with or []))[:3000])
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument(
        "--runs", nargs="+", default=DEFAULT_RUNS, help="variant:set, e.g. html:dragnet w3m:l3s-gn1"
    )
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--out", type=Path, help="per-page records and summaries as JSON")
    ap.add_argument("--show", help="[variant:]set/id: print one page's blocks")
    args = ap.parse_args(argv)
    if args.show:
        print(show(args.data, args.show))
        return 0
    result: dict[str, Any] = {"summaries": {}, "pages": {}}
    for spec in args.runs:
        variant, _, name = spec.partition(":")
        recs = run(args.data, variant, name)
        html = result["pages"].get(f"html:{name}") if variant != "html" else None
        html_f1 = {x["id"]: x["f1"] for x in html} if html else None
        text, summary = report(variant, name, recs, args.top, html_f1)
        print(text, flush=True)
        result["summaries"][spec] = summary
        result["pages"][spec] = recs
    if args.out:
        args.out.write_text(json.dumps(result, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
