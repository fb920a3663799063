"""The importer: idempotent, and a bad line is reported with its place and skipped whole."""

import gzip
import io
import json
import random
from collections import deque
from pathlib import Path

from conftest import SEED
from cypher.runner import CypherRunner
from helpers import graph_counts
from ingest.importer import eta, import_paths, print_progress
from ingest.reader import read_lines


async def test_importing_twice_changes_nothing(runner: CypherRunner) -> None:
    before = await graph_counts(runner)

    summary = await import_paths(runner, [SEED])

    assert summary.skipped == []
    assert summary.written == {"institutions": 9, "topics": 9, "authors": 64, "works": 9}
    assert await graph_counts(runner) == before


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
    assert reports[-1].startswith(f"imported {summary.read:,} records (")
    assert "100% of the files" in reports[-1]


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
