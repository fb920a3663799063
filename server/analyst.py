"""`peergraph cypher`: run an analyst's Cypher in a READ transaction and print the rows.

A READ transaction refuses writes, but not everything else a statement can do: LOAD CSV reads
files and URLs, SHOW/TERMINATE TRANSACTIONS reach other users' queries, procedures clear caches
or dump the configuration. So the console first asks Neo4j for the statement's plan (EXPLAIN,
which runs nothing) and runs it only when every operator in the plan reads this database's
graph or schema and every procedure it calls is on READ_PROCEDURES: an allowlist, so what a
later Neo4j or a plugin adds is refused until someone lists it.
"""

import csv
import difflib
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, LiteralString, cast

from neo4j import AsyncDriver, unit_of_work
from neo4j.exceptions import Neo4jError, ServiceUnavailable

ANALYST = Path(__file__).resolve().parent.parent / "cypher" / "analyst"

# Procedures an analyst may CALL: each reads the graph or its schema and nothing else. Refused,
# among others: db.clearQueryCaches, dbms.listConfig, db.stats.* (collects other users' queries),
# tx.setMetaData, db.awaitIndex*, db.resample*, dbms.*, and any procedure a plugin adds.
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.fulltext.listAvailableAnalyzers",
        "db.index.vector.queryNodes",
        "db.index.vector.queryRelationships",
    }
)

# Plan operators (Neo4j 5.26's names) that only read the graph: the Cypher manual's operator
# summary without the updating ones, LoadCSV, CALL {} IN TRANSACTIONS (TransactionApply/Foreach),
# ShowTransactions, TerminateTransactions, ShowSettings and administration commands. SHOW
# INDEXES, CONSTRAINTS, PROCEDURES and FUNCTIONS are allowed: they list this database's schema
# and what can be called, nothing of other users'. ProcedureCall is checked against
# READ_PROCEDURES.
READ_OPERATORS = frozenset(
    {
        # nodes
        "AllNodesScan",
        "NodeByLabelScan",
        "UnionNodeByLabelsScan",
        "IntersectionNodeByLabelsScan",
        "SubtractionNodeByLabelsScan",
        "NodeByIdSeek",
        "NodeByElementIdSeek",
        "NodeCountFromCountStore",
        "NodeIndexSeek",
        "NodeIndexSeekByRange",
        "NodeUniqueIndexSeek",
        "NodeUniqueIndexSeekByRange",
        "MultiNodeIndexSeek",
        "NodeIndexScan",
        "NodeIndexContainsScan",
        "NodeIndexEndsWithScan",
        # relationships
        "DirectedAllRelationshipsScan",
        "DirectedRelationshipTypeScan",
        "DirectedUnionRelationshipTypesScan",
        "DirectedRelationshipByIdSeek",
        "DirectedRelationshipByElementIdSeek",
        "DirectedRelationshipIndexSeek",
        "DirectedRelationshipIndexSeekByRange",
        "DirectedRelationshipUniqueIndexSeek",
        "DirectedRelationshipUniqueIndexSeekByRange",
        "DirectedRelationshipIndexScan",
        "DirectedRelationshipIndexContainsScan",
        "DirectedRelationshipIndexEndsWithScan",
        "UndirectedAllRelationshipsScan",
        "UndirectedRelationshipTypeScan",
        "UndirectedUnionRelationshipTypesScan",
        "UndirectedRelationshipByIdSeek",
        "UndirectedRelationshipByElementIdSeek",
        "UndirectedRelationshipIndexSeek",
        "UndirectedRelationshipIndexSeekByRange",
        "UndirectedRelationshipUniqueIndexSeek",
        "UndirectedRelationshipUniqueIndexSeekByRange",
        "UndirectedRelationshipIndexScan",
        "UndirectedRelationshipIndexContainsScan",
        "UndirectedRelationshipIndexEndsWithScan",
        "RelationshipCountFromCountStore",
        # traversals
        "Expand(All)",
        "Expand(Into)",
        "OptionalExpand(All)",
        "OptionalExpand(Into)",
        "VarLengthExpand(All)",
        "VarLengthExpand(Into)",
        "VarLengthExpand(Pruning)",
        "VarLengthExpand(Pruning,BFS)",
        "VarLengthExpand(Pruning,BFS,All)",
        "VarLengthExpand(Pruning,BFS,Into)",
        "ShortestPath",
        "StatefulShortestPath(All)",
        "StatefulShortestPath(Into)",
        "PathPropagatingBFS",
        "Repeat(Trail)",
        "Repeat(Walk)",
        "BidirectionalRepeat(Trail)",
        "NullifyMetadata",
        "ProjectEndpoints",
        "TriadicSelection",
        "TriadicBuild",
        "TriadicFilter",
        # subqueries and joins
        "Apply",
        "SemiApply",
        "AntiSemiApply",
        "LetSemiApply",
        "LetAntiSemiApply",
        "SelectOrSemiApply",
        "SelectOrAntiSemiApply",
        "LetSelectOrSemiApply",
        "LetSelectOrAntiSemiApply",
        "ConditionalApply",
        "AntiConditionalApply",
        "RollUpApply",
        "Argument",
        "ArgumentTracker",
        "Anti",
        "Optional",
        "EmptyRow",
        "CartesianProduct",
        "NodeHashJoin",
        "NodeLeftOuterHashJoin",
        "NodeRightOuterHashJoin",
        "ValueHashJoin",
        "Union",
        "OrderedUnion",
        # rows
        "Filter",
        "Projection",
        "CacheProperties",
        "Unwind",
        "Distinct",
        "OrderedDistinct",
        "EagerAggregation",
        "OrderedAggregation",
        "Sort",
        "PartialSort",
        "Top",
        "Top1WithTies",
        "PartialTop",
        "Skip",
        "Limit",
        "ExhaustiveLimit",
        "Eager",
        "PreserveOrder",
        "EmptyResult",
        "ProduceResults",
        # this database's schema and what it can call
        "ShowIndexes",
        "ShowConstraints",
        "ShowProcedures",
        "ShowFunctions",
    }
)

# How a refusal names an operator: by the clause the analyst wrote, where there is one.
CLAUSES = {
    "LoadCSV": "LOAD CSV",
    "TerminateTransactions": "TERMINATE TRANSACTIONS",
    "ShowTransactions": "SHOW TRANSACTIONS",
    "ShowSettings": "SHOW SETTINGS",
    "AdministrationCommand": "an administration command (users, roles, databases)",
    "TransactionApply": "CALL { ... } IN TRANSACTIONS",
    "TransactionForeach": "CALL { ... } IN TRANSACTIONS",
    "Create": "CREATE",
    "Merge": "MERGE",
    "LockingMerge": "MERGE",
    "Delete": "DELETE",
    "DetachDelete": "DETACH DELETE",
    "SetProperty": "SET/REMOVE",
    "SetProperties": "SET",
    "SetPropertiesFromMap": "SET",
    "SetNodePropertiesFromMap": "SET",
    "SetRelationshipPropertiesFromMap": "SET",
    "SetDynamicProperty": "SET",
    "SetLabels": "SET",
    "RemoveLabels": "REMOVE",
    "Foreach": "FOREACH",
    "CreateIndex": "CREATE INDEX",
    "DoNothingIfExists(INDEX)": "CREATE INDEX",
    "DropIndex": "DROP INDEX",
    "CreateConstraint": "CREATE CONSTRAINT",
    "DoNothingIfExists(CONSTRAINT)": "CREATE CONSTRAINT",
    "DropConstraint": "DROP CONSTRAINT",
}


class AnalystError(RuntimeError):
    """The statement could not run; the message says why and what to do."""


def statement_text(source: str) -> str:
    """A file path, a name from cypher/analyst/, or Cypher itself."""
    if source.endswith(".cypher"):
        if not Path(source).is_file():
            raise AnalystError(f"no file {source}: give a path to a .cypher file that exists")
        return Path(source).read_text("utf-8")
    # No Cypher statement is one bare word: such a source is a name, known or misspelt.
    if re.fullmatch(r"\w+", source):
        return named_query(source).read_text("utf-8")
    return source


def named_query(name: str) -> Path:
    path = ANALYST / f"{name}.cypher"
    if path.is_file():
        return path
    names = sorted(p.stem for p in ANALYST.glob("*.cypher"))
    close = [n for n in names if name.lower() in n] or difflib.get_close_matches(name, names)
    hint = f" (did you mean {' or '.join(close[:3])}?)" if close else ""
    raise AnalystError(
        f"no analyst query named {name!r}{hint}: `peergraph cypher --list` lists them"
    )


def listing() -> str:
    """Each analyst query's name, what it returns in a line, and its parameters."""
    lines = []
    for path in sorted(ANALYST.glob("*.cypher")):
        header = [line.removeprefix("//").strip() for line in header_lines(path)]
        about = " ".join(line for line in header if not line.startswith(("Parameters", "Returns")))
        params = next((line for line in header if line.startswith("Parameters")), "")
        lines += [path.stem, f"    {about}", f"    {params or 'Parameters: none'}"]
    return "\n".join(lines)


def header_lines(path: Path) -> list[str]:
    lines = path.read_text("utf-8").splitlines()
    return [line for line in lines[: next_code(lines)] if line.startswith("//")]


def next_code(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if not line.startswith("//")), len(lines))


def parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        if not sep or not name:
            raise AnalystError(f"--param takes name=value, got {pair!r}")
        try:
            params[name] = json.loads(raw)
        except json.JSONDecodeError:
            params[name] = raw
    return params


def refusals(plan: dict[str, Any], database: str) -> list[str]:
    """What in this plan (EXPLAIN's summary.plan) is not a read of `database`, by name."""
    # operatorType is "Operator@database": a USE clause or an admin command shows elsewhere.
    operator, _, where = plan["operatorType"].partition("@")
    name = None
    if operator == "ProcedureCall":
        # Details starts with the procedure's full name: "db.labels() :: (label :: STRING)".
        procedure = plan.get("args", {}).get("Details", "").split("(", 1)[0].strip()
        if procedure not in READ_PROCEDURES:
            name = f"CALL {procedure or 'of an unnamed procedure'}"
    elif operator not in READ_OPERATORS:
        name = CLAUSES.get(operator, f"the {operator} operator")
    if where and where != database:
        name = f"{name or operator} on database {where}"
    found = [name] if name else []
    for child in plan.get("children", []):
        found += [n for n in refusals(child, database) if n not in found]
    return found


async def refuse_unless_read(
    tx: Any, query: LiteralString, params: dict[str, Any], database: str
) -> None:
    """Raises AnalystError, before the statement runs, when its plan does more than read."""
    # EXPLAIN plans the statement and runs nothing; "EXPLAIN PROFILE" Neo4j itself refuses.
    summary = await (await tx.run("EXPLAIN " + query, params)).consume()
    # summary.database: the session's database, named as the plan's operators name it.
    found = refusals(summary.plan, summary.database or database) if summary.plan else []
    if not found and summary.query_type != "r":
        found = [f"a statement of type {summary.query_type!r}, not a read"]
    if found:
        raise AnalystError(
            f"`peergraph cypher` only reads; refused before anything ran: {', '.join(found)}."
            " Run MATCH ... RETURN, SHOW INDEXES/CONSTRAINTS or a read procedure (db.labels,"
            " db.schema.*, db.index.fulltext.queryNodes, ...: READ_PROCEDURES in server/analyst.py)"
        )


async def run_read(
    driver: AsyncDriver,
    database: str,
    text: str,
    params: dict[str, Any],
    timeout: float,
    limit: int,
) -> tuple[list[str], list[list[Any]], bool]:
    """The columns, at most `limit` rows, and whether more rows were left unread."""
    # An analyst's own statement: it runs, once its plan shows only reads, in a READ
    # transaction, where Neo4j refuses writes as well.
    query: LiteralString = cast(LiteralString, text)  # type: ignore[redundant-cast]

    @unit_of_work(timeout=timeout)
    async def work(tx: Any) -> tuple[list[str], list[list[Any]], bool]:
        await refuse_unless_read(tx, query, params, database)
        result = await tx.run(query, params)
        rows: list[list[Any]] = []
        async for record in result:
            if len(rows) == limit:
                return list(result.keys()), rows, True
            rows.append(list(record.values()))
        return list(result.keys()), rows, False

    try:
        async with driver.session(database=database, default_access_mode="READ") as session:
            return await session.execute_read(work)
    except ServiceUnavailable as exc:
        raise AnalystError(
            # The driver's own text runs to several lines of addresses; its first says where.
            f"Neo4j is unreachable ({next(iter(str(exc).splitlines()), '').rstrip(':')}): start it"
            " (`make run`) or point NEO4J_URI at yours"
        ) from exc
    except Neo4jError as exc:
        if "execution mode" in (exc.message or ""):
            raise AnalystError(
                "`peergraph cypher` only reads and prints rows, not plans: drop PROFILE and run"
                " the statement again"
            ) from exc
        if "write" in (exc.message or "").lower() and "read" in (exc.message or "").lower():
            raise AnalystError(
                "this statement writes, and `peergraph cypher` only reads: the database refused it"
                f" ({exc.code})"
            ) from exc
        if exc.code == "Neo.ClientError.Statement.ParameterMissing":
            raise AnalystError(missing_parameters(exc.message or "")) from exc
        raise AnalystError(f"Neo4j refused the statement: {exc.message} ({exc.code})") from exc


def missing_parameters(message: str) -> str:
    # Neo4j says "Expected parameter(s): researcherId, limit".
    names = [n.strip() for n in message.rpartition(":")[2].split(",") if n.strip()]
    flags = " ".join(f"--param {name}=..." for name in names)
    return f"the statement needs a value for {', '.join(names)}: add {flags}"


def plain(value: Any) -> Any:
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if hasattr(value, "element_id"):
        return dict(value)
    return value


def render(columns: list[str], rows: list[list[Any]], form: str) -> str:
    rows = [[plain(v) for v in row] for row in rows]
    if form == "json":
        return json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows], indent=2, default=str
        )
    if form == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(
            [json.dumps(v) if isinstance(v, list | dict) else v for v in row] for row in rows
        )
        return out.getvalue().rstrip("\r\n")
    return table(columns, rows)


def cut(cell: str) -> str:
    return cell if len(cell) <= 60 else cell[:59] + "…"


def table(columns: list[str], rows: list[list[Any]]) -> str:
    cells = [columns] + [
        [json.dumps(v, default=str) if not isinstance(v, str) else v for v in row] for row in rows
    ]
    widths = [min(60, max(len(row[i]) for row in cells)) for i in range(len(columns))]
    lines = [" | ".join(cut(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
