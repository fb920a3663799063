"""The CLI's failures a person meets first: one or two lines saying what happened and what to
do, a non-zero exit code, and no traceback."""

import argparse
import asyncio
import gzip
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cypher.runner import CypherRunner
from factories import cloned_seed, load
from ingest.generate import generate
from ingest.upgrades import outdated
from server.auth import Authenticator
from server.cli import main, parser, print_addresses, sign_in
from server.config import Settings
from server.neo4j_local import EmbeddedNeo4j

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "neo4j-seed" / "profile"
NOWHERE = "bolt://127.0.0.1:1"


@pytest.mark.parametrize(
    "argv", [["import", str(SEED)], ["cypher", "RETURN 1"], ["serve"]], ids=lambda a: a[0]
)
def test_an_unreachable_neo4j_is_one_line_before_any_retry(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", NOWHERE)
    monkeypatch.setenv("PEERGRAPH_AUTH_JWT_SECRET", "cli-tests-secret-" + "s" * 24)

    assert main(argv) == 2

    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        f"peergraph: cannot reach Neo4j at {NOWHERE} (connection refused): is it running?"
        " `make run` starts one with the seed profile; or point NEO4J_URI at yours"
    ]


def test_generate_refuses_a_file_for_a_folder_and_a_negative_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    afile = tmp_path / "a-file"
    afile.write_text("x")

    assert main(["generate", "--works", "5", "--out", str(afile)]) == 2
    assert capsys.readouterr().err == (
        f"peergraph: --out {afile} is a file: give a folder (created if missing)\n"
    )
    with pytest.raises(SystemExit) as refused:
        main(["generate", "--works", "-5", "--out", str(tmp_path / "g")])
    assert refused.value.code == 2
    assert "--works: must be at least 1, got -5" in capsys.readouterr().err


def test_an_import_of_nothing_exits_non_zero(
    tmp_path: Path, settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "W-cli-1"}\nnot json\n')

    assert main(["import", str(empty)]) == 1
    assert "nothing was imported" in capsys.readouterr().err
    assert main(["import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "read 2 records" in err and "skipped 2" in err and "nothing was imported" in err


def test_a_gzip_file_cut_short_is_named_in_two_lines_and_what_came_before_stays(
    tmp_path: Path, settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps({"id": f"T-cli-cut-{n}", "display_name": f"Cut {n}"}) for n in (1, 2)]
    path = tmp_path / "topics.jsonl.gz"
    # The lines whole, then a second gzip member that ends inside its header.
    whole = gzip.compress("".join(f"{line}\n" for line in lines).encode())
    path.write_bytes(whole + gzip.compress(b"{}\n")[:10])

    assert main(["import", str(path)]) == 2

    err = capsys.readouterr().err.strip().splitlines()
    assert err[-2:] == [
        f"peergraph: cannot read {path} at line 3: the gzip data ends early (a download or copy"
        " cut short?)",
        "stopped there; what was written stays (2 records): replace the file (download it"
        " again), then run the same command again",
    ]


@pytest.fixture
def settings_env(neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)


@pytest.fixture
def taken() -> Iterator[int]:
    """A port something listens on."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield listener.getsockname()[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("command", ["serve", "dev"])
def test_a_taken_api_port_is_named_before_anything_starts(
    command: str, taken: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [command, "--port", str(taken)]
    argv += ["--data-dir", str(tmp_path / "data")] if command == "dev" else []

    assert main(argv) == 2

    assert capsys.readouterr().err == (
        f"peergraph: port {taken} on 127.0.0.1, for the API, is in use (another `make run`?):"
        " stop what uses it, or pick another with --port N (or PORT=N)\n"
    )
    assert not (tmp_path / "data").exists(), "Neo4j was started"


def test_a_taken_neo4j_port_is_named_before_neo4j_starts(
    taken: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["dev", "--port", str(free_port()), "--neo4j-port", str(taken)]

    assert main([*argv, "--data-dir", str(tmp_path / "data")]) == 2

    assert capsys.readouterr().err == (
        f"peergraph: port {taken} on 127.0.0.1, for Neo4j, is in use (another `make run`?):"
        " stop what uses it, or pick another with --neo4j-port N (0: any free port)\n"
    )


@pytest.mark.slow
def test_a_data_folder_in_use_by_another_neo4j_is_named(
    own_neo4j: EmbeddedNeo4j, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["dev", "--port", str(free_port()), "--neo4j-port", "0"]

    assert main([*argv, "--data-dir", str(own_neo4j.data_dir)]) == 2

    err = capsys.readouterr().err.splitlines()
    assert err[-1] == (
        f"peergraph: the data folder {own_neo4j.data_dir} is in use by another Neo4j (another"
        " `make run`?): stop it, or give this one another folder (`peergraph dev --data-dir`)"
    )


@pytest.mark.slow
def test_ctrl_c_during_an_import_says_how_far_it_got_and_how_to_finish(
    own_neo4j: EmbeddedNeo4j, tmp_path: Path
) -> None:
    generate(3000, 1, tmp_path / "graph", lambda message: None)
    env = {**os.environ, "NEO4J_URI": str(own_neo4j.uri)}
    command = [sys.executable, "-m", "server.cli", "import", str(tmp_path / "graph")]
    run = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    assert run.stderr is not None
    seen, deadline = "", time.monotonic() + 120
    # Interrupted once records are being written, as a person watching the progress would.
    while "imported " not in seen and time.monotonic() < deadline:
        if select.select([run.stderr], [], [], 1)[0]:
            seen += os.read(run.stderr.fileno(), 4096).decode()
    run.send_signal(signal.SIGINT)
    _, rest = run.communicate(timeout=120)
    err = seen + rest

    assert run.returncode == 130, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("stopped after ") and "run the same command again to finish" in last

    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr


def test_version_and_every_option_says_what_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as shown:
        main(["--version"])
    assert shown.value.code == 0
    assert capsys.readouterr().out.startswith("peergraph 0.")
    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    silent = [
        f"{name} {action.option_strings or action.dest}"
        for name, command in commands.choices.items()
        for action in command._actions
        if not action.help
    ]
    assert silent == []


async def test_serve_refuses_a_graph_an_older_peergraph_wrote_until_it_is_upgraded(
    runner: CypherRunner,
    settings_env: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    await load(runner, tmp_path, cloned_seed("cl"))
    async with runner.driver.session(database=runner.database) as session:
        await (await session.run("MATCH (m:Meta) REMOVE m.confirmations")).consume()
    serve = ["serve", "--port", str(free_port())]

    assert await asyncio.to_thread(main, serve) == 2
    assert capsys.readouterr().err.endswith(
        "was written by an older peergraph and lacks confirmed authorships: run `peergraph"
        " upgrade` once (or any import), then serve\n"
    )
    assert await asyncio.to_thread(main, ["upgrade"]) == 0
    assert capsys.readouterr().err.endswith("the graph is up to date\n")
    assert await outdated(runner) == []


def test_every_help_shows_real_defaults_and_never_none(capsys: pytest.CaptureFixture[str]) -> None:
    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    shown = {}
    for name in ["", *commands.choices]:
        with pytest.raises(SystemExit):
            main([name, "--help"] if name else ["--help"])
        shown[name] = " ".join(capsys.readouterr().out.split())

    assert [name for name, text in shown.items() if "None" in text or "[]" in text] == []
    for name in ("serve", "dev"):
        assert "--port PORT HTTP port (default: PORT, else 8000)" in shown[name]
    assert "--batch-size BATCH_SIZE records per transaction (default: 1000)" in shown["import"]


async def test_a_run_prints_a_user_token_and_an_admin_token_the_service_accepts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = sign_in(Settings(port=8123))

    print_addresses(settings, minted=True)

    err = capsys.readouterr().err
    assert "GraphiQL: http://127.0.0.1:8123/graphql\n" in err
    tokens = dict(re.findall(r"^(.+): Authorization: Bearer (\S+)$", err, re.M))
    assert sorted(tokens) == ["admin (pendingClaims, reviewClaim)", "sign-in for this run"]
    authenticator = Authenticator(settings)
    user = (await authenticator.authenticate(f"Bearer {tokens['sign-in for this run']}")).user
    admin = await authenticator.authenticate(
        f"Bearer {tokens['admin (pendingClaims, reviewClaim)']}"
    )
    assert user is not None and not user.admin
    assert admin.user is not None and admin.user.admin
