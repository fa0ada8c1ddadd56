"""Copy a few real pages of ../shared/data, with their gold, into fixtures/real/ for the tests.

One folder per page: ``page.html`` holds the original bytes (the raw file where the set has one, so
encoding detection is exercised) and ``gold.json`` the set's gold fields and provenance.

    python tools/make_real_fixtures.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.data import DEFAULT_DATA, load_set  # noqa: E402

PAGES: dict[str, tuple[str, ...]] = {
    "dragnet": ("102", "248"),
    "l3s-gn1": (
        "01f31bbb-9c7d-4703-af51-1ddc7f4b1e38",
        "057c5601-dd2a-455b-b736-e144c3bc4d4e",
        "0cb28c3b-4bc4-445e-ad3f-f16eb15d3956",
        "22a72ae6-d51b-4fb2-aa0f-73cc44371901",  # a deck: h2 under the h1
        "a0b5afad-9ff9-4e6a-9e4c-6a22df310559",  # a deck: h3 under an h5 headline
        "0bf24489-9777-4821-a156-7897a890a4cd",  # a photo caption (class "cap") by the headline
    ),
    "cleaneval-dev": ("2", "41"),
    "cleanportaleval": ("blogs.wsj.com_brussels_05", "tv.msnbc.com_news_11"),
    "mozilla-readability": ("heise", "lemonde-1", "gmw", "ars-1"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "fixtures" / "real")
    args = ap.parse_args()
    for name, ids in PAGES.items():
        for page in load_set(args.data, name, ids=set(ids)):
            folder = args.out / f"{name}__{page.id}"
            folder.mkdir(parents=True, exist_ok=True)
            raw = page.raw if isinstance(page.raw, bytes) else (page.html or "").encode("utf-8")
            (folder / "page.html").write_bytes(raw)
            rec = page.record
            gold = {
                "set": name,
                "id": page.id,
                "source": rec.get("source"),
                "url": page.url,
                "lang": page.lang,
                "html_encoding": rec.get("html_encoding"),
                "gold_text": page.gold_text,
                "gold_title": page.gold_title,
                "gold_comments": page.gold_comments,
            }
            (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
            print(folder.relative_to(ROOT))


if __name__ == "__main__":
    main()
