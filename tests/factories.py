"""OpenAlex-shaped records for tests, written as JSON Lines and loaded through the importer."""

import json
import zlib
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


def merged_ids(tmp: Path, kind: str, pairs: list[tuple[str, str]]) -> Path:
    """An OpenAlex merged_ids file under tmp/merged_ids/<kind>: each pair merges a into b."""
    folder = tmp / "merged_ids" / kind
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "2026-01-01.csv"
    path.write_text(
        "merge_date,id,merge_into_id\n" + "".join(f"2026-01-01,{a},{b}\n" for a, b in pairs)
    )
    return path


SEED = Path(__file__).resolve().parent.parent / "neo4j-seed" / "profile"


def cloned_seed(tag: str) -> list[dict[str, Any]]:
    """The seed profile's works and authors under new ids (`A-jian-jiao` becomes
    `A-<tag>-jian-jiao`, likewise works, topics and institutions) and new researcher names
    (`Person <tag> <number>`, so searches for the seed's names find only the seed): a copy of
    the seed that tests may change without touching it."""
    records = []
    for name in ("institutions", "topics", "authors", "works"):
        for line in (SEED / f"{name}.jsonl").read_text().splitlines():
            for kind in "AWTI":
                line = line.replace(f'"{kind}-', f'"{kind}-{tag}-')
            text = line
            records.append(rename(json.loads(text), tag))
    return records


def clone_name(name: str, tag: str) -> str:
    return f"Person {tag} {zlib.crc32(name.encode())}"


def rename(record: dict[str, Any], tag: str) -> dict[str, Any]:
    if record["id"].startswith("A-"):
        record["display_name"] = clone_name(record["display_name"], tag)
    for authorship in record.get("authorships", []):
        author = authorship["author"]
        author["display_name"] = authorship["raw_author_name"] = clone_name(
            author["display_name"], tag
        )
    return record


async def researcher_with_a_bad_count(runner: CypherRunner, tmp: Path, researcher: str) -> None:
    """A researcher of three works whose stored closeCoauthors is text (a bad migration, a
    hand-written fix): the counts and the trust score, which read it, fail; nothing else does."""
    co = f"{researcher}-co"
    await load(
        runner, tmp, [work(f"W-{researcher}-{n}", [researcher, co], ["T-web-0"]) for n in range(3)]
    )
    await runner.driver.execute_query(
        "MATCH (r:Researcher {id: $id}) SET r.closeCoauthors = 'many'",
        {"id": researcher},
        database_=runner.database,
    )
