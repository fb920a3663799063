"""Records of the wrong shape: valid JSON where an object, a list, a text or a number was
expected is skipped and reported like any bad record, never a TypeError that aborts the
import, and never a value Neo4j refuses to store (which would fail the whole batch)."""

import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cypher.runner import CypherRunner
from ingest.importer import import_paths
from ingest.records import RecordError, parse

SEED = Path(__file__).resolve().parent.parent / "neo4j-seed" / "profile"
VALID = [
    json.loads(line)
    for name in ("works", "authors", "institutions", "topics")
    for line in (SEED / f"{name}.jsonl").read_text().splitlines()[:2]
]
INT64 = 2**63

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a record a value sits, below the record's own id."""
    found = [prefix] if prefix and prefix != ("id",) else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths(item, (*prefix, i))
    return found


def replaced(record: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = list(record) if isinstance(record, list) else dict(record)
    copy[path[0]] = replaced(record[path[0]], path[1:], value)
    return copy


def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    return "number" if isinstance(value, int | float) else type(value).__name__


def conforms(value: Any, template: Any, where: str = "row") -> None:
    """`value` has the shape `template` (a row parsed from a valid record) has: the same keys,
    values of the same kind or null, numbers Neo4j can store."""
    if value is None:
        return
    if template is None:  # null in the valid row: a scalar property, never a list or a map
        assert not isinstance(value, list | dict), f"{where}: {value!r} where a scalar goes"
        return
    assert kind(value) == kind(template), f"{where}: {value!r} where a {kind(template)} goes"
    if isinstance(value, dict):
        assert value.keys() == template.keys(), where
        for key in value:
            conforms(value[key], template[key], f"{where}.{key}")
    elif isinstance(value, list) and template:
        for i, item in enumerate(value):
            conforms(item, template[0], f"{where}[{i}]")
    elif isinstance(value, int) and not isinstance(value, bool):
        assert -INT64 <= value < INT64, f"{where}: {value} does not fit a Neo4j integer"
    elif isinstance(value, float):
        assert math.isfinite(value), where


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_record_of_the_wrong_shape_is_refused_or_parsed_into_a_row_of_the_right_shape(
    data: st.DataObject,
) -> None:
    record = data.draw(st.sampled_from(VALID))
    path = data.draw(st.sampled_from(paths(record)))
    value = data.draw(json_values)
    _, template = parse(record)

    try:
        _, row = parse(replaced(record, path, value))
    except RecordError:
        return
    conforms(row, template)


WRONG_SHAPES: list[tuple[str, dict[str, Any]]] = [
    ("authorships is text", {"authorships": "Jian Jiao"}),
    (
        "an institution is text",
        {"authorships": [{"author": {"id": "A-x", "display_name": "X"}, "institutions": ["I-x"]}]},
    ),
    ("primary_location is a list", {"primary_location": []}),
    ("source is text", {"primary_location": {"source": "arXiv"}}),
    ("type is an object", {"type": {"name": "article"}}),
    ("doi is a number", {"doi": 10.1}),
    ("a huge count", {"cited_by_count": 10**30}),
    ("abstract positions are text", {"abstract_inverted_index": {"word": "3"}}),
    (
        "a raw author name is a list",
        {"authorships": [{"author": {"id": "A-x", "display_name": "X"}, "raw_author_name": ["X"]}]},
    ),
]


async def test_an_import_skips_records_of_the_wrong_shape_and_reports_each(
    runner: CypherRunner, tmp_path: Path
) -> None:
    good = {"id": "W-rs-good", "title": "A good work", "publication_year": 2020, "authorships": []}
    lines = [{**good, "id": f"W-rs-{i}", **change} for i, (_, change) in enumerate(WRONG_SHAPES)]
    path = tmp_path / "works.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in [*lines, good]))

    summary = await import_paths(runner, [path])

    assert [s.line for s in summary.skipped] == list(range(1, len(WRONG_SHAPES) + 1))
    assert all(s.reason for s in summary.skipped)
    found = await runner.read("get_works", ids=["W-rs-good", *(r["id"] for r in lines)])
    assert [r["id"] for r in found] == ["W-rs-good"]


ARXIV_DOI = "https://doi.org/10.48550/arXiv.2204.01257"


@pytest.mark.parametrize(
    ("written", "stored", "arxiv"),
    [
        (ARXIV_DOI, ARXIV_DOI, "2204.01257"),
        ("10.48550/arXiv.2204.01257", ARXIV_DOI, "2204.01257"),
        ("doi:10.48550/arXiv.2204.01257", ARXIV_DOI, "2204.01257"),
        ("http://dx.doi.org/10.48550/arXiv.2204.01257", ARXIV_DOI, "2204.01257"),
        ("10.1109/TCOMM.2022.3171800", "https://doi.org/10.1109/TCOMM.2022.3171800", None),
        ("not a doi", None, None),
    ],
)
def test_a_doi_is_stored_in_one_form_whatever_the_source_wrote(
    written: str, stored: str | None, arxiv: str | None
) -> None:
    work = next(r for r in VALID if str(r["id"]).startswith("W"))

    _, row = parse({**work, "doi": written, "primary_location": {}})

    assert (row["doi"], row["arxivId"]) == (stored, arxiv)
