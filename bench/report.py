"""bench/results.md from the figures of bench/results.json."""

from pathlib import Path
from typing import Any


def table(rows: list[dict[str, Any]], label: str) -> list[str]:
    lines = [
        "| query | clients | p50 ms | p90 ms | p99 ms | req/s | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {label} | {r['concurrency']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['throughput_rps']} | {r['errors']} |"
        )
    return lines


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def size_section(s: dict[str, Any]) -> list[str]:
    imp = s["import"]
    page = s["page_without_explorer"][0]["p50_ms"]
    floor = s["floor"][0]["p50_ms"]
    explorer = s["explorer"]
    lines = [
        f"## {s['works']:,} works",
        "",
        f"Import: {imp['nodes']:,} nodes and {imp['relationships']:,} relationships in {imp['seconds']} s: "
        f"**{imp['elements_per_second']:,} elements/s**; store on disk {imp['store_mb']:,} MB.",
        "",
        f"Cypher statements per ProfilePage query: **{s['statements_per_page']}** "
        f"(naive resolvers without loaders: {s['naive_statements_per_page']}).",
        f"Service peak RSS under load (up to 32 clients): **{s['service_peak_rss_mb']} MB**.",
        "",
        "Researchers sampled across the works-per-author distribution: "
        + ", ".join(f"{k} `{v}`" for k, v in s["sample"].items())
        + ", and the seed `A-jian-jiao`.",
        "",
        "ProfilePage (the whole page, explorer included) over HTTP:",
        "",
        *table(s["profile_page"], "ProfilePage"),
        "",
        "The page without its explorer slice against the floor (one hand-written Cypher "
        "statement, `bench/floor_profile_page.cypher`, through the same driver) and the naive "
        "baseline (the same schema with batching and caching off: a statement per field):",
        "",
        *table(s["page_without_explorer"], "GraphQL page"),
        *table(s["floor"], "floor")[2:],
        *table(s["naive_page_without_explorer"], "naive")[2:],
        "",
        f"Page / floor at p50, 1 client: **{ratio(page, floor)}**.",
        "",
        "Explorer slice (limit 60), 1 client:",
        "",
        "| centre | p50 ms | p99 ms |",
        "|---|---|---|",
        *[
            f"| {name} `{s['hubs'][name]}` | {f['p50_ms']} | {f['p99_ms']} |"
            for name, f in explorer.items()
        ],
        "",
        f"Explorer p99, biggest hub topic / ordinary researcher: **{ratio(explorer['topic']['p99_ms'], explorer['ordinary']['p99_ms'])}**.",
        "",
    ]
    return lines


def write_markdown(results: dict[str, Any], path: Path) -> None:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; Python {m['python']}; "
        f"Neo4j {m['neo4j']}; {m['date']}. Each figure is the median of {m['runs_per_figure']} runs "
        f"of {m['requests_per_run']} requests.",
        "",
        "Command: `make bench` (sizes from `BENCH_SIZES`, default `10000,100000`; "
        "`BENCH_SIZES=10000,100000,1000000 make bench` adds the largest).",
        "",
    ]
    for s in results["sizes"]:
        lines += size_section(s)
    sizes = results["sizes"]
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        lines += [
            "## Across sizes",
            "",
            f"ProfilePage p50 at {last['works']:,} / at {first['works']:,} works (1 client): "
            f"**{ratio(last['profile_page'][0]['p50_ms'], first['profile_page'][0]['p50_ms'])}**; "
            f"statements per page: {', '.join(str(s['statements_per_page']) for s in sizes)}.",
            "",
        ]
    path.write_text("\n".join(lines))
