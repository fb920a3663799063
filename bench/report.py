"""bench/results.md from the figures of bench/results.json."""

import json
from pathlib import Path
from typing import Any

CPU_COLUMNS = ("service", "neo4j", "client")
CPU_HEADER = "CPU ms/req service / Neo4j / client"


def cpu(row: dict[str, Any], columns: tuple[str, ...] = CPU_COLUMNS) -> str:
    """CPU milliseconds per request of each process, '-' where a process was not measured
    (the floor has no service; figures from before CPU was measured have none)."""
    figures = row.get("cpu_ms_per_request") or {}
    return " / ".join(f"{figures[c]:.1f}" if c in figures else "-" for c in columns)


def table(rows: list[dict[str, Any]], label: str) -> list[str]:
    lines = [
        f"| query | clients | p50 ms | p90 ms | p99 ms | req/s | errors | {CPU_HEADER} |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {label} | {r['concurrency']} | {r['p50_ms']} | {r['p90_ms']} | {r['p99_ms']} | {r['throughput_rps']} | {r['errors']} | {cpu(r)} |"
        )
    return lines


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def size_section(s: dict[str, Any]) -> list[str]:
    imp = s["import"]
    page = s["page_without_explorer"][0]["p50_ms"]
    floor = s["floor"][0]["p50_ms"]
    explorer = s["explorer"]
    when = s.get("measured")
    lines = [
        f"## {s['works']:,} works",
        "",
        *(
            [
                f"Measured {when['date']}, medians of {when['runs_per_figure']} runs of "
                f"{when['requests_per_run']} requests.",
                "",
            ]
            if when
            else []
        ),
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
        f"| centre | p50 ms | p99 ms | {CPU_HEADER} |",
        "|---|---|---|---|",
        *[
            f"| {name} `{s['hubs'][name]}` | {f['p50_ms']} | {f['p99_ms']} | {cpu(f)} |"
            for name, f in explorer.items()
        ],
        "",
        f"Explorer p99, biggest hub topic / ordinary researcher: **{ratio(explorer['topic']['p99_ms'], explorer['ordinary']['p99_ms'])}**.",
        "",
    ]
    return lines


def load_section(name: str, f: dict[str, Any]) -> list[str]:
    rss = f["rss_mb"]
    lines = [
        f"### {name}: {f['clients']} clients for {f['seconds']} s, {f['works']:,}-work graph",
        "",
        f"{f['requests']:,} requests, **{f['throughput_rps']} req/s**, "
        f"**{f['errors']} errors**"
        + (
            f" ({', '.join(f'{k}: {v}' for k, v in f['error_kinds'].items())})"
            if f["errors"]
            else ""
        )
        + ".",
        *(
            [f"CPU per request over the whole mix, service / Neo4j / client: {cpu(f)} ms."]
            if "cpu_ms_per_request" in f
            else []
        ),
        "",
        "| operation | requests | p50 ms | p99 ms | req/s |",
        "|---|---|---|---|---|",
        *[
            f"| {op} | {o['requests']:,} | {o['p50_ms']} | {o['p99_ms']} | {o['throughput_rps']} |"
            for op, o in f["ops"].items()
        ],
        "",
        f"Service RSS: first minute {rss['first_minute']} MB (start-up and warm-up), "
        + (f"minutes 2 to 3 {window(rss['samples'], 60, 180)} MB, " if f["seconds"] > 240 else "")
        + f"last minute {rss['last_minute']} MB, peak {rss['peak']} MB.",
        "",
    ]
    return lines


def window(samples: list[list[float]], start: float, end: float) -> float:
    values = [v for t, v in samples if start <= t < end]
    return round(sum(values) / len(values), 1) if values else float("nan")


def load_sections(load: dict[str, Any]) -> list[str]:
    lines = [
        "## Load and soak",
        "",
        "`python -m bench.mixed` (60 s) and `python -m bench.mixed --seconds 600 --soak`: each "
        "client loops over a mix of 60 % ProfilePage (researchers across the works-per-author "
        "distribution, the most prolific included), 25 % researcher searches (name prefixes) "
        "and 15 % follow/unfollow with its own token, against the service in its own process "
        "with every default limit. An error is any non-200, any GraphQL error or user error.",
        "",
    ]
    for key, name in (("load", "Load"), ("soak", "Soak")):
        if key in load:
            lines += load_section(name, load[key])
    return lines


def ceiling_section(c: dict[str, Any]) -> list[str]:
    return [
        "## Write ceiling",
        "",
        f"`python -m bench.write_ceiling` ({c['date']}): the simplest Cypher writes, through the "
        f"same driver, in transactions of {c['batch']:,} rows, on a fresh store: "
        f"{c['nodes']:,} nodes created from a list at **{c['nodes_per_second']:,} nodes/s**; "
        f"{c['relationships']:,} relationships created between two nodes found by id at "
        f"**{c['relationships_per_second_1_writers']:,}/s** with one writer and "
        f"**{c['relationships_per_second_2_writers']:,}/s** with two. The importer's elements/s "
        "above are measured against these: most of its elements are relationships.",
        "",
    ]


def cpu_sum(row: dict[str, Any]) -> str:
    figures = row.get("cpu_ms_per_request") or {}
    if "service" not in figures or "neo4j" not in figures:
        return "-"
    return f"{figures['service'] + figures['neo4j']:.1f}"


def compare_section(c: dict[str, Any]) -> list[str]:
    """peergraph against the Neo4j GraphQL Library (bench/compare.py)."""
    when, v = c["measured"], c["library_versions"]
    counts = c["statements_per_request"]
    rows = [
        ("peergraph", "peergraph", "peergraph"),
        ("library", "the library", "library"),
        ("profile_page", "peergraph, full ProfilePage", "profile_page"),
    ]
    lines = [
        "## Against the Neo4j GraphQL Library",
        "",
        f"`python -m bench.compare` ({when['date']}, medians of {when['runs_per_figure']} runs "
        f"of {when['requests_per_run']} requests), {c['works']:,}-work graph: the same logical "
        "query (profile, counts, 4 close collaborators, 20 works by year with ordered authors "
        "and topics) to peergraph and to "
        f"@neo4j/graphql {v['@neo4j/graphql']} on @apollo/server {v['@apollo/server']} "
        f"(neo4j-driver {v['neo4j-driver']} with TCP_NODELAY, Node {v['node']}), each in its "
        "own process on the same Neo4j, for the same sampled researchers; both documents are "
        "in results-compare.json. Same ids in both answers: "
        + ("**yes**" if all(c["same_answers"].values()) else "**no**")
        + f" ({sum(c['same_answers'].values())} of {len(c['same_answers'])} researchers). "
        "CPU is per request from /proc of each process: the GraphQL server (peergraph's "
        "service, or node), Neo4j's JVM and the load client.",
        "",
        "| server | clients | p50 ms | p90 ms | p99 ms | req/s | errors | statements/request "
        f"| {CPU_HEADER} | server + Neo4j CPU ms/req |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for key, label, count_key in rows:
        per = counts[count_key].values()
        statements = f"{min(per)}-{max(per)}" if min(per) != max(per) else f"{max(per)}"
        for r in c[key]:
            lines.append(
                f"| {label} | {r['concurrency']} | {r['p50_ms']} | {r['p90_ms']} | "
                f"{r['p99_ms']} | {r['throughput_rps']} | {r['errors']} | {statements} | "
                f"{cpu(r)} | {cpu_sum(r)} |"
            )
    ours, theirs = c["peergraph"][-1], c["library"][-1]
    median = c["median_researcher"]
    lines += [
        "",
        f"Throughput at {ours['concurrency']} clients, peergraph / the library: "
        f"**{ratio(ours['throughput_rps'], theirs['throughput_rps'])}**. "
        f"p50 at 1 client on the median researcher `{median['id']}` alone: peergraph "
        f"{median['peergraph']['p50_ms']} ms, the library {median['library']['p50_ms']} ms.",
        "",
    ]
    return lines


def steps(rows: tuple[dict[str, Any], ...], field: str) -> str:
    """One figure through the measured steps: `a -> b -> c`."""
    return " -> ".join(str(r[field]) for r in rows)


def before_after_section(pair: dict[str, Any]) -> list[str]:
    """The cost-per-page work (issue 13): bench.compare on the code before it, after each step
    that was measured, and now."""
    before, after = pair["before"], pair["after"]
    stages = [
        (pair["before_commit"], before),
        *((s["commit"], s["figures"]) for s in pair.get("steps", [])),
        (pair.get("after_commit", "after"), after),
    ]
    names = " -> ".join(f"{commit} ({figures['measured']['date']})" for commit, figures in stages)
    lines = [
        "## Cost per page: before and after",
        "",
        f"`python -m bench.compare` on the {after['works']:,}-work graph, the same method each "
        f"time, on the code of each commit (earlier ones checked out in a worktree with this "
        f"bench): {names}. All in results.json under `cost_per_page`.",
        "",
        f"| query | clients | req/s | p50 ms | p99 ms | {CPU_HEADER} |",
        "|---|---|---|---|---|---|",
    ]
    for key, label in (("peergraph", "common subset"), ("profile_page", "full ProfilePage")):
        for rows in zip(*(figures[key] for _, figures in stages), strict=True):
            lines.append(
                f"| {label} | {rows[-1]['concurrency']} | {steps(rows, 'throughput_rps')} | "
                f"{steps(rows, 'p50_ms')} | {steps(rows, 'p99_ms')} | "
                f"{' -> '.join(cpu(r) for r in rows)} |"
            )
    return [*lines, ""]


def hubs_section(by_size: dict[str, Any]) -> list[str]:
    lines = [
        "## The most prolific researchers' pages",
        "",
        "`python -m bench.hub_pages --works N`: the ProfilePage at 1 client for the 20 most "
        "prolific researchers and for 20 around the median, each group cycling over its ids.",
        "",
    ]
    for works, f in sorted(by_size.items(), key=lambda kv: int(kv[0])):
        lines += [
            f"{int(works):,} works, measured {f['measured']}:",
            "",
            *table([f["prolific"]], "20 most prolific"),
            *table([f["ordinary"]], "20 ordinary")[2:],
            "",
            f"p99 most prolific / ordinary: **{f['p99_ratio']}**"
            + (
                f" (identity sample {f['identity_sample']:,} works; with "
                f"{f['before']['identity_sample']:,}, measured {f['before']['measured']}: "
                f"{f['before']['prolific']['p99_ms']} / {f['before']['ordinary']['p99_ms']} ms "
                f"= {f['before']['p99_ratio']})."
                if "before" in f
                else "."
            ),
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
            f"p90: **{ratio(last['profile_page'][0]['p90_ms'], first['profile_page'][0]['p90_ms'])}**; "
            f"statements per page: {', '.join(str(s['statements_per_page']) for s in sizes)}.",
            "",
        ]
    if "cost_per_page" in results:
        lines += before_after_section(results["cost_per_page"])
    load_path = path.parent / "results-load.json"
    if load_path.exists():
        lines += load_sections(json.loads(load_path.read_text()))
    compare_path = path.parent / "results-compare.json"
    if compare_path.exists():
        lines += compare_section(json.loads(compare_path.read_text()))
    hubs_path = path.parent / "results-hubs.json"
    if hubs_path.exists():
        lines += hubs_section(json.loads(hubs_path.read_text()))
    ceiling_path = path.parent / "results-ceiling.json"
    if ceiling_path.exists():
        lines += ceiling_section(json.loads(ceiling_path.read_text()))
    path.write_text("\n".join(lines))


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    write_markdown(json.loads((here / "results.json").read_text()), here / "results.md")
