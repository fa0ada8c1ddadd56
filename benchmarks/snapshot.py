"""Output snapshot: check that a change (an optimisation) leaves every output of ``extract()`` as it was.

    python -m benchmarks.snapshot --write     # record the current outputs (commit the .json file)
    python -m benchmarks.snapshot             # compare with the record; exit 1 on any difference
    python -m benchmarks.snapshot --source gate          # only the CI gate pages (in the repo)
    python -m benchmarks.snapshot --diff 5               # print the first 5 differing pages in full

Pages (fixed, in SHA-1 order of their ids):

* ``gate``: the 193 pages of ``fixtures/gate/pages.jsonl.gz`` (original bytes), in the repository;
* ``dev``: :data:`PER_SET` pages of every HTML dev set (original bytes where the set has them), their
  ``w3m`` and ``lynx`` text renders (``kind="text"``), and :data:`PER_SET` pages of
  turku-line-quality (needs ``../shared/data``; renders are cached, see :mod:`benchmarks.textdump`).

Per page it records everything ``extract()`` returns: title, text, captions, comments (text, author,
date), navigation, footer, and every block (label, score rounded to 1e-9, source, text, is_title,
comment index), kind, encoding, truncated; and, separately, a hash of the feature vectors the learned
model is given (``learned.vectors`` computed where the pipeline runs the model: the vectors must stay
bit-identical, so that every tree takes the same branch). The repository keeps one SHA-256 per page
and input in ``benchmarks/snapshot.json``; the full records of the last ``--write`` go to the bench
cache (``snapshot.jsonl.gz``), so that ``--diff`` can show what changed.

A difference is not always a bug: a change meant to alter the outputs (a retrained model, a new rule)
changes the record, and the snapshot is then written again in the same commit.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import json
import struct
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RECORD = REPO / "benchmarks" / "snapshot.json"
PER_SET = 50
SOURCES = ("gate", "dev")


def _cases(source: str, data: Path, per_set: int) -> Iterator[tuple[str, str | bytes, str]]:
    """``(key, input, kind)`` for every case of ``source``."""
    if source == "gate":
        from .gate import load_fixture

        for rec in load_fixture():
            raw: str | bytes = (
                base64.b64decode(rec["raw_b64"]) if "raw_b64" in rec else rec["html"]
            )
            yield f"gate/{rec['set']}/{rec['id']}", raw, "auto"
        return
    from .data import HTML_SETS, load_set
    from .speed import _ids, _sample
    from .textdump import renders

    for name in (*HTML_SETS, "turku-line-quality"):
        keep = _sample(_ids(data, name), per_set)
        pages = sorted(load_set(data, name, ids=keep), key=lambda p: p.id)
        if name == "turku-line-quality":
            for p in pages:
                yield f"text/{name}/{p.id}", p.text or "", "text"
            continue
        for p in pages:
            if p.raw is not None:
                yield f"html/{name}/{p.id}", p.raw, "auto"
        for variant in ("w3m", "lynx"):
            got = renders(variant, pages)
            for p in pages:
                if p.id in got:
                    yield f"{variant}/{name}/{p.id}", got[p.id], "text"


def _vector_hash(vectors: list[list[float]]) -> str:
    h = hashlib.sha256()
    for v in vectors:
        h.update(struct.pack(f"<{len(v)}d", *v))
        h.update(b"|")
    return h.hexdigest()


def record(raw: str | bytes, kind: str) -> dict[str, Any]:
    """Everything ``extract()`` gives for one input, and the hash of the learned model's vectors."""
    from boilerstrip import classify
    from boilerstrip.assemble import assemble
    from boilerstrip.classify import learned
    from boilerstrip.pipeline import prepare

    seen: list[str] = []

    class _Hook:
        name = "snapshot-hook"

        def __call__(self, doc: Any) -> None:
            if doc.segments and learned.LearnedArticle().available(doc.kind):
                seen.append(_vector_hash(learned.vectors(doc)))

    pipe = classify.PIPELINE
    at = next(i for i, step in enumerate(pipe) if isinstance(step, learned.LearnedArticle))
    doc, encoding = prepare(raw, kind=kind)  # type: ignore[arg-type]
    classify.run(doc, (*pipe[:at], _Hook(), *pipe[at:]))
    art = assemble(doc, encoding=encoding, url=None)
    return {
        "title": art.title,
        "text": art.text,
        "captions": art.captions,
        "comments": [[c.text, c.author, c.date] for c in art.comments],
        "navigation": art.navigation,
        "footer": art.footer,
        "kind": art.kind,
        "encoding": art.encoding,
        "truncated": art.truncated,
        "blocks": [
            [b.label.value, round(b.score, 9), b.source, b.text, b.is_title, b.comment]
            for b in art.blocks
        ],
        "vectors": seen[0] if seen else None,
    }


def _digest(rec: dict[str, Any]) -> str:
    blob = json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _full_path() -> Path:
    from .data import work_cache

    return work_cache() / "snapshot.jsonl.gz"


def _check_public_api(raw: str | bytes, kind: str, rec: dict[str, Any]) -> bool:
    """``extract()`` itself gives what the staged run recorded (the hook changes nothing)."""
    import boilerstrip

    art = boilerstrip.extract(raw, kind=kind)  # type: ignore[arg-type]
    blocks = [
        [b.label.value, round(b.score, 9), b.source, b.text, b.is_title, b.comment]
        for b in art.blocks
    ]
    return blocks == rec["blocks"] and art.title == rec["title"] and art.text == rec["text"]


def main(argv: Sequence[str] | None = None) -> int:
    from .data import DEFAULT_DATA

    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.snapshot",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--write", action="store_true", help="record the current outputs")
    ap.add_argument("--source", nargs="+", choices=SOURCES, default=list(SOURCES))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--per-set", type=int, default=PER_SET)
    ap.add_argument("--record", type=Path, default=RECORD)
    ap.add_argument("--diff", type=int, default=3, help="differing pages to show in full")
    args = ap.parse_args(argv)

    t0 = time.monotonic()
    digests: dict[str, str] = {}
    full: dict[str, dict[str, Any]] = {}
    api_checked = 0
    for source in args.source:
        for n, (key, raw, kind) in enumerate(_cases(source, args.data, args.per_set)):
            rec = record(raw, kind)
            if n % 10 == 0:  # extract() itself, on a tenth of the pages
                if not _check_public_api(raw, kind, rec):
                    print(f"{key}: extract() differs from the staged run", file=sys.stderr)
                    return 2
                api_checked += 1
            digests[key] = _digest(rec)
            full[key] = rec
    took = time.monotonic() - t0
    if args.write:
        old: dict[str, str] = {}
        if args.record.exists():
            old = json.loads(args.record.read_text(encoding="utf-8"))["pages"]
        old = {k: v for k, v in old.items() if k.split("/", 1)[0] not in _prefixes(args.source)}
        merged = dict(sorted({**old, **digests}.items()))
        args.record.write_text(
            json.dumps({"per_set": args.per_set, "pages": merged}, indent=0) + "\n",
            encoding="utf-8",
        )
        path = _full_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            for key, rec in full.items():
                fh.write(json.dumps({"key": key, **rec}, ensure_ascii=False) + "\n")
        print(f"wrote {len(digests)} records to {args.record} and {path} ({took:.0f} s)")
        return 0
    want: dict[str, str] = json.loads(args.record.read_text(encoding="utf-8"))["pages"]
    prefixes = _prefixes(args.source)
    want = {k: v for k, v in want.items() if k.split("/", 1)[0] in prefixes}
    missing = sorted(set(want) - set(digests))
    extra = sorted(set(digests) - set(want))
    changed = sorted(k for k in want.keys() & digests.keys() if want[k] != digests[k])
    print(
        f"{len(digests)} inputs ({api_checked} also through extract()), {len(changed)} changed, "
        f"{len(missing)} missing, {len(extra)} new ({took:.0f} s)"
    )
    if changed:
        old_full: dict[str, dict[str, Any]] = {}
        path = _full_path()
        if path.exists():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    r = json.loads(line)
                    if r["key"] in changed[: args.diff]:
                        old_full[r.pop("key")] = r
        for key in changed[: args.diff]:
            print(f"--- {key}")
            _show_diff(old_full.get(key), full[key])
        if len(changed) > args.diff:
            print(f"... and {len(changed) - args.diff} more: " + " ".join(changed[args.diff :][:20]))
    return 1 if changed or missing else 0


def _prefixes(sources: Sequence[str]) -> set[str]:
    out: set[str] = set()
    for s in sources:
        out |= {"gate"} if s == "gate" else {"html", "w3m", "lynx", "text"}
    return out


def _show_diff(old: dict[str, Any] | None, new: dict[str, Any]) -> None:
    if old is None:
        print("  (no full record of the old run in the cache)")
        return
    for field in sorted(new):
        if field == "blocks":
            continue
        if old.get(field) != new[field]:
            print(f"  {field}: {str(old.get(field))[:200]!r} -> {str(new[field])[:200]!r}")
    ob, nb = old["blocks"], new["blocks"]
    if len(ob) != len(nb):
        print(f"  blocks: {len(ob)} -> {len(nb)}")
    shown = 0
    for i, (a, b) in enumerate(zip(ob, nb)):
        if a != b and shown < 5:
            print(f"  block {i}: {str(a)[:240]}\n        -> {str(b)[:240]}")
            shown += 1


if __name__ == "__main__":
    raise SystemExit(main())
