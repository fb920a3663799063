"""The importer: idempotent, and a bad line is reported with its place and skipped whole."""

import json
from pathlib import Path

from conftest import SEED
from cypher.runner import CypherRunner
from helpers import graph_counts
from ingest.importer import import_paths


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
