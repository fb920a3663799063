"""OpenAlex-shaped records for tests, written as JSON Lines and loaded through the importer."""

import json
from pathlib import Path
from typing import Any

from cypher.runner import CypherRunner
from ingest.importer import ImportSummary, import_paths


def work(
    work_id: str,
    authors: list[str],
    topics: list[str],
    year: int = 2020,
    cited: int = 0,
    institutions: list[str] | None = None,
    references: list[str] | None = None,
) -> dict[str, Any]:
    inst = [{"id": i, "display_name": f"Institution {i}"} for i in institutions or []]
    return {
        "id": work_id,
        "title": f"Work {work_id}",
        "publication_year": year,
        "type": "article",
        "cited_by_count": cited,
        "authorships": [
            {"author": {"id": a, "display_name": f"Author {a}"}, "institutions": inst}
            for a in authors
        ],
        "topics": [{"id": t, "display_name": f"Topic {t}", "score": 0.9} for t in topics],
        "referenced_works": references or [],
    }


async def load(runner: CypherRunner, tmp: Path, records: list[dict[str, Any]]) -> ImportSummary:
    path = tmp / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    summary = await import_paths(runner, [path], batch_size=200)
    assert summary.skipped == []
    return summary
