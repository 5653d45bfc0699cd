"""Time the demo shop generator and print the numbers.

    python benchmarks/demo_generate.py --contacts 100000 [--workspace URL] [--skip-derived]

``--skip-derived`` leaves out ``workspace.derived.recompute`` to time the
generator alone. Prints rows per table, seconds and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import workspace.demo.generate as demo_generate
from workspace.db import open_workspace


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workspace", help="URL or path (default: a temporary SQLite file)")
    parser.add_argument("--skip-derived", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = open_workspace(args.workspace or str(Path(folder) / "bench.sqlite"))
        derived = {"seconds": 0.0}
        real_recompute = demo_generate.recompute

        def timed_recompute(conn):  # type: ignore[no-untyped-def]
            if args.skip_derived:
                return
            started = time.perf_counter()
            real_recompute(conn)
            derived["seconds"] = time.perf_counter() - started

        demo_generate.recompute = timed_recompute
        started = time.perf_counter()
        counts = demo_generate.generate_demo(
            engine, contacts=args.contacts, seed=args.seed, today=date(2026, 3, 10))
        total = time.perf_counter() - started
        engine.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"backend: {engine.dialect.name}")
    for table, n in counts.items():
        print(f"{table:<12} {n:>10,}")
    print(f"total        {total:8.1f} s")
    print(f"  recompute  {derived['seconds']:8.1f} s"
          + ("  (skipped)" if args.skip_derived else ""))
    print(f"peak memory  {peak_mb:8.0f} MB")


if __name__ == "__main__":
    main()
