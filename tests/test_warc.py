"""Reading WARC archives (the ``warc`` extra): which records become pages, and what they carry."""

from __future__ import annotations

import gzip
import io
import os
import threading
from pathlib import Path

import pytest

pytest.importorskip("fastwarc", reason="the warc extra (FastWARC) is not installed")

from corpus_helpers import Record, chunked, corpus_records, news_page, write_warc

import boilerstrip
from boilerstrip.warc import decode_payload, is_warc, iter_records, iter_warc, sniff_warc


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Record], list[int]]:
    records = corpus_records(60)
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    offsets = write_warc(path, records)
    return path, records, offsets


def test_only_html_2xx_responses_in_order(corpus: tuple[Path, list[Record], list[int]]) -> None:
    path, records, offsets = corpus
    got = list(iter_records(path))
    assert [r.url for r in got] == [f"http://example.org/story/{i}" for i in range(60)]
    assert all(r.status == 200 for r in got)
    assert {r.content_type for r in got} == {"text/html", "application/xhtml+xml"}
    # Offsets are those of the records' gzip members: a reader can seek straight to them.
    want = {rec.record_id: off for rec, off in zip(records, offsets, strict=True)}
    for r in got:
        assert r.record_id is not None and r.offset == want[r.record_id]
        with open(path, "rb") as fh:
            fh.seek(r.offset)
            member = gzip.GzipFile(fileobj=fh).read(64)
        assert member.startswith(b"WARC/1.0\r\nWARC-Type: response")
    assert got[0].date == "2013-03-08T12:00:00Z"


def test_payloads_are_decoded_and_charsets_kept(
    corpus: tuple[Path, list[Record], list[int]],
) -> None:
    path, _, _ = corpus
    got = list(iter_records(path))
    for i, r in enumerate(got):
        assert r.payload.startswith(b"<!DOCTYPE html>"), i  # chunked, gzip, deflate all undone
    assert got[0].charset == "utf-8"
    assert got[1].charset == "windows-1252"
    assert got[2].charset is None
    assert got[4].charset == "UTF-8"  # quoted in the header


def test_http_charset_reaches_extract(corpus: tuple[Path, list[Record], list[int]]) -> None:
    path, _, _ = corpus
    pages = list(iter_warc(path))
    assert (
        pages[1].charset == "windows-1252"
        and pages[1].key == f"{path}@{pages[1].key.split('@')[1]}"
    )
    results = list(boilerstrip.extract_many(pages[:6], workers=0))
    for i, r in enumerate(results):
        assert r.ok and r.article is not None
        assert r.url == f"http://example.org/story/{i}"
        assert r.date == "2013-03-08T12:00:00Z"
        expected = boilerstrip.extract(news_page(i))
        assert r.article.text == expected.text, i
    assert results[1].article is not None and results[1].article.encoding == "windows-1252"


def test_http_charset_outranks_the_page(tmp_path: Path) -> None:
    # A page in windows-1251 that declares nothing; only the HTTP header says what it is.
    text = (
        "<html><body><p>"
        + "Министр иностранных дел России заявил во вторник. " * 5
        + "</p></body></html>"
    )
    path = tmp_path / "ru.warc"
    write_warc(
        path,
        [Record("http://example.ru/", text.encode("cp1251"), "text/html; charset=windows-1251")],
    )
    [page] = list(iter_warc(path))
    [result] = list(boilerstrip.extract_many([page], workers=0))
    assert result.article is not None and "Министр иностранных дел" in result.article.text


def test_uncompressed_and_streamed_input(tmp_path: Path) -> None:
    records = corpus_records(5)
    plain = tmp_path / "plain.warc"
    write_warc(plain, records)
    want = [r.payload for r in iter_records(plain)]
    assert len(want) == 5
    # A pipe: not seekable, as stdin is.
    for name in ("plain.warc", "gz.warc.gz"):
        path = tmp_path / name
        write_warc(path, records)
        read_fd, write_fd = os.pipe()
        data = path.read_bytes()

        def feed(fd: int = write_fd, data: bytes = data) -> None:
            with os.fdopen(fd, "wb") as w:
                w.write(data)

        t = threading.Thread(target=feed)
        t.start()
        with os.fdopen(read_fd, "rb") as r:
            got = [p.raw for p in iter_warc(r)]
        t.join()
        assert got == want, name


def test_keys_name_the_stream(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    write_warc(path, corpus_records(2))
    with open(path, "rb") as fh:
        keys = [p.key for p in iter_warc(io.BytesIO(fh.read()), name="mem")]
    assert keys[0].startswith("mem@") and len(keys) == 2


def test_type_and_status_filters(corpus: tuple[Path, list[Record], list[int]]) -> None:
    path, _, _ = corpus
    everything = list(iter_records(path, types=None, ok_only=False))
    assert any(r.content_type == "image/png" for r in everything)
    assert any(r.status == 404 for r in everything)
    assert any(r.status == 301 for r in everything)
    assert len(list(iter_records(path, ok_only=False))) == 60 + 1  # the 404 page is HTML


def test_damaged_archive_raises_oserror(
    corpus: tuple[Path, list[Record], list[int]], tmp_path: Path
) -> None:
    path, _, offsets = corpus
    data = path.read_bytes()
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(data[: offsets[20]] + b"this is not gzip at all" * 10 + data[offsets[20] :])
    seen = []
    with pytest.raises(OSError):
        for r in iter_records(bad):
            seen.append(r.url)
    assert seen == [f"http://example.org/story/{i}" for i in range(len(seen))]
    assert len(seen) >= 5  # the pages before the damage were read


def test_sniffing(tmp_path: Path) -> None:
    assert sniff_warc(b"WARC/1.1\r\n")
    assert sniff_warc(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo"))
    assert not sniff_warc(gzip.compress(b"<html>"))
    assert not sniff_warc(b"<html>")
    odd = tmp_path / "crawl.bin"
    write_warc(odd, corpus_records(1), gz=True)
    assert is_warc(odd)
    assert is_warc(tmp_path / "missing.warc.gz")  # by name
    page = tmp_path / "p.html"
    page.write_text("<html></html>")
    assert not is_warc(page)


def test_decode_payload() -> None:
    body = b"<html>hello</html>" * 20
    assert decode_payload(chunked(gzip.compress(body), 7), "chunked", "gzip") == body
    assert decode_payload(gzip.compress(body), None, "x-gzip") == body
    # Stored decoded but with the header kept (as some archives do): left alone.
    assert decode_payload(body, None, "gzip") == body
    assert decode_payload(body, None, "identity") == body
    assert decode_payload(body, None, None) == body
