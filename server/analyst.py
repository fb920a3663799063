"""`peergraph cypher`: run an analyst's Cypher in a READ transaction and print the rows."""

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString, cast

from neo4j import AsyncDriver, unit_of_work
from neo4j.exceptions import Neo4jError

ANALYST = Path(__file__).resolve().parent.parent / "cypher" / "analyst"


class AnalystError(RuntimeError):
    """The statement could not run; the message says why and what to do."""


def statement_text(source: str) -> str:
    """A file path, a name from cypher/analyst/, or Cypher itself."""
    for candidate in (Path(source), ANALYST / f"{source}.cypher"):
        if candidate.suffix == ".cypher" and candidate.is_file():
            return candidate.read_text("utf-8")
    return source


def parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise AnalystError(f"--param takes name=value, got {pair!r}")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    return params


async def run_read(
    driver: AsyncDriver,
    database: str,
    text: str,
    params: dict[str, Any],
    timeout: float,
    limit: int,
) -> tuple[list[str], list[list[Any]], bool]:
    """The columns, at most `limit` rows, and whether more rows were left unread."""
    # An analyst's own statement: it runs in a READ transaction, where Neo4j refuses writes.
    query: LiteralString = cast(LiteralString, text)  # type: ignore[redundant-cast]

    @unit_of_work(timeout=timeout)
    async def work(tx: Any) -> tuple[list[str], list[list[Any]], bool]:
        result = await tx.run(query, params)
        rows: list[list[Any]] = []
        async for record in result:
            if len(rows) == limit:
                return list(result.keys()), rows, True
            rows.append(list(record.values()))
        return list(result.keys()), rows, False

    try:
        async with driver.session(database=database, default_access_mode="READ") as session:
            return await session.execute_read(work)
    except Neo4jError as exc:
        if "write" in (exc.message or "").lower() and "read" in (exc.message or "").lower():
            raise AnalystError(
                "this statement writes, and `peergraph cypher` only reads: the database refused it"
                f" ({exc.code})"
            ) from exc
        raise AnalystError(f"Neo4j refused the statement: {exc.message} ({exc.code})") from exc


def plain(value: Any) -> Any:
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "element_id"):
        return dict(value)
    return value


def render(columns: list[str], rows: list[list[Any]], form: str) -> str:
    rows = [[plain(v) for v in row] for row in rows]
    if form == "json":
        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows], indent=2, default=str
        )
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(
            [json.dumps(v) if isinstance(v, list | dict) else v for v in row] for row in rows
        )
        return out.getvalue().rstrip("\r\n")
    return table(columns, rows)


def table(columns: list[str], rows: list[list[Any]]) -> str:
    cells = [columns] + [
        [json.dumps(v, default=str) if not isinstance(v, str) else v for v in row] for row in rows
    ]
    widths = [min(60, max(len(row[i]) for row in cells)) for i in range(len(columns))]
    lines = [" | ".join(c[:60].ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
