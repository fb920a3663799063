"""Concurrent clients and latency statistics."""

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Figures:
    requests: int
    concurrency: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    throughput_rps: float
    errors: int

    def row(self) -> dict[str, Any]:
        return asdict(self)


def percentile(sorted_ms: Sequence[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    index = min(len(sorted_ms) - 1, max(0, round(q * len(sorted_ms)) - 1))
    return sorted_ms[index]


async def measure(
    call: Callable[[int], Awaitable[bool]], requests: int, concurrency: int, warmup: int = 10
) -> Figures:
    """Runs `call(i)` `requests` times with `concurrency` clients; `call` returns success."""
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

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    return Figures(
        requests=requests,
        concurrency=concurrency,
        p50_ms=round(statistics.median(ordered), 2),
        p90_ms=round(percentile(ordered, 0.90), 2),
        p99_ms=round(percentile(ordered, 0.99), 2),
        throughput_rps=round(requests / elapsed, 1),
        errors=errors,
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
    )
