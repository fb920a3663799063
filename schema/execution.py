"""Completing the fields that only read an attribute without graphql-core's generic path.

Most of a page is such fields: of the ProfilePage's ~2,500 fields, 2,100 are leaves like a
work's title or an explorer edge's weight, and the explorer's 60 nodes and ~250 edges hold
nothing else. graphql-core completes each field by building a path and a resolve-info object,
calling the resolver and dispatching on the return type: about 13 µs a field here.

A plain field has no resolver of its own and no arguments, and its type is a scalar, an enum or
an object type whose selected fields are plain too: completing it needs only the attribute reads
and the scalars' coercion. Anything else, and anything unusual on the way (a null where the type
forbids one, a value a scalar refuses, a missing attribute, a directive), goes through the
generic path, which raises the error with its path exactly as before; so does every field while
an extension wraps resolvers.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

# The field every Apollo and Relay client adds to each object: the type's own name.
TYPENAME = "__typename"


@dataclass(frozen=True, slots=True)
class Plain:
    read: Callable[[Any], Any]
    type: GraphQLLeafType | GraphQLObjectType
    nullable: bool


# The selected fields of an object, each with its plan (None for __typename).
Planned = list[tuple[str, Plain | None, FieldDetailsList]]


def plain(field: GraphQLField) -> Plain | None:
    """How to complete `field` directly, or None when it needs the generic path."""
    # Strawberry marks the resolver it generates for a field that only reads an attribute.
    if field.args or not getattr(field.resolve, "_is_default", False):
        return None
    inner = unwrapped(field.type)
    nullable = inner is field.type
    if is_leaf_type(inner) or (isinstance(inner, GraphQLObjectType) and checks_alone(inner)):
        return Plain(reader(field), inner, nullable)
    return None


def unwrapped(of: GraphQLOutputType) -> GraphQLOutputType:
    return of.of_type if isinstance(of, GraphQLNonNull) else of


def reader(field: GraphQLField) -> Callable[[Any], Any]:
    """The attribute read Strawberry's default resolver makes, without its two calls around
    it; the resolver itself when the field names a resolver of another kind."""
    definition = field.extensions.get("strawberry-definition")
    if isinstance(definition, StrawberryField) and definition.default_resolver is getattr:
        return attrgetter(definition.python_name)
    resolve = field.resolve
    assert resolve is not None
    return lambda source: resolve(source, None)


def checks_alone(object_type: GraphQLObjectType) -> bool:
    """Whether the type's `is_type_of` needs no resolve info: none at all, or the isinstance
    check Strawberry generates for a type behind an interface."""
    check = object_type.is_type_of
    return check is None or check.__qualname__.startswith("GraphQLCoreConverter.")


def is_a(object_type: GraphQLObjectType, item: Any) -> bool:
    # Only types whose check needs no resolve info get here (checks_alone).
    check = object_type.is_type_of
    return check is None or check(item, None) is True  # type: ignore[arg-type]


def execution_context() -> type[StrawberryGraphQLCoreExecutionContext]:
    """An execution context class with its own memo of which fields are plain: one per
    schema, so the memo, keyed by type and field name, never mixes two schemas."""
    plans: dict[tuple[str, str], Plain | None] = {}

    def plan_of(parent_type: GraphQLObjectType, name: str) -> Plain | None:
        key = (parent_type.name, name)
        if key not in plans:
            field = parent_type.fields.get(name)
            plans[key] = plain(field) if field is not None else None
        return plans[key]

    def planned(
        parent_type: GraphQLObjectType, grouped_field_set: Mapping[str, FieldDetailsList]
    ) -> Planned | None:
        """Each selected field with its plan (None for __typename), or None when one of them
        is not plain."""
        fields: Planned = []
        for key, details in grouped_field_set.items():
            name = details[0].node.name.value
            plan = None if name == TYPENAME else plan_of(parent_type, name)
            if plan is None and name != TYPENAME:
                return None
            fields.append((key, plan, details))
        return fields

    class PlainFields(StrawberryGraphQLCoreExecutionContext):
        def execute_fields(
            self,
            parent_type: GraphQLObjectType,
            source_value: Any,
            path: Path | None,
            grouped_field_set: dict[str, FieldDetailsList],
            position_context: Any,
        ) -> Any:
            if not self.wrapped():
                done = self.complete_fields(parent_type, source_value, grouped_field_set)
                if done is not None:
                    return done
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )

        def execute_field(
            self,
            parent_type: GraphQLObjectType,
            source: Any,
            field_details_list: FieldDetailsList,
            path: Path,
            position_context: Any,
        ) -> Any:
            plan = plan_of(parent_type, field_details_list[0].node.name.value)
            if plan is not None and not self.wrapped():
                done = self.complete(plan, source, field_details_list)
                if done is not Undefined:
                    return done
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )

        def complete_iterable_value(
            self,
            item_type: GraphQLOutputType,
            field_details_list: FieldDetailsList,
            info: GraphQLResolveInfo[Any],
            path: Path,
            items: Iterable[Any],
            position_context: Any,
        ) -> Any:
            if isinstance(items, list | tuple) and not self.wrapped():
                done = self.complete_items(item_type, field_details_list, items)
                if done is not None:
                    return done
            return super().complete_iterable_value(
                item_type, field_details_list, info, path, items, position_context
            )

        def wrapped(self) -> bool:
            """Whether an extension wraps every resolver (its `resolve` hook)."""
            manager = self.middleware_manager
            return manager is not None and bool(manager.middlewares)

        def complete_items(
            self,
            item_type: GraphQLOutputType,
            field_details_list: FieldDetailsList,
            items: Sequence[Any],
        ) -> list[Any] | None:
            """A list of plain objects, or None to take the generic path."""
            object_type = unwrapped(item_type)
            nullable = object_type is item_type
            if not isinstance(object_type, GraphQLObjectType) or not checks_alone(object_type):
                return None
            completed: list[Any] = []
            for item in items:
                done = (
                    None
                    if item is None
                    else self.complete_object(object_type, item, field_details_list)
                )
                if done is None and not (item is None and nullable):
                    return None
                completed.append(done)
            return completed

        def complete(self, plan: Plain, source: Any, details: FieldDetailsList) -> Any:
            """The field's output value, or Undefined to take the generic path."""
            try:
                value = plan.read(source)
                if value is None:
                    return None if plan.nullable else Undefined
                if isinstance(plan.type, GraphQLObjectType):
                    done = self.complete_object(plan.type, value, details)
                    return Undefined if done is None else done
                coerced = plan.type.coerce_output_value(value)
            except Exception:  # the generic path raises it again, as an error with its path
                return Undefined
            return Undefined if coerced is None else coerced

        def complete_object(
            self, object_type: GraphQLObjectType, source: Any, details: FieldDetailsList
        ) -> dict[str, Any] | None:
            fields = self.plain_subfields(object_type, details)
            if fields is None or not is_a(object_type, source):
                return None
            return self.complete_planned(object_type, source, fields)

        def plain_subfields(
            self, object_type: GraphQLObjectType, details: FieldDetailsList
        ) -> Planned | None:
            """The selected fields of `object_type` under `details` with their plans, or None
            when one needs the generic path. Memoized like graphql-core's collect_subfields
            (on the identity of `details`, kept alive with the entry so its id is not reused):
            the items of a list share it, and a page's lists hold hundreds of objects."""
            memo: dict[tuple[str, int], tuple[FieldDetailsList, Planned | None]]
            memo = self.__dict__.setdefault("_plain_subfields", {})
            key = (object_type.name, id(details))
            if key not in memo:
                memo[key] = (details, self.plan_subfields(object_type, details))
            return memo[key][1]

        def plan_subfields(
            self, object_type: GraphQLObjectType, details: FieldDetailsList
        ) -> Planned | None:
            if any(d.node.directives for d in details):
                return None
            grouped, defers, forbidden = self.collect_subfields(object_type, details)
            if defers or forbidden:
                return None
            return planned(object_type, grouped)

        def complete_fields(
            self,
            parent_type: GraphQLObjectType,
            source: Any,
            grouped_field_set: Mapping[str, FieldDetailsList],
        ) -> dict[str, Any] | None:
            """Every selected field of a plain object, or None to take the generic path."""
            fields = planned(parent_type, grouped_field_set)
            return None if fields is None else self.complete_planned(parent_type, source, fields)

        def complete_planned(
            self, parent_type: GraphQLObjectType, source: Any, fields: Planned
        ) -> dict[str, Any] | None:
            results: dict[str, Any] = {}
            for key, plan, details in fields:
                value = parent_type.name if plan is None else self.complete(plan, source, details)
                if value is Undefined:
                    return None
                results[key] = value
            return results

    return PlainFields
