"""Throughput of the Unisender exporter against the fake server on 127.0.0.1.

Run: ``python benchmarks/unisender_export.py [--contacts 50000]``. Prints the
time of a first export (list, imports of 500 rows, two messages and two
campaigns, every object recorded in a SQLite workspace), of a re-run that
finds everything recorded (no request), and of a dry run. The fake answers at
once, so this is Konvert's own overhead (encoding, HTTP, recording), not
Unisender's.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert

from esp.unisender import export_unisender
from tests.esp_unisender.conftest import make_payload
from tests.esp_unisender.fakes import GOOD_KEY, FakeUnisender
from workspace.db import open_workspace
from workspace.models import Campaign


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=50_000,
                        help="contacts in the two test groups together")
    args = parser.parse_args()
    half = args.contacts // 2
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_workspace(f"sqlite:///{tmp}/bench.sqlite")
        with engine.begin() as conn:
            result = conn.execute(insert(Campaign).values(name="bench", split_key="k",
                                                          shares=[50, 50, 0], data={}))
            assert result.inserted_primary_key is not None
            campaign_id = int(result.inserted_primary_key[0])
        payload = make_payload(campaign_id, {"A": half, "B": args.contacts - half},
                               name="bench")
        server = FakeUnisender()
        with server.serve() as url:
            for label, dry in (("first export", False), ("re-run (all recorded)", False),
                               ("dry run", True)):
                before = len(server.requests)
                start = time.perf_counter()
                export_unisender(engine, payload, key=GOOD_KEY, api_url=url, dry_run=dry)
                seconds = time.perf_counter() - start
                calls = len(server.requests) - before
                print(f"{label:24s} {seconds:7.2f} s  {calls:5d} requests  "
                      f"{args.contacts / seconds:9.0f} contacts/s")
        assert len(server.contacts) == args.contacts
        engine.dispose()


if __name__ == "__main__":
    main()
