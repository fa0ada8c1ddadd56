"""The benchmark worker pool: a hang, a crash or an exception costs one page, never the run."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from benchmarks import runner, systems
from benchmarks.systems import Output, PageInput


def _fake(page: PageInput) -> Output:
    raw = str(page.raw)
    if raw == "hang":
        time.sleep(60)
    if raw == "crash":
        os._exit(3)  # a segfault in C code looks like this to the parent
    if raw == "raise":
        raise RuntimeError("bad page")
    return Output(text=raw.upper())


@pytest.fixture
def fake_system(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setitem(systems.RUNNERS, "fake", _fake)
    return "fake"


def test_pool_survives_hangs_and_crashes(fake_system: str) -> None:
    pages = ["a", "hang", "b", "crash", "raise", "c", "d"]
    tasks = [runner.Task(f"s/{i}", PageInput(raw=p, html=None)) for i, p in enumerate(pages)]
    t0 = time.monotonic()
    out = runner.run_pool(fake_system, tasks, workers=2, timeout=1.5)
    assert time.monotonic() - t0 < 20
    assert set(out) == {t.key for t in tasks}  # no page dropped
    assert [out[f"s/{i}"].text for i in (0, 2, 5, 6)] == ["A", "B", "C", "D"]
    hang, crash, exc = out["s/1"], out["s/3"], out["s/4"]
    assert hang.text == "" and hang.error is not None and hang.error.startswith("timeout")
    assert crash.text == "" and crash.error == "worker crashed"
    assert exc.text == "" and exc.error is not None and "bad page" in exc.error


def test_output_round_trip() -> None:
    o = Output(text="t", title="T", comments=["c"], blocks=[("article", "t", "lines 1-1")])
    assert Output.from_dict(o.to_dict()) == o


def test_a_missing_data_folder_is_named_not_crashed_on(tmp_path: Path) -> None:
    from benchmarks.data import require_data

    with pytest.raises(SystemExit, match="is not a directory"):
        require_data(Path(tmp_path) / "nowhere", ["dragnet"])
    (Path(tmp_path) / "dragnet.tar.gz").write_bytes(b"")
    require_data(Path(tmp_path), ["dragnet"])
    with pytest.raises(SystemExit, match=r"has no l3s-gn1\.tar\.gz"):
        require_data(Path(tmp_path), ["dragnet", "l3s-gn1"])
