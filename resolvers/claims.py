"""Claiming researcher records, admin review, owner edits, confirming and splitting works."""

import uuid
from dataclasses import dataclass
from typing import Any

from cypher.affiliations import refresh_current_affiliations
from resolvers.context import Context
from resolvers.errors import BadInput, Forbidden, UserError, not_found
from resolvers.evidence import matching_evidence
from resolvers.ids import expect
from resolvers.paging import check_first
from resolvers.viewer import Viewer

MAX_EVIDENCE = 2000
MAX_DESCRIPTION = 1000
MAX_WORK_IDS = 500
CLAIM_REFUSALS = {
    "ALREADY_CLAIMED": "This researcher already has an owner",
    "ALREADY_OWNS_ANOTHER": "You already own a researcher record; release it first",
    "ALREADY_PENDING": "You already have a claim on this researcher waiting for review",
    "TOO_MANY_PENDING_CLAIMS": "You have too many claims waiting for review; wait until an "
    "admin has answered one, or sign in with an ORCID or a verified email that matches",
}


@dataclass(frozen=True)
class ClaimResult:
    claim_id: str | None
    status: str | None
    error: UserError | None = None


async def claim(ctx: Context, researcher_id: str, evidence: str | None) -> ClaimResult:
    viewer = ctx.auth.require()
    expect("researcherId", researcher_id, "Researcher")
    note = (evidence or "").strip()
    if len(note) > MAX_EVIDENCE:
        raise BadInput("evidence", f"must be at most {MAX_EVIDENCE} characters")
    facts = await ctx.runner.read("get_claim_evidence", researcherId=researcher_id)
    if not facts:
        return ClaimResult(None, None, not_found("researcherId", "researcher", researcher_id))
    matched = matching_evidence(viewer, facts[0]["orcid"], facts[0]["domains"])
    claim_id = str(uuid.uuid4())
    records = await ctx.runner.write(
        "claim_researcher",
        user=viewer.params(),
        researcherId=researcher_id,
        claimId=claim_id,
        evidence=note,
        matched=matched,
        maxPending=ctx.policy.max_pending_claims,
    )
    outcome = records[0]["outcome"]
    if outcome in CLAIM_REFUSALS:
        return ClaimResult(None, None, UserError(outcome, CLAIM_REFUSALS[outcome], "researcherId"))
    return ClaimResult(claim_id, "APPROVED" if outcome == "OWNED" else "PENDING")


def require_admin(ctx: Context) -> Viewer:
    viewer = ctx.auth.require()
    if not viewer.admin:
        raise Forbidden("only an admin can do this")
    return viewer


async def review(ctx: Context, claim_id: str, approve: bool, institution: bool) -> ClaimResult:
    admin = require_admin(ctx)
    records = await ctx.runner.write(
        "review_claim",
        claimId=claim_id,
        approve=approve,
        institutionConfirmed=institution,
        admin=admin.params(),
    )
    if not records:
        return ClaimResult(None, None, not_found("claimId", "claim", claim_id))
    outcome = records[0]["outcome"]
    if outcome in ("APPROVED", "REJECTED"):
        return ClaimResult(claim_id, outcome)
    message = CLAIM_REFUSALS.get(outcome, "This claim was already reviewed")
    return ClaimResult(claim_id, None, UserError(outcome, message, "claimId"))


@dataclass(frozen=True)
class PendingClaimRow:
    id: str
    user_id: str
    researcher_id: str
    evidence: str | None
    at: str


async def pending_claims(ctx: Context, first: int) -> list[PendingClaimRow]:
    require_admin(ctx)
    records = await ctx.runner.read("list_pending_claims", first=check_first(first))
    return [
        PendingClaimRow(r["claimId"], r["userId"], r["researcherId"], r["evidence"], r["at"])
        for r in records
    ]


async def owner_statement(
    ctx: Context,
    statement: str,
    researcher_id: str,
    then: tuple[tuple[str, dict[str, Any]], ...] = (),
    **params: object,
) -> dict[str, object] | None:
    """Runs an owner-only write, and the statements `then` names after it in the same
    transaction; None when the researcher does not exist."""
    viewer = ctx.auth.require()
    expect("researcherId", researcher_id, "Researcher")
    write = (statement, {"user": viewer.params(), "researcherId": researcher_id, **params})
    records = (await ctx.runner.write_together([write, *then]))[0]
    if not records:
        return None
    if records[0]["outcome"] in ("NOT_OWNER", "FORBIDDEN"):
        raise Forbidden("only the owner of this researcher record can do this")
    return dict(records[0])


async def release(ctx: Context, researcher_id: str) -> UserError | None:
    # The owner's affiliations go: the current one follows in the same transaction.
    then = (refresh_current_affiliations([researcher_id]),)
    done = await owner_statement(ctx, "release_claim", researcher_id, then)
    return None if done else not_found("researcherId", "researcher", researcher_id)


async def update_profile(
    ctx: Context,
    researcher_id: str,
    description: str | None,
    open_to_collaborate: bool | None,
    affiliation_id: str | None,
) -> UserError | None:
    if description is not None and len(description) > MAX_DESCRIPTION:
        raise BadInput("description", f"must be at most {MAX_DESCRIPTION} characters")
    if affiliation_id is not None:
        expect("affiliationId", affiliation_id, "Institution")
    done = await owner_statement(
        ctx,
        "update_researcher_profile",
        researcher_id,
        # A new owner-set affiliation is the current one, in the same transaction.
        (refresh_current_affiliations([researcher_id]),),
        description=description,
        openToCollaborate=open_to_collaborate,
        affiliationId=affiliation_id,
    )
    if done is None:
        return not_found("researcherId", "researcher", researcher_id)
    if done["outcome"] == "NO_SUCH_INSTITUTION":
        return not_found("affiliationId", "institution", str(affiliation_id))
    return None


def check_work_ids(work_ids: list[str]) -> list[str]:
    if not 1 <= len(work_ids) <= MAX_WORK_IDS:
        raise BadInput("workIds", f"give 1 to {MAX_WORK_IDS} work ids")
    return [expect(f"workIds[{i}]", w, "Work") for i, w in enumerate(work_ids)]


async def confirm_works(
    ctx: Context, researcher_id: str, work_ids: list[str]
) -> tuple[int, UserError | None]:
    done = await owner_statement(
        ctx, "confirm_authorships", researcher_id, workIds=check_work_ids(work_ids)
    )
    if done is None:
        return 0, not_found("researcherId", "researcher", researcher_id)
    return int(str(done["confirmed"])), None


async def split(
    ctx: Context, researcher_id: str, work_ids: list[str]
) -> tuple[str | None, UserError | None]:
    """Moves the works to a new researcher record; its id, or why not."""
    new_id = f"{researcher_id}-split-{uuid.uuid4().hex[:8]}"
    viewer = ctx.auth.require()
    expect("researcherId", researcher_id, "Researcher")
    records = await ctx.runner.write(
        "split_researcher",
        user=viewer.params(),
        researcherId=researcher_id,
        newId=new_id,
        workIds=check_work_ids(work_ids),
    )
    if not records:
        return None, not_found("researcherId", "researcher", researcher_id)
    outcome = records[0]["outcome"]
    if outcome == "FORBIDDEN":
        raise Forbidden("only the owner of this researcher record or an admin can split it")
    if outcome == "NOT_THEIR_WORKS":
        return None, UserError(
            "NOT_THEIR_WORKS", "every work must be one of this researcher's", "workIds"
        )
    return new_id, None


async def owned(ctx: Context) -> str | None:
    """The id of the researcher the viewer owns."""
    viewer = ctx.auth.require()
    records = await ctx.runner.read("get_owned_researcher", userId=viewer.id)
    return records[0]["id"] if records else None
