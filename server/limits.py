"""What one request may ask: depth, aliases and tokens (Strawberry's limiters) and a cost
budget computed before any Cypher runs.

Cost: every field costs 1, and a field with a `first` or `limit` argument multiplies the cost
of what is selected under it by that number (its default when not given); the list right under
it (a connection's edges, an explorer's nodes) is that page and does not multiply again. Any
other list multiplies by UNBOUNDED_LIST, an estimate of its length.
"""

from collections.abc import Callable, Iterator
from typing import Any

from graphql import (
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
    get_named_type,
    value_from_ast,
)
from graphql.type import GraphQLInterfaceType
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.types import ExecutionResult

from server.config import Settings

PAGE_ARGUMENTS = ("first", "limit")
UNBOUNDED_LIST = 10


class Cost:
    def __init__(
        self,
        schema: GraphQLSchema,
        variables: dict[str, Any],
        fragments: dict[str, FragmentDefinitionNode],
    ) -> None:
        self.schema, self.variables, self.fragments = schema, variables, fragments

    def of_selection(self, parent: Any, selection_set: SelectionSetNode | None, paged: bool) -> int:
        if selection_set is None:
            return 0
        named = get_named_type(parent)
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.of_field(named, selection, paged)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else named
                total += self.of_selection(target, selection.selection_set, paged)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    target = self.schema.get_type(fragment.type_condition.name.value)
                    total += self.of_selection(target, fragment.selection_set, paged)
        return total

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
                    else argument.default_value
                )
                return max(1, value) if isinstance(value, int) else UNBOUNDED_LIST
        return None


def is_list(type_: Any) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def query_cost(
    schema: GraphQLSchema, document: Any, variables: dict[str, Any], operation: str | None
) -> int:
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    cost = Cost(schema, variables, fragments)
    total = 0
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            if operation and definition.name and definition.name.value != operation:
                continue
            root = schema.get_root_type(definition.operation)
            total += cost.of_selection(root, definition.selection_set, False)
    return total


def cost_limiter(budget: int) -> Callable[[], SchemaExtension]:
    class QueryCostLimiter(SchemaExtension):
        """Refuses a query over the budget before it executes: no Cypher runs for it."""

        def on_execute(self) -> Iterator[None]:
            context = self.execution_context
            document = context.graphql_document
            if document is not None:
                cost = query_cost(
                    context.schema._schema,
                    document,
                    context.variables or {},
                    context.operation_name,
                )
                if cost > budget:
                    error = GraphQLError(
                        f"the query costs {cost}, over the budget of {budget}:"
                        " ask for smaller pages or fewer fields",
                        extensions={"code": "QUERY_TOO_COMPLEX", "cost": cost, "budget": budget},
                    )
                    context.result = ExecutionResult(data=None, errors=[error])
            yield

    return QueryCostLimiter


def limits(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    return [
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_query_aliases),
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        cost_limiter(settings.max_query_cost),
    ]
