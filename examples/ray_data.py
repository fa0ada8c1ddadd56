"""Extract the HTML pages of WARC files with Ray Data: ``flat_map`` reads the records,
``map_batches`` extracts them, ``write_json`` writes one JSON object per page.

    python examples/ray_data.py OUT_DIR crawl/*.warc.gz

On a cluster, start Ray there and point the script at paths every node can read (FastWARC opens
``s3://`` and other fsspec URLs when fsspec is installed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import numpy as np
import ray

from boilerstrip.integrations import extract_records
from boilerstrip.warc import iter_records


def warc_pages(row: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """One row per HTML response of the WARC file named by ``row["path"]``."""
    for r in iter_records(row["path"]):
        yield {
            "source": f"{row['path']}@{r.offset}",
            "url": r.url,
            "date": r.date,
            "charset": r.charset or "",
            "html": r.payload,
        }


def extract_batch(batch: dict[str, np.ndarray]) -> dict[str, Any]:
    """Extract a batch of pages; the HTML column is replaced by the article's fields."""
    records = list(
        extract_records(
            batch["html"],
            urls=batch["url"],
            charsets=[c or None for c in batch["charset"]],
        )
    )
    return {
        "source": batch["source"],
        "url": batch["url"],
        "date": batch["date"],
        "title": [r["title"] or "" for r in records],
        "text": [r["text"] for r in records],
        "captions": [r["captions"] for r in records],
        "comments": [[c["text"] for c in r["comments"]] for r in records],
        "error": [r["error"] or "" for r in records],
    }


def pipeline(paths: list[str]) -> ray.data.Dataset:
    return (
        ray.data.from_items([{"path": p} for p in paths])
        .flat_map(warc_pages)
        .map_batches(extract_batch, batch_size=64)
    )


if __name__ == "__main__":
    out, *warcs = sys.argv[1:]
    ray.init()
    pipeline(warcs).write_json(out)
