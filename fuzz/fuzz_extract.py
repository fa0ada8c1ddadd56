"""Coverage-guided fuzzing of ``boilerstrip.extract`` with atheris (libFuzzer for Python).

Every input is turned into a call of ``extract`` (as bytes, as str, wrapped in a page skeleton, with
a forced kind, a transport charset, a max_bytes, a timeout) and the result is checked against the
invariants of ``tests/invariants.py``. Any exception, a broken invariant, a run longer than
libFuzzer's ``-timeout`` or memory over ``-rss_limit_mb`` is a finding.

Run (see docs/robustness.md)::

    pip install -e '.[fuzz]'
    mkdir -p /tmp/fuzz-corpus
    python fuzz/fuzz_extract.py /tmp/fuzz-corpus fuzz/seeds -timeout=20 -rss_limit_mb=4096 \
        -max_len=65536 -max_total_time=1800
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

with atheris.instrument_imports():
    from invariants import check  # type: ignore[import-not-found]

    import boilerstrip

CHARSETS = (
    None,
    "utf-8",
    "windows-1252",
    "shift_jis",
    "utf-16",
    "utf-16be",
    "iso-2022-jp",
    "gb18030",
    "koi8-r",
    "bogus-charset",
    "",
)
SKELETON = (
    "<!DOCTYPE html><html><head><meta charset={cs}><title>{t}</title></head><body>"
    "<nav><a href=/>Home</a></nav><article><h1>{t}</h1>{body}</article>"
    "<footer>Copyright 2024</footer></body></html>"
)


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 5)
    charset = CHARSETS[fdp.ConsumeIntInRange(0, len(CHARSETS) - 1)]
    kind = ("auto", "html", "text")[fdp.ConsumeIntInRange(0, 2)]
    max_bytes = None if fdp.ConsumeBool() else fdp.ConsumeIntInRange(0, 1 << 16)
    timeout = None if fdp.ConsumeIntInRange(0, 7) else fdp.ConsumeFloatInRange(0.0, 0.05)
    raw: str | bytes
    if mode == 0:
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    elif mode == 1:
        raw = fdp.ConsumeUnicode(fdp.remaining_bytes())
    elif mode == 2:
        # A page skeleton around fuzzed markup, so the classifiers see real structure.
        title = fdp.ConsumeUnicodeNoSurrogates(40)
        cs = fdp.ConsumeUnicodeNoSurrogates(12)
        body = fdp.ConsumeUnicode(fdp.remaining_bytes())
        raw = SKELETON.format(cs=cs, t=title, body=body)
    elif mode == 3:
        title = fdp.ConsumeUnicodeNoSurrogates(40)
        body = fdp.ConsumeBytes(fdp.remaining_bytes())
        raw = SKELETON.format(cs="utf-8", t=title, body="").encode("utf-8") + body
    elif mode == 4:
        # Lines of a text dump.
        raw = "\n".join(
            fdp.ConsumeUnicodeNoSurrogates(80) for _ in range(fdp.ConsumeIntInRange(0, 60))
        )
    else:
        enc = ("utf-16-le", "utf-16-be", "utf-32", "cp1251", "shift_jis", "euc-kr")[
            fdp.ConsumeIntInRange(0, 5)
        ]
        raw = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes()).encode(enc, "replace")
    article = boilerstrip.extract(
        raw,
        kind=kind,
        charset=charset,
        max_bytes=max_bytes,
        timeout=timeout,  # type: ignore[arg-type]
    )
    if max_bytes is not None and len(raw) > max_bytes:
        assert article.truncated
        raw = raw[:max_bytes]
    check(article, raw)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
