"""What one request may ask: its size in characters (checked before it is lexed), its tokens,
depth and aliases, and a cost budget computed before any Cypher runs.

Cost: every field costs 1, and a field with a `first` or `limit` argument multiplies the cost
of what is selected under it by that number (its default when not given); the list right under
it (a connection's edges, an explorer's nodes) is that page and does not multiply again. Any
other list multiplies by UNBOUNDED_LIST, an estimate of its length. Variables are coerced as
execution coerces them (their defaults included), so a query costs the same however its values
arrive.

Every check walks a fragment once, however often it is spread: a few hundred bytes of
fragments that spread each other twice expand to 2**k selections, and walking each expansion
would hold the event loop for as long as the client likes.
"""

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    Undefined,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_operation_ast,
    parse,
    value_from_ast,
)
from graphql.execution.values import get_variable_values
from graphql.type import GraphQLInterfaceType
from strawberry.extensions import AddValidationRules, MaxTokensLimiter, SchemaExtension
from strawberry.types import ExecutionResult

from resolvers.context import Context
from server.config import Settings

PAGE_ARGUMENTS = ("first", "limit")
UNBOUNDED_LIST = 10


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


class Cost:
    def __init__(
        self,
        schema: GraphQLSchema,
        variables: dict[str, Any],
        fragments: dict[str, FragmentDefinitionNode],
    ) -> None:
        self.schema, self.variables, self.fragments = schema, variables, fragments
        self.of_fragments: dict[tuple[str, bool], int] = {}
        self.expanding: set[str] = set()

    def of_selection(
        self,
        parent: Any,
        selection_set: SelectionSetNode | None,
        paged: bool,
        spread: set[str] | None = None,
    ) -> int:
        if selection_set is None:
            return 0
        # Execution merges a fragment spread twice into one selection set: so does the cost.
        spread = set() if spread is None else spread
        named = get_named_type(parent)
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.of_field(named, selection, paged)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else named
                total += self.of_selection(target, selection.selection_set, paged, spread)
            elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in spread:
                spread.add(selection.name.value)
                total += self.of_fragment(selection.name.value, paged)
        return total

    def of_fragment(self, name: str, paged: bool) -> int:
        fragment = self.fragments.get(name)
        if fragment is None or name in self.expanding:
            return 0
        if (name, paged) not in self.of_fragments:
            self.expanding.add(name)
            target = self.schema.get_type(fragment.type_condition.name.value)
            self.of_fragments[name, paged] = self.of_selection(
                target, fragment.selection_set, paged
            )
            self.expanding.discard(name)
        return self.of_fragments[name, paged]

    def of_field(self, parent: Any, node: FieldNode, paged: bool) -> int:
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 1
        field = parent.fields.get(node.name.value)
        if field is None:
            return 1
        page = self.page_size(field, node)
        children = self.of_selection(field.type, node.selection_set, page is not None)
        if page is not None:
            return 1 + page * children
        # A list right under a paged field (a connection's edges, a slice's nodes) is the page.
        return 1 + (UNBOUNDED_LIST if is_list(field.type) and not paged else 1) * children

    def page_size(self, field: Any, node: FieldNode) -> int | None:
        given = {a.name.value: a.value for a in node.arguments or ()}
        for name in PAGE_ARGUMENTS:
            if name in field.args:
                argument = field.args[name]
                value = (
                    value_from_ast(given[name], argument.type, self.variables)
                    if name in given
                    else Undefined
                )
                if value is Undefined:  # not given, or a variable not sent: the default
                    value = argument.default_value
                return max(1, value) if isinstance(value, int) else UNBOUNDED_LIST
        return None


def is_list(type_: Any) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def query_cost(
    schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any], operation: str | None
) -> int | None:
    """The cost of the operation that would run, with `variables` coerced as execution coerces
    them; None when no operation or its variables are invalid (execution refuses it before any
    resolver runs)."""
    definition = get_operation_ast(document, operation)
    if definition is None:
        return None
    coerced = get_variable_values(schema, definition.variable_definitions or (), variables or {})
    if isinstance(coerced, list):
        return None
    root = schema.get_root_type(definition.operation)
    cost = Cost(schema, coerced.coerced, fragments_of(document))
    return cost.of_selection(root, definition.selection_set, False)


def cost_limiter(budget: int) -> Callable[[], SchemaExtension]:
    class QueryCostLimiter(SchemaExtension):
        """Refuses a query over the budget before it executes: no Cypher runs for it."""

        def on_execute(self) -> Iterator[None]:
            context = self.execution_context
            document = context.graphql_document
            if document is not None:
                schema = context.schema._schema
                cost = query_cost(schema, document, context.variables or {}, context.operation_name)
                if cost is not None and isinstance(context.context, Context):
                    context.context.runner.allow(cost)
                if cost is not None and cost > budget:
                    error = GraphQLError(
                        f"the query costs {cost}, over the budget of {budget}:"
                        " ask for smaller pages or fewer fields",
                        extensions={"code": "QUERY_TOO_COMPLEX", "cost": cost, "budget": budget},
                    )
                    context.result = ExecutionResult(data=None, errors=[error])
            yield

    return QueryCostLimiter


class Walk:
    """Depth and aliases of a document's operations, each fragment walked once."""

    def __init__(self, document: DocumentNode) -> None:
        self.fragments = fragments_of(document)
        self.depths: dict[str, int] = {}
        self.aliases: dict[str, int] = {}

    def depth(self, selection_set: SelectionSetNode | None) -> int:
        """Fields with a selection set in the longest chain; introspection fields count 0."""
        deepest = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                counted = selection.selection_set and not selection.name.value.startswith("__")
                deepest = max(deepest, 1 + self.depth(selection.selection_set) if counted else 0)
            elif isinstance(selection, InlineFragmentNode):
                deepest = max(deepest, self.depth(selection.selection_set))
            elif isinstance(selection, FragmentSpreadNode):
                deepest = max(deepest, self.fragment(selection.name.value, self.depths, self.depth))
        return deepest

    def alias_count(self, selection_set: SelectionSetNode | None) -> int:
        """Aliased fields, a fragment's counted each time it is spread."""
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += bool(selection.alias) + self.alias_count(selection.selection_set)
            elif isinstance(selection, InlineFragmentNode):
                total += self.alias_count(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, self.aliases, self.alias_count)
        return total

    def fragment(
        self, name: str, memo: dict[str, int], measure: Callable[[SelectionSetNode], int]
    ) -> int:
        if name not in memo:
            memo[name] = 0  # a cycle (refused by validation anyway) counts nothing
            fragment = self.fragments.get(name)
            memo[name] = measure(fragment.selection_set) if fragment else 0
        return memo[name]


def shape_rule(max_depth: int, max_aliases: int) -> type[ValidationRule]:
    class ShapeLimits(ValidationRule):
        """Strawberry's depth and alias limiters, with each fragment walked once."""

        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            walk = Walk(context.document)
            aliases = 0
            for definition in context.document.definitions:
                if isinstance(definition, OperationDefinitionNode):
                    name = definition.name.value if definition.name else "anonymous"
                    if walk.depth(definition.selection_set) > max_depth:
                        context.report_error(
                            GraphQLError(
                                f"'{name}' exceeds maximum operation depth of {max_depth}",
                                definition,
                            )
                        )
                    aliases += walk.alias_count(definition.selection_set)
            if aliases > max_aliases:
                message = f"{aliases} aliases found. Allowed: {max_aliases}"
                context.report_error(GraphQLError(message))

    return ShapeLimits


class ParsedDocuments:
    """The documents parsed lately, by text and parse options: the explorer sends the same few
    again and again. Bounded by entries and by their total characters (a parsed document takes
    about 120 bytes per character: 100,000 characters are some 12 MB)."""

    def __init__(self, max_entries: int = 64, max_chars: int = 100_000) -> None:
        self.max_entries, self.max_chars = max_entries, max_chars
        self.documents: OrderedDict[tuple[str, tuple[Any, ...]], DocumentNode] = OrderedDict()
        self.chars = 0

    async def parse(self, query: str, options: dict[str, Any]) -> DocumentNode:
        key = (query, tuple(sorted(options.items())))
        document = self.documents.get(key)
        if document is not None:
            self.documents.move_to_end(key)
            return document
        # Lexing is linear in the characters: off the event loop, /readyz and every other
        # request keep being answered while a big document is parsed.
        document = await asyncio.to_thread(parse, query, **options)
        if key not in self.documents and len(query) <= self.max_chars:
            self.documents[key] = document
            self.chars += len(query)
            while len(self.documents) > self.max_entries or self.chars > self.max_chars:
                (old, _), _ = self.documents.popitem(last=False)
                self.chars -= len(old)
        return document


def document_parser(max_chars: int) -> Callable[[], SchemaExtension]:
    """Parses in place of Strawberry's ParserCache: refuses a document over `max_chars` before
    lexing a character of it, and parses the rest off the event loop."""
    parsed = ParsedDocuments()

    class DocumentParser(SchemaExtension):
        async def on_parse(self) -> AsyncIterator[None]:
            context = self.execution_context
            if context.graphql_document is None and context.query is not None:
                if len(context.query) > max_chars:
                    raise too_long(len(context.query), max_chars)
                options = dict(context.parse_options)
                context.graphql_document = await parsed.parse(context.query, options)
            yield

    return DocumentParser


def too_long(chars: int, max_chars: int) -> GraphQLError:
    return GraphQLError(
        f"the document has {chars} characters, over the limit of {max_chars}"
        " (PEERGRAPH_MAX_QUERY_CHARS): remove comments and padding, or ask for less",
        extensions={"code": "GRAPHQL_VALIDATION_FAILED"},
    )


def limits(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    rule = shape_rule(settings.max_query_depth, settings.max_query_aliases)
    return [
        lambda: AddValidationRules([rule]),
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        cost_limiter(settings.max_query_cost),
    ]
