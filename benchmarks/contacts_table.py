"""How fast the contacts table gets its blocks on a big workspace (prints numbers).

Usage: python benchmarks/contacts_table.py WORKSPACE [--make N]

With ``--make N`` first fills an empty workspace with N generated contacts.
Prints the time of COUNT and of one block at the top, the middle and the end
for every sort column, with and without a search.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.ui.data import insert_contacts
from ui.contacts_model import (
    BLOCK_ROWS,
    COLUMNS,
    ContactQuery,
    count_contacts,
    fetch_contacts,
)
from workspace.db import open_workspace


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace")
    parser.add_argument("--make", type=int, default=0)
    args = parser.parse_args()
    engine = open_workspace(args.workspace)
    if args.make:
        started = time.perf_counter()
        insert_contacts(engine, args.make)
        print(f"inserted {args.make} contacts in {time.perf_counter() - started:.1f} s")
    for search in ("", "москва"):
        query = ContactQuery(search=search)
        started = time.perf_counter()
        total = count_contacts(engine, query)
        print(
            f"search={search!r}: count={total} in {1000 * (time.perf_counter() - started):.0f} ms"
        )
        for key in COLUMNS:
            for descending in (False, True):
                query = ContactQuery(search=search, sort_key=key, descending=descending)
                times = []
                for offset in (0, total // 2, max(total - BLOCK_ROWS, 0)):
                    started = time.perf_counter()
                    fetch_contacts(engine, query, offset, BLOCK_ROWS)
                    times.append(1000 * (time.perf_counter() - started))
                shown = " / ".join(f"{t:.0f}" for t in times)
                print(
                    f"  sort {key:<14} {'desc' if descending else 'asc '}: "
                    f"block at top / middle / end {shown} ms"
                )


if __name__ == "__main__":
    main()
