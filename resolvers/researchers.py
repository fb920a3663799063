"""Reading researchers: by id, counts, affiliations, co-authors, topics, search."""

from loaders.identity import IdentityInputs
from loaders.researchers import researcher_of
from model.aggregates import CLOSE_MIN_SHARED
from model.graph import AffiliationRow, CoauthorRow, CountsRow, ResearcherRow, TopicShareRow
from model.paging import Page
from resolvers.context import Context
from resolvers.identity import IdentityReport, analyse
from resolvers.ids import expect
from resolvers.paging import keyed_page, scope
from resolvers.search import search as full_text
from resolvers.trust import TrustScore, trust


async def researcher(
    ctx: Context, researcher_id: str, argument: str = "id"
) -> ResearcherRow | None:
    return await ctx.loaders.researcher.load(expect(argument, researcher_id, "Researcher"))


async def counts(ctx: Context, researcher_id: str) -> CountsRow:
    return await ctx.loaders.counts.load(researcher_id) or CountsRow(0, 0, 0, 0)


async def past_affiliations(ctx: Context, researcher_id: str) -> list[AffiliationRow]:
    return [a for a in await ctx.loaders.affiliations.load(researcher_id) if not a.current]


async def coauthors(
    ctx: Context, researcher_id: str, first: int, after: str | None, min_shared: int = 1
) -> Page[CoauthorRow]:
    # One order whatever the filter: a cursor serves any minimum of shared works.
    list_scope = scope("coauthors", researcher_id)
    return await keyed_page(
        ctx.loaders.coauthors, list_scope, researcher_id, first, after, min_shared=min_shared
    )


async def close_collaborators(ctx: Context, researcher_id: str, first: int) -> list[CoauthorRow]:
    page = await coauthors(ctx, researcher_id, first, None, CLOSE_MIN_SHARED)
    return [e.row for e in page.entries]


async def topics(
    ctx: Context, researcher_id: str, first: int, after: str | None
) -> Page[TopicShareRow]:
    list_scope = scope("topics", researcher_id)
    return await keyed_page(ctx.loaders.researcher_topics, list_scope, researcher_id, first, after)


async def search(ctx: Context, text: str, first: int, after: str | None) -> Page[ResearcherRow]:
    return await full_text(ctx, "search_researchers", text, first, after, researcher_of)


async def analysed(ctx: Context, researcher_id: str) -> tuple[IdentityInputs, IdentityReport]:
    inputs = await ctx.loaders.identity.load(researcher_id)
    # The identity check and the trust snapshot both need the analysis: once per request.
    if (report := ctx.identity_reports.get(researcher_id)) is None:
        report = ctx.identity_reports[researcher_id] = analyse(inputs.works)
    return inputs, report


async def identity(ctx: Context, researcher_id: str) -> IdentityReport:
    return (await analysed(ctx, researcher_id))[1]


async def trust_score(ctx: Context, row: ResearcherRow) -> TrustScore:
    return trust(row, *await analysed(ctx, row.id))
