"""The answers as a normalising client cache (Apollo's, Relay's) stores them: every object with
an `id` is kept under it, so no two objects of different types may share one, and two copies of
one object must agree on every field they both carry."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graphql import FieldNode, NameNode, SelectionSetNode, Visitor, parse, print_ast, visit

import factories
from cypher.runner import CypherRunner
from helpers import execute
from ingest.importer import import_paths
from server.page_documents import PAGE_QUERIES

SEED = "A-jian-jiao"
TYPENAME = FieldNode(name=NameNode(value="__typename"), arguments=(), directives=())

# What someone exploring in GraphiQL asks beside the pages: a slice's nodes as entities, and
# the works the identity check read.
AD_HOC = """
query AdHoc($id: ID!) {
  explorer(center: $id, limit: 60) {
    nodes { weight node { id ... on Researcher { name } ... on Work { title } ... on Topic { name } } }
  }
  researcher(id: $id) { id name identity { groups { works { confirmed work { id title year } } } } }
}
"""


class AddTypename(Visitor):
    """What Apollo Client does to every document it sends."""

    def enter_selection_set(self, node: SelectionSetNode, *_: Any) -> SelectionSetNode | None:
        if any(isinstance(s, FieldNode) and s.name.value == "__typename" for s in node.selections):
            return None
        return SelectionSetNode(selections=(*node.selections, TYPENAME))


def with_typename(document: str) -> str:
    return print_ast(visit(parse(document), AddTypename()))


def objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from objects(child)
    elif isinstance(value, list):
        for item in value:
            yield from objects(item)


class Store:
    """Objects by id, with the scalar fields each copy carried."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.conflicts: list[str] = []

    def add(self, answer: Any) -> None:
        for obj in objects(answer):
            if "id" in obj:
                self.keep(obj)

    def keep(self, obj: dict[str, Any]) -> None:
        record = self.records.setdefault(obj["id"], {})
        for field, value in obj.items():
            if isinstance(value, dict | list):
                continue
            if field in record and record[field] != value:
                self.conflicts.append(f"{obj['id']}.{field}: {record[field]!r} and {value!r}")
            record[field] = value


async def answer(runner: CypherRunner, document: str, variables: dict[str, Any]) -> Any:
    result, _ = await execute(runner, with_typename(document), variables)
    assert result.errors is None, result.errors
    return result.data


async def test_the_pages_and_ad_hoc_queries_share_one_cache_without_a_clash(
    runner: CypherRunner,
) -> None:
    store = Store()
    profile = await answer(runner, PAGE_QUERIES["ProfilePage"], {"id": SEED})
    store.add(profile)
    work = profile["researcher"]["works"]["edges"][0]["node"]["id"]
    topic = profile["researcher"]["topics"]["edges"][0]["node"]["id"]
    for node_id in (work, topic):
        store.add(await answer(runner, PAGE_QUERIES["NodePage"], {"id": node_id}))
        store.add(await answer(runner, PAGE_QUERIES["Explore"], {"center": node_id}))
    store.add(await answer(runner, AD_HOC, {"id": SEED}))

    assert [id_ for id_, record in store.records.items() if "__typename" not in record] == []
    assert store.conflicts == []
    # The slices' nodes and the identity check's works reached the cache as the entities.
    kinds = {record["__typename"] for record in store.records.values()}
    assert {"Researcher", "Work", "Topic"} <= kinds


async def test_a_slice_s_nodes_as_entities_cost_one_statement_per_kind(
    runner: CypherRunner,
) -> None:
    query = """query($id: ID!) { explorer(center: $id, limit: 60) {
      nodes { nodeId node { __typename id } } } }"""

    result, context = await execute(runner, query, {"id": SEED})

    assert result.errors is None, result.errors
    assert result.data is not None
    nodes = result.data["explorer"]["nodes"]
    assert [n["node"]["id"] for n in nodes] == [n["nodeId"] for n in nodes]
    kinds = {n["node"]["__typename"] for n in nodes}
    assert kinds == {"Researcher", "Work", "Topic", "Institution"}
    loads = {"get_researchers", "get_works", "get_topics", "get_institutions"}
    by_name = context.runner.stats.by_name
    assert {name: by_name.get(name) for name in loads} == dict.fromkeys(loads, 1)


async def test_a_bookmarked_id_that_openalex_merged_away_finds_the_node_it_became(
    shared_runner: CypherRunner, runner: CypherRunner, tmp_path: Path
) -> None:
    works = [factories.work(f"W-mg-{n}", ["A-mg-author"], ["T-mg"]) for n in ("a", "b", "c")]
    await factories.load(shared_runner, tmp_path, works)
    # a into b, then (a later snapshot) b into c: a bookmark of a still finds c.
    factories.merged_ids(tmp_path / "first", "works", [("W-mg-a", "W-mg-b")])
    factories.merged_ids(tmp_path / "later", "works", [("W-mg-b", "W-mg-c")])
    for snapshot in ("first", "later"):
        await import_paths(shared_runner, [tmp_path / snapshot / "merged_ids"])

    result, context = await execute(
        runner,
        """{ a: node(id: "W-mg-a") { id ... on Work { title } }
             b: node(id: "W-mg-b") { id }
             c: node(id: "W-mg-c") { id }
             never: node(id: "W-mg-never") { id } }""",
    )

    assert result.errors is None
    assert result.data == {
        "a": {"id": "W-mg-c", "title": "Work W-mg-c"},
        "b": {"id": "W-mg-c"},
        "c": {"id": "W-mg-c"},
        "never": None,
    }
    # The ids not found are looked up in one statement; the node they became was read with
    # the others (the request's loader keeps it).
    assert context.runner.stats.by_name == {"get_works": 1, "get_merged_into": 1}
