"""Build of the optional compiled helpers (``boilerstrip._speedups``).

Everything else is in ``pyproject.toml``. The extension is optional: where it cannot be built (no C
compiler, no Python headers) the install goes on without it, and boilerstrip runs the same code in
plain Python (``BOILERSTRIP_PURE_PYTHON=1`` forces that even where it is built).
"""

import os

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "boilerstrip._speedups",
            ["boilerstrip/_speedups.c", "boilerstrip/_speedups_walk.c"],
            optional=True,
            # No fused multiply-adds: the compiled numbers must be the plain-Python ones, bit for bit.
            extra_compile_args=[] if os.name == "nt" else ["-ffp-contract=off"],
        )
    ]
)
