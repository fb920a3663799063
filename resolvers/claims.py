"""Claiming researcher records, admin review, owner edits, confirming and splitting works."""

import uuid
from dataclasses import dataclass
from typing import Any

from neo4j import Record

from cypher.affiliations import refresh_current_affiliations
from cypher.runner import as_datetime
from cypher.works_page_keys import refresh_works_page_keys
from model.paging import Page
from model.refusals import Refusal, not_found
from model.social import ClaimRow
from resolvers.authorization import check_still_owner, require_admin, researcher_grant, signed_in
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.evidence import matching_evidence
from resolvers.ids import expect, expect_record
from resolvers.paging import check_first, scope, timed_page, timed_page_after

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
    researcher_id: str | None
    error: Refusal | None = None


async def claim(ctx: Context, researcher_id: str, evidence: str | None) -> ClaimResult:
    viewer = signed_in(ctx)
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
        refusal = Refusal(outcome, CLAIM_REFUSALS[outcome], "researcherId")
        return ClaimResult(None, researcher_id, refusal)
    return ClaimResult(claim_id, researcher_id)


async def review(ctx: Context, claim_id: str, approve: bool, institution: bool) -> ClaimResult:
    admin = require_admin(ctx)
    claim_key = expect_record("claimId", claim_id, "Claim")
    records = await ctx.runner.write(
        "review_claim",
        claimId=claim_key,
        approve=approve,
        institutionConfirmed=institution,
        admin=admin.params(),
    )
    if not records:
        return ClaimResult(None, None, not_found("claimId", "claim", claim_id))
    outcome, researcher_id = records[0]["outcome"], records[0]["researcherId"]
    if outcome in ("APPROVED", "REJECTED"):
        return ClaimResult(claim_key, researcher_id)
    message = CLAIM_REFUSALS.get(outcome, "This claim was already reviewed")
    return ClaimResult(claim_key, researcher_id, Refusal(outcome, message, "claimId"))


def claim_row(r: Record) -> ClaimRow:
    return ClaimRow(
        r["claimId"],
        r["status"],
        r["userId"],
        r["researcherId"],
        r["evidence"] or None,
        as_datetime(r["at"]),
        as_datetime(r["reviewedAt"]) if r["reviewedAt"] else None,
    )


async def pending_claims(ctx: Context, first: int, after: str | None) -> Page[ClaimRow]:
    require_admin(ctx)
    list_scope = scope("pendingClaims")
    records = await ctx.runner.read(
        "list_pending_claims", first=check_first(first), **timed_page_after(after, list_scope)
    )
    return timed_page(records, first, list_scope, claim_row)


async def viewer_claims(ctx: Context, first: int, after: str | None) -> Page[ClaimRow]:
    viewer = signed_in(ctx)
    list_scope = scope("claims", viewer.id)
    records = await ctx.runner.read(
        "list_viewer_claims",
        userId=viewer.id,
        first=check_first(first),
        **timed_page_after(after, list_scope),
    )
    return timed_page(records, first, list_scope, claim_row)


async def claim_by_key(ctx: Context, key: str) -> ClaimRow | None:
    """A claim its claimant or an admin may see; None for anyone else, as for no claim."""
    if ctx.auth.user is None:
        return None
    user = ctx.auth.user
    records = await ctx.runner.read("get_claim", claimId=key, userId=user.id, admin=user.admin)
    return claim_row(records[0]) if records else None


async def owner_write(
    ctx: Context,
    statement: str,
    researcher_id: str,
    then: tuple[tuple[str, dict[str, Any]], ...] = (),
    **params: object,
) -> dict[str, object] | None:
    """Runs an owner-only write, and the statements `then` names after it in the same
    transaction; None when the researcher does not exist."""
    user = signed_in(ctx)
    expect("researcherId", researcher_id, "Researcher")
    grant = await researcher_grant(ctx, user, researcher_id, "change it")
    if grant is None:
        return None
    write = (statement, {"ownerId": grant.owner_id, "researcherId": researcher_id, **params})
    records = (await ctx.runner.write_together([write, *then]))[0]
    if not records:
        return None
    check_still_owner(records[0]["outcome"])
    return dict(records[0])


async def release(ctx: Context, researcher_id: str) -> Refusal | None:
    # The owner's affiliations go: the current one follows in the same transaction.
    then = (refresh_current_affiliations([researcher_id]),)
    done = await owner_write(ctx, "release_claim", researcher_id, then)
    return None if done else not_found("researcherId", "researcher", researcher_id)


async def update_profile(
    ctx: Context,
    researcher_id: str,
    description: str | None,
    open_to_collaborate: bool | None,
    affiliation_id: str | None,
) -> Refusal | None:
    signed_in(ctx)  # before the input is judged: a stranger learns nothing from it
    if description is not None and len(description) > MAX_DESCRIPTION:
        raise BadInput("description", f"must be at most {MAX_DESCRIPTION} characters")
    if affiliation_id is not None:
        expect("affiliationId", affiliation_id, "Institution")
    done = await owner_write(
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
) -> tuple[int, Refusal | None]:
    signed_in(ctx)  # before the input is judged, as for a profile update
    done = await owner_write(
        ctx, "confirm_authorships", researcher_id, workIds=check_work_ids(work_ids)
    )
    if done is None:
        return 0, not_found("researcherId", "researcher", researcher_id)
    return int(str(done["confirmed"])), None


async def split(
    ctx: Context, researcher_id: str, work_ids: list[str]
) -> tuple[str | None, Refusal | None]:
    """Moves the works to a new researcher record; its id, or why not."""
    new_id = f"{researcher_id}-split-{uuid.uuid4().hex[:8]}"
    user = signed_in(ctx)
    expect("researcherId", researcher_id, "Researcher")
    work_ids = check_work_ids(work_ids)
    grant = await researcher_grant(ctx, user, researcher_id, "split it", admins_too=True)
    if grant is None:
        return None, not_found("researcherId", "researcher", researcher_id)
    params = {
        "ownerId": grant.owner_id,
        "researcherId": researcher_id,
        "newId": new_id,
        "workIds": work_ids,
    }
    # The moved authorships name their new owner in the works pages' keys.
    steps = [("split_researcher", params), refresh_works_page_keys(owners=[new_id])]
    records = (await ctx.runner.write_together(steps))[0]
    if not records:
        return None, not_found("researcherId", "researcher", researcher_id)
    check_still_owner(records[0]["outcome"])
    if records[0]["outcome"] == "NOT_THEIR_WORKS":
        return None, Refusal(
            "NOT_THEIR_WORKS", "every work must be one of this researcher's", "workIds"
        )
    return new_id, None


async def owned(ctx: Context) -> str | None:
    """The id of the researcher the viewer owns."""
    viewer = signed_in(ctx)
    records = await ctx.runner.read("get_owned_researcher", userId=viewer.id)
    return records[0]["id"] if records else None
