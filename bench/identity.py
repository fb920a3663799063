"""The identity check against records whose truth is known by construction.

`python -m bench.identity [--records N] [--seed S]` makes N records of each case of
ingest/identity_cases.py, runs the analysis of resolvers/identity.py on them and prints, per
case, how often it suspects separate people: recall for the records that merge two people,
false splits for one person's; and the precision of "suspected separate people" over all.
The figures go to bench/results-identity.json.
"""

import argparse
import json
import random
from pathlib import Path
from typing import Any

from ingest.identity_cases import CASES
from resolvers.identity import analyse

RESULTS = Path(__file__).resolve().parent / "results-identity.json"


def measure(records: int, seed: int) -> dict[str, dict[str, Any]]:
    rng = random.Random(seed)
    figures = {}
    for name, (make, two) in CASES.items():
        split = sum(analyse(make(rng, f"{n}")).suspected_people > 1 for n in range(records))
        figures[name] = {"records": records, "split": split, "two_people": two}
    return figures


def precision(figures: dict[str, dict[str, Any]]) -> float:
    true_pos = sum(f["split"] for f in figures.values() if f["two_people"])
    false_pos = sum(f["split"] for f in figures.values() if not f["two_people"])
    return float(true_pos / max(1, true_pos + false_pos))


def main() -> None:
    parser = argparse.ArgumentParser(description="The identity check on labelled records.")
    parser.add_argument("--records", type=int, default=500, help="records of each case")
    parser.add_argument("--seed", type=int, default=1, help="the generator's seed")
    args = parser.parse_args()
    figures = measure(args.records, args.seed)
    print(f"{'case':<56} {'records':>7} {'split':>6}  rate")
    for name, f in figures.items():
        rate = f["split"] / f["records"]
        label = "recall" if f["two_people"] else "false splits"
        print(f"{name:<56} {f['records']:>7} {f['split']:>6}  {rate:.3f} ({label})")
    overall = precision(figures)
    print(f"precision of 'suspected separate people': {overall:.3f}")
    RESULTS.write_text(json.dumps({"seed": args.seed, "cases": figures, "precision": overall}))


if __name__ == "__main__":
    main()
