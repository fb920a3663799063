"""The identity check against records whose truth is known by construction.

`python -m bench.identity [--records N] [--seed S]` makes N records of each case of
ingest/identity_cases.py, runs the analysis of resolvers/identity.py on them and prints, per
case, how often it suspects separate people: recall for the records that merge two people,
false splits for one person's; and the precision of "suspected separate people" over all.
The figures go to bench/results-identity.json.

`--graph` measures the same way end to end: the records go as OpenAlex work records through
the importer into a fresh embedded Neo4j, and the analysis reads them back with the service's
own statement (get_identity_inputs), topic sizes from the graph included.
"""

import argparse
import asyncio
import json
import random
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from ingest.identity_cases import CASES, ORCID_RATE, labelled, openalex_records
from resolvers.identity import analyse

RESULTS = Path(__file__).resolve().parent / "results-identity.json"


def measure(records: int, seed: int, orcids: bool = True) -> dict[str, dict[str, Any]]:
    """Per case, how many of `records` records the analysis splits; without the ORCIDs the
    generator puts on some authorships when `orcids` is false (the same records otherwise)."""
    rng = random.Random(seed)
    figures = {}
    for name, (make, two) in CASES.items():
        split = 0
        for n in range(records):
            works = make(rng, f"{n}")
            if not orcids:
                works = [replace(w, orcid=None) for w in works]
            split += analyse(works).suspected_people > 1
        figures[name] = {"records": records, "split": split, "two_people": two}
    return figures


async def measure_in_graph(records: int, seed: int) -> dict[str, dict[str, Any]]:
    # Imported here: the in-memory measure needs neither Neo4j nor the importer.
    from bench.run import DATA, PASSWORD, log
    from ingest.importer import import_paths, print_progress
    from loaders.identity import works_for_identity
    from server.app import make_runner
    from server.config import Settings
    from server.neo4j_local import EmbeddedNeo4j

    cases = labelled(records, seed)
    store = DATA / "neo4j-identity"
    shutil.rmtree(store, ignore_errors=True)
    neo4j = EmbeddedNeo4j(store, page_cache="1g", heap="2g", password=PASSWORD)
    runner = make_runner(Settings(neo4j_uri=neo4j.start()))
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "identity-cases.jsonl"
            with path.open("w") as out:
                for _, researcher, works in cases:
                    out.writelines(
                        json.dumps(r) + "\n" for r in openalex_records(researcher, works)
                    )
            log(f"importing {len(cases):,} labelled records")
            await import_paths(runner, [path], batch_size=1000, progress=print_progress())
        figures = {
            name: {"records": records, "split": 0, "two_people": two}
            for name, (_, two) in CASES.items()
        }
        for start in range(0, len(cases), 200):
            chunk = cases[start : start + 200]
            inputs = await works_for_identity(runner, [r for _, r, _ in chunk])
            for (name, _, _), found in zip(chunk, inputs, strict=True):
                figures[name]["split"] += analyse(found.works).suspected_people > 1
        return figures
    finally:
        await runner.driver.close()
        neo4j.stop()
        shutil.rmtree(store, ignore_errors=True)


def precision(figures: dict[str, dict[str, Any]]) -> float:
    true_pos = sum(f["split"] for f in figures.values() if f["two_people"])
    false_pos = sum(f["split"] for f in figures.values() if not f["two_people"])
    return float(true_pos / max(1, true_pos + false_pos))


def main() -> None:
    parser = argparse.ArgumentParser(description="The identity check on labelled records.")
    parser.add_argument("--records", type=int, default=500, help="records of each case")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed")
    parser.add_argument(
        "--graph", action="store_true", help="through the importer and Neo4j (slower)"
    )
    args = parser.parse_args()
    if args.graph:
        report_graph(args.records, args.seed)
        return
    out: dict[str, Any] = {"seed": args.seed}
    for key, orcids, title in (
        ("cases", True, f"ORCIDs on {ORCID_RATE:.0%} of authorships, as the generator makes them"),
        ("without_orcids", False, "the same records without any ORCID"),
    ):
        figures = measure(args.records, args.seed, orcids)
        overall = print_figures(title, figures)
        out[key] = figures
        out["precision" if orcids else "precision_without_orcids"] = overall
    out |= {k: v for k, v in read_results().items() if k.startswith("graph")}
    RESULTS.write_text(json.dumps(out))


def read_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text()) if RESULTS.exists() else {}


def print_figures(title: str, figures: dict[str, dict[str, Any]]) -> float:
    print(f"\n{title}\n{'case':<56} {'records':>7} {'split':>6}  rate")
    for name, f in figures.items():
        rate = f["split"] / f["records"]
        label = "recall" if f["two_people"] else "false splits"
        print(f"{name:<56} {f['records']:>7} {f['split']:>6}  {rate:.3f} ({label})")
    overall = precision(figures)
    print(f"precision of 'suspected separate people': {overall:.3f}")
    return overall


def report_graph(records: int, seed: int) -> None:
    figures = asyncio.run(measure_in_graph(records, seed))
    overall = print_figures("through the importer and Neo4j, ORCIDs as generated", figures)
    out = read_results() | {"graph": figures, "graph_precision": overall, "graph_seed": seed}
    RESULTS.write_text(json.dumps(out))


if __name__ == "__main__":
    main()
