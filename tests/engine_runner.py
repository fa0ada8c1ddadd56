"""Run one engine example (Ray Data or Spark, from ``examples/``) over a WARC and write its rows
as JSON Lines: ``python tests/engine_runner.py ray|spark WARC OUT``.

tests/test_engines.py runs it in a child process, so that the engine's own threads and JVM stay out
of the test process (a crash at an engine's shutdown must not take the test run down with it). The
child leaves with ``os._exit`` once the rows are written and flushed: the engines' interpreter
teardown is not what is tested.
"""

from __future__ import annotations

import json
import os
import sys


def run_ray(warc: str) -> list[dict[str, object]]:
    import ray
    import ray_data

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        rows = ray_data.pipeline([warc]).take_all()
    finally:
        ray.shutdown()
    return [
        {
            "source": r["source"], "url": r["url"], "date": r["date"], "text": r["text"],
            "title": r["title"], "captions": list(r["captions"]),
            "comments": list(r["comments"]), "error": r["error"], "status": "ok",
        }
        for r in rows
    ]


def run_spark(warc: str) -> list[dict[str, object]]:
    import spark as spark_example
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.executorEnv.PYTHONPATH", os.environ.get("PYTHONPATH", ""))
        .getOrCreate()
    )
    try:
        rows = spark_example.pipeline(session, [warc]).collect()
    finally:
        session.stop()
    return [
        {
            "source": r.source, "url": r.url, "date": r.date, "text": r.text, "title": r.title,
            "captions": list(r.captions), "comments": list(r.comments),
            "error": r.error, "status": r.status,
        }
        for r in rows
    ]


def main() -> None:
    engine, warc, out = sys.argv[1:4]
    rows = run_ray(warc) if engine == "ray" else run_spark(warc)
    with open(out, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
        f.flush()
        os.fsync(f.fileno())
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
