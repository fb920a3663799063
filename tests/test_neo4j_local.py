"""The embedded Neo4j never outlives the process that started it."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARENT = """
import sys, time
from pathlib import Path
from server.neo4j_local import EmbeddedNeo4j
neo4j = EmbeddedNeo4j(Path(sys.argv[1]))
neo4j.start()
print(neo4j.process.pid, flush=True)
time.sleep(600)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is gone for our purpose: it holds no port and no store.
    return "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0]


@pytest.mark.slow
def test_a_killed_parent_takes_its_neo4j_down_cleanly(tmp_path: Path) -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT, str(tmp_path / "data")], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    neo4j_pid = int(parent.stdout.readline())
    assert alive(neo4j_pid)

    parent.send_signal(signal.SIGKILL)
    parent.wait()

    deadline = time.monotonic() + 60
    while alive(neo4j_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(neo4j_pid)
    log = (tmp_path / "data" / "neo4j-local.log").read_text(errors="replace")
    assert "the parent process is gone; stopping" in log


def test_the_launcher_lists_its_flags_on_help() -> None:
    launcher = Path(__file__).resolve().parent.parent / "neo4j-local" / "run.sh"

    done = subprocess.run([launcher, "--help"], capture_output=True, text=True, timeout=60)

    assert done.returncode == 0, done.stderr
    for flag in ("--port", "--host", "--data-dir", "--page-cache", "--tx-timeout-seconds"):
        assert flag in done.stdout
