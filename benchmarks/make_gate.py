"""Choose the CI gate's page subset (once); copy its pages and their gold into ``fixtures/gate``.

    python -m benchmarks.make_gate [--data ../shared/data]          # from benchmarks/gate_pages.txt
    python -m benchmarks.make_gate --choose [--data ../shared/data] # pick a new subset (rarely!)
    python -m benchmarks.make_gate --text [--data ../shared/data]   # only the w3m text dumps

The subset is stratified: a fixed number of pages per HTML set (:data:`QUOTAS`), and within a set
proportional shares of its strata (pages with and without reader comments on dragnet and l3s-gn1,
real pages and synthetic fixtures on mozilla-readability), with a few pages that come as raw
non-UTF-8 bytes wherever the set has them, so encoding detection stays under test. Within a stratum
pages are taken in the order of the SHA-1 of ``set/id`` (reproducible, unrelated to content).

The list goes to ``benchmarks/gate_pages.txt`` (``set<TAB>id`` per line); the pages (original bytes,
base64) and gold go to ``fixtures/gate/pages.jsonl.gz``, and the ``w3m -dump`` renders of the
same pages (:mod:`benchmarks.textdump`, unwrapped) to ``fixtures/gate/text_w3m.jsonl.gz``, so that
the gate also holds plain-text mode to its floors. Changing the list invalidates the floors in
``benchmarks/gate_baseline.json``: set them again with ``python -m benchmarks.gate --update``.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
from collections import defaultdict
from pathlib import Path

from .data import DEFAULT_DATA, REPO, Page, load_set

QUOTAS = {
    "dragnet": 35,
    "l3s-gn1": 30,
    "cleanportaleval": 20,
    "cleaneval-dev": 58,
    "mozilla-readability": 20,
    "trafilatura-eval": 30,
}
"""Pages per HTML set. cleaneval-dev is taken whole (its 58 pages): on a subset of 15 its figure
moved by up to 0.041 with nothing changed but the models' training seed (``tools/seed_spread.py``,
2026-11-30), four times the floors' margin, while the whole set moved by 0.009-0.012; the other
sets' subsets moved by at most 0.011 (docs/design.md, section 2, item 3)."""
RAW_PAGES = 3
"""Pages per set taken from those that come as raw (non-UTF-8) bytes, where the set has them."""
LIST = REPO / "benchmarks" / "gate_pages.txt"
FIXTURE = REPO / "fixtures" / "gate" / "pages.jsonl.gz"
TEXT_FIXTURE = REPO / "fixtures" / "gate" / "text_w3m.jsonl.gz"
TEXT_VARIANT = "w3m"


def _order(name: str, pid: str) -> str:
    return hashlib.sha1(f"{name}/{pid}".encode()).hexdigest()


def _stratum(p: Page) -> str:
    if p.set in ("dragnet", "l3s-gn1"):
        return "comments" if (p.gold_comments or "").strip() else "no-comments"
    if p.set == "mozilla-readability":
        return "synthetic" if p.record.get("synthetic_fixture") else "real"
    return "all"


def choose(data: Path) -> list[tuple[str, str]]:
    chosen: list[tuple[str, str]] = []
    for name, quota in QUOTAS.items():
        pages = sorted(load_set(data, name), key=lambda p: _order(name, p.id))
        raw = [p for p in pages if isinstance(p.raw, bytes)][:RAW_PAGES]
        picked = {p.id for p in raw}
        rest = [p for p in pages if p.id not in picked]
        strata: dict[str, list[Page]] = defaultdict(list)
        for p in rest:
            strata[_stratum(p)].append(p)
        left = quota - len(picked)
        # largest-remainder proportional allocation over the strata
        shares = {k: left * len(v) / len(rest) for k, v in strata.items()}
        alloc = {k: int(s) for k, s in shares.items()}
        for k in sorted(shares, key=lambda k: shares[k] - alloc[k], reverse=True)[
            : left - sum(alloc.values())
        ]:
            alloc[k] += 1
        for k, v in strata.items():
            picked.update(p.id for p in v[: alloc[k]])
        chosen.extend((name, p.id) for p in pages if p.id in picked)
    return chosen


def _by_set(chosen: list[tuple[str, str]]) -> dict[str, set[str]]:
    wanted: dict[str, set[str]] = defaultdict(set)
    for name, pid in chosen:
        wanted[name].add(pid)
    return wanted


def write_fixture(data: Path, chosen: list[tuple[str, str]]) -> int:
    wanted = _by_set(chosen)
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with gzip.open(FIXTURE, "wt", encoding="utf-8", compresslevel=9) as fh:
        for name in QUOTAS:
            for p in load_set(data, name, ids=wanted[name]):
                assert p.raw is not None
                rec: dict[str, object] = {"set": name, "id": p.id}
                if isinstance(p.raw, bytes):
                    rec["raw_b64"] = base64.b64encode(p.raw).decode("ascii")
                else:
                    rec["html"] = p.raw
                for k in ("gold_text", "gold_title", "gold_comments", "gold_with", "gold_without"):
                    rec[k] = getattr(p, k)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def write_text_fixture(data: Path, chosen: list[tuple[str, str]]) -> int:
    """The w3m renders of the chosen pages (``{"set", "id", "text"}`` per line; the gold stays in
    the page fixture)."""
    from .textdump import renders

    wanted = _by_set(chosen)
    n = 0
    with gzip.open(TEXT_FIXTURE, "wt", encoding="utf-8", compresslevel=9) as fh:
        for name in QUOTAS:
            pages = list(load_set(data, name, ids=wanted[name]))
            texts = renders(TEXT_VARIANT, pages)
            for p in pages:
                rec = {"set": name, "id": p.id, "text": texts.get(p.id, "")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.make_gate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--choose", action="store_true", help="pick a new subset (rewrites the list)")
    ap.add_argument("--text", action="store_true", help="write only the w3m text-dump fixture")
    args = ap.parse_args(argv)
    if args.choose or not LIST.exists():
        chosen = choose(args.data)
        LIST.write_text(
            "# CI gate subset: set<TAB>id (chosen by python -m benchmarks.make_gate --choose)\n"
            + "".join(f"{s}\t{i}\n" for s, i in chosen),
            encoding="utf-8",
        )
        print(f"wrote {LIST}: {len(chosen)} pages")
    else:
        chosen = [
            (s, i)
            for line in LIST.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")
            for s, i in [line.split("\t")]
        ]
    if not args.text:
        n = write_fixture(args.data, chosen)
        print(f"wrote {FIXTURE}: {n} pages, {FIXTURE.stat().st_size / 1e6:.2f} MB")
    n = write_text_fixture(args.data, chosen)
    print(f"wrote {TEXT_FIXTURE}: {n} dumps, {TEXT_FIXTURE.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
