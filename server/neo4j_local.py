"""Starts and stops the embedded Neo4j of `neo4j-local/` as a child process."""

import os
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent.parent / "neo4j-local" / "run.sh"
READY_TIMEOUT_SECONDS = 120


class Neo4jStartError(RuntimeError):
    pass


@dataclass
class EmbeddedNeo4j:
    data_dir: Path
    port: int = 0
    page_cache: str = "256m"
    heap: str = "1g"
    uri: str | None = None
    # The `neo4j` user's password; None: the one kept in `password_file` (random at first).
    # Known once started: the launcher always leaves the password in force in that file.
    password: str | None = field(default=None, repr=False)
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def port_file(self) -> Path:
        return self.data_dir / "bolt-address"

    @property
    def password_file(self) -> Path:
        return self.data_dir / "neo4j-password"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "neo4j-local.log"

    def start(self) -> str:
        """Starts Neo4j and returns its Bolt URI once it answers. A restart reuses the port."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.port_file.unlink(missing_ok=True)
        port = self.port or (int(self.uri.rsplit(":", 1)[1]) if self.uri else 0)
        args = [
            str(LAUNCHER),
            "--port",
            str(port),
            "--data-dir",
            str(self.data_dir),
            "--page-cache",
            self.page_cache,
            "--port-file",
            str(self.port_file),
        ]
        # Neo4j holds our end of a pipe on its stdin and stops when it closes, so it never
        # outlives this process, even when this process is killed.
        env = {
            **os.environ,
            "JAVA_OPTS": f"-Xmx{self.heap}",
            "PEERGRAPH_NEO4J_EXIT_WITH_PARENT": "1",
        }
        # Through the environment, not a flag: other local users can read a command line.
        if self.password is not None:
            env["NEO4J_LOCAL_PASSWORD"] = self.password
        with self.log_file.open("ab") as log:
            self.process = subprocess.Popen(
                args, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT, env=env
            )
        self.uri = self._wait_ready()
        self.password = self.password_file.read_text("utf-8").strip()
        return self.uri

    def _wait_ready(self) -> str:
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.port_file.exists():
                return self.port_file.read_text().strip()
            if self.process is not None and self.process.poll() is not None:
                raise Neo4jStartError(self._why_it_exited())
            time.sleep(0.2)
        self.stop()
        raise Neo4jStartError(
            f"embedded Neo4j not ready in {READY_TIMEOUT_SECONDS}s; see {self.log_file}"
        )

    def _why_it_exited(self) -> str:
        tail = self.log_file.read_text("utf-8", errors="replace")[-20_000:]
        if "locked by another process" in tail or "StoreLockException" in tail:
            return (
                f"the data folder {self.data_dir} is in use by another Neo4j (another `make"
                " run`?): stop it, or give this one another folder (`peergraph dev --data-dir`)"
            )
        return f"embedded Neo4j exited at start; the last lines of {self.log_file} say why"

    def stop(self, timeout: float = 60) -> None:
        """SIGTERM, so the shutdown hook closes the store cleanly; SIGKILL only as a last resort."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._release()

    def kill(self) -> None:
        """SIGKILL: a crash, no clean shutdown (recovery runs on the next start)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self._release()

    def _release(self) -> None:
        if self.process is not None and self.process.stdin is not None:
            self.process.stdin.close()
