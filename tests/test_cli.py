"""The command line: one page (the foundation's behaviour) and whole corpora (JSON Lines)."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import corpus_warc, news_page, write_warc

import boilerstrip
from boilerstrip.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "pages" / "bbc-syria-lavrov-text" / "source.txt"
HAVE_WARC = True
try:
    import fastwarc  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    HAVE_WARC = False
needs_warc = pytest.mark.skipif(not HAVE_WARC, reason="the warc extra (FastWARC) is not installed")


def cli(
    *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
        check=False,
    )


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------------------------------
# One page


def test_one_page_prints_title_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED)]) == 0
    out = capsys.readouterr().out
    article = boilerstrip.extract(SEED.read_bytes())
    assert article.title and out == f"{article.title}\n\n{article.text}\n"


def test_one_page_formats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "text" and data["blocks"]
    assert main([str(SEED), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Syria crisis")
    assert main([str(SEED), "--format", "blocks"]) == 0
    assert "footer" in capsys.readouterr().out


def test_captions_in_text(pages_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = boilerstrip.extract(SEED.read_bytes())
    assert article.captions  # the seed's photo caption
    assert main([str(SEED), "--captions-in-text"]) == 0
    out = capsys.readouterr().out
    assert out == article.text_with(title=True, captions=True) + "\n"
    assert article.captions[0] in out and article.captions[0] not in article.text
    # JSON Lines: the text field holds them, and they stay listed
    files = [str(pages_dir / "notes.txt"), str(pages_dir / "index.html")]
    assert main([*files, "--captions-in-text", "--workers", "0", "-q"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert recs[0]["text"] == article.text_with(captions=True)
    assert recs[0]["captions"] == article.captions
    # the other one-page formats carry the captions apart already
    assert main([str(SEED), "--captions-in-text", "--format", "json"]) == 2
    assert "--captions-in-text" in capsys.readouterr().err


def test_one_page_missing_file_is_one_line_and_status_2() -> None:
    res = cli("no/such/page.html")
    assert res.returncode == 2
    assert res.stdout == b""
    assert (
        res.stderr.decode().strip()
        == "boilerstrip: cannot read no/such/page.html: No such file or directory"
    )
    assert len(res.stderr.decode().strip().splitlines()) == 1


def test_one_page_from_stdin_and_python_m() -> None:
    res = cli(stdin=SEED.read_bytes())
    assert res.returncode == 0
    assert res.stdout.decode().startswith(
        "Syria crisis: Russia won't pressure Assad, says Lavrov\n\n"
    )
    res = cli("-", "--kind", "text", stdin=SEED.read_bytes())
    assert res.returncode == 0 and res.stdout.decode().startswith("Syria crisis")
    assert cli("--version").stdout.decode().startswith("boilerstrip ")


# --------------------------------------------------------------------------------------------------
# Many pages: files, directories, globs


@pytest.fixture()
def pages_dir(tmp_path: Path) -> Path:
    d = tmp_path / "site"
    (d / "2013" / "03").mkdir(parents=True)
    (d / ".git").mkdir()
    for i in range(5):
        (d / "2013" / "03" / f"story-{i}.html").write_text(news_page(i), encoding="utf-8")
    (d / "index.html").write_text(news_page(99), encoding="utf-8")
    (d / "notes.txt").write_bytes(SEED.read_bytes())
    (d / ".hidden.html").write_text(news_page(7), encoding="utf-8")
    (d / ".git" / "x.html").write_text(news_page(8), encoding="utf-8")
    return d


def test_directory_recursive_sorted_hidden_skipped(pages_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main([str(pages_dir), "-o", str(out), "-q", "--workers", "2"]) == 0
    recs = lines(out)
    names = [os.path.relpath(r["source"], pages_dir) for r in recs]
    assert names == [
        "index.html",
        "notes.txt",
        *[os.path.join("2013", "03", f"story-{i}.html") for i in range(5)],
    ]
    for r in recs:
        assert set(r) == {"source", "url", "status", "title", "subtitle", "text", "comments", "captions"}
        assert r["status"] == "ok" and r["url"] is None
    seed = boilerstrip.extract(SEED.read_bytes())
    assert recs[1]["title"] == seed.title and recs[1]["text"] == seed.text
    assert recs[1]["comments"] == [c.to_dict() for c in seed.comments]
    assert recs[1]["captions"] == seed.captions
    story0 = boilerstrip.extract(news_page(0).encode())
    assert recs[2]["text"] == story0.text and recs[2]["text"]


def test_output_inside_the_input_folder_is_not_read(pages_dir: Path) -> None:
    out = pages_dir / "out.jsonl"
    for _ in range(2):  # the second run finds out.jsonl already there
        assert main([str(pages_dir), "-o", str(out), "-q", "--workers", "0"]) == 0
        assert [Path(r["source"]).name for r in lines(out)] == [
            "index.html",
            "notes.txt",
            *[f"story-{i}.html" for i in range(5)],
        ]


def test_glob_option_and_glob_pattern(
    pages_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(pages_dir), "--glob", "story-*.html", "-q"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]).name for r in recs] == [f"story-{i}.html" for i in range(5)]
    assert main([str(pages_dir / "**" / "story-[13].html"), "-q"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]).name for r in recs] == ["story-1.html", "story-3.html"]


def test_many_files_in_given_order_with_labels(
    pages_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(pages_dir / "notes.txt"), str(pages_dir / "index.html")]
    assert main([*files, "--labels", "--workers", "0"]) == 0
    captured = capsys.readouterr()
    recs = [json.loads(x) for x in captured.out.splitlines()]
    assert [r["source"] for r in recs] == files
    blocks = boilerstrip.extract(SEED.read_bytes()).blocks
    assert recs[0]["labels"] == [b.to_dict() for b in blocks]
    assert "2 pages in" in captured.err and "2 ok, 0 failed" in captured.err


def test_files_from(pages_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text(f"{pages_dir / 'index.html'}\n\n{pages_dir / 'notes.txt'}\n")
    assert main(["--files-from", str(listing), "-q"]) == 0
    recs = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]).name for r in recs] == ["index.html", "notes.txt"]


def test_single_page_formats_refused_for_many(
    pages_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(pages_dir), "--format", "text"]) == 2
    err = capsys.readouterr().err
    assert "--format text is for one page" in err and len(err.strip().splitlines()) == 1


def test_missing_input_among_many(pages_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(pages_dir), "nope.html"]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "boilerstrip: cannot read nope.html: No such file or directory"
    )


def test_resume_needs_an_output_file(pages_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(pages_dir), "--resume"]) == 2
    assert "--resume needs --output" in capsys.readouterr().err


def test_unreadable_page_is_a_failure_record(pages_dir: Path, tmp_path: Path) -> None:
    (pages_dir / "broken-link.html").symlink_to(pages_dir / "gone.html")
    out = tmp_path / "out.jsonl"
    assert main([str(pages_dir), "-o", str(out), "--workers", "2"]) == 0
    recs = {Path(r["source"]).name: r for r in lines(out)}
    bad = recs["broken-link.html"]
    assert bad["status"] == "error" and "FileNotFoundError" in bad["error"]
    assert sum(r["status"] == "ok" for r in recs.values()) == 7


# --------------------------------------------------------------------------------------------------
# Many pages: WARC


@needs_warc
def test_warc_through_the_cli(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 60)
    out = tmp_path / "out.jsonl"
    assert main([str(warc), "-o", str(out), "-q"]) == 0
    recs = lines(out)
    assert [r["url"] for r in recs] == [f"http://example.org/story/{i}" for i in range(60)]
    assert all(
        r["source"].startswith(f"{warc}@") and r["date"] == "2013-03-08T12:00:00Z" for r in recs
    )
    for i in (
        0,
        1,
        2,
        3,
        5,
    ):  # utf-8, cp1252 by HTTP header, latin-1 by meta, gzip+chunked, deflate
        assert recs[i]["text"] == boilerstrip.extract(news_page(i)).text, i


@needs_warc
def test_warc_on_stdin(tmp_path_factory: pytest.TempPathFactory) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 60)
    res = cli("-q", stdin=warc.read_bytes())
    assert res.returncode == 0, res.stderr
    recs = [json.loads(x) for x in res.stdout.decode().splitlines()]
    assert len(recs) == 60 and recs[0]["source"].startswith("-@")
    assert recs[3]["text"] == boilerstrip.extract(news_page(3)).text


@needs_warc
def test_damaged_warc_is_reported_and_the_rest_goes_on(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, pages_dir: Path
) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 60)
    data = warc.read_bytes()
    bad = tmp_path / "bad.warc.gz"
    # Garbage between two records' gzip members, half way through.
    cut = data.index(b"\x1f\x8b", len(data) // 2)
    bad.write_bytes(data[:cut] + b"garbage, not gzip" * 20 + data[cut:])
    out = tmp_path / "out.jsonl"
    res = cli(str(bad), str(pages_dir / "index.html"), "-o", str(out))
    assert res.returncode == 0
    recs = lines(out)
    assert recs[-2]["source"] == str(bad) and recs[-2]["status"] == "error"
    assert "cannot read" in recs[-2]["error"]
    assert recs[-1]["source"].endswith("index.html") and recs[-1]["status"] == "ok"
    assert len(recs) > 10  # the pages before the damage are there
    assert "1 error" in res.stderr.decode()


# --------------------------------------------------------------------------------------------------
# Interrupting and resuming; progress


@needs_warc
def test_resume_drops_a_partial_line_and_finishes(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 60)
    full = tmp_path / "full.jsonl"
    assert main([str(warc), "-o", str(full), "-q", "--workers", "0"]) == 0
    text = full.read_text(encoding="utf-8")
    part = tmp_path / "part.jsonl"
    cut = text.index("\n", len(text) // 2) + 30  # 30 characters into a record
    part.write_text(text[:cut], encoding="utf-8")
    res = cli(str(warc), "-o", str(part), "--resume", "--workers", "2")
    assert res.returncode == 0
    assert part.read_text(encoding="utf-8") == text
    assert "skipped (already in" in res.stderr.decode()


@needs_warc
def test_ctrl_c_leaves_a_valid_file_and_resume_completes_it(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 1000)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "boilerstrip", str(warc), "-o", str(out), "--workers", "2"]
    # A session of its own, so that the signal goes to the whole process group, as Ctrl-C in a
    # terminal does: the CLI, its fork server and its workers.
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= 30:
            break
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    message = err.decode().strip().splitlines()[-1]
    assert message.startswith("boilerstrip: interrupted after ")
    assert "--resume" in message
    recs = lines(out)  # every line is a complete JSON object
    assert out.read_bytes().endswith(b"\n")
    done = int(message.split("after ")[1].split(" pages")[0].replace(",", ""))
    assert done == len(recs) and 30 <= done < 1000
    assert [r["url"] for r in recs] == [f"http://example.org/story/{i}" for i in range(done)]

    res = cli(str(warc), "-o", str(out), "--resume", "--workers", "2")
    assert res.returncode == 0, res.stderr
    assert f"{done:,} skipped" in res.stderr.decode()
    final = lines(out)
    assert [r["url"] for r in final] == [f"http://example.org/story/{i}" for i in range(1000)]
    assert all(r["status"] == "ok" for r in final)
    for i in (0, 1, 2, 3, 4, 5, 999):
        assert final[i]["text"] == boilerstrip.extract(news_page(i)).text


def test_a_signal_during_a_write_is_counted_with_that_record(
    pages_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl-C while a record is being written: the record is finished, and the "interrupted after
    N pages" message counts it (the count was once taken after the guarded write, so a signal held
    back during the write was raised before it: one record more in the file than the message
    said)."""
    import builtins

    from boilerstrip import cli as cli_mod

    out = tmp_path / "out.jsonl"
    real_open = builtins.open

    class SignalOnThirdWrite:
        def __init__(self, fh: object) -> None:
            self.fh, self.writes = fh, 0

        def write(self, data: str) -> int:
            self.writes += 1
            if self.writes == 3:
                os.kill(os.getpid(), signal.SIGINT)  # delivered while the record is written
            return self.fh.write(data)  # type: ignore[attr-defined]

        def __getattr__(self, name: str) -> object:
            return getattr(self.fh, name)

        def __enter__(self) -> SignalOnThirdWrite:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

    def fake_open(path: object, *args: object, **kwargs: object) -> object:
        fh = real_open(path, *args, **kwargs)  # type: ignore[call-overload]
        return SignalOnThirdWrite(fh) if str(path) == str(out) else fh

    monkeypatch.setattr(cli_mod, "open", fake_open, raising=False)
    assert main([str(pages_dir), "-o", str(out), "--workers", "1"]) == 130
    message = capsys.readouterr().err.strip().splitlines()[-1]
    recs = lines(out)
    assert message.startswith("boilerstrip: interrupted after 3 pages")
    assert len(recs) == 3


def test_progress_bar_on_a_terminal_only(pages_dir: Path, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "boilerstrip", str(pages_dir), "-o", str(tmp_path / "o.jsonl")]
    # stderr on a pseudo-terminal: a progress bar, then the summary.
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, env=env, stderr=slave, stdout=subprocess.DEVNULL)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    tty = b"".join(chunks).decode()
    assert "pages/s" in tty and "\r" in tty and "%" in tty and "/7 pages" in tty
    assert "7 pages in" in tty
    # stderr piped: the summary line only.
    res = subprocess.run(cmd, env=env, capture_output=True, timeout=60, check=False)
    err = res.stderr.decode()
    assert "\r" not in err and err.count("\n") == 1 and "7 pages in" in err
    # --progress forces it on, --quiet drops the summary.
    res = subprocess.run(
        [*cmd, "--progress", "-q"], env=env, capture_output=True, timeout=60, check=False
    )
    assert "\r" in res.stderr.decode() and "pages in" not in res.stderr.decode()


def test_write_warc_helper_roundtrip(tmp_path: Path) -> None:
    # The tests' own WARC writer gives files other tools accept: gzip members per record.
    import gzip

    from corpus_helpers import corpus_records

    path = tmp_path / "x.warc.gz"
    offsets = write_warc(path, corpus_records(3))
    with gzip.open(path) as fh:
        assert fh.read().count(b"WARC/1.0\r\n") == len(offsets)


@needs_warc
def test_sigterm_stops_cleanly_too(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    warc = corpus_warc(tmp_path_factory.getbasetemp(), 1000)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "boilerstrip", str(warc), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        out.exists() and out.read_bytes().count(b"\n") >= 10
    ):
        time.sleep(0.01)
    proc.terminate()
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 143, err
    assert "interrupted after" in err.decode()
    recs = lines(out)
    assert 10 <= len(recs) < 1000 and out.read_bytes().endswith(b"\n")
