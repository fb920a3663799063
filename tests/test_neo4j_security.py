"""The embedded Neo4j cannot be driven by anyone but the service and the CLI: auth is on with a
password per data folder, Bolt over WebSocket is refused, and LOAD CSV reaches neither local
files nor loopback or private addresses."""

import base64
import mmap
import os
import secrets
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar, LiteralString
from urllib.parse import urlsplit

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError

from conftest import ROOT, neo4j_password
from server.config import EMBEDDED_URI, ConfigError, Settings
from server.neo4j_local import EmbeddedNeo4j

BOLT_MAGIC = bytes.fromhex("6060b017")
# Bolt 5.0 to 5.8, then 4.4 to 4.2 and 3.0: whatever this Neo4j speaks, it picks one.
BOLT_VERSIONS = bytes.fromhex("00080805 00020404 00000003 00000000")


def address(uri: str) -> tuple[str, int]:
    parts = urlsplit(uri)
    assert parts.hostname and parts.port
    return parts.hostname, parts.port


def answers(uri: str, auth: tuple[str, str] | None) -> int:
    with GraphDatabase.driver(uri, auth=auth) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
        return int(records[0]["one"])


def test_bolt_refuses_a_session_without_the_password(neo4j_uri: str) -> None:
    assert answers(neo4j_uri, ("neo4j", neo4j_password())) == 1
    with pytest.raises(AuthError):
        answers(neo4j_uri, None)
    # One wrong attempt only: three in a row lock the user for a few seconds, for every test.
    with pytest.raises(AuthError):
        answers(neo4j_uri, ("neo4j", neo4j_password() + "-wrong"))


def websocket_bolt_version(host: str, port: int, origin: str) -> bytes | None:
    """What a browser page at `origin` gets: the Bolt version Neo4j agreed over a WebSocket,
    or None when the upgrade or the Bolt handshake did not happen."""
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    upgrade = (
        f"GET / HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n"
    )
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(upgrade.encode())
        response = read_until(sock, b"\r\n\r\n")
        if not response.startswith(b"HTTP/1.1 101"):
            return None
        sock.sendall(masked_binary_frame(BOLT_MAGIC + BOLT_VERSIONS))
        frame = read_until(sock, b"", at_least=6)
        # An unmasked binary frame from the server: 0x82, the length, then the 4-byte version.
        return frame[2:6] if frame[:2] == b"\x82\x04" else None


def read_until(sock: socket.socket, end: bytes, at_least: int = 1) -> bytes:
    data = b""
    while not (len(data) >= at_least and (not end or end in data)):
        try:
            chunk = sock.recv(4096)
        except (ConnectionResetError, TimeoutError):
            break
        if not chunk:
            break
        data += chunk
    return data


def masked_binary_frame(payload: bytes) -> bytes:
    mask = secrets.token_bytes(4)
    body = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x82, 0x80 | len(payload)]) + mask + body


def test_bolt_over_websocket_from_a_foreign_origin_gets_no_handshake(neo4j_uri: str) -> None:
    host, port = address(neo4j_uri)
    assert websocket_bolt_version(host, port, "https://evil.example") is None
    # Plain Bolt on the same port still works.
    assert answers(neo4j_uri, ("neo4j", neo4j_password())) == 1


def refusal(uri: str, statement: LiteralString, **params: object) -> str:
    """The message Neo4j refuses the statement with, even to the right password."""
    with pytest.raises(ClientError) as refused:
        answers_rows(uri, statement, **params)
    return str(refused.value.message)


def answers_rows(uri: str, statement: LiteralString, **params: object) -> list[object]:
    with GraphDatabase.driver(uri, auth=("neo4j", neo4j_password())) as driver:
        records, _, _ = driver.execute_query(statement, params)
        return [record["line"] for record in records]


def test_load_csv_reads_no_local_file(neo4j_uri: str) -> None:
    message = refusal(neo4j_uri, "LOAD CSV FROM 'file:///etc/hostname' AS line RETURN line")
    assert "allow_csv_import_from_file_urls" in message


def test_the_analyst_cli_reads_no_local_file_either(neo4j_uri: str) -> None:
    statement = "LOAD CSV FROM 'file:///etc/hostname' AS l RETURN l"
    done = subprocess.run(
        [sys.executable, "-m", "server.cli", "cypher", statement, "--format", "json"],
        env={**os.environ, "NEO4J_URI": neo4j_uri},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert done.stdout == ""
    assert done.stderr.startswith("peergraph: ")
    assert "Traceback" not in done.stderr


class Recorder(BaseHTTPRequestHandler):
    paths: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recorder.paths.append(self.path)
        body = b"secret,from,loopback\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def loopback_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.paths.clear()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_load_csv_reaches_no_loopback_address(
    neo4j_uri: str, loopback_server: int, host: str
) -> None:
    url = f"http://{host}:{loopback_server}/admin.csv"
    message = refusal(neo4j_uri, "LOAD CSV FROM $url AS line RETURN line", url=url)
    assert "blocked" in message.lower()
    assert Recorder.paths == []


def test_settings_read_the_embedded_password_file(tmp_path: Path) -> None:
    kept = tmp_path / "neo4j-password"
    kept.write_text("from-the-data-folder\n")
    settings = Settings(neo4j_uri=EMBEDDED_URI, neo4j_password="", neo4j_password_file=kept)
    assert settings.neo4j_auth == ("neo4j", "from-the-data-folder")
    # A password given in the environment wins; an external database never gets the file's.
    given = Settings(neo4j_uri=EMBEDDED_URI, neo4j_password="given", neo4j_password_file=kept)
    assert given.neo4j_auth == ("neo4j", "given")
    remote = Settings(
        neo4j_uri="neo4j+s://db.example.org", neo4j_password="", neo4j_password_file=kept
    )
    assert remote.neo4j_auth is None


def test_no_password_for_the_embedded_neo4j_is_a_clear_error(tmp_path: Path) -> None:
    settings = Settings(
        neo4j_uri=EMBEDDED_URI, neo4j_password="", neo4j_password_file=tmp_path / "missing"
    )
    with pytest.raises(ConfigError, match=r"make neo4j.*NEO4J_PASSWORD"):
        _ = settings.neo4j_auth


def logged_anywhere(folder: Path, secret: str) -> list[Path]:
    """Files other than the password file that hold the secret: logs, the store, and the
    transaction logs (preallocated to 256 MB each, hence mapped rather than read)."""
    found = []
    for path in folder.rglob("*"):
        if path.name == "neo4j-password" or not path.is_file() or path.stat().st_size == 0:
            continue
        with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as m:
            if m.find(secret.encode()) != -1:
                found.append(path)
    return found


@pytest.mark.slow
def test_the_password_is_kept_per_data_folder_and_a_given_one_wins(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = EmbeddedNeo4j(data)
    try:
        uri = first.start()
        kept = data / "neo4j-password"
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        generated = kept.read_text().strip()
        assert len(generated) >= 32
        assert first.password == generated
        assert answers(uri, ("neo4j", generated)) == 1
    finally:
        first.stop()

    again = EmbeddedNeo4j(data)
    try:
        uri = again.start()
        assert again.password == generated
        assert answers(uri, ("neo4j", generated)) == 1
    finally:
        again.stop()

    chosen = "a-chosen-password-" + secrets.token_hex(8)
    given = EmbeddedNeo4j(data, password=chosen)
    try:
        uri = given.start()
        assert answers(uri, ("neo4j", chosen)) == 1
        with pytest.raises(AuthError):
            answers(uri, ("neo4j", generated))
        # The folder's file follows, so the CLI next to it keeps working.
        assert kept.read_text().strip() == chosen
    finally:
        given.stop()
    assert logged_anywhere(data, generated) == []
    assert logged_anywhere(data, chosen) == []
