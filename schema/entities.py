"""A row read from the graph as its GraphQL type: what `node(id:)`, `nodes(ids:)` and an
explorer slice's `node` return."""

from model.graph import InstitutionRow, NodeRow, ResearcherRow, TopicRow, WorkRow
from model.social import ClaimRow, InvitationRow
from schema.institution import Institution
from schema.node import Node
from schema.researcher import Researcher
from schema.social import Claim, Invitation
from schema.topic import Topic
from schema.work import Work


def as_node(row: NodeRow | ClaimRow | InvitationRow | None) -> Node | None:
    if isinstance(row, ResearcherRow):
        return Researcher.of(row)
    if isinstance(row, WorkRow):
        return Work.of(row)
    if isinstance(row, TopicRow):
        return Topic.of(row)
    if isinstance(row, InstitutionRow):
        return Institution.of(row)
    if isinstance(row, ClaimRow):
        return Claim.of(row)
    if isinstance(row, InvitationRow):
        return Invitation.of(row)
    return None
