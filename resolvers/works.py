"""Reading works: by id, their parts, lists of works of an owner, search."""

from loaders.works import PAGE_AUTHORS
from model.graph import (
    AuthorshipRow,
    CitationCountsRow,
    InstitutionRow,
    RelatedWorkRow,
    WorkRow,
    WorkTopicRow,
    WorkWithParts,
)
from model.paging import Page, PageKey
from resolvers.context import Context
from resolvers.errors import BadInput
from resolvers.paging import check_first, keyed_page, scope
from resolvers.search import search as full_text

# Work.authors gives this many by default: what a page of works brings with each work.
DEFAULT_AUTHORS = PAGE_AUTHORS


def check_after_position(after: int | None) -> float | None:
    if after is None:
        return None
    if after < 0:
        raise BadInput("after", f"is an author's position, 0 or more, got {after}")
    return float(after)


async def authors(ctx: Context, work_id: str, first: int, after: int | None) -> Page[AuthorshipRow]:
    """The work's authors after position `after`, at most `first`; total is how many it has."""
    key = PageKey(work_id, check_first(first), check_after_position(after), None)
    return await ctx.loaders.work_authors.load(key) or Page(0, (), False)


async def author_count(ctx: Context, work_id: str) -> int:
    # An empty page reads one authorship and the work's degree; asked with a page of its
    # authors, both go in one statement.
    return (await authors(ctx, work_id, 0, None)).total or 0


async def institutions(ctx: Context, ids: list[str]) -> list[InstitutionRow]:
    """In the order given; an institution deleted since is left out."""
    rows = await ctx.loaders.institution.load_many(ids)
    return [r for r in rows if r is not None]


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
    list_scope = scope(f"works:{order}", owner_id)
    return await keyed_page(ctx.loaders.works_page, list_scope, owner_id, first, after, order=order)


async def search(ctx: Context, text: str, first: int, after: str | None) -> Page[WorkRow]:
    return await full_text(ctx, "search_works", text, first, after, lambda r: WorkRow.of(r["work"]))
