"""The importer: idempotent, and a bad line is reported with its place and skipped whole."""

import gzip
import io
import json
import random
from collections import deque
from pathlib import Path

import pytest

from conftest import SEED
from cypher.runner import CypherRunner, GraphChanges
from factories import load, work
from helpers import graph_counts
from ingest.importer import eta, import_paths, print_progress
from ingest.reader import UnreadableFile, read_lines


async def test_importing_twice_changes_nothing(runner: CypherRunner) -> None:
    before = await graph_counts(runner)

    summary = await import_paths(runner, [SEED])

    assert summary.skipped == []
    assert summary.written == {"institutions": 9, "topics": 9, "authors": 64, "works": 9}
    assert await graph_counts(runner) == before
    assert summary.changes == GraphChanges(nodes=0, relationships=0)
    assert summary.describe().startswith(
        "read 91 records (9 institutions, 9 topics, 64 authors, 9 works), skipped 0,"
        " merged away 0 ids in "
    )
    assert summary.describe().endswith("s: nothing new, the graph already held all of it")


async def test_an_import_reports_what_it_added_to_the_graph(
    runner: CypherRunner, tmp_path: Path
) -> None:
    before = await graph_counts(runner)
    records = [work(f"W-gain-{n}", ["A-gain-1", "A-gain-2"], ["T-gain"]) for n in range(3)]

    summary = await load(runner, tmp_path, records)

    nodes, relationships = await graph_counts(runner)
    assert summary.changes == GraphChanges(nodes - before[0], relationships - before[1])
    # 3 works, 2 researchers, 1 topic; and more relationships than nodes (authorship, topics,
    # the co-author pair, topic shares).
    assert summary.changes.nodes == 6
    assert summary.changes.relationships > 6
    assert summary.describe().endswith(
        f"the graph gained 6 nodes and {summary.changes.relationships:,} relationships"
    )


async def test_bad_lines_are_reported_and_skipped(runner: CypherRunner, tmp_path: Path) -> None:
    good = {"id": "https://openalex.org/T-import-test-good", "display_name": "Good topic"}
    no_name = {"id": "T-import-test-noname"}
    bad_author = {
        "id": "W-import-test-bad",
        "title": "Half a work",
        "authorships": [
            {"author": {"id": "A-import-test-ok", "display_name": "Ok"}},
            {"author": {}},
        ],
    }
    lines = [json.dumps(good), "{not json", "", json.dumps(no_name), json.dumps(bad_author), "[1]"]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")

    summary = await import_paths(runner, [path])

    assert [(s.line, s.reason.split(" ")[0]) for s in summary.skipped] == [
        (2, "invalid"),
        (4, "topic"),
        (5, "authorships[1].author.id"),
        (6, "a"),
    ]
    assert all(s.path == path for s in summary.skipped)
    assert summary.written["topics"] == 1
    found = await runner.driver.execute_query(
        "MATCH (n) WHERE n.id STARTS WITH $prefix OR n.id = $good RETURN n.id AS id",
        {"prefix": "W-import-test", "good": "T-import-test-good"},
        database_=runner.database,
    )
    # The work with one bad authorship left nothing behind, not even its good author.
    assert [r["id"] for r in found.records] == ["T-import-test-good"]
    ok_author = await runner.read("get_researchers", ids=["A-import-test-ok"])
    assert ok_author == []


def test_the_time_left_follows_the_recent_rate() -> None:
    # 100 bytes in the first 10 s (small, slow author records), then 900 in the next 10 s.
    recent = deque([(10.0, 100), (20.0, 1000)])

    assert eta(recent, left=9000) == ", about 100s left"
    assert eta(deque([(0.0, 0), (5.0, 0)]), left=9000) == ""


async def test_an_import_reports_progress_in_batches(runner: CypherRunner) -> None:
    out = io.StringIO()

    summary = await import_paths(runner, [SEED], batch_size=10, progress=print_progress(out))

    reports = out.getvalue().split("\r")[1:]
    assert len(reports) == -(-summary.read // 10)
    assert reports[-1].startswith(f"imported {summary.read:,} records (0 graph elements/s, 100%")
    assert "100% of the files" in reports[-1]


async def test_progress_counts_one_record_without_a_plural(
    runner: CypherRunner, tmp_path: Path
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "T-one-record", "display_name": "One"}) + "\n")
    out = io.StringIO()

    summary = await import_paths(runner, [path], progress=print_progress(out))

    assert out.getvalue().startswith("\rimported 1 record (")
    assert summary.describe().startswith("read 1 record (1 topic), skipped 0,")
    assert summary.describe().endswith("the graph gained 1 node and 0 relationships")


def test_lines_tell_how_far_into_their_file_they_are(tmp_path: Path) -> None:
    path = tmp_path / "works.jsonl.gz"
    rng = random.Random(5)  # incompressible enough to span several read chunks
    with gzip.open(path, "wt") as out:
        for i in range(3000):
            out.write(json.dumps({"id": f"W{i}", "title": f"{rng.random()}"}) + "\n")

    at = [line.at for line in read_lines(path)]

    assert at == sorted(at)
    assert at[-1] == path.stat().st_size
    assert len({a for a in at if 0 < a < at[-1]}) > 1


def topic_line(tag: str, n: int) -> bytes:
    return json.dumps({"id": f"T-{tag}-{n}", "display_name": f"Topic {tag} {n}"}).encode() + b"\n"


async def topics_named(runner: CypherRunner, tag: str) -> list[str]:
    found = await runner.driver.execute_query(
        "MATCH (t:Topic) WHERE t.id STARTS WITH $prefix RETURN t.id AS id ORDER BY id",
        {"prefix": f"T-{tag}-"},
        database_=runner.database,
    )
    return [r["id"] for r in found.records]


@pytest.mark.parametrize("name", ["latin1.jsonl", "latin1.jsonl.gz"])
async def test_a_line_that_is_not_utf8_is_reported_and_skipped(
    runner: CypherRunner, tmp_path: Path, name: str
) -> None:
    tag = name.replace(".", "-")
    latin1 = b'{"id": "T-%s-2", "display_name": "Caf\xe9"}\n' % tag.encode()
    data = topic_line(tag, 1) + latin1 + topic_line(tag, 3)
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)

    summary = await import_paths(runner, [path])

    at = latin1.index(b"\xe9") + 1
    assert [str(s) for s in summary.skipped] == [
        f"{path}:2: invalid UTF-8 (byte 0xe9 at byte {at} of the line): save the file as UTF-8"
    ]
    assert (summary.read, summary.written["topics"]) == (3, 2)
    assert await topics_named(runner, tag) == [f"T-{tag}-1", f"T-{tag}-3"]


def cut_short(path: Path, tag: str) -> None:
    """Three whole lines, then a gzip member that ends inside its header: line 4 is lost."""
    whole = gzip.compress(b"".join(topic_line(tag, n) for n in (1, 2, 3)))
    path.write_bytes(whole + gzip.compress(topic_line(tag, 4))[:10])


async def test_a_gzip_file_cut_short_stops_naming_it_and_keeps_what_came_before(
    runner: CypherRunner, tmp_path: Path
) -> None:
    path = tmp_path / "cut.jsonl.gz"
    cut_short(path, "cut")

    # Two records a batch: the first batch is written, the second is read when the cut comes.
    with pytest.raises(UnreadableFile) as stopped:
        await import_paths(runner, [path], batch_size=2)

    assert str(stopped.value) == (
        f"cannot read {path} at line 4: the gzip data ends early (a download or copy cut short?)"
    )
    assert await topics_named(runner, "cut") == ["T-cut-1", "T-cut-2", "T-cut-3"]


async def test_a_file_that_is_not_gzip_stops_naming_it(
    runner: CypherRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_bytes(topic_line("plain", 1))

    with pytest.raises(UnreadableFile) as stopped:
        await import_paths(runner, [path])

    assert str(stopped.value) == (
        f"cannot read {path} at line 1: it is not gzip data (plain text? then name it plain.jsonl)"
    )


def test_corrupt_gzip_data_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.jsonl.gz"
    rng = random.Random(7)  # incompressible enough to span several read chunks
    lines = (topic_line(f"bad-{rng.random()}", n) for n in range(3000))
    data = bytearray(gzip.compress(b"".join(lines)))
    data[len(data) * 3 // 4] ^= 0xFF  # found by zlib, or by the checksum at the end
    path.write_bytes(bytes(data))

    with pytest.raises(UnreadableFile) as stopped:
        list(read_lines(path))

    assert stopped.value.path == path and stopped.value.line > 1
    assert f"cannot read {path} at line " in str(stopped.value)
    assert "the gzip data is corrupt" in str(stopped.value)
