"""Reading researchers: by id, their counts, pages of their works, search."""

from dataclasses import dataclass

from loaders.researchers import researcher_of
from loaders.rows import CountsRow, Page, PageKey, ResearcherRow, WorkRow
from resolvers.context import Context
from resolvers.ids import expect
from resolvers.paging import check_first, decode_cursor
from resolvers.search import lucene_query


async def researcher(
    ctx: Context, researcher_id: str, argument: str = "id"
) -> ResearcherRow | None:
    return await ctx.loaders.researcher.load(expect(argument, researcher_id, "Researcher"))


async def counts(ctx: Context, researcher_id: str) -> CountsRow:
    row = await ctx.loaders.counts.load(researcher_id)
    return row or CountsRow(0, 0, 0, 0)


async def works(
    ctx: Context, researcher_id: str, first: int, after: str | None, order: str
) -> Page[WorkRow]:
    after_key, after_id = decode_cursor(after)
    key = PageKey(researcher_id, check_first(first), order, after_key, after_id)
    return await ctx.loaders.works_page.load(key) or Page(0, (), False)


@dataclass(frozen=True)
class SearchHit:
    score: float
    row: ResearcherRow


async def search(
    ctx: Context, text: str, first: int, after: str | None
) -> tuple[list[SearchHit], bool]:
    """Up to `first` researchers best matching `text`, and whether more follow."""
    query = lucene_query(text)
    after_score, after_id = decode_cursor(after)
    if query is None or check_first(first) == 0:
        return [], False
    records = await ctx.runner.read(
        "search_researchers", query=query, first=first, afterScore=after_score, afterId=after_id
    )
    hits = [SearchHit(r["score"], researcher_of(r)) for r in records]
    return hits[:first], len(hits) > first
