"""Reads JSON Lines files (plain or gzip; a file or a folder of partitions) record by record."""

import csv
import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from io import BufferedIOBase, BufferedReader
from pathlib import Path
from typing import Any

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


class UnreadableFile(Exception):
    """The file's bytes cannot be read on from `line`: not gzip, cut short, or corrupt."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"cannot read {path} at line {line}: {reason}")
        self.path, self.line, self.reason = path, line, reason


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
    for line in _text_lines(path):
        if line.error or line.record.strip():
            yield _parsed(line)


def _parsed(line: Line) -> Line:
    if line.error:
        return line
    try:
        return replace(line, record=json.loads(line.record))
    except json.JSONDecodeError as exc:
        error = f"invalid JSON ({exc.msg} at column {exc.colno})"
        return replace(line, record=None, error=error)


def _text_lines(path: Path) -> Iterator[Line]:
    """Each line's text (in `record`), or why it is not UTF-8: a bad byte spoils its line, not
    the file (so lines are decoded one by one). Bytes that cannot be read on (not gzip, cut
    short, corrupt) raise UnreadableFile naming the file and the line."""
    with path.open("rb") as raw, _binary(raw, path) as handle:
        number = 0
        try:
            for number, data in enumerate(handle, 1):
                yield _decoded(path, number, data, raw.tell())
        except (OSError, EOFError, zlib.error) as exc:  # gzip.BadGzipFile is an OSError
            raise UnreadableFile(path, number + 1, _unreadable(exc, path)) from exc


def _decoded(path: Path, number: int, data: bytes, at: int) -> Line:
    try:
        return Line(path, number, data.decode("utf-8"), at=at)
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02x} at byte {exc.start + 1} of the line"
        return Line(path, number, error=f"invalid UTF-8 ({where}): save the file as UTF-8", at=at)


def _unreadable(exc: BaseException, path: Path) -> str:
    if isinstance(exc, EOFError):
        return "the gzip data ends early (a download or copy cut short?)"
    if isinstance(exc, gzip.BadGzipFile) and str(exc).startswith("Not a gzipped file"):
        return f"it is not gzip data (plain text? then name it {path.name.removesuffix('.gz')})"
    if isinstance(exc, gzip.BadGzipFile | zlib.error):
        return f"the gzip data is corrupt ({exc})"
    return str(exc)


def _binary(raw: BufferedReader, path: Path) -> BufferedIOBase:
    if path.name.endswith(".gz"):
        return gzip.open(raw, "rb")
    return raw


def is_merged_ids(path: Path) -> bool:
    """OpenAlex's data/merged_ids/<entity>/<date>.csv.gz: merge_date,id,merge_into_id."""
    return path.name.endswith(MERGED_IDS)


def read_merges(path: Path) -> Iterator[Line]:
    """Yields each row as {"id", "into"}, or the reason it could not be read."""
    lines = _text_lines(path)
    header = next(lines, None)
    if header is None or header.error or _row(header.record) != MERGED_IDS_HEADER:
        yield Line(path, 1, error="a merged_ids file starts with merge_date,id,merge_into_id")
        return
    for line in lines:
        yield line if line.error else _merge(line)


def _merge(line: Line) -> Line:
    row = _row(line.record)
    if len(row) != 3:
        return Line(line.path, line.number, error="a merged_ids row has three columns")
    return Line(line.path, line.number, {"id": row[1], "into": row[2], "date": row[0]})


def _row(text: str) -> list[str]:
    """One CSV line's cells (merged_ids rows hold no quoted line breaks)."""
    return next(csv.reader([text]), [])
