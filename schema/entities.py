"""A row read from the graph as its GraphQL type: what `node(id:)`, `nodes(ids:)` and an
explorer slice's `node` return."""

from model.graph import InstitutionRow, NodeRow, ResearcherRow, TopicRow, WorkRow
from schema.institution import Institution
from schema.node import Node
from schema.researcher import Researcher
from schema.topic import Topic
from schema.work import Work


def as_node(row: NodeRow | None) -> Node | None:
    if isinstance(row, ResearcherRow):
        return Researcher.of(row)
    if isinstance(row, WorkRow):
        return Work.of(row)
    if isinstance(row, TopicRow):
        return Topic.of(row)
    if isinstance(row, InstitutionRow):
        return Institution.of(row)
    return None
