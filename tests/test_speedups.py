"""The optional compiled tree walker gives the same margins as the plain-Python trees, to the bit."""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import classify
from boilerstrip.classify import learned, model
from boilerstrip.pipeline import prepare

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

Forest = model._compiled_forest()
pytestmark = pytest.mark.skipif(Forest is None, reason="boilerstrip._speedups is not built here")


def _spec(name: str) -> dict[str, Any]:
    raw = resources.files("boilerstrip").joinpath(f"data/{name}.json").read_text("utf-8")
    spec: dict[str, Any] = json.loads(raw)
    return spec


def _page_vectors() -> list[tuple[str, list[list[float]]]]:
    out = []
    pipe = classify.PIPELINE
    before = pipe[: next(i for i, s in enumerate(pipe) if isinstance(s, learned.LearnedArticle))]
    pages = sorted((FIXTURES / "real").glob("*/page.*")) + sorted((FIXTURES / "pages").glob("*/source.*"))
    for page in pages:
        doc, _ = prepare(page.read_bytes())
        if doc.segments:
            classify.run(doc, before)
            out.append((doc.kind, learned.vectors(doc)))
    return out


@pytest.mark.parametrize("name", ["model_html", "model_text"])
def test_compiled_forest_matches_python_bit_for_bit(name: str) -> None:
    vectors = [v for kind, vs in _page_vectors() if f"model_{kind}" == name for v in vs]
    assert vectors, "no fixture page of this kind"
    for stage, spec in _spec(name).items():
        if spec["type"] != "trees":
            continue
        python = model._compile_trees(float(spec["base"]), spec["trees"])
        compiled = Forest(float(spec["base"]), spec["trees"]).margin
        for v in vectors:
            assert compiled(v) == python(v), stage


def test_edge_values() -> None:
    # One stump on feature 0: NaN and infinities take the same branch in both walkers.
    trees = [[[0, 0.5, 1, 2, 0.0], [-1, 0, 0, 0, -1.25], [-1, 0, 0, 0, 2.5]]]
    python = model._compile_trees(0.1, trees)
    compiled = Forest(0.1, trees).margin
    for x in (0.5, 0.4999999999, 0.5000000001, -math.inf, math.inf, math.nan, 0.0):
        assert compiled([x]) == python([x])
