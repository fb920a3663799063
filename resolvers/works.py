"""Reading works: by id, their parts, lists of works of an owner, search."""

from model.graph import (
    AuthorshipRow,
    CitationCountsRow,
    RelatedWorkRow,
    WorkRow,
    WorkTopicRow,
    WorkWithParts,
)
from model.paging import Page, PageKey
from resolvers.context import Context
from resolvers.paging import check_first, decode_cursor
from resolvers.search import Hit
from resolvers.search import search as full_text


async def authors(ctx: Context, work_id: str) -> list[AuthorshipRow]:
    return await ctx.loaders.work_authors.load(work_id)


async def topics(ctx: Context, work_id: str) -> list[WorkTopicRow]:
    return await ctx.loaders.work_topics.load(work_id)


async def citation_counts(ctx: Context, work_id: str) -> CitationCountsRow:
    return await ctx.loaders.work_citations.load(work_id) or CitationCountsRow(0, 0)


async def related(ctx: Context, work_id: str, first: int) -> list[RelatedWorkRow]:
    return (await ctx.loaders.related_works.load(work_id))[: check_first(first)]


async def works_of(
    ctx: Context, owner_id: str, first: int, after: str | None, order: str
) -> Page[WorkWithParts]:
    """A page of the works of a researcher, topic or institution, each with its authors and
    topics: no further statement needs to read them."""
    after_key, after_id = decode_cursor(after)
    key = PageKey(owner_id, check_first(first), after_key, after_id, order=order)
    return await ctx.loaders.works_page.load(key) or Page(0, (), False)


async def search(
    ctx: Context, text: str, first: int, after: str | None
) -> tuple[list[Hit[WorkRow]], bool]:
    return await full_text(ctx, "search_works", text, first, after, lambda r: WorkRow.of(r["work"]))
