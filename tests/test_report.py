"""The benchmark report puts the held-out figures beside the in-sample ones."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks import report


def _html(f1: float) -> dict[str, float]:
    return {"f1": f1, "p": f1, "r": f1, "pages": 2}


def test_overview_has_a_held_out_row_under_boilerstrip() -> None:
    res = {"html": {"boilerstrip": {"dragnet": _html(0.94)},
                    "readability": {"dragnet": _html(0.92)}}}
    plain = "\n".join(report.html_tables(res))
    assert "held out" not in plain
    text = "\n".join(report.html_tables(res, {"dragnet": 0.916}))
    rows = [line for line in text.splitlines() if line.startswith("|")]
    names = [r.split("|")[1].strip() for r in rows]
    at = names.index("**boilerstrip**")
    assert names[at + 1] == "boilerstrip, held out (CV by site)"
    assert "0.916" in rows[at + 1] and "0.940" in rows[at]
    assert "in-sample" in text


def test_cv_table_shows_seed_mean_and_whole_pipeline(tmp_path: Path) -> None:
    (tmp_path / "cv_html.json").write_text(json.dumps({
        "command": "python tools/train.py --kind html --cv-seeds 3 --pipeline-cv",
        "date": "2026-11-29",
        "cv_by_site": {"dragnet": 0.92},
        "cv_by_site_seeds": {"0": {"dragnet": 0.92}, "1": {"dragnet": 0.91},
                             "2": {"dragnet": 0.93}},
        "cv_by_site_seed_mean": {"dragnet": 0.92},
        "cv_pipeline": {"dragnet": 0.916, "dragnet comments": 0.886},
        "full_fit": {"dragnet": 0.948},
    }))
    text = "\n".join(report.cv_table(tmp_path))
    assert "mean of 3 seeds" in text and "whole pipeline" in text
    row = next(line for line in text.splitlines() if line.startswith("| dragnet"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == ["dragnet", "0.920", "0.920", "0.916", "0.948"]
    assert "dragnet comment F1 0.886" in text  # held-out comment F1


def test_cv_table_states_held_out_comment_figures(tmp_path: Path) -> None:
    # the seeds' mean where recorded: comment F1, the comment-free pages' shares (all of them,
    # and those that show no reader comment), each named once and in words
    (tmp_path / "cv_html.json").write_text(json.dumps({
        "command": "python tools/train.py --kind html --cv-seeds 3 --pipeline-cv",
        "date": "2026-12-02",
        "cv_by_site": {"dragnet": 0.92},
        "cv_pipeline": {"dragnet": 0.916, "dragnet comments": 0.9},
        "cv_pipeline_seed_mean": {
            "dragnet": 0.917, "dragnet comments": 0.9044, "dragnet clean": 0.9503,
            "dragnet comments, reader pages": 0.9044,
            "dragnet clean, pages without reader comments": 0.9927,
        },
        "cv_pipeline_seeds": {"0": {}, "1": {}, "2": {}},
        "cv_by_site_seeds": {"0": {"dragnet": 0.92}, "1": {"dragnet": 0.91},
                             "2": {"dragnet": 0.93}},
        "full_fit": {"dragnet": 0.948},
    }))
    text = "\n".join(report.cv_table(tmp_path))
    assert "Held-out comments (mean of 3 seeds): dragnet comment F1 0.904, no comment returned on" \
        " 95.0 % of its comment-free pages (99.3 % of those that show no reader comment" in text
    assert "clean, pages without reader" not in text


def test_cv_table_without_the_new_fields_keeps_its_columns(tmp_path: Path) -> None:
    (tmp_path / "cv_text.json").write_text(json.dumps({
        "command": "python tools/train.py --kind text", "date": "2026-11-29",
        "cv_by_site": {"dragnet/w3m": 0.86}, "full_fit": {"dragnet/w3m": 0.88},
    }))
    text = "\n".join(report.cv_table(tmp_path))
    row = next(line for line in text.splitlines() if line.startswith("| dragnet/w3m"))
    assert [c.strip() for c in row.strip("|").split("|")] == ["dragnet/w3m", "0.860", "0.880"]


def test_held_out_seed_mean_of_the_whole_pipeline(tmp_path: Path) -> None:
    res = {"html": {"boilerstrip": {"dragnet": _html(0.94)}}}
    text = "\n".join(report.html_tables(res, {"dragnet": 0.916}, (3, {"dragnet": 0.921})))
    rows = [line for line in text.splitlines() if line.startswith("|")]
    names = [r.split("|")[1].strip() for r in rows]
    at = names.index("boilerstrip, held out (CV by site)")
    assert names[at + 1] == "boilerstrip, held out, mean of 3 training seeds"
    assert "0.921" in rows[at + 1] and "steadier" in text
    (tmp_path / "cv_html.json").write_text(json.dumps({
        "command": "python tools/train.py --kind html --cv-seeds 2 --pipeline-cv",
        "date": "2026-11-30",
        "cv_by_site": {"dragnet": 0.92},
        "cv_by_site_seeds": {"0": {"dragnet": 0.92}, "1": {"dragnet": 0.93}},
        "cv_by_site_seed_mean": {"dragnet": 0.925},
        "cv_pipeline": {"dragnet": 0.916},
        "cv_pipeline_seeds": {"0": {"dragnet": 0.916}, "1": {"dragnet": 0.926}},
        "cv_pipeline_seed_mean": {"dragnet": 0.921},
        "full_fit": {"dragnet": 0.948},
    }))
    text = "\n".join(report.cv_table(tmp_path))
    assert "whole pipeline, mean of 2 seeds" in text
    row = next(line for line in text.splitlines() if line.startswith("| dragnet"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == ["dragnet", "0.920", "0.925", "0.916", "0.921", "0.948"]


def test_conventions_table_bolds_the_best_variant_and_names_the_best_peer() -> None:
    def f(x: float) -> dict[str, float]:
        return {"f1": x, "p": x, "r": x}

    res = {
        "html": {
            "boilerstrip": {"dragnet": {"f1": 0.95}},
            "readability": {"dragnet": {"f1": 0.92}},
            "keep-all": {"dragnet": {"f1": 0.99}},
        },
        "conventions": {
            "dragnet": {"text": f(0.95), "text + captions": f(0.94), "headline + text": f(0.96)}
        },
    }
    lines = "\n".join(report.conventions_table(res)).splitlines()
    rows = {ln.split("|")[1].strip(): ln.split("|")[2].strip() for ln in lines if ln.startswith("| ")}
    assert rows["boilerstrip, headline + text"] == "**0.960 (0.960 / 0.960)**"
    assert rows["boilerstrip, text"] == "0.950 (0.950 / 0.950)"
    assert rows["best peer"] == "0.920 (readability-lxml)"  # (not the keep-all baseline)
    assert "ahead of the set's best peer on 1 of the 1 sets" in lines[-1]
    held = report.conventions_table(res, {"dragnet": {"text": 0.93, "headline + text": 0.945}})
    held_lines = "\n".join(held).splitlines()
    rows = {ln.split("|")[1].strip(): ln.split("|")[2].strip() for ln in held_lines if ln.startswith("| ")}
    assert rows["held out, headline + text"] == "0.945" and rows["held out, text + captions"] == "–"
    assert report.conventions_table({"html": {}}) == []
