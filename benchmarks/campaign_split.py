"""How fast the A/B split and the live group sizes are (prints numbers).

    python benchmarks/campaign_split.py [--contacts 1000000]

Measures hashing every e-mail into its group (what freezing an export does)
and the app's live sizes: positions once per segment, then every slider move
by bisection.
"""

from __future__ import annotations

import argparse
import statistics
import time

from campaigns.split import positions, sizes, split


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=1_000_000)
    args = parser.parse_args()
    emails = [f"customer{i}@example.ru" for i in range(args.contacts)]
    start = time.perf_counter()
    groups = split("bench-key", emails, ["A", "B"], [10, 10, 80])
    split_s = time.perf_counter() - start
    start = time.perf_counter()
    sorted_positions = positions("bench-key", emails)
    positions_s = time.perf_counter() - start
    moves = []
    for share in range(1, 51):
        t = time.perf_counter()
        sizes(sorted_positions, ["A", "B"], [share, share, 100 - 2 * share])
        moves.append(time.perf_counter() - t)
    print(f"contacts: {args.contacts:,}")
    print(f"split into groups: {split_s:.2f} s "
          f"(A {len(groups['A']):,}, B {len(groups['B']):,}, rest {len(groups['rest']):,})")
    print(f"positions for live sizes: {positions_s:.2f} s once per segment")
    print(f"one slider move: median {statistics.median(moves) * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
