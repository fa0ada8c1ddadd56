"""Run a shipped model on feature vectors, in plain Python.

Two model types are read from JSON (written by ``tools/train.py``):

* ``logistic``: ``sigmoid(bias + sum(w * x))``, the products added one at a time from 0.0 in
  feature order (``functools.reduce``: the same double on every Python; ``sum()`` compensates its
  rounding from 3.12 on). Where ``boilerstrip._speedups`` is built, ``linear_probabilities``
  scores the vectors the same way;
* ``trees``: a boosted ensemble of binary decision trees, ``sigmoid(base + sum(tree(x)))``. Each
  tree is a flat node list ``[feature, threshold, left, right, value]`` (a leaf has
  ``feature == -1``). For speed the ensemble is turned once into one Python function of nested
  comparisons (generated from the JSON, compiled on first use), so scoring a block costs a few
  comparisons per tree. Where the optional C helper ``boilerstrip._speedups`` is built, it walks
  the same trees instead (about 15 times faster): the same comparisons and the same additions in
  the same order, so the same margin to the last bit (tests/test_speedups.py checks it on real
  vectors).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache, reduce
from importlib import resources
from operator import add, itemgetter, mul
from typing import Any

from ..compiled import PURE_PYTHON_ENV, speedups

__all__ = [
    "PURE_PYTHON_ENV", "Model", "load", "load_stages", "sigmoid", "speedups", "stages",
    "tree_margin",
]

Vector = Sequence[float]


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)



class Model:
    """A loaded model: ``predict(vectors)`` gives one probability per vector."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.features: list[str] = list(spec["features"])
        self.kind: str = spec["type"]
        self.forest: Any = None
        """The compiled trees (``boilerstrip._speedups.Forest``) where they are used, else None."""
        if self.kind == "logistic":
            weights = [float(w) for w in spec["weights"]]
            bias = float(spec["bias"])
            used = tuple(i for i, w in enumerate(weights) if w != 0.0)
            ws = tuple(weights[i] for i in used)
            pick = _picker(used)

            def margin(x: Vector) -> float:
                # bias + the sum of w * x[i], added one at a time in feature order
                total: float = reduce(add, map(mul, ws, pick(x)), 0.0)
                return bias + total

            def predict(vectors: Sequence[Vector]) -> list[float]:
                # sigmoid(margin(x)) for each, without a call to margin in between (in C where the
                # helper is built: the same operations in the same order)
                mod = speedups()
                if mod is not None:
                    got: list[float] = mod.linear_probabilities(used, ws, bias, vectors)
                    return got
                return [sigmoid(bias + reduce(add, map(mul, ws, pick(x)), 0.0)) for x in vectors]

            self._margin: Callable[[Vector], float] = margin
            self._predict: Callable[[Sequence[Vector]], list[float]] = predict
        elif self.kind == "trees":
            forest = _compiled_forest()
            if forest is not None:
                self.forest = forest(float(spec["base"]), spec["trees"])
                self._margin = self.forest.margin
            else:
                self._margin = _compile_trees(float(spec["base"]), spec["trees"])
            self._predict = self._predict_margins
        else:
            raise ValueError(f"unknown model type {self.kind!r}")

    def margin(self, x: Vector) -> float:
        return self._margin(x)

    def margin_function(self) -> Callable[[Vector], float]:
        """:meth:`margin` itself, to call without a method call in between (per block)."""
        return self._margin

    def predict(self, vectors: Sequence[Vector]) -> list[float]:
        return self._predict(vectors)

    def _predict_margins(self, vectors: Sequence[Vector]) -> list[float]:
        m = self._margin
        return [sigmoid(m(x)) for x in vectors]

    def probability(self, x: Vector) -> float:
        """``predict([x])[0]``."""
        return sigmoid(self._margin(x))


def _picker(indices: tuple[int, ...]) -> Callable[[Vector], Sequence[float]]:
    """``x -> tuple(x[i] for i in indices)``, in one call where it can be (``itemgetter`` gives a
    bare item, not a tuple, for one index)."""
    if len(indices) > 1:
        return itemgetter(*indices)
    return lambda x: tuple(x[i] for i in indices)


def _compiled_forest() -> Any:
    """``boilerstrip._speedups.Forest`` where it was built (it is optional: see ``setup.py``)."""
    mod = speedups()
    return None if mod is None else mod.Forest


def _tree_source(nodes: list[list[float]], node: int, indent: str, out: list[str]) -> None:
    feature, threshold, left, right, value = nodes[node]
    if feature < 0:
        out.append(f"{indent}s += {float(value)!r}")
        return
    out.append(f"{indent}if x{int(feature)} <= {float(threshold)!r}:")
    _tree_source(nodes, int(left), indent + " ", out)
    out.append(f"{indent}else:")
    _tree_source(nodes, int(right), indent + " ", out)


def _compile_trees(base: float, trees: list[list[list[float]]]) -> Callable[[Vector], float]:
    """One function for the ensemble: the vector unpacked into local variables once (a local is read
    three times faster than ``x[i]``), then every tree as nested comparisons, its leaf added to the
    sum in the trees' order (so the sum, and the probability, are the same as node by node)."""
    used = [int(n[0]) for nodes in trees for n in nodes if n[0] >= 0]
    width = max(used, default=-1) + 1
    lines = ["def margin(x):"]
    if width:
        lines.append(" " + ", ".join(f"x{i}" for i in range(width)) + ", *_ = x")
    lines.append(f" s = {base!r}")
    for nodes in trees:
        _tree_source(nodes, 0, " ", lines)
    lines.append(" return s")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<boilerstrip-trees>", "exec"), namespace)
    fn: Callable[[Vector], float] = namespace["margin"]
    return fn


def tree_margin(base: float, trees: list[list[list[float]]], x: Vector) -> float:
    """The ensemble's margin for ``x``, node by node (the reference the compiled forms must
    equal)."""
    s = base
    for nodes in trees:
        node = 0
        while True:
            feature, threshold, left, right, value = nodes[node]
            if feature < 0:
                s += value
                break
            node = int(left) if x[int(feature)] <= threshold else int(right)
    return s


def stages(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The stages of a model file's ``spec``: a :class:`Model` per model, and a
    :class:`~boilerstrip.classify.lexicon.Lexicon` for an entry of type ``lexicon`` (the word
    weights the models' lexicon features were computed with)."""
    from .lexicon import Lexicon

    return {
        stage: Lexicon(s) if s.get("type") == "lexicon" else Model(s) for stage, s in spec.items()
    }


@lru_cache(maxsize=8)
def load_stages(name: str) -> dict[str, Any]:
    """The stages of ``boilerstrip/data/<name>.json`` (:func:`stages`)."""
    raw = resources.files("boilerstrip").joinpath(f"data/{name}.json").read_text("utf-8")
    return stages(json.loads(raw))


def load(name: str) -> dict[str, Model]:
    """The models of ``boilerstrip/data/<name>.json`` (a dict of stage name -> model)."""
    return {k: m for k, m in load_stages(name).items() if isinstance(m, Model)}
