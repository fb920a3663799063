"""Concurrent clients, latency statistics and the CPU each process spends per request."""

import asyncio
import os
import statistics
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads (the kernel sums them into the
    process's /proc/<pid>/stat, threads that have exited included), in seconds."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name (field 2) may hold spaces and parentheses: split after its last ")".
    # Fields from there on start at 3 (state); utime and stime are fields 14 and 15.
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def cpu_snapshot(processes: Mapping[str, int]) -> dict[str, float]:
    return {name: cpu_seconds(pid) for name, pid in processes.items()}


def cpu_ms_per_request(
    before: Mapping[str, float], after: Mapping[str, float], requests: int
) -> dict[str, float]:
    """CPU milliseconds per request of each process between two snapshots."""
    return {
        name: round((after[name] - before[name]) * 1000 / requests, 2) if requests else float("nan")
        for name in before
    }


def children(pid: int) -> list[int]:
    """The child processes of `pid`, by each process's parent in /proc/<pid>/stat (field 4):
    /proc/<pid>/task/<tid>/children needs a kernel built with CONFIG_PROC_CHILDREN."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process exited while we looked
        if parent == pid:
            found.append(int(stat.parent.name))
    return found


def java_pid(pid: int) -> int:
    """The JVM of a launcher: `pid` itself when it is java (neo4j-local/run.sh execs it),
    otherwise the first java process among its descendants."""
    pending = [pid]
    while pending:
        candidate = pending.pop(0)
        if Path(f"/proc/{candidate}/comm").read_text().strip() == "java":
            return candidate
        pending += children(candidate)
    raise RuntimeError(f"no java process under pid {pid}")


@dataclass(frozen=True)
class Figures:
    requests: int
    concurrency: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    throughput_rps: float
    errors: int
    # CPU milliseconds per request of each process measured (service or node, neo4j, client),
    # read from /proc before and after the timed requests (the warm-up is left out).
    cpu_ms_per_request: dict[str, float] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        return asdict(self)


def percentile(sorted_ms: Sequence[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    index = min(len(sorted_ms) - 1, max(0, round(q * len(sorted_ms)) - 1))
    return sorted_ms[index]


async def measure(
    call: Callable[[int], Awaitable[bool]],
    requests: int,
    concurrency: int,
    warmup: int = 10,
    processes: Mapping[str, int] | None = None,
) -> Figures:
    """Runs `call(i)` `requests` times with `concurrency` clients; `call` returns success.
    `processes` (name -> pid): the CPU each spends per request over the timed requests."""
    for i in range(warmup):
        await call(i)
    latencies: list[float] = []
    errors = 0
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(i)

    async def client() -> None:
        nonlocal errors
        while not queue.empty():
            i = queue.get_nowait()
            started = time.perf_counter()
            ok = await call(i)
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok

    cpu_before = cpu_snapshot(processes or {})
    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    cpu = cpu_ms_per_request(cpu_before, cpu_snapshot(processes or {}), requests)
    ordered = sorted(latencies)
    return Figures(
        requests=requests,
        concurrency=concurrency,
        p50_ms=round(statistics.median(ordered), 2),
        p90_ms=round(percentile(ordered, 0.90), 2),
        p99_ms=round(percentile(ordered, 0.99), 2),
        throughput_rps=round(requests / elapsed, 1),
        errors=errors,
        cpu_ms_per_request=cpu,
    )


def median_of(runs: Sequence[Figures]) -> Figures:
    """Figures of several runs: the median of each number (the machine is shared and noisy)."""
    first = runs[0]

    def med(name: str) -> float:
        return round(float(statistics.median(getattr(r, name) for r in runs)), 2)

    return Figures(
        requests=first.requests,
        concurrency=first.concurrency,
        p50_ms=med("p50_ms"),
        p90_ms=med("p90_ms"),
        p99_ms=med("p99_ms"),
        throughput_rps=med("throughput_rps"),
        errors=sum(r.errors for r in runs),
        cpu_ms_per_request={
            name: round(float(statistics.median(r.cpu_ms_per_request[name] for r in runs)), 2)
            for name in first.cpu_ms_per_request
        },
    )
