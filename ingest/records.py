"""Turns OpenAlex-shaped JSON records into the flat rows the merge statements take.

Validation happens here, before anything is written, so a bad record is skipped whole.
"""

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from model.ids import is_id

OPENALEX_PREFIX = "https://openalex.org/"
DOI = re.compile(r"(?P<doi>10\.\d{4,9}/\S+)")
ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(?P<id>.+)$", re.IGNORECASE)
ARXIV_URL = re.compile(r"arxiv\.org/abs/(?P<id>[^/?#]+?)(v\d+)?$", re.IGNORECASE)
KINDS = {"W": "works", "A": "authors", "I": "institutions", "T": "topics"}

Row = dict[str, Any]


class RecordError(ValueError):
    """The record cannot be imported; the message says why."""


def short_id(value: Any, field: str = "id") -> str:
    """`https://openalex.org/W123` and `W123` both become `W123`."""
    if not isinstance(value, str) or not value:
        raise RecordError(f"{field} is missing or not a string")
    bare = value.removeprefix(OPENALEX_PREFIX)
    if not is_id(bare):
        raise RecordError(f"{field} {value!r} is not an OpenAlex id (W…, A…, I…, T…)")
    return bare


def record_kind(record: Any) -> str:
    if not isinstance(record, dict):
        raise RecordError("a record must be a JSON object")
    kind = KINDS.get(short_id(record.get("id"))[0])
    if kind is None:
        raise RecordError(
            f"no importer for id {record['id']!r} (works, authors, institutions, topics)"
        )
    return kind


def parse(record: Any) -> tuple[str, Row]:
    kind = record_kind(record)
    return kind, PARSERS[kind](record)


def _name(record: Row, what: str) -> str:
    name = record.get("display_name") or record.get("title")
    if not isinstance(name, str) or not name.strip():
        raise RecordError(f"{what} {record.get('id')!r} has no display_name")
    return name.strip()


# Neo4j stores 64-bit integers; a larger one would fail the whole batch's transaction.
INT64 = 2**63


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {str(value)[:40]!r}"


def _int(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"{field} must be a whole number, not {_shown(value)}")
    if not -INT64 <= value < INT64:
        raise RecordError(f"{field} is too large: {value}")
    return value


def _number(value: Any, field: str) -> float | int | None:
    if isinstance(value, float):
        return value
    return _int(value, field)


def _text(value: Any, field: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise RecordError(f"{field} must be text, not {_shown(value)}")


def _flag(value: Any, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise RecordError(f"{field} must be true or false, not {_shown(value)}")


def _object(value: Any, field: str) -> Row:
    """An optional object: absent or null is empty."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RecordError(f"{field} must be an object, not {_shown(value)}")
    return value


def _entry(value: Any, field: str) -> Row:
    """A list's entry, which must be an object."""
    if not isinstance(value, dict):
        raise RecordError(f"{field} entries must be objects, not {_shown(value)}")
    return value


def _list(record: Row, field: str) -> list[Any]:
    value = record.get(field) or []
    if not isinstance(value, list):
        raise RecordError(f"{field} must be a list, not {_shown(value)}")
    return value


def _label(record: Row, field: str) -> str | None:
    """The display name of a nested object, such as a topic's `subfield`."""
    return _text(_object(record.get(field), field).get("display_name"), f"{field}.display_name")


def web_domain(url: Any) -> str | None:
    """`https://www.microsoft.com/` becomes `microsoft.com`: what claim evidence matches."""
    if not isinstance(url, str) or not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:  # not a URL (an unclosed "[" of an IPv6 address): no domain
        return None
    return host.removeprefix("www.") if host else None


def institution_row(record: Row) -> Row:
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "institution"),
        "country": _text(record.get("country_code"), "country_code"),
        "type": _text(record.get("type"), "type"),
        "ror": _text(record.get("ror"), "ror"),
        "domain": web_domain(record.get("homepage_url")),
    }


def topic_row(record: Row) -> Row:
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "topic"),
        "subfield": _label(record, "subfield"),
        "field": _label(record, "field"),
        "domain": _label(record, "domain"),
        "description": _text(record.get("description"), "description"),
    }


def _affiliation(entry: Any, current: bool) -> Row:
    institution = entry.get("institution", entry) if isinstance(entry, dict) else None
    if not isinstance(institution, dict):
        raise RecordError("affiliations[] entries need an institution object")
    stated = (_int(y, "affiliations[].years[]") for y in _list(entry, "years"))
    years = [y for y in stated if y is not None]
    return {
        **institution_row(institution),
        "since": min(years, default=None),
        "until": None if current else max(years, default=None),
        "current": current,
    }


def author_row(record: Row) -> Row:
    stats = _object(record.get("summary_stats"), "summary_stats")
    extra = _object(record.get("x_peergraph"), "x_peergraph")
    current = [_affiliation(i, True) for i in _list(record, "last_known_institutions")]
    past = [_affiliation(a, False) for a in _list(record, "affiliations")]
    current_ids = {a["id"] for a in current}
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "author"),
        "orcid": _text(record.get("orcid"), "orcid"),
        "worksCount": _int(record.get("works_count"), "works_count"),
        "citedByCount": _int(record.get("cited_by_count"), "cited_by_count"),
        "hIndex": _int(stats.get("h_index"), "summary_stats.h_index"),
        "i10Index": _int(stats.get("i10_index"), "summary_stats.i10_index"),
        "description": _text(extra.get("description"), "x_peergraph.description"),
        "openToCollaborate": _flag(
            extra.get("open_to_collaborate"), "x_peergraph.open_to_collaborate"
        ),
        "affiliations": current + [a for a in past if a["id"] not in current_ids],
    }


def abstract_text(index: Any) -> str | None:
    """Rebuilds the abstract from OpenAlex's `abstract_inverted_index` (word -> positions)."""
    if not index:
        return None
    if not isinstance(index, dict):
        raise RecordError("abstract_inverted_index must be an object")
    slots: dict[int, str] = {}
    for word, positions in index.items():
        if not isinstance(positions, list):
            raise RecordError("abstract_inverted_index maps each word to a list of positions")
        for position in positions:
            slots[_int(position, "abstract_inverted_index positions") or 0] = word
    return " ".join(slots[i] for i in sorted(slots))


def _authorship(entry: Any, position: int) -> Row:
    if not isinstance(entry, dict) or not isinstance(entry.get("author"), dict):
        raise RecordError(f"authorships[{position - 1}] has no author object")
    author, at = entry["author"], f"authorships[{position - 1}]"
    institutions = [
        institution_row(_entry(i, f"{at}.institutions")) for i in _list(entry, "institutions")
    ]
    return {
        "authorId": short_id(author.get("id"), f"{at}.author.id"),
        "name": _name(author, "author"),
        "orcid": _text(author.get("orcid"), f"{at}.author.orcid"),
        "position": position,
        "authorPosition": _text(entry.get("author_position"), f"{at}.author_position"),
        "rawName": _text(entry.get("raw_author_name"), f"{at}.raw_author_name"),
        "corresponding": bool(_flag(entry.get("is_corresponding"), f"{at}.is_corresponding")),
        "institutions": institutions,
        "institutionIds": [i["id"] for i in institutions],
    }


def _topic(entry: Any) -> Row:
    if not isinstance(entry, dict):
        raise RecordError("topics[] entries must be objects")
    return {**topic_row(entry), "score": _number(entry.get("score"), "topics[].score")}


def _doi(text: str | None) -> str | None:
    """One form whatever the source wrote (`10.x/y`, `doi:10.x/y`, `http://dx.doi.org/10.x/y`):
    the https://doi.org/ URL OpenAlex uses, the DOI's case kept (doi.org ignores it)."""
    match = DOI.search(text or "")
    return f"https://doi.org/{match['doi']}" if match else None


def _arxiv_id(doi: str | None, landing: str | None) -> str | None:
    for pattern, text in ((ARXIV_DOI, doi), (ARXIV_URL, landing)):
        match = pattern.search(text or "")
        if match:
            return match["id"]
    return None


def work_row(record: Row) -> Row:
    location = _object(record.get("primary_location"), "primary_location")
    source = _object(location.get("source"), "primary_location.source")
    doi = _doi(_text(record.get("doi"), "doi"))
    landing = _text(location.get("landing_page_url"), "primary_location.landing_page_url")
    authorships = [_authorship(a, i) for i, a in enumerate(_list(record, "authorships"), 1)]
    institutions = {i["id"]: i for a in authorships for i in a["institutions"]}
    return {
        "id": short_id(record.get("id")),
        "title": _name(record, "work"),
        "abstract": abstract_text(record.get("abstract_inverted_index")),
        "year": _int(record.get("publication_year"), "publication_year"),
        "type": _text(record.get("type"), "type"),
        "venue": _text(source.get("display_name"), "primary_location.source.display_name"),
        "doi": doi,
        "arxivId": _arxiv_id(doi, landing),
        "citedByCount": _int(record.get("cited_by_count"), "cited_by_count"),
        "authorships": authorships,
        # Distinct ids: the merge creates one edge per entry.
        "topics": list({t["id"]: t for t in map(_topic, _list(record, "topics"))}.values()),
        "institutions": list(institutions.values()),
        "references": sorted(
            {short_id(r, "referenced_works[]") for r in _list(record, "referenced_works")}
        ),
    }


PARSERS: dict[str, Callable[[Row], Row]] = {
    "works": work_row,
    "authors": author_row,
    "institutions": institution_row,
    "topics": topic_row,
}


MERGE_KINDS = {"W": "works", "A": "researchers", "I": "institutions", "T": "topics"}


def merge_row(record: Row) -> tuple[str, Row]:
    """A merged_ids row as (what it merges, {id, into}); both ids must be of one kind."""
    old, new = short_id(record.get("id")), short_id(record.get("into"), "merge_into_id")
    if old[0] != new[0] or old[0] not in MERGE_KINDS:
        raise RecordError(
            f"cannot merge {old} into {new}: both must be works, authors, institutions or topics"
        )
    return MERGE_KINDS[old[0]], {"id": old, "into": new}
