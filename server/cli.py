"""`peergraph`: serve the API, run it with an embedded Neo4j, import data."""

import argparse
import asyncio
import logging
import os
import secrets
import sys
import time
from collections.abc import Sequence
from functools import partial
from importlib.metadata import version
from pathlib import Path

import uvicorn

from ingest.generate import generate
from ingest.generate import print_progress as generate_progress
from ingest.importer import (
    ImportSummary,
    Progress,
    import_paths,
    plural,
    prepare_store,
    print_progress,
)
from ingest.reader import UnreadableFile
from ingest.upgrades import outdated
from server.analyst import (
    AnalystError,
    listing,
    parse_params,
    render,
    run_read,
    statement_text,
)
from server.app import create_app, make_import_runner, make_runner
from server.auth import mint
from server.config import EMBEDDED_URI, ConfigError, Settings, load_settings
from server.http import uvicorn_limits
from server.logs import redact_tokens_in_logs
from server.neo4j_local import EmbeddedNeo4j, Neo4jStartError
from server.ports import PortTaken, check_free
from server.reach import Unreachable, check_reachable

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "neo4j-seed" / "profile"
DEFAULT_DATA_DIR = ROOT / ".neo4j-data"


async def run_import(
    settings: Settings,
    paths: Sequence[Path],
    batch_size: int = 1000,
    writers: int = 1,
    progress: Progress | None = None,
) -> ImportSummary:
    runner = make_import_runner(settings)
    try:
        await check_reachable(runner.driver, settings.neo4j_uri)
        return await import_paths(
            runner, paths, batch_size=batch_size, writers=writers, progress=progress
        )
    finally:
        await runner.driver.close()


def report(summary: ImportSummary) -> None:
    print(f"\n{summary.describe()}", file=sys.stderr)
    for skipped in summary.skipped[:50]:
        print(f"  skipped {skipped}", file=sys.stderr)
    if len(summary.skipped) > 50:
        print(f"  ... and {len(summary.skipped) - 50} more", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    latest: list[ImportSummary] = []
    shown = print_progress()

    def progress(summary: ImportSummary) -> None:
        latest[:] = [summary]
        shown(summary)

    settings = load_settings()
    try:
        summary = asyncio.run(
            run_import(settings, args.paths, args.batch_size, args.writers, progress)
        )
    except KeyboardInterrupt:
        done = latest[0] if latest else ImportSummary()
        print(
            f"\nstopped after {plural(done.read, 'record')} ({plural(done.stored, 'record')}"
            " written); run the same command again to finish: what is written stays, once",
            file=sys.stderr,
        )
        return 130
    except UnreadableFile as exc:
        done = latest[0] if latest else ImportSummary()
        print(
            f"\npeergraph: {exc}\nstopped there; what was written stays"
            f" ({plural(done.stored, 'record')}): replace the file (download it again), then run"
            " the same command again",
            file=sys.stderr,
        )
        return 2
    report(summary)
    if summary.read == len(summary.skipped) and not summary.merged:
        print("peergraph: nothing was imported: no line held a record to import", file=sys.stderr)
        return 1
    return 0


def log_to_stderr() -> None:
    # Our loggers write one line each: JSON for requests, the message for the rest.
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    # An old `?token=` sign-in link must not leave its token in the access log.
    redact_tokens_in_logs()


def sign_in_link(base: str, token: str, researcher: str = "A-jian-jiao") -> str:
    """The token rides in the fragment, which browsers never send: it reaches no server log,
    and the page asks before it keeps it."""
    return f"{base}/explore/{researcher}#token={token}"


async def probe(settings: Settings) -> None:
    """Stops the API before it starts, with one line saying why, when Neo4j cannot be reached
    or holds a graph an older peergraph wrote (its pages would read what is not kept yet)."""
    runner = make_runner(settings)
    try:
        await check_reachable(runner.driver, settings.neo4j_uri)
        behind = await outdated(runner)
    finally:
        await runner.driver.close()
    if behind:
        raise ConfigError(
            f"the graph at {settings.neo4j_uri} was written by an older peergraph and lacks"
            f" {', '.join(behind)}: run `peergraph upgrade` once (or any import), then serve"
        )


async def run_upgrade(settings: Settings) -> None:
    runner = make_import_runner(settings)
    try:
        await check_reachable(runner.driver, settings.neo4j_uri)
        await prepare_store(runner, batch_size=1000, show_progress=True)
    finally:
        await runner.driver.close()


def cmd_upgrade(args: argparse.Namespace) -> int:
    asyncio.run(run_upgrade(load_settings()))
    print("the graph is up to date", file=sys.stderr)
    return 0


def served_settings(args: argparse.Namespace) -> Settings:
    """The settings, with --port (when given) in place of PORT, and that port free."""
    settings = load_settings()
    if args.port is not None:
        settings = settings.model_copy(update={"port": args.port})
    choose = "pick another with --port N (or PORT=N)"
    check_free(settings.host, settings.port, "the API", choose)
    return settings


def serve(settings: Settings) -> None:
    log_to_stderr()
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=settings.access_log,
        log_level="info",
        **uvicorn_limits(settings),
    )


def cmd_serve(args: argparse.Namespace) -> int:
    settings = served_settings(args)
    asyncio.run(probe(settings))
    serve(settings)
    return 0


def start_embedded(settings: Settings, args: argparse.Namespace) -> EmbeddedNeo4j:
    """The embedded Neo4j on --neo4j-port (0: any free port); NEO4J_PASSWORD, when set,
    becomes its password, else the data folder's own one."""
    choose = "pick another with --neo4j-port N (0: any free port)"
    check_free("127.0.0.1", args.neo4j_port, "Neo4j", choose)
    neo4j = EmbeddedNeo4j(
        args.data_dir, port=args.neo4j_port, password=settings.neo4j_password or None
    )
    print(f"starting embedded Neo4j (data in {args.data_dir}) ...", file=sys.stderr)
    print(f"Neo4j ready at {neo4j.start()}", file=sys.stderr)
    return neo4j


def sign_in(settings: Settings) -> Settings:
    """A fresh secret for this run when none is set, and a token for it: local tokens work,
    and none outlives the process."""
    if settings.auth_jwt_secret:
        return settings
    return settings.model_copy(update={"auth_jwt_secret": secrets.token_urlsafe(32)})


def print_addresses(settings: Settings, minted: bool) -> None:
    base = f"http://{settings.host}:{settings.port}"
    print(f"GraphiQL: {base}/graphql\nexplorer: {base}/explore/A-jian-jiao", file=sys.stderr)
    if minted:
        demo = mint(settings, {"sub": "demo", "email": "demo@example.org"}, 12 * 3600)
        print(f"sign-in for this run: Authorization: Bearer {demo}", file=sys.stderr)
        link = sign_in_link(base, demo)
        print(f"explorer page, sign in (the page asks first): {link}", file=sys.stderr)
        # The run's secret is nowhere else: without this token no claim could be reviewed.
        admin = mint(settings, {"sub": "demo-admin", "roles": ["admin"]}, 12 * 3600)
        print(f"admin (pendingClaims, reviewClaim): Authorization: Bearer {admin}", file=sys.stderr)


def cmd_dev(args: argparse.Namespace) -> int:
    """Embedded Neo4j (unless NEO4J_URI names another), the seed imported, then the API."""
    settings = served_settings(args)
    minted = not settings.auth_jwt_secret
    settings = sign_in(settings)
    neo4j = start_embedded(settings, args) if settings.neo4j_uri == EMBEDDED_URI else None
    if neo4j:
        uri = str(neo4j.uri)
        settings = settings.model_copy(update={"neo4j_uri": uri, "neo4j_password": neo4j.password})
    try:
        report(asyncio.run(run_import(settings, [SEED], progress=print_progress())))
        # Printed once Neo4j and the seed are up, for the port that is served.
        print_addresses(settings, minted)
        serve(settings)
    finally:
        if neo4j:
            print("stopping embedded Neo4j ...", file=sys.stderr)
            neo4j.stop()
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    if args.out.exists() and not args.out.is_dir():
        raise ValueError(f"--out {args.out} is a file: give a folder (created if missing)")
    started = time.monotonic()
    written = generate(args.works, args.seed, args.out, generate_progress)
    counts = ", ".join(f"{n:,} {entity}" for entity, n in written.items())
    print(f"\nwrote {counts} to {args.out} in {time.monotonic() - started:.1f}s", file=sys.stderr)
    return 0


async def run_cypher(settings: Settings, args: argparse.Namespace) -> str:
    text, params = statement_text(args.statement), parse_params(args.param)
    runner = make_runner(settings)
    try:
        await check_reachable(runner.driver, settings.neo4j_uri)
        columns, rows, more = await run_read(
            runner.driver,
            settings.neo4j_database,
            text,
            params,
            args.timeout,
            args.max_rows,
        )
    finally:
        await runner.driver.close()
    if more:
        print(f"(the first {args.max_rows} rows; raise --max-rows for more)", file=sys.stderr)
    return render(columns, rows, args.format)


def cmd_cypher(args: argparse.Namespace) -> int:
    if args.list:
        print(listing())
        return 0
    if args.statement is None:
        raise AnalystError("peergraph cypher needs a statement, a file or a query name (or --list)")
    print(asyncio.run(run_cypher(load_settings(), args)))
    return 0


def cmd_token(args: argparse.Namespace) -> int:
    claims: dict[str, object] = {"sub": args.user, "email_verified": args.verified}
    if args.email:
        claims["email"] = args.email
    if args.orcid:
        claims["orcid"] = args.orcid
    if args.admin:
        claims["roles"] = ["admin"]
    print(mint(load_settings(), claims, args.ttl))
    return 0


class DefaultsHelp(argparse.ArgumentDefaultsHelpFormatter):
    """Every option's help shows its default, where it has one to show: not a required one, a
    flag (off), an empty list, or one whose default is a setting its help names (None)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        default = action.default
        # `is`, not `in (None, False)`: a default of 0 (any free port) is worth showing.
        if action.required or default is None or default is False or default == []:
            return action.help
        return super()._get_help_string(action)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="peergraph", description=__doc__)
    top.add_argument("--version", action="version", version=f"peergraph {version('peergraph')}")
    sub = top.add_subparsers(dest="command", required=True)
    add = partial(sub.add_parser, formatter_class=DefaultsHelp)
    # No default of its own: it falls back to the PORT setting (served_settings).
    port_help = f"HTTP port (default: PORT, else {Settings.model_fields['port'].default})"
    serve_cmd = add("serve", help="serve the API against NEO4J_URI")
    serve_cmd.add_argument("--port", type=int, help=port_help)
    serve_cmd.set_defaults(run=cmd_serve)
    dev = add("dev", help="embedded Neo4j + seed profile + API with GraphiQL")
    dev.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="Neo4j's data")
    dev.add_argument("--port", type=int, help=port_help)
    dev.add_argument(
        "--neo4j-port",
        type=int,
        default=int(EMBEDDED_URI.rsplit(":", 1)[1]),
        help="the embedded Neo4j's Bolt port (0: any free port)",
    )
    dev.set_defaults(run=cmd_dev)
    imp = add("import", help="import OpenAlex-shaped JSON Lines into NEO4J_URI")
    imp.add_argument("paths", nargs="+", type=Path, help="files or folders (.jsonl, .jsonl.gz)")
    imp.add_argument("--batch-size", type=int, default=1000, help="records per transaction")
    imp.add_argument("--writers", type=int, default=1, help="concurrent write transactions")
    imp.set_defaults(run=cmd_import)
    upgrade = add("upgrade", help="bring a graph an older peergraph wrote up to date, once")
    upgrade.set_defaults(run=cmd_upgrade)
    gen = add("generate", help="write a synthetic OpenAlex-shaped graph")
    gen.add_argument("--works", type=positive, required=True, help="works to generate")
    gen.add_argument("--seed", type=int, default=1, help="the same seed writes the same graph")
    gen.add_argument("--out", type=Path, required=True, help="folder for the JSON Lines partitions")
    gen.set_defaults(run=cmd_generate)
    cy = add("cypher", help="run Cypher read-only (a file, a cypher/analyst name, or text)")
    cy.add_argument(
        "statement",
        nargs="?",
        help="e.g. coauthor_network, path/to/query.cypher, or 'MATCH ...'",
    )
    cy.add_argument("--list", action="store_true", help="list the analyst queries and exit")
    cy.add_argument("--param", action="append", default=[], help="name=value (JSON or text)")
    cy.add_argument("--format", choices=["table", "json", "csv"], default="table", help="output")
    # Not --limit: many analyst queries take a `limit` parameter of their own.
    cy.add_argument("--max-rows", type=int, default=1000, help="rows to print at most")
    cy.add_argument("--timeout", type=float, default=30, help="transaction timeout, seconds")
    cy.set_defaults(run=cmd_cypher)
    token = add("token", help="mint a local HS256 token (needs PEERGRAPH_AUTH_JWT_SECRET)")
    token.add_argument("--user", required=True, help="the subject: a user id")
    token.add_argument("--email", help="the email claim (claim evidence when verified)")
    token.add_argument("--verified", action="store_true", help="the email is verified")
    token.add_argument("--orcid", help="the ORCID claim (claim evidence)")
    token.add_argument("--admin", action="store_true", help="the admin role: reviews claims")
    token.add_argument("--ttl", type=int, default=3600, help="seconds until it expires")
    token.set_defaults(run=cmd_token)
    return top


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (
        ConfigError,
        Neo4jStartError,
        FileNotFoundError,
        ValueError,
        AnalystError,
        Unreachable,
        PortTaken,
    ) as exc:
        print(f"peergraph: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to tell it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as exc:  # a folder that cannot be written, a disk that is full
        print(f"peergraph: {exc.strerror or exc}: {exc.filename}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
