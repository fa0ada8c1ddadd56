"""Where the optional compiled helpers are: ``boilerstrip._speedups`` (built by ``setup.py`` where a
C compiler is at hand). Every helper has a plain-Python form that gives the same results to the bit
and is the reference; ``BOILERSTRIP_PURE_PYTHON=1`` makes boilerstrip use those even where the
helpers are built.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, Final

PURE_PYTHON_ENV: Final = "BOILERSTRIP_PURE_PYTHON"
"""Set to ``1`` to run the plain-Python forms even where the compiled helpers are built."""
API: Final = 26
"""The version of ``_speedups.c`` this code calls (its ``API`` constant): a stale build (an older
source built in place) is left unused rather than called with what it does not have."""


_found: list[Any] = []
"""The module once imported: ``[module]``, or ``[None]`` where it is not built."""


def speedups() -> Any:
    """The module ``boilerstrip._speedups`` where it was built (from this source: its ``API``) and
    not turned off by :data:`PURE_PYTHON_ENV`, else None. The variable is read at every call, so
    it can be set at any time; the import is tried once."""
    if os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0"):
        return None
    if not _found:
        try:
            from . import _speedups  # type: ignore[attr-defined,unused-ignore]
        except ImportError:
            _found.append(None)
        else:
            _found.append(_speedups)
    mod = _found[0]
    if getattr(mod, "API", None) != API:
        return None
    return mod


def native_doubles(raw: bytes) -> Sequence[float]:
    """The native doubles a helper returned as bytes, as a sequence of floats read in place (a
    copy into an array would hold a huge page's numbers twice for a moment)."""
    got: Sequence[float] = memoryview(raw).cast("d")
    return got


__all__ = ["API", "PURE_PYTHON_ENV", "native_doubles", "speedups"]
