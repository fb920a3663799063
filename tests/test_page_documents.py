"""The explorer page's GraphQL documents: files the service knows from the start, sent by hash."""

import re
from pathlib import Path

from graphql import OperationDefinitionNode, parse, validate
from starlette.testclient import TestClient

from schema import PROFILE_PAGE, schema
from server.app import create_app
from server.config import Settings
from server.page_documents import (
    FRAGMENTS,
    PAGE_DOCUMENTS,
    PAGE_HASHES,
    PAGE_QUERIES,
    QUERIES,
    with_fragments,
)
from server.persisted import sha256

QUERIES_JS = Path(__file__).resolve().parent.parent / "web" / "static" / "queries.js"


def test_each_file_is_one_valid_operation_named_as_the_file() -> None:
    files = sorted(QUERIES.glob("*.graphql"))
    assert len(files) >= 8
    for path in files:
        # As the page sends it: the file and the fragments it spreads.
        document = parse(PAGE_QUERIES[path.stem])
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        assert [o.name.value for o in operations if o.name] == [path.stem]
        assert len(operations) == 1, path.name
        assert validate(schema._schema, document) == [], path.name


def test_a_document_carries_each_fragment_it_spreads_once_and_no_other() -> None:
    fragments = {"A": "fragment A on Work { id ...B }", "B": "fragment B on Work { title }"}
    fragments["C"] = "fragment C on Work { year }"

    text = with_fragments("query Q { work(id: 1) { ...A ... on Work { ...B } } }", fragments)

    assert text.count("fragment A ") == 1 and text.count("fragment B ") == 1
    assert "fragment C " not in text
    assert with_fragments("query Q { work(id: 1) { id } }", fragments).count("fragment") == 0


def test_the_documents_are_the_files_and_the_profile_page() -> None:
    fragments = {p.stem: p.read_text("utf-8") for p in FRAGMENTS.glob("*.graphql")}
    assert fragments.keys() == {"Slice", "WorkCard"}
    files = {
        p.stem: with_fragments(p.read_text("utf-8"), fragments) for p in QUERIES.glob("*.graphql")
    }
    assert {"ProfilePage": PROFILE_PAGE, **files} == PAGE_QUERIES
    assert set(PAGE_DOCUMENTS) == set(PAGE_QUERIES.values())
    assert {name: sha256(text) for name, text in PAGE_QUERIES.items()} == PAGE_HASHES


def test_the_page_script_names_exactly_the_documents_there_are() -> None:
    named = set(re.findall(r'= "([A-Z]\w+)";', QUERIES_JS.read_text("utf-8")))
    assert named | {"ProfilePage"} == set(PAGE_QUERIES)


def test_the_page_carries_the_hashes_and_each_text_is_served_by_name() -> None:
    with TestClient(create_app(Settings())) as client:
        html = client.get("/explore/A-jian-jiao").text
        texts = {name: client.get(f"/assets/queries/{name}.graphql") for name in PAGE_QUERIES}
        missing = client.get("/assets/queries/Nope.graphql")
        sneaky = client.get("/assets/queries/..%2Fstatic%2Fexplore.graphql")

    for name, digest in PAGE_HASHES.items():
        assert f"&quot;{name}&quot;: &quot;{digest}&quot;" in html
    for name, response in texts.items():
        assert response.status_code == 200
        assert sha256(response.text) == PAGE_HASHES[name]
    assert missing.status_code == 404
    assert sneaky.status_code == 404
