"""Turns OpenAlex-shaped JSON records into the flat rows the merge statements take.

Validation happens here, before anything is written, so a bad record is skipped whole.
"""

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from model.ids import is_id

OPENALEX_PREFIX = "https://openalex.org/"
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


def _int(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"{field} must be a whole number, not {value!r}")
    return value


def _list(record: Row, field: str) -> list[Any]:
    value = record.get(field) or []
    if not isinstance(value, list):
        raise RecordError(f"{field} must be a list")
    return value


def _label(obj: Any) -> str | None:
    return obj.get("display_name") if isinstance(obj, dict) else None


def web_domain(url: Any) -> str | None:
    """`https://www.microsoft.com/` becomes `microsoft.com`: what claim evidence matches."""
    if not isinstance(url, str) or not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


def institution_row(record: Row) -> Row:
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "institution"),
        "country": record.get("country_code"),
        "type": record.get("type"),
        "ror": record.get("ror"),
        "domain": web_domain(record.get("homepage_url")),
    }


def topic_row(record: Row) -> Row:
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "topic"),
        "subfield": _label(record.get("subfield")),
        "field": _label(record.get("field")),
        "domain": _label(record.get("domain")),
        "description": record.get("description"),
    }


def _affiliation(entry: Any, current: bool) -> Row:
    institution = entry.get("institution", entry) if isinstance(entry, dict) else None
    if not isinstance(institution, dict):
        raise RecordError("affiliations[] entries need an institution object")
    years = [y for y in entry.get("years") or [] if isinstance(y, int)]
    return {
        **institution_row(institution),
        "since": min(years, default=None),
        "until": None if current else max(years, default=None),
        "current": current,
    }


def author_row(record: Row) -> Row:
    stats = record.get("summary_stats") or {}
    extra = record.get("x_peergraph") or {}
    current = [_affiliation(i, True) for i in _list(record, "last_known_institutions")]
    past = [_affiliation(a, False) for a in _list(record, "affiliations")]
    current_ids = {a["id"] for a in current}
    return {
        "id": short_id(record.get("id")),
        "name": _name(record, "author"),
        "orcid": record.get("orcid"),
        "worksCount": _int(record.get("works_count"), "works_count"),
        "citedByCount": _int(record.get("cited_by_count"), "cited_by_count"),
        "hIndex": _int(stats.get("h_index"), "summary_stats.h_index"),
        "i10Index": _int(stats.get("i10_index"), "summary_stats.i10_index"),
        "description": extra.get("description"),
        "openToCollaborate": extra.get("open_to_collaborate"),
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
        for position in positions:
            slots[position] = word
    return " ".join(slots[i] for i in sorted(slots))


def _authorship(entry: Any, position: int) -> Row:
    if not isinstance(entry, dict) or not isinstance(entry.get("author"), dict):
        raise RecordError(f"authorships[{position - 1}] has no author object")
    author = entry["author"]
    institutions = [institution_row(i) for i in entry.get("institutions") or []]
    return {
        "authorId": short_id(author.get("id"), f"authorships[{position - 1}].author.id"),
        "name": _name(author, "author"),
        "orcid": author.get("orcid"),
        "position": position,
        "authorPosition": entry.get("author_position"),
        "rawName": entry.get("raw_author_name"),
        "corresponding": bool(entry.get("is_corresponding")),
        "institutions": institutions,
        "institutionIds": [i["id"] for i in institutions],
    }


def _topic(entry: Any) -> Row:
    if not isinstance(entry, dict):
        raise RecordError("topics[] entries must be objects")
    score = entry.get("score")
    if score is not None and not isinstance(score, int | float):
        raise RecordError("topics[].score must be a number")
    return {**topic_row(entry), "score": score}


def _arxiv_id(doi: str | None, landing: str | None) -> str | None:
    for pattern, text in ((ARXIV_DOI, doi), (ARXIV_URL, landing)):
        match = pattern.search(text or "")
        if match:
            return match["id"]
    return None


def work_row(record: Row) -> Row:
    location = record.get("primary_location") or {}
    source = location.get("source") or {}
    doi = record.get("doi")
    authorships = [_authorship(a, i) for i, a in enumerate(_list(record, "authorships"), 1)]
    institutions = {i["id"]: i for a in authorships for i in a["institutions"]}
    return {
        "id": short_id(record.get("id")),
        "title": _name(record, "work"),
        "abstract": abstract_text(record.get("abstract_inverted_index")),
        "year": _int(record.get("publication_year"), "publication_year"),
        "type": record.get("type"),
        "venue": source.get("display_name"),
        "doi": doi,
        "arxivId": _arxiv_id(doi, location.get("landing_page_url")),
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
