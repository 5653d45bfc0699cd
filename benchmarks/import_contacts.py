"""Benchmark: import a million contacts from a Windows-1251, ``;``-separated CSV.

Run ``python benchmarks/import_contacts.py [--rows N] [--keep DIR]``. It
writes the file in a temporary folder, imports it into a fresh SQLite
workspace in a child process (so the peak resident memory measured with
``getrusage`` is the import's alone), imports it a second time (everything
unchanged) and prints rows per second, CPU time and peak memory. Target: a
million rows in under 60 s and 500 MB.

Numbers on the 2 shared cores, 2 custom columns per contact, schema 0004
(CPU time swings by about 15% with what else runs on the machine):

* before the index deferral and conversion shortcuts (load 1.8): first
  import 98 s wall / 96 s CPU, re-import 44 s wall / 43 s CPU, peak 361 MB;
* after (load 1.6-1.8, three runs): first import 70-84 s wall / 69-80 s CPU,
  re-import 45-52 s wall / 40-47 s CPU, peak 466 MB. The peak grew because
  rebuilding an index sorts the whole table in memory (temp_store=MEMORY)
  next to the 200 MB page cache set in workspace/db.py.

* writer thread (workspace/imports/pipeline.py: the contact INSERTs run
  as one JSON-array statement per batch on a second thread, GIL-free,
  while the next rows are parsed; page cache 64 MB during the import).
  Before, same session (load 1.1-1.6): first import 77.6 s wall / 76.4 s
  CPU, re-import 33.7 s, peak 466 MB. After, three runs (load 1.1-1.2 at
  the start and end of each): first import 48.5 / 51.3 / 56.5 s wall,
  67 / 71 / 81 s CPU; re-import 29.1-29.8 s wall; peak 351-357 MB. CPU
  time is higher than wall time now: the second core does the inserts.
* plus keeping the indexes whose columns take few distinct values in the
  first batch (status, city, attributes...: the writer thread extends them
  at a few hot pages) instead of rebuilding them; two runs (load 0.9-1.2):
  first import 43.3 / 49.1 s wall, 66 / 76 s CPU, index rebuild ~5 s
  instead of ~14 s; re-import 31.4-31.7 s; peak 354-356 MB.
  Tried and dropped: the whole batch write on the thread with
  executemany (77 s: the thread takes the GIL back after every row and
  waits for it each time), and keeping the indexes so the thread updates
  them (131 s: row-by-row index upkeep costs far more than the rebuild).

Where the first import's CPU goes at 1M rows (with the writer thread):
reading, parsing and building rows ~35 s on the main thread, duplicate-key
check ~5 s, SQLite inserts ~15 s on the writer thread (overlapped),
rebuilding the deferred indexes ~5 s (about 1.5 s per index, not
overlapped: nothing else is left to do then), the rest commit and derived
data. Wall time therefore depends on the second core being free.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

HEADERS = ["E-mail", "Имя", "Фамилия", "Пол", "Дата рождения", "Город", "Телефон",
           "Согласие на рассылку", "Статус", "Дата регистрации", "Сумма покупок",
           "Клубная карта"]
FIRST = {"ж": ["Анна", "Мария", "Ольга", "Екатерина", "Наталья", "Ирина", "Алёна"],
         "м": ["Иван", "Пётр", "Сергей", "Алексей", "Дмитрий", "Андрей", "Михаил"]}
LAST = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев"]
CITIES = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Тверь"]
STATUSES = ["", "", "", "подписан", "отписан", "bounced"]


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """Write ``rows`` contacts in the shape of a Russian Excel CSV export."""
    rnd = random.Random(seed)
    with path.open("w", encoding="cp1251", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        for n in range(rows):
            gender = rnd.choice("жм")
            last = rnd.choice(LAST) + ("а" if gender == "ж" else "")
            writer.writerow([
                f"user{n}@example.ru",
                rnd.choice(FIRST[gender]),
                last,
                gender,
                f"{rnd.randint(1, 28):02d}.{rnd.randint(1, 12):02d}.{rnd.randint(1950, 2005)}",
                rnd.choice(CITIES),
                f"+7 9{rnd.randint(10, 99)} {rnd.randint(100, 999)}-{rnd.randint(10, 99)}-"
                f"{rnd.randint(10, 99)}",
                rnd.choice(("да", "нет", "да")),
                rnd.choice(STATUSES),
                f"2023-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d} "
                f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}",
                f"{rnd.randint(0, 99)} {rnd.randint(100, 999)},{rnd.randint(0, 99):02d}",
                rnd.choice(("Gold", "Silver", "")),
            ])


def child(file: Path, workspace: Path) -> None:
    """Import ``file`` twice into ``workspace``; print timings and peak memory as JSON."""
    from workspace.db import open_workspace
    from workspace.importer import import_file

    engine = open_workspace(str(workspace))
    timings = []
    for _ in range(2):
        start, cpu = time.perf_counter(), time.process_time()
        result = import_file(engine, "contacts", file)
        timings.append({
            "seconds": round(time.perf_counter() - start, 2),
            "cpu_seconds": round(time.process_time() - cpu, 2),
            "imported": result.imported,
            "updated": result.updated,
            "unchanged": result.unchanged,
            "rejected": result.rejected,
        })
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"runs": timings, "peak_mb": round(peak_kb / 1024, 1)}))


def main() -> None:
    """Generate, import in a child process, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="folder to keep the CSV and workspace in")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        file = folder / "contacts.csv"
        start = time.perf_counter()
        generate(file, args.rows)
        print(f"generated {args.rows:,} rows, {file.stat().st_size / 2**20:.0f} MB "
              f"in {time.perf_counter() - start:.1f} s")
        workspace = folder / "bench.sqlite"
        for stale in folder.glob("bench.sqlite*"):
            stale.unlink()
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(file), str(workspace)],
            check=True, capture_output=True, text=True, cwd=ROOT,
        ).stdout
        data = json.loads(out.strip().splitlines()[-1])
        for label, run in zip(("first import", "re-import"), data["runs"], strict=True):
            rate = args.rows / run["seconds"] if run["seconds"] else 0.0
            print(f"{label}: {run['seconds']:.1f} s wall, {run['cpu_seconds']:.1f} s CPU, "
                  f"{rate:,.0f} rows/s "
                  f"(imported {run['imported']:,}, updated {run['updated']:,}, "
                  f"unchanged {run['unchanged']:,}, rejected {run['rejected']:,})")
        print(f"peak memory of the import process: {data['peak_mb']:.0f} MB")
        print(f"load average during the run: {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs (wall time suffers when others share them)")


if __name__ == "__main__":
    main()
