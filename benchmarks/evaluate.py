"""Score boilerstrip and the peer extractors on the evaluation sets, side by side.

    python -m benchmarks.evaluate [--data PATH] [--sets ...] [--systems ...] [--workers N]
                                  [--out benchmarks/results/NAME.json] [--quick] [--no-text]
                                  [--speed] [--report]
    python -m benchmarks.evaluate --compare OLD.json NEW.json [--system boilerstrip] [--top 15]

Every system runs on every page of every HTML set (see :mod:`benchmarks.systems` for how each is
called), in worker processes with a per-page timeout. The results JSON holds the corpus figures
and the per-page scores (for ``--compare``); ``--report`` then writes ``docs/benchmarks.md`` and
the plot (:mod:`benchmarks.report`), ``--speed`` adds the speed run (:mod:`benchmarks.speed`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from html import unescape
from pathlib import Path
from typing import Any

from boilerstrip import Article, Block, Label
from boilerstrip.sniff import sniff

from . import metrics as M
from .data import DEFAULT_DATA, HTML_SETS, REPO, SETS, Page, load_set, require_data, work_cache
from .gold_notes import NO_READER_COMMENTS, UNSCORED_COMMENTS
from .runner import TIMEOUT, Cache, Task, run_system
from .systems import PEERS, SYSTEMS, TEXT_SYSTEMS, Output, PageInput, version
from .textdump import VARIANTS, renders

TEXT_GOLD_SETS = ("dragnet", "l3s-gn1", "cleanportaleval", "cleaneval-dev", "mozilla-readability")
"""The HTML sets whose gold is a text (trafilatura-eval's gold is snippets)."""
COMMENT_SETS = ("dragnet", "l3s-gn1")
TITLE_SETS = ("l3s-gn1", "mozilla-readability", "trafilatura-eval")
QUICK_PAGES = 60
"""Pages per set with ``--quick`` (a fixed, hash-ordered sample)."""

L3S_LABELS = {
    "fulltext": "article",
    "headline": "title",
    "comments": "comment",
    "related": "navigation",
    "unlabeled": "boilerplate",
    "not-content": "boilerplate",
    "supplemental": "supplemental",
}
"""l3s-gn1 gold block labels as boilerstrip labels (boilerplate = navigation or footer)."""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _stable_order(page_id: str) -> str:
    return hashlib.sha1(page_id.encode()).hexdigest()


def load_pages(data: Path, sets: Sequence[str], quick: bool) -> dict[str, list[Page]]:
    out: dict[str, list[Page]] = {}
    for name in sets:
        pages = list(load_set(data, name))
        if quick:
            keep = {p.id for p in sorted(pages, key=lambda p: _stable_order(p.id))[:QUICK_PAGES]}
            pages = [p for p in pages if p.id in keep]
        out[name] = pages
    return out


# --- scoring -------------------------------------------------------------------------------------


def _corpus(scores: Sequence[M.PageScore], bootstrap: int) -> dict[str, float]:
    c = M.corpus_score(scores, bootstrap=bootstrap)
    return {"f1": c.f1, "pm": c.f1_pm, "p": c.precision, "r": c.recall, "pages": c.pages}


_HTML_LANG = re.compile(rb"<html\b[^>]{0,500}?\blang\s*=\s*[\"']?([a-zA-Z]{2,3})\b", re.I)


def page_language(p: Page) -> str:
    """The page's language: the set's own field, else the ``lang`` attribute of its ``<html>``
    element (two or three letters, lower case), else ``"?"``."""
    if p.lang:
        return p.lang.lower()[:3]
    raw = p.raw if p.raw is not None else (p.html or "")
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")
    m = _HTML_LANG.search(raw[:20000])
    return m.group(1).decode("ascii").lower() if m else "?"


def score_text_sets(
    pages: dict[str, list[Page]],
    outs: dict[str, Output],
    bootstrap: int,
    per_page: dict[str, list[float | None]] | None = None,
) -> dict[str, dict[str, Any]]:
    """Shingle F1 per text-gold set and snippet score on trafilatura-eval, for one system."""
    res: dict[str, dict[str, Any]] = {}
    for name, plist in pages.items():
        if name == "trafilatura-eval":
            counts = []
            for p in plist:
                o = outs.get(f"{name}/{p.id}")
                c = M.snippet_counts(o.text if o else "", p.gold_with or [], p.gold_without or [])
                counts.append(c)
                if per_page is not None:
                    n = sum(c)
                    per_page[f"{name}/{p.id}"] = [round((c[0] + c[3]) / n if n else 1.0, 4)]
            f, pr, rc = M.snippet_score(counts)
            res[name] = {"f1": f, "p": pr, "r": rc, "pages": len(plist), "snippet": True}
            by_lang: dict[str, list[Any]] = defaultdict(list)
            for p, c in zip(plist, counts, strict=True):
                by_lang[page_language(p)].append(c)
            res[name]["by_lang"] = {
                lang: {"f1": M.snippet_score(cs)[0], "pages": len(cs)}
                for lang, cs in sorted(by_lang.items())
            }
        elif name in TEXT_GOLD_SETS:
            scores = []
            unescaped = []
            n_entities = 0
            for p in plist:
                o = outs.get(f"{name}/{p.id}")
                s = M.page_score(o.text if o else "", p.gold_text or "")
                scores.append(s)
                gold_u = unescape(p.gold_text or "")
                if gold_u != (p.gold_text or ""):
                    n_entities += 1
                    unescaped.append(M.page_score(o.text if o else "", gold_u))
                else:
                    unescaped.append(s)
                if per_page is not None:
                    per_page[f"{name}/{p.id}"] = [
                        round(s.f1, 4),
                        round(s.precision, 4),
                        None if s.recall is None else round(s.recall, 4),
                    ]
            res[name] = _corpus(scores, bootstrap)
            if n_entities:
                # Some golds keep HTML entities ("&rsquo;"), whose tokens break every shingle
                # they touch: the same score against the decoded gold, for reference.
                res[name]["gold_entities_pages"] = n_entities
                res[name]["f1_gold_unescaped"] = M.corpus_score(unescaped, bootstrap=0).f1
        else:
            continue
        res[name]["errors"] = sum(
            1 for p in plist if (o := outs.get(f"{name}/{p.id}")) is not None and o.error
        )
        res[name]["timeouts"] = sum(
            1
            for p in plist
            if (o := outs.get(f"{name}/{p.id}")) is not None
            and o.error
            and (o.error.startswith("timeout") or "crashed" in o.error)
        )
    return res


def score_comments(
    pages: dict[str, list[Page]], outs: dict[str, Output], bootstrap: int
) -> dict[str, dict[str, Any]]:
    res: dict[str, dict[str, Any]] = {}
    for name in COMMENT_SETS:
        if name not in pages:
            continue
        scores: list[M.PageScore] = []
        reader: list[M.PageScore] = []
        no_reader = NO_READER_COMMENTS.get(name, {})
        unscored = UNSCORED_COMMENTS.get(name, {})
        clean = clean_ok = bare = bare_ok = 0
        for p in pages[name]:
            o = outs.get(f"{name}/{p.id}")
            got = "\n".join(c for c in ((o.comments or []) if o else []) if c.strip())
            if p.gold_comments and p.gold_comments.strip():
                scores.append(M.page_score(got, p.gold_comments))
                if p.id not in no_reader:
                    reader.append(scores[-1])
            else:
                clean += 1
                clean_ok += not got.strip()
                if p.id not in unscored:
                    bare += 1
                    bare_ok += not got.strip()
        d = _corpus(scores, bootstrap)
        d["clean_pages"] = clean
        d["clean_share"] = clean_ok / clean if clean else 0.0
        # (the comment-free pages that show no reader comment either: benchmarks.gold_notes)
        d["bare_pages"] = bare
        d["bare_share"] = bare_ok / bare if bare else 0.0
        # (the pages whose gold comments hold a reader's words: benchmarks.gold_notes)
        r = _corpus(reader, bootstrap)
        d["reader_f1"], d["reader_pm"], d["reader_pages"] = r["f1"], r["pm"], r["pages"]
        res[name] = d
    return res


CONVENTIONS: dict[str, tuple[bool, bool]] = {
    "text": (False, False),
    "text + captions": (False, True),
    "headline + text": (True, False),
    "headline + text + captions": (True, True),
}
"""``Article.text_with(title=..., captions=...)`` variants scored on every set: the golds differ
on whether the headline and the photo captions belong to the article."""


def text_with(out: Output, title: bool, captions: bool) -> str:
    """``Article.text_with`` of a page, from its output (with ``want_blocks``: the blocks' labels,
    ``title`` for the headline block)."""
    blocks = [
        Block(text=t, label=Label.ARTICLE if label == "title" else Label(label), score=0.0,
              source=src, is_title=label == "title")
        for label, t, src in out.blocks or ()
    ]
    article = Article(title=out.title, text=out.text, blocks=blocks)
    return article.text_with(title=title, captions=captions)


def score_conventions(
    pages: dict[str, list[Page]], outs: dict[str, Output]
) -> dict[str, dict[str, dict[str, float]]]:
    """Per set and :data:`CONVENTIONS` variant: F1, precision and recall of boilerstrip's text
    with the headline and/or captions put back (no bootstrap)."""
    res: dict[str, dict[str, dict[str, float]]] = {}
    for variant, (title, captions) in CONVENTIONS.items():
        got = {k: Output(text=text_with(o, title, captions)) for k, o in outs.items()}
        for name, d in score_text_sets(pages, got, bootstrap=0).items():
            res.setdefault(name, {})[variant] = {k: d[k] for k in ("f1", "p", "r")}
    return res


def score_titles(pages: dict[str, list[Page]], outs: dict[str, Output]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for name in TITLE_SETS:
        if name not in pages:
            continue
        n = ok = ok_first = ok_site = ok_deck = multi = 0
        for p in pages[name]:
            if not M.norm_title(p.gold_title):
                continue
            o = outs.get(f"{name}/{p.id}")
            got = o.title if o else None
            n += 1
            ok += M.title_match(got, p.gold_title)
            deck = o.subtitle if o else None
            ok_deck += M.title_match(f"{got}\n{deck}" if got and deck else got, p.gold_title)
            lines = [ln for ln in (p.gold_title or "").split("\n") if M.norm_title(ln)]
            multi += len(lines) > 1
            first = lines[0] if lines else p.gold_title
            ok_first += M.title_match(got, first)
            ok_site += M.title_match_without_site(got, first)
        res[name] = {
            "exact": ok / n if n else 0.0,
            "exact_with_deck": ok_deck / n if n else 0.0,
            "first_line": ok_first / n if n else 0.0,
            "first_line_without_site": ok_site / n if n else 0.0,
            "multi_line_gold": multi,
            "pages": n,
        }
    return res


def _span(source: str) -> tuple[int, int] | None:
    parts = source.split()
    if len(parts) != 2 or parts[0] != "lines":
        return None
    a, _, b = parts[1].partition("-")
    try:
        return int(a), int(b or a)
    except ValueError:
        return None


PROSE_LABELS = frozenset(("article", "title", "comment", "caption"))
"""Our labels that turku-line-quality's "clean" class covers (written text, not page furniture)."""


def score_sniffing(texts: dict[str, list[str]], want: str) -> dict[str, dict[str, float]]:
    """Per set: how many of its inputs ``kind="auto"`` reads as ``want`` (``sniff``), and their
    share. The scores of this module pass the kind of every input; a user who does not sees the
    sniffing's errors (a dump read as markup is one paragraph or two)."""
    out: dict[str, dict[str, float]] = {}
    for name, items in texts.items():
        items = [t for t in items if t]
        ok = sum(sniff(t) == want for t in items)
        out[name] = {"pages": len(items), "right": ok, "share": ok / len(items) if items else 0.0}
    return out


def score_turku(pages: list[Page], outs: dict[str, Output]) -> dict[str, Any]:
    """Clean-line F1 per language: boilerstrip text mode, terminal punctuation, all-clean.

    turku's two classes are written text ("clean") and page noise; our five labels map onto them as
    article, title, comment and caption = written text, navigation and footer = noise
    (``boilerstrip``). ``boilerstrip (article only)`` counts only article and title lines as clean,
    for comparison."""
    by: dict[str, dict[str, M.LineScore]] = defaultdict(
        lambda: defaultdict(lambda: M.LineScore(0, 0, 0, 0))
    )
    for p in pages:
        assert p.text is not None and p.line_labels is not None
        lines = p.text.split("\n")
        gold = p.line_labels
        o = outs.get(f"turku-line-quality/{p.id}")
        blocks = (o.blocks or []) if o else []
        spans = [sp for lab, _t, src in blocks if lab in PROSE_LABELS and (sp := _span(src))]
        strict = [
            sp for lab, _t, src in blocks if lab in ("article", "title") and (sp := _span(src))
        ]
        preds = {
            "boilerstrip": M.lines_in_blocks(len(lines), spans),
            "boilerstrip (article only)": M.lines_in_blocks(len(lines), strict),
            "terminal-punctuation": [M.terminal_punctuation(ln) for ln in lines],
            "all-clean": [True] * len(lines),
        }
        for lang in (p.lang or "xx", "all"):
            for system, pred in preds.items():
                by[system][lang] = by[system][lang] + M.line_score(pred, gold)
    res: dict[str, Any] = {}
    for system, langs in by.items():
        res[system] = {
            lang: {
                "f1": s.f1,
                "p": s.precision,
                "r": s.recall,
                "acc": s.accuracy,
                "lines": s.tp + s.fp + s.fn + s.tn,
            }
            for lang, s in sorted(langs.items())
        }
    return res


def score_confusion(pages: list[Page], outs: dict[str, Output]) -> dict[str, Any]:
    """Token-level confusion of boilerstrip's block labels against l3s-gn1's gold block labels."""
    total: Counter[tuple[str, str]] = Counter()
    n = 0
    for p in pages:
        o = outs.get(f"l3s-gn1/{p.id}")
        if not p.gold_blocks or o is None:
            continue
        gold = [(L3S_LABELS.get(b["label"], "boilerplate"), b["text"]) for b in p.gold_blocks]
        ours = [(lab, text) for lab, text, _src in (o.blocks or [])]
        total.update(M.align_labels(gold, ours))
        n += 1
    return {"pages": n, "counts": [[g, o, c] for (g, o), c in sorted(total.items())]}


# --- the run -------------------------------------------------------------------------------------


def _tasks(pages: dict[str, list[Page]], system: str, blocks_for: Sequence[str]) -> list[Task]:
    tasks = []
    for name, plist in pages.items():
        if name not in HTML_SETS:
            continue
        for p in plist:
            assert p.raw is not None
            tasks.append(
                Task(
                    f"{name}/{p.id}",
                    PageInput(
                        raw=p.raw,
                        html=p.html,
                        lang=p.lang,
                        want_blocks=system == "boilerstrip" and name in blocks_for,
                    ),
                )
            )
    return tasks


def _git() -> dict[str, str]:
    def out(*cmd: str) -> str:
        try:
            return subprocess.run(
                cmd, cwd=REPO, capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return ""

    return {
        "commit": out("git", "rev-parse", "--short", "HEAD"),
        "branch": out("git", "rev-parse", "--abbrev-ref", "HEAD"),
        "dirty": "yes" if out("git", "status", "--porcelain", "--", "boilerstrip") else "no",
    }


def evaluate(args: argparse.Namespace) -> dict[str, Any]:
    t_start = time.monotonic()
    sets = [s for s in args.sets if s in SETS]
    require_data(args.data, sets)
    systems = [s for s in args.systems if s in SYSTEMS]
    bootstrap = 200 if args.quick else M.BOOTSTRAP
    pages = load_pages(args.data, sets, args.quick)
    html_pages = {k: v for k, v in pages.items() if k in HTML_SETS}
    log(f"loaded {sum(len(v) for v in pages.values())} pages from {len(pages)} sets")
    cache = None if args.no_cache else Cache(work_cache() / "peers.sqlite")

    result: dict[str, Any] = {
        "meta": {
            "command": "python -m benchmarks.evaluate " + " ".join(args.argv),
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "git": _git(),
            "versions": {s: version(s) for s in systems},
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "data": str(args.data),
            "quick": bool(args.quick),
            "bootstrap": bootstrap,
            "timeout": args.timeout,
            "sets": {k: len(v) for k, v in pages.items()},
        },
        "html": {},
        "pages": {"html": {}},
    }

    # HTML mode: every system on every HTML page
    outs_by_system: dict[str, dict[str, Output]] = {}
    for system in systems:
        # (boilerstrip's blocks: the l3s-gn1 confusion table and the text_with variants)
        tasks = _tasks(html_pages, system, blocks_for=HTML_SETS)
        if not tasks:
            continue
        t0 = time.monotonic()
        outs = run_system(
            system, "html", tasks, cache=cache, workers=args.workers, timeout=args.timeout, log=log
        )
        log(f"{system}: {len(outs)} pages in {time.monotonic() - t0:.0f} s")
        outs_by_system[system] = outs
        per_page: dict[str, list[float | None]] = {}
        result["html"][system] = score_text_sets(html_pages, outs, bootstrap, per_page)
        result["pages"]["html"][system] = per_page

    result["comments"] = {
        s: score_comments(html_pages, outs_by_system[s], bootstrap)
        for s in ("boilerstrip", "trafilatura+comments")
        if s in outs_by_system
    }
    result["titles"] = {
        s: score_titles(html_pages, o)
        for s, o in outs_by_system.items()
        if any(x.title for x in o.values())
    }
    if "boilerstrip" in outs_by_system:
        result["conventions"] = score_conventions(html_pages, outs_by_system["boilerstrip"])
    if "boilerstrip" in outs_by_system and "l3s-gn1" in html_pages:
        result["confusion"] = score_confusion(html_pages["l3s-gn1"], outs_by_system["boilerstrip"])

    result["sniff"] = {
        "html": score_sniffing(
            {name: [p.html or "" for p in plist] for name, plist in html_pages.items()}, "html"
        )
    }
    # plain-text variants: boilerstrip's text mode and the keep-all baseline on browser dumps
    if not args.no_text:
        result["text"] = {}
        result["pages"]["text"] = {}
        text_sets = {k: v for k, v in html_pages.items()}
        for variant in VARIANTS:
            t0 = time.monotonic()
            dumps = {
                name: renders(variant, plist, workers=args.workers)
                for name, plist in text_sets.items()
            }
            log(f"{variant} renders ready in {time.monotonic() - t0:.0f} s")
            result["sniff"][variant] = score_sniffing(
                {name: list(d.values()) for name, d in dumps.items()}, "text"
            )
            result["text"][variant] = {}
            result["pages"]["text"][variant] = {}
            for system in TEXT_SYSTEMS:
                if system not in systems:
                    continue
                tasks = [
                    Task(
                        f"{name}/{p.id}",
                        PageInput(
                            raw=dumps[name].get(p.id, ""), html=None, lang=p.lang, kind="text"
                        ),
                    )
                    for name, plist in text_sets.items()
                    for p in plist
                ]
                outs = run_system(
                    system,
                    variant,
                    tasks,
                    cache=cache,
                    workers=args.workers,
                    timeout=args.timeout,
                    log=log,
                )
                per_page = {}
                result["text"][variant][system] = score_text_sets(
                    text_sets, outs, bootstrap, per_page
                )
                result["pages"]["text"][variant][system] = per_page
                if system == "boilerstrip":
                    result.setdefault("text_comments", {})[variant] = score_comments(
                        text_sets, outs, bootstrap
                    )
                    result.setdefault("text_titles", {})[variant] = score_titles(text_sets, outs)

    # turku-line-quality: real plain text with human line labels
    if "turku-line-quality" in pages and "boilerstrip" in systems:
        tasks = [
            Task(
                f"turku-line-quality/{p.id}",
                PageInput(raw=p.text or "", html=None, lang=p.lang, kind="text", want_blocks=True),
            )
            for p in pages["turku-line-quality"]
        ]
        outs = run_system(
            "boilerstrip",
            "turku",
            tasks,
            cache=None,
            workers=args.workers,
            timeout=args.timeout,
            log=log,
        )
        result["turku"] = score_turku(pages["turku-line-quality"], outs)
        result["sniff"]["turku"] = score_sniffing(
            {"turku-line-quality": [p.text or "" for p in pages["turku-line-quality"]]}, "text"
        )
        # The text model trains on the set's ``train`` split (tools/train.py): its ``dev`` split
        # is the held-out figure.
        held = [p for p in pages["turku-line-quality"] if p.record.get("split") != "train"]
        result["turku_dev"] = score_turku(held, outs)

    if cache is not None:
        cache.close()
    if args.speed:
        from .speed import run_speed

        result["speed"] = run_speed(
            args.data,
            systems=[s for s in systems if s != "trafilatura+comments"],
            sets=[s for s in sets if s in HTML_SETS],
            quick=args.quick,
            repeats=args.speed_repeats,
            pages=args.speed_pages,
            log=log,
        )
    result["meta"]["seconds"] = round(time.monotonic() - t_start, 1)
    return result


# --- summary and comparison ---------------------------------------------------------------------


def summary(result: dict[str, Any]) -> str:
    lines = []
    html = result.get("html", {})
    sets = [s for s in HTML_SETS if any(s in v for v in html.values())]
    lines.append("system".ljust(22) + "".join(s[:16].rjust(18) for s in sets))
    for system, per in html.items():
        cells = []
        for s in sets:
            d = per.get(s)
            cells.append((f"{d['f1']:.3f}±{d.get('pm', 0):.3f}" if d else "-").rjust(18))
        lines.append(system.ljust(22) + "".join(cells))
    return "\n".join(lines)


def compare(old_path: Path, new_path: Path, system: str, top: int) -> str:
    """The pages whose score moved most between two result files, per set and variant."""
    old = json.loads(old_path.read_text(encoding="utf-8"))
    new = json.loads(new_path.read_text(encoding="utf-8"))
    out: list[str] = [f"# {system}: {old_path.name} -> {new_path.name}"]

    def tables(res: dict[str, Any]) -> dict[str, dict[str, list[float]]]:
        t: dict[str, dict[str, list[float]]] = {}
        pages = res.get("pages", {})
        if system in pages.get("html", {}):
            t["html"] = pages["html"][system]
        for variant, per in pages.get("text", {}).items():
            if system in per:
                t[variant] = per[system]
        return t

    to, tn = tables(old), tables(new)
    for variant in tn:
        if variant not in to:
            continue
        a, b = to[variant], tn[variant]
        by_set: dict[str, list[tuple[float, str, float, float]]] = defaultdict(list)
        for key in b.keys() & a.keys():
            d = b[key][0] - a[key][0]
            by_set[key.split("/", 1)[0]].append((d, key.split("/", 1)[1], a[key][0], b[key][0]))
        for name, moves in sorted(by_set.items()):
            moved = [m for m in moves if abs(m[0]) > 1e-9]
            mean = sum(m[0] for m in moves) / len(moves) if moves else 0.0
            up = sum(1 for m in moved if m[0] > 0)
            out.append(
                f"\n## {variant} / {name}: {len(moved)} of {len(moves)} pages moved "
                f"({up} up, {len(moved) - up} down), mean per-page change {mean:+.4f}"
            )
            for d, pid, x, y in sorted(moved, key=lambda m: -abs(m[0]))[:top]:
                out.append(f"  {d:+.3f}  {x:.3f} -> {y:.3f}  {pid}")
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.evaluate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared/data folder")
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--systems", nargs="+", default=list(SYSTEMS), choices=SYSTEMS)
    ap.add_argument("--peers", action="store_true", help="only the peers (not boilerstrip)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per page")
    ap.add_argument(
        "--out", type=Path, help="results JSON (default benchmarks/results/<date>.json)"
    )
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_PAGES} pages per set")
    ap.add_argument("--no-text", action="store_true", help="skip the plain-text variants")
    ap.add_argument("--no-cache", action="store_true", help="recompute the peers too")
    ap.add_argument("--speed", action="store_true", help="also run the speed benchmark")
    ap.add_argument("--speed-repeats", type=int, default=3)
    ap.add_argument(
        "--speed-pages", type=int, default=None, help="pages per set for --speed (0: all)"
    )
    ap.add_argument("--report", action="store_true", help="write docs/benchmarks.md and the plot")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("OLD", "NEW"))
    ap.add_argument("--system", default="boilerstrip", help="the system --compare looks at")
    ap.add_argument("--top", type=int, default=15, help="pages listed per set by --compare")
    args = ap.parse_args(argv)
    args.argv = argv
    if args.compare:
        print(compare(args.compare[0], args.compare[1], args.system, args.top))
        return 0
    if args.peers:
        args.systems = [s for s in args.systems if s in PEERS]
    result = evaluate(args)
    out = args.out or REPO / "benchmarks" / "results" / (
        dt.datetime.now().strftime("%Y%m%d-%H%M%S") + (".quick" if args.quick else "") + ".json"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    print(summary(result))
    print(f"\nwrote {out} ({result['meta']['seconds']} s)")
    if args.report:
        from .report import write_report

        for path in write_report(out):
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
