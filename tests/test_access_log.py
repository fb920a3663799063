"""Tokens in an address (old `?token=` sign-in links) never reach a log line."""

import logging
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from server.cli import sign_in_link
from server.logs import RedactTokens, redact

ROOT = Path(__file__).resolve().parent.parent
SECRET = "SECRET-token-value"
RUNNING = re.compile(r"Uvicorn running on (http://127\.0\.0\.1:\d+)")


@pytest.mark.parametrize(
    ("line", "redacted"),
    [
        ("/explore/A-x?token=abc.def", "/explore/A-x?token=[redacted]"),
        ("/graphql?a=1&access_token=abc&b=2", "/graphql?a=1&access_token=[redacted]&b=2"),
        ("/x?id_token=abc;refresh_token=def", "/x?id_token=[redacted];refresh_token=[redacted]"),
        ("/x?TOKEN=abc", "/x?TOKEN=[redacted]"),
        ("/x?%74oken=abc", "/x?%74oken=[redacted]"),
        ("/x?tokens=1&tokenizer=2", "/x?tokens=1&tokenizer=2"),
    ],
)
def test_token_values_are_redacted_and_nothing_else(line: str, redacted: str) -> None:
    assert redact(line) == redacted


def test_the_filter_redacts_the_arguments_of_an_access_log_record() -> None:
    args = ("127.0.0.1:1", "GET", f"/explore/A?token={SECRET}", "1.1", 200)
    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, "", 0, '%s "%s %s %s" %d', args, None
    )

    assert RedactTokens().filter(record)

    assert SECRET not in record.getMessage()
    assert "/explore/A?token=[redacted]" in record.getMessage()


def test_make_run_prints_a_sign_in_link_that_keeps_the_token_in_the_fragment() -> None:
    link = sign_in_link("http://127.0.0.1:8000", "a.b.c")

    assert link == "http://127.0.0.1:8000/explore/A-jian-jiao#token=a.b.c"


def started(process: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = RUNNING.search(log.read_text("utf-8", "replace"))
        if found:
            return found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise AssertionError(f"`peergraph serve` did not start:\n{log.read_text()}")


def test_the_served_access_log_never_holds_a_token(neo4j_uri: str, tmp_path: Path) -> None:
    """`peergraph serve` as it runs, with uvicorn's real access log captured."""
    log = tmp_path / "serve.log"
    env = {**os.environ, "NEO4J_URI": neo4j_uri, "PORT": "0", "PEERGRAPH_ACCESS_LOG": "true"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"], cwd=ROOT, env=env, stdout=out, stderr=out
        )
        try:
            base = started(process, log)
            for path in (
                f"/explore/A-jian-jiao?token={SECRET}",
                f"/graphql?query=%7B__typename%7D&access_token={SECRET}",
            ):
                with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
                    assert response.status == 200
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)

    text = log.read_text("utf-8")
    assert '"GET /explore/A-jian-jiao?token=[redacted] HTTP/1.1" 200' in text
    assert "access_token=[redacted]" in text
    assert SECRET not in text
