"""Reading the parts of a work: its ordered authors and its topics."""

from loaders.rows import AuthorshipRow, WorkTopicRow
from resolvers.context import Context


async def authors(ctx: Context, work_id: str) -> list[AuthorshipRow]:
    return await ctx.loaders.work_authors.load(work_id)


async def topics(ctx: Context, work_id: str) -> list[WorkTopicRow]:
    return await ctx.loaders.work_topics.load(work_id)
