"""The Ray Data and Spark examples of docs/corpora.md run for real on a small WARC and give the
CLI's texts. Each runs where its engine is installed (CI installs Ray Data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")

from corpus_helpers import corpus_warc

from boilerstrip.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture()
def warc_and_cli(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> tuple[Path, dict[str, dict]]:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 60)
    out = tmp_path / "cli.jsonl"
    assert main([str(warc), "-o", str(out), "-q", "--workers", "0"]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    return warc, {r["source"]: r for r in recs}


@pytest.fixture()
def examples_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    # The engines' worker processes import the example module by name, as they would from a
    # package installed on a cluster: put it (and boilerstrip) on their path.
    path = os.pathsep.join([str(EXAMPLES), str(ROOT), os.environ.get("PYTHONPATH", "")])
    monkeypatch.setenv("PYTHONPATH", path)
    monkeypatch.syspath_prepend(str(EXAMPLES))


def _run(engine: str, warc: Path, out: Path) -> list[dict]:
    """The example run in a child process (tests/engine_runner.py); its rows."""
    proc = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("engine_runner.py")), engine, str(warc),
         str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env=os.environ.copy(),
    )
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-3000:])
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def _check(rows: list[dict], cli: dict[str, dict]) -> None:
    assert len(rows) == len(cli) == 60
    for row in rows:
        rec = cli[row["source"]]
        assert row["status"] == "ok" and not row["error"]
        assert row["url"] == rec["url"] and row["date"] == rec["date"]
        assert row["text"] == rec["text"]
        assert row["title"] == (rec["title"] or "") or row["title"] == rec["title"]
        assert row["captions"] == rec["captions"]
        assert row["comments"] == [c["text"] for c in rec["comments"]]


def test_ray_data_example(
    warc_and_cli: tuple[Path, dict[str, dict]], examples_importable: None, tmp_path: Path
) -> None:
    pytest.importorskip("ray", reason="Ray is not installed")
    pytest.importorskip("pyarrow", reason="Ray Data is not installed (pip install 'ray[data]')")
    warc, cli = warc_and_cli
    _check(_run("ray", warc, tmp_path / "ray.jsonl"), cli)


def test_spark_example(
    warc_and_cli: tuple[Path, dict[str, dict]], examples_importable: None, tmp_path: Path
) -> None:
    pytest.importorskip("pyspark", reason="PySpark is not installed")
    import shutil

    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java")
    warc, cli = warc_and_cli
    _check(_run("spark", warc, tmp_path / "spark.jsonl"), cli)
