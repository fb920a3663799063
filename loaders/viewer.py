"""What the signed-in user may do with researchers: the facts their permissions come from."""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from cypher.runner import CypherRunner
from model.social import ViewerStanding

# The invitation limit counts the invitations of the last 24 hours (invite_to_collaborate).
LIMIT_WINDOW = timedelta(days=1)


async def standing_by_researcher(
    viewer_id: str | None, runner: CypherRunner, ids: Sequence[str]
) -> list[ViewerStanding | None]:
    """Signed out, nobody may do anything: no statement runs."""
    if viewer_id is None:
        return [None] * len(ids)
    since = datetime.now(UTC) - LIMIT_WINDOW
    records = await runner.read("get_viewer_standing", userId=viewer_id, ids=list(ids), since=since)
    found = {
        r["id"]: ViewerStanding(
            r["ownerId"],
            r["open"],
            r["claimPending"],
            r["invitationPending"],
            r["ownsOne"],
            r["pendingClaims"],
            r["sentToday"],
        )
        for r in records
    }
    return [found.get(i) for i in ids]
