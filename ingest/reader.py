"""Reads JSON Lines files (plain or gzip; a file or a folder of partitions) record by record."""

import csv
import gzip
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

SUFFIXES = (".jsonl", ".json", ".jsonl.gz", ".json.gz", ".gz", ".csv", ".csv.gz")
MERGED_IDS = (".csv", ".csv.gz")
MERGED_IDS_HEADER = ["merge_date", "id", "merge_into_id"]


@dataclass(frozen=True)
class Line:
    path: Path
    number: int
    record: Any = None
    error: str | None = None
    # Bytes of the file (compressed, for gzip) read up to this line: progress within a file.
    at: int = 0


def files_under(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.name.endswith(SUFFIXES)
            )
        elif path.is_file():
            yield path
        else:
            raise FileNotFoundError(f"{path}: no such file or folder to import")


def read_lines(path: Path) -> Iterator[Line]:
    """Yields each non-blank line's record, or the reason it could not be read."""
    with path.open("rb") as raw, _text(raw, path) as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                yield Line(path, number, json.loads(text), at=raw.tell())
            except json.JSONDecodeError as exc:
                error = f"invalid JSON ({exc.msg} at column {exc.colno})"
                yield Line(path, number, error=error, at=raw.tell())


def _text(raw: IO[bytes], path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(raw, "rt", encoding="utf-8")
    return io.TextIOWrapper(raw, encoding="utf-8")


def is_merged_ids(path: Path) -> bool:
    """OpenAlex's data/merged_ids/<entity>/<date>.csv.gz: merge_date,id,merge_into_id."""
    return path.name.endswith(MERGED_IDS)


def read_merges(path: Path) -> Iterator[Line]:
    """Yields each row as {"id", "into"}, or the reason it could not be read."""
    with path.open("rb") as raw, _text(raw, path) as handle:
        rows = csv.reader(handle)
        header = next(rows, None)
        if header != MERGED_IDS_HEADER:
            yield Line(path, 1, error="a merged_ids file starts with merge_date,id,merge_into_id")
            return
        for number, row in enumerate(rows, 2):
            if len(row) != 3:
                yield Line(path, number, error="a merged_ids row has three columns")
            else:
                yield Line(path, number, {"id": row[1], "into": row[2], "date": row[0]})
